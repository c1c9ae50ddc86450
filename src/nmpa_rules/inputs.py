"""Check a rule's inputs against its InputSpecs, and read them from command-line text."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any, Mapping

from .errors import MISSING, InputError
from .model import InputSpec, RuleInfo

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Wide enough for any rule; bounded so that counting forward can never overflow a date.
EARLIEST, LATEST = date(1900, 1, 1), date(2099, 12, 31)


def parse_date(field: str, value: Any, *, allow_none: bool = False) -> date | None:
    """A ``date`` or an ISO "YYYY-MM-DD" string; datetimes are refused as ambiguous."""
    allowed = f"a date as YYYY-MM-DD between {EARLIEST} and {LATEST}" + (", or none" if allow_none else "")
    if value is None and allow_none:
        return None
    if isinstance(value, datetime):
        raise InputError(field, value, allowed, problem="is a date and time, not a date")
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise InputError(field, value, allowed, problem="is not a real calendar date") from None
    if not isinstance(value, date):
        raise InputError(field, value, allowed, problem="is not a date")
    if not EARLIEST <= value <= LATEST:
        raise InputError(field, value, allowed, problem="is outside the supported range")
    return value


def _check_one(spec: InputSpec, value: Any) -> Any:
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise InputError(spec.name, value, "use true or false", problem="is not a yes/no value")
        return value
    if spec.kind in ("date", "optional_date"):
        return parse_date(spec.name, value, allow_none=spec.kind == "optional_date")
    if spec.kind == "number":
        return _check_number(spec, value)
    if not isinstance(value, str) or value not in spec.choice_values:
        raise InputError(spec.name, value, "one of: " + ", ".join(spec.choice_values), problem="is not a known value")
    return value


def _check_number(spec: InputSpec, value: Any) -> int | float:
    wanted = "a whole number" if spec.integer else "a number"
    if spec.minimum is not None:
        wanted += f" of at least {spec.minimum:g}"
    if spec.maximum is not None:
        wanted += f" and at most {spec.maximum:g}"
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(spec.name, value, f"give {wanted}", problem="is not a number")
    if spec.integer and value != int(value):
        raise InputError(spec.name, value, f"give {wanted}", problem="is not a whole number")
    if spec.minimum is not None and value < spec.minimum:
        raise InputError(spec.name, value, f"give {wanted}", problem="is too small")
    if spec.maximum is not None and value > spec.maximum:
        raise InputError(spec.name, value, f"give {wanted}", problem="is too large")
    return int(value) if spec.integer else value


def check_inputs(info: RuleInfo, as_of: date, given: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs, with defaults filled in and date strings turned into dates."""
    names = [spec.name for spec in info.inputs]
    for name in given:
        if name not in names:
            raise InputError(
                name, given[name], f"{info.id} takes: " + ", ".join(names), problem="is not an input of this rule"
            )
    checked: dict[str, Any] = {}
    for spec in info.inputs:
        if spec.name not in given:
            if spec.required:
                raise InputError(spec.name, MISSING, f"required: {spec.label} ({describe_kind(spec)})", problem="is missing")
            checked[spec.name] = spec.default
            continue
        value = _check_one(spec, given[spec.name])
        if spec.on_or_before_as_of and value is not None and value > as_of:
            raise InputError(
                spec.name,
                value,
                "it must be on or before as_of (it cannot have happened yet)",
                problem=f"is after as_of {as_of.isoformat()}",
            )
        checked[spec.name] = value
    return checked


def describe_kind(spec: InputSpec) -> str:
    if spec.kind == "bool":
        return "true or false"
    if spec.kind == "date":
        return "a date, YYYY-MM-DD"
    if spec.kind == "optional_date":
        return "a date, YYYY-MM-DD, or none"
    if spec.kind == "number":
        return "a whole number" if spec.integer else "a number"
    return "one of: " + ", ".join(spec.choice_values)


def parse_text(spec: InputSpec, text: str) -> Any:
    """Read one ``key=value`` from the command line; check_inputs then validates the result."""
    lowered = text.strip().lower()
    if spec.kind == "bool":
        return {"true": True, "false": False}.get(lowered, text)
    if spec.kind == "optional_date" and lowered in ("none", "null"):
        return None
    if spec.kind == "number":
        try:
            return int(lowered)
        except ValueError:
            try:
                return float(lowered)
            except ValueError:
                return text
    return text
