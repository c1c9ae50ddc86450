"""Tables a phone reader can read without scrolling sideways.

On a narrow screen a table of three or more columns is shown as one card per row, each cell
preceded by its column's heading (book/_static/custom.css), in a label column as wide as the
table's longest heading word. CSS cannot read a heading into a
cell, so each body cell is given its heading as `data-label` here. The answer a reader looks
for (an outcome, a deadline) can sit in any column; stacking keeps every column on screen
rather than guessing which one matters. Wide screens still see the ordinary table.

ISO dates in a page's text are kept on one line, in tables and prose alike.

Some browsers drop a table's semantics once CSS changes its `display`, so a stacked table also
states its structure in ARIA roles (table, rowgroup, row, columnheader, cell).
"""

from __future__ import annotations

import re
from html import escape, unescape

from sphinx.application import Sphinx

TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
HEADER_ROW = re.compile(r"<thead\b[^>]*>.*?<tr\b[^>]*>(.*?)</tr>", re.S)
HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
BODY = re.compile(r"(<tbody\b[^>]*>)(.*?)(</tbody>)", re.S)
HEAD = re.compile(r"(<thead\b[^>]*>)(.*?)(</thead>)", re.S)
ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
CELL_START = re.compile(r"<t([dh])\b")
TAG = re.compile(r"<[^>]+>")
FEWEST_COLUMNS_TO_STACK = 3
# Markup, and elements whose text is not shown as text: only the text between them is touched.
NOT_TEXT = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<textarea\b.*?</textarea>|<[^>]+>)", re.S | re.I)
ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")


def _text(html: str) -> str:
    return " ".join(unescape(TAG.sub("", html)).split())


def _label_cells(table: str) -> str:
    header = HEADER_ROW.search(table)
    if not header or "<table" in table[6:]:  # no heading row, or a nested table: leave it
        return table
    headings = [_text(cell) for cell in HEADER_CELL.findall(header.group(1))]
    if len(headings) < FEWEST_COLUMNS_TO_STACK or "colspan" in table:
        return table

    def label_row(row: re.Match) -> str:
        cells = iter(headings)
        body = CELL_START.sub(
            lambda m: f'<t{m.group(1)} role="{"cell" if m.group(1) == "d" else "rowheader"}" data-label="{escape(next(cells, ""))}"',
            row.group(2),
        )
        return _with_role(row.group(1), "row") + body + row.group(3)

    labelled = BODY.sub(lambda b: _with_role(b.group(1), "rowgroup") + ROW.sub(label_row, b.group(2)) + b.group(3), table)
    labelled = HEAD.sub(lambda h: _with_role(h.group(1), "rowgroup") + _roles_in_header(h.group(2)) + h.group(3), labelled)
    start = re.match(r"<table\b[^>]*>", labelled).group(0)
    if 'style="' in start:  # a table with its own style (calculator outputs) keeps it
        marked = start.replace('style="', f'style="{_label_width(headings)};', 1)
    else:
        marked = start[:-1] + f' style="{_label_width(headings)}">'
    return labelled.replace(start, marked.replace("<table", '<table data-stack-on-phone="" role="table"', 1), 1)


def _label_width(headings: list[str]) -> str:
    """The width of the label column on a phone: its longest word fits unbroken ("Fundamentals",
    "Intermediate"), within bounds that leave the values most of the card. Bold text in a wide
    sans-serif (DejaVu Sans) runs at up to 0.72 em a character; the CSS still wraps a longer word
    anywhere rather than overlap."""
    longest = max((len(word) for heading in headings for word in heading.split()), default=0)
    return f"--nmpa-label-width: {min(max(longest * 0.72 + 0.3, 4.5), 10):.2f}em"


def _with_role(start_tag: str, role: str) -> str:
    return start_tag if "role=" in start_tag else start_tag[:-1] + f' role="{role}">'


def _roles_in_header(header: str) -> str:
    header = re.sub(r"<tr\b[^>]*>", lambda m: _with_role(m.group(0), "row"), header)
    return re.sub(r"<th\b(?![^>]*role=)", '<th role="columnheader"', header)


def _dates_unbroken(body: str) -> str:
    """Each ISO date in the text kept on one line: a narrow column otherwise breaks 2026-01-20
    after a hyphen, and half a date reads as a number."""
    parts = NOT_TEXT.split(body)
    for index in range(0, len(parts), 2):
        parts[index] = ISO_DATE.sub(r'<span class="nmpa-date">\g<0></span>', parts[index])
    return "".join(parts)


def _stackable_tables(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "body" in context and "<table" in context["body"]:
        context["body"] = TABLE.sub(lambda m: _label_cells(m.group(0)), context["body"])
    if "body" in context:
        context["body"] = _dates_unbroken(context["body"])


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _stackable_tables)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
