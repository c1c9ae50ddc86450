"""Each level has its own job, and the pages keep to it.

- Every chapter says its level's job in its overview, in one standard sentence:
  "**This level's job (Fundamentals):** ...", "(Intermediate)", "(Academic)", and for the
  primer "**This page's job (Start here):** ..." and for a case study "**This page's job
  (Case study):** ...".
- Fundamentals teach the concept and why a rule exists; the full conditions of a rule belong to
  the Intermediate chapter. A *list of conditions* here is a Markdown list (bulleted or
  numbered, counted by its top-level items) or a table (counted by its body rows) whose lead-in
  (the paragraph just before a list, or a table's caption) speaks of conditions, requirements,
  criteria, eligibility, "must" or "only if". A Fundamentals page may have such a list of at
  most three items, enough to show the idea, never the checklist.
- No Fundamentals page names an Intermediate or Academic page as a prerequisite.
- Intermediate pages are practice, not reading: at most 2,500 reading words each (prose words
  as scripts/content_stats.py counts them, up to the exercises; exercises and solutions are
  practice and are not counted).
"""

from __future__ import annotations

import re
import sys

import pytest

from .book_sources import REPO, chapter_docnames, page_path, page_text

sys.path.insert(0, str(REPO / "scripts"))
from content_stats import reading_words  # noqa: E402

CHAPTERS = chapter_docnames()
FUNDAMENTALS = [d for d in CHAPTERS if d.startswith("book/fundamentals/")]
INTERMEDIATE = [d for d in CHAPTERS if d.startswith("book/intermediate/")]
JOB = {"book/fundamentals/": "**This level's job (Fundamentals):**", "book/intermediate/": "**This level's job (Intermediate):**",
       "book/academic/": "**This level's job (Academic):**", "book/start/": "**This page's job (Start here):**",
       "book/cases/": "**This page's job (Case study):**"}
CONDITION_WORDS = re.compile(r"condition|requirement|criteri|eligib|\bmust\b|\bonly if\b", re.I)
TABLE = re.compile(r"^```\{table\}(?P<caption>[^\n]*)\n(?::[^\n]*\n)*\s*\|[^\n]*\n\|[-| :]+\|\n(?P<rows>(?:\|[^\n]*\n)*)", re.M)
MAX_CONDITIONS = 3
MAX_INTERMEDIATE_WORDS = 2500
# Pages over the limit when the limit was set (2026-12-05), with their reading words then. They
# may shrink, never grow; each needs a split or a cut (the table of contents is the lead's).
OVER_THE_LIMIT: dict[str, int] = {}


def section(text: str, heading: str) -> str:
    return text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


def body_before_exercises(text: str) -> str:
    return re.split(r"^\([\w-]+-exercises\)=", text, flags=re.M)[0]


def condition_lists(text: str) -> list[tuple[str, int]]:
    """(lead-in, number of items) for each list or table introduced as a list of conditions."""
    found = []
    blocks = re.split(r"\n\s*\n", body_before_exercises(text))
    for i, block in enumerate(blocks):
        items = re.findall(r"^(?:[-*]|\d+\.) ", block, re.M)
        if items and re.match(r"(?:[-*]|\d+\.) ", block.lstrip()):
            lead = blocks[i - 1] if i else ""
            count = len(items)
            j = i + 1  # a loose list continues over blank lines
            while j < len(blocks) and re.match(r"(?:[-*]|\d+\.) ", blocks[j]):
                count += len(re.findall(r"^(?:[-*]|\d+\.) ", blocks[j], re.M))
                j += 1
            if i and re.match(r"(?:[-*]|\d+\.) ", blocks[i - 1]):
                continue
            if CONDITION_WORDS.search(lead):
                found.append((" ".join(lead.split())[:80], count))
    for table in TABLE.finditer(body_before_exercises(text)):
        if CONDITION_WORDS.search(table.group("caption")):
            found.append((table.group("caption").strip()[:80], len(table.group("rows").strip().splitlines())))
    return found


@pytest.mark.parametrize("docname", CHAPTERS)
def test_the_overview_states_the_level_s_job(docname):
    sentence = next(v for k, v in JOB.items() if docname.startswith(k))
    assert sentence in section(page_text(page_path(docname)), "Overview"), f"{docname}: the overview does not state its job ('{sentence} ...')"


@pytest.mark.parametrize("docname", FUNDAMENTALS)
def test_fundamentals_show_no_full_list_of_conditions(docname):
    long_lists = [(lead, n) for lead, n in condition_lists(page_text(page_path(docname))) if n > MAX_CONDITIONS]
    assert not long_lists, f"{docname}: lists of more than {MAX_CONDITIONS} conditions belong to the Intermediate chapter: {long_lists}"


@pytest.mark.parametrize("docname", FUNDAMENTALS)
def test_fundamentals_need_no_higher_level(docname):
    prerequisites = section(page_text(page_path(docname)), "Prerequisites")
    higher = re.findall(r"(?:intermediate|academic)/[\w-]+", prerequisites)
    assert not higher, f"{docname}: names {higher} as a prerequisite; a Fundamentals page needs at most the primer and the glossary"


@pytest.mark.parametrize("docname", INTERMEDIATE)
def test_intermediate_pages_stay_short(docname):
    words = reading_words(page_text(page_path(docname)))
    ceiling = OVER_THE_LIMIT.get(docname, MAX_INTERMEDIATE_WORDS)
    assert words <= ceiling, f"{docname}: {words} reading words, at most {ceiling}"


def test_the_over_the_limit_list_only_holds_pages_still_over_it():
    for docname in OVER_THE_LIMIT:
        assert reading_words(page_text(page_path(docname))) > MAX_INTERMEDIATE_WORDS, f"{docname} is now within {MAX_INTERMEDIATE_WORDS} words: remove it from OVER_THE_LIMIT"


def test_the_condition_list_detector_counts_a_checklist():
    sample = "## Overview\n\nThe holder must meet these conditions:\n\n1. one;\n2. two;\n3. three;\n4. four.\n\n(x-exercises)=\n"
    assert condition_lists(sample) == [("The holder must meet these conditions:", 4)]
    table = "```{table} The conditions of the filing.\n:name: t\n\n| A | B |\n| --- | --- |\n| 1 | x |\n| 2 | y |\n```\n"
    assert condition_lists(table) == [("The conditions of the filing.", 2)]
