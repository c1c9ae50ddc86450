"""Every scenario file, run through the same runner as `python -m nmpa_rules test`."""

from pathlib import Path

import pytest

from nmpa_rules import InputError
from nmpa_rules.scenarios import load_scenarios, run_paths, run_scenario, scenario_files

SCENARIO_DIR = Path(__file__).parent / "scenarios"
SCENARIOS = [s for path in scenario_files([SCENARIO_DIR]) for s in load_scenarios(path)]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: f"{Path(s.file).stem}::{s.name}")
def test_scenario(scenario):
    result = run_scenario(scenario)
    assert result.passed, "\n".join(result.problems)


def test_there_are_enough_scenarios_for_every_rule():
    by_rule = {}
    for scenario in SCENARIOS:
        by_rule.setdefault(scenario.rule, []).append(scenario)
    assert len(SCENARIOS) >= 60
    for rule_id in (
        "biologics.segmented_pilot",
        "imports.pre_approval_batches",
        "stem_cells.pathway",
        "hormones.pathway",
        "timelines.review_clock",
    ):
        assert len(by_rule[rule_id]) >= 10, rule_id


CASE = """\
- name: a case
  rule: stem_cells.pathway
  as_of: 2025-06-01
  input: {{purpose: clinical_research, institution_filed: true}}
  expect: {expect}
"""


def _run(tmp_path, expect):
    path = tmp_path / "case.yaml"
    path.write_text(CASE.format(expect=expect), encoding="utf-8")
    [result] = run_paths([path])
    return result


@pytest.mark.parametrize(
    "expect, problem",
    [
        ("{outcome: not_permitted}", "outcome: expected not_permitted, got clinical_research_filing"),
        ("{outcome: clinical_research_filing, values: {governing_document: decree818_2025}}", "values.governing_document"),
        ("{outcome: clinical_research_filing, values: {deadline: 2025-01-01}}", "no such value"),
        ("{outcome: clinical_research_filing, cites: [drr2020]}", "cites: drr2020"),
        ("{error: purpose}", "expected an input error on purpose"),
    ],
)
def test_a_wrong_expectation_fails(tmp_path, expect, problem):
    result = _run(tmp_path, expect)
    assert not result.passed
    assert any(problem in text for text in result.problems), result.problems


def test_an_unexpected_input_error_fails(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(CASE.format(expect="{outcome: drug_registration}").replace("clinical_research,", "cure,"))
    [result] = run_paths([path])
    assert not result.passed and "input error: purpose" in result.problems[0]


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("- name: a\n  rule: x\n  as_of: 2025-01-01\n  expect: {outcome: [\n", 5, "YAML syntax error"),
        ("- name: a\n  rule: x\n  as_of: 2025-01-01\n  expects: {outcome: y}\n", 4, "is not a case key"),
        ("- name: a\n  rule: x\n  expect: {outcome: y}\n", 1, "as_of"),
        ("- name: a\n  rule: x\n  as_of: 2025-01-01\n  expect: {}\n", 4, "give either outcome"),
        ("- name: a\n  rule: x\n  as_of: 2025-01-01\n  input: [1]\n  expect: {outcome: y}\n", 4, "input is a mapping"),
        ("name: a\n", 1, "is not a list"),
    ],
)
def test_a_broken_scenario_file_names_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run_paths([tmp_path])
    assert caught.value.file == str(path)
    assert caught.value.line == line
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_duplicate_case_names_are_refused(tmp_path):
    path = tmp_path / "twice.yaml"
    path.write_text(CASE.format(expect="{outcome: x}") * 2, encoding="utf-8")
    with pytest.raises(InputError, match="is used twice"):
        load_scenarios(path)


def test_a_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        scenario_files([tmp_path / "nowhere"])
