"""Every page stays within its download budget on a reader's first visit (issue 13).

Budgets, in bytes as a compressing server sends them (see transfer.py for how that is
measured from a server that does not compress):
- a prose page, the home page included: 200 KB, about half of what the stock
  `jupyter-book create` sample sends per page;
- a calculator page: 350 KB before its live runtime starts (the runtime loads on demand).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from content.book_sources import page_path, toc_docnames

from .transfer import measure

pytestmark = pytest.mark.browser

SITE = Path(__file__).resolve().parents[3] / "_build" / "html"
PROSE_BUDGET = 200_000
CALCULATOR_BUDGET = 350_000
DOCNAMES = toc_docnames()


def budget_for(docname: str) -> int:
    return CALCULATOR_BUDGET if page_path(docname).suffix == ".ipynb" else PROSE_BUDGET


# The Chinese edition (scripts/build_zh.py, copied into the site as zh_CN/) has the same budgets.
@pytest.mark.parametrize("edition", ["", "zh_CN/"], ids=["en", "zh_CN"])
@pytest.mark.parametrize("docname", DOCNAMES)
def test_first_visit_transfers_within_budget(browser, site_url, docname, edition):
    # A missing page would be a small 404 and pass: the Chinese edition must have been built (make book).
    assert (SITE / f"{edition}{docname}.html").exists(), f"no {edition}{docname}.html in {SITE}"
    site_url = f"{site_url}{edition}"
    weight = measure(browser, f"{site_url}{docname}.html")
    budget = budget_for(docname)
    heaviest = sorted(weight.by_url.items(), key=lambda item: -item[1])[:6]
    listing = "\n".join(f"  {size / 1000:7.1f} KB  {url.removeprefix(site_url)}" for url, size in heaviest)
    assert weight.transferred <= budget, (
        f"{docname}: {weight.transferred / 1000:.0f} KB transferred (gzip) in {weight.requests} requests, "
        f"budget {budget / 1000:.0f} KB; heaviest:\n{listing}"
    )


def test_icon_fonts_are_cut_down_to_the_icons_used(browser, site_url):
    """The theme ships ~300 KB of Font Awesome fonts for a dozen icons: the site serves subsets."""
    weight = measure(browser, f"{site_url}{DOCNAMES[0]}.html")
    icon_fonts = {url: size for url, size in weight.by_url.items() if "/fontawesome/webfonts/" in url}
    assert icon_fonts, "the home page loads no icon font: are the header icons gone?"
    assert sum(icon_fonts.values()) <= 12_000, f"icon fonts are not subset: {icon_fonts}"


def test_math_is_typeset_at_build_time_and_no_page_loads_mathjax(built_site):
    pages_with_math = []
    for docname in DOCNAMES:
        html = (built_site / f"{docname}.html").read_text(encoding="utf-8")
        assert "mathjax" not in html.lower().replace("mathjax_ignore", ""), f"{docname} still refers to MathJax"
        if "<math " in html:
            pages_with_math.append(docname)
    assert pages_with_math, "no page has MathML: the pathways chapter states the review-clock formula"
