"""The website's live calculator in Chinese: its language switch, remembered, and its default
from the page's language.

The built site (the same `_build/html` as the book_site suite, built once per session) is served
locally (the Chinese edition under zh_CN/, as `make book` assembles it) and every request to
another host is refused. What the page shows in Chinese is compared
with the rules' own words translated by nmpa_rules, computed here. Screenshots of the form in
Chinese, on a phone and on a desktop, go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from book_site.conftest import book_build, built_site  # noqa: F401 - the session's one build of the site
from browser_support import chromium_browser, serve_directory
from nmpa_rules import evaluate
from nmpa_rules.presentation.presets import presets
from nmpa_rules.translation import translate
from zh.conftest import zh_site  # noqa: F401 - the session's one build of the Chinese edition

pytestmark = [pytest.mark.browser, pytest.mark.build]

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
PAGE = "book/calculators/review-clock.html"
RULE = "timelines.review_clock"
STARTUP_MS = 180_000
ANSWER_MS = 30_000
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
# Elements past the right edge that are not inside a scrolling box make a phone page scroll sideways.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  return Array.from(document.querySelectorAll('.nmpa-live *'))
    .filter(e => e.getBoundingClientRect().right > width + 1 && !inScroller(e))
    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + String(e.className));
}"""


@pytest.fixture(scope="module")
def site(built_site):  # noqa: F811 - the fixture imported above
    with chromium_browser() as browser, serve_directory(built_site) as base:
        yield browser, base


def _context(browser, base: str, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height}, reduced_motion="reduce")
    context.route(re.compile(r"^(?!" + re.escape(base) + r")(https?|wss?)://"), lambda route: route.abort())
    return context


def _start(page) -> None:
    page.locator(".nmpa-live-start").click()
    page.locator(".nmpa-live .nmpa-result .nmpa-outcome").wait_for(timeout=STARTUP_MS)


def _switch(page, language: str) -> None:
    page.locator(f'.nmpa-live-language button[data-language="{language}"]').click()


def test_the_switch_shows_the_form_and_the_result_in_chinese_and_keeps_the_inputs(site):
    browser, base = site
    context = _context(browser, base)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(base + PAGE, wait_until="load")
        english = page.locator('.nmpa-live-language button[data-language="en"]')
        expect(english).to_have_attribute("aria-pressed", "true")
        _start(page)
        first = presets(RULE)[0]
        # The reader's own date, then Chinese: the date stays and the answer follows it.
        started_on = page.locator('.nmpa-live [data-field="started_on"] input[type="text"]')
        started_on.fill("2026-05-08")
        expected = evaluate(RULE, first.as_of, **{**first.inputs, "started_on": "2026-05-08"})
        _switch(page, "zh")

        outcome = page.locator(".nmpa-live .nmpa-result .nmpa-outcome")
        expect(outcome).to_have_text(translate(expected.outcome_label, "zh"), timeout=ANSWER_MS)
        assert page.locator(".nmpa-live").get_attribute("lang") == "zh-CN"
        assert started_on.input_value() == "2026-05-08"
        menu = page.locator(".nmpa-live .nmpa-presets-menu")
        assert menu.locator("option:checked").inner_text() == "自定义情形"
        assert menu.locator("option").nth(1).inner_text() == translate(first.name, "zh")
        assert page.locator(".nmpa-live-menu label").inner_text() == "示例情形"
        result = page.locator(".nmpa-live .nmpa-result").inner_text()
        assert "截止日期：" in result and "理由" in result and "来源" in result, result
        assert page.locator(".nmpa-live-outcome").inner_text().startswith("结果：")
        assert page.locator(".nmpa-live-routes a").inner_text() == "以 Voilà 应用模式打开"
        assert page.locator(".nmpa-live-status").inner_text() == "计算器已就绪。"

        # A bad date is explained in Chinese next to its field, and kept.
        as_of = page.locator('.nmpa-live [data-field="as_of"]')
        as_of.locator('input[type="text"]').fill("2026-02-30")
        expect(as_of.locator(".nmpa-live-problem")).to_contain_text("2026-02-30", timeout=ANSWER_MS)
        expect(page.locator(".nmpa-live .nmpa-result")).to_contain_text("无结果", timeout=ANSWER_MS)
        as_of.locator('input[type="text"]').fill("2026-12-05")

        _switch(page, "en")
        expect(outcome).to_have_text(expected.outcome_label, timeout=ANSWER_MS)
        assert page.locator(".nmpa-live-menu label").inner_text() == "Worked example"
        assert started_on.input_value() == "2026-05-08"
        assert errors == []
    finally:
        context.close()


def test_the_choice_is_remembered_and_a_chinese_page_opens_in_chinese(site):
    browser, base = site
    context = _context(browser, base)
    page = context.new_page()
    try:
        page.goto(base + PAGE, wait_until="load")
        _switch(page, "zh")
        # Before Python starts, the calculator's own words are already Chinese.
        assert page.locator(".nmpa-live-start").inner_text().startswith("在线运行本计算器（需下载")
        assert page.locator(".nmpa-live-intro").inner_text().startswith("本计算器在您的浏览器中")
        page.reload(wait_until="load")
        expect(page.locator('.nmpa-live-language button[data-language="zh"]')).to_have_attribute("aria-pressed", "true")
    finally:
        context.close()

    # A fresh browser on a page whose <html lang> is Chinese: the calculator opens in Chinese.
    context = _context(browser, base)

    def as_chinese_page(route):
        response = route.fetch()
        body = response.text().replace('<html lang="en"', '<html lang="zh-CN"', 1)
        route.fulfill(response=response, body=body)

    context.route(base + PAGE, as_chinese_page)
    page = context.new_page()
    try:
        page.goto(base + PAGE, wait_until="load")
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        expect(page.locator('.nmpa-live-language button[data-language="zh"]')).to_have_attribute("aria-pressed", "true")
        assert page.locator(".nmpa-live-start").inner_text().startswith("在线运行本计算器")
    finally:
        context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_the_chinese_edition_s_calculator_opens_in_chinese_and_fits_the_screen(site, zh_site, width):
    browser, base = site
    context = _context(browser, base, *WIDTHS[width])
    page = context.new_page()
    try:
        page.goto(base + "zh_CN/" + PAGE, wait_until="load")
        expect(page.locator('.nmpa-live-language button[data-language="zh"]')).to_have_attribute("aria-pressed", "true")
        assert page.locator(".nmpa-live-intro").inner_text().startswith("本计算器在您的浏览器中")
        _start(page)
        first = presets(RULE)[0]
        expected = evaluate(RULE, first.as_of, **first.inputs)
        assert page.locator(".nmpa-live .nmpa-result .nmpa-outcome").inner_text() == translate(expected.outcome_label, "zh")
        assert page.evaluate(OVERFLOW) == []
        # Chinese lines may break between any two characters: a date's hyphens must not be such a place.
        dates = page.locator(".nmpa-live-form .nmpa-date")
        assert dates.count() > 0, "the form shows no date kept on one line"
        split = page.evaluate("""() => [...document.querySelectorAll('.nmpa-live-form .nmpa-date')]
            .filter(e => e.getClientRects().length > 1).map(e => e.textContent)""")
        assert split == [], f"dates broken across lines: {split}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.locator(".nmpa-live").screenshot(path=str(SCREENSHOTS / f"live-calculator-zh-{width}.png"))
        page.locator(".nmpa-live-form").scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"live-calculator-zh-{width}-screen.png"))
    finally:
        context.close()
