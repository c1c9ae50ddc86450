"""Time the course-kit targets and print what they produce. Prints a table; not a test.

    .venv/bin/python benchmarks/bench_course_kit.py

Runs in the repository's own _build (after `make book`), as a trainer would:

1. `make student` (the full edition is current, so no notebook runs);
2. `make handouts` with every PDF printed (the record of printed pages is removed first), then
   again with nothing changed;
3. `make dist`;

then counts the pages and bytes of every handout and of each zip of the bundle.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[1]
HANDOUTS = REPO / "_build" / "handouts"
DIST = REPO / "_build" / "dist"


def timed_make(target: str) -> float:
    started = time.perf_counter()
    subprocess.run(["make", "--no-print-directory", target], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def pdf_figures(paths: list[Path]) -> tuple[int, int, int, int]:
    pages = [len(PdfReader(p).pages) for p in paths]
    return len(paths), sum(pages), max(pages), sum(p.stat().st_size for p in paths)


def main() -> None:
    rows = [("make student (full edition current)", f"{timed_make('student'):.0f} s")]
    (HANDOUTS / ".printed.json").unlink(missing_ok=True)
    rows.append(("make handouts, every PDF printed", f"{timed_make('handouts'):.0f} s"))
    rows.append(("make handouts, nothing changed", f"{timed_make('handouts'):.0f} s"))
    rows.append(("make dist (after handouts)", f"{timed_make('dist'):.0f} s"))
    for label, pattern in (("student handouts", "student/*.pdf"), ("answer keys", "answer-keys/*.pdf")):
        count, pages, longest, size = pdf_figures(sorted(HANDOUTS.glob(pattern)))
        rows.append((label, f"{count} PDFs, {pages} pages (longest {longest}), {size / 1e6:.1f} MB"))
    _, pages, _, size = pdf_figures([HANDOUTS / "book-student.pdf"])
    rows.append(("whole book, student edition", f"{pages} pages, {size / 1e6:.1f} MB"))
    for archive in sorted(DIST.glob("*.zip")):
        rows.append((archive.name, f"{archive.stat().st_size / 1e6:.1f} MB"))
    width = max(len(label) for label, _ in rows)
    print(f"{'Measure':{width}}  Value")
    for label, value in rows:
        print(f"{label:{width}}  {value}")


if __name__ == "__main__":
    main()
