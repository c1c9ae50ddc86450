"""The calculator form of the book's website, where the rules run in the reader's browser.

The page's script (book/_static/live-calculator/) runs this module in Pyodide. It draws one
control per InputSpec from ``form_json`` and hands whatever the reader typed, as text, to
``decide_json``. Reading the text, checking it and every word of the result come from the
rules package and ``presentation.render``, as in the ipywidgets form: the script decides
nothing. JSON in and out, so that no Python object outlives a call.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from .errors import InputError
from .evaluation import rule_info
from .inputs import AS_OF as _AS_OF
from .inputs import as_text, read_texts
from .model import InputSpec
from .presentation.presets import REVIEW_DATE, presets
from .presentation.render import decision_html, input_problem_html, no_result_html
from .relevance import not_applicable, note
from .typed import decide_typed

AS_OF = replace(
    _AS_OF, help=f"The date on which the rules are applied. It starts on the book's review date, {REVIEW_DATE.isoformat()}."
)
OWN_SCENARIO = "Your own scenario"


def _field(spec: InputSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "label": spec.label,
        "kind": spec.kind,
        "help": spec.help,
        "choices": [list(choice) for choice in spec.choices],
        "value": as_text(spec, spec.default),
    }


def form_json(rule_id: str) -> str:
    """The controls to draw for ``rule_id`` and the worked examples that fill them."""
    specs = (AS_OF, *rule_info(rule_id).inputs)
    examples = [
        {
            "name": preset.name,
            "values": {
                spec.name: as_text(spec, preset.as_of if spec is AS_OF else preset.inputs.get(spec.name, spec.default))
                for spec in specs
            },
        }
        for preset in presets(rule_id)
    ]
    return json.dumps({"fields": [_field(spec) for spec in specs], "examples": examples, "own_scenario": OWN_SCENARIO})


def decide_json(rule_id: str, values_json: str) -> str:
    """The result panel for the reader's values, and a message for each input that is wrong.

    ``values_json`` maps each input name to what its control holds. The answer is
    ``{"html": result panel, "problems": {input name: message HTML}, "not_applicable": {input
    name: note}}``; a not-applicable input keeps its value, and the page only marks it.
    """
    specs = (AS_OF, *rule_info(rule_id).inputs)
    names = {spec.name for spec in specs}
    values = {name: value for name, value in json.loads(values_json).items() if name in names}
    unasked = {name: str(note(rule_id, condition))
               for name, condition in not_applicable(rule_id, read_texts(specs[1:], values)).items()}
    try:
        decision = decide_typed(rule_id, values)
    except InputError as error:
        # Each problem names its input by the label the form shows (InputError.reader_message).
        problems = {problem.field: input_problem_html(problem) for problem in error.problems}
        placed = all(problem.field in names for problem in error.problems)
        result = no_result_html(error, shown_next_to_an_input=placed)
        return json.dumps({"html": result, "problems": {name: html for name, html in problems.items() if name in names},
                           "not_applicable": unasked})
    return json.dumps({"html": decision_html(decision, read_texts(specs[1:], values)), "problems": {},
                       "not_applicable": unasked})
