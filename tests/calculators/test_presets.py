"""The worked scenarios behind each calculator are right, and there is a file per rule."""

from __future__ import annotations

import pytest

from nmpa_rules import list_rules
from nmpa_rules.scenarios import run_paths
from nmpa_rules.presentation.presets import PRESETS_DIR, REVIEW_DATE, preset_file, presets

RULE_IDS = [info.id for info in list_rules()]


def test_every_preset_gives_its_expected_outcome():
    results = run_paths([PRESETS_DIR])
    failures = [f"{r.scenario.label}: {'; '.join(r.problems)}" for r in results if not r.passed]
    assert results and not failures, "\n".join(failures)


def test_there_is_one_preset_file_per_rule_and_no_other():
    assert sorted(PRESETS_DIR.glob("*.yaml")) == sorted(preset_file(rule_id) for rule_id in RULE_IDS)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_each_rule_has_four_to_eight_presets_for_its_own_rule(rule_id):
    worked = presets(rule_id)
    assert 4 <= len(worked) <= 8
    assert {preset.rule for preset in worked} == {rule_id}
    assert all("outcome" in preset.expect for preset in worked), "a preset shows a result, not an input error"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_a_calculator_opens_on_a_preset_dated_on_the_review_date(rule_id):
    assert presets(rule_id)[0].as_of == REVIEW_DATE
