"""The exceptions a caller can meet."""

from __future__ import annotations

from datetime import date

from .translation import ENGLISH, T, translate

MISSING = object()
"""Stands for an input that was not given at all (None can be a real value)."""

SHOWN_VALUE_CHARS = 60
"""An echoed value longer than this is cut, so that a message stays one readable line."""


def shorten(text: str, limit: int = SHOWN_VALUE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show_value(value: object) -> str:
    """A value as a message quotes it: dates in ISO form, anything else by repr, cut short."""
    if value is MISSING:
        return T("(not given)")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        # repr() of a huge int is slow, and refused past 4300 digits: say how big it is instead.
        return T("a whole number of about {digits} digits", digits=int(value.bit_length() * 0.30103))
    try:
        text = repr(value)
    except Exception:  # a value whose repr fails must not hide the problem with it
        text = f"<{type(value).__name__}>"
    return shorten(text)


def _show_field(field: object) -> str:
    """A field's name as given; quoted when it is not plain printable text."""
    text = str(field)
    return shorten(text if text.isprintable() else repr(field))


def one_line(text: str) -> str:
    """``text`` with every character that would break or hide a line written as an escape."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class InputError(ValueError):
    """Bad input: the message names the field, the value and what is allowed.

    ``file``, ``line`` and ``case`` point into a scenario or data file when the input came
    from one. ``label`` is the field's name for a reader (a calculator shows
    ``reader_message()``, never the field's internal name); ``reader_allowed`` says what is
    allowed in a reader's words when ``allowed`` names internal values.
    """

    def __init__(
        self,
        field: str,
        value: object,
        allowed: str,
        *,
        problem: str = T("is not allowed"),
        file: str | None = None,
        line: int | None = None,
        case: str | None = None,
        label: str | None = None,
        reader_allowed: str | None = None,
    ):
        self.field = field
        self.value = value
        self.allowed = allowed
        self.problem = problem
        self.file = file
        self.line = line
        self.case = case
        self.label = label
        self.reader_allowed = reader_allowed
        super().__init__(self._sentence())

    def _sentence(self, language: str = ENGLISH) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        if self.case:
            where += f"{self.case}: "
        return f"{where}{_show_field(self.field)}: {self._problem(self.allowed, language)}"

    def _problem(self, allowed: str, language: str) -> str:
        """"<value> <problem>; <allowed>" in ``language``."""
        # A value is quoted as given (a plain string is never looked up), unless it is a
        # description of one ("(not given)"), which is a Text and so translated.
        return translate(T("{value} {problem}; {allowed}", value=show_value(self.value), problem=self.problem,
                           allowed=allowed), language)

    def __str__(self) -> str:
        return self._sentence()

    def message(self, language: str = ENGLISH) -> str:
        """The whole message, as ``str()`` gives it in English, in ``language``."""
        return self._sentence(language)

    def reader_message(self, language: str = ENGLISH) -> str:
        """The problem in a reader's words: the field by its label, never its internal name."""
        name = translate(self.label, language) if self.label else _show_field(self.field)
        return f"{name}: {self._problem(self.reader_allowed or self.allowed, language)}"

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
            first.field,
            first.value,
            first.allowed,
            problem=first.problem,
            file=first.file,
            line=first.line,
            case=first.case,
            label=first.label,
            reader_allowed=first.reader_allowed,
        )

    @property
    def problems(self) -> tuple[InputError, ...]:
        return self._problems

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self._problems)

    def message(self, language: str = ENGLISH) -> str:
        return "\n".join(problem.message(language) for problem in self._problems)

    def reader_message(self, language: str = ENGLISH) -> str:
        return "\n".join(problem.reader_message(language) for problem in self._problems)


def raise_all(problems: list[InputError]) -> None:
    """Raise nothing, the one problem, or InputErrors with all of them."""
    flat = [single for problem in problems for single in problem.problems]
    if len(flat) == 1:
        raise flat[0]
    if flat:
        raise InputErrors(flat)


class DataFileError(InputError):
    """A data file shipped with the package is malformed (raised at import)."""


class RuleTableError(RuntimeError):
    """An ordered rule table gave no answer or two answers: a bug in the table, not bad input."""
