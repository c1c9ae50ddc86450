"""The participants' one-page syllabus and the printed working-day calendar of Module 1."""

from __future__ import annotations

import re
from datetime import date

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from nmpa_rules.working_days import add_working_days

from .conftest import FULL_HTML, _require, handout

SYLLABUS = "book/reference/syllabus"
CALENDAR = "book/reference/working-day-calendar-2026"
GUIDE = "book/reference/teaching-guide"


def page(docname: str) -> BeautifulSoup:
    return BeautifulSoup(_require(FULL_HTML / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def printed(chapters, docname: str) -> PdfReader:
    (chapter,) = [c for c in chapters if c.docname == docname]
    return PdfReader(_require(handout(chapter)))


def test_the_syllabus_prints_on_one_sheet(chapters):
    assert len(printed(chapters, SYLLABUS).pages) == 1


def test_the_calendar_prints_on_one_or_two_sheets(chapters):
    assert len(printed(chapters, CALENDAR).pages) in (1, 2)


def test_the_syllabus_lists_the_guide_s_modules_with_the_guide_s_reading_minutes():
    rows = page(SYLLABUS).select("table.syllabus-table tbody tr")
    modules = [[" ".join(td.get_text(" ").split()) for td in row.find_all("td")] for row in rows[:-1]]
    guide = page(GUIDE)
    expected = []
    for number in range(1, 6):
        section = guide.find(id=f"teaching-guide-module-{number}")
        section = section.parent if section.name == "span" else section
        total = section.find("table").find_all("tr")[-1].find_all("td")[-1]
        expected.append((f"{number}.", total.get_text(strip=True)))
    assert [(m[0].split()[0], m[2]) for m in modules] == expected
    assert rows[-1].find_all("td")[2].get_text(strip=True) == str(sum(int(m[2]) for m in modules))


@pytest.fixture(scope="module")
def sheet() -> dict[date, str]:
    """Every day of the printed calendar with the class it is printed with."""
    found = {}
    for month, table in enumerate(page(CALENDAR).select("table.wdc-month"), start=1):
        for cell in table.select("td"):
            if "wdc-outside" in cell["class"]:
                continue
            day = int(re.match(r"\d+", cell.get_text(strip=True)).group())
            found[date(2026, month, day)] = cell["class"][0]
    return found


def test_the_calendar_has_every_day_of_2026(sheet):
    assert len(sheet) == 365


def test_the_calendar_counts_exactly_the_days_the_review_clock_counts(sheet):
    counted_on_sheet = {day for day, kind in sheet.items() if kind in ("wdc-working", "wdc-make-up")}
    count = add_working_days(date(2025, 12, 31), 260)
    counted_by_rules = {day for day, kind in count.days if day.year == 2026 and kind in ("working", "make_up")}
    assert counted_on_sheet == counted_by_rules
    make_up = {day for day, kind in sheet.items() if kind == "wdc-make-up"}
    assert make_up == {day for day, kind in count.days if kind == "make_up" and day.year == 2026}
    assert make_up, "a 2026 calendar without make-up working days"


def test_counting_60_working_days_on_the_sheet_gives_the_calculator_s_date(sheet):
    accepted = date(2026, 1, 20)
    counted = sorted(day for day, kind in sheet.items() if day > accepted and kind in ("wdc-working", "wdc-make-up"))
    assert counted[59] == add_working_days(accepted, 60).end
