"""When a statutory review clock runs out, counted in Chinese working days.

A marketing-application clock follows the Drug Registration Regulation: the applicant's time
to answer a request for supplementary data is not counted, and once the complete data
arrive the time limit is extended by a third (a quarter under priority review).
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from math import ceil
from typing import Any

from ..datafiles import MapOf, WINDOW, cited_sources, fact, load_data_file, require_subset
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from ..translation import T, Text
from ..working_days import COUNTED, add_working_days, day_kind, library_version, version_tuple
from .common import Finding, check_in_force

DATA_FILE = "timelines_review_clock.yaml"
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "procedures": MapOf(fact(working_days="int", **{"from": "date", "until": "optional_date"})),
        "working_days_rule": fact(**{"from": "date"}),
        "first_day_not_counted": fact(**{"from": "date"}),
        "supplementary_data": fact(
            answer_working_days="int", extension_standard="int", extension_priority="int",
            priority_procedures=["text"], procedures=["text"],
        ),
        "no_supplement_for_ind": fact(),
        "late_supplement": fact(),
        "other_periods_not_counted": fact(),
    },
    SOURCE_IDS,
)
CALENDAR = load_data_file(
    "holiday_calendar.yaml",
    {
        "arrangements": fact(last_published_year="int"),
        "calendar_library": fact(minimum_version="text"),
    },
    SOURCE_IDS,
)

PROCEDURES = (
    ("ind", "Clinical trial application (IND), 60 working days"),
    ("ind_fast_channel", "IND, 30-working-day channel for Class 1 innovative drugs"),
    ("nda_standard", "Marketing application, standard review, 200 working days"),
    ("nda_priority", "Marketing application, priority review, 130 working days"),
    ("nda_overseas_rare_disease", "Urgently needed rare-disease drug marketed abroad, 70 working days"),
)
require_subset(DATA_FILE, "procedures", DATA["procedures"], dict(PROCEDURES))
SUPPLEMENT = DATA["supplementary_data"]
for _key in ("procedures", "priority_procedures"):
    require_subset(DATA_FILE, f"supplementary_data.{_key}", dict.fromkeys(SUPPLEMENT[_key]), dict(PROCEDURES))

_ASKED = T("Did the CDE ask for supplementary data?")
REQUESTED, RECEIVED, OTHER = "supplement_requested_on", "supplement_received_on", "paused_working_days"

INFO = RuleInfo(
    id="timelines.review_clock",
    title="Review clocks in working days",
    summary=(
        "The day a statutory review period ends, counted in Chinese working days from the "
        "day after the application was accepted, leaving out the applicant's time to answer a "
        "request for supplementary data and extending the time limit once the data arrive."
    ),
    inputs=(
        InputSpec("procedure", "choice", "Which review procedure?",
                  "Each procedure has its own time limit in working days.", choices=PROCEDURES),
        InputSpec("started_on", "date", "Date the application was accepted",
                  "The clock starts the day after acceptance; a date after the as-of date gives a projection."),
        InputSpec(REQUESTED, "optional_date", "Date the CDE asked for supplementary data",
                  "The day of the CDE's written request for new technical data, which it makes once in "
                  "principle; none if it made none. Marketing applications only: a clinical trial "
                  "application takes no new data during review.", none_by_default=True),
        InputSpec(RECEIVED, "optional_date", "Date the complete supplementary data arrived",
                  "The day the CDE received all the data it asked for; none if they have not arrived.",
                  none_by_default=True),
        InputSpec(OTHER, "number", "Other working days not counted",
                  "Working days the regulation also leaves out of the count: corrections after an "
                  "inspection, delays the applicant caused to an inspection, a test or an expert meeting, "
                  "a suspension under law, an inspection abroad, an objection and its expert review.",
                  # More than about four years is a typing error, not a review.
                  default=0, minimum=0, maximum=1000, integer=True),
    ),
    outcomes={
        "computed": "Deadline computed",
        "awaiting_supplement": "Clock stopped: waiting for the applicant's supplementary data",
        "supplement_late": "Supplementary data not supplied in time: the application is not approved",
        "inconsistent": "These dates cannot belong to one review",
        "not_in_force": "No such procedure on the start date",
    },
    source_ids=cited_sources(DATA, CALENDAR),
    in_force_from=DATA["in_force"]["from"],
    in_force_until=DATA["in_force"]["until"],
    successor=None,
)


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    procedure_name = given["procedure"]
    procedure = DATA["procedures"][procedure_name]
    started_on, requested, received = given["started_on"], given[REQUESTED], given[RECEIVED]
    # A clock belongs to the rules in force on the day it starts, not on as_of.
    label = dict(next(spec.choices for spec in INFO.inputs if spec.name == "procedure"))[procedure_name]
    finding = check_in_force(procedure, started_on, subject=T("the procedure \"{name}\"", name=label),
                             check="procedure_in_force")
    if finding.outcome == "not_in_force":
        return finding
    limit = procedure["working_days"]
    problems = _date_problems(procedure_name, started_on, requested, received)
    if problems:
        finding.outcome = "inconsistent"
        for check, question, answer, fact_ in problems:
            finding.add(check, question, False, answer, fact_)
        return finding
    _counting_reasons(finding, procedure_name, procedure, started_on)
    other = given[OTHER]
    for day in (started_on, requested, received):
        if day is not None and day > as_of:
            finding.warn(T("{day} is after as_of {as_of}: this is a projection.", day=day.isoformat(),
                           as_of=as_of.isoformat()))
    if requested is None:
        if procedure_name in SUPPLEMENT["procedures"]:
            finding.add("supplement", _ASKED, None, T("No: the time limit is not extended."), SUPPLEMENT)
        return _computed(finding, started_on, limit, 0, other, None)

    used = _working_days_between(started_on, requested)
    if used > limit:
        finding.outcome = "inconsistent"
        finding.add("supplement_in_time_limit", T("Was the request made within the review time limit?"), False,
                    T("No: the request ({requested}) comes after the {limit}-working-day time limit "
                      "ended on {ended}; the CDE asks during the review.", requested=requested.isoformat(), limit=limit,
                      ended=add_working_days(started_on, limit).end.isoformat()),
                    SUPPLEMENT)
        return finding
    answer_due = add_working_days(requested, SUPPLEMENT["answer_working_days"]).end
    asked = T("Yes, on {requested}, after {used} of {limit} working days. The applicant's time to "
              "supply all of it runs {answer_days} working days, to {answer_due}, and is not counted.",
              requested=requested.isoformat(), used=used, limit=limit, answer_days=SUPPLEMENT["answer_working_days"],
              answer_due=answer_due.isoformat())
    if received is None:
        if as_of > answer_due:
            finding.outcome = "supplement_late"
            finding.add("supplement", _ASKED, None, asked, SUPPLEMENT)
            finding.add("supplement_in_time", T("Did the complete data arrive in time?"), False,
                        T("No: none had arrived by {answer_due}, and as of {as_of} none has.",
                          answer_due=answer_due.isoformat(), as_of=as_of.isoformat()),
                        DATA["late_supplement"])
            return finding
        finding.outcome = "awaiting_supplement"
        finding.add("supplement", _ASKED, None,
                    T("{asked} The clock stands at {used} of {limit} working days until the data arrive.",
                      asked=asked, used=used, limit=limit), SUPPLEMENT)
        _estimate_warning(finding, answer_due)
        return finding
    if received > answer_due:
        finding.outcome = "supplement_late"
        finding.add("supplement", _ASKED, None, asked, SUPPLEMENT)
        finding.add("supplement_in_time", T("Did the complete data arrive in time?"), False,
                    T("No: they arrived on {received}, after {answer_due}.", received=received.isoformat(),
                      answer_due=answer_due.isoformat()), DATA["late_supplement"])
        return finding
    divisor = SUPPLEMENT["extension_priority" if procedure_name in SUPPLEMENT["priority_procedures"]
                         else "extension_standard"]
    exact = Fraction(limit, divisor)
    extension = ceil(exact)
    share = T("third") if divisor == 3 else T("quarter")
    fraction_note = ("" if exact == extension else
                     T(" One {share} of {limit} is {exact} working days: the limit ends during the "
                       "{ordinal} working day, so that day is the deadline (the regulation gives no "
                       "rounding rule; this is the book's reading).", share=share, limit=limit, exact=_mixed(exact),
                       ordinal=_ordinal(limit + extension)))
    finding.add("supplement", _ASKED, None, asked, SUPPLEMENT)
    finding.add("supplement_extension", T("How does the clock continue once the data arrive?"), None,
                T("The complete data arrived on {received}; counting resumes the next working day, "
                  "and the time limit grows by a {share}{priority}: {limit} + {extension} = {total} "
                  "working days.{note}", received=received.isoformat(), share=share,
                  priority=T(" (priority review)") if divisor == 4 else "", limit=limit, extension=extension,
                  total=limit + extension, note=fraction_note), SUPPLEMENT)
    return _computed(finding, started_on, limit + extension, extension, other, (requested, received, answer_due))


def _date_problems(procedure_name: str, started_on: date, requested: date | None,
                   received: date | None) -> list[tuple[str, Text, Text, dict]]:
    """What makes the dates impossible for one review, each as (check, question, answer, fact)."""
    problems = []
    fit = T("Do the dates of the request and the data fit together?")
    if requested is not None and procedure_name not in SUPPLEMENT["procedures"]:
        problems.append(("supplement_allowed", T("May the CDE ask for supplementary data?"),
                         T("No: a request is dated {requested}, but a clinical trial application takes "
                           "no new technical data during review; the applicant withdraws it and applies again. "
                           "Leave the request date empty.", requested=requested.isoformat()),
                         DATA["no_supplement_for_ind"]))
    if received is not None and requested is None:
        problems.append(("supplement_order", fit,
                         T("No: data are dated {received} but no request is: give the request date, "
                           "or leave both empty.", received=received.isoformat()), SUPPLEMENT))
    if requested is not None and requested < started_on:
        problems.append(("supplement_order", fit,
                         T("No: the request ({requested}) is before the acceptance ({started}); it must be on or "
                           "after it.", requested=requested.isoformat(), started=started_on.isoformat()), SUPPLEMENT))
    if requested is not None and received is not None and received < requested:
        problems.append(("supplement_order", fit,
                         T("No: the data ({received}) are dated before the request ({requested}); they must be on "
                           "or after it.", received=received.isoformat(), requested=requested.isoformat()), SUPPLEMENT))
    return problems


def _counting_reasons(finding: Finding, procedure_name: str, procedure: dict, started_on: date) -> None:
    rule = DATA["working_days_rule"]
    question = T("Which rules apply to this clock, and why?")
    if started_on < rule["from"]:
        finding.add("rules_applied", question, None,
                    T("Accepted on {started}: the law's {days}-working-day IND clock applies; the Drug Registration "
                      "Regulation took effect only on {start}.", started=started_on.isoformat(),
                      days=procedure["working_days"], start=rule["from"].isoformat()),
                    procedure)
    else:
        which = {
            "ind": T("the law's 60-working-day IND clock applies, repeated in the Drug Registration Regulation "
                     "(Arts. 23, 96), which counts in working days"),
            "ind_fast_channel": T("Announcement No. 86's 30-working-day channel applies; the Drug Registration "
                                  "Regulation counts in working days"),
        }.get(procedure_name) or T("the Drug Registration Regulation's {days}-working-day limit applies; it counts "
                                   "in working days", days=procedure["working_days"])
        finding.add("rules_applied", question, None,
                    T("Accepted on {started}: {which}.", started=started_on.isoformat(), which=which), rule)
    first_day = DATA["first_day_not_counted"]
    finding.add("first_day_not_counted", T("Is the day of acceptance counted?"), None,
                T("No: counting starts on the day after {started}.", started=started_on.isoformat()), first_day)
    if started_on < first_day["from"]:
        finding.warn(T(
            "The Civil Code came into force on {start}; the same first-day rule "
            "is assumed for a clock that started earlier.", start=first_day["from"].isoformat()
        ))


def _computed(finding: Finding, started_on: date, limit: int, extension: int, other: int,
              supplement: tuple[date, date, date] | None) -> Finding:
    finding.outcome = "computed"
    if other:
        finding.add("other_not_counted", T("Were other periods left out of the count?"), None,
                    T("Yes: {other} working days, which move the deadline later.", other=other),
                    DATA["other_periods_not_counted"])
        if started_on < DATA["working_days_rule"]["from"]:
            finding.warn(T("The Drug Registration Regulation's list of periods not counted took effect on "
                           "{start}; it is applied here to an earlier clock.",
                           start=DATA["working_days_rule"]["from"].isoformat()))
    days, applicant_days = _count(started_on, limit + other, supplement)
    end = days[-1][0]
    arrangements = CALENDAR["arrangements"]
    last_published = arrangements["last_published_year"]
    is_estimate = end.year > last_published
    finding.add("calendar", T("Which days count as working days?"), None,
                T("Weekdays, minus statutory holidays, plus weekend make-up working days, as set by the "
                  "State Council's yearly arrangement.{estimate}",
                  estimate=T(" Arrangements after {year} are not published yet: estimated.", year=last_published)
                  if is_estimate else ""),
                arrangements)
    library = CALENDAR["calendar_library"]
    finding.add("calendar_library", T("Where do the holiday dates come from?"), None,
                T("The holidays library (holidays.China)."), library)
    _estimate_warning(finding, max(end, supplement[2]) if supplement else end)
    if library_version() < version_tuple(library["minimum_version"]):
        finding.warn(T(
            "The installed holidays library is older than {version} and may lack "
            "the latest holiday arrangement.", version=library["minimum_version"]
        ))
    calendar = _calendar(started_on, days, other)
    finding.values = {
        "deadline": end,
        "working_days": limit,
        "extension_working_days": extension,
        "paused_working_days": applicant_days + other,
        "supplement_answer_due": supplement[2] if supplement else None,
        "holidays_skipped": [entry["date"] for entry in calendar if entry["kind"] == "holiday"],
        "make_up_workdays_counted": [entry["date"] for entry in calendar if entry["kind"] == "make_up"],
        "is_estimate": is_estimate,
        "calendar": calendar,
    }
    return finding


def _estimate_warning(finding: Finding, last_day: date) -> None:
    last_published = CALENDAR["arrangements"]["last_published_year"]
    if last_day.year > last_published:
        finding.warn(T(
            "The count runs into {year}, for which the State Council has not yet published "
            "its holiday arrangement (published through {last_published}); the dates are estimates.",
            year=last_day.year, last_published=last_published
        ))


def _working_days_between(first: date, last: date) -> int:
    """Working days after ``first`` up to and including ``last``."""
    return sum(day_kind(first + timedelta(days=n)) in COUNTED for n in range(1, (last - first).days + 1))


def _count(started_on: date, to_count: int, supplement: tuple[date, date, date] | None) -> tuple[list, int]:
    """Every day after acceptance to the deadline with its kind, and the working days of the
    applicant's time: from the day after the request to the day the data arrived, marked
    "pause" because they are not counted."""
    days: list[tuple[date, str]] = []
    day, remaining, applicant_days = started_on, to_count, 0
    while remaining > 0:
        day += timedelta(days=1)
        kind = day_kind(day)
        if kind in COUNTED and supplement and supplement[0] < day <= supplement[1]:
            kind, applicant_days = "pause", applicant_days + 1
        elif kind in COUNTED:
            remaining -= 1
        days.append((day, kind))
    return days, applicant_days


def _calendar(started_on: date, days: list[tuple[date, str]], other: int) -> list[dict[str, Any]]:
    """Every day from acceptance to the deadline with its kind. The other periods not counted
    have no dates, so the last ``other`` counted days are drawn as the days they added."""
    kinds = [["accepted", started_on]] + [[kind, day] for day, kind in days]
    for entry in reversed(kinds):
        if other == 0:
            break
        if entry[0] in COUNTED:
            entry[0] = "pause"
            other -= 1
    return [{"date": day, "kind": kind} for kind, day in kinds]


def _ordinal(number: int) -> Text:
    if 10 <= number % 100 <= 20 or number % 10 not in (1, 2, 3):
        return T("{number}th", number=number)
    return {1: T("{number}st", number=number), 2: T("{number}nd", number=number),
            3: T("{number}rd", number=number)}[number % 10]


def _mixed(value: Fraction) -> str:
    whole, part = divmod(value, 1)
    return f"{whole} {part.numerator}/{part.denominator}" if whole else f"{part.numerator}/{part.denominator}"
