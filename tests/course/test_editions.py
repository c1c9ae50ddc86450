"""The two editions: the same exercises with the same numbers; solutions only in the full one."""

from __future__ import annotations

import re

from .conftest import CAPTION, FULL_HTML, SOLUTION, STUDENT_HTML, visible_text

TEXT_FILES = {".html", ".js", ".json", ".txt", ".md", ".ipynb", ".xml"}


def test_the_student_edition_has_no_solution(exercise_chapters):
    for chapter in exercise_chapters:
        page = (STUDENT_HTML / f"{chapter.docname}.html").read_text(encoding="utf-8")
        assert not SOLUTION.search(page) and 'class="solution' not in page, f"{chapter.docname}: a solution block in the student edition"
        text = visible_text(page)
        leaked = [p for p in chapter.solution_phrases if p in text]
        assert not leaked, f"{chapter.docname}: solution text in the student edition: {leaked[:2]}"


def test_the_phrases_are_found_where_solutions_are(exercise_chapters):
    """The check above can fail: the same phrases are in the full edition's pages."""
    for chapter in exercise_chapters:
        text = visible_text((FULL_HTML / f"{chapter.docname}.html").read_text(encoding="utf-8"))
        assert all(p in text for p in chapter.solution_phrases)


def test_no_page_of_the_student_edition_has_a_solution():
    offending = [str(p.relative_to(STUDENT_HTML)) for p in STUDENT_HTML.rglob("*.html") if 'class="solution' in p.read_text(encoding="utf-8")]
    assert not offending, f"solution blocks in the student edition: {offending}"


def test_no_file_of_the_student_edition_holds_solution_text(exercise_chapters):
    """Not the search index, not the page sources behind a download button: no file at all."""
    phrases = [p for chapter in exercise_chapters for p in chapter.solution_phrases]
    leaks = []
    for path in STUDENT_HTML.rglob("*"):
        if path.suffix in TEXT_FILES and "vendor" not in path.parts:
            text = " ".join(path.read_text(encoding="utf-8", errors="replace").split())
            # A page may quote a sentence that is also in another page's solution: that is
            # chapter text, in the full edition outside any solution too, not a leak.
            full = FULL_HTML / path.relative_to(STUDENT_HTML)
            chapter_text = " ".join(SOLUTION.sub(" ", full.read_text(encoding="utf-8", errors="replace")).split()) if full.exists() else ""
            leaks += [(str(path.relative_to(STUDENT_HTML)), p) for p in phrases if p in text and p not in chapter_text]
    assert not leaks, f"{len(leaks)} solution phrases in files of the student edition, e.g. {leaks[:3]}"


def test_exercises_are_numbered_per_chapter_alike_in_both_editions(exercise_chapters):
    for chapter in exercise_chapters:
        full = CAPTION.findall((FULL_HTML / f"{chapter.docname}.html").read_text(encoding="utf-8"))
        student = CAPTION.findall((STUDENT_HTML / f"{chapter.docname}.html").read_text(encoding="utf-8"))
        expected = [f"{chapter.number}.{k}" for k in range(1, len(full) + 1)]
        assert [n for _, n in full] == expected, f"{chapter.docname}: full edition numbers {full}"
        assert student == full, f"{chapter.docname}: the student edition numbers its exercises differently"


def test_the_teaching_guide_lists_every_exercise_with_its_number(exercise_chapters):
    guide = (FULL_HTML / "book" / "reference" / "teaching-guide.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./([\w-]+/[\w-]+)\.html#([\w-]+)">Exercise(?:\s|\u00a0|&#160;|&nbsp;)([\d.]+)</a>', guide)
    listed = {(f"book/{page}", label): number for page, label, number in links}
    for chapter in exercise_chapters:
        page = (FULL_HTML / f"{chapter.docname}.html").read_text(encoding="utf-8")
        for label, number in CAPTION.findall(page):
            assert listed.get((chapter.docname, label)) == number, f"the teaching guide does not list Exercise {number} ({label}) of {chapter.docname} with that number"
