"""The public API: shapes, messages, explanations, warnings and validity windows."""

import dataclasses
import json
from collections import Counter
from datetime import date, timedelta

import pytest

import nmpa_rules
from nmpa_rules import (
    RULES_VERSION,
    Decision,
    InputError,
    InputErrors,
    InputSpec,
    Reason,
    RuleInfo,
    Source,
    evaluate,
    list_rules,
    rule_info,
    source,
    sources,
)

PILOT = dict(
    product_class="innovative_biologic",
    modality="antibody",
    province_in_pilot=True,
    unified_quality_system=True,
    cmo_commercial_biologics_years=3,
    applied_on=date(2025, 3, 3),
)
BATCH = dict(
    category="new_drug",
    overseas_status="marketed",
    china_approval_date="2025-11-03",
    manufactured_on="2025-06-01",
    commercial_scale=True,
    meets_china_standard=True,
    site_and_process_match=True,
    labels_match=True,
    gmp_evidence="inspection_notice",
    gmp_inspected_by="registration_country",
    batch_covered_by_gmp_evidence=True,
    released_on="2025-11-03",
)
HORMONE = dict(
    product_status="approved_in_china",
    preparation="compounded",
    formula="fixed",
    use="on_label",
    off_label_conditions_met=False,
    same_product_on_market=False,
    new_indication=False,
    contains_biologic=False,
    medical_toxic_drug=False,
    narcotic_psychotropic_or_radioactive=False,
    anabolic_or_peptide_hormone=False,
    setting="ordinary",
    marketed_in_hk_macau=False,
    urgent_clinical_need=False,
    small_quantity=False,
)


def test_public_names():
    assert set(nmpa_rules.__all__) == {
        "evaluate", "list_rules", "rule_info", "sources", "source", "Decision", "Reason",
        "Source", "RuleInfo", "InputSpec", "InputError", "InputErrors", "RULES_VERSION",
    }
    assert issubclass(InputError, ValueError)
    assert RULES_VERSION


def test_list_rules_is_stable_and_complete():
    ids = [info.id for info in list_rules()]
    assert ids == [
        "biologics.segmented_pilot",
        "imports.pre_approval_batches",
        "stem_cells.pathway",
        "hormones.pathway",
        "timelines.review_clock",
        "production.segmented_contract",
    ]
    assert list_rules() == list_rules()
    for info in list_rules():
        assert isinstance(info, RuleInfo) and rule_info(info.id) is info
        assert "not_in_force" in info.outcomes
        for spec in info.inputs:
            assert isinstance(spec, InputSpec)
            assert spec.kind in {"bool", "date", "optional_date", "number", "choice"}
            assert spec.label and spec.help.endswith(".")
            assert bool(spec.choices) == (spec.kind == "choice")


def test_rule_info_for_an_unknown_id():
    with pytest.raises(InputError) as caught:
        rule_info("nope")
    assert caught.value.field == "rule" and caught.value.value == "nope"


def test_in_force_on_is_inclusive():
    pilot = rule_info("biologics.segmented_pilot")
    assert not pilot.in_force_on(date(2024, 10, 20))
    assert pilot.in_force_on(date(2024, 10, 21))
    assert pilot.in_force_on(date(2026, 12, 31))
    assert not pilot.in_force_on(date(2027, 1, 1))
    assert "Decree No. 828" in pilot.successor


def test_decision_is_frozen_and_complete():
    decision = evaluate("biologics.segmented_pilot", "2025-06-01", **PILOT)
    assert isinstance(decision, Decision)
    assert decision.as_of == date(2025, 6, 1)
    assert decision.outcome == "eligible"
    assert decision.outcome_label == "Eligible for the pilot"
    assert decision.rules_version == RULES_VERSION
    assert all(isinstance(r, Reason) for r in decision.reasons)
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.outcome = "not_eligible"


def test_every_condition_is_reported_not_just_the_first_failure():
    decision = evaluate(
        "biologics.segmented_pilot", "2026-06-01",
        product_class="other_biologic", province_in_pilot=False, unified_quality_system=False,
        cmo_commercial_biologics_years=1, applied_on="2026-05-01",
    )
    failed = {r.check for r in decision.reasons if r.passed is False}
    assert failed == {"product_class", "province_in_pilot", "unified_quality_system", "cmo_experience", "applied_by_deadline"}


def test_to_dict_is_json_ready():
    decision = evaluate("timelines.review_clock", "2025-01-20", procedure="ind", started_on="2025-01-20")
    data = json.loads(json.dumps(decision.to_dict()))
    assert data["values"]["deadline"] == "2025-04-21"
    assert data["values"]["holidays_skipped"][0] == "2025-01-28"
    assert {s["id"] for s in data["sources"]} >= {"dal2019", "civil_code2020"}
    assert data["reasons"][0]["source_id"] == "dal2019"


def test_to_frame_has_one_row_per_reason():
    decision = evaluate("hormones.pathway", "2024-01-01", **HORMONE)
    frame = decision.to_frame()
    assert list(frame.columns) == ["check", "passed", "message", "source", "clause"]
    assert len(frame) == len(decision.reasons)
    assert frame.loc[0, "source"] == decision.reasons[0].source_id


def test_explain_names_outcome_reasons_and_sources():
    text = evaluate("imports.pre_approval_batches", "2025-12-01", **BATCH).explain()
    assert text.splitlines()[0] == (
        "imports.pre_approval_batches as of 2025-12-01: eligible (The batch may be imported)"
    )
    assert "nmpa_ann2025_96" in text and "Warnings:" in text and RULES_VERSION in text


def test_not_in_force_after_expiry_names_the_last_day_and_the_successor():
    decision = evaluate("biologics.segmented_pilot", "2027-01-01", **PILOT)
    assert decision.outcome == "not_in_force"
    messages = " ".join(r.message for r in decision.reasons)
    assert "not in force on 2027-01-01; last in force until 2026-12-31" in messages
    assert "Decree No. 828" in messages and "Art. 32" in messages
    assert not any("secondary source" in w and "Decree No. 828" in w for w in decision.warnings), "the Decree was read in full"


def test_not_in_force_before_the_start_names_the_first_day():
    decision = evaluate("imports.pre_approval_batches", "2025-09-29",
                        **{**BATCH, "manufactured_on": "2025-01-01", "released_on": None})
    assert decision.outcome == "not_in_force"
    assert "not in force on 2025-09-29; first in force on 2025-09-30" in decision.reasons[0].message


def test_secondary_sources_always_warn():
    decision = evaluate("biologics.segmented_pilot", "2025-06-01", **{**PILOT, "modality": "insulin"})
    assert any("rests on a secondary source: Ropes & Gray LLP" in w and "quality assurance staff" in w
               for w in decision.warnings)
    assert not any("Pacific Bridge Medical" in w for w in decision.warnings), "insulin is in the plan itself"
    # A warning is read by readers of the calculators: it names the source, never its bibliography key.
    assert not any(s.id in w for w in decision.warnings for s in sources())
    deadline = next(r for r in decision.reasons if r.check == "applied_by_deadline")
    assert deadline.source_id == "pilot_workplan2024" and "reportedly" not in deadline.message
    primary_only = evaluate("stem_cells.pathway", "2020-01-01", purpose="clinical_research", institution_filed=True)
    assert primary_only.warnings == ()


def test_imports_warn_about_the_start_date_and_name_the_shelf_life_finding_once():
    decision = evaluate("imports.pre_approval_batches", "2025-12-01", **BATCH)
    assert "No clause saying when it takes effect was seen" in " ".join(decision.warnings)
    assert not any("interpretation" in w for w in decision.warnings)
    shelf_life = [r for r in decision.reasons if "shelf" in r.message.lower()]
    assert len(shelf_life) == 1 and shelf_life[0].passed is None
    assert "No shelf-life limit was found" in shelf_life[0].message


def test_an_innovative_drug_not_marketed_abroad_shows_both_readings():
    decision = evaluate("imports.pre_approval_batches", "2025-12-01", **{**BATCH, "overseas_status": "not_marketed"})
    assert decision.outcome == "eligible"
    assert decision.values == {"rests_on_the_interpretation": True}
    marketing = next(r for r in decision.reasons if r.check == "overseas_marketing")
    exemption = next(r for r in decision.reasons if r.check == "overseas_marketing_exemption")
    assert marketing.passed is None and "section 2(1)" in marketing.message
    assert any(r.check == "application_letter" and "Annex 1" in r.clause for r in decision.reasons)
    assert (marketing.source_id, exemption.source_id) == ("nmpa_ann2025_96", "nmpa_ann2025_96_interpretation")
    assert exemption.passed is True and "innovative drugs and improved new drugs" in exemption.message
    assert "only on NMPA's interpretation" in exemption.message
    warnings = " ".join(decision.warnings)
    assert "rests on NMPA's policy interpretation" in warnings and "read literally" in warnings
    assert "secondary source" in warnings
    other_category = evaluate("imports.pre_approval_batches", "2025-12-01",
                              **{**BATCH, "overseas_status": "not_marketed", "category": "rare_disease"})
    assert other_category.outcome == "not_eligible"
    assert other_category.values == {"rests_on_the_interpretation": False}


def test_stem_cell_values_and_decree_818_warning():
    before = evaluate("stem_cells.pathway", "2026-04-30", purpose="marketing_approval", institution_filed=False)
    after = evaluate("stem_cells.pathway", "2026-05-01", purpose="marketing_approval", institution_filed=False)
    assert before.values["governing_document"] == "stemcell_measures2015"
    assert after.values["governing_document"] == "decree818_2025"
    assert after.values["approved_stem_cell_drugs"] == ["amimestrocel"]
    assert not any("Decree No. 818" in w for w in before.warnings)
    assert any("names no document that it repeals" in w for w in after.warnings)
    assert not any("repeals the" in w or "replaced" in w for w in after.warnings), "no repeal is claimed"
    later = evaluate("stem_cells.pathway", "2027-03-01", purpose="marketing_approval", institution_filed=False)
    assert any("not checked" in w for w in later.warnings)


def test_hormone_reasons_cite_the_regulations_in_force_on_each_side_of_decree_828():
    early = evaluate("hormones.pathway", "2026-05-14", **HORMONE)
    late = evaluate("hormones.pathway", "2026-05-15", **HORMONE)
    assert "dal_implementing2019" in early.cited_source_ids() and "decree828_2026" not in early.cited_source_ids()
    assert "decree828_2026" in late.cited_source_ids() and "dal_implementing2019" not in late.cited_source_ids()
    # Only the exclusions' article in Decree No. 828 is cited by number; the 2005 order's is not.
    assert not any("Art. 14" in r.clause for r in early.reasons + late.reasons)
    gba = evaluate("hormones.pathway", "2020-09-29", **{
        **HORMONE, "preparation": "commercial", "product_status": "approved_overseas_only",
        "setting": "gba_designated", "marketed_in_hk_macau": True, "urgent_clinical_need": True})
    assert gba.outcome == "registration_required"
    assert any("2021-08-27" in r.message for r in gba.reasons)


def test_review_clock_warnings():
    estimate = evaluate("timelines.review_clock", "2026-06-01", procedure="nda_standard", started_on="2026-06-01")
    assert estimate.values["is_estimate"] is True
    assert any("estimate" in w for w in estimate.warnings)
    projection = evaluate("timelines.review_clock", "2025-01-01", procedure="ind", started_on="2025-03-03")
    assert any("projection" in w for w in projection.warnings)
    fast = evaluate("timelines.review_clock", "2025-11-03", procedure="ind_fast_channel", started_on="2025-11-03")
    assert any("published on 2025-09-12" in w for w in fast.warnings)
    assert not any("secondary source" in w for w in fast.warnings), "NMPA's English text is a primary source"
    ind = evaluate("timelines.review_clock", "2025-11-03", procedure="ind", started_on="2025-11-03")
    assert ind.reasons[0].source_id == "dal2019" and "Art. 19" in ind.reasons[0].clause
    early = evaluate("timelines.review_clock", "2020-07-01", procedure="ind", started_on="2020-07-01")
    assert any("Civil Code" in w for w in early.warnings)


def test_date_strings_and_dates_give_the_same_decision():
    as_text = evaluate("biologics.segmented_pilot", "2025-06-01", **{**PILOT, "applied_on": "2025-03-03"})
    as_date = evaluate("biologics.segmented_pilot", date(2025, 6, 1), **PILOT)
    assert as_text == as_date


@pytest.mark.parametrize(
    "rule_id, as_of, inputs, field, words",
    [
        ("imports.pre_approval_batches", "2026-01-01", {**BATCH, "manufactured_on": "2026-03-01"}, "manufactured_on",
         "manufactured_on: 2026-03-01 is after the as-of date 2026-01-01; it must be on or before the as-of date"),
        ("biologics.segmented_pilot", "2025-06-01", {**PILOT, "province_in_pilot": 1}, "province_in_pilot",
         "province_in_pilot: 1 is not a yes/no value; use true or false"),
        ("biologics.segmented_pilot", "2025-06-01", {**PILOT, "cmo_commercial_biologics_years": "3"},
         "cmo_commercial_biologics_years", "'3' is not a number"),
        ("biologics.segmented_pilot", "2025-06-01", {**PILOT, "cmo_commercial_biologics_years": float("nan")},
         "cmo_commercial_biologics_years", "is not a number"),
        ("biologics.segmented_pilot", "2025-06-01", {**PILOT, "product_class": "vaccine"}, "product_class",
         "'vaccine' is not a known value; one of: innovative_biologic"),
        ("biologics.segmented_pilot", "2025-06-01", {k: v for k, v in PILOT.items() if k != "applied_on"},
         "applied_on", "applied_on: (not given) is missing; required"),
        ("biologics.segmented_pilot", "2025-06-01", {**PILOT, "as_of": "2025-01-01"}, "as_of",
         "is not an input of this rule"),
        ("biologics.segmented_pilot", "1 June 2025", PILOT, "as_of", "is not a date"),
        ("biologics.segmented_pilot", "2025-06-01", {**PILOT, "applied_on": "20250303"}, "applied_on", "YYYY-MM-DD"),
        ("stem_cells.pathway", "1899-12-31", {"purpose": "clinical_research", "institution_filed": True},
         "as_of", "is outside the supported range"),
        ("stem_cells.pathway", "2025-06-01", {"purpose": ["clinical_research"], "institution_filed": True},
         "purpose", "is not a known value"),
        ("timelines.review_clock", "2025-06-01", {"procedure": "ind", "started_on": "2025-06-01",
                                                  "paused_working_days": True}, "paused_working_days", "not a number"),
    ],
)
def test_input_errors_name_field_value_and_what_is_allowed(rule_id, as_of, inputs, field, words):
    with pytest.raises(InputError) as caught:
        evaluate(rule_id, as_of, **inputs)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert caught.value.allowed and caught.value.allowed in str(caught.value)


def test_a_datetime_is_refused_as_ambiguous():
    from datetime import datetime

    with pytest.raises(InputError, match="date and time"):
        evaluate("stem_cells.pathway", datetime(2025, 6, 1, 12), purpose="clinical_research", institution_filed=True)


def test_sources():
    all_sources = sources()
    assert all(isinstance(s, Source) for s in all_sources)
    assert len({s.id for s in all_sources}) == len(all_sources)
    assert source("ropesgray2024").confidence == "secondary"
    assert source("pilot_workplan2024").in_force_until == date(2026, 12, 31)
    with pytest.raises(InputError):
        source("nope")


def test_every_rule_cites_only_listed_sources():
    listed = {s.id for s in sources()}
    for info in list_rules():
        assert set(info.source_ids) <= listed


def test_review_clock_calendar_accounts_for_every_day_to_the_deadline():
    """The calculator draws values["calendar"] as it is, so it must add up to the deadline."""
    decision = evaluate("timelines.review_clock", "2026-11-21",
                        procedure="ind", started_on="2026-01-20", paused_working_days=5)
    calendar = decision.values["calendar"]
    kinds = Counter(entry["kind"] for entry in calendar)
    assert calendar[0] == {"date": date(2026, 1, 20), "kind": "accepted"}
    assert calendar[-1]["date"] == decision.values["deadline"]
    assert [entry["date"] for entry in calendar] == [date(2026, 1, 20) + timedelta(days=n) for n in range(len(calendar))]
    assert kinds["working"] + kinds["make_up"] == 60 and kinds["pause"] == 5
    assert [e["date"] for e in calendar if e["kind"] == "holiday"] == decision.values["holidays_skipped"]
    assert calendar[-1]["kind"] == "pause"


def test_input_errors_carry_every_problem_and_read_as_the_first():
    first = InputError("years", -1, "give a number of at least 0", problem="is too small")
    second = InputError("province", "Mars", "one of: yes, no")
    error = InputErrors([first, second])
    assert isinstance(error, InputError)
    assert error.problems == (first, second)
    assert (error.field, error.value) == ("years", -1)
    assert str(error).splitlines() == [str(first), str(second)]
    assert first.problems == (first,)


def test_anti_doping_controls_cover_peptide_hormones_with_insulin_excepted():
    decision = evaluate("hormones.pathway", "2026-11-28", **{
        **HORMONE, "preparation": "commercial", "anabolic_or_peptide_hormone": True})
    controls = next(r for r in decision.reasons if r.check == "anti_doping_controls")
    assert "peptide hormone" in controls.message and "insulin" in controls.message
    assert "two years" not in controls.message, "the retention period rests only on exam guides"
    assert controls.source_id == "antidoping_regulations" and controls.clause.startswith("Art. 10")


def test_stem_cell_fees_on_each_route_say_how_sure_they_are():
    nhc = evaluate("stem_cells.pathway", "2026-05-01", purpose="paid_clinical_service", institution_filed=True,
                   clinical_use_approval="nhc")
    assert nhc.outcome == "approved_use"
    nhc_fees = next(r for r in nhc.reasons if r.check == "nhc_fees")
    assert nhc_fees.source_id == "decree818_2025" and nhc_fees.clause.startswith("Art. 34")
    assert "Art. 34" in nhc.values["may_the_patient_be_charged"]
    assert not any("fee" in w for w in nhc.warnings), "Art. 34 settles fees after approval"
    boao = evaluate("stem_cells.pathway", "2025-02-01", purpose="paid_clinical_service", institution_filed=False,
                    place="boao_lecheng", clinical_use_approval="boao")
    assert boao.outcome == "boao_special_access"
    fees = next(r for r in boao.reasons if r.check == "boao_fees")
    assert source(fees.source_id).confidence == "secondary" and "(reported)" in fees.message
    research = evaluate("stem_cells.pathway", "2026-11-28", purpose="clinical_research", institution_filed=True)
    assert research.values["may_the_patient_be_charged"] == "No"
    assert any(r.check == "research_fees" and r.source_id == "decree818_2025" for r in research.reasons)
