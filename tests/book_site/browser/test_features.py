"""What a reader does on the site: search, read math, use a calculator, reveal a solution."""

from __future__ import annotations

import re

import pytest

from content.book_sources import toc_docnames

from .conftest import REPO

pytestmark = pytest.mark.browser

CALCULATOR = "book/calculators/segmented-pilot"
# Math is typeset at build time as MathML (book/_ext/build_time_math.py), inside these elements.
MATH_ELEMENT = re.compile(r'class="math notranslate nohighlight"')


def _pages_containing(built_site, pattern: re.Pattern) -> list[str]:
    return [d for d in toc_docnames() if pattern.search((built_site / f"{d}.html").read_text(encoding="utf-8"))]


@pytest.mark.parametrize("term", ["segmented", "amimestrocel"])
def test_search_page_finds(site, term):
    page = site.open(f"search.html?q={term}")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=10_000)
    links = results.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(href.startswith("book/") for href in links), f"search for {term!r} found no book page: {links}"


def test_math_in_the_book_renders(site, built_site):
    pages = _pages_containing(built_site, MATH_ELEMENT)
    assert pages, "no page of the book contains math; the pathways chapter states the review-clock formula"
    for docname in pages:
        page = site.open(docname)
        math = page.locator("span.math, div.math")
        # The browser lays MathML out itself: each expression is a <math> element with a size.
        unrendered = math.evaluate_all(
            "els => els.filter(e => { const m = e.querySelector('math');"
            " return !m || m.getBoundingClientRect().width < 4 || m.querySelector('merror'); }).length"
        )
        assert unrendered == 0, f"{docname}: {unrendered} math expression(s) not laid out as MathML"
        display = page.locator("div.math math").first
        assert display.evaluate("m => m.getBoundingClientRect().height") > 20, f"{docname}: display formula is flat"


def test_calculator_page_shows_controls_and_scenario_table(site):
    page = site.open(CALCULATOR)
    page.wait_for_load_state("networkidle")
    # No dead controls before Python runs: the live calculator waits for the reader to start it
    # (tests/book_site/browser/test_live_calculators.py runs it).
    assert page.locator(".jupyter-widgets").count() == 0, "saved widget state still draws dead controls"
    start = page.get_by_role("button", name=re.compile(r"Run this calculator live"))
    assert start.is_visible() and start.is_enabled()
    # The preset scenarios, decided at build time: readable without a kernel.
    tables = page.locator(".cell_output table")
    assert tables.count() >= 1, "no static scenario table in the cell outputs"
    table = tables.first
    assert table.is_visible()
    assert table.locator("tbody tr").count() >= 2, "the scenario table has fewer than two scenarios"
    assert "eligible" in table.inner_text().lower(), "the scenario table shows no outcome"


def test_exercise_solution_is_hidden_until_clicked(site, built_site):
    pages = _pages_containing(built_site, re.compile(r'class="solution dropdown'))
    assert pages, "no page has an exercise solution in a dropdown"
    page = site.open(pages[0])
    solutions = page.locator("div.solution.dropdown")
    solutions.first.locator("button.toggle-button").wait_for()
    # togglebutton hides the content with visibility: hidden, which Playwright treats as not visible.
    bodies = solutions.locator(":scope > section")
    visible = [i for i in range(bodies.count()) if bodies.nth(i).is_visible()]
    assert bodies.count() > 0 and not visible, f"{pages[0]}: solutions {visible} are visible before any click"

    first = solutions.first
    first.locator("button.toggle-button").click()
    assert first.locator(":scope > section").is_visible(), "the solution did not open when clicked"
    assert not solutions.nth(1).locator(":scope > section").is_visible(), "opening one solution opened another"
