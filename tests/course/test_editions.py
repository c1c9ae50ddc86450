"""The two editions: the same exercises with the same numbers; solutions only in the full one."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

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


class _NoteText(HTMLParser):
    """The text of every element with the class `instructor-note`, one string per note."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.notes: list[str] = []
        self._depth = 0  # open elements inside the current note; 0 when outside any note

    def handle_starttag(self, tag, attrs):
        if self._depth:
            self.notes[-1] += " "  # as visible_text() does: a tag separates words
        if tag in VOID_ELEMENTS:
            return
        if self._depth:
            self._depth += 1
        elif "instructor-note" in (dict(attrs).get("class") or "").split():
            self._depth = 1
            self.notes.append("")

    def handle_endtag(self, tag):
        if self._depth and tag not in VOID_ELEMENTS:
            self.notes[-1] += " "
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.notes[-1] += data


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
GUIDE_PAGE = Path("book") / "reference" / "teaching-guide.html"


def instructor_notes(page: str) -> list[str]:
    parser = _NoteText()
    parser.feed(page)
    return [" ".join(note.split()) for note in parser.notes]


def _outside_notes(page: str) -> str:
    text = visible_text(page)
    for note in instructor_notes(page):
        text = text.replace(note, " ")
    return text


def _note_phrases() -> list[str]:
    """Eight-word phrases from every instructor note, every 20 words, that the guide does not
    also say outside its notes (a note may quote a scenario name from the activity above it)."""
    page = (FULL_HTML / GUIDE_PAGE).read_text(encoding="utf-8")
    notes = instructor_notes(page)
    outside = _outside_notes(page)
    phrases = []
    for note in notes:
        words = note.split()
        phrases += [p for start in range(0, max(1, len(words) - 8), 20) if (p := " ".join(words[start:start + 8])) not in outside]
    return phrases


def test_the_full_edition_has_an_instructor_note_per_module_and_per_sample_answer():
    notes = instructor_notes((FULL_HTML / GUIDE_PAGE).read_text(encoding="utf-8"))
    assert len(notes) >= 7, f"{len(notes)} instructor notes in the full edition's teaching guide"
    assert sum("What the class should discover" in note for note in notes) == 5
    assert sum("Exercise plan" in note for note in notes) == 5
    assert sum("annotated sample" in note for note in notes) == 2


def test_no_file_of_the_student_edition_holds_an_instructor_note():
    """Not the guide, not the search index: the notes are left out, not hidden."""
    phrases = _note_phrases()
    assert len(phrases) >= 30, f"only {len(phrases)} phrases taken from the instructor notes"
    assert 'instructor-note' not in (STUDENT_HTML / GUIDE_PAGE).read_text(encoding="utf-8")
    leaks = []
    for path in STUDENT_HTML.rglob("*"):
        if path.suffix in TEXT_FILES and "vendor" not in path.parts:
            text = visible_text(path.read_text(encoding="utf-8", errors="replace"))
            # A phrase a page says anyway (a citation, a term) is that page's text, not a leak.
            full = FULL_HTML / path.relative_to(STUDENT_HTML)
            page_text = _outside_notes(full.read_text(encoding="utf-8", errors="replace")) if full.exists() else ""
            leaks += [(str(path.relative_to(STUDENT_HTML)), p) for p in phrases if p in text and p not in page_text]
    assert not leaks, f"{len(leaks)} instructor-note phrases in the student edition, e.g. {leaks[:3]}"


def test_the_note_phrases_are_found_in_the_full_edition():
    """The check above can fail: the same phrases are in the full edition's guide."""
    text = visible_text((FULL_HTML / GUIDE_PAGE).read_text(encoding="utf-8"))
    assert all(p in text for p in _note_phrases())
