"""Tables a phone reader can read without scrolling sideways.

On a narrow screen a table of three or more columns is shown as one card per row, each cell
preceded by its column's heading (book/_static/custom.css). CSS cannot read a heading into a
cell, so each body cell is given its heading as `data-label` here. The answer a reader looks
for (an outcome, a deadline) can sit in any column; stacking keeps every column on screen
rather than guessing which one matters. Wide screens still see the ordinary table.
"""

from __future__ import annotations

import re
from html import escape, unescape

from sphinx.application import Sphinx

TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
HEADER_ROW = re.compile(r"<thead\b[^>]*>.*?<tr\b[^>]*>(.*?)</tr>", re.S)
HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
BODY = re.compile(r"(<tbody\b[^>]*>)(.*?)(</tbody>)", re.S)
ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
CELL_START = re.compile(r"<t([dh])\b")
TAG = re.compile(r"<[^>]+>")
FEWEST_COLUMNS_TO_STACK = 3


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
        body = CELL_START.sub(lambda m: f'<t{m.group(1)} data-label="{escape(next(cells, ""))}"', row.group(2))
        return row.group(1) + body + row.group(3)

    labelled = BODY.sub(lambda b: b.group(1) + ROW.sub(label_row, b.group(2)) + b.group(3), table)
    return labelled.replace("<table", '<table data-stack-on-phone=""', 1)


def _stackable_tables(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "body" in context and "<table" in context["body"]:
        context["body"] = TABLE.sub(lambda m: _label_cells(m.group(0)), context["body"])


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _stackable_tables)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
