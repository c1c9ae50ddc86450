"""The calculator form of the book's website, where the rules run in the reader's browser.

The page's script (book/_static/live-calculator/) runs this module in Pyodide. It draws one
control per InputSpec from ``form_json`` and hands whatever the reader typed, as text, to
``decide_json``. Reading the text, checking it and every word of the result come from the
rules package and ``presentation.render``, as in the ipywidgets form: the script decides
nothing. JSON in and out, so that no Python object outlives a call.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .errors import MISSING, InputError
from .evaluation import evaluate, rule_info
from .inputs import parse_date
from .model import InputSpec
from .presentation.presets import REVIEW_DATE, presets
from .presentation.render import decision_html, input_problem_html, no_result_html

AS_OF = InputSpec(
    "as_of",
    "date",
    "As of",
    f"The date on which the rules are applied. It starts on the book's review date, {REVIEW_DATE.isoformat()}.",
)
OWN_SCENARIO = "Your own scenario"


def _form_value(spec: InputSpec, value: Any) -> Any:
    """A value as its control holds it: text for dates and numbers, None for "none yet"."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if spec.kind == "number":
        return f"{value:g}"
    return str(value)


def _field(spec: InputSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "label": spec.label,
        "kind": spec.kind,
        "help": spec.help,
        "choices": [list(choice) for choice in spec.choices],
        "value": _form_value(spec, spec.default),
    }


def form_json(rule_id: str) -> str:
    """The controls to draw for ``rule_id`` and the worked examples that fill them."""
    specs = (AS_OF, *rule_info(rule_id).inputs)
    examples = [
        {
            "name": preset.name,
            "values": {
                spec.name: _form_value(spec, preset.as_of if spec is AS_OF else preset.inputs.get(spec.name, spec.default))
                for spec in specs
            },
        }
        for preset in presets(rule_id)
    ]
    return json.dumps({"fields": [_field(spec) for spec in specs], "examples": examples, "own_scenario": OWN_SCENARIO})


def _read(spec: InputSpec, value: Any) -> Any:
    """What the reader entered, as evaluate() takes it. Text that is not a number or a date
    is passed on unchanged, so that evaluate() says what is wrong with it."""
    if value is None:
        return None if spec.kind == "optional_date" else MISSING
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        return MISSING
    if spec.kind in ("date", "optional_date"):
        try:
            return parse_date(spec.name, text)
        except InputError:
            return text
    if spec.kind == "number":
        for number in (int, float):
            try:
                return number(text)
            except ValueError:
                pass
    return text


def decide_json(rule_id: str, values_json: str) -> str:
    """The result panel for the reader's values, and a message for each input that is wrong.

    ``values_json`` maps each input name to what its control holds. The answer is
    ``{"html": result panel, "problems": {input name: message HTML}}``.
    """
    specs = (AS_OF, *rule_info(rule_id).inputs)
    values = json.loads(values_json)
    read = {spec.name: _read(spec, values.get(spec.name)) for spec in specs}
    given = {name: value for name, value in read.items() if name != AS_OF.name and value is not MISSING}
    try:
        decision = evaluate(rule_id, read[AS_OF.name], **given)
    except InputError as error:
        # Each problem names its input by the label the form shows (InputError.reader_message).
        names = {spec.name for spec in specs}
        problems = {problem.field: input_problem_html(problem) for problem in error.problems}
        placed = all(problem.field in names for problem in error.problems)
        result = no_result_html(error, shown_next_to_an_input=placed)
        return json.dumps({"html": result, "problems": {name: html for name, html in problems.items() if name in names}})
    return json.dumps({"html": decision_html(decision, given), "problems": {}})
