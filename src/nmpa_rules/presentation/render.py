"""HTML for decisions, input problems, the preset table and the rules' public contract.

Plain strings, no ipywidgets, so the same markup serves the live calculator, the static
table computed at build time and the tests. This layer only presents what a Decision says:
it never decides anything itself. Every piece of text is escaped, since inputs and data
files are free text.

Styles are inline (or in a <style> element for the calendar's many cells): the book's
custom.css is not loaded in Jupyter or Voila. The class names match custom.css so that the
book can restyle the badges.

Every function takes the reader's ``language`` (see ``presentation.language``): the rules'
words come translated from their catalogue, the calculators' own words are written here as
``T("...")`` and translated from the ``ui`` catalogue. Identifiers, dates and document numbers
are shown as they are.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import escape
from typing import Any

from ..clause_cards import clause_card
from ..errors import InputError
from ..evaluation import evaluate, list_rules, rule_info
from ..inputs import describe_kind, describe_number
from ..model import Decision, InputSpec, Reason, RuleInfo
from ..sources import SOURCE_IDS, source
from ..translation import T, Text
from .language import Words
from .presets import presets

BIBLIOGRAPHY_URL = "../reference/bibliography.html"
"""Where the book lists every source, relative to a calculator page."""
INSTRUMENTS_URL = "../reference/instruments.html"
"""Where the book shows every clause card, relative to a calculator page."""


def _bibliography_link(source_id: str) -> str:
    # The book gives each entry the anchor cite-KEY (bibtex_cite_id in _config.yml), which
    # docutils writes in lower case with hyphens for anything else: dal_implementing2019
    # becomes cite-dal-implementing2019.
    anchor = re.sub(r"[^a-z0-9]+", "-", source_id.lower()).strip("-")
    return f"{BIBLIOGRAPHY_URL}#cite-{anchor}"

OUTCOME_TONES = {
    # A route is open to the reader's scenario.
    "eligible": "positive",
    "approved_use": "positive",
    "off_label_prescription": "positive",
    "hospital_preparation": "positive",
    "boao_special_access": "positive",
    "gba_special_access": "positive",
    "clinical_research_filing": "positive",
    "national_urgent_import": "positive",
    # The scenario is blocked.
    "not_eligible": "negative",
    "not_permitted": "negative",
    "no_preparation_route": "negative",
    "supplement_late": "negative",
    "inconsistent": "negative",
    # A fact or a longer road, neither good nor bad in itself.
    "drug_registration": "neutral",
    "registration_required": "neutral",
    "transition_filing_due": "neutral",
    "computed": "neutral",
    "awaiting_supplement": "neutral",
    "not_in_force": "neutral",
}
_TONE_STYLES = {
    "positive": "background:var(--nmpa-ok-bg,#e6f4ea);color:var(--nmpa-ok,#0b5d1e)",
    "negative": "background:var(--nmpa-bad-bg,#fce8e6);color:var(--nmpa-bad,#8a1c12)",
    "neutral": "background:var(--nmpa-note-bg,#eef2f7);color:var(--nmpa-note,#1f3a5f)",
}
_BADGE_STYLE = "font-weight:600;padding:0.1rem 0.5rem;border-radius:0.25rem;display:inline-block"

_MARKS = {
    True: ("✓", T("Met"), "var(--nmpa-ok,#0b5d1e)"),
    False: ("✗", T("Not met"), "var(--nmpa-bad,#8a1c12)"),
    None: ("ℹ", T("Note"), "var(--nmpa-note,#1f3a5f)"),
}
# A value quoted in a message may be one long unbroken word: it wraps anywhere rather than
# widen the page.
_PROBLEM_STYLE = "color:var(--nmpa-bad,#8a1c12);font-weight:600;overflow-wrap:anywhere"
_SEPARATOR = T(", ")
"""Between the items of a list and the parts of a citation."""
_ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")
_WEEKDAYS = (T("Monday"), T("Tuesday"), T("Wednesday"), T("Thursday"), T("Friday"), T("Saturday"), T("Sunday"))
_MONTHS = (
    T("Jan"), T("Feb"), T("Mar"), T("Apr"), T("May"), T("Jun"), T("Jul"), T("Aug"), T("Sep"), T("Oct"), T("Nov"), T("Dec")
)


def outcome_badge(outcome: str, label: str) -> str:
    tone = OUTCOME_TONES[outcome]
    return (
        f'<span class="nmpa-outcome nmpa-outcome-{tone}" style="{_BADGE_STYLE};{_TONE_STYLES[tone]}">'
        f"{escape(label)}</span>"
    )


def decision_html(
    decision: Decision,
    inputs: dict[str, Any],
    *,
    link_to_sources: bool = False,
    language: str | None = None,
    strict: bool = False,
) -> str:
    """The result panel: outcome, computed values, every reason, warnings, then the sources.

    Each source is listed once, numbered and linked to the book's bibliography, or with
    ``link_to_sources`` to the source's own address: in Jupyter and Voilà the book's pages are
    not beside the notebook, and a relative link there is refused. A reason names its source
    by number with the clause it rests on.
    """
    say = Words(language, strict=strict)
    numbers = {source_id: index for index, source_id in enumerate(decision.cited_source_ids(), start=1)}
    as_of = say.markup(
        T("as of {date} · rules data {version}"), date=decision.as_of.isoformat(), version=escape(decision.rules_version)
    )
    parts = [
        f'<p style="margin:0 0 0.5em 0">{outcome_badge(decision.outcome, say(decision.outcome_label))} '
        f'<small style="color:var(--nmpa-muted,#555)">{as_of}</small></p>'
    ]
    if decision.values:
        figure = _FIGURES.get(decision.rule_id, _values_list)
        parts.append(figure(decision, inputs, say))
    parts.append(f'<p style="margin:0.75em 0 0.25em 0"><strong>{say(T("Why"))}</strong></p>')
    parts.append('<ul style="list-style:none;padding-left:0;margin:0">')
    parts.extend(_reason_html(reason, numbers, say, link_to_cards=not link_to_sources) for reason in decision.reasons)
    parts.append("</ul>")
    if decision.warnings:
        parts.append(_warnings_html(decision.warnings, say))
    if numbers:
        parts.append(_sources_html(numbers, say, link_to_sources))
    return "".join(parts)


def _dates_unbroken(html: str) -> str:
    """Each ISO date in escaped text kept on one line (white-space:nowrap), not broken at a hyphen."""
    return _ISO_DATE.sub(r'<span class="nmpa-date" style="white-space:nowrap">\g<0></span>', html)


def input_problem_html(error: InputError, *, language: str | None = None, strict: bool = False) -> str:
    """The message shown next to the input that caused ``error``, naming it by its label.

    For several problems (InputErrors), one line each.
    """
    say = Words(language, strict=strict)
    lines = "<br>".join(f"⚠ {_dates_unbroken(escape(problem.reader_message(say.language)))}" for problem in error.problems)
    return f'<span role="alert" style="{_PROBLEM_STYLE}">{lines}</span>'


def no_result_html(
    error: InputError, shown_next_to_an_input: bool, *, language: str | None = None, strict: bool = False
) -> str:
    """The result panel while an input is wrong: no stale answer that could be misread.

    ``shown_next_to_an_input``: every problem is already shown next to its input.
    """
    say = Words(language, strict=strict)
    if shown_next_to_an_input:
        several = len({problem.field for problem in error.problems}) > 1
        correct = T("No result: correct the inputs marked ⚠ above.") if several else T("No result: correct the input marked ⚠ above.")
        return f'<p style="margin:0">{say(correct)}</p>'
    problem = input_problem_html(error, language=say.language, strict=strict)
    return f'<p style="margin:0">{say.markup(T("No result: {problem}"), problem=problem)}</p>'


def unexpected_error_html(error: BaseException, *, language: str | None = None) -> str:
    """The result panel when computing a result failed in a way no input check foresaw."""
    say = Words(language)
    failed = say.markup(
        T("No result: the calculator could not compute an answer for these inputs ({error})."),
        error=escape(type(error).__name__),
    )
    kept = say(T("Your inputs are kept: change one of them, or choose a worked example, to try again."))
    return f'<p role="alert" style="margin:0"><span style="{_PROBLEM_STYLE}">⚠ {failed}</span> {kept}</p>'


def _reason_html(reason: Reason, numbers: dict[str, int], say: Words, *, link_to_cards: bool = True) -> str:
    """One reason; its clause's Chinese words link to the clause card where the book's pages are
    beside it (the website), and stand unlinked in Jupyter and Voilà, which refuse that link."""
    symbol, word, colour = _MARKS[reason.passed]
    cited = ""
    if reason.source_id:
        number = numbers[reason.source_id]
        if reason.clause:
            source_line = say.markup(T("Source [{number}], {clause}"), number=number, clause=escape(say(reason.clause)))
        else:
            source_line = say.markup(T("Source [{number}]"), number=number)
        cited = f'<br><small style="color:var(--nmpa-muted,#444)">{source_line}</small>'
    if reason.card:
        card = clause_card(reason.card)
        words = f"「{escape(card.zh)}」"
        if link_to_cards:
            words = f'<a href="{INSTRUMENTS_URL}#{card.anchor}" title="{escape(card.en)}">{words}</a>'
        cited += f'<br><small lang="zh-CN" title="{escape(card.en)}">{words}</small>'
    return (
        '<li style="margin:0 0 0.6em 0">'
        f'<span style="color:{colour};font-weight:600">{symbol} {say(word)}</span> · '
        f"<strong>{escape(say(reason.description))}</strong><br>"
        f"{escape(say(reason.message))}{cited}"
        "</li>"
    )


def _sources_html(numbers: dict[str, int], say: Words, link_to_sources: bool = False) -> str:
    items = "".join(
        f'<li value="{number}">{_source_text(source_id, say, link_to_sources)}</li>' for source_id, number in numbers.items()
    )
    return (
        f'<p style="margin:0.75em 0 0.25em 0"><strong>{say(T("Sources"))}</strong></p>'
        f'<ol style="margin:0;padding-left:1.8em;font-size:0.9em">{items}</ol>'
    )


def _source_text(source_id: str, say: Words, link_to_sources: bool = False) -> str:
    """A source for a reader: its title linked to the bibliography, issuer, number, and a
    mark when it is not a primary source."""
    cited = source(source_id)
    if not link_to_sources:
        title = f'<a href="{_bibliography_link(source_id)}">{escape(say(cited.title))}</a>'
    elif cited.url:
        title = f'<a href="{escape(cited.url)}" target="_blank" rel="noopener">{escape(say(cited.title))}</a>'
    else:
        title = escape(say(cited.title))
    pieces = [title, escape(say(cited.issuer))]
    if cited.document_number:
        pieces.append(escape(say(cited.document_number)))
    if cited.is_primary:
        mark = ""
    else:
        label = say.markup(T("({confidence})"), confidence=escape(say(cited.confidence_label)))
        mark = f' <strong style="color:var(--nmpa-caution,#8a4b00)">{label}</strong>'
    return say(_SEPARATOR).join(pieces) + mark


def _warnings_html(warnings: tuple[str, ...], say: Words) -> str:
    items = "".join(f"<li>{escape(say(text))}</li>" for text in warnings)
    return (
        '<div style="border-left:4px solid var(--nmpa-caution-edge,#b26a00);background:var(--nmpa-caution-bg,#fff8e1);padding:0.4em 0.8em;margin-top:0.5em">'
        f'<strong>⚠ {say(T("Warnings"))}</strong><ul style="margin:0.25em 0 0 0;padding-left:1.2em">{items}</ul></div>'
    )


def _value_text(value: Any, say: Words) -> str:
    """One computed value in words; a source id is shown as the source's title."""
    if isinstance(value, bool):
        return say(T("Yes") if value else T("No"))
    if isinstance(value, date):
        return say.markup(T("{weekday} {date}"), weekday=say(_WEEKDAYS[value.weekday()]), date=value.isoformat())
    if isinstance(value, (list, tuple)):
        return say(_SEPARATOR).join(_value_text(item, say) for item in value) or say(T("none"))
    if isinstance(value, str) and value in SOURCE_IDS:
        cited = source(value)
        title = say(cited.title)
        return f"{title} ({say(cited.document_number)})" if cited.document_number else title
    # Words are a Text; any other string is an identifier and stays as it is.
    return say(value) if isinstance(value, Text) else str(value)


# The names of the values a result shows (Decision.values' keys), in a reader's words.
_VALUE_LABELS = {
    "rests_on_the_interpretation": T("Rests on the interpretation"),
    "governing_document": T("Governing document"),
    "approved_stem_cell_drugs": T("Approved stem cell drugs"),
    "may_the_patient_be_charged": T("May the patient be charged"),
    "filing_due_by": T("Filing due by"),
    "deadline": T("Deadline"),
}


def _value_label(key: str, say: Words) -> str:
    # A key not listed reads as its words, in English (a strict rendering reports it).
    return say(_VALUE_LABELS.get(key) or key.replace("_", " ").capitalize())


def _values_list(decision: Decision, inputs: dict[str, Any], say: Words) -> str:
    rows = "".join(
        f"<li><strong>{say.markup(T('{label}:'), label=escape(_value_label(key, say)))}</strong> {escape(_value_text(value, say))}</li>"
        for key, value in decision.values.items()
    )
    return f'<ul style="margin:0.25em 0;padding-left:1.2em">{rows}</ul>'


# The review clock: the deadline and a calendar strip of the days the clock ran through.

_DAY_KINDS = {
    # kind: (colour, legend text)
    "accepted": ("var(--nmpa-day-accepted,#1f3a5f)", T("day of acceptance (not counted)")),
    "working": ("var(--nmpa-day-working,#9fd3ae)", T("working day counted")),
    "make_up": ("var(--nmpa-day-make-up,#1e7b3a)", T("weekend make-up workday, counted")),
    "holiday": ("var(--nmpa-day-holiday,#d9534f)", T("statutory holiday, skipped")),
    "weekend": ("var(--nmpa-day-weekend,#dde1e6)", T("weekend, skipped")),
    "pause": (
        "var(--nmpa-day-pause,#8e7cc3)",
        T("working day not counted (applicant's time or another period left out)"),
    ),
}
_CALENDAR_STYLE = (
    "<style>"
    # A whole month always fits the width: on a narrow screen the days get narrower, never cut.
    ".nmpa-cal{font-size:0.8em;margin:0.4em 0}"
    ".nmpa-cal-row{display:flex;align-items:center;white-space:nowrap;margin:1px 0}"
    ".nmpa-cal-month{flex:none;min-width:5.2em;padding-right:0.3em}"
    ".nmpa-cal-day{display:inline-block;width:0.8em;height:1.1em;margin-right:1px;border-radius:2px;flex:none}"
    ".nmpa-cal-row .nmpa-cal-day{flex:0 1 0.8em;min-width:3px}"
    ".nmpa-cal-deadline{outline:2px solid var(--nmpa-outline,#000);outline-offset:-1px}"
    + "".join(f".nmpa-day-{kind}{{background:{colour}}}" for kind, (colour, _) in _DAY_KINDS.items())
    + "</style>"
)


def _review_clock_figure(decision: Decision, inputs: dict[str, Any], say: Words) -> str:
    values = decision.values
    # The calendar opens on the day of acceptance: the inputs may hold it as text.
    started_on = values["calendar"][0]["date"]
    deadline = values["deadline"]
    days = {entry["date"]: entry["kind"] for entry in values["calendar"]}
    paused = values["paused_working_days"]
    estimate = say(T(" (an estimate)")) if values["is_estimate"] else ""
    counted = (
        T("{working_days} working days plus {paused} paused, counted from the day after acceptance on {start}.")
        if paused
        else T("{working_days} working days, counted from the day after acceptance on {start}.")
    )
    headline = (
        '<p style="margin:0.25em 0;font-size:1.1em">'
        + say.markup(T("Deadline: {deadline}{estimate}"), deadline=f"<strong>{_value_text(deadline, say)}</strong>", estimate=estimate)
        + '</p><p style="margin:0.25em 0">'
        + say.markup(counted, working_days=values["working_days"], paused=paused, start=started_on.isoformat())
        + "</p>"
    )
    rows = []
    month = date(started_on.year, started_on.month, 1)
    while month <= deadline:
        cells = []
        day = month
        while day.month == month.month:
            kind = days.get(day)
            if kind is None:
                cells.append('<span class="nmpa-cal-day"></span>')
            else:
                deadline_class = " nmpa-cal-deadline" if day == deadline else ""
                tooltip = say.markup(T("{date}: {kind}"), date=day.isoformat(), kind=say(_DAY_KINDS[kind][1])) + (
                    say(T(" (deadline)")) if deadline_class else ""
                )
                cells.append(f'<span class="nmpa-cal-day nmpa-day-{kind}{deadline_class}" title="{tooltip}"></span>')
            day += timedelta(days=1)
        rows.append(
            f'<div class="nmpa-cal-row"><span class="nmpa-cal-month">'
            f'{say.markup(T("{month} {year}"), month=say(_MONTHS[month.month - 1]), year=month.year)}</span>'
            + "".join(cells)
            + "</div>"
        )
        month = day
    holidays = values["holidays_skipped"]
    make_up = values["make_up_workdays_counted"]
    summary = say.markup(
        T(
            "Calendar from {start} to the deadline {deadline}: {holidays} statutory holiday(s) skipped, "
            "{make_up} make-up workday(s) counted, {paused} working day(s) not counted."
        )
        if paused
        else T(
            "Calendar from {start} to the deadline {deadline}: {holidays} statutory holiday(s) skipped, "
            "{make_up} make-up workday(s) counted."
        ),
        start=started_on.isoformat(),
        deadline=deadline.isoformat(),
        holidays=len(holidays),
        make_up=len(make_up),
        paused=paused,
    )
    legend = "".join(
        f'<span style="margin-right:1em;white-space:nowrap"><span class="nmpa-cal-day nmpa-day-{kind}"></span> {say(text)}</span>'
        for kind, (_, text) in _DAY_KINDS.items()
        if kind != "pause" or paused
    )
    listed = (
        '<p style="margin:0.25em 0;font-size:0.85em">'
        + say.markup(
            T("Holidays skipped: {holidays}. Make-up workdays counted: {make_up}. The deadline is outlined."),
            holidays=_dates_unbroken(escape(_value_text(holidays, say))),
            make_up=_dates_unbroken(escape(_value_text(make_up, say))),
        )
        + "</p>"
    )
    return (
        headline
        + _CALENDAR_STYLE
        + f'<div class="nmpa-cal" role="img" aria-label="{escape(summary)}">{"".join(rows)}</div>'
        + f'<p style="margin:0.25em 0;font-size:0.8em;line-height:1.8">{legend}</p>'
        + listed
    )


_FIGURES = {"timelines.review_clock": _review_clock_figure}


# Build-time tables: the presets with their outcomes, and the rules' public contract.

_TABLE_VALUES = {
    "timelines.review_clock": ("deadline",),
    "stem_cells.pathway": ("may_the_patient_be_charged", "governing_document", "approved_stem_cell_drugs"),
}
_TABLE_STYLE = "border-collapse:collapse;width:100%;font-size:0.9em"
_CELL_STYLE = "border:1px solid var(--nmpa-border,#ccd);padding:0.35em 0.5em;vertical-align:top;text-align:left"


def _answer_text(spec: InputSpec, value: Any, say: Words) -> str:
    if spec.kind == "choice":
        return say(dict(spec.choices)[value])
    if spec.kind == "optional_date" and value is None:
        return say(T("none yet"))
    if spec.kind == "number":
        return f"{value:g}"
    return _value_text(value, say)


def preset_table_html(rule_id: str, *, language: str | None = None, strict: bool = False) -> str:
    """Every worked scenario of the rule, decided by the rule now, as a static table."""
    say = Words(language, strict=strict)
    info = rule_info(rule_id)
    shown_values = _TABLE_VALUES.get(rule_id, ())
    header = [say(T("Scenario")), say(T("As of")), say(T("Outcome")), say(T("Why"))]
    header += [_value_label(key, say) for key in shown_values]
    rows = []
    for preset in presets(rule_id):
        decision = evaluate(rule_id, preset.as_of, **preset.inputs)
        answers = "".join(
            f"<li>{escape(say(spec.label))} <strong>{escape(_answer_text(spec, preset.inputs[spec.name], say))}</strong></li>"
            for spec in info.inputs
            if spec.name in preset.inputs
        )
        failed = [r.message for r in decision.reasons if r.passed is False]
        why = failed or [r.message for r in decision.reasons if r.passed]
        cells = [
            f"{escape(say(preset.name))}<details><summary>{say(T('Inputs'))}</summary>"
            f'<ul style="margin:0;padding-left:1.2em">{answers}</ul></details>',
            decision.as_of.isoformat(),
            outcome_badge(decision.outcome, say(decision.outcome_label)),
            "<br>".join(escape(say(text)) for text in why),
        ] + [escape(_value_text(decision.values[key], say)) if key in decision.values else "" for key in shown_values]
        rows.append("<tr>" + "".join(f'<td style="{_CELL_STYLE}">{cell}</td>' for cell in cells) + "</tr>")
    head = "".join(f'<th scope="col" style="{_CELL_STYLE}">{escape(text)}</th>' for text in header)
    caption = say.markup(
        T("Worked scenarios for {rule}, decided by the rules when this page was built."),
        rule=escape(_lower_first(say(info.title))),
    )
    return (
        f'<div style="overflow-x:auto"><table class="nmpa-presets" style="{_TABLE_STYLE}">'
        f"<caption>{caption}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _allowed_text(spec: InputSpec, say: Words) -> str:
    if spec.kind == "choice":
        allowed = "<br>".join(escape(say(label)) for _, label in spec.choices)
    elif spec.kind == "bool":
        allowed = say(T("Yes or no"))
    elif spec.kind == "date":
        allowed = say(T("A date"))
    elif spec.kind == "optional_date":
        allowed = say(T("A date, or none yet"))
    else:
        number = say(describe_number(spec))
        allowed = escape(number[0].upper() + number[1:])
    if spec.on_or_before_as_of:
        allowed += say(T(", on or before the “as of” date"))
    if not spec.required:
        optional = say.markup(T("Optional; if not given: {default}"), default=escape(_answer_text(spec, spec.default, say)))
        allowed += f"<br><em>{optional}</em>"
    return allowed


def _rule_contract_html(info: RuleInfo, say: Words) -> str:
    start = info.in_force_from.isoformat()
    if info.in_force_until:
        in_force = say.markup(T("from {start} until {end} (inclusive)."), start=start, end=info.in_force_until.isoformat())
    else:
        in_force = say.markup(T("from {start} with no end date set."), start=start)
    successor = say.markup(T(" After it: {successor}."), successor=escape(say(info.successor))) if info.successor else ""
    inputs = "".join(
        "<tr>"
        f'<td style="{_CELL_STYLE}">{escape(say(spec.label))}<br><small>{escape(say(spec.help))}</small></td>'
        f'<td style="{_CELL_STYLE}">{_allowed_text(spec, say)}</td>'
        "</tr>"
        for spec in info.inputs
    )
    outcomes = "".join(f"<li>{outcome_badge(outcome, say(label))}</li>" for outcome, label in info.outcomes.items())
    cited = "".join(f"<li>{_source_text(source_id, say)}</li>" for source_id in info.source_ids)
    head = "".join(
        f'<th scope="col" style="{_CELL_STYLE}">{say(text)}</th>' for text in (T("Question"), T("Allowed answers"))
    )
    return (
        f'<section class="nmpa-rule" style="margin-bottom:2em">'
        f"<h3>{escape(say(info.title))}</h3>"
        f"<p>{escape(say(info.summary))}</p>"
        f"<p><strong>{say(T('In force'))}</strong> {in_force}{successor}</p>"
        f'<div style="overflow-x:auto"><table style="{_TABLE_STYLE}"><caption>{say(T("What the rule asks"))}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{inputs}</tbody></table></div>"
        f'<p style="margin:0.75em 0 0.25em 0"><strong>{say(T("Possible answers"))}</strong></p>'
        f'<ul style="list-style:none;padding-left:0;line-height:2">{outcomes}</ul>'
        f"<p><strong>{say(T('Sources'))}</strong></p><ul>{cited}</ul>"
        f"{_command_line_html(info, say)}"
        "</section>"
    )


def _command_line_html(info: RuleInfo, say: Words) -> str:
    """The names the command line takes, folded away: a reader who never types a command
    does not meet them."""
    values = "".join(
        f"<li><code>{escape(spec.name)}=</code>{escape(say(describe_kind(spec)))}: {escape(say(spec.label))}</li>"
        for spec in info.inputs
    )
    outcomes = ", ".join(f"<code>{escape(outcome)}</code>" for outcome in info.outcomes)
    command = f"<code>python -m nmpa_rules check {escape(info.id)} --as-of YYYY-MM-DD</code>"
    return (
        f'<details class="nmpa-command-line"><summary>{say(T("For the command line"))}</summary>'
        f"<p>{say.markup(T('{command} followed by:'), command=command)}</p>"
        f'<ul style="margin:0">{values}</ul><p>{say.markup(T("Outcomes in the output: {outcomes}."), outcomes=outcomes)}</p></details>'
    )


def rules_contract_html(*, language: str | None = None, strict: bool = False) -> str:
    """Each rule's questions, answers, sources and validity, straight from list_rules()."""
    say = Words(language, strict=strict)
    return "".join(_rule_contract_html(info, say) for info in list_rules())
