"""The PDF handouts: one per page of the book and an answer key per page with exercises."""

from __future__ import annotations

import re
import unicodedata

from pypdf import PdfReader

from .conftest import HANDOUTS, handout, pdf_pages_text, pdf_text, squeeze, visible_text

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


def test_the_whole_book_has_a_cover_contents_and_every_handout_in_order(chapters):
    book = PdfReader(HANDOUTS / "book-student.pdf")
    parts = [len(PdfReader(handout(c)).pages) for c in chapters]
    outline = list(book.outline)
    assert outline[0].title == "Contents"
    front = book.get_destination_page_number(outline[1])
    assert len(book.pages) == front + sum(parts), "cover and contents, then every page of the book"
    starts = [book.get_destination_page_number(item) for item in outline[1:]]
    assert starts == [front + sum(parts[:i]) for i in range(len(parts))], "one bookmark per page of the book, at its first PDF page"
    assert squeeze("Beyond the Batch") in squeeze(book.pages[0].extract_text()), "the cover names the book"
    contents = squeeze(" ".join(book.pages[k].extract_text() for k in range(1, front)))
    for chapter, start in zip(chapters, starts):
        assert squeeze(f"{chapter.title}{start + 1}") in contents, f"contents: {chapter.title!r} on page {start + 1}"


def test_printed_page_numbers_run_on_through_the_whole_book():
    book = PdfReader(HANDOUTS / "book-student.pdf")
    first_chapter = book.get_destination_page_number(list(book.outline)[1])
    assert squeeze("Contents \u00b7 2") in squeeze(book.pages[1].extract_text()), "the contents are numbered from 2, after the cover"
    for index in (first_chapter, len(book.pages) // 2, len(book.pages) - 1):
        assert page_number_printed(book.pages[index]) == str(index + 1), f"book-student.pdf, sheet {index + 1}"


def test_every_sheet_names_its_edition_and_no_sheet_is_blank(chapters, exercise_chapters):
    printed = [(handout(c), "Student edition") for c in chapters]
    printed += [(handout(c, answers=True), "Instructor copy: answer key") for c in exercise_chapters]
    printed += [(HANDOUTS / "book-student.pdf", "Student edition")]
    for pdf, label in printed:
        for index, text in enumerate(pdf_pages_text(pdf)):
            if pdf.name == "book-student.pdf" and index == 0:
                continue  # the cover names the edition in its own words
            assert squeeze(label) in squeeze(text), f"{pdf.name}, sheet {index + 1}: no {label!r}"
            body = squeeze(text).replace(squeeze(label), "", 1)
            assert len(body) > 80 + len(squeeze(pdf.stem)), f"{pdf.name}, sheet {index + 1} is blank but for its footer"


def test_answer_keys_hold_only_the_exercises_and_stay_short(exercise_chapters):
    total = 0
    for chapter in exercise_chapters:
        key = handout(chapter, answers=True)
        total += len(PdfReader(key).pages)
        assert len(PdfReader(key).pages) < len(PdfReader(handout(chapter)).pages), f"{key.name} is as long as its chapter"
        assert "Learning objectives" not in pdf_text(key), f"{key.name} prints the chapter, not only its exercises"
    assert total < 60, f"the answer keys take {total} printed pages"


def page_number_printed(page) -> str:
    """The text stamped at the bottom right of a sheet."""
    width = float(page.mediabox.width)
    found: list[str] = []

    def visit(text, cm, tm, font, size):
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if text.strip() and y < 25 and x > width * 0.8:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return " ".join(found)


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


HIDDEN_SOURCE = re.compile(r'<details class="[^"]*\bhide above-input">.*?<pre>(.*?)</pre>', re.DOTALL)


def test_a_hidden_cell_prints_its_source_and_not_its_screen_toggle(chapters):
    with_hidden_source = 0
    for chapter in chapters:
        page = (HANDOUTS.parent / "html" / f"{chapter.docname}.html").read_text(encoding="utf-8")
        printed = squeeze(pdf_text(handout(chapter)))
        assert squeeze("code cell source") not in printed, f"{handout(chapter).name}: a screen toggle was printed"
        for source in HIDDEN_SOURCE.findall(page):
            first_line = visible_text(source.split("\n", 1)[0])
            with_hidden_source += 1
            assert squeeze(first_line) in printed, f"{handout(chapter).name}: hidden source {first_line!r} not printed"
    assert with_hidden_source, "no page of the book has a cell with hidden source: the test has nothing to check"
