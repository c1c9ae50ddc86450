"""A reader types the words of a question into the site search and finds the section answering it.

Every question on the pages of "Questions readers bring" carries index entries with its key
words, in English and, where the question has a Chinese term, in Chinese. For each of them the
test opens the site's own search page (search.html?q=...), as a reader would, and requires that
one of the first three results leads into the section that answers that question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[3]
QUESTION_PAGES = ("book/questions/patients", "book/questions/clinicians", "book/questions/companies")
QUESTION = re.compile(r"^\((q-[\w-]+)\)=\n#{2,3} (.+?)\n\n```\{index\}\s*(.+?)\n```", re.MULTILINE)
CJK = re.compile(r"[\u4e00-\u9fff]")
SEARCH_DONE = """() => {
  const box = document.getElementById('search-results');
  return !!box && /Search finished|did not match/.test(box.textContent);
}"""
# For each search target (an index entry's anchor) on a page, the ids that belong to the
# section holding it: the section's own id and the labels Sphinx places inside it.
SECTION_IDS = """() => {
  const found = {};
  for (const target of document.querySelectorAll('[id^="index-"]')) {
    const section = target.closest('section');
    if (!section) continue;
    const ids = [section.id];
    for (const el of section.querySelectorAll('[id]'))
      if (el.closest('section') === section) ids.push(el.id);
    found[target.id] = ids;
  }
  return found;
}"""


@dataclass(frozen=True)
class Query:
    docname: str
    label: str
    words: str

    def __str__(self) -> str:
        return f"{self.label}: {self.words}"


def collected_questions() -> list[tuple[str, str, list[str]]]:
    """(page, label, key words) for every question; key words are the index entries."""
    questions = []
    for docname in QUESTION_PAGES:
        text = (REPO / f"{docname}.md").read_text(encoding="utf-8")
        for label, _heading, entries in QUESTION.findall(text):
            words = [entry.strip().lstrip("!").strip() for entry in entries.split(",")]
            questions.append((docname, label, [w for w in words if w]))
    return questions


QUESTIONS = collected_questions()
QUERIES = [Query(docname, label, words) for docname, label, entries in QUESTIONS for words in entries]


def test_there_are_at_least_forty_questions_each_findable_in_english():
    assert len(QUESTIONS) >= 40, f"{len(QUESTIONS)} questions with key words; at least 40 expected"
    no_english = [label for _, label, words in QUESTIONS if not any(re.search(r"[a-z]", w, re.I) for w in words)]
    assert not no_english, f"questions without English key words: {no_english}"
    labels = [label for _, label, _ in QUESTIONS]
    assert len(labels) == len(set(labels)), "two questions share a label"


def test_every_question_heading_has_key_words():
    """A question added without an index line would silently escape the search test."""
    for docname in QUESTION_PAGES:
        text = (REPO / f"{docname}.md").read_text(encoding="utf-8")
        labelled = set(re.findall(r"^\((q-[\w-]+)\)=$", text, re.MULTILINE))
        with_words = {label for page, label, _ in QUESTIONS if page == docname}
        assert labelled == with_words, f"{docname}: questions without key words: {sorted(labelled - with_words)}"


@pytest.fixture(scope="module")
def sections_of_targets(site) -> dict[str, dict[str, list[str]]]:
    """Per question page, which section each search target sits in (one visit per page)."""
    found = {}
    for docname in QUESTION_PAGES:
        page = site.open(docname)
        found[docname] = page.evaluate(SECTION_IDS)
    return found


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_searching_the_key_words_finds_the_answer_in_the_first_three_results(site, sections_of_targets, query):
    page = site.open(f"search.html?q={quote(query.words)}")
    page.wait_for_function(SEARCH_DONE, timeout=30_000)
    hrefs = page.eval_on_selector_all("#search-results li a", "links => links.slice(0, 3).map(a => a.href)")
    assert hrefs, f"{query}: no results"
    hits = []
    for href in hrefs:
        parts = urlsplit(href)
        docname = parts.path.lstrip("/").removesuffix(".html")
        hits.append(f"{docname}#{parts.fragment}")
        if docname == query.docname and query.label in sections_of_targets[docname].get(parts.fragment, []):
            return
    pytest.fail(f"{query}: the section answering it is not among the first three results: {hits}")


def test_a_chinese_query_is_among_the_checks_for_most_questions():
    """Chinese readers search in Chinese; most questions carry a Chinese term as well."""
    with_chinese = [label for _, label, words in QUESTIONS if any(CJK.search(w) for w in words)]
    assert len(with_chinese) >= 0.8 * len(QUESTIONS), f"only {len(with_chinese)} of {len(QUESTIONS)} questions have Chinese key words"
