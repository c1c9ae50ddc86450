"""The hormone pathway table: exactly one rule for every case, and a broken table is caught."""

import dataclasses
import itertools
from datetime import date

import pytest

from nmpa_rules import evaluate
from nmpa_rules.errors import RuleTableError
from nmpa_rules.rules.hormones_pathway import PATHWAY_RULES, Facts, PathwayRule, choose_pathway

FACT_NAMES = [f.name for f in dataclasses.fields(Facts)]


def _possible_facts():
    """Every combination of facts the inputs can produce (a product has one approval status)."""
    for values in itertools.product((False, True), repeat=len(FACT_NAMES)):
        facts = Facts(**dict(zip(FACT_NAMES, values)))
        if facts.approved_in_china and facts.approved_overseas_only:
            continue
        if facts.in_boao and facts.in_gba:
            continue
        yield facts


def test_exactly_one_rule_applies_to_every_possible_case():
    outcomes = set()
    for facts in _possible_facts():
        outcomes.add(choose_pathway(facts, PATHWAY_RULES).outcome)
    assert outcomes == {
        "hospital_preparation", "no_preparation_route", "registration_required", "approved_use",
        "off_label_prescription", "boao_special_access", "gba_special_access", "national_urgent_import",
    }


def test_a_formula_adjusted_for_each_patient_is_never_a_hospital_preparation():
    for facts in _possible_facts():
        if facts.compounded and not facts.fixed_formula:
            assert choose_pathway(facts, PATHWAY_RULES).outcome == "no_preparation_route", facts


def test_a_new_indication_excludes_a_preparation_only_under_decree_828():
    cleared = next(f for f in _possible_facts()
                   if f.compounded and f.fixed_formula and f.approved_in_china and not f.same_product_on_market
                   and not f.contains_biologic and not f.medical_toxic_drug
                   and not f.narcotic_psychotropic_or_radioactive and f.new_indication)
    before = dataclasses.replace(cleared, decree828_in_force=False)
    after = dataclasses.replace(cleared, decree828_in_force=True)
    assert choose_pathway(before, PATHWAY_RULES).outcome == "hospital_preparation"
    assert choose_pathway(after, PATHWAY_RULES).outcome == "registration_required"


def test_an_ordinary_hospital_with_an_urgent_need_for_a_small_quantity_has_the_national_route():
    for facts in _possible_facts():
        if (not facts.compounded and facts.approved_overseas_only and not facts.in_boao and not facts.in_gba
                and facts.urgent_clinical_need and facts.small_quantity):
            assert choose_pathway(facts, PATHWAY_RULES).outcome == "national_urgent_import", facts


def test_overlapping_rules_are_an_error_not_a_first_match():
    careless = PathwayRule("approved_use", "Any commercial product approved in China is an approved use.",
                           lambda f: not f.compounded and f.approved_in_china, "marketing_authorization")
    overlapping = PATHWAY_RULES + (careless,)
    off_label = next(f for f in _possible_facts()
                     if not f.compounded and f.approved_in_china and f.off_label
                     and f.off_label_conditions_met and f.off_label_law_in_force)
    with pytest.raises(RuleTableError, match="expected exactly one rule"):
        choose_pathway(off_label, overlapping)


def test_a_gap_in_the_table_is_an_error():
    without_unapproved = tuple(r for r in PATHWAY_RULES if r.text != "A product not approved anywhere needs registration.")
    assert len(without_unapproved) == len(PATHWAY_RULES) - 1
    unapproved = next(f for f in _possible_facts() if not f.approved_in_china and not f.approved_overseas_only
                      and not f.compounded)
    with pytest.raises(RuleTableError, match="no rule"):
        choose_pathway(unapproved, without_unapproved)


def test_the_overlap_detection_is_used_by_evaluate(monkeypatch):
    from nmpa_rules.rules import hormones_pathway

    everything = PathwayRule("approved_use", "Everything is approved.", lambda f: True, "marketing_authorization")
    monkeypatch.setattr(hormones_pathway, "PATHWAY_RULES", hormones_pathway.PATHWAY_RULES + (everything,))
    with pytest.raises(RuleTableError):
        evaluate("hormones.pathway", date(2024, 1, 1), product_status="unapproved", preparation="commercial",
                 formula="fixed", use="on_label", off_label_conditions_met=False, same_product_on_market=False,
                 new_indication=False, contains_biologic=False, medical_toxic_drug=False,
                 narcotic_psychotropic_or_radioactive=False, anabolic_or_peptide_hormone=False,
                 setting="ordinary", marketed_in_hk_macau=False, urgent_clinical_need=False, small_quantity=False)
