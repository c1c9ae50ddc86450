"""Every chapter follows the template readers and trainers rely on (see CONTRIBUTING.md)."""

from __future__ import annotations

import re

import pytest

from .book_sources import (
    bib_keys,
    chapter_docnames,
    cited_keys,
    glossary_headwords,
    page_path,
    page_text,
    term_targets,
    toc_docnames,
)

CHAPTERS = chapter_docnames()
REQUIRED_SECTIONS = ("Overview", "Learning objectives", "Prerequisites", "Check your understanding", "Key takeaways", "What's next")
EXERCISE = re.compile(r"^(`{3,}|:{3,})\{exercise\}[^\n]*\n(?::[^\n]*\n)*?:label:\s*(\S+)", re.MULTILINE)
SOLUTION = re.compile(r"^(`{3,}|:{3,})\{solution\}\s+(\S+)\s*\n((?::[^\n]*\n)*)", re.MULTILINE)
VISUAL = re.compile(r"^\s*\|.*\|\s*$|\{graphviz\}|\{figure\}|\{table\}|\{list-table\}|mystnb:", re.MULTILINE)


@pytest.fixture(scope="module", params=CHAPTERS)
def chapter(request):
    return request.param, page_text(page_path(request.param))


def test_there_is_a_chapter_per_topic_and_level():
    for level in ("fundamentals", "intermediate", "academic"):
        for topic in ("hormones", "stem-cells", "biologics", "imports"):
            assert f"book/{level}/{topic}" in CHAPTERS


def test_has_a_last_reviewed_date(chapter):
    docname, text = chapter
    assert re.search(r"Last reviewed: \d{4}-\d{2}-\d{2}", text), f"{docname}: no 'Last reviewed: YYYY-MM-DD'"


def test_has_the_template_sections_each_with_a_label(chapter):
    docname, text = chapter
    headings = re.findall(r"^## (.+?)\s*$", text, re.MULTILINE)
    missing = [s for s in REQUIRED_SECTIONS if s not in headings]
    assert not missing, f"{docname}: missing sections {missing}"
    unlabelled = re.findall(r"(?<!\)=)\n\n(#{1,3} .+)", text)
    assert not unlabelled, f"{docname}: headings without a (label)= line before them: {unlabelled[:3]}"


def test_lists_learning_objectives_and_time_to_learn(chapter):
    docname, text = chapter
    objectives = text.split("## Learning objectives", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^\d+\. ", objectives, re.MULTILINE)) >= 3, f"{docname}: fewer than 3 numbered objectives"
    assert re.search(r"\*\*Time to learn\*\*:\s*\d+ minutes", text), f"{docname}: no '**Time to learn**: N minutes'"


def test_has_three_exercises_each_with_a_hidden_solution(chapter):
    docname, text = chapter
    exercises = [label for _, label in EXERCISE.findall(text)]
    assert len(exercises) >= 3, f"{docname}: {len(exercises)} exercises, at least 3 expected"
    solutions = {target: options for _, target, options in SOLUTION.findall(text)}
    for label in exercises:
        assert label in solutions, f"{docname}: exercise {label} has no solution"
        assert re.search(r":class:\s*dropdown", solutions[label]), f"{docname}: the solution to {label} is not hidden (:class: dropdown)"


def test_cites_sources(chapter):
    docname, text = chapter
    assert cited_keys(text), f"{docname}: no {{cite}}"


def test_shows_a_table_figure_or_diagram(chapter):
    docname, text = chapter
    assert VISUAL.search(text), f"{docname}: no table, figure or diagram"


@pytest.mark.parametrize("docname", [d for d in CHAPTERS if d != "book/start/nmpa-primer"])
def test_topic_chapters_link_their_calculator(docname):
    assert re.search(r"calculators/", page_text(page_path(docname))), f"{docname}: no link to a calculator"


def test_every_citation_key_is_in_the_bibliography():
    keys = bib_keys()
    unknown = {(d, k) for d in toc_docnames() for k in cited_keys(page_text(page_path(d))) if k not in keys}
    assert not unknown, f"citation keys missing from book/references.bib: {sorted(unknown)}"


def test_every_glossary_term_resolves():
    headwords = {h.lower() for h in glossary_headwords()}
    unknown = {(d, t) for d in toc_docnames() for t in term_targets(page_text(page_path(d))) if t.lower() not in headwords}
    assert not unknown, f"{{term}} targets with no glossary entry: {sorted(unknown)}"


def test_the_glossary_has_at_least_forty_bilingual_terms():
    headwords = glossary_headwords()
    assert len(headwords) >= 40, f"{len(headwords)} glossary terms"
    glossary = page_text(page_path("book/reference/glossary"))
    assert len(re.findall(r"\*\*[^*]*[\u4e00-\u9fff][^*]*\*\*", glossary)) >= len(headwords), "a glossary entry lacks its Chinese term in bold"


# Question-and-answer pages are not chapters (no objectives or exercises: each entry answers one
# reader's question), but they keep the basics readers and search rely on.
QUESTION_PAGES = [d for d in toc_docnames() if d.startswith("book/questions/")]


def test_the_question_pages_are_in_the_table_of_contents():
    assert {"book/questions/index", "book/questions/patients", "book/questions/clinicians", "book/questions/companies"} <= set(QUESTION_PAGES)


@pytest.mark.parametrize("docname", QUESTION_PAGES)
def test_question_pages_have_the_template_basics(docname):
    text = page_text(page_path(docname))
    assert re.search(r"Last reviewed: \d{4}-\d{2}-\d{2} · Level: ", text), f"{docname}: no 'Last reviewed: YYYY-MM-DD · Level: ...'"
    assert "## Overview" in text, f"{docname}: no Overview"
    unlabelled = re.findall(r"(?<!\)=)\n\n(#{1,3} .+)", text)
    assert not unlabelled, f"{docname}: headings without a (label)= line before them: {unlabelled[:3]}"
    assert cited_keys(text), f"{docname}: no {{cite}}"
