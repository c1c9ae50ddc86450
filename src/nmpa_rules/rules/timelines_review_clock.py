"""When a statutory review clock runs out, counted in Chinese working days."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..datafiles import MapOf, WINDOW, cited_sources, fact, load_data_file, require_subset
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from ..working_days import COUNTED, Count, add_working_days, library_version, version_tuple
from .common import check_in_force

DATA_FILE = "timelines_review_clock.yaml"
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "procedures": MapOf(fact(working_days="int", **{"from": "date", "until": "optional_date"})),
        "first_day_not_counted": fact(**{"from": "date"}),
        "clock_pauses": fact(),
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

INFO = RuleInfo(
    id="timelines.review_clock",
    title="Review clocks in working days",
    summary=(
        "The day a statutory review period ends, counted in Chinese working days from the "
        "day after the application was accepted."
    ),
    inputs=(
        InputSpec("procedure", "choice", "Which review procedure?",
                  "Each procedure has its own time limit in working days.", choices=PROCEDURES),
        InputSpec("started_on", "date", "Date the application was accepted",
                  "The clock starts the day after acceptance; a date after the as-of date gives a projection."),
        InputSpec("paused_working_days", "number", "Working days the clock was paused",
                  "Time the clock stops, for example while the applicant answers questions.",
                  # A pause longer than about four years is a typing error, not a review.
                  default=0, minimum=0, maximum=1000, integer=True),
    ),
    outcomes={
        "computed": "Deadline computed",
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
    started_on = given["started_on"]
    # A clock belongs to the rules in force on the day it starts, not on as_of.
    finding = check_in_force(procedure, started_on, subject=f"the procedure \"{dict(PROCEDURES)[procedure_name]}\"",
                             check="procedure_in_force")
    if finding.outcome == "not_in_force":
        return finding
    finding.outcome = "computed"
    working_days = procedure["working_days"]
    first_day = DATA["first_day_not_counted"]
    finding.add("first_day_not_counted", "Is the day of acceptance counted?", None,
                f"No: counting starts on the day after {started_on.isoformat()}.", first_day)
    if started_on < first_day["from"]:
        finding.warn(
            f"The Civil Code came into force on {first_day['from'].isoformat()}; the same first-day rule "
            "is assumed for a clock that started earlier."
        )
    paused = given["paused_working_days"]
    if paused:
        finding.add("paused", "Was the clock paused?", None,
                    f"Paused for {paused} working days, which extend the deadline.", DATA["clock_pauses"])
    count = add_working_days(started_on, working_days + paused)
    arrangements = CALENDAR["arrangements"]
    last_published = arrangements["last_published_year"]
    is_estimate = count.end.year > last_published
    finding.add("calendar", "Which days count as working days?", None,
                "Weekdays, minus statutory holidays, plus weekend make-up working days, as set by the "
                "State Council's yearly arrangement."
                + (f" Arrangements after {last_published} are not published yet: estimated." if is_estimate else ""),
                arrangements)
    library = CALENDAR["calendar_library"]
    finding.add("calendar_library", "Where do the holiday dates come from?", None,
                "The holidays library (holidays.China).", library)
    if is_estimate:
        finding.warn(
            f"The count runs into {count.end.year}, for which the State Council has not yet published "
            f"its holiday arrangement (published through {last_published}); the deadline is an estimate."
        )
    if library_version() < version_tuple(library["minimum_version"]):
        finding.warn(
            f"The installed holidays library is older than {library['minimum_version']} and may lack "
            "the latest holiday arrangement."
        )
    if started_on > as_of:
        finding.warn(
            f"The clock starts on {started_on.isoformat()}, after as_of {as_of.isoformat()}: this is a projection."
        )
    finding.values = {
        "deadline": count.end,
        "working_days": working_days,
        "paused_working_days": paused,
        "holidays_skipped": list(count.holidays_skipped),
        "make_up_workdays_counted": list(count.make_up_workdays_counted),
        "is_estimate": is_estimate,
        "calendar": _calendar(started_on, count, paused),
    }
    return finding


def _calendar(started_on: date, count: Count, paused: int) -> list[dict[str, Any]]:
    """Every day from acceptance to the deadline with its kind; the pause extended the count,
    so the last ``paused`` counted days are the ones it added."""
    kinds = [["accepted", started_on]] + [[kind, day] for day, kind in count.days]
    for entry in reversed(kinds):
        if paused == 0:
            break
        if entry[0] in COUNTED:
            entry[0] = "pause"
            paused -= 1
    return [{"date": day, "kind": kind} for kind, day in kinds]
