"""Every learning objective is tested by an exercise, and exercises apply the rules.

Syntax, in every chapter (the primer and each level's chapters):

- An exercise's body begins with ``*Tests objective 2.*`` or ``*Tests objectives 1 and 3.*``
  (numbers of the chapter's learning objectives; commas and "and" between several).
- An exercise carries exactly one kind, as ``:class: ex-KIND``:
  ``ex-recall``: the answer is a fact restated from the chapter (a number, a name, a date, a
  list), with no case to apply it to;
  ``ex-apply``: a stated case (a product, a hospital, a slide, a date) to which the learner
  applies a rule and names it;
  ``ex-calculator``: predict the outcome for given inputs, then run one of the book's
  calculators and compare;
  ``ex-count``: count a deadline by hand over the calendar, then check it;
  ``ex-open``: no single right answer (compare, argue, evaluate, draft).

What must hold: every objective has an exercise; at most 10% of a chapter's exercises are
recall; every Intermediate chapter has a calculator exercise and the pathways chapter also a
count-by-hand exercise; a calculator exercise links its calculator, and a count's solution shows
the count (the day not counted and the date reached);
the solution to an open exercise gives marking guidance ("A full answer ..." or "Marking: ...").
A failure names the chapter and the exercise or objective.
"""

from __future__ import annotations

import re

import pytest

from .book_sources import chapter_docnames, page_path, page_text

CHAPTERS = chapter_docnames()
KINDS = {"recall", "apply", "calculator", "count", "open"}
EXERCISE = re.compile(r"^```\{exercise\}[^\n]*\n(?P<opts>(?::[^\n]*\n)*)(?P<body>.*?)^```[ \t]*$", re.M | re.S)
SOLUTION = re.compile(r"^```\{solution\}\s+(?P<label>\S+)\s*\n(?:(?::[^\n]*\n)*)(?P<body>.*?)^```[ \t]*$", re.M | re.S)
TAG = re.compile(r"\A\s*\*Tests objectives? (?P<numbers>\d+(?:, \d+)*(?: and \d+)?)\.\*")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
MARKING = re.compile(r"\bA full answer\b|\bMarking:")


def objectives(text: str) -> set[int]:
    section = text.split("## Learning objectives", 1)[1].split("\n## ", 1)[0]
    return {int(n) for n in re.findall(r"^(\d+)\. ", section, re.M)}


def exercises(text: str) -> list[dict]:
    found = []
    for match in EXERCISE.finditer(text):
        opts = match.group("opts")
        label = re.search(r":label:\s*(\S+)", opts).group(1)
        classes = re.search(r":class:\s*(.+)", opts)
        kinds = [c[3:] for c in (classes.group(1).split() if classes else []) if c.startswith("ex-")]
        tag = TAG.match(match.group("body"))
        numbers = {int(n) for n in re.findall(r"\d+", tag.group("numbers"))} if tag else set()
        found.append({"label": label, "kinds": kinds, "objectives": numbers, "tagged": bool(tag), "body": match.group("body")})
    return found


def solutions(text: str) -> dict[str, str]:
    return {m.group("label"): m.group("body") for m in SOLUTION.finditer(text)}


@pytest.fixture(scope="module", params=CHAPTERS)
def chapter(request):
    text = page_text(page_path(request.param))
    return request.param, text, exercises(text)


def test_each_exercise_names_its_objectives_and_one_kind(chapter):
    docname, text, found = chapter
    known = objectives(text)
    for ex in found:
        assert ex["tagged"], f"{docname}: {ex['label']} does not begin with '*Tests objective N.*'"
        assert ex["objectives"] <= known, f"{docname}: {ex['label']} names objectives {sorted(ex['objectives'] - known)}, which the chapter does not have"
        assert len(ex["kinds"]) == 1 and ex["kinds"][0] in KINDS, f"{docname}: {ex['label']} needs exactly one of :class: ex-{'/ex-'.join(sorted(KINDS))}, has {ex['kinds']}"


def test_every_objective_has_an_exercise(chapter):
    docname, text, found = chapter
    tested = set().union(*(ex["objectives"] for ex in found)) if found else set()
    untested = objectives(text) - tested
    assert not untested, f"{docname}: learning objectives {sorted(untested)} have no exercise"


def test_at_most_a_tenth_of_the_exercises_are_recall(chapter):
    docname, _text, found = chapter
    recall = [ex["label"] for ex in found if ex["kinds"] == ["recall"]]
    assert len(recall) <= len(found) // 10, f"{docname}: {len(recall)} of {len(found)} exercises are pure recall: {recall}"


def test_open_questions_give_marking_guidance(chapter):
    docname, text, found = chapter
    answers = solutions(text)
    for ex in found:
        if ex["kinds"] == ["open"]:
            assert MARKING.search(answers.get(ex["label"], "")), f"{docname}: the solution to open exercise {ex['label']} gives no marking guidance ('A full answer ...' or 'Marking: ...')"


def test_calculator_exercises_link_the_calculator_and_counts_show_the_count(chapter):
    docname, text, found = chapter
    answers = solutions(text)
    for ex in found:
        if ex["kinds"] == ["calculator"]:
            assert "calculators/" in ex["body"], f"{docname}: {ex['label']} does not link the calculator to run"
        if ex["kinds"] == ["count"]:
            answer = answers.get(ex["label"], "")
            assert "not counted" in answer and ISO_DATE.search(answer), f"{docname}: the solution to {ex['label']} does not show the count (the uncounted first day and the resulting date)"


@pytest.mark.parametrize("docname", [d for d in CHAPTERS if d.startswith("book/intermediate/")])
def test_every_intermediate_chapter_has_a_calculator_exercise(docname):
    kinds = [ex["kinds"] for ex in exercises(page_text(page_path(docname)))]
    assert ["calculator"] in kinds, f"{docname}: no 'predict, then run the calculator' exercise (:class: ex-calculator)"


def test_the_pathways_chapter_has_a_count_by_hand_exercise():
    kinds = [ex["kinds"] for ex in exercises(page_text(page_path("book/intermediate/pathways")))]
    assert ["count"] in kinds, "book/intermediate/pathways: no 'count the deadline by hand, then check' exercise (:class: ex-count)"


def test_the_parser_reads_the_syntax():
    sample = "## Learning objectives\n\n1. One.\n2. Two.\n\n## Next\n\n```{exercise} T\n:label: x-ex-1\n:class: ex-apply\n\n*Tests objectives 1 and 2.* Q?\n```\n"
    (ex,) = exercises(sample)
    assert ex["objectives"] == {1, 2} and ex["kinds"] == ["apply"] and objectives(sample) == {1, 2}
