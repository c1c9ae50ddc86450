"""Check a rule's inputs against its InputSpecs, and read them from command-line text.

Numbers: any ``int`` (of any size), ``float``, ``fractions.Fraction``, ``decimal.Decimal``
or numpy scalar is judged by its exact value against the input's minimum and maximum; a
yes/no value is never a number. Every number input declares a maximum, so that a value
too large for a float is refused with a message instead of overflowing.

Text: ``read_text`` is the only reader of typed text, for every route (command line, the
website's form, the notebook widgets, scenario files). It reads after Unicode NFKC
normalization, so full-width digits and dashes ("２０２５－０１－０１", "５") and
superscript digits are accepted as their ASCII forms; digits of any other script (such as
Arabic-Indic "٥") are refused.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from numbers import Integral, Real
from typing import Any, Mapping

from .datafiles import MapOf, load_data_file
from .errors import MISSING, InputError, InputErrors, raise_all
from .model import InputSpec, RuleInfo
from .translation import T, Text, join_words

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DECIMAL_NUMBER = re.compile(r"[+-]?([0-9][0-9_]*)?(\.[0-9_]*)?([eE][+-]?[0-9]+)?")
# Wide enough for any rule; bounded so that counting forward can never overflow a date.
EARLIEST, LATEST = date(1900, 1, 1), date(2099, 12, 31)
AS_OF_LABEL = T("As of")
AS_OF = InputSpec("as_of", "date", AS_OF_LABEL, T("The date on which the rules are applied."))
MAX_TEXT_CHARS = 1000
"""Longer text is never a date or a number; it is refused without being read."""


def normalize_text(text: str) -> str:
    """Full-width forms become ASCII (NFKC); surrounding spaces go."""
    return unicodedata.normalize("NFKC", text[:MAX_TEXT_CHARS]).strip()


def parse_date(field: str, value: Any, *, allow_none: bool = False, label: str | None = None) -> date | None:
    """A ``date`` or an ISO "YYYY-MM-DD" string; datetimes are refused as ambiguous."""
    allowed = T("a date as YYYY-MM-DD between {earliest} and {latest}{or_none}", earliest=str(EARLIEST),
                latest=str(LATEST), or_none=T(", or none") if allow_none else "")

    def refuse(problem: Text) -> InputError:
        return InputError(field, value, allowed, problem=problem, label=label)

    if value is None and allow_none:
        return None
    if isinstance(value, datetime):
        raise refuse(T("is a date and time, not a date"))
    parsed = value
    if isinstance(value, str) and len(value) <= MAX_TEXT_CHARS:
        text = normalize_text(value)
        if _ISO_DATE.fullmatch(text):
            try:
                parsed = date.fromisoformat(text)
            except ValueError:
                raise refuse(T("is not a real calendar date")) from None
    if not isinstance(parsed, date):
        raise refuse(T("is not a date"))
    if not EARLIEST <= parsed <= LATEST:
        raise refuse(T("is outside the supported range"))
    return parsed


def _is_numpy_bool(value: Any) -> bool:
    return type(value).__module__ == "numpy" and type(value).__name__ in ("bool_", "bool")


def _check_one(spec: InputSpec, value: Any) -> Any:
    if spec.kind == "bool":
        if _is_numpy_bool(value):
            return bool(value)
        if not isinstance(value, bool):
            raise InputError(spec.name, value, T("use true or false"), problem=T("is not a yes/no value"),
                             label=spec.label, reader_allowed=_reader_kind(spec))
        return value
    if spec.kind in ("date", "optional_date"):
        return parse_date(spec.name, value, allow_none=spec.kind == "optional_date", label=spec.label)
    if spec.kind == "number":
        return _check_number(spec, value)
    if not isinstance(value, str) or value not in spec.choice_values:
        raise InputError(
            spec.name, value, one_of(spec.choice_values), problem=T("is not a known value"),
            label=spec.label, reader_allowed=_reader_kind(spec),
        )
    return value


def one_of(values: "tuple[str, ...] | list[str]") -> Text:
    """"one of: a, b, c" for internal values, which stay as they are in every language."""
    return T("one of: {values}", values=", ".join(values))


def describe_number(spec: InputSpec) -> Text:
    wanted = T("a whole number") if spec.integer else T("a number")
    low = f"{spec.minimum:g}" if spec.minimum is not None else None
    high = f"{spec.maximum:g}" if spec.maximum is not None else None
    if low is not None and high is not None:
        return T("{wanted} of at least {minimum} and at most {maximum}", wanted=wanted, minimum=low, maximum=high)
    if low is not None:
        return T("{wanted} of at least {minimum}", wanted=wanted, minimum=low)
    if high is not None:
        return T("{wanted} of at most {maximum}", wanted=wanted, maximum=high)
    return wanted


def _exact_number(value: Any) -> int | Decimal | Real | None:
    """The value as an exact number Python compares correctly with a float, or None."""
    if isinstance(value, bool) or _is_numpy_bool(value):
        return None
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, Real):
        try:
            return value if math.isfinite(value) else None
        except OverflowError:  # a Fraction too large for a float is still finite
            return value
    return None


def _check_number(spec: InputSpec, value: Any) -> int | float:
    def refuse(problem: Text) -> InputError:
        return InputError(spec.name, value, T("give {wanted}", wanted=describe_number(spec)), problem=problem,
                          label=spec.label)

    number = _exact_number(value)
    if number is None:
        raise refuse(T("is not a number"))
    if spec.minimum is not None and number < spec.minimum:
        raise refuse(T("is too small"))
    if spec.maximum is not None and number > spec.maximum:
        raise refuse(T("is too large"))
    if spec.integer and number != int(number):
        raise refuse(T("is not a whole number"))
    try:
        return int(number) if spec.integer else float(number)
    except OverflowError:  # only an input without a maximum can get here
        raise refuse(T("is too large")) from None


_CHANGE = {"changed_on": "date", "old?": "text", "new?": ["text"], "added?": ["text"], "what": "text"}
CHANGED_INPUTS: dict[str, list[dict[str, Any]]] = load_data_file("changed_inputs.yaml", MapOf([_CHANGE]), None)
"""Per rule, its renamed, replaced and added inputs with the day of the change."""


def _unknown_input(info: RuleInfo, name: str, value: Any, names: list[str]) -> InputError:
    for change in CHANGED_INPUTS.get(info.id, ()):
        if change.get("old") == name:
            return InputError(
                name, value, T("use {names} instead: {what}", names=" and ".join(change["new"]), what=T(change["what"])),
                problem=T("was replaced on {date}", date=change["changed_on"].isoformat()),
                reader_allowed=T("this calculator has no such question"),
            )
    return InputError(
        name, value, T("{rule} takes: {names}", rule=info.id, names=", ".join(names)),
        problem=T("is not an input of this rule"), reader_allowed=T("this calculator has no such question"),
    )


def _added_on(info: RuleInfo, name: str) -> Text | str:
    for change in CHANGED_INPUTS.get(info.id, ()):
        if name in change.get("added", ()):
            return T(" (an input since {date}: {what})", date=change["changed_on"].isoformat(), what=T(change["what"]))
    return ""


def check_inputs(info: RuleInfo, as_of: date | None, given: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs, with defaults filled in and date strings turned into dates.

    Every problem is reported at once: InputError for one, InputErrors for several, in the
    order unknown inputs, then the rule's inputs as declared. ``as_of`` None means as_of
    itself was wrong; the inputs are still checked, except against as_of.
    """
    names = [spec.name for spec in info.inputs]
    problems: list[InputError] = []
    for name in given:
        if name not in names:
            problems.append(_unknown_input(info, name, given[name], names))
    checked: dict[str, Any] = {}
    for spec in info.inputs:
        if spec.name not in given:
            if spec.required:
                problems.append(InputError(
                    spec.name, MISSING,
                    T("required: {label} ({kind}){added}", label=spec.label, kind=describe_kind(spec),
                      added=_added_on(info, spec.name)),
                    problem=T("is missing"),
                    label=spec.label, reader_allowed=_reader_kind(spec),
                ))
            checked[spec.name] = spec.default
            continue
        try:
            value = _check_one(spec, given[spec.name])
        except InputError as problem:
            problems.append(problem)
            continue
        if spec.on_or_before_as_of and value is not None and as_of is not None and value > as_of:
            problems.append(InputError(
                spec.name,
                value,
                T("it must be on or before the as-of date (it cannot have happened yet)"),
                problem=T("is after the as-of date {as_of}", as_of=as_of.isoformat()),
                label=spec.label,
            ))
        checked[spec.name] = value
    raise_all(problems)
    return checked


def describe_kind(spec: InputSpec) -> Text:
    if spec.kind == "bool":
        return T("true or false")
    if spec.kind == "date":
        return T("a date, YYYY-MM-DD")
    if spec.kind == "optional_date":
        return T("a date, YYYY-MM-DD, or none")
    if spec.kind == "number":
        return describe_number(spec)
    return one_of(spec.choice_values)


def _reader_kind(spec: InputSpec) -> Text:
    if spec.kind == "bool":
        return T("choose Yes or No")
    if spec.kind == "choice":
        return T("choose one of: {labels}", labels=join_words("; ", (label for _, label in spec.choices)))
    if spec.kind == "optional_date":
        return T("give a date, or none if it has not happened")
    return T("give {kind}", kind=describe_kind(spec))


def as_text(spec: InputSpec, value: Any) -> Any:
    """A value as a form's control holds it: text for dates and numbers, None for "none yet",
    yes/no and choices unchanged. read_text reads it back to the same value."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if spec.kind == "number":
        return f"{value:g}"
    return str(value)


def read_text(spec: InputSpec, value: Any) -> Any:
    """What a person typed for ``spec``, as check_inputs takes it: the one reader of typed text
    for every route (command line, the website's form, the notebook widgets, scenario files).

    Blank text is MISSING (not given), as is None for any input but an optional date, where
    None, "none" and "null" mean "no date". Text that does not read as the input's kind is
    passed on as it is, so that the message quotes what was typed; a value that is not text
    (a YAML number, a form's yes/no) passes unchanged.
    """
    if value is None:
        return None if spec.kind == "optional_date" else MISSING
    if not isinstance(value, str):
        return value
    if len(value) > MAX_TEXT_CHARS:
        return value
    lowered = normalize_text(value).lower()
    if not lowered:
        return MISSING
    if spec.kind == "bool":
        return {"true": True, "false": False}.get(lowered, value)
    if spec.kind == "optional_date" and lowered in ("none", "null"):
        return None
    if spec.kind == "number" and _DECIMAL_NUMBER.fullmatch(lowered) and any(c.isdigit() for c in lowered):
        try:
            number = Decimal(lowered)
        except InvalidOperation:
            return value
        # A whole number stays an int (of any size); 3.5 stays exact until it is checked.
        return int(number) if number == number.to_integral_value() and abs(number.adjusted()) < 400 else number
    if spec.kind in ("date", "optional_date"):
        return normalize_text(value)
    return value


def read_texts(specs: "tuple[InputSpec, ...] | list[InputSpec]", typed: Mapping[str, Any]) -> dict[str, Any]:
    """``read_text`` for each of ``specs`` that ``typed`` holds; inputs read as MISSING are left out."""
    read = {spec.name: read_text(spec, typed[spec.name]) for spec in specs if spec.name in typed}
    return {name: value for name, value in read.items() if value is not MISSING}


def echo_typed(error: InputError, typed: Mapping[str, Any]) -> InputError:
    """``error`` with each problem quoting the text the person typed, not the number read from it.

    A message says "'2.5' is not a whole number", never Decimal('2.5') or 100000.0 for "1e5".
    Dates keep their ISO form; text that was passed on unread is already what was typed.
    """
    problems = []
    for problem in error.problems:
        text = typed.get(problem.field)
        if isinstance(text, str) and not isinstance(problem.value, (str, date)) and problem.value is not MISSING:
            problem = InputError(
                problem.field, text, problem.allowed, problem=problem.problem, file=problem.file, line=problem.line,
                case=problem.case, label=problem.label, reader_allowed=problem.reader_allowed,
            )
        problems.append(problem)
    return problems[0] if len(problems) == 1 else InputErrors(problems)
