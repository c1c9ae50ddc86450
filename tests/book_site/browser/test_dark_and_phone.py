"""Every kind of page, light and dark, on a desktop and on a phone.

The kinds: prose (the home page and a chapter with tables and a diagram), a calculator page
before its calculator runs, with a result, and with an input refused. Each is checked in both
colour schemes (the theme's default "auto" follows the system's) at 1280 and 390 px: axe finds
no serious or critical violation, and on the phone nothing scrolls sideways and no stacked-table
label runs into its value. Screenshots go to test-artifacts/screenshots/, named by kind, scheme
and width.
"""

from __future__ import annotations

import re

import pytest

from .conftest import AXE, AXE_RUN, SCREENSHOTS, WIDTHS

pytestmark = pytest.mark.browser

PROSE = ["book/intro", "book/fundamentals/imports", "book/intermediate/pathways"]
CALCULATOR = "book/calculators/segmented-pilot"
CLOCK = "book/calculators/review-clock"
STARTUP_MS = 180_000
LONG_VALUE = "9" * 150  # an unbroken value that a message quotes

SIDEWAYS = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return [];
  return Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(-5).map(e => e.tagName.toLowerCase() + '.' + String(e.className).trim().split(/\\s+/).join('.')
                        + ' right=' + Math.round(e.getBoundingClientRect().right));
}"""

# A stacked-table label is the cell's ::before, floated into the cell's left padding. It runs
# into the value (or is cut mid-word) when a word of it is wider than its box, or when its box
# reaches past the padding.
LABEL_OVERLAPS = """() => {
  const problems = [];
  for (const cell of document.querySelectorAll('table[data-stack-on-phone] td[data-label], table[data-stack-on-phone] tbody th[data-label]')) {
    if (!cell.getClientRects().length) continue;
    const label = getComputedStyle(cell, '::before');
    const width = parseFloat(label.width), margin = parseFloat(label.marginLeft);
    const probe = document.createElement('div');
    probe.textContent = cell.dataset.label;
    Object.assign(probe.style, {position: 'absolute', left: '-9999px', top: '0', width: width + 'px', font: label.font,
      overflowWrap: 'normal', wordBreak: 'normal', hyphens: 'manual', whiteSpace: 'normal'});
    cell.appendChild(probe);
    const textWider = probe.scrollWidth > probe.clientWidth + 0.5;
    probe.remove();
    const value = cell.getBoundingClientRect().left + parseFloat(getComputedStyle(cell).paddingLeft);
    const labelRight = value + margin + width;
    if (textWider || labelRight > value + 0.5) problems.push(cell.dataset.label + (textWider ? ': a word is wider than its box' : ': box reaches the value'));
  }
  return [...new Set(problems)];
}"""


def use_scheme(page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(f"document.documentElement.dataset.theme === '{scheme}'")


def check(page, kind: str) -> list[str]:
    """Every problem of the page as it stands, in both schemes and at both widths."""
    problems = []
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        use_scheme(page, scheme)
        for width, (pixels, height) in WIDTHS.items():
            page.set_viewport_size({"width": pixels, "height": height})
            page.wait_for_timeout(100)  # the scroll cue follows a resize on the next frame
            # Contrast is judged on the colours the page settles on, not halfway through the
            # theme's colour transitions (a busy machine once caught a sidebar link mid-fade).
            page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
            where = f"{kind}, {scheme}, {pixels} px"
            problems += [f"{where}: axe {v['id']} ({v['impact']}): {v['help']}: {v['nodes']}" for v in page.evaluate(AXE_RUN)]
            if width == "phone":
                problems += [f"{where}: scrolls sideways: {e}" for e in page.evaluate(SIDEWAYS)]
                problems += [f"{where}: label overlaps: {e}" for e in page.evaluate(LABEL_OVERLAPS)]
            stem = re.sub(r"\W+", "-", kind)
            page.screenshot(path=str(SCREENSHOTS / f"{stem}@{scheme}@{pixels}.png"), full_page=width == "phone")
    use_scheme(page, "light")
    return problems


@pytest.fixture(scope="module")
def page(browser, site_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    context.route(re.compile(r"^(?!" + re.escape(site_url) + r")(https?|wss?)://"), lambda route: route.abort())
    # Every calculator starts as on a first visit, from its button.
    context.add_init_script("window.localStorage.removeItem('nmpa-live-calculator');")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("docname", PROSE)
def test_prose_pages_in_both_schemes_and_on_a_phone(page, site_url, docname):
    page.goto(f"{site_url}{docname}.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    problems = check(page, docname)
    assert problems == [], "\n".join(problems)


def test_a_calculator_page_before_with_and_without_a_result(page, site_url):
    page.goto(f"{site_url}{CALCULATOR}.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    problems = check(page, "calculator before it runs")

    button = page.locator(".nmpa-live-start")
    button.focus()
    button.press("Enter")
    page.locator(".nmpa-live .nmpa-result .nmpa-outcome").wait_for(timeout=STARTUP_MS)
    # The button is gone; the keyboard stays in the calculator, and its readiness is announced.
    assert page.evaluate("document.activeElement.classList.contains('nmpa-presets-menu')")
    assert page.locator(".nmpa-live-status[role=status]").inner_text() == "The calculator is ready."
    problems += check(page, "calculator with a result")

    years = page.locator('.nmpa-live [data-field="cmo_commercial_biologics_years"] input')
    years.fill(LONG_VALUE)
    page.locator('.nmpa-live [data-field="cmo_commercial_biologics_years"] .nmpa-live-problem [role=alert]').wait_for()
    # The outcome line near the form follows the change.
    assert "an input needs correcting" in page.locator(".nmpa-live-outcome").inner_text()
    problems += check(page, "calculator with an input refused")
    assert problems == [], "\n".join(problems)


def test_the_review_clock_with_its_calendar(page, site_url):
    page.goto(f"{site_url}{CLOCK}.html", wait_until="load")
    page.get_by_role("button", name=re.compile("Run this calculator live")).click()
    page.locator(".nmpa-live .nmpa-result .nmpa-outcome").wait_for(timeout=STARTUP_MS)
    problems = check(page, "review clock with a result")
    # On a phone the whole calendar strip is inside the width, the deadline's day with it.
    page.set_viewport_size({"width": 390, "height": 844})
    deadline = page.locator(".nmpa-cal-deadline").bounding_box()
    strip = page.locator(".nmpa-cal").bounding_box()
    assert deadline and strip and deadline["x"] + deadline["width"] <= strip["x"] + strip["width"] <= 390
    assert problems == [], "\n".join(problems)


CONTRAST = """(element) => {
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = (rgb) => { const [r, g, b] = rgb.match(/\\d+/g).map(Number);
                               return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  let back = element;
  while (back && getComputedStyle(back).backgroundColor.match(/rgba\\(.*, 0\\)|transparent/)) back = back.parentElement;
  const [l1, l2] = [luminance(getComputedStyle(element).color), luminance(getComputedStyle(back || document.body).backgroundColor)];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_hovered_link_keeps_its_contrast(page, site_url, scheme):
    page.set_viewport_size({"width": 1280, "height": 800})  # the sidebar shows at this width
    page.goto(f"{site_url}{PROSE[1]}.html", wait_until="load")
    use_scheme(page, scheme)
    for link in (page.locator(".bd-sidenav a.reference.internal").nth(2), page.locator("article.bd-article p a.reference").first):
        link.hover()
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        ratio = link.evaluate(CONTRAST)
        assert ratio >= 4.5, f"{scheme}: a hovered link {link.inner_text()!r} has contrast {ratio:.2f}:1"
    use_scheme(page, "light")
