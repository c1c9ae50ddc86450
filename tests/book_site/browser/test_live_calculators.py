"""The website's calculators, live in the browser: Pyodide runs nmpa_rules from the site's own files.

Each calculator page is opened once in a fresh browser context with every request to another
host refused; the reader presses "Run this calculator live", then changes inputs. What the page
shows is compared with what nmpa_rules.evaluate decides for the same inputs, computed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pytest
from playwright.sync_api import expect

from content.book_sources import toc_docnames
from nmpa_rules import evaluate, rule_info
from nmpa_rules.presentation.presets import presets

pytestmark = pytest.mark.browser

CALCULATOR_PAGES = {
    "book/calculators/segmented-pilot": "biologics.segmented_pilot",
    "book/calculators/pre-approval-import": "imports.pre_approval_batches",
    "book/calculators/stem-cell-pathway": "stem_cells.pathway",
    "book/calculators/hormone-pathway": "hormones.pathway",
    "book/calculators/review-clock": "timelines.review_clock",
}
RUNTIME_PATH = re.compile(r"/_static/(vendor/live|live-calculator)/")
# Loading Python in the browser on a busy 2-core machine can take a while; this is no timing test.
STARTUP_MS = 180_000


@dataclass
class LivePage:
    page: object
    rule_id: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    requests_before_start: list[str] = field(default_factory=list)


def _record(page, live: LivePage, requests: list[str]) -> None:
    page.on("console", lambda message: message.type == "error" and live.console_errors.append(message.text))
    page.on("pageerror", lambda error: live.console_errors.append(f"uncaught: {error}"))
    page.on("request", lambda request: requests.append(request.url))


@pytest.fixture(scope="module")
def live_context(browser, site_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    context.route(re.compile(r"^(?!" + re.escape(site_url) + r")(https?|wss?)://"), lambda route: route.abort())
    # Each page starts as on a first visit: a calculator that has run before in this browser
    # starts by itself, without its button.
    context.add_init_script("window.localStorage.removeItem('nmpa-live-calculator');")
    yield context
    context.close()


@pytest.fixture(scope="module", params=sorted(CALCULATOR_PAGES), ids=lambda docname: docname.rsplit("/", 1)[-1])
def live(request, live_context, site_url: str) -> LivePage:
    docname = request.param
    page = live_context.new_page()
    live = LivePage(page, CALCULATOR_PAGES[docname])
    requests: list[str] = []
    _record(page, live, requests)
    page.goto(f"{site_url}{docname}.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    live.requests_before_start = list(requests)
    page.get_by_role("button", name=re.compile(r"Run this calculator live \(downloads \d+\.\d MB compressed, \d+\.\d MB uncompressed, once\)")).click()
    page.locator(".nmpa-live .nmpa-result .nmpa-outcome").wait_for(timeout=STARTUP_MS)
    live.foreign_requests = [url for url in requests if not url.startswith(site_url) and url.startswith(("http", "ws"))]
    yield live
    page.close()


def _field(live: LivePage, name: str):
    return live.page.locator(f'.nmpa-live [data-field="{name}"]')


def _outcome(live: LivePage) -> str:
    return live.page.locator(".nmpa-live .nmpa-result .nmpa-outcome").inner_text().strip()


def _an_input_that_changes_the_outcome(rule_id: str):
    """The first yes/no or menu input whose other value changes what the rule decides for the
    first worked example, with that value and the decision it leads to."""
    first = presets(rule_id)[0]
    before = evaluate(rule_id, first.as_of, **first.inputs)
    for spec in rule_info(rule_id).inputs:
        if spec.kind == "bool":
            options = [True, False]
        elif spec.kind == "choice":
            options = list(spec.choice_values)
        else:
            continue
        for value in options:
            if value == first.inputs.get(spec.name, spec.default):
                continue
            after = evaluate(rule_id, first.as_of, **{**first.inputs, spec.name: value})
            if (after.outcome, after.values) != (before.outcome, before.values):
                return spec, value, after
    raise AssertionError(f"no single yes/no or menu input changes the first worked example of {rule_id}")


def _set(live: LivePage, spec, value) -> None:
    box = _field(live, spec.name)
    if spec.kind == "bool":
        box.locator(f'input[type="radio"][value="{str(value).lower()}"]').check()
    else:
        box.locator("select").select_option(value)


def test_runtime_is_not_fetched_before_the_reader_asks(live):
    fetched = [url for url in live.requests_before_start if "/_static/vendor/live/" in url]
    assert fetched == [], f"the page fetched runtime files before the button was pressed: {fetched}"


def test_first_result_is_the_first_worked_example(live):
    first = presets(live.rule_id)[0]
    expected = evaluate(live.rule_id, first.as_of, **first.inputs)
    assert _outcome(live) == expected.outcome_label
    menu = live.page.locator(".nmpa-live .nmpa-presets-menu")
    assert menu.locator("option:checked").inner_text() == first.name


def test_changing_an_input_shows_what_the_rules_decide(live):
    spec, value, expected = _an_input_that_changes_the_outcome(live.rule_id)
    _set(live, spec, value)
    # The rules run in a Web Worker: the new answer arrives a moment after the change.
    expect(live.page.locator(".nmpa-live .nmpa-result .nmpa-outcome")).to_have_text(expected.outcome_label,
                                                                                   timeout=30_000)
    if "deadline" in expected.values:
        deadline: date = expected.values["deadline"]
        assert deadline.isoformat() in live.page.locator(".nmpa-live .nmpa-result").inner_text()
    # Sources are links into the bibliography, as in the notebooks.
    assert live.page.locator('.nmpa-live .nmpa-result a[href*="bibliography.html#cite-"]').count() >= 1
    menu = live.page.locator(".nmpa-live .nmpa-presets-menu")
    assert menu.locator("option:checked").inner_text() == "Your own scenario"


def test_bad_date_is_explained_next_to_its_field_and_kept(live):
    as_of = _field(live, "as_of")
    as_of.locator('input[type="text"]').fill("2026-02-30")
    expect(as_of.locator(".nmpa-live-problem")).to_contain_text("2026-02-30", timeout=30_000)
    problem = as_of.locator(".nmpa-live-problem").inner_text()
    assert "As of" in problem and "2026-02-30" in problem and "YYYY-MM-DD" in problem, problem
    assert "as_of" not in problem, "the message names the internal input name, not its label"
    assert as_of.locator('input[type="text"]').input_value() == "2026-02-30"
    assert as_of.locator('input[type="text"]').get_attribute("aria-invalid") == "true"
    expect(live.page.locator(".nmpa-live .nmpa-result")).to_contain_text("No result", timeout=30_000)
    # Correcting the date brings the result back (the answer comes from the Web Worker).
    first = presets(live.rule_id)[0]
    as_of.locator('input[type="text"]').fill(str(first.as_of))
    expect(as_of.locator(".nmpa-live-problem")).to_have_text("", timeout=30_000)
    expect(live.page.locator(".nmpa-live .nmpa-result .nmpa-outcome")).to_have_count(1, timeout=30_000)


def test_bad_number_is_explained_next_to_its_field_and_kept(live):
    for spec in [spec for spec in rule_info(live.rule_id).inputs if spec.kind == "number"]:
        box = _field(live, spec.name)
        box.locator('input[type="text"]').fill("three")
        problem = box.locator(".nmpa-live-problem").inner_text()
        assert spec.label in problem and "three" in problem and "number" in problem, problem
        assert spec.name not in problem
        assert box.locator('input[type="text"]').input_value() == "three"


def test_console_stays_clean_and_nothing_leaves_the_site(live):
    assert live.console_errors == []
    assert live.foreign_requests == []


def test_prose_pages_load_nothing_of_the_runtime(browser, site_url: str):
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: RUNTIME_PATH.search(request.url) and fetched.append(request.url))
    try:
        for docname in toc_docnames():
            if docname in CALCULATOR_PAGES:
                continue
            page.goto(f"{site_url}{docname}.html", wait_until="load")
    finally:
        context.close()
    assert fetched == [], f"prose pages fetched the calculators' runtime: {fetched[:5]}"


def test_without_webassembly_the_page_says_so(browser, site_url: str):
    context = browser.new_context()
    context.add_init_script("delete window.WebAssembly;")
    page = context.new_page()
    try:
        page.goto(f"{site_url}book/calculators/review-clock.html", wait_until="load")
        status = page.locator(".nmpa-live .nmpa-live-status")
        status.wait_for()
        assert "cannot run WebAssembly" in status.inner_text()
        assert page.locator(".nmpa-live-start").count() == 0
        assert page.locator("table.nmpa-presets").count() == 1, "the worked scenarios table must remain"
    finally:
        context.close()
