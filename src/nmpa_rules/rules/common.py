"""What every rule module needs: collecting reasons, and refusing to run outside its window."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model import Reason
from ..translation import Capitalized, T


@dataclass
class Finding:
    """A rule's answer before evaluate() adds labels, source warnings and the data version."""

    outcome: str = ""
    reasons: list[Reason] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, check: str, description: str, passed: bool | None, message: str, fact: dict) -> None:
        """Record one reason resting on ``fact``; the fact's caveat, if any, becomes a warning."""
        self.reasons.append(Reason(check, description, passed, message, fact["source"], fact["clause"], fact.get("card")))
        if fact.get("caveat"):
            self.warn(fact["caveat"])

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def all_passed(self) -> bool:
        return all(reason.passed is not False for reason in self.reasons)


def check_in_force(
    window: dict,
    on: date,
    *,
    subject: str,
    successor: dict | None = None,
    check: str = "in_force",
) -> Finding:
    """A finding that opens with the validity check; outcome not_in_force when ``on`` is outside.

    Windows are inclusive. Once a rule has expired it never falls through to its old answer:
    the reader is told when it was last in force and what, if anything, took its place.
    """
    start, end = window["from"], window.get("until")
    finding = Finding()
    description = T("Is {subject} in force on {on}?", subject=subject, on=on.isoformat())
    if start <= on and (end is None or on <= end):
        until = T(" to {end}", end=end.isoformat()) if end else ""
        finding.add(check, description, True, T("In force from {start}{until}.", start=start.isoformat(), until=until), window)
        return finding
    finding.outcome = "not_in_force"
    if on < start:
        status = T("not in force on {on}; first in force on {start}", on=on.isoformat(), start=start.isoformat())
    else:
        status = T("not in force on {on}; last in force until {end}", on=on.isoformat(), end=end.isoformat())
    finding.add(check, description, False, T("{subject}: {status}.", subject=Capitalized(subject), status=status), window)
    if successor is not None and on > end:
        finding.add(
            "successor",
            T("Which provision took its place?"),
            None,
            T("Successor provision, in force since {start}: {text}.", start=successor["from"].isoformat(),
              text=T(successor["text"])),
            successor,
        )
    return finding
