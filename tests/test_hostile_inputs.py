"""Untrusted scenario files and odd inputs: one clear answer each, within stated bounds.

Every hostile file here is small; the bounds it trips are what keep a run short. The time
and memory a run takes are measured by benchmarks/bench_hostile_inputs.py, not here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from nmpa_rules import InputError, InputErrors, evaluate, list_rules, rule_info, source
from nmpa_rules import scenarios as scenarios_module
from nmpa_rules.cli import main
from nmpa_rules.yaml_io import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES

GOOD_CASE = """\
- name: a good case
  rule: stem_cells.pathway
  as_of: 2025-06-01
  input: {purpose: clinical_research, institution_filed: true}
  expect: {outcome: clinical_research_filing}
"""
PILOT = dict(
    product_class="innovative_biologic",
    province_in_pilot=True,
    unified_quality_system=True,
    cmo_commercial_biologics_years=3,
    applied_on="2025-03-03",
)


def run_test_command(capsys, path) -> tuple[int, str, str]:
    status = main(["test", str(path)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(tmp_path, text: str | bytes, name: str = "hostile.yaml"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# Scenario files: aliases, encodings, keys, shapes, numbers, emptiness, bounds.


def laughs(levels: int) -> str:
    """A few hundred bytes that stand for 10**levels values once the aliases are expanded."""
    text = "- &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, levels):
        text += f"- &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]\n"
    return text


def test_aliases_that_multiply_are_refused_before_they_are_expanded(tmp_path, capsys):
    path = write(tmp_path, laughs(6))
    assert path.stat().st_size < 500
    status, out, err = run_test_command(capsys, path)
    assert status == 2 and out == ""
    assert f"{path}:5: " in err, "refused on the line where the count passes the bound"
    assert f"is too big; stands for more than {MAX_NODES} values once its aliases are expanded" in err


def test_the_shipped_scenarios_use_aliases_within_the_bounds(capsys):
    status, out, _ = run_test_command(capsys, Path(__file__).parent / "scenarios")
    assert status == 0 and out.splitlines()[-1].endswith("passed, 0 failed")


def test_a_recursive_alias_is_refused(tmp_path, capsys):
    path = write(tmp_path, "- name: loop\n  input: &a {x: *a}\n")
    status, out, err = run_test_command(capsys, path)
    assert status == 2
    assert f"{path}:2: yaml: " in err and "is a recursive alias" in err


def test_a_file_that_is_not_utf8_names_its_file_and_line(tmp_path, capsys):
    path = write(tmp_path, GOOD_CASE.encode() + "- name: caf\xe9\n".encode("latin-1"))
    status, _, err = run_test_command(capsys, path)
    assert status == 2
    assert err.startswith(f"error: {path}:6: file: ") and "is not UTF-8 text; save the file as UTF-8 text" in err


@pytest.mark.parametrize(
    "case, where, words",
    [
        ("  input: {1: x, purpose: clinical_research}\n", "input: 1", "has a key that is not text"),
        ("  input: {purpose: [clinical_research]}\n", "input.purpose: ['clinical_research']", "is not a single value"),
        ("  input: {purpose: {a: 1}}\n", "input.purpose: {'a': 1}", "is not a single value"),
        ("  input: {cmo_commercial_biologics_years: 1.0e+999}\n", "input.cmo_commercial_biologics_years: inf",
         "is not a finite number"),
        ("  rule: [stem_cells.pathway]\n", "rule: ['stem_cells.pathway']", "is not text"),
        ("  as_of: {year: 2025}\n", "as_of: {'year': 2025}", "is not a date"),
        ("  expect: {outcome: [x]}\n", "expect.outcome: ['x']", "is not text"),
        ("  expect: {outcome: x, cites: [[drr2020]]}\n", "expect.cites: [['drr2020']]", "is malformed"),
        ("  expect: {outcome: x, values: {1: 2}}\n", "expect.values: {1: 2}", "is malformed"),
        ("  expect: {outcome: x, 7: y}\n", "expect.7: 'y'", "is not an expect key"),
        ("  true: 1\n", "True: 1", "is not a case key"),
    ],
)
def test_a_value_of_the_wrong_shape_names_file_case_and_field(tmp_path, capsys, case, where, words):
    base = {
        "rule": "  rule: stem_cells.pathway\n",
        "as_of": "  as_of: 2025-06-01\n",
        "input": "  input: {purpose: clinical_research, institution_filed: true}\n",
        "expect": "  expect: {outcome: clinical_research_filing}\n",
    }
    key = case.strip().split(":")[0]
    lines = [base[k] if k != key else case for k in base] + ([] if key in base else [case])
    path = write(tmp_path, "- name: odd\n" + "".join(lines))
    status, out, err = run_test_command(capsys, path)
    assert status == 2 and out == ""
    assert f"error: {path}:" in err and f": case 1 ('odd'): {where} {words}" in err, err


def test_every_bad_case_of_every_file_is_reported_together(tmp_path, capsys):
    write(tmp_path, "- name: a\n  rule: 1\n  as_of: 2025-01-01\n  expect: {outcome: x}\n- name: b\n  expect: 3\n", "one.yaml")
    write(tmp_path, "{}\n", "two.yaml")
    status, _, err = run_test_command(capsys, tmp_path)
    lines = err.splitlines()
    assert status == 2
    assert any("one.yaml:2: case 1 ('a'): rule: 1 is not text" in line for line in lines)
    assert any("one.yaml:5: case 2 ('b'): rule: None is missing" in line for line in lines)
    assert any("one.yaml:6: case 2 ('b'): expect: 3 is not a mapping" in line for line in lines)
    assert any("two.yaml:1: (file): {} is not a list" in line for line in lines)
    assert all(line.startswith("error: ") for line in lines)


def test_a_number_too_long_to_read_is_refused_with_its_line(tmp_path, capsys):
    path = write(tmp_path, GOOD_CASE.replace("institution_filed: true}", "institution_filed: true, x: " + "9" * 5000 + "}"))
    status, _, err = run_test_command(capsys, path)
    assert status == 2
    assert f"{path}:4: yaml: " in err and "is too long a number; a number has at most 300 digits" in err
    assert len(err) < 400


def test_a_key_given_twice_is_refused(tmp_path, capsys):
    path = write(tmp_path, GOOD_CASE.replace("  rule:", "  as_of: 2020-01-01\n  rule:"))
    status, _, err = run_test_command(capsys, path)
    assert status == 2 and f"{path}:4: " in err and "is a key given twice" in err


@pytest.mark.parametrize("content", ["[]\n", "", "# only a comment\n"])
def test_a_file_with_no_cases_is_an_error_not_a_green_run(tmp_path, capsys, content):
    path = write(tmp_path, content)
    status, out, err = run_test_command(capsys, path)
    assert status == 2 and out == ""
    assert str(path) in err


def test_a_folder_with_no_scenario_files_is_an_error(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("not a scenario")
    status, out, err = run_test_command(capsys, tmp_path)
    assert status == 2 and out == ""
    assert "holds no scenario files" in err


def test_a_file_over_the_size_bound_is_refused_unread(tmp_path, capsys):
    path = write(tmp_path, GOOD_CASE + "#" * MAX_FILE_BYTES)
    status, _, err = run_test_command(capsys, path)
    assert status == 2 and f"is too large; a file may have at most {MAX_FILE_BYTES} bytes" in err


def test_too_many_values_without_any_alias_are_refused(tmp_path, capsys):
    path = write(tmp_path, "- [" + ", ".join(["1"] * (MAX_NODES + 1)) + "]\n")
    status, _, err = run_test_command(capsys, path)
    assert status == 2 and "is too big" in err


def test_nesting_deeper_than_the_bound_is_refused(tmp_path, capsys):
    path = write(tmp_path, "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n")
    status, _, err = run_test_command(capsys, path)
    assert status == 2 and f"is nested too deep; values may be nested at most {MAX_DEPTH} deep" in err


def test_a_run_takes_at_most_max_cases(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(scenarios_module, "MAX_CASES", 2)
    write(tmp_path, GOOD_CASE + GOOD_CASE.replace("a good case", "another good case"), "one.yaml")
    write(tmp_path, GOOD_CASE, "two.yaml")
    status, _, err = run_test_command(capsys, tmp_path)
    assert status == 2 and "two.yaml:1: (file): '1 cases' has too many cases; a run takes at most 2 cases" in err


def test_a_run_reads_at_most_max_files(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(scenarios_module, "MAX_FILES", 2)
    for index in range(3):
        write(tmp_path, GOOD_CASE, f"case{index}.yaml")
    status, _, err = run_test_command(capsys, tmp_path)
    assert status == 2 and "holds too many scenario files; a run reads at most 2 files" in err


def test_a_recursive_alias_in_a_real_process_gives_no_traceback(tmp_path):
    path = write(tmp_path, "- &a [*a]\n")
    run = subprocess.run([sys.executable, "-m", "nmpa_rules", "test", str(path)], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "recursive alias" in run.stderr


# evaluate and check: every problem at once.


def test_evaluate_reports_every_bad_input_at_once():
    with pytest.raises(InputErrors) as caught:
        evaluate("biologics.segmented_pilot", "someday", colour="red", province_in_pilot="yes",
                 cmo_commercial_biologics_years=-1, applied_on="2025-02-30")
    problems = [(problem.field, problem.problem) for problem in caught.value.problems]
    assert problems == [
        ("as_of", "is not a date"),
        ("colour", "is not an input of this rule"),
        ("product_class", "is missing"),
        ("province_in_pilot", "is not a yes/no value"),
        ("unified_quality_system", "is missing"),
        ("cmo_commercial_biologics_years", "is too small"),
        ("applied_on", "is not a real calendar date"),
    ]
    assert isinstance(caught.value, InputError) and caught.value.field == "as_of"


def test_one_bad_input_is_still_a_plain_input_error():
    with pytest.raises(InputError) as caught:
        evaluate("biologics.segmented_pilot", "2025-06-01", **{**PILOT, "province_in_pilot": "yes"})
    assert type(caught.value) is InputError and caught.value.problems == (caught.value,)


def test_check_prints_every_problem_and_exits_2(capsys):
    status = main(["check", "biologics.segmented_pilot", "--as-of", "2025-06-01", "product_class=vaccine",
                   "province_in_pilot=maybe", "unified_quality_system=true", "cmo_commercial_biologics_years=-2",
                   "applied_on=2025-03-03"])
    err = capsys.readouterr().err.splitlines()
    assert status == 2
    assert [line.split(":")[1].strip() for line in err] == [
        "product_class", "province_in_pilot", "cmo_commercial_biologics_years"
    ]
    assert all(line.startswith("error: ") for line in err)


def test_the_same_key_twice_in_check_is_an_error(capsys):
    status = main(["check", "stem_cells.pathway", "--as-of", "2025-06-01", "purpose=clinical_research",
                   "institution_filed=true", "institution_filed=false"])
    assert status == 2
    assert "institution_filed: 'false' is given twice; give each input once" in capsys.readouterr().err


# Numbers and text.

YEARS = "cmo_commercial_biologics_years"


@pytest.mark.parametrize(
    "value, outcome",
    [
        (3, "eligible"), (np.int64(3), "eligible"), (np.float64(3.0), "eligible"), (np.float32(2.5), "not_eligible"),
        (Decimal("3"), "eligible"), (Decimal("2.9"), "not_eligible"), (Fraction(7, 2), "eligible"),
    ],
)
def test_numbers_of_every_type_are_judged_by_their_value(value, outcome):
    decision = evaluate("biologics.segmented_pilot", "2025-06-01", **{**PILOT, YEARS: value})
    assert decision.outcome == outcome


@pytest.mark.parametrize(
    "value, shown, problem",
    [
        (10**400, "a whole number of about 400 digits", "is too large"),
        (-(10**5000), "a whole number of about 5000 digits", "is too small"),
        (Decimal("1e999"), "Decimal('1E+999')", "is too large"),
        (Fraction(10**400, 3), "Fraction(", "is too large"),
        (101, "101", "is too large"),
        (Decimal("NaN"), "Decimal('NaN')", "is not a number"),
        (np.bool_(True), repr(np.bool_(True)), "is not a number"),
        (True, "True", "is not a number"),
    ],
    ids=lambda item: type(item).__name__ if not isinstance(item, str) else None,
)
def test_out_of_range_and_non_numbers_get_a_clear_message(value, shown, problem):
    with pytest.raises(InputError) as caught:
        evaluate("biologics.segmented_pilot", "2025-06-01", **{**PILOT, YEARS: value})
    message = str(caught.value)
    assert message.startswith(f"{YEARS}: {shown}") and problem in message
    assert "give a number of at least 0 and at most 100" in message
    assert len(message) < 200


def test_every_number_input_declares_a_maximum():
    numbers = [spec for info in list_rules() for spec in info.inputs if spec.kind == "number"]
    assert numbers
    assert all(spec.maximum is not None and spec.minimum is not None for spec in numbers)


def test_a_long_value_is_cut_short_in_the_message():
    with pytest.raises(InputError) as caught:
        evaluate("stem_cells.pathway", "2025-06-01", purpose="x" * 10_000, institution_filed=True)
    echoed = str(caught.value).split(" is not a known value")[0]
    assert echoed.endswith("…") and len(echoed) < 100


def test_a_value_whose_repr_fails_is_still_reported():
    class Hostile:
        def __repr__(self):
            raise RuntimeError("no")

    with pytest.raises(InputError, match="<Hostile> is not a known value"):
        evaluate("stem_cells.pathway", "2025-06-01", purpose=Hostile(), institution_filed=True)


def test_full_width_digits_are_accepted_in_dates_and_numbers_alike(capsys):
    assert evaluate("stem_cells.pathway", "２０２５－０６－０１", purpose="clinical_research",
                    institution_filed=True).as_of == date(2025, 6, 1)
    assert main(["check", "biologics.segmented_pilot", "--as-of", "２０２５-０６-０１", "product_class=innovative_biologic",
                 "province_in_pilot=true", "unified_quality_system=true", f"{YEARS}=５", "applied_on=２０２５-０３-０３",
                 "--json"]) == 0
    assert '"outcome": "eligible"' in capsys.readouterr().out


def test_digits_of_other_scripts_are_refused_in_dates_and_numbers_alike(capsys):
    arabic_indic_five = "\u0665"
    with pytest.raises(InputError, match="is not a date"):
        evaluate("stem_cells.pathway", "\u0662\u0660\u0662\u0665-\u0660\u0666-\u0660\u0661",
                 purpose="clinical_research", institution_filed=True)
    assert main(["check", "biologics.segmented_pilot", "--as-of", "2025-06-01", "product_class=innovative_biologic",
                 "province_in_pilot=true", "unified_quality_system=true", f"{YEARS}={arabic_indic_five}",
                 "applied_on=2025-03-03"]) == 2
    assert f"{YEARS}: '{arabic_indic_five}' is not a number" in capsys.readouterr().err


# Output.


def test_check_works_when_the_terminal_cannot_show_chinese(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    run = subprocess.run(
        [sys.executable, "-m", "nmpa_rules", "check", "biologics.segmented_pilot", "--as-of", "2025-06-01",
         "product_class=innovative_biologic", "province_in_pilot=true", "unified_quality_system=true",
         f"{YEARS}=3", "applied_on=2025-03-03"],
        capture_output=True, env=env,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr.decode()
    assert "\\u56fd\\u836f\\u76d1" in run.stdout.decode("ascii"), "国药监 is written as escapes"


def test_the_review_clock_calendar_is_summarized_not_dumped(capsys):
    assert main(["check", "timelines.review_clock", "--as-of", "2026-01-05", "procedure=nda_standard",
                 "started_on=2026-01-05", "paused_working_days=1000"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) < 300
    calendar = next(line for line in out.splitlines() if line.strip().startswith("calendar:"))
    assert "entries from 2026-01-05 to" in calendar and "pause 1000" in calendar


# Data labels.


def test_a_software_library_is_not_a_primary_source():
    library = source("holidays_lib")
    assert library.confidence == "third_party" and not library.is_primary
    decision = evaluate("timelines.review_clock", "2026-11-21", procedure="ind", started_on="2026-01-20")
    assert any("rests on a third-party source" in warning for warning in decision.warnings)


def test_every_source_has_a_known_confidence_label():
    from nmpa_rules import sources

    for item in sources():
        assert item.confidence_label in ("primary source", "secondary source", "third-party source")
        if item.url and "pypi.org" in item.url:
            assert item.confidence == "third_party", item.id


# Only InputError escapes evaluate, whatever it is given.


@pytest.mark.parametrize("rule_id", [info.id for info in list_rules()])
@pytest.mark.parametrize(
    "value",
    [10**400, Decimal("sNaN"), float("-inf"), object(), b"\xff", ["x"] * 3, {"a": 1}, np.datetime64("2025-01-01"),
     "２０２５－１３－０１", "\x00", "9" * 2000],
)
def test_odd_values_for_every_input_give_an_input_error(rule_id, value):
    for spec in rule_info(rule_id).inputs:
        try:
            result = evaluate(rule_id, "2025-06-01", **{spec.name: value})
        except InputError as err:
            assert any(problem.field == spec.name for problem in err.problems)
        else:
            pytest.fail(f"{spec.name}={value!r} gave {result}")
    with pytest.raises(InputError):
        evaluate(rule_id, value)


def test_a_run_reads_at_most_max_run_bytes(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(scenarios_module, "MAX_RUN_BYTES", len(GOOD_CASE) + 10)
    write(tmp_path, GOOD_CASE, "one.yaml")
    write(tmp_path, GOOD_CASE.replace("a good case", "b"), "two.yaml")
    status, _, err = run_test_command(capsys, tmp_path)
    total = (tmp_path / "one.yaml").stat().st_size + (tmp_path / "two.yaml").stat().st_size
    assert status == 2
    assert f"holds {total} bytes of scenario files; a run reads at most {len(GOOD_CASE) + 10} bytes" in err


def test_the_help_states_the_bounds(capsys):
    with pytest.raises(SystemExit):
        main(["test", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    for bound in (MAX_FILE_BYTES, MAX_NODES, MAX_DEPTH, scenarios_module.MAX_FILES, scenarios_module.MAX_CASES,
                  scenarios_module.MAX_RUN_BYTES):
        assert str(bound) in help_text


def test_a_bug_in_a_rule_fails_its_case_and_the_run_goes_on(tmp_path, capsys, monkeypatch):
    from nmpa_rules.rules import RULE_MODULES

    def broken(as_of, given):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(RULE_MODULES["stem_cells.pathway"], "decide", broken)
    path = write(tmp_path, GOOD_CASE)
    status, out, err = run_test_command(capsys, path)
    assert status == 1 and err == ""
    assert "internal error (a bug in nmpa_rules): ZeroDivisionError: division by zero" in out
    assert out.splitlines()[-1] == "0 passed, 1 failed"
