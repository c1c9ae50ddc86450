"""The exceptions a caller can meet."""

from __future__ import annotations

from datetime import date

MISSING = object()
"""Stands for an input that was not given at all (None can be a real value)."""


def _show_value(value: object) -> str:
    if value is MISSING:
        return "(not given)"
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


class InputError(ValueError):
    """Bad input: the message names the field, the value and what is allowed.

    ``file`` and ``line`` point into a YAML file when the input came from one.
    """

    def __init__(
        self,
        field: str,
        value: object,
        allowed: str,
        *,
        problem: str = "is not allowed",
        file: str | None = None,
        line: int | None = None,
    ):
        self.field = field
        self.value = value
        self.allowed = allowed
        self.problem = problem
        self.file = file
        self.line = line
        super().__init__(self._sentence())

    def _sentence(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return f"{where}{self.field}: {_show_value(self.value)} {self.problem}; {self.allowed}"

    def __str__(self) -> str:
        return self._sentence()


class DataFileError(InputError):
    """A data file shipped with the package is malformed (raised at import)."""


class RuleTableError(RuntimeError):
    """An ordered rule table gave no answer or two answers: a bug in the table, not bad input."""
