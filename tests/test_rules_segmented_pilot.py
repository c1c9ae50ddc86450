"""The segmented-production pilot beside Decree No. 828: what the rule says on each boundary day."""

from __future__ import annotations

import pytest

from nmpa_rules import evaluate

ELIGIBLE = dict(
    product_class="innovative_biologic",
    modality="adc",
    province_in_pilot=True,
    unified_quality_system=True,
    cmo_commercial_biologics_years=5,
    applied_on="2025-09-15",
)


def _checks(as_of):
    return {reason.check: reason for reason in evaluate("biologics.segmented_pilot", as_of, **ELIGIBLE).reasons}


def test_before_the_decree_the_pilot_alone_is_cited():
    checks = _checks("2026-05-14")
    assert "standing_basis" not in checks
    assert {reason.source_id for reason in checks.values()} == {"pilot_workplan2024", "ropesgray2024"}


@pytest.mark.parametrize("as_of", ["2026-05-15", "2026-12-05", "2026-12-31"])
def test_while_both_exist_the_decree_is_named_beside_the_pilot(as_of):
    basis = _checks(as_of)["standing_basis"]
    assert basis.source_id == "decree828_2026" and basis.passed is None
    assert "Art. 32" in basis.message and "Art. 33" in basis.message
    assert "ends on 2026-12-31" in basis.message


def test_from_2027_the_pilot_is_not_in_force_and_the_decree_says_what_it_requires():
    decision = evaluate("biologics.segmented_pilot", "2027-01-01", **ELIGIBLE)
    assert decision.outcome == "not_in_force"
    messages = " ".join(reason.message for reason in decision.reasons)
    assert "not in force on 2027-01-01; last in force until 2026-12-31" in messages
    successor = next(reason for reason in decision.reasons if reason.check == "successor")
    for words in ("Art. 32", "Art. 33", "Art. 31", "one quality assurance system", "NMPA approval"):
        assert words in successor.message, words
    assert "under certain circumstances" not in messages
    assert "standing_basis" not in {reason.check for reason in decision.reasons}


def test_the_qa_staff_figure_is_a_law_firm_report_and_decides_nothing():
    qa = _checks("2025-12-01")["qa_staff"]
    assert qa.passed is None and qa.source_id == "ropesgray2024"
    assert "law firm" in qa.message
