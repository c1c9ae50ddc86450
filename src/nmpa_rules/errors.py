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

    @property
    def problems(self) -> tuple["InputError", ...]:
        """Every problem this error reports; a single problem reports itself."""
        return (self,)


class InputErrors(InputError):
    """Several bad inputs of one call, reported together.

    It is an InputError about the first problem, so a caller that handles one problem at a
    time still works; ``problems`` holds them all, in input order.
    """

    def __init__(self, problems: "list[InputError] | tuple[InputError, ...]"):
        if not problems:
            raise ValueError("InputErrors needs at least one problem")
        self._problems = tuple(problems)
        first = self._problems[0]
        super().__init__(
            first.field, first.value, first.allowed, problem=first.problem, file=first.file, line=first.line
        )

    @property
    def problems(self) -> tuple[InputError, ...]:
        return self._problems

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self._problems)


class DataFileError(InputError):
    """A data file shipped with the package is malformed (raised at import)."""


class RuleTableError(RuntimeError):
    """An ordered rule table gave no answer or two answers: a bug in the table, not bad input."""
