"""Citation labels that tell sources apart: "[National Medical Products Administration, 2025b]".

The default author-year style gave five different NMPA documents of 2025 the same label. Here
one function, ``citation_labels``, gives every entry of the bibliography its label:

- the entry's ``shorthand`` field when it has one (for documents better known by their
  number, such as "NMPA Announcement 2025 No. 96");
- otherwise "Author, Year" (two authors joined by "and", three or more as "First et al.");
- when several entries would share an "Author, Year" label, the suffixes a, b, c... in order
  of date, then key, as author-year styles do (two equal shorthands are an error instead).

The bibliography page shows the same label in front of each entry, and a citation in the text
shows it in brackets, so a reader can match the two. tests/content/test_bibliography.py uses
the same function to check that no two entries share a label.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from string import ascii_lowercase
from typing import Iterable, Mapping

import sphinxcontrib.bibtex.plugin
from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle


def _names(entry) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    last_names = [
        " ".join(part.render_as("text") for part in person.rich_prelast_names + person.rich_last_names)
        for person in people
    ]
    if not last_names:
        return entry.fields.get("title", entry.key).strip("{}")
    if len(last_names) > 2 or "others" in last_names:
        return f"{last_names[0]} et al."
    return " and ".join(last_names)


def base_label(entry) -> str:
    """The label before any a/b suffix."""
    shorthand = entry.fields.get("shorthand")
    if shorthand:
        return shorthand.strip("{}")
    return f"{_names(entry)}, {entry.fields.get('year', 'n.d.')}"


def citation_labels(entries: Iterable) -> dict[str, str]:
    """Every entry's label by key, with a, b, c... added where base labels coincide."""
    groups: dict[str, list] = defaultdict(list)
    for entry in entries:
        groups[base_label(entry)].append(entry)
    labels = {}
    for label, group in groups.items():
        # A shorthand is chosen by hand and must be unique on its own; a letter after it would
        # hide the clash (tests/content/test_bibliography.py reports it instead).
        if len(group) == 1 or any(e.fields.get("shorthand") for e in group):
            labels.update((e.key, label) for e in group)
            continue
        ordered = sorted(group, key=lambda e: (e.fields.get("date", e.fields.get("year", "")), e.key))
        for index, entry in enumerate(ordered):
            labels[entry.key] = f"{label}{_suffix(index)}"
    return labels


def _suffix(index: int) -> str:
    letters = ascii_lowercase
    return letters[index] if index < len(letters) else letters[index // len(letters) - 1] + letters[index % len(letters)]


class UniqueAuthorYearLabelStyle(BaseLabelStyle):
    """pybtex label style: the labels of ``citation_labels`` for the entries listed."""

    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        labels: Mapping[str, str] = citation_labels(entries)
        for entry in entries:
            yield labels[entry.key]


class AuthorYearFormattingStyle(PlainStyle):
    """The plain bibliography style, labelled with ``UniqueAuthorYearLabelStyle``."""

    default_label_style = "unique_author_year"
    default_sorting_style = "author_year_title"


@dataclass
class SemicolonLabelReferenceStyle(LabelReferenceStyle):
    """Citations by label; several keys are separated by semicolons, since labels hold commas."""

    bracket_parenthetical: BracketStyle = field(default_factory=lambda: BracketStyle(sep="; "))
    bracket_textual: BracketStyle = field(default_factory=lambda: BracketStyle(sep="; "))


register_plugin("pybtex.style.labels", "unique_author_year", UniqueAuthorYearLabelStyle)
register_plugin("pybtex.style.formatting", "unique_author_year", AuthorYearFormattingStyle)
sphinxcontrib.bibtex.plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", "unique_label", SemicolonLabelReferenceStyle)


def setup(app: Sphinx) -> dict:
    # The plugins are registered on import; Sphinx only needs to know the extension exists.
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
