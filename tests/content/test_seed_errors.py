"""The known errors of the seed texts do not come back, and no page gives a dose.

The "Common claims, corrected" page quotes the errors on purpose, so it is the one page
allowed to state them; everywhere else a sentence that names one must also correct it.
"""

from __future__ import annotations

import re

import pytest

from .book_sources import page_path, page_text, toc_docnames

CORRECTIONS_PAGE = "book/reference/common-claims"
PAGES = [d for d in toc_docnames() if d != CORRECTIONS_PAGE]
DOSE = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|μg|g/day|ml|mL|IU|units?)(?:/\w+)?\b")


def sentences(text: str) -> list[str]:
    prose = re.sub(r"\{cite(?::[a-z]+)?\}`[^`]*`", "", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n{2,}", prose) if s.strip()]


def offending(text: str, claim: str, unless: str) -> list[str]:
    return [s for s in sentences(text) if re.search(claim, s, re.I) and not re.search(unless, s, re.I)]


@pytest.fixture(scope="module", params=PAGES)
def page(request):
    return request.param, page_text(page_path(request.param))


def test_nmpa_is_not_glossed_as_a_peptide_agonist(page):
    docname, text = page
    wrong = offending(text, r"Neuro-?\s?Modulatory|Peptide Agonist", r"\bnot\b|wrong|incorrect|error|mistak|seed")
    assert not wrong, f"{docname}: {wrong}"


def test_the_2025_stem_cell_approval_is_not_denied(page):
    docname, text = page
    wrong = offending(
        text,
        r"(no|not any|none)\b[^.]{0,40}stem[- ]cell[^.]{0,40}(has|have|had|was|were) (yet |ever )?been approved",
        r"before|until|2025|amimestrocel|seed|claim|wrong|incorrect|outdated",
    )
    assert not wrong, f"{docname}: {wrong}"


def test_the_device_decree_is_not_cited_as_a_drug_rule(page):
    docname, text = page
    wrong = offending(text, r"Medical Device Registration and Filing|samr_decree47_2021|Decree No\. 47", r"device")
    assert not wrong, f"{docname}: {wrong}"


def test_example_provinces_are_not_an_official_list(page):
    docname, text = page
    wrong = offending(
        text,
        r"Shanghai[^.]*Jiangsu|Jiangsu[^.]*Shanghai",
        r"example|secondary|not (an )?official|names no|does not name|no provinces|illustrat|reported|consultancy|news|law-firm|seed",
    )
    assert not wrong, f"{docname}: {wrong}"


def test_insulin_is_not_presented_as_officially_eligible(page):
    docname, text = page
    wrong = offending(text, r"insulin[^.]*(eligib|pilot|segment)|(eligib|pilot|segment)[^.]*insulin", r"secondary|unconfirmed|not confirmed|not (in|named in|from) the (official|plan)|reported|only in|news|law-firm|doping")
    assert not wrong, f"{docname}: {wrong}"


def test_no_page_states_a_dose(page):
    docname, text = page
    doses = DOSE.findall(text)
    assert not doses, f"{docname} states dose-like figures: {doses}"
