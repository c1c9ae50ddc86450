"""The self-check quizzes: enough questions per module, each tied to an objective of the
module's own chapters, and no answer that contradicts the calculators.

The same checks run while the book builds (book/_ext/quizzes.py); here they run without a
build, and the tests below also show that a wrong key is caught.
"""

from __future__ import annotations

import dataclasses
import re
import sys

import pytest

from .book_sources import BOOK, page_path, page_text, toc_docnames

sys.path.insert(0, str(BOOK / "_ext"))
import quizzes  # noqa: E402  (book/_ext is not a package; Sphinx loads it the same way)

QUIZ_FILES = sorted((BOOK / "quizzes").glob("module-*.yaml"))
GUIDE = BOOK / "reference" / "teaching-guide.md"
MODULE = re.compile(r"^\(teaching-guide-module-(\d+)\)=\n(.*?)(?=^\(teaching-guide-[a-z]+(?:-\d+)?\)=|\Z)", re.MULTILINE | re.DOTALL)
READING = re.compile(r":::\{reading-load\}\n:chapters: ([^\n]+)")
LABEL = re.compile(r"^\(([\w-]+)\)=", re.MULTILINE)


def module_chapters() -> dict[int, list[str]]:
    """The chapters each module of the teaching guide asks learners to read before class."""
    guide = GUIDE.read_text(encoding="utf-8")
    return {int(n): READING.search(body).group(1).split() for n, body in MODULE.findall(guide)}


def all_questions():
    return [(path, q) for path in QUIZ_FILES for questions in quizzes.load(path).values() for q in questions]


def test_every_module_has_a_quiz_with_a_pre_and_a_post_set_of_ten_questions_or_more():
    modules = module_chapters()
    assert len(modules) == 5
    for number in modules:
        path = BOOK / "quizzes" / f"module-{number}.yaml"
        sets = quizzes.load(path)
        assert {"pre", "post"} <= set(sets), f"{path.name}: sets {sorted(sets)}"
        assert sum(len(q) for q in sets.values()) >= 10, f"{path.name}: fewer than 10 questions"
        assert (BOOK / "quizzes" / f"module-{number}.md").is_file()


def test_every_question_tests_an_objective_of_its_modules_chapters():
    modules = module_chapters()
    for path, question in all_questions():
        number = int(re.search(r"module-(\d+)", path.name).group(1))
        assert question.objective_page in modules[number], f"{question.id}: {question.objective_page} is not read in module {number}"


def test_every_question_links_a_section_that_exists():
    labels = {label for docname in toc_docnames() for label in LABEL.findall(page_text(page_path(docname)))}
    missing = [(q.id, q.section) for _, q in all_questions() if q.section not in labels]
    assert not missing, f"sections that no page defines: {missing}"


def test_no_quiz_teaches_another_answer_than_the_calculator():
    checked = [q for _, q in all_questions() if q.check]
    assert len(checked) >= 20, "questions about rules should be checked against the rules"
    for question in checked:
        quizzes.verify(question)


def _checked(question_id: str) -> quizzes.Question:
    return next(q for _, q in all_questions() if q.id == question_id)


def test_a_quiz_that_marks_the_wrong_option_correct_is_caught():
    question = _checked("m2-pre-2")
    options = tuple({**o, "correct": not o.get("correct")} if k in (0, 1) else o for k, o in enumerate(question.options))
    with pytest.raises(quizzes.QuizError, match="m2-pre-2: the quiz marks option"):
        quizzes.verify(dataclasses.replace(question, options=options))


def test_a_question_checked_on_another_date_is_caught():
    """The Boao route starts on 2025-02-01: the same key is wrong one day earlier."""
    question = _checked("m3-post-2")
    with pytest.raises(quizzes.QuizError, match="decides 'not_permitted'"):
        quizzes.verify(dataclasses.replace(question, check={**question.check, "as_of": "2025-01-31"}))


def test_a_wrong_deadline_is_caught():
    question = _checked("m1-post-1")
    options = tuple({**o, "values": {"deadline": "2026-04-22"}} if o.get("correct") else o for o in question.options)
    with pytest.raises(quizzes.QuizError, match="matches option"):
        quizzes.verify(dataclasses.replace(question, options=options))


def test_a_malformed_file_names_the_question_and_the_field(tmp_path):
    bad = tmp_path / "module-9.yaml"
    bad.write_text(
        "title: t\nsets:\n  pre:\n    - id: x1\n      objective: book/start/nmpa-primer#9\n      question: q\n"
        "      options: [{text: a, correct: true}, {text: b}]\n      explanation: e\n      section: primer\n",
        encoding="utf-8",
    )
    with pytest.raises(quizzes.QuizError, match=r"x1.*lists \d+ learning objectives, not objective 9"):
        quizzes.load(bad)
