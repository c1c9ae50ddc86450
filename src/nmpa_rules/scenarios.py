"""Scenario files: a YAML list of cases, each a rule, a date, inputs and the expected decision.

The CLI (`python -m nmpa_rules test`) and the pytest suite run them through the same code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError, RuleTableError
from .evaluation import evaluate
from .model import Decision, json_ready
from .yaml_io import Lines, line_of, load_yaml

_CASE_KEYS = {"name", "rule", "as_of", "input", "expect"}
_EXPECT_KEYS = {"outcome", "values", "cites", "error"}


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
    """Every .yaml/.yml file named, or found under a folder named, in a stable order."""
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found.extend(sorted(p for p in given.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif given.is_file():
            found.append(given)
        else:
            raise InputError("path", str(given), "give scenario files or folders that exist", problem="does not exist")
    return found


def load_scenarios(path: Path) -> list[Scenario]:
    data, lines = load_yaml(path)
    file = str(path)

    def fail(where: tuple, field: str, value: Any, allowed: str, problem: str) -> InputError:
        return InputError(field, value, allowed, problem=problem, file=file, line=line_of(lines, where))

    if not isinstance(data, list):
        raise fail((), "(file)", type(data).__name__, "a scenario file is a YAML list of cases", "is not a list")
    scenarios = []
    names: set[str] = set()
    for index, case in enumerate(data):
        scenario = _read_case(case, (index,), fail, file, lines)
        if scenario.name in names:
            raise fail((index, "name"), "name", scenario.name, "give each case in a file its own name", "is used twice")
        names.add(scenario.name)
        scenarios.append(scenario)
    return scenarios


def _read_case(case: Any, where: tuple, fail, file: str, lines: Lines) -> Scenario:
    if not isinstance(case, dict):
        raise fail(where, "case", case, "each case is a mapping with " + ", ".join(sorted(_CASE_KEYS)), "is not a mapping")
    for key in case:
        if key not in _CASE_KEYS:
            raise fail(where + (key,), key, case[key], "case keys: " + ", ".join(sorted(_CASE_KEYS)), "is not a case key")
    for key in ("name", "rule", "as_of", "expect"):
        if key not in case:
            raise fail(where, key, None, f"each case needs '{key}'", "is missing")
    inputs = case.get("input") or {}
    if not isinstance(inputs, dict):
        raise fail(where + ("input",), "input", inputs, "input is a mapping of field: value", "is not a mapping")
    expect = case["expect"]
    if not isinstance(expect, dict):
        raise fail(where + ("expect",), "expect", expect, "expect is a mapping", "is not a mapping")
    for key in expect:
        if key not in _EXPECT_KEYS:
            raise fail(where + ("expect", key), key, expect[key], "expect keys: " + ", ".join(sorted(_EXPECT_KEYS)), "is not an expect key")
    if ("error" in expect) == ("outcome" in expect):
        raise fail(where + ("expect",), "expect", expect, "give either outcome (with optional values, cites) or error", "is incomplete")
    if not isinstance(expect.get("values", {}), dict) or not isinstance(expect.get("cites", []), list):
        raise fail(where + ("expect",), "expect", expect, "values is a mapping and cites a list of source ids", "is malformed")
    return Scenario(
        name=str(case["name"]),
        rule=case["rule"],
        as_of=case["as_of"],
        inputs=inputs,
        expect=expect,
        file=file,
        line=line_of(lines, where),
    )


def run_scenario(scenario: Scenario) -> Result:
    expect = scenario.expect
    try:
        decision = evaluate(scenario.rule, scenario.as_of, **scenario.inputs)
    except InputError as err:
        if "error" in expect and err.field == expect["error"]:
            return Result(scenario, (), None)
        return Result(scenario, (f"input error: {err}",), None)
    except RuleTableError as err:
        return Result(scenario, (f"internal error: {err}",), None)
    if "error" in expect:
        return Result(scenario, (f"expected an input error on {expect['error']}, got outcome {decision.outcome}",), decision)
    problems = []
    if decision.outcome != expect["outcome"]:
        problems.append(f"outcome: expected {expect['outcome']}, got {decision.outcome}")
    actual_values = json_ready(decision.values)
    for key, wanted in json_ready(expect.get("values", {})).items():
        if key not in actual_values:
            problems.append(f"values.{key}: expected {wanted!r}, but the decision has no such value")
        elif actual_values[key] != wanted:
            problems.append(f"values.{key}: expected {wanted!r}, got {actual_values[key]!r}")
    cited = decision.cited_source_ids()
    for source_id in expect.get("cites", []):
        if source_id not in cited:
            problems.append(f"cites: {source_id} is not among the reasons' sources ({', '.join(cited)})")
    return Result(scenario, tuple(problems), decision)


def run_paths(paths: list[str | Path]) -> list[Result]:
    """Load every file first, so that a broken file stops the run before any case runs."""
    scenarios = [scenario for path in scenario_files(paths) for scenario in load_scenarios(path)]
    return [run_scenario(scenario) for scenario in scenarios]
