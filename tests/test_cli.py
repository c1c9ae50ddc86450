"""python -m nmpa_rules: test, check, list, sources; bad input exits 2 without a traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nmpa_rules.cli import main

SCENARIO_DIR = Path(__file__).parent / "scenarios"
CLOCK = ["check", "timelines.review_clock", "--as-of", "2026-01-05", "procedure=ind", "started_on=2026-01-05"]


def _run(*args):
    return subprocess.run([sys.executable, "-m", "nmpa_rules", *args], capture_output=True, text=True)


def test_test_command_passes_the_shipped_scenarios():
    run = _run("test", str(SCENARIO_DIR))
    assert run.returncode == 0, run.stdout
    lines = run.stdout.splitlines()
    assert all(line.startswith("PASS ") for line in lines[:-1])
    assert lines[-1] == f"{len(lines) - 1} passed, 0 failed"


def test_test_command_reports_a_failure_with_its_reasons(tmp_path):
    (tmp_path / "wrong.yaml").write_text(
        "- name: wrong outcome\n"
        "  rule: stem_cells.pathway\n"
        "  as_of: 2025-06-01\n"
        "  input: {purpose: clinical_research, institution_filed: false}\n"
        "  expect: {outcome: clinical_research_filing}\n"
        "- name: right outcome\n"
        "  rule: stem_cells.pathway\n"
        "  as_of: 2025-06-01\n"
        "  input: {purpose: clinical_research, institution_filed: false}\n"
        "  expect: {outcome: not_permitted}\n"
    )
    run = _run("test", str(tmp_path))
    assert run.returncode == 1
    assert f"FAIL {tmp_path / 'wrong.yaml'}::wrong outcome" in run.stdout
    assert "expected clinical_research_filing, got not_permitted" in run.stdout
    assert "FAIL institution_filed:" in run.stdout
    assert run.stdout.splitlines()[-1] == "1 passed, 1 failed"


def test_a_broken_scenario_file_exits_2_with_file_and_line(tmp_path):
    (tmp_path / "broken.yaml").write_text("- name: a\n  rule: [\n")
    run = _run("test", str(tmp_path))
    assert run.returncode == 2
    assert f"{tmp_path / 'broken.yaml'}:3:" in run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""


def test_check_prints_the_explanation(capsys):
    assert main(CLOCK) == 0
    out = capsys.readouterr().out
    assert "computed" in out and "deadline: 2026-04-03" in out and "dal2019" in out


def test_check_accepts_inputs_before_and_after_as_of(capsys):
    assert main(["check", "timelines.review_clock", "procedure=ind", "--as-of", "2026-01-05",
                 "started_on=2026-01-05", "paused_working_days=0"]) == 0
    assert "deadline: 2026-04-03" in capsys.readouterr().out


def test_check_json(capsys):
    assert main(CLOCK + ["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["values"]["deadline"] == "2026-04-03"


def test_check_parses_values_by_kind(capsys):
    assert main(["check", "imports.pre_approval_batches", "--as-of", "2025-12-01", "overseas_status=marketed",
                 "category=new_drug", "china_approval_date=none", "manufactured_on=2025-06-01",
                 "commercial_scale=TRUE", "meets_china_standard=true", "site_and_process_match=true",
                 "labels_match=True", "gmp_evidence=inspection_notice", "batch_covered_by_gmp_evidence=true",
                 "released_on=none", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "not_eligible"
    assert main(["check", "biologics.segmented_pilot", "--as-of", "2025-06-01", "product_class=innovative_biologic",
                 "province_in_pilot=true", "unified_quality_system=true", "cmo_commercial_biologics_years=3.5",
                 "applied_on=2025-03-03", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "eligible"


@pytest.mark.parametrize(
    "args, words",
    [
        (["check", "nope", "--as-of", "2025-01-01"], "rule: 'nope' is not a known rule"),
        (["check", "stem_cells.pathway", "--as-of", "2025-01-01", "purpose=cure", "institution_filed=true"],
         "purpose: 'cure' is not a known value"),
        (["check", "stem_cells.pathway", "--as-of", "2025-01-01", "purpose=clinical_research",
          "institution_filed=yes"], "institution_filed: 'yes' is not a yes/no value"),
        (["check", "stem_cells.pathway", "--as-of", "2025-01-01", "purpose"], "is not a key=value pair"),
        (["check", "stem_cells.pathway", "--as-of", "2025-01-01", "purpose=clinical_research", "colour=red",
          "institution_filed=true"], "colour: 'red' is not an input"),
        (["check", "stem_cells.pathway", "--as-of", "yesterday", "purpose=clinical_research",
          "institution_filed=true"], "as_of: 'yesterday' is not a date"),
        (["check", "timelines.review_clock", "--as-of", "2025-01-01", "procedure=ind", "started_on=2025-01-01",
          "paused_working_days=many"], "paused_working_days: 'many' is not a number"),
        (["list", "--as-of", "2025-02-30"], "is not a real calendar date"),
        (["test", "/no/such/folder"], "does not exist"),
    ],
)
def test_bad_input_exits_2_with_one_message(capsys, args, words):
    assert main(args) == 2
    captured = capsys.readouterr()
    assert words in captured.err
    assert captured.err.startswith("error: ") and captured.out == ""


def test_bad_input_has_no_traceback_in_a_real_process():
    run = _run("check", "imports.pre_approval_batches", "--as-of", "2026-01-01", "overseas_status=marketed",
               "category=new_drug", "china_approval_date=none", "manufactured_on=2026-03-01",
               "commercial_scale=true", "meets_china_standard=true", "site_and_process_match=true",
               "labels_match=true", "gmp_evidence=none", "batch_covered_by_gmp_evidence=true", "released_on=none")
    assert run.returncode == 2
    assert run.stderr.strip() == (
        "error: manufactured_on: 2026-03-01 is after the as-of date 2026-01-01; "
        "it must be on or before the as-of date (it cannot have happened yet)"
    )


def test_usage_errors_exit_2():
    run = _run("list")
    assert run.returncode == 2 and "--as-of" in run.stderr and "Traceback" not in run.stderr


def test_list_shows_whether_each_rule_is_in_force(capsys):
    assert main(["list", "--as-of", "2027-01-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    assert lines[0].startswith("biologics.segmented_pilot") and "NOT in force" in lines[0]
    assert all("NOT" not in line for line in lines[1:])


def test_sources_lists_every_source(capsys):
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    assert "ropesgray2024" in out and "[secondary]" in out and "[primary]" in out


def test_a_scenario_with_a_replaced_input_is_told_what_replaced_it_and_when(tmp_path, capsys):
    scenario = tmp_path / "old.yaml"
    scenario.write_text(
        "- name: written before 2026-11-28\n"
        "  rule: imports.pre_approval_batches\n"
        "  as_of: 2026-11-28\n"
        "  input: {marketed_overseas: true, category: new_drug, china_approval_date: 2026-03-16,\n"
        "          manufactured_on: 2026-01-10, commercial_scale: true, gmp_evidence: inspection_notice}\n"
        "  expect: {outcome: eligible}\n"
    )
    assert main(["test", str(scenario)]) == 1
    out = capsys.readouterr().out
    assert "marketed_overseas: True was replaced on 2026-11-28; use overseas_status instead" in out
    assert "is not an input of this rule" not in out
    assert "labels_match: (not given) is missing" in out and "(an input since 2026-11-28" in out


def test_check_in_chinese_translates_the_words_and_keeps_ids_values_and_sources(capsys):
    assert main(CLOCK + ["--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("timelines.review_clock（判断日期 2026-01-05）：computed（已算出期限）")
    assert "理由：" in out and "deadline: 2026-04-03" in out and "dal2019" in out
    assert "第十九条" in out and "Reasons:" not in out


def test_check_json_in_chinese_translates_labels_and_messages_only(capsys):
    assert main(CLOCK + ["--json", "--lang", "zh"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "computed" and data["outcome_label"] == "已算出期限"
    assert data["values"]["deadline"] == "2026-04-03" and data["reasons"][0]["check"] == "procedure_in_force"
    assert data["reasons"][0]["message"] == "自 2019-12-01 起施行。"
    assert data["sources"][0]["id"] == "dal2019" and "中华人民共和国药品管理法" in data["sources"][0]["citation"]


def test_bad_input_in_chinese_names_the_field_and_the_value(capsys):
    assert main(["check", "timelines.review_clock", "--as-of", "2026-13-01", "--lang", "zh", "procedure=ind",
                 "started_on=2026-01-05"]) == 2
    assert capsys.readouterr().err == (
        "error: as_of: '2026-13-01' 不是日历上存在的日期；应为 1900-01-01 至 2099-12-31 之间、格式为 YYYY-MM-DD 的日期\n")


def test_list_in_chinese(capsys):
    assert main(["list", "--as-of", "2027-01-01", "--lang", "zh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("biologics.segmented_pilot") and "未施行" in lines[0] and "生物制品分段生产试点" in lines[0]


@pytest.mark.parametrize("command", [CLOCK, ["list", "--as-of", "2026-01-05"], ["sources"]], ids=["check", "list", "sources"])
def test_an_unknown_language_is_one_line_naming_the_value_and_the_codes(command):
    run = _run(*command, "--lang", "fr")
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == "error: language: 'fr' is not a language of the calculators; allowed: en (English), zh (中文)\n"
