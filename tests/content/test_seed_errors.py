"""The known errors of the seed texts and of earlier versions of the book do not come back, and no page gives a dose.

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


def test_insulin_is_not_denied_a_place_in_the_pilot_plan(page):
    # The pilot plan (国药监药管〔2024〕24号) names insulin-class biologics among its examples; an
    # earlier version of the book called that a secondary-source claim.
    docname, text = page
    mentions = [s for s in sentences(text) if re.search(r"insulin", s, re.I) and re.search(r"pilot|plan|segment", s, re.I)]
    denials = [
        s
        for s in mentions
        if re.search(r"not (confirmed|found|named|listed|in)\b|unconfirmed|only (in|by) (the )?(trade )?(secondary|press|news)|secondary[- ]source claim", s, re.I)
        and not re.search(r"wrong|incorrect|mistak|earlier|corrected|claim that", s, re.I)
    ]
    assert not denials, f"{docname}: {denials}"


def test_the_pilot_deadline_is_not_called_a_report(page):
    # The 2025-12-31 closing date is in the pilot plan itself.
    docname, text = page
    about_deadline = [s for s in sentences(text) if "2025-12-31" in s and re.search(r"deadline|clos|appl", s, re.I)]
    wrong = [
        s for s in about_deadline
        if re.search(r"reported by|reportedly|law[- ]firm|not confirmed|unconfirmed|trade press", s, re.I)
        and not re.search(r"wrong|incorrect|earlier|corrected|staff", s, re.I)
    ]
    assert not wrong, f"{docname}: {wrong}"


def test_gmp_evidence_is_not_limited_to_the_country_of_origin(page):
    # Announcement No. 96 accepts GMP evidence from China, the production country or a registration country.
    docname, text = page
    wrong = offending(text, r"GMP[^.]*country of origin|country of origin[^.]*GMP", r"wrong|incorrect|not only|earlier|corrected|too narrow")
    assert not wrong, f"{docname}: {wrong}"


def test_paid_stem_cell_treatment_is_not_said_to_need_drug_registration(page):
    # Boao Lecheng (from 2025-02-01) and Decree No. 818 (from 2026-05-01) allow approved clinical translation.
    docname, text = page
    wrong = offending(
        text,
        r"only (drug )?registration[^.]*(paid|charg|fee)|(paid|charg|fee)[^.]*only (through|by|via|after) (drug )?registration",
        r"wrong|incorrect|no longer|earlier|corrected|claim|Boao|818|translation",
    )
    assert not wrong, f"{docname}: {wrong}"


def test_no_page_states_a_dose(page):
    docname, text = page
    doses = DOSE.findall(text)
    assert not doses, f"{docname} states dose-like figures: {doses}"
