"""Print the built book to PDF handouts, in _build/handouts/.

- student/NN-name.pdf: each page of the book, from the student edition (no solutions);
  NN is the page's chapter number, the first part of its exercise numbers (Exercise NN.k).
- book-student.pdf: all of them in table-of-contents order, one bookmark per page.
- answer-keys/NN-name-answers.pdf: each page with exercises, from the full edition, with its
  solutions printed open.

Pages are printed by the Debian Chromium the browser tests use, through Playwright, from a
local server, after MathJax has typeset and the fonts have loaded; the site's print
stylesheet removes the navigation and keeps tables and figures on one sheet. Run after
`make book` and `make student` (`make handouts` does both).
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser_support import chromium_browser, serve_directory  # noqa: E402
from tests.content.book_sources import toc_docnames  # noqa: E402

FULL_HTML = REPO / "_build" / "html"
STUDENT_HTML = REPO / "_build" / "student" / "html"
OUTPUT = REPO / "_build" / "handouts"
# What a printed page depends on besides its own HTML: the stylesheets the edition serves.
STYLESHEETS = ("_static/print.css", "_static/custom.css")
MANIFEST = OUTPUT / ".printed.json"

PAGE_READY = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  await document.fonts.ready;
}"""
FOOTER = (
    '<div style="font-size:8px;width:100%;padding:0 14mm;color:#555;display:flex;justify-content:space-between">'
    '<span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
)


def handout_name(number: int, docname: str) -> str:
    return f"{number:02d}-{docname.split('/', 1)[-1].replace('/', '-')}"


def print_page(browser, url: str, target: Path) -> str:
    """Print one page to `target`; return the page's title."""
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    try:
        page.goto(url, wait_until="networkidle")
        page.evaluate(PAGE_READY)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(target),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<div></div>",
            footer_template=FOOTER,
            margin={"top": "14mm", "bottom": "16mm", "left": "0", "right": "0"},
        )
        return page.title().split(" \u2014 ")[0]
    finally:
        page.close()


class PrintQueue:
    """Prints a page only when the HTML or the stylesheets it is served with changed since it
    was last printed: printing is the slow step, a few seconds a page."""

    def __init__(self, browser):
        self.browser = browser
        self.previous = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
        self.current: dict[str, dict[str, str]] = {}
        self.printed = 0

    def print(self, url: str, edition: Path, docname: str, target: Path) -> str:
        key = str(target.relative_to(OUTPUT))
        served = [edition / f"{docname}.html", *(edition / sheet for sheet in STYLESHEETS)]
        digest = hashlib.sha256(b"".join(path.read_bytes() for path in served)).hexdigest()
        known = self.previous.get(key, {})
        if target.exists() and known.get("digest") == digest:
            title = known["title"]
        else:
            title = print_page(self.browser, url, target)
            self.printed += 1
        self.current[key] = {"digest": digest, "title": title}
        return title

    def save(self) -> None:
        MANIFEST.write_text(json.dumps(self.current, indent=1, sort_keys=True))


def has_solutions(html_page: Path) -> bool:
    return 'class="solution' in html_page.read_text(encoding="utf-8")


def remove_stale(kept: dict) -> None:
    """A page removed from the book leaves no handout behind."""
    for pdf in [*OUTPUT.glob("student/*.pdf"), *OUTPUT.glob("answer-keys/*.pdf")]:
        if str(pdf.relative_to(OUTPUT)) not in kept:
            pdf.unlink()


def merge(parts: list[tuple[str, Path]], target: Path) -> None:
    writer = PdfWriter()
    for title, part in parts:
        start = len(writer.pages)
        writer.append(PdfReader(part))
        writer.add_outline_item(title=title, page_number=start)
    writer.add_metadata({"/Title": "Beyond the Batch: student edition"})
    with target.open("wb") as handle:
        writer.write(handle)


def main() -> int:
    for edition in (FULL_HTML, STUDENT_HTML):
        if not (edition / "index.html").exists():
            print(f"No built site in {edition.relative_to(REPO)}: run 'make book' and 'make student' first.", file=sys.stderr)
            return 1
    started = time.perf_counter()
    pages = list(enumerate(toc_docnames()))
    student_parts: list[tuple[str, Path]] = []
    answer_keys = 0
    with chromium_browser() as browser, serve_directory(STUDENT_HTML) as student_url, serve_directory(FULL_HTML) as full_url:
        queue = PrintQueue(browser)
        for number, docname in pages:
            name = handout_name(number, docname)
            handout = OUTPUT / "student" / f"{name}.pdf"
            title = queue.print(f"{student_url}{docname}.html", STUDENT_HTML, docname, handout)
            student_parts.append((f"{number}. {title}", handout))
            if has_solutions(FULL_HTML / f"{docname}.html"):
                queue.print(f"{full_url}{docname}.html", FULL_HTML, docname, OUTPUT / "answer-keys" / f"{name}-answers.pdf")
                answer_keys += 1
    remove_stale(queue.current)
    merge(student_parts, OUTPUT / "book-student.pdf")
    queue.save()
    elapsed = time.perf_counter() - started
    total_pages = len(PdfReader(OUTPUT / "book-student.pdf").pages)
    print(
        f"Handouts in {OUTPUT.relative_to(REPO)}: {len(student_parts)} pages of the book, {answer_keys} answer keys, "
        f"whole book {total_pages} PDF pages; {queue.printed} PDFs printed, the others unchanged; {elapsed:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
