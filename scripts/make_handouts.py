"""Print the built book to PDF handouts, in _build/handouts/.

- student/NN-name.pdf: each page of the book, from the student edition (no solutions);
  NN is the page's chapter number, the first part of its exercise numbers (Exercise NN.k).
- book-student.pdf: a cover, a printed table of contents with page numbers, then every page
  in table-of-contents order, numbered continuously, with one bookmark per page.
- answer-keys/NN-name-answers.pdf: for each page with exercises, only its exercises and their
  solutions, from the full edition, numbered as in the book; answer-keys.pdf: all of them.

Every printed sheet names its edition in the footer ("Student edition", or "Instructor copy:
answer key"). Pages are printed by the Debian Chromium the browser tests use, through
Playwright, from a local server, after the fonts have loaded and the site's print.js has
opened collapsed details and let long tables break; print.css removes the navigation and
fits figures and tables to the text block. Page numbers are stamped afterwards, so that the
same printed page serves its own handout and the whole book. Run after `make book` and
`make student` (`make handouts` does both).
"""

from __future__ import annotations

import hashlib
import html
import json
import sys
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from nmpa_rules.facts import REVIEWED_ON  # noqa: E402
from tests.browser_support import chromium_browser, serve_directory  # noqa: E402
from tests.content.book_sources import toc_docnames  # noqa: E402

FULL_HTML = REPO / "_build" / "html"
STUDENT_HTML = REPO / "_build" / "student" / "html"
OUTPUT = REPO / "_build" / "handouts"
# Printed pages before their page numbers are stamped; kept so that unchanged pages are not
# printed again.
PRINTED = REPO / "_build" / ".handouts-printed"
# What a printed page depends on besides its own HTML: the files the edition serves for print.
SERVED_FOR_PRINT = ("_static/print.css", "_static/custom.css", "_static/print.js", "_static/course-sheets.css")
MANIFEST = PRINTED / "manifest.json"
# Bump when the way a page is printed changes (footer, compacting), so every page is reprinted.
PRINT_RECIPE = "4"

BOOK_TITLE = "Beyond the Batch: How China’s NMPA Handles Individualized Therapies"
ANSWER_KEY_SCALE = 0.85
STUDENT_LABEL = "Student edition"
ANSWER_KEY_LABEL = "Instructor copy: answer key"

PAGE_READY = """async () => {
  await document.fonts.ready;
  window.prepareForPrint();
}"""

# Keeps, in the page's own article, only its title and its exercises with their solutions
# (sphinx-exercise puts each solution after its exercise), so that an answer key is short.
COMPACT_TO_EXERCISES = """(note) => {
  const article = document.querySelector("article.bd-article");
  const title = article.querySelector("h1");
  const lead = document.createElement("p");
  lead.textContent = note;
  const kept = [title, lead, ...article.querySelectorAll("div.exercise, div.solution")];
  article.replaceChildren(...kept);
  // An answer key is read at a desk, not projected: tighter boxes and smaller type keep it short.
  const compact = document.createElement("style");
  compact.media = "print";
  compact.textContent = `
    article.bd-article { font-size: 10pt; }
    article.bd-article .admonition { margin: 0.35rem 0 !important; padding: 0.3rem 0.6rem !important; }
    article.bd-article .admonition p, article.bd-article .admonition li { margin: 0.15rem 0 !important; }
    article.bd-article h1 { font-size: 16pt !important; margin: 0 0 0.3rem !important; }`;
  document.head.append(compact);
}"""


def footer(label: str) -> str:
    """Chromium's footer for every printed sheet: the edition and the page's title; the page
    number is stamped later (see stamp_numbers)."""
    return (
        '<div style="font-size:8px;width:100%;padding:0 28mm 0 14mm;color:#444;white-space:nowrap;overflow:hidden">'
        f'<strong>{html.escape(label)}</strong> \u00b7 <span class="title"></span></div>'
    )


def handout_name(number: int, docname: str) -> str:
    return f"{number:02d}-{docname.split('/', 1)[-1].replace('/', '-')}"


def print_page(browser, url: str, target: Path, label: str, compact_note: str | None = None) -> str:
    """Print one page to `target`; return the page's title."""
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    try:
        page.goto(url, wait_until="networkidle")
        if compact_note is not None:
            page.evaluate(COMPACT_TO_EXERCISES, compact_note)
        page.evaluate(PAGE_READY)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(target),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<div></div>",
            footer_template=footer(label),
            margin={"top": "14mm", "bottom": "16mm", "left": "0", "right": "0"},
            # An answer key is read at a desk, not from across a room: a smaller scale keeps it short.
            scale=ANSWER_KEY_SCALE if compact_note is not None else 1,
        )
        return page.title().split(" \u2014 ")[0]
    finally:
        page.close()


def print_html(browser, document: str, target: Path) -> None:
    """Print a small standalone HTML document (cover, contents, page numbers) to `target`."""
    page = browser.new_page()
    try:
        page.set_content(document, wait_until="load")
        page.evaluate("async () => { await document.fonts.ready; }")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
                 margin={"top": "0", "bottom": "0", "left": "0", "right": "0"})
    finally:
        page.close()


class PrintQueue:
    """Prints a page only when the HTML or the files it is printed with changed since it was
    last printed: printing is the slow step, a few seconds a page."""

    def __init__(self, browser):
        self.browser = browser
        self.previous = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
        self.current: dict[str, dict[str, str]] = {}
        self.printed = 0

    def print(self, url: str, edition: Path, docname: str, target: Path, label: str, compact_note: str | None = None) -> str:
        key = str(target.relative_to(PRINTED))
        served = [edition / f"{docname}.html", *(edition / name for name in SERVED_FOR_PRINT)]
        digest = hashlib.sha256(
            PRINT_RECIPE.encode() + label.encode() + b"".join(path.read_bytes() for path in served)
        ).hexdigest()
        known = self.previous.get(key, {})
        if target.exists() and known.get("digest") == digest:
            title = known["title"]
        else:
            title = print_page(self.browser, url, target, label, compact_note)
            self.printed += 1
        self.current[key] = {"digest": digest, "title": title}
        return title

    def save(self) -> None:
        MANIFEST.write_text(json.dumps(self.current, indent=1, sort_keys=True))


def has_solutions(html_page: Path) -> bool:
    return 'class="solution' in html_page.read_text(encoding="utf-8")


SHEET_STYLE = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; font-family: "DejaVu Sans", "Noto Sans CJK SC", sans-serif; color: #000; }
.sheet { position: relative; height: 296.5mm; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
.number { position: absolute; right: 14mm; bottom: 4.9mm; font-size: 8px; color: #444; }
"""


def stamp_numbers(browser, pdf: Path, labels: list[str]) -> PdfWriter:
    """`pdf` with labels[i] printed at the foot of page i (an empty label stamps nothing)."""
    sheets = "".join(f'<div class="sheet"><span class="number">{html.escape(label)}</span></div>' for label in labels)
    overlay_path = PRINTED / "numbers.pdf"
    print_html(browser, f"<!doctype html><meta charset='utf-8'><style>{SHEET_STYLE}</style>{sheets}", overlay_path)
    overlay = PdfReader(overlay_path)
    writer = PdfWriter(clone_from=pdf)
    if len(overlay.pages) != len(writer.pages):
        raise RuntimeError(f"{pdf.name}: {len(writer.pages)} pages but {len(overlay.pages)} page numbers")
    for page, label, number_sheet in zip(writer.pages, labels, overlay.pages):
        if label:
            page.merge_page(number_sheet)
    return writer


def write_numbered_handout(browser, printed: Path, target: Path) -> int:
    """A handout of its own: printed page numbers "k / n"."""
    count = len(PdfReader(printed).pages)
    writer = stamp_numbers(browser, printed, [f"{k} / {count}" for k in range(1, count + 1)])
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        writer.write(handle)
    return count


def front_matter(entries: list[tuple[str, int]], edition: str, contents_title: str) -> str:
    """A cover and a contents list; entries are (title, first page) in book order."""
    rows = "".join(
        f'<tr><td class="t">{html.escape(title)}</td><td class="p">{page}</td></tr>' for title, page in entries
    )
    return f"""<!doctype html><meta charset="utf-8"><style>
@page {{ size: A4; margin: 22mm 20mm 24mm 20mm; }}
body {{ font-family: "DejaVu Sans", "Noto Sans CJK SC", sans-serif; color: #000; margin: 0; }}
.cover {{ height: 245mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }}
.cover h1 {{ font-size: 28pt; line-height: 1.2; margin: 0 0 8mm; }}
.cover .edition {{ font-size: 16pt; font-weight: bold; margin: 0 0 20mm; }}
.cover p {{ font-size: 11pt; margin: 0 0 3mm; }}
h2 {{ font-size: 18pt; margin: 0 0 8mm; }}
table {{ width: 100%; border-collapse: collapse; font-size: 10.5pt; }}
td {{ padding: 1.6mm 0; border-bottom: 0.2mm dotted #888; vertical-align: bottom; }}
td.p {{ text-align: right; width: 16mm; }}
tr {{ break-inside: avoid; }}
</style>
<section class="cover">
<h1>{html.escape(BOOK_TITLE)}</h1>
<p class="edition">{html.escape(edition)}</p>
<p>Rules and facts as reviewed on {REVIEWED_ON.isoformat()}. Each page states its own review date.</p>
<p>Educational material, not medical or legal advice.</p>
</section>
<section><h2>{html.escape(contents_title)}</h2><table>{rows}</table></section>"""


def write_book(browser, parts: list[tuple[str, Path]], target: Path, edition: str, contents_title: str) -> int:
    """Cover, contents with page numbers, then every part, numbered continuously; a bookmark
    for the contents and for each part. Returns the number of pages."""
    counts = [len(PdfReader(part).pages) for _, part in parts]
    front = PRINTED / f"front-{target.stem}.pdf"
    front_pages = 2
    while True:
        starts = [front_pages + 1 + sum(counts[:i]) for i in range(len(parts))]
        print_html(browser, front_matter([(title, start) for (title, _), start in zip(parts, starts)], edition, contents_title), front)
        printed_front = len(PdfReader(front).pages)
        if printed_front == front_pages:
            break
        front_pages = printed_front
    writer = PdfWriter()
    writer.append(PdfReader(front))
    for part_path in (part for _, part in parts):
        writer.append(PdfReader(part_path))
    assembled = PRINTED / f"assembled-{target.stem}.pdf"
    with assembled.open("wb") as handle:
        writer.write(handle)
    total = len(writer.pages)
    # The cover carries no number; every other sheet carries its place in the whole PDF, and
    # the contents, which have no footer of their own, the edition too.
    contents = [f"{edition} \u00b7 {contents_title} \u00b7 {k}" for k in range(2, front_pages + 1)]
    numbered = stamp_numbers(browser, assembled, [""] + contents + [str(k) for k in range(front_pages + 1, total + 1)])
    numbered.add_outline_item(title="Contents", page_number=1)
    for (title, _), start in zip(parts, starts):
        numbered.add_outline_item(title=title, page_number=start - 1)
    numbered.add_metadata({"/Title": f"{BOOK_TITLE}: {edition}"})
    with target.open("wb") as handle:
        numbered.write(handle)
    return total


def remove_stale(kept: set[Path]) -> None:
    """A page removed from the book leaves no handout behind."""
    for pdf in [*OUTPUT.glob("student/*.pdf"), *OUTPUT.glob("answer-keys/*.pdf"), *PRINTED.glob("*/*.pdf")]:
        if pdf not in kept:
            pdf.unlink()


def main() -> int:
    for edition in (FULL_HTML, STUDENT_HTML):
        if not (edition / "index.html").exists():
            print(f"No built site in {edition.relative_to(REPO)}: run 'make book' and 'make student' first.", file=sys.stderr)
            return 1
    started = time.perf_counter()
    PRINTED.mkdir(parents=True, exist_ok=True)
    student_parts: list[tuple[str, Path]] = []
    key_parts: list[tuple[str, Path]] = []
    kept: set[Path] = set()
    with chromium_browser() as browser, serve_directory(STUDENT_HTML) as student_url, serve_directory(FULL_HTML) as full_url:
        queue = PrintQueue(browser)
        for number, docname in enumerate(toc_docnames()):
            name = handout_name(number, docname)
            printed = PRINTED / "student" / f"{name}.pdf"
            title = queue.print(f"{student_url}{docname}.html", STUDENT_HTML, docname, printed, STUDENT_LABEL)
            handout = OUTPUT / "student" / f"{name}.pdf"
            write_numbered_handout(browser, printed, handout)
            student_parts.append((f"{number}. {title}", printed))
            kept |= {printed, handout}
            if has_solutions(FULL_HTML / f"{docname}.html"):
                printed_key = PRINTED / "answer-keys" / f"{name}-answers.pdf"
                note = f"Answer key for chapter {number}: each exercise, then its solution, numbered as in the book."
                queue.print(f"{full_url}{docname}.html", FULL_HTML, docname, printed_key, ANSWER_KEY_LABEL, note)
                key = OUTPUT / "answer-keys" / f"{name}-answers.pdf"
                write_numbered_handout(browser, printed_key, key)
                key_parts.append((f"{number}. {title}", printed_key))
                kept |= {printed_key, key}
        remove_stale(kept)
        book_pages = write_book(browser, student_parts, OUTPUT / "book-student.pdf", STUDENT_LABEL, "Contents")
        key_pages = write_book(browser, key_parts, OUTPUT / "answer-keys.pdf", ANSWER_KEY_LABEL, "Answer keys")
        queue.save()
    elapsed = time.perf_counter() - started
    print(
        f"Handouts in {OUTPUT.relative_to(REPO)}: {len(student_parts)} pages of the book, whole book {book_pages} PDF pages; "
        f"{len(key_parts)} answer keys, {key_pages} PDF pages together; {queue.printed} pages printed, the others unchanged; "
        f"{elapsed:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
