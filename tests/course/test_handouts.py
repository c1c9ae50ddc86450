"""The PDF handouts: one per page of the book and an answer key per page with exercises."""

from __future__ import annotations

import re
import unicodedata

from pypdf import PdfReader

from .conftest import HANDOUTS, handout, pdf_text, squeeze

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_handout_opens_and_shows_its_chapter_title(chapters):
    for chapter in chapters:
        text = pdf_text(handout(chapter))
        assert squeeze(chapter.title) in squeeze(text), f"{handout(chapter).name}: no title {chapter.title!r}"


def test_student_handouts_have_no_solution_text_and_answer_keys_do(exercise_chapters):
    for chapter in exercise_chapters:
        student = squeeze(pdf_text(handout(chapter)))
        answers = squeeze(pdf_text(handout(chapter, answers=True)))
        leaked = [p for p in chapter.solution_phrases if squeeze(p) in student]
        assert not leaked, f"{handout(chapter).name}: solution text {leaked[:2]}"
        missing = [p for p in chapter.solution_phrases if squeeze(p) not in answers]
        assert not missing, f"{handout(chapter, answers=True).name}: solutions missing from the answer key: {missing[:2]}"
        assert squeeze(chapter.title) in answers


def test_there_are_no_handouts_for_pages_no_longer_in_the_book(chapters, exercise_chapters):
    assert {p.name for p in (HANDOUTS / "student").glob("*.pdf")} == {handout(c).name for c in chapters}
    assert {p.name for p in (HANDOUTS / "answer-keys").glob("*.pdf")} == {handout(c, answers=True).name for c in exercise_chapters}


def test_the_whole_book_is_every_handout_in_order(chapters):
    book = PdfReader(HANDOUTS / "book-student.pdf")
    parts = [len(PdfReader(handout(c)).pages) for c in chapters]
    assert len(book.pages) == sum(parts)
    starts = [book.get_destination_page_number(item) for item in book.outline]
    assert starts == [sum(parts[:i]) for i in range(len(parts))], "one bookmark per page of the book, at its first PDF page"


def test_chinese_text_is_printed_with_a_font_that_has_chinese_glyphs(chapters):
    """Without a CJK font Chromium prints boxes from the text font (DejaVu, which has no
    Chinese glyphs) while the text layer still holds the characters: check the font too."""
    glossary = next(c for c in chapters if c.docname.endswith("glossary"))
    fonts_of_chinese_text: set[str] = set()

    def visit(text, cm, tm, font, size):
        if CJK.search(unicodedata.normalize("NFKC", text)) and font is not None:
            fonts_of_chinese_text.add(str(font.get("/BaseFont", font.get("/Subtype"))))

    chinese = 0
    for page in PdfReader(handout(glossary)).pages:
        chinese += len(CJK.findall(unicodedata.normalize("NFKC", page.extract_text(visitor_text=visit))))
    assert chinese >= 200, f"the bilingual glossary handout has {chinese} Chinese characters"
    assert fonts_of_chinese_text and not any("DejaVu" in f for f in fonts_of_chinese_text), f"Chinese text drawn in {fonts_of_chinese_text}"
