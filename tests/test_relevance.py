"""A question the forms mark "not applicable" really cannot change the decision.

For every worked scenario, every scenario file's case and generated cases, each input that
``not_applicable`` marks is set to every other answer it allows, and the decision's outcome,
reasons, values and warnings must stay the same.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nmpa_rules import InputError, evaluate, rule_info
from nmpa_rules.errors import DataFileError
from nmpa_rules.inputs import AS_OF, parse_date, read_texts
from nmpa_rules.presentation.presets import presets
from nmpa_rules.relevance import CONDITIONS, load_conditions, not_applicable, note
from nmpa_rules.scenarios import load_scenarios

SCENARIOS = Path(__file__).parent / "scenarios"
RULES = sorted(CONDITIONS)


def answers(spec) -> tuple:
    return (True, False) if spec.kind == "bool" else spec.choice_values


def read_case(rule_id: str, as_of, typed: dict) -> tuple[date, dict] | None:
    """A case's date and inputs as evaluate takes them; None for a case meant to be refused."""
    try:
        on = parse_date("as_of", read_texts((AS_OF,), {"as_of": as_of})["as_of"])
        inputs = read_texts(rule_info(rule_id).inputs, typed)
        evaluate(rule_id, on, **inputs)
    except InputError:
        return None
    return on, inputs


def decided(rule_id: str, on: date, inputs: dict) -> tuple:
    decision = evaluate(rule_id, on, **inputs)
    return decision.outcome, decision.reasons, decision.values, decision.warnings


def changed_nothing(rule_id: str, on: date, inputs: dict) -> int:
    """Change every input marked not applicable to each other answer; the number of changes tried."""
    before = decided(rule_id, on, inputs)
    specs = {spec.name: spec for spec in rule_info(rule_id).inputs}
    tried = 0
    for name in not_applicable(rule_id, inputs):
        current = inputs.get(name, specs[name].default)
        for other in answers(specs[name]):
            if other == current and type(other) is type(current):
                continue
            after = decided(rule_id, on, {**inputs, name: other})
            assert after == before, f"{rule_id} on {on}: {name}={other!r} changed the decision of {inputs}"
            tried += 1
    return tried


def written_cases():
    for rule_id in RULES:
        for preset in presets(rule_id):
            yield f"preset {preset.label}", rule_id, preset.as_of, preset.inputs
    for path in sorted(SCENARIOS.glob("*.yaml")):
        for case in load_scenarios(path):
            if case.rule in CONDITIONS:
                yield case.label, case.rule, case.as_of, case.inputs


def test_marked_inputs_never_change_a_written_case():
    tried = 0
    for label, rule_id, as_of, typed in written_cases():
        case = read_case(rule_id, as_of, typed)
        if case is not None:
            tried += changed_nothing(rule_id, *case)
    # The worked scenarios and scenario files reach every conditional input many times over.
    assert tried > 200


@st.composite
def generated_case(draw):
    rule_id = draw(st.sampled_from(RULES))
    on = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2031, 12, 31)))
    inputs = {}
    for spec in rule_info(rule_id).inputs:
        if spec.kind in ("bool", "choice"):
            inputs[spec.name] = draw(st.sampled_from(answers(spec)))
        elif spec.kind == "number":
            inputs[spec.name] = draw(st.integers(min_value=int(spec.minimum or 0), max_value=int(min(spec.maximum, 50))))
        else:
            latest = on if spec.on_or_before_as_of else date(2031, 12, 31)
            day = st.dates(min_value=date(2015, 1, 1), max_value=latest)
            inputs[spec.name] = draw(st.one_of(st.none(), day) if spec.kind == "optional_date" else day)
    return rule_id, on, inputs


@settings(max_examples=400)
@given(generated_case())
def test_marked_inputs_never_change_a_generated_case(case):
    changed_nothing(*case)


def test_every_conditional_input_is_marked_somewhere_and_open_somewhere():
    """A condition that never or always holds on the written cases is a mistake in the data."""
    marked: dict[tuple[str, str], set[bool]] = {}
    for _, rule_id, as_of, typed in written_cases():
        case = read_case(rule_id, as_of, typed)
        if case is None:
            continue
        found = not_applicable(rule_id, case[1])
        for name in CONDITIONS[rule_id]:
            marked.setdefault((rule_id, name), set()).add(name in found)
    assert {key: seen for key, seen in marked.items() if seen != {True, False}} == {}


def test_the_data_names_only_real_inputs_and_answers():
    for rule_id, conditions in CONDITIONS.items():
        specs = {spec.name: spec for spec in rule_info(rule_id).inputs}
        for name, condition in conditions.items():
            assert name in specs
            for other, allowed in condition.items():
                assert other != name and specs[other].kind in ("bool", "choice")
                assert set(allowed) <= set(answers(specs[other]))


@pytest.mark.parametrize(
    "text, problem",
    [
        ("no.such_rule:\n  x: {asked_when: {y: [z]}}\n", "no.such_rule: 'no.such_rule' is not a known rule"),
        ("production.segmented_contract:\n  colour: {asked_when: {category: [vaccine]}}\n",
         "colour: 'colour' is not an input of this rule; production.segmented_contract takes: category,"),
        ("production.segmented_contract:\n  nmpa_approved: {asked_when: {category: [vacine]}}\n",
         "nmpa_approved.asked_when.category: ['vacine'] names an answer the input does not have"),
        ("production.segmented_contract:\n  nmpa_approved: {asked_when: {real_need: [maybe]}}\n",
         "nmpa_approved.asked_when.real_need: ['maybe'] names an answer the input does not have"),
        ("production.segmented_contract:\n  nmpa_approved: {asked_when: {nmpa_approved: [true]}}\n",
         "nmpa_approved.asked_when.nmpa_approved: 'nmpa_approved' cannot be a condition"),
        ("production.segmented_contract:\n  nmpa_approved: {shown_when: {category: [vaccine]}}\n",
         "is not a condition"),
    ],
)
def test_a_wrong_entry_is_refused_with_its_line(tmp_path, text, problem):
    path = tmp_path / "input_relevance.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as refused:
        load_conditions(path)
    # The file and the line of the wrong entry come first, as in every data file's message.
    line = 1 if text.startswith("no.such_rule") else 2
    assert str(refused.value).startswith(f"{path}:{line}: ")
    assert problem in str(refused.value)


def test_an_answer_that_settles_nothing_leaves_the_question_open():
    vaccine = {"category": "vaccine", "vaccine_case": "none", "nmpa_approved": True}
    assert not_applicable("production.segmented_contract", vaccine) == {}
    assert set(not_applicable("production.segmented_contract", {"category": "other"})) == {"vaccine_case", "nmpa_approved"}
    # A category not yet chosen, or not one of the choices, decides nothing.
    assert not_applicable("production.segmented_contract", {}) == {}
    assert not_applicable("production.segmented_contract", {"category": "nonsense"}) == {}
    # 1 is not a yes/no answer, though Python counts it equal to True.
    assert "under_way_before_decree" not in not_applicable(
        "stem_cells.pathway", {"purpose": "clinical_research", "institution_filed": 1})


def test_the_note_names_the_questions_and_answers_in_the_form_s_words():
    found = not_applicable("hormones.pathway", {"preparation": "compounded", "product_status": "approved_in_china",
                                                "formula": "fixed", "use": "on_label"})
    assert note("hormones.pathway", found["off_label_conditions_met"]) == (
        "Not applicable: asked only when “Commercial product or compounded?” is Commercial product "
        "and “Used as on the label?” is Off label.")
    gmp = not_applicable("imports.pre_approval_batches", {"approval_kind": "marketing_approval",
                                                          "gmp_evidence": "gmp_certificate"})
    assert note("imports.pre_approval_batches", gmp["supplement_needed_gmp_document"]) == (
        "Not applicable: asked only when “Which China approval does the batch follow?” is A supplementary "
        "approval of a change made after marketing and “What shows the batch was made under GMP?” is A written "
        "explanation instead (a change batch exempt from GMP evidence) or Nothing.")


def test_the_website_form_marks_a_question_and_opens_it_again():
    from nmpa_rules.browser_form import decide_json, form_json

    fields = json.loads(form_json("production.segmented_contract"))["examples"][0]["values"]
    drug = json.loads(decide_json("production.segmented_contract", json.dumps({**fields, "category": "other"})))
    assert drug["not_applicable"] == {
        name: "Not applicable: asked only when “What kind of drug is it?” is A vaccine."
        for name in ("vaccine_case", "nmpa_approved")}
    vaccine = json.loads(decide_json("production.segmented_contract", json.dumps({**fields, "category": "vaccine"})))
    assert vaccine["not_applicable"] == {}
    # Marked even while another input is wrong, so the form does not jump when it is corrected.
    broken = json.loads(decide_json("production.segmented_contract",
                                    json.dumps({**fields, "category": "other", "as_of": "soon"})))
    assert broken["problems"] and set(broken["not_applicable"]) == {"vaccine_case", "nmpa_approved"}


def test_the_notebook_form_greys_a_question_keeps_its_value_and_opens_it_again():
    from nmpa_rules.widgets import calculator

    calc = calculator("stem_cells.pathway")
    calc.fields["purpose"].control.value = "marketing_approval"
    filed = calc.fields["institution_filed"]
    kept = filed.control.value
    assert filed.control.disabled and "Not applicable: asked only when" in filed.note.value
    assert "Drug registration with the NMPA" in calc.result.value
    calc.fields["purpose"].control.value = "clinical_research"
    assert not filed.control.disabled and "Not applicable" not in filed.note.value
    assert filed.control.value == kept


def test_every_note_can_be_shown_in_chinese():
    from nmpa_rules.translation import translate

    for rule_id, inputs in CONDITIONS.items():
        for condition in inputs.values():
            chinese = translate(note(rule_id, condition), "zh", strict=True)
            assert chinese.startswith("不适用"), chinese
