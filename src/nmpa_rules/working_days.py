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


COUNTED = frozenset({"working", "make_up"})


@dataclass(frozen=True)
class Count:
    """The result of counting working days forward from a start date."""

    end: date
    days: tuple[tuple[date, str], ...]
    """Every day after the start up to ``end``, with its kind: working, make_up, holiday or weekend."""

    @property
    def holidays_skipped(self) -> tuple[date, ...]:
        """Weekdays passed over because they are days off under the holiday arrangement."""
        return tuple(day for day, kind in self.days if kind == "holiday")

    @property
    def make_up_workdays_counted(self) -> tuple[date, ...]:
        """Weekend days counted because the arrangement makes them working days."""
        return tuple(day for day, kind in self.days if kind == "make_up")


def day_kind(day: date) -> str:
    """working, make_up (a weekend day worked), holiday (a weekday off) or weekend."""
    year = _year(day.year)
    if day.weekday() >= 5:
        return "make_up" if day in year.make_up_workdays else "weekend"
    return "holiday" if day in year.days_off else "working"


def add_working_days(start: date, working_days: int) -> Count:
    """The ``working_days``-th working day after ``start``; ``start`` itself is not counted."""
    day = start
    remaining = working_days
    days: list[tuple[date, str]] = []
    while remaining > 0:
        day += timedelta(days=1)
        kind = day_kind(day)
        if kind in COUNTED:
            remaining -= 1
        days.append((day, kind))
    return Count(end=day, days=tuple(days))


@lru_cache(maxsize=1)
def library_version() -> tuple[int, ...]:
    import holidays

    return version_tuple(holidays.__version__)


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())
