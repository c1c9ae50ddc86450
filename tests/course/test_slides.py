"""The slide decks of the five modules (`make slides`, scripts/build_slides.py).

They are read from _build/slides as `make test` builds them; the book they are pulled from is
the full edition in _build/html.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from book_site.external_assets import external_assets_in_site
from browser_support import chromium_browser, serve_directory

from .conftest import DIST, FULL_HTML, REPO, _require

SLIDES = REPO / "_build" / "slides"
MODULES = range(1, 6)


def deck(module: int) -> BeautifulSoup:
    return BeautifulSoup(_require(SLIDES / f"module-{module}.html").read_text(encoding="utf-8"), "html.parser")


def book_page(docname: str) -> BeautifulSoup:
    page = BeautifulSoup(_require(FULL_HTML / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    for anchor in page.select("a.headerlink"):
        anchor.decompose()
    return page


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def cells(table) -> list[str]:
    """The text of each cell, without spaces: links in the book become plain text in a deck,
    which moves the spaces the parser puts around tags."""
    return ["".join(cell.get_text().split()) for cell in table.select("th, td")]


@pytest.mark.parametrize("module", MODULES)
def test_each_module_has_8_to_15_slides_each_with_speaker_notes(module):
    slides = deck(module).select("section.slide")
    assert 8 <= len(slides) <= 15, f"module {module}: {len(slides)} slides"
    for number, slide in enumerate(slides, start=1):
        notes = slide.select_one("aside.notes")
        assert notes is not None and len(words(notes).split()) >= 10, f"module {module}, slide {number}: no speaker notes"


@pytest.mark.parametrize("module", MODULES)
def test_each_module_shows_a_diagram_and_a_table_of_its_chapters(module):
    pulled = deck(module).select("div.pulled[data-from]")
    chapters = [p for p in pulled if p["data-from"].startswith(("book/start/", "book/fundamentals/", "book/intermediate/"))]
    assert any(p.select("object, img") for p in chapters), f"module {module}: no diagram from a chapter"
    assert any(p.select("table") for p in chapters), f"module {module}: no table from a chapter"


def test_every_figure_is_the_book_s_own_file_with_the_book_s_caption():
    checked = 0
    for module in MODULES:
        for piece in deck(module).select("div.pulled[data-from]"):
            docname, label = piece["data-from"].split("#")
            page = book_page(docname)
            assert page.find(id=label) is not None, f"module {module}: {docname} has no element labelled {label}"
            for image in piece.select("object, img"):
                name = Path(image.get("data") or image.get("src")).name
                copied = _require(SLIDES / "_images" / name)
                assert copied.read_bytes() == (FULL_HTML / "_images" / name).read_bytes(), f"{name} differs from the book's"
                figures = [f for f in page.select("figure") if any(Path(o.get("data") or o.get("src") or "").name == name for o in f.select("object, img"))]
                assert figures, f"module {module}: {name} is not a figure of {docname}"
                assert words(piece.find("figcaption")) == words(figures[0].find("figcaption")), f"module {module}: caption of {name} is not the book's"
                checked += 1
            book_tables = [cells(t) for t in page.select("table")]
            for table in piece.select("table"):
                assert cells(table) in book_tables, f"module {module}: a table from {docname} differs from the book's"
    assert checked >= 5, f"only {checked} figures in the decks"


def test_the_decks_reference_no_other_host():
    found = external_assets_in_site(_require(SLIDES))
    assert not found, f"external asset reference(s): {found[:3]}"


def test_the_offline_bundle_holds_the_slides():
    archive = _require(DIST / "beyond-the-batch-slides.zip")
    with zipfile.ZipFile(archive) as bundle:
        names = set(bundle.namelist())
    expected = {f"beyond-the-batch-slides/module-{m}.html" for m in MODULES} | {"beyond-the-batch-slides/index.html"}
    assert expected <= names, f"missing from the zip: {sorted(expected - names)}"
    assert (DIST / "beyond-the-batch-slides.zip.sha256").exists()


@pytest.mark.browser
def test_the_decks_run_from_a_local_server_alone_and_every_slide_fits_the_stage():
    foreign: list[str] = []
    with chromium_browser() as browser, serve_directory(_require(SLIDES)) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).hostname not in ("127.0.0.1", None) and urlsplit(r.url).scheme not in ("data", "blob") else None)
        page.context.route(re.compile(r"^(?!" + re.escape(base) + r")(https?|wss?)://"), lambda route: route.abort())
        for module in MODULES:
            response = page.goto(f"{base}module-{module}.html", wait_until="networkidle")
            assert response and response.ok
            count = page.locator("section.slide").count()
            for number in range(1, count + 1):
                current = page.locator("section.slide.current")
                assert current.get_attribute("aria-label").startswith(f"Slide {number}:"), f"module {module}: arrow key did not reach slide {number}"
                overflow = current.evaluate(
                    """(slide) => {
                      const box = slide.getBoundingClientRect();
                      const parts = [...slide.querySelectorAll('.slide-content > *, object, img, table')];
                      return parts.filter((el) => { const r = el.getBoundingClientRect();
                        return r.width > 0 && (r.bottom > box.bottom + 1 || r.right > box.right + 1); }).length;
                    }"""
                )
                assert overflow == 0, f"module {module}, slide {number}: content runs off the slide"
                page.keyboard.press("ArrowRight")
            page.keyboard.press("Home")
            page.keyboard.press("n")
            assert page.locator(".notes-panel").is_visible(), f"module {module}: N does not show the notes"
            assert len(page.locator(".notes-panel").inner_text().split()) >= 10
            page.keyboard.press("n")
            diagrams = page.evaluate("() => [...document.querySelectorAll('img.diagram')].map(i => i.complete && i.naturalWidth > 0)")
            assert diagrams and all(diagrams), f"module {module}: a diagram did not load"
        page.close()
    assert not foreign, f"requests to other hosts: {foreign[:5]}"
