"""Print the time and peak memory of `python -m nmpa_rules test` on hostile files (not a test).

Run: .venv/bin/python benchmarks/bench_hostile_inputs.py

Each file runs in its own interpreter, which reports its wall time, its CPU time (steadier
on a shared machine) and its peak resident memory (ru_maxrss) at exit; the first row, a run on one good case, is the baseline of an
interpreter that imports the rules. The files are written to a temporary folder:

- aliases that would expand to 10**9 values ("billion laughs") in under 400 bytes;
- a recursive alias; deep nesting; a 5000-digit number; a file over the size bound;
- a list of values just under the value bound, and one just over it; the most values a
  run allows, as files at the size bound that each hold one case;
- the largest run the bounds allow of the costliest case: MAX_CASES review clocks with the
  longest pause, spread over files;
- MAX_FILES files of cases whose inputs are all wrong, every problem reported.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nmpa_rules.scenarios import MAX_CASES, MAX_FILES, MAX_RUN_BYTES  # noqa: E402
from nmpa_rules.yaml_io import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES  # noqa: E402

CHILD = """
import contextlib, io, resource, sys, time
start = time.perf_counter()
from nmpa_rules.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
    status = main(["test", sys.argv[1]])
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
peak_mb = usage.ru_maxrss / 1024
first = (err.getvalue().splitlines() or [""])[0][:90]
print(f"{status}\\t{seconds:.2f}\\t{cpu:.2f}\\t{peak_mb:.0f}\\t{first}")
"""

GOOD = """\
- name: good {index}
  rule: stem_cells.pathway
  as_of: 2025-06-01
  input: {{purpose: clinical_research, institution_filed: true}}
  expect: {{outcome: clinical_research_filing}}
"""
COSTLY = """\
- name: longest clock {index}
  rule: timelines.review_clock
  as_of: 2099-12-31
  input: {{procedure: nda_standard, started_on: 2094-01-01, paused_working_days: 1000}}
  expect: {{outcome: computed}}
"""
ALL_WRONG = """\
- name: all wrong {index}
  rule: hormones.pathway
  as_of: someday
  input: {{colour: red, use: 7, setting: nowhere, preparation: 2.5e+300}}
  expect: {{outcome: approved_use}}
"""


def laughs(levels: int) -> str:
    text = "- &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, levels):
        text += f"- &a{level} [" + ",".join([f"*a{level - 1}"] * 10) + "]\n"
    return text


def write_cases(folder: Path, template: str, cases: int, files: int) -> Path:
    folder.mkdir()
    per_file = -(-cases // files)
    for number in range(files):
        chunk = range(number * per_file, min(cases, (number + 1) * per_file))
        (folder / f"part{number:03d}.yaml").write_text("".join(template.format(index=i) for i in chunk))
    return folder


def hostile_files(folder: Path) -> dict[str, Path]:
    files = {}

    def put(name: str, text: str) -> None:
        path = folder / f"{name}.yaml"
        path.write_text(text)
        files[name] = path

    put("baseline: one good case", GOOD.format(index=0))
    put(f"billion laughs ({len(laughs(9))} bytes)", laughs(9))
    put("recursive alias", "- &a [*a]\n")
    put(f"nesting {MAX_DEPTH + 1} deep", "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    put("nesting 100000 deep", "[" * 100_000 + "]" * 100_000)
    put("a 5000-digit number", "- " + "9" * 5000 + "\n")
    put(f"{MAX_FILE_BYTES + 1} bytes", "#" * (MAX_FILE_BYTES + 1))
    put(f"{MAX_NODES - 1} values (just within)", "- [" + ",".join(["1"] * (MAX_NODES - 3)) + "]\n")
    put(f"{MAX_NODES + 1} values", "- [" + ",".join(["1"] * (MAX_NODES + 1)) + "]\n")
    largest = folder / "largest"
    largest.mkdir()
    values = ",".join(["1"] * (MAX_NODES - 40))
    one_file = GOOD.format(index=0).replace(
        "expect: {outcome: clinical_research_filing}",
        f"expect: {{outcome: clinical_research_filing, values: {{x: [{values}]}}}}",
    )
    count = min(MAX_FILES, MAX_RUN_BYTES // len(one_file))
    for number in range(count):
        (largest / f"part{number:03d}.yaml").write_text(one_file.replace("good 0", f"good {number}"))
    files[f"{count} files of {MAX_NODES - 40} values each"] = largest
    files[f"{MAX_CASES} costliest cases in {MAX_FILES} files"] = write_cases(folder / "costly", COSTLY, MAX_CASES, MAX_FILES)
    files[f"{MAX_CASES} all-wrong cases in {MAX_FILES} files"] = write_cases(folder / "wrong", ALL_WRONG, MAX_CASES, MAX_FILES)
    return files


def main() -> None:
    print(f"{'file':<44} {'exit':>4} {'wall s':>7} {'CPU s':>6} {'peak MB':>8}  first error line")
    with tempfile.TemporaryDirectory() as temporary:
        for name, path in hostile_files(Path(temporary)).items():
            run = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                                 cwd=ROOT, timeout=1800)
            if run.returncode != 0:
                print(f"{name:<44} child failed: {run.stderr.strip()[-200:]}")
                continue
            status, seconds, cpu, peak, first = run.stdout.rstrip("\n").split("\t")
            print(f"{name:<44} {status:>4} {seconds:>7} {cpu:>6} {peak:>8}  {first}")


if __name__ == "__main__":
    main()
