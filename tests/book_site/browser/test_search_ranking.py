"""The site search as a reader meets it: the chapter about a term comes first, snippets are
prose, and the search field itself is usable (issue 16, item 6).

Ranking and snippets come from book/_static/search-scorer.js; the field's layout from
book/_static/custom.css and the theme options in _config.yml.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import pytest

pytestmark = pytest.mark.browser

SEARCH_DONE = """() => {
  const box = document.getElementById('search-results');
  return !!box && /Search finished|did not match/.test(box.textContent);
}"""
CALCULATORS = (
    "book/calculators/segmented-pilot",
    "book/calculators/pre-approval-import",
    "book/calculators/stem-cell-pathway",
    "book/calculators/hormone-pathway",
    "book/calculators/review-clock",
)
# The text of a calculator page's code cells, one line each, for comparison with its snippet.
CODE_LINES = """() => Array.from(document.querySelectorAll('article .cell_input, article pre'))
  .flatMap(el => el.textContent.split('\\n')).map(l => l.trim()).filter(l => l.length >= 8)"""
VISIBLE_SEARCH_FIELDS = """() => Array.from(document.querySelectorAll('.search-button-field, form.bd-search'))
  .filter(el => !el.closest('dialog'))
  .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; }).length"""
ICON_AND_TEXT = """() => {
  const form = document.querySelector('.bd-search-container form.bd-search');
  const icon = form.querySelector('.fa-magnifying-glass').getBoundingClientRect();
  const input = form.querySelector('input');
  const box = input.getBoundingClientRect();
  const textStart = box.left + parseFloat(getComputedStyle(input).paddingLeft);
  return {iconRight: icon.right, textStart};
}"""


def search(site, query: str, width: str = "desktop"):
    page = site.open(f"search.html?q={quote(query)}", width)
    page.wait_for_function(SEARCH_DONE, timeout=30_000)
    return page


def result_docnames(page) -> list[str]:
    hrefs = page.eval_on_selector_all("#search-results li > a", "links => links.map(a => a.href)")
    return [urlsplit(href).path.lstrip("/").removesuffix(".html") for href in hrefs]


def test_working_days_finds_the_chapter_about_working_days_first(site):
    page = search(site, "working days")
    found = result_docnames(page)
    assert found, "no results for 'working days'"
    assert found[0] == "book/intermediate/pathways", f"first results: {found[:4]}"


def test_calculator_snippets_are_prose_from_the_page_not_code_or_page_furniture(site):
    code = {}
    for docname in CALCULATORS:
        code[docname] = site.open(docname).evaluate(CODE_LINES)
    page = search(site, "calculator")
    links = page.locator("#search-results li > a")
    snippets = {}
    for i in range(links.count()):
        docname = urlsplit(links.nth(i).get_attribute("href")).path.removesuffix(".html")
        if docname in CALCULATORS and docname not in snippets:
            item = page.locator("#search-results li").nth(i)
            item.locator("p.context").wait_for(timeout=10_000)
            snippets[docname] = item.locator("p.context").inner_text()
    assert set(snippets) == set(CALCULATORS), f"calculators without a result: {set(CALCULATORS) - set(snippets)}"
    for docname, snippet in snippets.items():
        text = snippet.strip(".…").strip()
        assert len(text.split()) >= 25, f"{docname}: snippet too short to say anything: {snippet!r}"
        assert not re.search(r"\s{2,}", snippet), f"{docname}: snippet has runs of blanks: {snippet!r}"
        for furniture in ("Contents", "Last reviewed", "Worked scenarios", "Ctrl+K"):
            assert furniture not in snippet, f"{docname}: snippet shows {furniture!r}: {snippet!r}"
        code_in_snippet = [line for line in code[docname] if line in snippet]
        assert not code_in_snippet, f"{docname}: snippet shows code {code_in_snippet[:2]}: {snippet!r}"
        # Prose: mostly words of letters, sentences ending in full stops.
        words = text.split()
        wordlike = [w for w in words if re.fullmatch(r"[\W\d]*[A-Za-z][A-Za-z’'-]*[\W\d]*", w)]
        assert len(wordlike) >= 0.7 * len(words), f"{docname}: snippet is not prose: {snippet!r}"
        assert ". " in snippet or "; " in snippet, f"{docname}: snippet has no sentence in it: {snippet!r}"


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_magnifier_does_not_cover_the_query(site, width):
    page = search(site, "working days", width)
    box = page.evaluate(ICON_AND_TEXT)
    assert box["iconRight"] <= box["textStart"], f"at {width} the icon ends at {box['iconRight']:.0f}px, the text starts at {box['textStart']:.0f}px"


def test_one_search_field_at_desktop_width(site):
    page = site.open("book/intermediate/pathways")
    assert page.evaluate(VISIBLE_SEARCH_FIELDS) == 1
    page = search(site, "working days")
    # The search page has its own form; the sidebar's button is the only other one.
    assert page.evaluate(VISIBLE_SEARCH_FIELDS) == 2


def test_back_to_top_is_not_shown_over_a_calculator_on_a_phone(site):
    page = site.open("book/calculators/review-clock", "phone")
    page.mouse.wheel(0, 3000)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight / 2)")
    page.wait_for_timeout(300)
    shown = page.evaluate("() => { const b = document.getElementById('pst-back-to-top'); return !!b && getComputedStyle(b).display !== 'none'; }")
    assert not shown
