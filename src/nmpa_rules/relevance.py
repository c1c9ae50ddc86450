"""Which questions of a calculator cannot matter, given the answers to the others.

The conditions are data (``data/input_relevance.yaml``): per rule, per input, the answers to
other inputs under which the rule reads it. A form shows an input whose condition is not met
as not applicable, with a note saying when it is asked, and keeps its value. The file is
checked when it is loaded: it may only name real rules, inputs and answers.
"""

from __future__ import annotations

from typing import Any, Mapping

from .datafiles import DATA_DIR
from .errors import DataFileError
from .model import InputSpec
from .rules import RULE_MODULES
from .translation import T, Text
from .yaml_io import line_of, load_yaml

DATA_FILE = "input_relevance.yaml"
Condition = dict[str, tuple[Any, ...]]
"""Other input → the answers under which an input is asked."""


def _answers(spec: InputSpec) -> tuple[Any, ...]:
    """The answers a condition may name: a choice's values, or true and false."""
    return (True, False) if spec.kind == "bool" else spec.choice_values


def load_conditions(path=DATA_DIR / DATA_FILE) -> dict[str, dict[str, Condition]]:
    """Rule id → input → its condition; DataFileError names the file, line and what is wrong."""
    data, lines = load_yaml(path, error_type=DataFileError)

    def fail(where: tuple, value: Any, allowed: str, problem: str) -> None:
        # The line locates the rule; the field starts at the input, so that it is not cut short.
        raise DataFileError(".".join(map(str, where[1:] or where)), value, allowed, problem=problem, file=str(path),
                            line=line_of(lines, where))

    if not isinstance(data, dict):
        fail((), data, "a mapping of rule ids", "is not a mapping")
    conditions: dict[str, dict[str, Condition]] = {}
    for rule_id, entries in data.items():
        if rule_id not in RULE_MODULES:
            fail((rule_id,), rule_id, "one of: " + ", ".join(RULE_MODULES), "is not a known rule")
        specs = {spec.name: spec for spec in RULE_MODULES[rule_id].INFO.inputs}
        if not isinstance(entries, dict) or not entries:
            fail((rule_id,), entries, "a mapping of the rule's inputs", "is not a non-empty mapping")
        conditions[rule_id] = {}
        for name, entry in entries.items():
            where = (rule_id, name)
            if name not in specs:
                fail(where, name, f"{rule_id} takes: " + ", ".join(specs), "is not an input of this rule")
            if not isinstance(entry, dict) or set(entry) != {"asked_when"} or not isinstance(entry["asked_when"], dict) \
                    or not entry["asked_when"]:
                fail(where, entry, "asked_when: {other input: [answers]}", "is not a condition")
            condition: Condition = {}
            for other, answers in entry["asked_when"].items():
                at = where + ("asked_when", other)
                spec = specs.get(other)
                if other == name or spec is None or spec.kind not in ("bool", "choice"):
                    fail(at, other, "another choice or yes/no input of " + rule_id, "cannot be a condition")
                if not isinstance(answers, list) or not answers or any(answer not in _answers(spec) for answer in answers) \
                        or any(isinstance(answer, bool) != (spec.kind == "bool") for answer in answers):
                    fail(at, answers, "a list of: " + ", ".join(map(str, _answers(spec))), "names an answer the input does not have")
                condition[other] = tuple(answers)
            conditions[rule_id][name] = condition
    return conditions


CONDITIONS = load_conditions()


def not_applicable(rule_id: str, given: Mapping[str, Any]) -> dict[str, Condition]:
    """The inputs of ``rule_id`` that cannot change its decision, given the answers in ``given``.

    ``given`` holds values as ``evaluate`` takes them (a missing input has its default). Each
    input found maps to the part of its condition that ``given`` does not meet. An answer that
    is missing without a default, or is not an allowed one, settles nothing: the inputs that
    depend on it are still asked.
    """
    specs = {spec.name: spec for spec in RULE_MODULES[rule_id].INFO.inputs}

    def answer(name: str) -> Any:
        spec = specs[name]
        value = given.get(name, spec.default)
        # 1 == True in Python: a yes/no answer must be a bool, a choice a string.
        return value if isinstance(value, bool) == (spec.kind == "bool") and value in _answers(spec) else None

    found: dict[str, Condition] = {}
    for name, condition in CONDITIONS.get(rule_id, {}).items():
        answers = {other: answer(other) for other in condition}
        if any(value is None for value in answers.values()):
            continue
        unmet = {other: allowed for other, allowed in condition.items() if answers[other] not in allowed}
        if unmet:
            found[name] = unmet
    return found


def _any_of(texts: list[Text]) -> Text:
    """``texts`` joined two at a time, so a translator sees one fixed template."""
    joined = texts[0]
    for text in texts[1:]:
        joined = T("{one} or {other}", one=joined, other=text)
    return joined


def _all_of(texts: list[Text]) -> Text:
    joined = texts[0]
    for text in texts[1:]:
        joined = T("{one} and {other}", one=joined, other=text)
    return joined


def note(rule_id: str, condition: Condition) -> Text:
    """What a form shows under a not-applicable input, in the labels the form itself shows."""
    specs = {spec.name: spec for spec in RULE_MODULES[rule_id].INFO.inputs}
    parts = []
    for other, answers in condition.items():
        spec = specs[other]
        labels = {value: T(label) for value, label in spec.choices} if spec.kind == "choice" else {True: T("Yes"), False: T("No")}
        answer = _any_of([labels[value] for value in answers])
        parts.append(T("“{question}” is {answer}", question=T(spec.label), answer=answer))
    return T("Not applicable: asked only when {condition}.", condition=_all_of(parts))
