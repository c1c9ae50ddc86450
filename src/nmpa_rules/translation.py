"""The rules' and calculators' words in the reader's language.

Every string a reader sees is written in English where it is made (a rule's reasons, an input's
label, a calendar's day names) and looked up, by its English, in a gettext catalogue of the
reader's language when it is shown: ``locales/<language>/LC_MESSAGES/<domain>.po`` beside this
module, one domain for the rules (``rules``) and one for the calculators' own words (``ui``).
gettext's .po format is what translators' tools (Poedit, Weblate, Babel) read and write, and it
is the format of the book's own Chinese catalogues: an English text that changes leaves its old
entry behind, which `scripts/rule_messages.py update` marks fuzzy, and a fuzzy entry is not used.

A text built from values ("In force from {start}.") is a :class:`Text`: it reads as its English,
and keeps its template and values so that a view can show it in another language. Values that
are themselves words (another :class:`Text`) are translated too; dates, numbers and plain strings
(document numbers, identifiers) are shown as they are.

The catalogues are read with the standard library only, so the same code runs in the browser
(Pyodide), in a kernel and on the command line.
"""

from __future__ import annotations

import ast
import string
from functools import cache
from pathlib import Path
from typing import Any

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAINS = ("rules", "ui")
ENGLISH = "en"
LANGUAGES = {"en": "English", "zh": "中文"}
"""The languages a reader can choose: code, and the language's name in itself."""

_FIELDS = string.Formatter()


class Text(str):
    """English words that remember how they were made, so a view can show them in another language."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Text:
        english = template.format(**values) if values else template
        text = super().__new__(cls, english)
        text.template = template
        text.values = values
        return text

    def __reduce__(self):
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, Any]) -> Text:
    return Text(template, **values)


def T(template: str, /, **values: Any) -> Text:
    """Mark ``template`` as words for the reader; ``values`` fill its ``{fields}``."""
    return Text(template, **values)


def join_words(separator: str, items: Any) -> Text:
    """``items`` joined by ``separator``, each shown in the reader's language.

    The template holds only fields and the separator, so it needs no catalogue entry.
    """
    items = list(items)
    return Text(separator.join(f"{{item{index}}}" for index in range(len(items))),
                **{f"item{index}": item for index, item in enumerate(items)})


class Capitalized(Text):
    """A text opening an English sentence: its first letter in capitals. Other languages
    show the text's own translation (Chinese has no capitals)."""

    def __new__(cls, text: str) -> Capitalized:
        english = str(text)
        capitalized = str.__new__(cls, english[:1].upper() + english[1:])
        capitalized.template = "{text}"
        capitalized.values = {"text": text if isinstance(text, Text) else Text(text)}
        return capitalized

    def __reduce__(self):
        return (Capitalized, (self.values["text"],))


class MissingTranslation(LookupError):
    """A text has no entry in the language's catalogue (raised only when asked to be strict)."""


def check_language(language: str) -> str:
    """``language`` if the calculators speak it; otherwise a message naming the codes allowed."""
    if language not in LANGUAGES:
        allowed = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        raise ValueError(f"language: {language!r} is not a language of the calculators; allowed: {allowed}")
    return language


def translate(text: Any, language: str, *, strict: bool = False) -> str:
    """``text`` in ``language``; English where the catalogue has no entry, unless ``strict``."""
    if language == ENGLISH or not isinstance(text, str):
        return text if isinstance(text, str) else str(text)
    template = text.template if isinstance(text, Text) else str(text)
    values = text.values if isinstance(text, Text) else {}
    translated = catalogue(language).get(template)
    if translated is None and only_fields(template):
        # Nothing to translate but the punctuation; a catalogue may still give the language's own.
        translated = template
    if translated is None:
        if strict:
            raise MissingTranslation(f"no {language} entry for {template!r}")
        translated = template
    if not values:
        return translated
    return translated.format(
        **{name: translate(value, language, strict=strict) if isinstance(value, Text) else value
           for name, value in values.items()}
    )


def only_fields(template: str) -> bool:
    """True for a template with no words of its own ("{label}: {status}"), which needs no catalogue entry."""
    return bool(fields(template)) and not any(
        char.isalpha() for literal, _, _, _ in _FIELDS.parse(template) for char in literal
    )


def fields(template: str) -> set[str]:
    """The ``{fields}`` a template fills: a translation must fill the same ones."""
    return {name for _, name, _, _ in _FIELDS.parse(template) if name}


@cache
def catalogue(language: str) -> dict[str, str]:
    """English text → translation, from every domain of ``language`` (fuzzy entries left out)."""
    check_language(language)
    entries: dict[str, str] = {}
    for domain in DOMAINS:
        path = LOCALES / language / "LC_MESSAGES" / f"{domain}.po"
        if path.is_file():
            entries.update(read_po(path.read_text(encoding="utf-8")))
    return entries


def read_po(text: str) -> dict[str, str]:
    """The translated, non-fuzzy entries of a .po file's text (msgctxt and plurals are not used here)."""
    entries: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    fuzzy = False
    current: list[str] | None = None

    def close() -> None:
        if msgid is not None and msgstr is not None and not fuzzy:
            english, translated = "".join(msgid), "".join(msgstr)
            if english and translated:
                entries[english] = translated

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#,"):
            close()
            msgid = msgstr = current = None
            fuzzy = "fuzzy" in line
        elif line.startswith("msgid "):
            if msgstr is not None:
                close()
                fuzzy = False
            msgid, msgstr = [ast.literal_eval(line[6:])], None
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [ast.literal_eval(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
        elif not line:
            close()
            msgid = msgstr = current = None
            fuzzy = False
    close()
    return entries
