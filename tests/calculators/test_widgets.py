"""The calculators in Python: set inputs, let the callbacks run, read the rendered result."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import timedelta
from html import escape, unescape

import pytest

from nmpa_rules import Decision, InputError, Reason, evaluate, list_rules, rule_info, sources
from nmpa_rules.widgets import REVIEW_DATE, calculator, preset_table, presets, rules_contract
from nmpa_rules.presentation import render
from nmpa_rules.sources import source
from nmpa_rules.presentation.render import OUTCOME_TONES, decision_html, input_problem_html
from nmpa_rules.typed import decide_typed

RULE_IDS = [info.id for info in list_rules()]
CALENDAR_CELL = re.compile(r'<span class="nmpa-cal-day nmpa-day-(\w+)( nmpa-cal-deadline)?" title="([\d-]+):')


def shown(panel) -> str:
    """The text a reader sees in an HTML widget: tags dropped, entities read."""
    return unescape(re.sub(r"<[^>]+>", "", panel.value))


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_a_calculator_opens_on_its_first_preset_with_its_outcome(rule_id):
    calc = calculator(rule_id)
    first = presets(rule_id)[0]
    assert calc.preset_menu.value == 0
    assert calc.as_of.control.value == REVIEW_DATE.isoformat()
    assert rule_info(rule_id).outcomes[first.expect["outcome"]] in shown(calc.result)
    assert "Why" in shown(calc.result)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_preset_shows_its_outcome_in_the_calculator(rule_id):
    calc = calculator(rule_id)
    for index, preset in enumerate(calc.presets):
        calc.preset_menu.value = index
        assert rule_info(rule_id).outcomes[preset.expect["outcome"]] in shown(calc.result), preset.name
        assert "No result" not in shown(calc.result)


def test_changing_an_input_updates_the_result_and_leaves_the_worked_example():
    calc = calculator("biologics.segmented_pilot")
    assert "Eligible for the pilot" in shown(calc.result)

    calc.fields["cmo_commercial_biologics_years"].control.value = "2"

    text = shown(calc.result)
    assert "Not eligible for the pilot" in text
    assert "✗ Not met · Has the contract manufacturer at least 3 years of commercial biologics manufacturing?" in text
    assert "2 years of commercial biologics manufacturing; at least 3 are required." in text
    assert calc.preset_menu.label == "Your own scenario"
    assert calc.fields["product_class"].control.value == "innovative_biologic", "other inputs are kept"


def test_choosing_a_preset_fills_every_input_including_as_of():
    calc = calculator("biologics.segmented_pilot")
    after_the_pilot = next(i for i, p in enumerate(calc.presets) if p.expect["outcome"] == "not_in_force")

    calc.preset_menu.value = after_the_pilot

    assert calc.as_of.control.value == "2027-01-01"
    text = shown(calc.result)
    assert "The pilot is not in force on this date" in text
    assert "not in force on 2027-01-01; last in force until 2026-12-31" in text
    assert "Decree No. 828" in text
    assert calc.preset_menu.value == after_the_pilot, "filling the form does not count as the reader's change"


def test_every_reason_names_its_source_and_clause_and_each_source_is_listed_once_with_a_link():
    calc = calculator("biologics.segmented_pilot")
    decision = decide_typed("biologics.segmented_pilot",
                            {"as_of": calc.as_of.read(), **{name: field.read() for name, field in calc.fields.items()}})
    html = calc.result.value
    # In Jupyter and Voilà the book's pages are not beside the notebook: each source links to
    # its own address, never to a relative page that the server refuses.
    linked = re.findall(r'<a href="([^"]+)" target="_blank" rel="noopener">', html)
    addresses = [source(source_id).url for source_id in decision.cited_source_ids()]
    assert linked == addresses, "each cited source is linked once, in order of first citation"
    assert all(address.startswith("https://") for address in addresses)
    on_the_website = decision_html(decision, {})
    linked = re.findall(r'<a href="\.\./reference/bibliography\.html#cite-([a-z0-9-]+)">', on_the_website)
    anchors = [re.sub(r"[^a-z0-9]+", "-", source_id.lower()) for source_id in decision.cited_source_ids()]
    assert linked == anchors, "on the website each source links to its bibliography entry"
    text = shown(calc.result)
    assert text.count("Pilot Work Plan for Segmented Production of Biological Products") == 1
    assert "国药监药管〔2024〕24号" in text
    cited_by_reason = re.findall(r"Source \[(\d+)\](?:, ([^<]+))?</small>", html)
    assert len(cited_by_reason) == len(decision.reasons)
    for reason, (number, clause) in zip(decision.reasons, cited_by_reason):
        assert decision.cited_source_ids()[int(number) - 1] == reason.source_id
        assert clause == escape(reason.clause)
    assert "(secondary source)" in text, "the QA-staff figure rests on a law-firm note"
    assert "⚠ Warnings" in text


def test_a_negative_number_is_refused_next_to_its_input_and_nothing_is_lost():
    calc = calculator("biologics.segmented_pilot")
    years = calc.fields["cmo_commercial_biologics_years"]

    years.control.value = "-1"

    assert ("⚠ Contract manufacturer's years of commercial biologics production: '-1' is too small; "
            "give a number of at least 0 and at most 100") in shown(years.note)
    assert "No result: correct the input marked ⚠ above." in shown(calc.result)
    assert years.control.value == "-1"
    assert calc.fields["applied_on"].control.value == "2025-03-10"

    years.control.value = "4"
    assert "⚠" not in shown(years.note)
    assert "Eligible for the pilot" in shown(calc.result)


def test_an_empty_date_is_reported_as_missing():
    calc = calculator("biologics.segmented_pilot")
    applied_on = calc.fields["applied_on"]

    applied_on.control.value = ""

    assert "Date of the application: (not given) is missing; give a date, YYYY-MM-DD" in shown(applied_on.note)
    assert "No result" in shown(calc.result)


def test_an_empty_as_of_is_reported_next_to_as_of():
    calc = calculator("stem_cells.pathway")

    calc.as_of.control.value = ""

    assert "As of: (not given) is not a date; a date as YYYY-MM-DD" in shown(calc.as_of.note)
    assert "No result" in shown(calc.result)


def test_a_batch_made_after_as_of_is_refused_next_to_the_manufacturing_date():
    calc = calculator("imports.pre_approval_batches")
    made = calc.fields["manufactured_on"]

    after_review = REVIEW_DATE + timedelta(days=3)
    made.control.value = after_review.isoformat()

    assert (f"Date the batch was made: {after_review.isoformat()} is after the as-of date {REVIEW_DATE.isoformat()}; "
            "it must be on or before the as-of date") in shown(made.note)
    assert "No result" in shown(calc.result)
    assert calc.fields["china_approval_date"].control.value == "2026-03-16"


def test_none_yet_stands_for_an_approval_that_has_not_happened():
    calc = calculator("imports.pre_approval_batches")
    approval = calc.fields["china_approval_date"]

    approval.none_yet.value = True

    assert approval.control.disabled
    text = shown(calc.result)
    assert "The batch may not be imported (yet)" in text
    assert "Not approved in China; batches may be imported only after the approval." in text

    approval.none_yet.value = False
    approval.control.value = ""
    assert "Date of the China approval: (not given) is missing" in shown(approval.note)


def test_an_approval_after_as_of_is_a_reason_not_an_error():
    calc = calculator("imports.pre_approval_batches")

    calc.fields["china_approval_date"].control.value = "2027-02-01"

    assert "The batch may not be imported (yet)" in shown(calc.result)
    assert "⚠" not in shown(calc.fields["china_approval_date"].note)


def test_the_hormone_pathway_follows_the_compounding_exceptions():
    calc = calculator("hormones.pathway")
    calc.fields["preparation"].control.value = "compounded"
    assert "Needs registration (drug approval) first" in shown(calc.result)

    calc.fields["same_product_on_market"].control.value = False

    assert "Medical-institution (hospital) preparation" in shown(calc.result)


def counted_calendar_days(html: str) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for kind, _, day in CALENDAR_CELL.findall(html):
        kinds.setdefault(kind, []).append(day)
    return kinds


def test_the_review_clock_shows_the_deadline_and_a_calendar_of_the_days_it_ran():
    calc = calculator("timelines.review_clock")
    html = calc.result.value
    text = shown(calc.result)
    assert "Deadline: Monday 2027-03-15 (an estimate)" in text
    days = counted_calendar_days(html)
    assert days["accepted"] == ["2026-09-01"]
    assert "2026-10-01" in days["holiday"] and "2026-09-25" in days["holiday"]
    assert days["make_up"] == ["2026-09-20", "2026-10-10"]
    assert len(days["working"]) + len(days["make_up"]) == 130, "the strip counts what the rule counted"
    assert '2027-03-15: working day counted (deadline)' in html
    assert "pause" not in days


def test_a_pause_extends_the_clock_and_is_drawn():
    calc = calculator("timelines.review_clock")

    calc.fields["paused_working_days"].control.value = "10"

    days = counted_calendar_days(calc.result.value)
    assert len(days["pause"]) == 10
    assert len(days["working"]) + len(days["make_up"]) + len(days["pause"]) == 140
    assert "130 working days plus 10 paused" in shown(calc.result)


def test_a_fractional_pause_is_refused():
    calc = calculator("timelines.review_clock")
    paused = calc.fields["paused_working_days"]

    paused.control.value = "2.5"

    assert "Other working days not counted: '2.5' is not a whole number" in shown(paused.note)


HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def test_decision_text_is_escaped():
    decision = Decision(
        rule_id="stem_cells.pathway",
        as_of=REVIEW_DATE,
        outcome="not_permitted",
        outcome_label=HOSTILE,
        reasons=(Reason("check", HOSTILE, False, HOSTILE, "stemcell_measures2015", HOSTILE),),
        values={"note": HOSTILE},
        warnings=(HOSTILE,),
        rules_version=HOSTILE,
    )
    html = decision_html(decision, {})
    assert "<script>" not in html and "<img" not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;") == 7


def test_an_input_problem_is_escaped():
    html = input_problem_html(InputError("field", HOSTILE, HOSTILE))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_preset_names_are_escaped_in_the_table(monkeypatch):
    worked = presets("stem_cells.pathway")
    hostile = worked[0].__class__(**{**worked[0].__dict__, "name": HOSTILE})
    monkeypatch.setattr(render, "presets", lambda rule_id: (hostile,))
    html = render.preset_table_html("stem_cells.pathway")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_every_outcome_of_every_rule_has_a_badge_colour():
    outcomes = {outcome for info in list_rules() for outcome in info.outcomes}
    assert outcomes == set(OUTCOME_TONES)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_the_preset_table_shows_each_preset_with_its_outcome(rule_id):
    html = preset_table(rule_id).data
    info = rule_info(rule_id)
    for preset in presets(rule_id):
        assert escape(preset.name) in html
        assert escape(info.outcomes[preset.expect["outcome"]]) in html


def test_the_rules_contract_lists_every_rule_question_answer_and_outcome_by_its_label():
    html = rules_contract().data
    for info in list_rules():
        assert f"<h3>{escape(info.title)}</h3>" in html
        for spec in info.inputs:
            assert escape(spec.label) in html
            for _, label in spec.choices:
                assert escape(label) in html
        for label in info.outcomes.values():
            assert escape(label) in html
        # The command line's names are there, folded away for whoever types commands.
        assert f"python -m nmpa_rules check {info.id} --as-of" in html


def test_importing_the_rules_does_not_import_ipywidgets():
    code = "import sys, nmpa_rules; print('ipywidgets' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "False"


# Several bad inputs, failures, typing, and the reader's own scenario.


def test_every_bad_input_is_marked_at_once_and_nothing_is_lost():
    calc = calculator("biologics.segmented_pilot")
    years, applied_on = calc.fields["cmo_commercial_biologics_years"], calc.fields["applied_on"]

    calc.as_of.control.value = "2025-01-01"
    years.control.value = "-1"

    assert "is too small" in shown(years.note)
    assert "Date of the application: 2025-03-10 is after the as-of date 2025-01-01" in shown(applied_on.note)
    assert "No result: correct the inputs marked ⚠ above." in shown(calc.result)
    assert (years.control.value, applied_on.control.value) == ("-1", "2025-03-10")


def test_a_failure_while_computing_shows_a_message_keeps_the_inputs_and_drops_the_old_result(monkeypatch):
    from nmpa_rules.widgets import form

    calc = calculator("biologics.segmented_pilot")
    assert "Eligible for the pilot" in shown(calc.result)

    def broken(decision, inputs, **options):
        raise RuntimeError("the renderer broke")

    monkeypatch.setattr(form, "decision_html", broken)
    calc.fields["cmo_commercial_biologics_years"].control.value = "7"

    text = shown(calc.result)
    assert "No result: the calculator could not compute an answer for these inputs (RuntimeError)" in text
    assert "Your inputs are kept" in text
    assert "Eligible" not in text, "the previous result is gone"
    assert calc.fields["cmo_commercial_biologics_years"].control.value == "7"


def test_number_and_date_fields_are_text_that_follows_the_reader_as_they_type():
    for rule_id in RULE_IDS:
        calc = calculator(rule_id)
        for field in (calc.as_of, *calc.fields.values()):
            if field.spec.kind in ("number", "date", "optional_date"):
                assert field.control.continuous_update is True, field.spec.name
                assert type(field.control).__name__ == "Text", "no date picker in the browser's locale"


def test_the_widgets_read_typed_text_as_the_command_line_does():
    calc = calculator("timelines.review_clock")
    calc.as_of.control.value = "２０２６－１１－２８"
    calc.fields["started_on"].control.value = " 2026-09-01 "
    calc.fields["paused_working_days"].control.value = "１０"
    assert "130 working days plus 10 paused" in shown(calc.result)
    calc.fields["paused_working_days"].control.value = "١٠"
    assert "Other working days not counted: '١٠' is not a number" in shown(calc.fields["paused_working_days"].note)
    calc.fields["paused_working_days"].control.value = "1e5"
    assert "'1e5' is too large" in shown(calc.fields["paused_working_days"].note)


def test_after_an_edit_the_menu_says_the_scenario_is_the_readers_own():
    from nmpa_rules.widgets.form import OWN_SCENARIO

    calc = calculator("stem_cells.pathway")
    assert calc.preset_menu.label == calc.presets[0].name

    calc.fields["institution_filed"].control.value = not calc.fields["institution_filed"].control.value

    assert calc.preset_menu.label == OWN_SCENARIO == "Your own scenario"


# Reader-facing output never shows internal identifiers.

INTERNAL_IDS = sorted(
    {info.id for info in list_rules()}
    | {spec.name for info in list_rules() for spec in info.inputs if "_" in spec.name}
    | {value for info in list_rules() for spec in info.inputs for value in spec.choice_values if "_" in value}
    | {outcome for info in list_rules() for outcome in info.outcomes if "_" in outcome}
    | {item.id for item in sources()}
    | {"as_of"}
)


def visible_text(html: str) -> str:
    """What a reader can read: text and titles, not link targets or class names."""
    titles = " ".join(re.findall(r'(?:title|aria-label)="([^"]*)"', html))
    return unescape(re.sub(r"<[^>]+>", " ", html)) + " " + unescape(titles)


def assert_no_internal_ids(html: str, where: str, decision: Decision | None = None) -> None:
    text = visible_text(html)
    if decision is not None:
        # What a rule writes (its reasons and warnings) is the rules' content, checked with the
        # rules; this test is about the words the presentation adds around it.
        authored = [r.message for r in decision.reasons] + [r.description for r in decision.reasons]
        for piece in sorted(authored + list(decision.warnings), key=len, reverse=True):
            text = text.replace(piece, "")
    found = [name for name in INTERNAL_IDS if re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", text)]
    assert not found, f"{where} shows internal identifiers {found}"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_results_and_tables_name_things_by_their_labels(rule_id):
    calc = calculator(rule_id)
    table = render.preset_table_html(rule_id)
    for index, preset in enumerate(calc.presets):
        calc.preset_menu.value = index
        decision = evaluate(rule_id, preset.as_of, **preset.inputs)
        assert_no_internal_ids(calc.result.value, f"{rule_id} result for {preset.name!r}", decision)
        for reason in decision.reasons:
            table = table.replace(escape(reason.message), "")
    assert_no_internal_ids(table, f"{rule_id} preset table")


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_input_problems_name_the_field_by_its_label(rule_id):
    calc = calculator(rule_id)
    calc.as_of.control.value = ""
    for field in calc.fields.values():
        if field.spec.kind in ("date", "optional_date"):
            field.control.value = ""
        elif field.spec.kind == "number":
            field.control.value = "-1"
    for field in (calc.as_of, *calc.fields.values()):
        assert_no_internal_ids(field.note.value, f"{rule_id} note of {field.spec.label!r}")
    assert_no_internal_ids(calc.result.value, f"{rule_id} result panel")
    try:
        evaluate(rule_id, "not a date", colour="red")
    except InputError as error:
        assert_no_internal_ids(render.no_result_html(error, shown_next_to_an_input=False), "no result")


def test_the_rules_contract_keeps_identifiers_to_its_command_line_part():
    html = render.rules_contract_html()
    readable = re.sub(r'<details class="nmpa-command-line">.*?</details>', "", html, flags=re.S)
    assert readable.count("<section") == len(RULE_IDS)
    assert_no_internal_ids(readable, "rules contract")


def test_a_source_cited_by_several_reasons_is_printed_once():
    calc = calculator("hormones.pathway")
    decision = decide_typed("hormones.pathway",
                            {"as_of": calc.as_of.read(), **{name: field.read() for name, field in calc.fields.items()}})
    repeated = [sid for sid in decision.cited_source_ids() if sum(r.source_id == sid for r in decision.reasons) > 1]
    assert repeated, "the test needs a source that several reasons cite"
    for source_id in repeated:
        title = next(item.title for item in sources() if item.id == source_id)
        assert shown(calc.result).count(title) == 1
