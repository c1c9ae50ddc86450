"""Key instruments and their clause cards, from data/clause_cards.yaml.

An instrument card names its source; its English title, document number, address and
confidence come from data/sources.yaml, so they are kept once. A rule's fact may name the card
of the clause it rests on (``card: dal-65``), and a reason then carries the original words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .datafiles import load_data_file
from .errors import DataFileError, InputError
from .model import CONFIDENCE_LABELS, Source
from .sources import SOURCE_IDS, source

DATA_FILE = "clause_cards.yaml"
MAX_QUOTED_HAN = 60
"""A quotation is the operative phrase, never a whole article: at most this many Chinese characters."""

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

_CLAUSE = {
    "id": "text",
    "article": "text",
    "zh": "text",
    "en": "text",
    "read_on": "date",
    "read_at?": "text",
    "confidence": tuple(CONFIDENCE_LABELS),
    "note?": "text",
}
_SCHEMA = {
    "instruments": [
        {
            "id": "text",
            "source": "source",
            "name_zh": "text",
            "number_zh": "optional_text",
            "dates": {
                "signed": "optional_date",
                "published": "optional_date",
                "in_force": "optional_date",
                "amended?": ["date"],
                "repealed": "optional_date",
                "replaced_by": "optional_text",
            },
            "note?": "text",
            "clauses": [_CLAUSE],
        }
    ]
}


@dataclass(frozen=True)
class ClauseCard:
    id: str
    instrument_id: str
    article: str
    zh: str
    en: str
    read_on: date
    read_at: str | None
    confidence: str
    note: str | None

    @property
    def anchor(self) -> str:
        return f"clause-{self.id}"

    @property
    def quoted_han(self) -> int:
        """How many Chinese characters the quotation has (punctuation and digits not counted)."""
        return len(_HAN.findall(self.zh))


@dataclass(frozen=True)
class InstrumentCard:
    id: str
    source_id: str
    name_zh: str
    number_zh: str | None
    dates: dict
    note: str | None
    clauses: tuple[ClauseCard, ...]

    @property
    def anchor(self) -> str:
        return f"instrument-{self.id}"

    @property
    def source(self) -> Source:
        return source(self.source_id)


def _problem(field: str, value, allowed: str, problem: str) -> DataFileError:
    return DataFileError(field, value, allowed, problem=problem, file=DATA_FILE)


def _load() -> tuple[InstrumentCard, ...]:
    data = load_data_file(DATA_FILE, _SCHEMA, SOURCE_IDS)
    seen: set[str] = set()
    instruments = []
    for entry in data["instruments"]:
        clauses = []
        for clause in entry["clauses"]:
            for card_id in (entry["id"], clause["id"]) if not clauses else (clause["id"],):
                if not _ID.match(card_id):
                    raise _problem(card_id, card_id, "lower-case letters, digits and single hyphens", "is not a usable anchor")
                if card_id in seen:
                    raise _problem(card_id, card_id, "each instrument and card id once", "is listed twice")
                seen.add(card_id)
            card = ClauseCard(
                id=clause["id"], instrument_id=entry["id"], article=clause["article"], zh=clause["zh"],
                en=clause["en"], read_on=clause["read_on"], read_at=clause.get("read_at"),
                confidence=clause["confidence"], note=clause.get("note"),
            )
            if card.quoted_han > MAX_QUOTED_HAN:
                raise _problem(
                    f"{card.id}.zh", card.zh, f"at most {MAX_QUOTED_HAN} Chinese characters: the operative phrase only",
                    "is too long a quotation",
                )
            clauses.append(card)
        instruments.append(
            InstrumentCard(
                id=entry["id"], source_id=entry["source"], name_zh=entry["name_zh"], number_zh=entry["number_zh"],
                dates=entry["dates"], note=entry.get("note"), clauses=tuple(clauses),
            )
        )
    return tuple(instruments)


INSTRUMENTS = _load()
_CARDS = {card.id: card for instrument in INSTRUMENTS for card in instrument.clauses}
_INSTRUMENTS = {instrument.id: instrument for instrument in INSTRUMENTS}
CARD_IDS = frozenset(_CARDS)


def clause_card(card_id: str) -> ClauseCard:
    try:
        return _CARDS[card_id]
    except KeyError:
        raise InputError("card", card_id, "a clause card id of data/clause_cards.yaml", problem="is not a known clause card") from None


def instrument(instrument_id: str) -> InstrumentCard:
    return _INSTRUMENTS[instrument_id]


def instrument_of(card_id: str) -> InstrumentCard:
    return _INSTRUMENTS[clause_card(card_id).instrument_id]
