"""Figures that change (counts of institutions, products, approvals), kept once in data/facts.yaml.

Pages show a fact with the ``{fact}`` role (book/_ext/facts.py); the timeline and the rules
read it here. Each fact carries the day it was stated and its source, so a reader can judge
its age.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .datafiles import load_data_file
from .errors import DataFileError, InputError
from .translation import ENGLISH, translate

_SCHEMA = {
    "reviewed_on": "date",
    "staleness_budget_months": "int",
    "facts": [
        {
            "id": "text",
            "value": "number_or_text",
            "phrase": "text",
            "as_of": "date",
            # A key of book/references.bib; the package does not ship the bibliography, so
            # tests/content/test_facts.py checks the key against it.
            "source": "text",
            "confidence": ("primary", "secondary"),
            "note": "text",
            "keywords": ["text"],
            "superseded_by?": "text",
        }
    ],
}

_SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True)
class Fact:
    id: str
    value: int | float | str
    phrase: str
    as_of: date
    source: str
    confidence: str
    note: str
    keywords: tuple[str, ...]
    superseded_by: str | None = None

    @property
    def is_secondary(self) -> bool:
        return self.confidence == "secondary"

    @property
    def is_history(self) -> bool:
        """A figure kept for its date after a newer one replaced it; it cannot go stale."""
        return self.superseded_by is not None

    @property
    def value_text(self) -> str:
        if isinstance(self.value, int) and 0 <= self.value < len(_SMALL_NUMBERS):
            return _SMALL_NUMBERS[self.value]
        if isinstance(self.value, int) and self.value >= 10000:
            return f"{self.value:,}"
        return str(self.value)

    @property
    def text(self) -> str:
        """The phrase with its value, as a sentence shows it: "71 designated institutions"."""
        return self.phrase.replace("{value}", self.value_text)

    def text_in(self, language: str) -> str:
        """The phrase with its value in ``language``; outside English a number is written in figures."""
        if language == ENGLISH:
            return self.text
        value = str(self.value) if isinstance(self.value, (int, float)) else translate(self.value, language)
        return translate(self.phrase, language).replace("{value}", value)

    def months_old(self, on: date) -> int:
        """Whole months from ``as_of`` to ``on``."""
        months = (on.year - self.as_of.year) * 12 + on.month - self.as_of.month
        return months - 1 if on.day < self.as_of.day else months


def _load() -> tuple[date, int, dict[str, Fact]]:
    data = load_data_file("facts.yaml", _SCHEMA, source_ids=None)
    by_id: dict[str, Fact] = {}
    for entry in data["facts"]:
        if entry["id"] in by_id:
            raise DataFileError("id", entry["id"], "each fact id once", problem="is listed twice", file="facts.yaml")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", entry["id"]):
            raise DataFileError("id", entry["id"], "lower-case letters, digits and _", problem="is not a valid fact id", file="facts.yaml")
        if "{value}" not in entry["phrase"]:
            raise DataFileError(
                f"{entry['id']}.phrase", entry["phrase"], "include {value} where the value goes", problem="has no place for the value", file="facts.yaml"
            )
        by_id[entry["id"]] = Fact(**{**entry, "keywords": tuple(entry["keywords"])})
    for fact in by_id.values():
        if fact.superseded_by is not None and fact.superseded_by not in by_id:
            raise DataFileError(
                f"{fact.id}.superseded_by", fact.superseded_by, "the id of another fact in facts.yaml", problem="is not a known fact", file="facts.yaml"
            )
    return data["reviewed_on"], data["staleness_budget_months"], by_id


REVIEWED_ON, STALENESS_BUDGET_MONTHS, _FACTS = _load()
"""The day the book's figures were last checked, and how old a current figure may be then."""


def facts() -> tuple[Fact, ...]:
    return tuple(_FACTS.values())


def fact(fact_id: str) -> Fact:
    try:
        return _FACTS[fact_id]
    except KeyError:
        raise InputError("fact", fact_id, "one of: " + ", ".join(sorted(_FACTS)), problem="is not a known fact") from None


def stale_facts(on: date = REVIEWED_ON, budget_months: int = STALENESS_BUDGET_MONTHS) -> tuple[Fact, ...]:
    """Current facts whose ``as_of`` date is more than ``budget_months`` before ``on``."""
    return tuple(f for f in _FACTS.values() if not f.is_history and f.months_old(on) > budget_months)


def fill(text: str) -> str:
    """Replace each ``{fact:ID}`` in ``text`` (a timeline row, say) with that fact's text."""
    return re.sub(r"\{fact:([a-z0-9_]+)\}", lambda m: fact(m.group(1)).text, text)
