"""The calculator form of the book's website, where the rules run in the reader's browser.

The page's script (book/_static/live-calculator/) runs this module in Pyodide. It draws one
control per InputSpec from ``form_json`` and hands whatever the reader typed, as text, to
``decide_json``. Reading the text, checking it and every word of the result come from the
rules package and ``presentation.render``, as in the ipywidgets form: the script decides
nothing. JSON in and out, so that no Python object outlives a call.

Both calls take the reader's language (``en`` or ``zh``). The script's own words (its button,
progress and status lines, the labels it draws) are ``PAGE_WORDS``: the book's build writes
them, in every language, into each calculator's placeholder (book/_ext/live_calculator.py),
so that the page can speak before Python has started.
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
from .presentation.language import Words
from .presentation.presets import REVIEW_DATE, presets
from .presentation.render import decision_html, input_problem_html, no_result_html
from .relevance import not_applicable, note
from .translation import T, translate
from .typed import decide_typed

AS_OF = replace(
    _AS_OF,
    help=T("The date on which the rules are applied. It starts on the book's review date, {date}.", date=REVIEW_DATE.isoformat()),
)
OWN_SCENARIO = T("Your own scenario")

PAGE_WORDS = {
    # The placeholder the book's build writes, before the reader starts the calculator.
    "intro": T(
        "This calculator runs the book's rules, in Python, inside your browser: nothing you enter leaves your "
        "computer. It starts on the first worked example; choose another or change any input."
    ),
    "start": T("Run this calculator live (downloads {size}, once)"),
    "size": T("{compressed} MB compressed, {uncompressed} MB uncompressed"),
    "routes": T(
        "To run it as a Jupyter notebook on a server instead, launch this page on Binder with the rocket button at "
        "the top of the page, or {voila} (the code is hidden: handy for a training room). A Binder session takes a "
        "minute or two to start."
    ),
    "voila": T("open it in Voilà app mode"),
    "no_javascript": T("This calculator needs JavaScript. The table of worked scenarios below shows what the rules decide without it."),
    # The script's own words.
    "language": T("Language of the calculator"),
    "starting": T("Starting Python in your browser…"),
    "downloading": T("Downloading and starting Python…"),
    "loading_rules": T("Downloading the rules: {loaded} of {total} packages…"),
    "started": T("Python has started; loading the rules…"),
    "ready": T("The calculator is ready."),
    "failed": T("The calculator could not start ({error}). The table of worked scenarios below still shows what the rules decide."),
    "no_webassembly": T(
        "This browser cannot run WebAssembly, which the calculator needs. The table of worked scenarios below shows what the rules decide."
    ),
    "calculator": T("Calculator"),
    "worked_example": T("Worked example"),
    "yes": T("Yes"),
    "no": T("No"),
    "none_yet": T("None yet"),
    "date_format": T(" (YYYY-MM-DD)"),
    "result": T("Result: {outcome}"),
    "no_result": T("none, an input needs correcting (marked ⚠)"),
}
"""The words of book/_static/live-calculator/live-calculator.js, by key; ``{fields}`` are filled
by the script."""


def page_words(language: str) -> dict[str, str]:
    """``PAGE_WORDS`` in ``language``, with the ``{fields}`` left for the script to fill."""
    return {key: translate(T(text.template), language) for key, text in PAGE_WORDS.items()}


def _field(spec: InputSpec, say: Words) -> dict[str, Any]:
    return {
        "name": spec.name,
        "label": say(spec.label),
        "kind": spec.kind,
        "help": say(spec.help),
        "choices": [[value, say(label)] for value, label in spec.choices],
        "value": as_text(spec, spec.default),
    }


def form_json(rule_id: str, language: str | None = None) -> str:
    """The controls to draw for ``rule_id`` and the worked examples that fill them, in ``language``."""
    say = Words(language)
    specs = (AS_OF, *rule_info(rule_id).inputs)
    examples = [
        {
            "name": say(preset.name),
            "values": {
                spec.name: as_text(spec, preset.as_of if spec is AS_OF else preset.inputs.get(spec.name, spec.default))
                for spec in specs
            },
        }
        for preset in presets(rule_id)
    ]
    return json.dumps(
        {"fields": [_field(spec, say) for spec in specs], "examples": examples, "own_scenario": say(OWN_SCENARIO)}
    )


def decide_json(rule_id: str, values_json: str, language: str | None = None) -> str:
    """The result panel for the reader's values, and a message for each input that is wrong.

    ``values_json`` maps each input name to what its control holds. The answer is
    ``{"html": result panel, "problems": {input name: message HTML}, "not_applicable": {input
    name: note}}``, in ``language``; a not-applicable input keeps its value, and the page only
    marks it.
    """
    language = Words(language).language
    specs = (AS_OF, *rule_info(rule_id).inputs)
    names = {spec.name for spec in specs}
    values = {name: value for name, value in json.loads(values_json).items() if name in names}
    unasked = {name: translate(note(rule_id, condition), language)
               for name, condition in not_applicable(rule_id, read_texts(specs[1:], values)).items()}
    try:
        decision = decide_typed(rule_id, values)
    except InputError as error:
        # Each problem names its input by the label the form shows (InputError.reader_message).
        problems = {problem.field: input_problem_html(problem, language=language) for problem in error.problems}
        placed = all(problem.field in names for problem in error.problems)
        result = no_result_html(error, shown_next_to_an_input=placed, language=language)
        return json.dumps({"html": result, "problems": {name: html for name, html in problems.items() if name in names},
                           "not_applicable": unasked})
    html = decision_html(decision, read_texts(specs[1:], values), language=language)
    return json.dumps({"html": html, "problems": {}, "not_applicable": unasked})
