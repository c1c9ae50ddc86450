"""The live calculator: one control per InputSpec, a preset menu and a result panel.

The form is generic: it is built from a rule's InputSpecs, so every rule gets the same
controls, and it hands whatever the reader entered, dates and numbers as the text typed, to
``typed.decide_typed``, as the website's form and the command line do: one reader of typed
text for every route. Dates are ISO text fields (YYYY-MM-DD), as the book writes them,
never a picker that shows the browser's locale. Checking the inputs is the rules package's
job; the form shows its InputError next to the input concerned and keeps everything the
reader typed.

A toggle above the form switches its language (English, 中文): labels, choices, help, the
worked examples' names and the result are shown again in the language chosen, and every value
entered stays.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any, Callable

import ipywidgets as widgets

from ..errors import InputError, InputErrors
from ..evaluation import rule_info
from ..inputs import AS_OF as _AS_OF
from ..inputs import as_text, read_texts
from ..model import InputSpec
from ..presentation.language import Words
from ..presentation.presets import REVIEW_DATE, presets
from ..presentation.render import decision_html, input_problem_html, no_result_html, unexpected_error_html
from ..relevance import not_applicable, note
from ..translation import LANGUAGES, T, translate
from ..typed import decide_typed

AS_OF = replace(
    _AS_OF,
    help=T("The date on which the rules are applied. It starts on the book's review date, {date}.", date=REVIEW_DATE.isoformat()),
)
OWN_SCENARIO = T("Your own scenario")
_OWN = -1
"""The menu value of the reader's own scenario: not None, which a Dropdown takes for "no
selection" and shows as an empty menu."""
_LABEL_STYLE = {"description_width": "initial"}
# Menus take the width they need; a date or number box keeps its natural size next to a long
# label instead of being squeezed by it; on a narrow screen a control wraps under its label.
_WIDE = {"width": "auto", "max_width": "48em", "height": "auto", "flex_flow": "row wrap"}
_NATURAL = {"width": "max-content", "max_width": "100%", "height": "auto", "flex_flow": "row wrap"}


class Field:
    """One input: its control, then any problem with it, then its help text.

    ``read`` returns what the control holds (text for dates and numbers); an empty control
    reads as not given, so that the rules report the input as missing in their own words.
    """

    def __init__(self, spec: InputSpec, control: widgets.DOMWidget, *extras: widgets.DOMWidget, say: Words):
        self.spec = spec
        self.say = say
        self.control = control
        # Problem and help share one HTML widget: fewer widget models to save in each page.
        self.note = widgets.HTML()
        self.unasked: str | None = None
        self.show_problem(None)
        row = widgets.HBox([control, *extras]) if extras else control
        self.box = widgets.VBox([row, self.note], layout=widgets.Layout(margin="0 0 0.5em 0"))
        # A stable class per input lets the browser tests find the control.
        self.box.add_class(f"nmpa-field-{spec.name}")

    def read(self) -> Any:
        return self.control.value

    def fill(self, value: Any) -> None:
        self.control.value = as_text(self.spec, value)

    def watch(self, handler: Callable[[dict], None]) -> None:
        self.control.observe(handler, "value")

    def show_problem(self, error: InputError | None) -> None:
        """Show ``error`` (or clear the note with None); it may hold several problems."""
        self._problem = input_problem_html(error, language=self.say.language) + "<br>" if error else ""
        self._show_note()

    def show_not_applicable(self, text: str | None) -> None:
        """Grey the control and say when it is asked (None: open it again); its value is kept."""
        self.unasked = text
        self.control.disabled = text is not None
        self._show_note()

    def _show_note(self) -> None:
        small = '<small style="color:var(--nmpa-muted,#555)">{}</small>'
        unasked = small.format(f"<em>{escape(self.unasked)}</em>") + "<br>" if self.unasked else ""
        self.note.value = unasked + self._problem + small.format(escape(self.say(self.spec.help)))

    def relabel(self, say: Words) -> None:
        """Show the control's words in ``say``'s language; its value stays (the caller keeps
        the form from reacting to the change)."""
        self.say = say
        self.control.description = say(self.spec.label)
        if isinstance(self.control, widgets.Text):
            self.control.placeholder = say(_PLACEHOLDERS[self.spec.kind])
        elif isinstance(self.control, widgets.ToggleButtons):
            value = self.control.value
            self.control.options = _yes_no(say)
            self.control.value = value
        elif isinstance(self.control, widgets.Dropdown):
            value = self.control.value
            self.control.options = _choices(self.spec, say)
            self.control.value = value
        self._show_note()


# A date box shows the form of a date in every language; a number box says what it wants.
_PLACEHOLDERS = {"date": T("YYYY-MM-DD"), "optional_date": T("YYYY-MM-DD"), "number": T("a number")}


def _yes_no(say: Words) -> list[tuple[str, bool]]:
    return [(say(T("Yes")), True), (say(T("No")), False)]


def _choices(spec: InputSpec, say: Words) -> list[tuple[str, str]]:
    return [(say(label), value) for value, label in spec.choices]


def _text_box(spec: InputSpec, say: Words) -> widgets.Text:
    # It reports every keystroke, so the result follows the text as it is typed.
    return widgets.Text(
        description=say(spec.label),
        placeholder=say(_PLACEHOLDERS[spec.kind]),
        continuous_update=True,
        style=_LABEL_STYLE,
        layout=widgets.Layout(**_NATURAL),
    )


class DateField(Field):
    def __init__(self, spec: InputSpec, say: Words):
        super().__init__(spec, _text_box(spec, say), say=say)


class OptionalDateField(Field):
    """A date box plus a "none yet" box, because "no date" is a real answer here."""

    def __init__(self, spec: InputSpec, say: Words):
        self.none_yet = widgets.Checkbox(description=say(T("None yet")), indent=False, layout=widgets.Layout(width="auto"))
        super().__init__(spec, _text_box(spec, say), self.none_yet, say=say)
        self.none_yet.observe(self._none_yet_changed, "value")

    def relabel(self, say: Words) -> None:
        super().relabel(say)
        self.none_yet.description = say(T("None yet"))

    def _none_yet_changed(self, change: dict) -> None:
        self.control.disabled = change["new"] or self.unasked is not None

    def show_not_applicable(self, text: str | None) -> None:
        super().show_not_applicable(text)
        self.none_yet.disabled = text is not None
        self.control.disabled = text is not None or self.none_yet.value

    def read(self) -> Any:
        return None if self.none_yet.value else super().read()

    def fill(self, value: Any) -> None:
        self.none_yet.value = value is None
        self.control.value = "" if value is None else as_text(self.spec, value)

    def watch(self, handler: Callable[[dict], None]) -> None:
        super().watch(handler)
        self.none_yet.observe(handler, "value")


def _make_field(spec: InputSpec, say: Words) -> Field:
    if spec.kind == "bool":
        return Field(
            spec,
            widgets.ToggleButtons(options=_yes_no(say), value=None, description=say(spec.label), style=_LABEL_STYLE),
            say=say,
        )
    if spec.kind == "choice":
        return Field(
            spec,
            widgets.Dropdown(
                options=_choices(spec, say),
                value=spec.default,
                description=say(spec.label),
                style=_LABEL_STYLE,
                layout=widgets.Layout(**_WIDE),
            ),
            say=say,
        )
    if spec.kind == "date":
        return DateField(spec, say)
    if spec.kind == "optional_date":
        return OptionalDateField(spec, say)
    # Text, not a number box: a number box would drop or clamp what it cannot hold (a bounded
    # one silently clamps a negative number), whereas the reader should see why it is refused.
    field = Field(spec, _text_box(spec, say), say=say)
    field.fill(spec.default or 0)
    return field


class Calculator(widgets.VBox):
    """The whole calculator for one rule; display it as the last expression of a cell."""

    def __init__(self, rule_id: str, language: str | None = None):
        say = Words(language)
        info = rule_info(rule_id)
        as_of = DateField(AS_OF, say)
        fields = {spec.name: _make_field(spec, say) for spec in info.inputs}
        worked = presets(rule_id)
        menu = widgets.Dropdown(
            options=_menu_options(worked, say),
            value=_OWN,
            description=say(T("Worked example")),
            style=_LABEL_STYLE,
            layout=widgets.Layout(**_WIDE),
        )
        menu.add_class("nmpa-presets-menu")
        switch = widgets.ToggleButtons(
            options=[(name, code) for code, name in LANGUAGES.items()],
            value=say.language,
            style={"button_width": "auto"},
        )
        switch.add_class("nmpa-language")
        result = widgets.HTML(
            layout=widgets.Layout(border="1px solid var(--nmpa-border,#ccd)", padding="0.25em 0.75em", margin="0.75em 0 0 0")
        )
        result.add_class("nmpa-result")
        super().__init__([switch, menu, as_of.box, *(field.box for field in fields.values()), result])
        self.add_class("nmpa-calculator")
        self.say = say
        self.language_switch = switch
        self.rule_id = rule_id
        self.presets = worked
        self.preset_menu = menu
        self.as_of = as_of
        self.fields = fields
        self.result = result
        self._filling = False
        menu.observe(self._preset_chosen, "value")
        for field in (as_of, *fields.values()):
            field.watch(self._input_changed)
        switch.observe(self._language_chosen, "value")
        menu.value = 0

    def __repr__(self) -> str:
        return f"Calculator({self.rule_id!r})"

    @property
    def language(self) -> str:
        return self.say.language

    def _language_chosen(self, change: dict) -> None:
        self.say = say = Words(change["new"])
        # Relabelling a menu selects its first entry for a moment: nothing reacts to that.
        self._filling = True
        try:
            chosen = self.preset_menu.value
            self.preset_menu.options = _menu_options(self.presets, say)
            self.preset_menu.value = chosen
            self.preset_menu.description = say(T("Worked example"))
            for field in (self.as_of, *self.fields.values()):
                field.relabel(say)
        finally:
            self._filling = False
        self.refresh()

    def _preset_chosen(self, change: dict) -> None:
        if change["new"] == _OWN or self._filling:
            return
        preset = self.presets[change["new"]]
        # Fill every control first and decide once, not once per control.
        self._filling = True
        try:
            self.as_of.fill(preset.as_of)
            for name, field in self.fields.items():
                field.fill(preset.inputs.get(name, field.spec.default))
        except Exception as error:  # noqa: BLE001 - a broken worked example must not leave an old result
            self.result.value = unexpected_error_html(error, language=self.language)
            return
        finally:
            self._filling = False
        self.refresh()

    def _input_changed(self, change: dict) -> None:
        if self._filling:
            return
        # The reader has left the worked example: say so, but keep every value they set.
        self.preset_menu.value = _OWN
        self.refresh()

    def refresh(self) -> None:
        """Decide on the current inputs and show the decision, or what is wrong with them.

        Every bad input is marked at once. Whatever goes wrong, the previous result is
        replaced, never left on screen as if it were current, and no input is changed.
        """
        all_fields = {AS_OF.name: self.as_of, **self.fields}
        for field in all_fields.values():
            field.show_problem(None)
        try:
            typed = {name: field.read() for name, field in all_fields.items()}
            given = read_texts(tuple(f.spec for f in self.fields.values()), typed)
            unasked = not_applicable(self.rule_id, given)
            for name, field in self.fields.items():
                field.show_not_applicable(translate(note(self.rule_id, unasked[name]), self.language) if name in unasked else None)
            decision = decide_typed(self.rule_id, typed)
            self.result.value = decision_html(decision, given, link_to_sources=True, language=self.language)
        except InputError as error:
            self._show_input_problems(error, all_fields)
        except Exception as error:  # noqa: BLE001 - any failure must reach the reader, not a log
            self.result.value = unexpected_error_html(error, language=self.language)

    def _show_input_problems(self, error: InputError, all_fields: dict[str, Field]) -> None:
        by_field: dict[str, list[InputError]] = {}
        elsewhere: list[InputError] = []
        for problem in error.problems:
            if problem.field in all_fields:
                by_field.setdefault(problem.field, []).append(problem)
            else:
                elsewhere.append(problem)
        for name, problems in by_field.items():
            all_fields[name].show_problem(problems[0] if len(problems) == 1 else InputErrors(problems))
        self.result.value = (
            no_result_html(error, shown_next_to_an_input=True, language=self.language)
            if not elsewhere
            else no_result_html(
                elsewhere[0] if len(elsewhere) == 1 else InputErrors(elsewhere),
                shown_next_to_an_input=False,
                language=self.language,
            )
        )


def _menu_options(worked, say: Words) -> list[tuple[str, int]]:
    return [(say(OWN_SCENARIO), _OWN)] + [(say(preset.name), index) for index, preset in enumerate(worked)]


def calculator(rule_id: str, language: str | None = None) -> Calculator:
    """The calculator for ``rule_id``, opened on its first worked example, in ``language``
    (``en`` or ``zh``; by default the language of NMPA_RULES_LANGUAGE, else English)."""
    return Calculator(rule_id, language)

