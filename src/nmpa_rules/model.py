"""The plain data the rules take and give back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .translation import ENGLISH, T, Text, join_words, translate


def words(text: str | None) -> Text | None:
    """``text`` marked as words for the reader (a label, a title), so that a view can translate it."""
    return text if text is None or isinstance(text, Text) else T(text)


@dataclass(frozen=True)
class InputSpec:
    """One input of a rule, described well enough to build a form from it.

    ``default`` None means the input is required. An ``optional_date`` accepts None as a
    value (for example "not approved yet") but must still be given unless it has a default,
    or unless ``none_by_default`` says that leaving it out means "none" (an event that did
    not happen, such as a request that was never made).
    """

    name: str
    kind: str
    label: str
    help: str
    choices: tuple[tuple[str, str], ...] = ()
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    on_or_before_as_of: bool = False
    none_by_default: bool = False

    def __post_init__(self) -> None:
        # A rule writes its labels in plain English; they are marked as words here, once.
        object.__setattr__(self, "label", words(self.label))
        object.__setattr__(self, "help", words(self.help))
        object.__setattr__(self, "choices", tuple((value, words(label)) for value, label in self.choices))

    @property
    def required(self) -> bool:
        return self.default is None and not self.none_by_default

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.choices)


CONFIDENCE_LABELS = {
    # The legal text itself, or the issuing body's own release.
    "primary": T("primary source"),
    # Someone else's account of it: a law firm, a consultancy, the press.
    "secondary": T("secondary source"),
    # Data compiled by a third party from primary sources, such as a software library.
    "third_party": T("third-party source"),
}


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    issuer: str
    document_number: str | None
    clause: str | None
    published_on: date | None
    in_force_from: date | None
    in_force_until: date | None
    url: str | None
    confidence: str

    def __post_init__(self) -> None:
        # Titles, issuers and clauses are English renderings a view may translate. A document
        # number already in Chinese (国药监药管〔2024〕24号) is shown as it is.
        for name in ("title", "issuer", "clause"):
            object.__setattr__(self, name, words(getattr(self, name)))
        if self.document_number and any("a" <= char.lower() <= "z" for char in self.document_number):
            object.__setattr__(self, "document_number", words(self.document_number))

    @property
    def is_primary(self) -> bool:
        return self.confidence == "primary"

    @property
    def confidence_label(self) -> str:
        """"primary source", "secondary source" or "third-party source", for a reader."""
        return CONFIDENCE_LABELS[self.confidence]

    def citation(self) -> Text:
        number = T(", {number}", number=self.document_number) if self.document_number else ""
        return T("{issuer}, {title}{number} ({confidence})", issuer=self.issuer, title=self.title, number=number,
                 confidence=self.confidence_label)


@dataclass(frozen=True)
class RuleInfo:
    id: str
    title: str
    summary: str
    inputs: tuple[InputSpec, ...]
    outcomes: dict[str, str]
    source_ids: tuple[str, ...]
    in_force_from: date
    in_force_until: date | None
    successor: str | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", words(self.title))
        object.__setattr__(self, "summary", words(self.summary))
        object.__setattr__(self, "outcomes", {outcome: words(label) for outcome, label in self.outcomes.items()})
        object.__setattr__(self, "successor", words(self.successor))

    def in_force_on(self, as_of: date) -> bool:
        if as_of < self.in_force_from:
            return False
        return self.in_force_until is None or as_of <= self.in_force_until


@dataclass(frozen=True)
class Reason:
    check: str
    description: str
    passed: bool | None
    message: str
    source_id: str | None
    clause: str | None
    # The clause card of data/clause_cards.yaml holding the clause's original words, if any.
    card: str | None = None


def json_ready(value: Any) -> Any:
    """Dates become ISO strings and tuples lists, so json.dumps needs no help."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): json_ready(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(item) for item in value]
    return value


_MARKS = {True: T("pass"), False: T("FAIL"), None: T("info")}
SUMMARY_CHARS = 200
"""A value longer than this is summarized in explain(): --json gives it in full."""


def summarize(value: Any) -> str:
    """A JSON-ready value on one short line: a long list is counted, not dumped.

    A list of mappings with a "kind" (the review clock's calendar) is counted by kind.
    """
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if len(text) <= SUMMARY_CHARS:
        if isinstance(value, Text):
            return value
        if isinstance(value, list) and all(isinstance(item, Text) for item in value):
            return join_words(", ", value) if value else T("none")
        return text if text or not isinstance(value, list) else T("none")
    if isinstance(value, list) and value and all(isinstance(item, dict) and "kind" in item for item in value):
        counts: dict[str, int] = {}
        for item in value:
            counts[str(item["kind"])] = counts.get(str(item["kind"]), 0) + 1
        span = T(" from {first} to {last}", first=str(value[0].get("date")), last=str(value[-1].get("date"))) \
            if "date" in value[0] else ""
        by_kind = ", ".join(f"{kind} {count}" for kind, count in counts.items())
        return T("{count} entries{span} ({by_kind}); --json lists them", count=len(value), span=span, by_kind=by_kind)
    if isinstance(value, list):
        return T("{count} entries: {start}…", count=len(value), start=text[:SUMMARY_CHARS])
    return text[:SUMMARY_CHARS] + "…"


@dataclass(frozen=True)
class Decision:
    rule_id: str
    as_of: date
    outcome: str
    outcome_label: str
    reasons: tuple[Reason, ...]
    values: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    rules_version: str = ""

    def cited_source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.source_id for r in self.reasons if r.source_id))

    def to_dict(self, language: str = ENGLISH) -> dict[str, Any]:
        """The decision as JSON-ready data; in ``language``, the words are translated and ids,
        values, dates and addresses stay as they are."""
        from .sources import source

        def say(text: str | None) -> str | None:
            return text if text is None or language == ENGLISH else translate(text, language)

        return {
            "rule_id": self.rule_id,
            "as_of": self.as_of.isoformat(),
            "outcome": self.outcome,
            "outcome_label": say(self.outcome_label),
            "reasons": [
                {
                    "check": r.check,
                    "description": say(r.description),
                    "passed": r.passed,
                    "message": say(r.message),
                    "source_id": r.source_id,
                    "clause": say(r.clause),
                    "card": r.card,
                }
                for r in self.reasons
            ],
            "values": json_ready(self.values),
            "warnings": [say(warning) for warning in self.warnings],
            "sources": [
                {
                    "id": s.id,
                    "citation": say(s.citation()),
                    "confidence": s.confidence,
                    "url": s.url,
                }
                for s in map(source, self.cited_source_ids())
            ],
            "rules_version": self.rules_version,
        }

    def to_frame(self):
        import pandas as pd  # imported here so that `import nmpa_rules` stays fast

        return pd.DataFrame(
            [
                {
                    "check": r.check,
                    "passed": r.passed,
                    "message": r.message,
                    "source": r.source_id,
                    "clause": r.clause,
                }
                for r in self.reasons
            ],
            columns=["check", "passed", "message", "source", "clause"],
        )

    def explain(self, language: str = ENGLISH) -> str:
        """The decision as text in ``language``: the outcome, every reason, values, warnings, sources."""
        from .sources import source

        def say(text: Any) -> str:
            return translate(text, language)

        lines = [
            say(T("{rule} as of {as_of}: {outcome} ({label})", rule=self.rule_id, as_of=self.as_of.isoformat(),
                  outcome=self.outcome, label=self.outcome_label)),
            say(T("Reasons:")),
        ]
        for r in self.reasons:
            cited = f" [{r.source_id}, {say(r.clause)}]" if r.source_id else ""
            lines.append(f"  {say(_MARKS[r.passed]):<4} {r.check}: {say(r.message)}{cited}")
        if self.values:
            lines.append(say(T("Values:")))
            for key, value in json_ready(self.values).items():
                shown = summarize(value)
                lines.append(f"  {key}: {say(shown) if isinstance(shown, Text) else shown}")
        if self.warnings:
            lines.append(say(T("Warnings:")))
            lines.extend(f"  - {say(warning)}" for warning in self.warnings)
        lines.append(say(T("Sources:")))
        for s in map(source, self.cited_source_ids()):
            lines.append(f"  {s.id}: {say(s.citation())}")
        lines.append(say(T("Rules data version: {version}", version=self.rules_version)))
        return "\n".join(lines)
