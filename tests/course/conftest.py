"""What `make dist` produces: both editions, the handouts and the offline bundle.

`make test` builds them first (see the Makefile); each build step only redoes what changed.
The tests read them and do not rebuild, so that the slow printing happens once.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from content.book_sources import toc_docnames

REPO = Path(__file__).resolve().parents[2]
FULL_HTML = REPO / "_build" / "html"
STUDENT_HTML = REPO / "_build" / "student" / "html"
HANDOUTS = REPO / "_build" / "handouts"
DIST = REPO / "_build" / "dist"

SOLUTION = re.compile(r'<div class="solution[^"]*"[^>]*>.*?<section id="solution-content">(.*?)</section>', re.DOTALL)
CAPTION = re.compile(r'<div class="exercise[^"]*" id="([^"]+)">\s*<p class="admonition-title"><span class="caption-number">Exercise ([\d.]+) </span>')
PAGE_TITLE = re.compile(r"<title>(.*?) &#8212; ", re.DOTALL)


def visible_text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def squeeze(text: str) -> str:
    """Text with no whitespace at all, in compatibility form: PDF text breaks lines anywhere,
    and comes back with ligatures ("ﬁ") and Kangxi radicals for some Chinese characters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class Chapter:
    number: int
    docname: str
    title: str
    solution_phrases: tuple[str, ...]


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path.relative_to(REPO)} is missing: run 'make dist' (make test does)", pytrace=False)
    return path


@pytest.fixture(scope="session")
def chapters() -> list[Chapter]:
    """Every page of the book; for pages with exercises, a phrase from each solution, taken
    from the full edition: the first eight words of the solution that the rest of the page
    does not also say (a solution may repeat a sentence of the chapter)."""
    found = []
    for number, docname in enumerate(toc_docnames()):
        page = _require(FULL_HTML / f"{docname}.html").read_text(encoding="utf-8")
        outside = visible_text(SOLUTION.sub(" ", page))
        phrases = tuple(
            phrase for s in SOLUTION.findall(page) if (phrase := _own_phrase(visible_text(s).split(), outside))
        )
        found.append(Chapter(number, docname, visible_text(PAGE_TITLE.search(page).group(1)), phrases))
    return found


def _own_phrase(words: list[str], elsewhere: str, length: int = 8) -> str | None:
    for start in range(max(1, len(words) - length + 1)):
        phrase = " ".join(words[start:start + length])
        if phrase not in elsewhere:
            return phrase
    return None


@pytest.fixture(scope="session")
def exercise_chapters(chapters) -> list[Chapter]:
    with_solutions = [c for c in chapters if c.solution_phrases]
    assert len(with_solutions) >= 15, f"only {len(with_solutions)} pages with solutions found in the full edition"
    return with_solutions


@cache
def pdf_pages_text(path: Path) -> tuple[str, ...]:
    """The text of each sheet, extracted once per test session (it is the slow part of these tests)."""
    return tuple(page.extract_text() or "" for page in PdfReader(_require(path)).pages)


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages_text(path))


def handout(chapter: Chapter, answers: bool = False) -> Path:
    name = f"{chapter.number:02d}-{chapter.docname.split('/', 1)[-1].replace('/', '-')}"
    return HANDOUTS / "answer-keys" / f"{name}-answers.pdf" if answers else HANDOUTS / "student" / f"{name}.pdf"
