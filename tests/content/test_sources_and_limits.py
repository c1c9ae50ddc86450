"""Each chapter says once, in one standard box, which texts it read and which it could not find.

A reviewer found "stored copies the authors could search" twenty times in the lessons: talk of
the authors' tools, not of the law. The rule now: every chapter (the primer and each level's
chapters) has exactly one ``{admonition} Sources and limits`` with ``:class: note``, worded to
one pattern:

- it begins "Read in full:" and has a "Read in part:" sentence;
- it ends its account of gaps either with "We could not find ...; searched: ..." or with
  "Every text this chapter relies on ... was found.";
- outside the box, the chapter does not repeat "we could not find" or "searched:".

Lesson pages (Start here and the three levels) also never speak of the book's own making:
stored copies, the texts the authors reviewed, the authors' checks or counts, text numbers,
earlier versions of the book. The book's corrections live on the changelog page.
"""

from __future__ import annotations

import re

import pytest

from .book_sources import chapter_docnames, page_path, page_text, toc_docnames
from .test_reader_text import page_prose

BOX = re.compile(r"^(`{3,}|:{3,})\{admonition\}\s*Sources and limits\s*\n(?P<opts>(?::[^\n]*\n)*)(?P<body>.*?)^\1[ \t]*$", re.M | re.S)
GAP_ADMITTED = re.compile(r"We could not find .{0,600}?\bsearched: ", re.S)
NO_GAP = re.compile(r"Every text this chapter relies on.{0,200}? was found\.", re.S)
GAP_TALK = re.compile(r"\bwe could not find\b|\bsearched:", re.I)
LESSON_PAGES = [d for d in toc_docnames() if d.startswith(("book/start/", "book/fundamentals/", "book/intermediate/", "book/academic/"))]
AUTHORING = re.compile(
    r"stored cop(?:y|ies)|the cop(?:y|ies) (?:searched|we searched)|the authors(?:'| could| reviewed| checked)"
    r"|texts? the authors|earlier version of (?:this|the) book|this book (?:used to say|said|got it wrong)"
    r"|\btext 0\d\d\b|\bthe corpus\b|as checked for this book",
    re.I,
)


@pytest.mark.parametrize("docname", chapter_docnames())
def test_one_sources_and_limits_box_in_the_standard_wording(docname):
    text = page_text(page_path(docname))
    boxes = list(BOX.finditer(text))
    assert len(boxes) == 1, f"{docname}: {len(boxes)} 'Sources and limits' boxes, exactly one expected"
    box = boxes[0]
    assert re.search(r":class:\s*note", box.group("opts")), f"{docname}: the Sources and limits box is not ':class: note'"
    body = " ".join(box.group("body").split())
    assert body.startswith("Read in full:"), f"{docname}: the box does not begin 'Read in full:'"
    assert "Read in part:" in body, f"{docname}: the box has no 'Read in part:' sentence"
    assert GAP_ADMITTED.search(body) or NO_GAP.search(body), (
        f"{docname}: the box neither says 'We could not find ...; searched: ...' nor 'Every text this chapter relies on ... was found.'"
    )
    outside = text[: box.start()] + text[box.end():]
    repeated = GAP_TALK.findall(outside)
    assert not repeated, f"{docname}: the body repeats what the box says ({repeated}); say it once, in the box"


@pytest.mark.parametrize("docname", LESSON_PAGES)
def test_lessons_do_not_speak_of_the_making_of_the_book(docname):
    prose = " ".join(page_prose(docname).split())
    found = [m.group(0) for m in AUTHORING.finditer(prose)]
    assert not found, f"{docname}: authoring artefacts in a lesson: {found}"


def test_the_artefact_pattern_catches_the_reported_phrases():
    for phrase in ("in the stored copies the authors could search", "an earlier version of this book got it wrong", "text 002 says", "one of the texts the authors reviewed"):
        assert AUTHORING.search(phrase), phrase
