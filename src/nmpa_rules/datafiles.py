"""Load the dated facts in ``data/`` and refuse a malformed file at import time.

A schema is plain Python: a type name ("date", "optional_date", "text", "optional_text",
"number", "int", "number_or_text", "source"), a tuple of allowed strings, a one-item list (a list of that
schema), a dict (a mapping; a key ending in "?" is optional) or ``MapOf(schema)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from .errors import DataFileError
from .yaml_io import Lines, line_of, load_yaml

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class MapOf:
    """A mapping with free keys whose values all follow ``schema``."""

    schema: Any


FACT = {"source": "source", "clause": "text", "caveat?": "text", "card?": "text"}
"""Every fact names the source it rests on and the clause; a caveat becomes a warning; a card
names the clause card (data/clause_cards.yaml) that holds the clause's original words."""


def fact(**fields: Any) -> dict[str, Any]:
    return {**FACT, **fields}


WINDOW = fact(**{"from": "date", "until": "optional_date"})

_TYPE_RULES = {
    "date": (lambda v: isinstance(v, date), "a date (YYYY-MM-DD, unquoted)"),
    "optional_date": (lambda v: v is None or isinstance(v, date), "a date (YYYY-MM-DD) or null"),
    "text": (lambda v: isinstance(v, str) and v.strip() != "", "non-empty text"),
    "optional_text": (lambda v: v is None or (isinstance(v, str) and v.strip() != ""), "text or null"),
    "number": (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), "a number"),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "a whole number"),
    "number_or_text": (
        lambda v: (isinstance(v, (int, float)) and not isinstance(v, bool)) or (isinstance(v, str) and v.strip() != ""),
        "a number or non-empty text",
    ),
}


class _Checker:
    def __init__(self, file_name: str, lines: Lines, source_ids: frozenset[str] | None):
        self.file_name = file_name
        self.lines = lines
        self.source_ids = source_ids

    def fail(self, path: tuple, value: Any, allowed: str, problem: str = "is not allowed") -> None:
        field = ".".join(str(part) for part in path) or "(top level)"
        raise DataFileError(
            field, value, allowed, problem=problem, file=self.file_name, line=line_of(self.lines, path)
        )

    def check(self, value: Any, schema: Any, path: tuple) -> None:
        if isinstance(schema, str) and schema == "source":
            self._check_source(value, path)
        elif isinstance(schema, str):
            accepts, wanted = _TYPE_RULES[schema]
            if not accepts(value):
                self.fail(path, value, f"expected {wanted}")
        elif isinstance(schema, tuple):
            if value not in schema:
                self.fail(path, value, "expected one of: " + ", ".join(schema))
        elif isinstance(schema, list):
            self._check_list(value, schema[0], path)
        elif isinstance(schema, MapOf):
            if not isinstance(value, dict) or not value:
                self.fail(path, value, "expected a non-empty mapping")
            for key, item in value.items():
                self.check(item, schema.schema, path + (key,))
        else:
            self._check_mapping(value, schema, path)

    def _check_source(self, value: Any, path: tuple) -> None:
        if not isinstance(value, str):
            self.fail(path, value, "expected a source id (a key of book/references.bib)")
        if self.source_ids is not None and value not in self.source_ids:
            self.fail(path, value, "expected a source id listed in data/sources.yaml", problem="is not a known source")

    def _check_list(self, value: Any, item_schema: Any, path: tuple) -> None:
        if not isinstance(value, list) or not value:
            self.fail(path, value, "expected a non-empty list")
        for index, item in enumerate(value):
            self.check(item, item_schema, path + (index,))
        if all(isinstance(item, dict) and "from" in item for item in value):
            self._check_dated_list(value, path)

    def _check_dated_list(self, entries: list[dict], path: tuple) -> None:
        for index, (earlier, later) in enumerate(zip(entries, entries[1:]), start=1):
            if earlier["until"] is None or later["from"] <= earlier["until"]:
                previous_end = earlier["until"].isoformat() if earlier["until"] else "none (open-ended)"
                self.fail(
                    path + (index, "from"),
                    later["from"],
                    f"dated entries must follow each other without overlap (previous entry ends: {previous_end})",
                    problem="overlaps the previous entry",
                )

    def _check_mapping(self, value: Any, schema: dict, path: tuple) -> None:
        if not isinstance(value, dict):
            self.fail(path, value, "expected a mapping with keys " + ", ".join(k.rstrip("?") for k in schema))
        known = {key.rstrip("?") for key in schema}
        for key in value:
            if key not in known:
                self.fail(path + (key,), value[key], "allowed keys: " + ", ".join(sorted(known)), problem="is under an unknown key")
        for key, item_schema in schema.items():
            name = key.rstrip("?")
            if name not in value:
                if not key.endswith("?"):
                    self.fail(path + (name,), None, f"add the key '{name}'", problem="is missing")
                continue
            self.check(value[name], item_schema, path + (name,))
        start, end = value.get("from"), value.get("until")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            self.fail(path + ("until",), end, f"must be on or after from ({start.isoformat()})", problem="is before the start")


def load_data_file(
    file_name: str,
    schema: Any,
    source_ids: frozenset[str] | None,
    directory: Path = DATA_DIR,
) -> Any:
    """The validated content of one data file; DataFileError names the file and the problem."""
    path = directory / file_name
    data, lines = load_yaml(path, error_type=DataFileError)
    _Checker(str(path), lines, source_ids).check(data, schema, ())
    return data


def cited_sources(*data: Any) -> tuple[str, ...]:
    """Every source id the data files cite, in order of first appearance: a rule's list of
    sources is read from its data, so it cannot drift from what its reasons cite."""
    found: dict[str, None] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("source"), str):
                found.setdefault(value["source"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for item in data:
        walk(item)
    return tuple(found)


def require_subset(file_name: str, field: str, values: Iterable[str], allowed: Iterable[str]) -> None:
    """The data may only name values the rule's inputs can take."""
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise DataFileError(
            field,
            unknown,
            "allowed: " + ", ".join(sorted(allowed)),
            problem="names values the rule's inputs do not have",
            file=file_name,
        )


def entry_on(entries: list[dict], on: date) -> dict | None:
    """The dated entry that applies on ``on`` (windows are inclusive), if any."""
    for entry in entries:
        if entry["from"] <= on and (entry.get("until") is None or on <= entry["until"]):
            return entry
    return None
