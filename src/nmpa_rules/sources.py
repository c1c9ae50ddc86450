"""The sources the rules cite, from data/sources.yaml."""

from __future__ import annotations

from .datafiles import load_data_file
from .errors import DataFileError, InputError
from .model import CONFIDENCE_LABELS, Source
from .translation import T

_SCHEMA = [
    {
        "id": "text",
        "title": "text",
        "issuer": "text",
        "document_number": "optional_text",
        "clause": "optional_text",
        "published_on": "optional_date",
        "in_force_from": "optional_date",
        "in_force_until": "optional_date",
        "url": "optional_text",
        "confidence": tuple(CONFIDENCE_LABELS),
    }
]


def _load() -> dict[str, Source]:
    entries = load_data_file("sources.yaml", _SCHEMA, source_ids=None)
    by_id: dict[str, Source] = {}
    for entry in entries:
        if entry["id"] in by_id:
            raise DataFileError("id", entry["id"], T("each source id once"), problem=T("is listed twice"), file="sources.yaml")
        by_id[entry["id"]] = Source(**entry)
    return by_id


_SOURCES = _load()
SOURCE_IDS = frozenset(_SOURCES)


def sources() -> tuple[Source, ...]:
    return tuple(_SOURCES.values())


def source(source_id: str) -> Source:
    try:
        return _SOURCES[source_id]
    except KeyError:
        raise InputError(
            "source", source_id, T("one of: {values}", values=", ".join(sorted(_SOURCES))), problem=T("is not a known source")
        ) from None
