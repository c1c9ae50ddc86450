"""The review-clock form with the supplementary-data dates: the generic form draws them from
the rule's inputs, and the calendar shows the applicant's time."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

from nmpa_rules.widgets import calculator

CELL = re.compile(r'<span class="nmpa-cal-day nmpa-day-(\w+)( nmpa-cal-deadline)?" title="([\d-]+):')


def _text(panel) -> str:
    return unescape(re.sub(r"<[^>]+>", "", panel.value))


def _days(html: str, kind: str) -> list[str]:
    return [day for found, _, day in CELL.findall(html) if found == kind]


def test_the_dates_start_empty_and_the_first_example_has_no_request():
    calc = calculator("timelines.review_clock")
    for name in ("supplement_requested_on", "supplement_received_on"):
        assert calc.fields[name].none_yet.value is True
    assert "Did the CDE ask for supplementary data?" in _text(calc.result)


def test_entering_a_request_and_the_data_extends_the_clock_and_draws_the_applicant_time():
    calc = calculator("timelines.review_clock")
    calc.fields["started_on"].control.value = date(2026, 5, 8).isoformat()
    requested, received = calc.fields["supplement_requested_on"], calc.fields["supplement_received_on"]
    requested.none_yet.value = False
    requested.control.value = date(2026, 9, 30).isoformat()
    text = _text(calc.result)
    assert "waiting for the applicant's supplementary data" in text

    received.none_yet.value = False
    received.control.value = date(2026, 10, 9).isoformat()

    html = calc.result.value
    assert "Deadline: Thursday 2026-12-31" in _text(calc.result)
    assert _days(html, "pause") == ["2026-10-08", "2026-10-09"]
    assert "163 working days plus 2 paused" in _text(calc.result)


def test_a_request_for_a_clinical_trial_application_is_explained_not_computed():
    calc = calculator("timelines.review_clock")
    calc.preset_menu.value = 1
    requested = calc.fields["supplement_requested_on"]
    requested.none_yet.value = False
    requested.control.value = date(2026, 2, 2).isoformat()

    text = _text(calc.result)
    assert "These dates cannot belong to one review" in text
    assert "takes no new technical data during review" in text
