"""Scenario files: a YAML list of cases, each a rule, a date, inputs and the expected decision.

The CLI (`python -m nmpa_rules test`) and the pytest suite run them through the same code.

A scenario file is untrusted input: whoever wrote it, reading and running it is bounded.
Each file is read within the limits of ``yaml_io`` (size, values with aliases expanded,
nesting); a run reads at most ``MAX_FILES`` files of ``MAX_RUN_BYTES`` bytes in all and
runs at most ``MAX_CASES`` cases, each one evaluate() whose cost the rules' input ranges
bound (the costliest, a review clock with the longest pause, takes tens of milliseconds).
Results are produced one at a time, so memory does not grow with the number of cases.
Every problem in the files is found before any case runs and reported together, each
naming the file, the line, the case and the field.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from .errors import InputError, raise_all, shorten
from .typed import decide_typed
from .model import Decision, json_ready
from .yaml_io import Lines, line_of, load_yaml

MAX_FILES = 100
MAX_RUN_BYTES = 2_000_000
MAX_CASES = 1000
MAX_NAME_CHARS = 200

_CASE_KEYS = {"name", "rule", "as_of", "input", "expect"}
_EXPECT_KEYS = {"outcome", "values", "cites", "error"}
_INPUT_VALUE_TYPES = (str, bool, int, float, date, type(None))


@dataclass(frozen=True)
class Scenario:
    name: str
    rule: str
    as_of: date | str
    inputs: dict[str, Any]
    expect: dict[str, Any]
    file: str
    line: int | None

    @property
    def label(self) -> str:
        return f"{self.file}::{self.name}"


@dataclass(frozen=True)
class Result:
    scenario: Scenario
    problems: tuple[str, ...]
    decision: Decision | None

    @property
    def passed(self) -> bool:
        return not self.problems


def scenario_files(paths: list[str | Path]) -> list[Path]:
    """Every .yaml/.yml file named, or found under a folder named, in a stable order.

    Folders are walked without following links, so a link cannot make the walk endless.
    """
    found: list[Path] = []
    problems: list[InputError] = []
    for given in map(Path, paths):
        if given.is_dir():
            for folder, subfolders, files in os.walk(given):
                subfolders.sort()
                found.extend(Path(folder) / name for name in sorted(files) if name.endswith((".yaml", ".yml")))
                if len(found) > MAX_FILES:
                    break
        elif given.is_file():
            found.append(given)
        elif given.exists():
            problems.append(InputError("path", str(given), "give scenario files or folders", problem="is neither a file nor a folder"))
        else:
            problems.append(InputError("path", str(given), "give scenario files or folders that exist", problem="does not exist"))
        if len(found) > MAX_FILES:
            problems.append(InputError(
                "path", str(given), f"a run reads at most {MAX_FILES} files; name fewer", problem="holds too many scenario files"
            ))
            break
    raise_all(problems)
    if not found:
        raise InputError(
            "path", " ".join(map(str, paths)), "give .yaml or .yml scenario files, or folders that hold some",
            problem="holds no scenario files",
        )
    return found


class _FileReader:
    """Reads the cases of one file, collecting every problem instead of stopping at the first."""

    def __init__(self, path: Path, lines: Lines):
        self.file = str(path)
        self.lines = lines
        self.problems: list[InputError] = []

    def problem(self, where: tuple, case: str | None, field: str, value: Any, allowed: str, problem: str) -> None:
        self.problems.append(InputError(
            field, value, allowed, problem=problem, file=self.file, line=line_of(self.lines, where), case=case
        ))

    def read_case(self, case: Any, index: int) -> Scenario | None:
        where = (index,)
        label = f"case {index + 1}"
        if not isinstance(case, dict):
            self.problem(where, label, "case", case,
                         "each case is a mapping with " + ", ".join(sorted(_CASE_KEYS)), "is not a mapping")
            return None
        name = case.get("name")
        if isinstance(name, str) and name.strip():
            label = f"case {index + 1} ({shorten(name)!r})"
        count = len(self.problems)
        for key in case:
            if key not in _CASE_KEYS:
                self.problem(where + (key,), label, key, case[key],
                             "case keys: " + ", ".join(sorted(_CASE_KEYS)), "is not a case key")
        for key in ("name", "rule", "as_of", "expect"):
            if key not in case:
                self.problem(where, label, key, None, f"each case needs '{key}'", "is missing")
        if "name" in case and not (isinstance(name, str) and name.strip() and len(name) <= MAX_NAME_CHARS):
            self.problem(where + ("name",), label, "name", name, f"a name is text of 1 to {MAX_NAME_CHARS} characters", "is not a usable name")
        if "rule" in case and not isinstance(case["rule"], str):
            self.problem(where + ("rule",), label, "rule", case["rule"], "a rule id is text, e.g. stem_cells.pathway", "is not text")
        if "as_of" in case and not isinstance(case["as_of"], (str, date)):
            self.problem(where + ("as_of",), label, "as_of", case["as_of"], "a date, YYYY-MM-DD", "is not a date")
        inputs = self._read_inputs(case.get("input"), where + ("input",), label)
        expect = self._read_expect(case.get("expect"), where + ("expect",), label) if "expect" in case else None
        if len(self.problems) > count or inputs is None or expect is None:
            return None
        return Scenario(name=name, rule=case["rule"], as_of=case["as_of"], inputs=inputs, expect=expect,
                        file=self.file, line=line_of(self.lines, where))

    def _read_inputs(self, inputs: Any, where: tuple, label: str) -> dict | None:
        if inputs is None:
            return {}
        if not isinstance(inputs, dict):
            self.problem(where, label, "input", inputs, "input is a mapping of field: value", "is not a mapping")
            return None
        good = True
        for key, value in inputs.items():
            if not isinstance(key, str):
                self.problem(where, label, "input", key, "input names are text", "has a key that is not text")
                good = False
            elif not isinstance(value, _INPUT_VALUE_TYPES):
                self.problem(where + (key,), label, f"input.{key}", value,
                             "an input is one value: text, a number, true/false, a date or null", "is not a single value")
                good = False
            elif isinstance(value, float) and not math.isfinite(value):
                # YAML reads a number too large for a float, such as 1.0e+999, as infinity.
                self.problem(where + (key,), label, f"input.{key}", value,
                             "give a number a float can hold (at most about 1.8e308)", "is not a finite number")
                good = False
        return inputs if good else None

    def _read_expect(self, expect: Any, where: tuple, label: str) -> dict | None:
        if not isinstance(expect, dict):
            self.problem(where, label, "expect", expect, "expect is a mapping", "is not a mapping")
            return None
        count = len(self.problems)
        for key in expect:
            if key not in _EXPECT_KEYS:
                self.problem(where + (key,), label, f"expect.{key}", expect[key],
                             "expect keys: " + ", ".join(sorted(_EXPECT_KEYS)), "is not an expect key")
        if ("error" in expect) == ("outcome" in expect):
            self.problem(where, label, "expect", expect,
                         "give either outcome (with optional values, cites) or error", "is incomplete")
        for key in ("outcome", "error"):
            if key in expect and not isinstance(expect[key], str):
                self.problem(where + (key,), label, f"expect.{key}", expect[key], f"{key} is text", "is not text")
        values = expect.get("values", {})
        if not isinstance(values, dict) or not all(isinstance(key, str) for key in values):
            self.problem(where + ("values",), label, "expect.values", values,
                         "values is a mapping from value names to what they should be", "is malformed")
        cites = expect.get("cites", [])
        if not isinstance(cites, list) or not all(isinstance(item, str) for item in cites):
            self.problem(where + ("cites",), label, "expect.cites", cites, "cites is a list of source ids", "is malformed")
        return expect if len(self.problems) == count else None


def _load(path: Path, room: int) -> tuple[list[Scenario], list[InputError]]:
    """The cases of one file and every problem found in it; at most ``room`` cases are read."""
    data, lines = load_yaml(path)
    reader = _FileReader(path, lines)
    if not isinstance(data, list):
        reader.problem((), None, "(file)", data, "a scenario file is a YAML list of cases", "is not a list")
        return [], reader.problems
    if not data:
        reader.problem((), None, "(file)", data, "a scenario file lists at least one case", "has no cases")
    if len(data) > room:
        reader.problem((), None, "(file)", f"{len(data)} cases", f"a run takes at most {MAX_CASES} cases in all",
                       "has too many cases")
        return [], reader.problems
    scenarios = []
    names: set[str] = set()
    for index, case in enumerate(data):
        scenario = reader.read_case(case, index)
        if scenario is None:
            continue
        if scenario.name in names:
            reader.problem((index, "name"), f"case {index + 1}", "name", scenario.name,
                           "give each case in a file its own name", "is used twice")
        names.add(scenario.name)
        scenarios.append(scenario)
    return scenarios, reader.problems


def load_scenarios(path: Path) -> list[Scenario]:
    """Every case of one file; InputError (InputErrors for several) for anything wrong in it."""
    scenarios, problems = _load(path, MAX_CASES)
    raise_all(problems)
    return scenarios


def run_scenario(scenario: Scenario) -> Result:
    expect = scenario.expect
    try:
        # Text in a scenario file is read as a reader's typed text is, by the one reader.
        decision = decide_typed(scenario.rule, {"as_of": scenario.as_of, **scenario.inputs})
    except InputError as err:
        fields = [problem.field for problem in err.problems]
        if "error" in expect and expect["error"] in fields:
            return Result(scenario, (), None)
        return Result(scenario, tuple(f"input error: {problem}" for problem in err.problems), None)
    except Exception as err:  # noqa: BLE001 - a bug in a rule fails its case, never the whole run
        return Result(scenario, (f"internal error (a bug in nmpa_rules): {type(err).__name__}: {shorten(str(err), 300)}",), None)
    if "error" in expect:
        return Result(scenario, (f"expected an input error on {expect['error']}, got outcome {decision.outcome}",), decision)
    problems = []
    if decision.outcome != expect["outcome"]:
        problems.append(f"outcome: expected {expect['outcome']}, got {decision.outcome}")
    actual_values = json_ready(decision.values)
    for key, wanted in json_ready(expect.get("values", {})).items():
        if key not in actual_values:
            problems.append(f"values.{key}: expected {shorten(repr(wanted))}, but the decision has no such value")
        elif actual_values[key] != wanted:
            problems.append(f"values.{key}: expected {shorten(repr(wanted))}, got {shorten(repr(actual_values[key]))}")
    cited = decision.cited_source_ids()
    for source_id in expect.get("cites", []):
        if source_id not in cited:
            problems.append(f"cites: {shorten(source_id)} is not among the reasons' sources ({', '.join(cited)})")
    return Result(scenario, tuple(problems), decision)


def iter_results(paths: list[str | Path]) -> Iterator[Result]:
    """Load every file first, so that a broken file stops the run before any case runs;
    then run the cases one at a time."""
    files = scenario_files(paths)
    total_bytes = sum(path.stat().st_size for path in files)
    if total_bytes > MAX_RUN_BYTES:
        raise InputError("path", " ".join(map(str, paths)), f"a run reads at most {MAX_RUN_BYTES} bytes; name fewer files",
                         problem=f"holds {total_bytes} bytes of scenario files")
    scenarios: list[Scenario] = []
    problems: list[InputError] = []
    for path in files:
        try:
            loaded, found = _load(path, MAX_CASES - len(scenarios))
        except InputError as err:
            loaded, found = [], [err]
        scenarios.extend(loaded)
        problems.extend(found)
    raise_all(problems)
    if not scenarios:
        raise InputError("path", " ".join(map(str, paths)), "give scenario files with cases", problem="holds no cases")
    return map(run_scenario, scenarios)


def run_paths(paths: list[str | Path]) -> list[Result]:
    """Every result of the scenario files under ``paths``."""
    return list(iter_results(paths))
