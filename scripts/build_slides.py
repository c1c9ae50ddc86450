"""Build the slide decks of the five course modules into _build/slides/, from the built book.

Each deck is written as an outline in slides/module-N.md: a `## ` heading starts a slide, a
line `Notes:` starts its speaker notes, and a line starting with `@` pulls a piece of the
book into the slide, by the label it has in the book:

    @figure DOCNAME LABEL     the diagram in the section labelled LABEL (or the figure itself)
    @table DOCNAME LABEL      the table named LABEL
    @list DOCNAME LABEL       the first list in the section labelled LABEL (outcomes, takeaways)
    @exercise DOCNAME LABEL   the exercise labelled LABEL, numbered as in the book, no solution
    @claim LABEL              a claim of the common-claims page on the slide, its correction
                              in the notes
    @reading N                the reading table of module N in the teaching guide

The pieces are taken from the full edition as built (_build/html), not from the Markdown: the
figures are the same Graphviz files the book serves, the tables carry the numbers the book's
build computed ({fact} values, reading loads, exercise numbers), and a label that no longer
exists stops the build with its name. That is why the decks are built after the book and not
by a second Sphinx project with `{include}` of chapter fragments, which would need markers in
every chapter and render them again under another configuration.

The decks are plain HTML with a small script (slides/deck.js): no framework, nothing loaded
from another host; they work from `python3 -m http.server` or from the files themselves.
Run after `make book` (`make slides` does both).
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from nmpa_rules.facts import REVIEWED_ON  # noqa: E402

OUTLINES = REPO / "slides"
BOOK_HTML = REPO / "_build" / "html"
OUTPUT = REPO / "_build" / "slides"
GUIDE = "book/reference/teaching-guide"
CLAIMS = "book/reference/common-claims"
BOOK_TITLE = "Beyond the Batch: How China’s NMPA Handles Individualized Therapies"
PULL = re.compile(r"^@(figure|table|list|exercise|claim|reading)\s+(.+?)\s*$")

markdown = MarkdownIt("commonmark").enable("table")


class OutlineError(Exception):
    pass


@dataclass
class Slide:
    title: str
    body: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


class Book:
    """The built book's pages, parsed once each; images a deck uses are copied beside it."""

    def __init__(self, root: Path, output: Path):
        self.root = root
        self.output = output
        self.pages: dict[str, BeautifulSoup] = {}
        self.images: set[str] = set()

    def page(self, docname: str) -> BeautifulSoup:
        if docname not in self.pages:
            path = self.root / f"{docname}.html"
            if not path.exists():
                raise OutlineError(f"{docname}: no such page in {self.root.relative_to(REPO)}")
            self.pages[docname] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return self.pages[docname]

    def labelled(self, docname: str, label: str) -> Tag:
        """The element a label names: a section's label is an empty span before its heading."""
        found = self.page(docname).find(id=label)
        if found is None:
            raise OutlineError(f"{docname}: no element labelled {label!r}")
        if found.name == "span" and not found.contents and found.parent.name == "section":
            return found.parent
        return found

    def figure(self, docname: str, label: str) -> Tag:
        element = self.labelled(docname, label)
        if element.name == "figure":
            return element
        # Only the section's own figures, not those of its subsections.
        own = [f for f in element.find_all("figure") if f.find_parent("section") is element]
        if len(own) != 1:
            raise OutlineError(f"{docname}#{label}: {len(own)} figures directly in this section, need exactly one")
        return own[0]

    def table(self, docname: str, label: str) -> Tag:
        element = self.labelled(docname, label)
        if element.name != "table":
            element = element.find("table")
        if element is None:
            raise OutlineError(f"{docname}#{label}: no table")
        return element

    def first_list(self, docname: str, label: str) -> Tag:
        found = self.labelled(docname, label).find(["ol", "ul"])
        if found is None:
            raise OutlineError(f"{docname}#{label}: no list")
        return found

    def exercise(self, docname: str, label: str) -> Tag:
        element = self.labelled(docname, label)
        if "exercise" not in element.get("class", []):
            raise OutlineError(f"{docname}#{label}: not an exercise")
        return element

    def portable(self, element: Tag, docname: str) -> str:
        """The element's HTML, made to stand alone in a deck: links become plain text (the
        deck travels without the site), images are copied, anchors and ids removed."""
        piece = BeautifulSoup(str(element), "html.parser")
        for anchor in piece.find_all("a", class_="headerlink"):
            anchor.decompose()
        for anchor in piece.find_all("a"):
            anchor.unwrap()
        for tag in piece.find_all(True):
            tag.attrs.pop("id", None)
        for tag in piece.find_all(["object", "img"]):
            attribute = "data" if tag.name == "object" else "src"
            source = (self.root / docname).parent / tag[attribute]
            name = source.name
            if source.resolve().parent != (self.root / "_images").resolve():
                raise OutlineError(f"{docname}: image {tag[attribute]} is not in the book's _images folder")
            (self.output / "_images").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, self.output / "_images" / name)
            self.images.add(name)
            # An <img> scales the Graphviz SVG to the slide; an <object> keeps its printed size.
            image = piece.new_tag("img", src=f"_images/{name}", alt=tag.get("aria-label") or tag.get("alt", ""))
            image["class"] = "diagram"
            tag.replace_with(image)
        return str(piece)


def parse_outline(path: Path) -> tuple[str, list[str]]:
    """The deck's title (its `# ` line) and the outline's lines after it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    titles = [i for i, line in enumerate(lines) if line.startswith("# ")]
    if not titles:
        raise OutlineError(f"{path.name}: no `# ` title line")
    return lines[titles[0]][2:].strip(), lines[titles[0] + 1:]


def build_slides(lines: list[str], book: Book) -> list[Slide]:
    slides: list[Slide] = []
    in_notes = False
    text: list[str] = []

    def flush() -> None:
        if text and slides:
            rendered = markdown.render("\n".join(text))
            (slides[-1].notes if in_notes else slides[-1].body).append(rendered)
        text.clear()

    for line in lines:
        if line.startswith("## "):
            flush()
            slides.append(Slide(line[3:].strip()))
            in_notes = False
            continue
        if not slides:
            if line.strip():
                raise OutlineError(f"text before the first slide: {line!r}")
            continue
        if line.strip() == "Notes:":
            flush()
            in_notes = True
            continue
        pulled = PULL.match(line)
        if pulled:
            flush()
            kind, arguments = pulled.groups()
            pull(slides[-1], kind, arguments.split(), book)
            continue
        text.append(line)
    flush()
    return slides


def pull(slide: Slide, kind: str, arguments: list[str], book: Book) -> None:
    wanted = {"claim": 1, "reading": 1}.get(kind, 2)
    if len(arguments) != wanted:
        raise OutlineError(f"@{kind} takes {wanted} argument(s), got {arguments}")
    if kind == "claim":
        section = book.labelled(CLAIMS, arguments[0])
        heading = section.find(["h2", "h3"])
        claim = re.sub(r"^\d+\.\s*", "", heading.get_text(" ", strip=True).rstrip("#").strip())
        slide.body.append(f'<blockquote class="claim">{html.escape(claim)}</blockquote>')
        correction = [p for p in section.find_all("p", recursive=False)]
        slide.notes.extend(book.portable(p, CLAIMS) for p in correction)
        slide.sources.append(f"{CLAIMS}#{arguments[0]}")
        return
    if kind == "reading":
        label = f"teaching-guide-module-{arguments[0]}"
        element = book.table(GUIDE, label)
        slide.body.append(f'<div class="pulled" data-from="{GUIDE}#{label}">{book.portable(element, GUIDE)}</div>')
        slide.sources.append(f"{GUIDE}#{label}")
        return
    docname, label = arguments
    element = {"figure": book.figure, "table": book.table, "list": book.first_list, "exercise": book.exercise}[kind](docname, label)
    slide.body.append(f'<div class="pulled pulled-{kind}" data-from="{docname}#{label}">{book.portable(element, docname)}</div>')
    slide.sources.append(f"{docname}#{label}")


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="_assets/deck.css">
<script src="_assets/deck.js" defer></script>
</head>
<body>
<main class="deck" aria-live="polite">
{slides}
</main>
<nav class="deck-controls" aria-label="Slide controls">
<button type="button" data-action="previous" aria-label="Previous slide">&larr;</button>
<span class="deck-position" aria-hidden="true"></span>
<button type="button" data-action="next" aria-label="Next slide">&rarr;</button>
<button type="button" data-action="notes" aria-label="Show or hide the speaker notes (N)">Notes</button>
<button type="button" data-action="presenter" aria-label="Open the presenter view in a new window (S)">Presenter</button>
</nav>
</body>
</html>
"""

SLIDE = """<section class="slide{extra}" aria-label="Slide {number}: {title}">
<div class="slide-content">
<h2>{title}</h2>
<div class="slide-body">
{body}
</div>
</div>
<aside class="notes">
{notes}
</aside>
</section>"""


def render_deck(module: int, title: str, slides: list[Slide]) -> str:
    cover = Slide(title, body=[f'<p class="deck-book">{html.escape(BOOK_TITLE)}</p>', f'<p class="deck-module">Module {module} of 5 \u00b7 the book as of {REVIEWED_ON.isoformat()}</p>'])
    sections = []
    for number, slide in enumerate([cover, *slides], start=1):
        if not slide.notes and number > 1:
            raise OutlineError(f"module {module}, slide {number} ({slide.title}): no speaker notes")
        sections.append(
            SLIDE.format(
                extra=" slide-cover" if number == 1 else "",
                number=number,
                title=html.escape(slide.title),
                body="\n".join(slide.body),
                notes="\n".join(slide.notes) or "<p>Introduce the module: its topic, the calculator, and the reading done before class.</p>",
            )
        )
    return PAGE.format(title=html.escape(f"Module {module}. {title}"), slides="\n".join(sections))


INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Slides: {book}</title>
<link rel="stylesheet" href="_assets/deck.css">
</head>
<body class="deck-index">
<h1>Slides for the five modules</h1>
<p>{book}, as of {as_of}.</p>
<ol>
{items}
</ol>
<p>Keys: arrow keys or space to move, <kbd>N</kbd> for the speaker notes, <kbd>S</kbd> for the
presenter view (notes, next slide and a clock, in a second window), <kbd>F</kbd> for full screen.
Print from the browser for one slide per page; with the notes shown, they print too.</p>
</body>
</html>
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--book", type=Path, default=BOOK_HTML, help="the built full edition (default: _build/html)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if not (args.book / "index.html").exists():
        print(f"No built book in {args.book}: run 'make book' first.", file=sys.stderr)
        return 1
    started = time.perf_counter()
    if args.output.exists():
        shutil.rmtree(args.output)
    (args.output / "_assets").mkdir(parents=True)
    for asset in ("deck.css", "deck.js"):
        shutil.copyfile(OUTLINES / asset, args.output / "_assets" / asset)
    book = Book(args.book.resolve(), args.output)
    items = []
    try:
        for outline in sorted(OUTLINES.glob("module-*.md")):
            module = int(outline.stem.split("-")[1])
            title, lines = parse_outline(outline)
            slides = build_slides(lines, book)
            (args.output / f"{outline.stem}.html").write_text(render_deck(module, title, slides), encoding="utf-8")
            items.append(f'<li><a href="{outline.stem}.html">Module {module}. {html.escape(title)}</a> ({len(slides) + 1} slides)</li>')
            print(f"{outline.stem}: {len(slides) + 1} slides")
    except OutlineError as error:
        print(f"slides: {error}", file=sys.stderr)
        return 1
    (args.output / "index.html").write_text(INDEX.format(book=html.escape(BOOK_TITLE), as_of=REVIEWED_ON.isoformat(), items="\n".join(items)), encoding="utf-8")
    size = sum(p.stat().st_size for p in args.output.rglob("*") if p.is_file())
    print(f"Slides in {args.output}: {size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
