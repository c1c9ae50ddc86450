"""Chinese working days: weekdays minus statutory holidays, plus weekend make-up workdays.

The dates come from holidays.China, which encodes the State Council's yearly arrangements.
The library is imported on first use, so that ``import nmpa_rules`` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache


@dataclass(frozen=True)
class _Year:
    days_off: frozenset[date]
    make_up_workdays: frozenset[date]


@lru_cache(maxsize=None)
def _year(year: int) -> _Year:
    import holidays

    china = holidays.China(years=year)
    return _Year(
        days_off=frozenset(china),
        make_up_workdays=frozenset(d for d in china.weekend_workdays if d.year == year),
    )


@dataclass(frozen=True)
class Count:
    """The result of counting working days forward from a start date."""

    end: date
    holidays_skipped: tuple[date, ...]
    """Weekdays passed over because they are days off under the holiday arrangement."""
    make_up_workdays_counted: tuple[date, ...]
    """Weekend days counted because the arrangement makes them working days."""


def add_working_days(start: date, working_days: int) -> Count:
    """The ``working_days``-th working day after ``start``; ``start`` itself is not counted."""
    day = start
    remaining = working_days
    skipped: list[date] = []
    made_up: list[date] = []
    while remaining > 0:
        day += timedelta(days=1)
        year = _year(day.year)
        if day.weekday() >= 5:
            if day in year.make_up_workdays:
                made_up.append(day)
                remaining -= 1
        elif day in year.days_off:
            skipped.append(day)
        else:
            remaining -= 1
    return Count(end=day, holidays_skipped=tuple(skipped), make_up_workdays_counted=tuple(made_up))


@lru_cache(maxsize=1)
def library_version() -> tuple[int, ...]:
    import holidays

    return version_tuple(holidays.__version__)


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())
