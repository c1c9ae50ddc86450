"""The Chinese edition in the browser suite's Chromium, with Debian's CJK fonts (fonts-noto-cjk).

Chinese text is drawn with a system font (no font is downloaded): the check asks Chromium which
fonts it actually used for a paragraph, so a page of empty boxes cannot pass. An unspaced
Chinese query finds the page that holds its words, which needs both jieba's index and the
search page's word splitter.
"""

from __future__ import annotations

import pytest

from browser_support import chromium_browser, serve_directory

from .conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.build]

SITE = REPO / "_build" / "html"
PAGE = "zh_CN/book/start/reading-chinese-documents.html"


@pytest.fixture(scope="module")
def site(zh_site):
    with chromium_browser() as browser, serve_directory(SITE) as base:
        yield browser, base


def platform_fonts(page, selector: str) -> dict[str, int]:
    """The fonts Chromium drew an element's text with, and how many glyphs each drew."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: font["glyphCount"] for font in fonts}


@pytest.mark.parametrize("selector", ["article p", "article em"])
def test_chinese_text_is_drawn_with_a_cjk_system_font(site, selector):
    browser, base = site
    page = browser.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base}{PAGE}", wait_until="networkidle")
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    fonts = platform_fonts(page, f"{selector}:not(:empty)")
    assert any("CJK" in name for name in fonts), f"{selector}: drawn with {fonts}"
    assert not [url for url in requested if url.endswith((".woff", ".woff2", ".otf", ".ttf")) and "fontawesome" not in url]
    page.close()


def test_an_unspaced_chinese_query_finds_the_page(site):
    browser, base = site
    page = browser.new_page()
    page.goto(f"{base}zh_CN/search.html?q=读懂文号", wait_until="networkidle")
    page.wait_for_selector("#search-results li", timeout=15_000)
    results = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
    assert any("reading-chinese-documents" in href for href in results), results
    page.close()
