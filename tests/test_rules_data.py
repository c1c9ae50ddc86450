"""The data files: a malformed one is refused with its file name, line and the problem."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import nmpa_rules
from nmpa_rules.datafiles import WINDOW, fact, load_data_file
from nmpa_rules.errors import DataFileError, InputError
from nmpa_rules.rules import RULE_MODULES
from nmpa_rules.sources import SOURCE_IDS

PACKAGE_DIR = Path(nmpa_rules.__file__).parent
SCHEMA = {"in_force": WINDOW, "rates": [fact(value="int", **{"from": "date", "until": "optional_date"})]}
GOOD = """\
in_force:
  from: 2024-10-21
  until: 2026-12-31
  source: pilot_workplan2024
  clause: The plan
rates:
  - value: 1
    from: 2024-01-01
    until: 2024-12-31
    source: drr2020
    clause: Art. 1
  - value: 2
    from: 2025-01-01
    until: null
    source: drr2020
    clause: Art. 2
"""


def _load(tmp_path, text):
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    return load_data_file("facts.yaml", SCHEMA, SOURCE_IDS, directory=tmp_path)


def test_a_good_file_loads(tmp_path):
    assert _load(tmp_path, GOOD)["rates"][1]["value"] == 2


@pytest.mark.parametrize(
    "old, new, line, words",
    [
        ("until: 2026-12-31", "until: soon", 3, "in_force.until: 'soon' is not allowed; expected a date"),
        ("source: pilot_workplan2024", "source: pilot_plan", 4, "is not a known source"),
        ("  clause: The plan\n", "", 1, "in_force.clause: None is missing"),
        ("  clause: The plan\n", "  clause: The plan\n  colour: red\n", 6, "in_force.colour"),
        ("until: 2026-12-31", "until: 2020-01-01", 3, "is before the start"),
        ("from: 2025-01-01", "from: 2024-12-31", 13, "overlaps the previous entry"),
        ("value: 2", "value: two", 12, "rates.1.value: 'two' is not allowed; expected a whole number"),
        ("rates:\n", "rates: [\n", 7, "YAML syntax error"),
    ],
)
def test_a_broken_file_names_file_line_and_problem(tmp_path, old, new, line, words):
    assert old in GOOD
    with pytest.raises(DataFileError) as caught:
        _load(tmp_path, GOOD.replace(old, new, 1))
    assert isinstance(caught.value, InputError)
    assert str(caught.value).startswith(f"{tmp_path / 'facts.yaml'}:{line}: ")
    assert caught.value.line == line
    assert words in str(caught.value)


def test_an_open_ended_entry_followed_by_another_overlaps(tmp_path):
    text = GOOD.replace("until: 2024-12-31", "until: null")
    with pytest.raises(DataFileError, match="previous entry ends: none"):
        _load(tmp_path, text)


def test_a_malformed_shipped_file_stops_the_import(tmp_path):
    copy = tmp_path / "nmpa_rules"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    data_file = copy / "data" / "timelines_review_clock.yaml"
    data_file.write_text(data_file.read_text().replace("working_days: 60", "working_days: sixty"))
    run = subprocess.run(
        [sys.executable, "-c", "import nmpa_rules"], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode != 0
    assert "timelines_review_clock.yaml:" in run.stderr
    assert "procedures.ind.working_days: 'sixty'" in run.stderr


def test_every_rule_window_and_dated_list_is_well_formed():
    for module in RULE_MODULES.values():
        window = module.DATA["in_force"]
        assert module.INFO.in_force_from == window["from"]
        assert module.INFO.in_force_until == window["until"]


def test_stem_cell_dated_lists_cover_every_day_in_force():
    from nmpa_rules.rules.stem_cells_pathway import DATA

    for key in ("governing_documents", "drug_registration_route", "research_filing", "research_fees"):
        entries = DATA[key]
        assert entries[0]["from"] == DATA["in_force"]["from"], key
        assert entries[-1]["until"] is None, key
        for earlier, later in zip(entries, entries[1:]):
            assert (later["from"] - earlier["until"]).days == 1, key


def test_the_data_names_only_values_the_inputs_have():
    from nmpa_rules.datafiles import require_subset

    with pytest.raises(DataFileError, match="names values the rule's inputs do not have"):
        require_subset("x.yaml", "categories", ["new_drug", "vaccine"], ["new_drug"])


def test_every_source_a_decision_cites_is_in_its_rule_description():
    """The calculators' rules reference lists each rule's sources from RuleInfo.source_ids."""
    from nmpa_rules import rule_info
    from nmpa_rules.scenarios import run_paths

    repo = PACKAGE_DIR.parents[1]
    results = run_paths([repo / "tests" / "scenarios", PACKAGE_DIR / "presets"])
    undeclared = {
        (result.scenario.rule, reason.source_id)
        for result in results
        if result.decision is not None
        for reason in result.decision.reasons
        if reason.source_id not in rule_info(result.scenario.rule).source_ids
    }
    assert len(results) > 100
    assert not undeclared, f"sources cited by decisions but missing from RuleInfo.source_ids: {sorted(undeclared)}"
