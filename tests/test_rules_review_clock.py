"""The review clock's own contract, beyond the scenario files: its window, the applicant's
time drawn on the calendar, and what the reasons say about supplementary data."""

from collections import Counter
from datetime import date

from nmpa_rules import evaluate, rule_info
from nmpa_rules.rules import timelines_review_clock as clock

INFO = rule_info("timelines.review_clock")


def test_the_rule_is_in_force_from_its_earliest_procedure():
    # The calculator must not compute a deadline on a day the rule list calls out of force.
    earliest = min(procedure["from"] for procedure in clock.DATA["procedures"].values())
    assert INFO.in_force_from == earliest == date(2019, 12, 1)
    assert evaluate("timelines.review_clock", "2019-11-30", procedure="ind", started_on="2019-11-30").outcome == "not_in_force"


def test_the_supplementary_dates_may_be_left_out():
    specs = {spec.name: spec for spec in INFO.inputs}
    for name in (clock.REQUESTED, clock.RECEIVED):
        assert specs[name].kind == "optional_date" and not specs[name].required


def test_the_applicant_time_is_drawn_between_request_and_receipt():
    decision = evaluate("timelines.review_clock", "2026-12-05", procedure="nda_priority", started_on="2026-05-08",
                        supplement_requested_on="2026-09-30", supplement_received_on="2026-10-09")
    calendar = decision.values["calendar"]
    paused = [entry["date"] for entry in calendar if entry["kind"] == "pause"]
    assert paused == [date(2026, 10, 8), date(2026, 10, 9)]
    kinds = Counter(entry["kind"] for entry in calendar)
    assert kinds["working"] + kinds["make_up"] == decision.values["working_days"] == 163
    assert calendar[-1] == {"date": decision.values["deadline"], "kind": "working"}


def test_other_days_not_counted_add_to_the_applicant_time():
    decision = evaluate("timelines.review_clock", "2026-12-05", procedure="nda_priority", started_on="2026-05-08",
                        supplement_requested_on="2026-09-30", supplement_received_on="2026-10-09",
                        paused_working_days=3)
    assert decision.values["paused_working_days"] == 5
    assert decision.values["deadline"] > date(2026, 12, 31)


def test_the_reasons_explain_the_extension_and_its_fraction():
    decision = evaluate("timelines.review_clock", "2026-12-05", procedure="nda_priority", started_on="2025-11-03",
                        supplement_requested_on="2025-12-31", supplement_received_on="2026-01-03")
    text = " ".join(reason.message for reason in decision.reasons)
    assert "after 42 of 130 working days" in text
    assert "to 2026-04-30" in text
    assert "130 + 33 = 163" in text and "32 1/2" in text and "163rd working day" in text
    extension = next(reason for reason in decision.reasons if reason.check == "supplement_extension")
    assert extension.source_id == "drr2020_zh" and "Art. 87" in extension.clause


def test_every_extension_needs_the_rounding_rule():
    # No marketing-application limit divides by its third or quarter, so the rounding the
    # chapter teaches applies to every extension; a new limit that divides would need a scenario.
    for name in clock.SUPPLEMENT["procedures"]:
        limit = clock.DATA["procedures"][name]["working_days"]
        divisor = 4 if name in clock.SUPPLEMENT["priority_procedures"] else 3
        assert limit % divisor, name


def test_waiting_for_the_data_says_until_when():
    decision = evaluate("timelines.review_clock", "2026-03-01", procedure="nda_priority", started_on="2025-11-03",
                        supplement_requested_on="2025-12-31")
    assert decision.outcome == "awaiting_supplement" and decision.values == {}
    assert any("to 2026-04-30" in reason.message and "stands at 42 of 130" in reason.message
               for reason in decision.reasons)


def test_late_data_cite_the_refusal_ground():
    decision = evaluate("timelines.review_clock", "2026-12-05", procedure="nda_standard", started_on="2025-11-03",
                        supplement_requested_on="2025-12-31", supplement_received_on="2026-05-06")
    failed = [reason for reason in decision.reasons if reason.passed is False]
    assert decision.outcome == "supplement_late"
    assert [reason.clause.split(" ")[1] for reason in failed] == ["92(4)"]
