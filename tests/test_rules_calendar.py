"""The working-day calendar against the State Council arrangements for 2025 and 2026, typed
in by hand from the notices (days off, and weekend days that are working days)."""

from datetime import date, timedelta

import pytest

from nmpa_rules.working_days import add_working_days


def _days(first, last):
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


D = date
ARRANGEMENTS = {
    2025: {
        "off": (_days(D(2025, 1, 1), D(2025, 1, 1)) | _days(D(2025, 1, 28), D(2025, 2, 4))
                | _days(D(2025, 4, 4), D(2025, 4, 6)) | _days(D(2025, 5, 1), D(2025, 5, 5))
                | _days(D(2025, 5, 31), D(2025, 6, 2)) | _days(D(2025, 10, 1), D(2025, 10, 8))),
        "worked_weekend_days": {D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)},
    },
    2026: {
        "off": (_days(D(2026, 1, 1), D(2026, 1, 3)) | _days(D(2026, 2, 15), D(2026, 2, 23))
                | _days(D(2026, 4, 4), D(2026, 4, 6)) | _days(D(2026, 5, 1), D(2026, 5, 5))
                | _days(D(2026, 6, 19), D(2026, 6, 21)) | _days(D(2026, 9, 25), D(2026, 9, 27))
                | _days(D(2026, 10, 1), D(2026, 10, 7))),
        "worked_weekend_days": {D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9),
                                D(2026, 9, 20), D(2026, 10, 10)},
    },
}


def _official_working_day(day):
    arrangement = ARRANGEMENTS[day.year]
    if day in arrangement["worked_weekend_days"]:
        return True
    return day.weekday() < 5 and day not in arrangement["off"]


@pytest.mark.parametrize("year", sorted(ARRANGEMENTS))
def test_the_library_matches_the_published_arrangement_day_by_day(year):
    # A day is a working day exactly when one working day after the day before ends on it.
    for day in _days(D(year, 1, 1), D(year, 12, 31)):
        is_working_day = add_working_days(day - timedelta(days=1), 1).end == day
        assert is_working_day == _official_working_day(day), day


def test_the_start_day_is_not_counted():
    assert add_working_days(D(2025, 11, 3), 1).end == D(2025, 11, 4)
    assert add_working_days(D(2025, 11, 7), 1).end == D(2025, 11, 10)


def test_zero_working_days_is_the_start_day():
    assert add_working_days(D(2025, 11, 3), 0).end == D(2025, 11, 3)


def test_a_make_up_saturday_counts_and_a_holiday_weekday_does_not():
    count = add_working_days(D(2026, 5, 8), 1)
    assert count.end == D(2026, 5, 9) and count.make_up_workdays_counted == (D(2026, 5, 9),)
    count = add_working_days(D(2026, 4, 30), 1)
    assert count.end == D(2026, 5, 6)
    assert count.holidays_skipped == (D(2026, 5, 1), D(2026, 5, 4), D(2026, 5, 5))
