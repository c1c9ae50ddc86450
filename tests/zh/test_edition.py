"""The Chinese edition: what is translated, what says it is not, and how a reader moves between editions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from book_site.external_assets import external_assets_in_site
from content.book_sources import toc_docnames

from .conftest import REPO, complete_pages

pytestmark = pytest.mark.build

ENGLISH_HTML = REPO / "_build" / "html"
NOTICE = re.compile(r'<div class="[^"]*\btranslation-notice\b')
SEARCH_INDEX_BUDGET = 1_500_000


def test_pages_declared_complete_are_still_fully_translated(translation_status):
    """Fails only on a page that was complete: English work elsewhere is never blocked."""
    broken = {}
    for page in complete_pages():
        counts = translation_status[page]
        if counts["translated"] < counts["messages"]:
            broken[page] = counts["waiting"]
    listing = "\n".join(
        f"{page}: {len(waiting)} paragraph(s) waiting, e.g. {waiting[0][:120]!r}" for page, waiting in broken.items()
    )
    assert not broken, (
        "pages listed in locales/zh_CN/complete.txt changed in English since translation; run "
        "`scripts/build_zh.py update` and translate the fuzzy and new entries, or remove the page from the list:\n"
        + listing
    )


def test_pages_declared_complete_are_pages_of_the_book():
    assert set(complete_pages()) <= set(toc_docnames())


def test_a_page_says_so_exactly_when_part_of_it_is_still_english(zh_site, translation_status):
    assert set(translation_status) == set(toc_docnames())
    for page, counts in translation_status.items():
        html = (zh_site / f"{page}.html").read_text(encoding="utf-8")
        assert bool(NOTICE.search(html)) == bool(counts["waiting"]), page


def test_every_page_links_to_its_twin_in_the_other_edition(zh_site):
    assert (ENGLISH_HTML / "index.html").exists(), "the English edition is not built (make book)"
    for page in toc_docnames() + ["search", "genindex"]:
        # The Chinese pages as assembled into the site (scripts/build_zh.py assemble).
        for html_file, lang in ((ENGLISH_HTML / "zh_CN" / f"{page}.html", "en"), (ENGLISH_HTML / f"{page}.html", "zh-CN")):
            html = html_file.read_text(encoding="utf-8")
            links = re.findall(rf'<a class="[^"]*language-switch" href="([^"]+)" hreflang="{lang}"', html)
            alternates = re.findall(rf'<link rel="alternate" hreflang="{lang}" href="([^"]+)"', html)
            assert len(links) == 1 and alternates == links, f"{html_file}: switch {links}, alternate {alternates}"
            twin = (html_file.parent / links[0]).resolve()
            assert twin.name == f"{Path(page).name}.html" and twin.exists(), f"{html_file} -> {links[0]}"
            assert ("zh_CN" in twin.parts) == (lang == "zh-CN")


def test_pages_declare_their_language_and_the_translated_review_date(zh_site):
    html = (zh_site / "book" / "start" / "reading-chinese-documents.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in html
    assert re.search(r'<p class="last-updated">最后审阅于 <time datetime="\d{4}-\d{2}-\d{2}">', html)
    assert "读懂文号" in html


def test_the_home_page_says_who_should_review_the_translation(zh_site):
    html = (zh_site / "book" / "intro.html").read_text(encoding="utf-8")
    assert "注册事务专业人员审校" in html


def test_chinese_words_are_in_the_search_index_and_the_index_stays_small(zh_site):
    script = (zh_site / "searchindex.js").read_text(encoding="utf-8")
    size = len(script.encode("utf-8"))
    print(f"zh searchindex.js: {size / 1000:.0f} KB")
    terms = json.loads(script[script.index("(") + 1 : script.rindex(")")])["terms"]
    # jieba cuts the text into words at build time (search-dict.txt adds the book's legal
    # terms); without jieba no Chinese word is indexed.
    missing = [word for word in ("文号", "医疗机构制剂", "分段生产", "优先审评审批") if word not in terms]
    assert not missing, f"not in the search index: {missing}"
    assert size <= SEARCH_INDEX_BUDGET


def test_the_search_page_splits_an_unspaced_chinese_query(zh_site):
    html = (zh_site / "search.html").read_text(encoding="utf-8")
    assert html.index("Intl.Segmenter") < html.index("searchtools.js")


def test_the_chinese_edition_loads_nothing_from_other_hosts(zh_site):
    found = external_assets_in_site(zh_site)
    assert not found, "\n".join(f"{a.where}: <{a.tag}> {a.url}" for a in found[:40])
