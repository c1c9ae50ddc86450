"""Key instruments and clause cards, rendered from src/nmpa_rules/data/clause_cards.yaml.

```{instrument-cards}``` renders every instrument with its clause cards (the Key instruments
page). Each instrument card has the anchor ``instrument-<id>`` and each clause card
``clause-<id>``, so a calculator's reason and a chapter can link to one clause.

```{clause-card} dal-65``` renders one clause card where a chapter discusses the clause, with a
link to its instrument's card. ``{clause-card}`dal-65``` renders the clause's original words
inline, linked to the card.

The English title, document number, address and confidence of an instrument come from
data/sources.yaml (its ``source``); nothing here is typed a second time.

The glossary's index by Chinese term lives here too, since the glossary and the cards are the
book's terminology: ```{glossary-zh-index}``` lists every glossary entry that gives a Chinese
term, sorted by pinyin (computed with pypinyin at build time), each linked to its entry.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from html import escape
from pathlib import Path

from docutils import nodes
from pypinyin import Style, lazy_pinyin
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole

from nmpa_rules import clause_cards
from nmpa_rules.errors import InputError

CARDS_FILE = str(Path(clause_cards.__file__).parent / "data" / "clause_cards.yaml")
INSTRUMENTS_DOC = "book/reference/instruments"
BIBLIOGRAPHY_DOC = "book/reference/bibliography"
_DATE_LABELS = (
    ("signed", "Signed"),
    ("published", "Published"),
    ("in_force", "In force"),
    ("repealed", "Repealed"),
)


def _relative(from_doc: str, to_doc: str) -> str:
    return posixpath.relpath(to_doc, posixpath.dirname(from_doc)) + ".html"


def _bibliography_href(from_doc: str, source_id: str) -> str:
    # The same anchor rule as the calculators' links: cite-KEY, lower case, hyphens.
    anchor = re.sub(r"[^a-z0-9]+", "-", source_id.lower()).strip("-")
    return f"{_relative(from_doc, BIBLIOGRAPHY_DOC)}#cite-{anchor}"


def _card_href(from_doc: str, anchor: str) -> str:
    page = "" if from_doc == INSTRUMENTS_DOC else _relative(from_doc, INSTRUMENTS_DOC)
    return f"{page}#{anchor}"


def clause_card_html(card: clause_cards.ClauseCard, docname: str, *, with_instrument: bool) -> str:
    instrument = clause_cards.instrument(card.instrument_id)
    anchor_attr = f' id="{card.anchor}"' if docname == INSTRUMENTS_DOC else ""
    heading = escape(card.article)
    if with_instrument:
        heading = (
            f'<a href="{_card_href(docname, instrument.anchor)}">{escape(instrument.source.title)}</a>, {heading}'
        )
    where = f' (<a href="{escape(card.read_at)}">text read</a>)' if card.read_at else ""
    secondary = "" if card.confidence == "primary" else f"; {escape(card.confidence.replace('_', '-'))} source"
    note = f'<p class="clause-card-note">{escape(card.note)}</p>' if card.note else ""
    link = (
        ""
        if docname == INSTRUMENTS_DOC
        else f' · <a href="{_card_href(docname, card.anchor)}">card</a>'
    )
    return (
        f'<div class="clause-card"{anchor_attr}>'
        f'<p class="clause-card-article"><strong>{heading}</strong></p>'
        f'<blockquote class="clause-card-zh" lang="zh-CN"><p>「{escape(card.zh)}」</p></blockquote>'
        f'<p class="clause-card-en">{escape(card.en)}</p>'
        f'{note}'
        f'<p class="clause-card-meta"><small>Our rendering. Words read on {card.read_on.isoformat()}'
        f"{where}{secondary}{link}</small></p>"
        "</div>"
    )


def instrument_card_html(instrument: clause_cards.InstrumentCard, docname: str) -> str:
    source = instrument.source
    numbers = [escape(n) for n in (source.document_number, instrument.number_zh) if n]
    dates = [f"{label} {instrument.dates[key].isoformat()}" for key, label in _DATE_LABELS if instrument.dates.get(key)]
    if instrument.dates.get("amended"):
        dates.append("revised or amended " + ", ".join(d.isoformat() for d in instrument.dates["amended"]))
    if instrument.dates.get("replaced_by"):
        dates.append(f"replaced by {instrument.dates['replaced_by']}")
    text_link = f'<a href="{escape(source.url)}">official text or faithful repost</a>' if source.url else "no address given"
    rows = [
        ("Chinese title", f'<span lang="zh-CN">{escape(instrument.name_zh)}</span>'),
        ("Number", " · ".join(numbers) or "none"),
        ("Issued by", escape(source.issuer)),
        ("Dates", escape("; ".join(dates)) or "not given"),
        ("Source", f'{text_link}; <a href="{_bibliography_href(docname, source.id)}">bibliography entry</a>; '
                   f"{escape(source.confidence_label)}"),
    ]
    if instrument.note:
        rows.append(("Note", escape(instrument.note)))
    table = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    cards = "".join(clause_card_html(card, docname, with_instrument=False) for card in instrument.clauses)
    return (
        f'<section class="instrument-card" id="{instrument.anchor}">'
        f'<h3>{escape(source.title)}</h3>'
        f'<dl class="instrument-card-facts">{table}</dl>'
        f'<p><strong>Clauses</strong></p>{cards}'
        "</section>"
    )


class InstrumentCards(SphinxDirective):
    """Every instrument card with its clause cards, in the order of the data file."""

    def run(self):
        self.env.note_dependency(CARDS_FILE)
        html = "".join(instrument_card_html(instrument, self.env.docname) for instrument in clause_cards.INSTRUMENTS)
        return [nodes.raw("", html, format="html")]


class ClauseCardDirective(SphinxDirective):
    """One clause card, shown where a chapter discusses the clause."""

    required_arguments = 1

    def run(self):
        self.env.note_dependency(CARDS_FILE)
        try:
            card = clause_cards.clause_card(self.arguments[0])
        except InputError as err:
            return [self.state_machine.reporter.error(str(err), line=self.lineno)]
        return [nodes.raw("", clause_card_html(card, self.env.docname, with_instrument=True), format="html")]


class ClauseCardRole(SphinxRole):
    """The clause's original words inline, linked to its card."""

    def run(self):
        self.env.note_dependency(CARDS_FILE)
        try:
            card = clause_cards.clause_card(self.text.strip())
        except InputError as err:
            message = self.inliner.reporter.error(str(err), line=self.lineno)
            return [nodes.problematic(self.rawtext, self.rawtext)], [message]
        html = (
            f'<a class="clause-card-ref" lang="zh-CN" href="{_card_href(self.env.docname, card.anchor)}" '
            f'title="{escape(card.en)}">「{escape(card.zh)}」</a>'
        )
        return [nodes.raw("", html, format="html")], []


_GLOSSARY_BLOCK = re.compile(r"^(`{3,}|:{3,})\{glossary\}[^\n]*\n(.*?)^\1\s*$", re.MULTILINE | re.DOTALL)
_CHINESE_TERM = re.compile(r"\*\*([^*]*[\u3400-\u9fff][^*]*)\*\*(?:\s*\(([^);]+)[;)])?")


def chinese_index(page_text: str) -> list[tuple[str, str, str]]:
    """(Chinese term, its pinyin as the entry gives it, English headword) for every glossary
    entry whose definition opens with a Chinese term in bold, sorted by pinyin."""
    found = []
    for _, block in _GLOSSARY_BLOCK.findall(page_text):
        headword = None
        for line in block.splitlines():
            if line and not line[0].isspace() and not line.startswith(":"):
                headword = line.strip()
                continue
            if headword and line.strip():
                match = _CHINESE_TERM.match(line.strip())
                if match:
                    found.append((match.group(1), (match.group(2) or "").strip(), headword))
                headword = None
    with_pinyin = [(chinese, spelled or " ".join(lazy_pinyin(chinese, style=Style.TONE)), headword)
                   for chinese, spelled, headword in found]
    return sorted(with_pinyin, key=lambda entry: (pinyin_key(entry[1]), entry[0]))


def pinyin_key(spelled: str) -> str:
    """Pinyin as plain letters for sorting: tone marks, spaces and apostrophes dropped. An
    entry's own pinyin wins over pypinyin's guess, which can miss a reading (调休 is tiáoxiū)."""
    letters = unicodedata.normalize("NFD", spelled.lower())
    return "".join(char for char in letters if char.isascii() and (char.isalnum()))


class GlossaryChineseIndex(SphinxDirective):
    """A table of the page's glossary by Chinese term, in pinyin order, linked to each entry."""

    def run(self):
        path = self.env.doc2path(self.env.docname)
        entries = chinese_index(Path(path).read_text(encoding="utf-8"))
        table = nodes.table(classes=["glossary-zh-index"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (30, 35, 35):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        head += self._row([nodes.Text("中文"), nodes.Text("Pinyin"), nodes.Text("English entry")], translatable=(False, True, True))
        body = nodes.tbody()
        group += body
        for chinese, spelled, headword in entries:
            link = addnodes.pending_xref(
                "", refdomain="std", reftype="term", reftarget=headword, refexplicit=True, refwarn=True
            )
            link += nodes.inline(headword, headword)
            term = nodes.raw("", f'<span lang="zh-CN">{escape(chinese)}</span>', format="html")
            body += self._row([term, nodes.Text(spelled), link], translatable=(False, False, False))
        return [table]

    @staticmethod
    def _row(cells, translatable: tuple[bool, ...]) -> nodes.row:
        row = nodes.row()
        for cell, can_translate in zip(cells, translatable):
            entry = nodes.entry()
            paragraph = nodes.paragraph()
            # A Chinese term, its pinyin and an English headword read the same in both editions: a
            # message could only repeat them, and a translated headword cell would lose its link.
            paragraph["translatable"] = can_translate
            paragraph += cell
            entry += paragraph
            row += entry
        return row


def setup(app: Sphinx) -> dict:
    app.add_directive("instrument-cards", InstrumentCards)
    app.add_directive("clause-card", ClauseCardDirective)
    app.add_role("clause-card", ClauseCardRole())
    app.add_directive("glossary-zh-index", GlossaryChineseIndex)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
