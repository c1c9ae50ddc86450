"""Decree No. 828's segmented-production rule: the pilot is named beside it only while the pilot runs."""

from __future__ import annotations

import pytest

from nmpa_rules import evaluate

PERMITTED = dict(
    category="innovative_special_process",
    excluded_product=False,
    real_need=True,
    unified_quality_assurance=True,
    contract_sites_qualified=True,
    work_passed_on=False,
)


def _checks(as_of, **changes):
    decision = evaluate("production.segmented_contract", as_of, **{**PERMITTED, **changes})
    return decision, {reason.check: reason for reason in decision.reasons}


@pytest.mark.parametrize("as_of, named", [("2026-05-15", True), ("2026-12-31", True), ("2027-01-01", False)])
def test_the_pilot_is_named_only_while_it_runs(as_of, named):
    decision, checks = _checks(as_of)
    assert decision.outcome == "eligible"
    assert ("pilot_alongside" in checks) is named


def test_before_the_decree_the_rule_is_not_in_force_and_points_to_the_pilot():
    decision, checks = _checks("2026-05-14")
    assert decision.outcome == "not_in_force"
    assert "first in force on 2026-05-15" in checks["in_force"].message
    assert "applications closed on 2025-12-31" in checks["pilot_alongside"].message


def test_a_vaccine_is_judged_by_article_33_not_article_32():
    decision, checks = _checks("2027-01-01", category="vaccine", vaccine_case="multivalent_or_combination")
    assert decision.outcome == "not_permitted"
    assert checks["nmpa_approved"].passed is False and "category" not in checks
    assert checks["vaccine_case"].clause.startswith("Art. 33")


def test_the_exclusion_and_the_ban_on_passing_work_on_rest_on_article_31():
    decision, checks = _checks("2027-01-01", excluded_product=True, work_passed_on=True)
    assert decision.outcome == "not_permitted"
    assert checks["excluded_product"].clause.startswith("Art. 31")
    assert checks["work_not_passed_on"].clause.startswith("Art. 31")
