"""Properties that must hold for any input, not just the scenarios someone thought of."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from nmpa_rules import Decision, InputError, evaluate, list_rules, rule_info, source

RULES = list_rules()
FIRST, LAST = date(2010, 1, 1), date(2032, 12, 31)
iso_or_date = lambda d: st.sampled_from([d, d.isoformat()])  # noqa: E731


def _valid_value(spec, as_of):
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "choice":
        return st.sampled_from(spec.choice_values)
    if spec.kind == "number":
        if spec.integer:
            return st.integers(min_value=int(spec.minimum or 0), max_value=int(spec.maximum or 400))
        return st.one_of(st.integers(min_value=0, max_value=60), st.floats(min_value=spec.minimum or 0, max_value=60))
    latest = as_of if spec.on_or_before_as_of else LAST
    dates = st.dates(min_value=FIRST, max_value=latest).flatmap(iso_or_date)
    return st.one_of(st.none(), dates) if spec.kind == "optional_date" else dates


@st.composite
def valid_case(draw, rule=None):
    info = draw(st.sampled_from(RULES)) if rule is None else rule_info(rule)
    as_of = draw(st.dates(min_value=FIRST, max_value=LAST))
    inputs = {}
    for spec in info.inputs:
        if spec.required or draw(st.booleans()):
            inputs[spec.name] = draw(_valid_value(spec, as_of))
    return info, as_of, inputs


@settings(max_examples=400)
@given(valid_case())
def test_valid_inputs_never_raise(case):
    info, as_of, inputs = case
    decision = evaluate(info.id, as_of, **inputs)
    assert isinstance(decision, Decision)
    assert decision.outcome in info.outcomes
    assert decision.reasons
    for reason in decision.reasons:
        assert reason.passed in (True, False, None)
        source(reason.source_id)
    decision.to_dict()


JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12),
    st.lists(st.integers(), max_size=2), st.dates().map(lambda d: d.isoformat() + "T00:00"),
    st.sampled_from(["2025-02-30", "2025-13-01", "-1", "true", "none", ""]),
)


@settings(max_examples=400)
@given(valid_case(), st.data())
def test_invalid_inputs_raise_only_input_error(case, data):
    info, as_of, inputs = case
    names = [spec.name for spec in info.inputs]
    damage = data.draw(st.sampled_from(["junk_value", "drop_required", "unknown_field", "junk_as_of", "junk_rule"]))
    as_of_given, rule_id = as_of, info.id
    if damage == "junk_value":
        inputs[data.draw(st.sampled_from(names))] = data.draw(JUNK)
    elif damage == "drop_required":
        required = [spec.name for spec in info.inputs if spec.required]
        inputs.pop(data.draw(st.sampled_from(required)))
    elif damage == "unknown_field":
        inputs[data.draw(st.text(min_size=1, max_size=10).filter(lambda n: n not in names))] = True
    elif damage == "junk_as_of":
        as_of_given = data.draw(JUNK)
    else:
        rule_id = data.draw(st.one_of(st.text(max_size=20), st.none(), st.integers()))
    try:
        evaluate(rule_id, as_of_given, **inputs)
    except InputError as err:
        assert err.field and str(err)
    else:
        # Junk can happen to be valid (True for a yes/no); dropping a field or an unknown one never is.
        assert damage in ("junk_value", "junk_as_of", "junk_rule")


def _sweep_inputs(rule_id, day):
    return {
        "biologics.segmented_pilot": dict(product_class="innovative_biologic", province_in_pilot=True,
                                          unified_quality_system=True, cmo_commercial_biologics_years=3,
                                          applied_on=day),
        "imports.pre_approval_batches": dict(overseas_status="marketed", category="rare_disease",
                                             china_approval_date=day, manufactured_on=day - timedelta(days=30),
                                             commercial_scale=True, meets_china_standard=True,
                                             site_and_process_match=True, labels_match=True,
                                             gmp_evidence="inspection_notice", batch_covered_by_gmp_evidence=True,
                                             released_on=day),
        "stem_cells.pathway": dict(purpose="clinical_research", institution_filed=True),
        "hormones.pathway": dict(product_status="approved_overseas_only", preparation="commercial", formula="fixed",
                                 use="on_label", off_label_conditions_met=True, same_product_on_market=False,
                                 new_indication=False, contains_biologic=False, medical_toxic_drug=False,
                                 narcotic_psychotropic_or_radioactive=False, anabolic_or_peptide_hormone=True,
                                 setting="gba_designated", marketed_in_hk_macau=True, urgent_clinical_need=True,
                                 small_quantity=True),
        "timelines.review_clock": dict(procedure="ind_fast_channel", started_on=day),
        "production.segmented_contract": dict(category="innovative_special_process", excluded_product=False,
                                              real_need=True, unified_quality_assurance=True,
                                              contract_sites_qualified=True, work_passed_on=False),
    }[rule_id]


def test_a_daily_sweep_from_2015_to_2030_gives_exactly_one_known_outcome():
    day, last = date(2015, 1, 1), date(2030, 12, 31)
    seen = {info.id: set() for info in RULES}
    while day <= last:
        for info in RULES:
            outcome = evaluate(info.id, day, **_sweep_inputs(info.id, day)).outcome
            assert outcome in info.outcomes, (info.id, day)
            if info.id == "timelines.review_clock":
                assert (outcome == "not_in_force") == (day < date(2025, 9, 12)), day
            else:
                assert (outcome == "not_in_force") == (not info.in_force_on(day)), (info.id, day)
            seen[info.id].add(outcome)
        day += timedelta(days=1)
    assert seen["biologics.segmented_pilot"] == {"not_in_force", "eligible", "not_eligible"}
    # Before the nine-city route opened on 2021-08-27 a small urgent quantity took the national route.
    assert seen["hormones.pathway"] == {"not_in_force", "national_urgent_import", "gba_special_access"}


def _break_pilot(inputs, as_of):
    yield {**inputs, "product_class": "other_biologic"}
    yield {**inputs, "product_class": "not_biologic"}
    yield {**inputs, "province_in_pilot": False}
    yield {**inputs, "unified_quality_system": False}
    yield {**inputs, "cmo_commercial_biologics_years": 2.99}
    if as_of >= date(2024, 10, 20):
        yield {**inputs, "applied_on": date(2024, 10, 20)}
    if as_of >= date(2026, 1, 1):
        yield {**inputs, "applied_on": date(2026, 1, 1)}


def _break_batch(inputs, as_of):
    # "Not marketed abroad" is left out: for an innovative drug the interpretation lets it through.
    yield {**inputs, "overseas_status": "change_not_cleared"}
    yield {**inputs, "category": "none"}
    yield {**inputs, "china_approval_date": None}
    yield {**inputs, "commercial_scale": False}
    yield {**inputs, "meets_china_standard": False}
    yield {**inputs, "site_and_process_match": False}
    yield {**inputs, "labels_match": False}
    yield {**inputs, "gmp_evidence": "none"}
    # A change batch whose supplement needed no GMP document rests on a written explanation:
    # who inspected and what the evidence covers do not matter for it (No. 96 Annex 2 item 2).
    written_explanation = (inputs.get("approval_kind") == "supplementary_approval"
                           and inputs.get("supplement_needed_gmp_document") is False
                           and inputs.get("gmp_evidence") == "written_explanation")
    if not written_explanation:
        yield {**inputs, "gmp_inspected_by": "other"}
        yield {**inputs, "batch_covered_by_gmp_evidence": False}
    yield {**inputs, "released_on": None}
    yield {**inputs, "china_approval_date": as_of + timedelta(days=1)}
    made = date.fromisoformat(str(inputs["manufactured_on"]))
    yield {**inputs, "china_approval_date": made}


@settings(max_examples=300)
@given(st.sampled_from([("biologics.segmented_pilot", _break_pilot), ("imports.pre_approval_batches", _break_batch)]),
       st.data())
def test_taking_away_one_condition_never_makes_a_case_eligible(rule_and_breakers, data):
    rule_id, breakers = rule_and_breakers
    _, as_of, inputs = data.draw(valid_case(rule_id))
    before = evaluate(rule_id, as_of, **inputs).outcome
    for broken in breakers(inputs, as_of):
        after = evaluate(rule_id, as_of, **broken).outcome
        assert after != "eligible", broken
        if before == "not_eligible":
            assert after == "not_eligible"


def test_a_daily_sweep_gives_each_stem_cell_route_its_own_first_day_and_research_is_never_charged():
    boao = dict(purpose="paid_clinical_service", institution_filed=True, place="boao_lecheng",
                clinical_use_approval="boao")
    nhc = dict(purpose="paid_clinical_service", institution_filed=True, clinical_use_approval="nhc")
    research = dict(purpose="clinical_research", institution_filed=True, place="boao_lecheng",
                    clinical_use_approval="boao")
    day, last = date(2015, 7, 20), date(2030, 12, 31)
    while day <= last:
        in_zone = evaluate("stem_cells.pathway", day, **boao)
        assert in_zone.outcome == ("boao_special_access" if day >= date(2025, 2, 1) else "not_permitted"), day
        assert evaluate("stem_cells.pathway", day, **{**boao, "place": "elsewhere"}).outcome == "not_permitted", day
        assert evaluate("stem_cells.pathway", day, **nhc).outcome == (
            "approved_use" if day >= date(2026, 5, 1) else "not_permitted"), day
        assert evaluate("stem_cells.pathway", day, **research).values["may_the_patient_be_charged"] == "No", day
        day += timedelta(days=1)
