"""The website's form and the command line read the same typed text the same way.

Both routes hand the reader's text to one reader (inputs.read_text through typed.decide_typed).
These properties feed generated text to the form's entry point (browser_form.decide_json, what
the page's script calls in Pyodide) and to the command line's (cli.main, ``check``) and require
the same decision or the same problem quoting the same value. Each input kind gets
ROUTE_EXAMPLES generated texts: digits of several scripts, signs, exponents, separators,
spaces, full-width forms, superscripts, none/null, words and very long text.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from html import escape, unescape

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nmpa_rules.browser_form import AS_OF, decide_json
from nmpa_rules.inputs import as_text
from nmpa_rules.cli import main
from nmpa_rules.evaluation import rule_info
from nmpa_rules.presentation.presets import presets

# 10,000 per kind is the bar the form and the command line must clear together; a quick local
# run may lower it with NMPA_ROUTE_EXAMPLES.
ROUTE_EXAMPLES = int(os.environ.get("NMPA_ROUTE_EXAMPLES", "10000"))

DIGITS = (
    "0123456789"  # ASCII
    "٠١٢٣٤٥٦٧٨٩"  # Arabic-Indic
    "۰۱۲۳۴۵۶۷۸۹"  # Extended Arabic-Indic (Persian)
    "०१२३४५६७८९"  # Devanagari
    "０１２３４５６７８９"  # full-width
    "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉"  # superscript and subscript
    "①⑤〇一二"  # circled, CJK
)
MARKS = "-－−‐.．,，_/eEｅ+＋:：%"
SPACES = [" ", "\t", "\n", "\u3000", "\u00a0", "\u200b", ""]
WORDS = ["none", "None", "NULL", "null", "ｎｏｎｅ", "true", "FALSE", "Ｔｒｕｅ", "yes", "no", "inf", "-inf", "nan",
         "Infinity", "1e400", "1e5", "2.5", "3.5", "0", "-0", "+7", "1_000", "0x10", "١٢", "３．５", "³", "5e-1",
         "2025-01-01", "２０２５－０１－０１", "2025-02-30", "2025-1-1", "20250101", "2026-11-28T00:00", "today"]

token = st.one_of(
    st.text(alphabet=DIGITS, min_size=1, max_size=5),
    st.sampled_from(list(MARKS)),
    st.sampled_from(WORDS),
)


@st.composite
def iso_like(draw):
    """A date-shaped text whose digits come from any script."""
    parts = [draw(st.text(alphabet=DIGITS, min_size=size, max_size=size)) for size in (4, 2, 2)]
    dash = draw(st.sampled_from(["-", "－", "−", "/"]))
    return dash.join(parts)


def typed_text(extra_words: list[str]):
    """Text a reader might type into a control that expects ``extra_words`` among others."""
    pad = st.sampled_from(SPACES)
    body = st.one_of(
        st.lists(token, min_size=1, max_size=6).map("".join),
        iso_like(),
        st.sampled_from(extra_words) if extra_words else st.nothing(),
        st.text(max_size=12),
        st.integers(min_value=990, max_value=1500).map(lambda n: "5" * n),
        st.integers(min_value=990, max_value=1500).map(lambda n: "2025-01-01" + " " * n),
    )
    return st.builds(lambda before, text, after: before + text + after, pad, body, pad)


def base(rule_id: str) -> dict[str, str]:
    """The first worked example of ``rule_id``, as text in its controls."""
    preset = presets(rule_id)[0]
    specs = (AS_OF, *rule_info(rule_id).inputs)
    values = {spec.name: as_text(spec, preset.as_of if spec is AS_OF else preset.inputs.get(spec.name, spec.default))
              for spec in specs}
    return {name: ("none" if value is None else str(value).lower() if isinstance(value, bool) else value)
            for name, value in values.items()}


def problem_head(message: str) -> str:
    """The value as quoted and the problem: what both routes must agree on."""
    return message.split("; ")[0]


def command_line(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return status, out.getvalue(), err.getvalue()


def same_on_both_routes(rule_id: str, name: str, text: str) -> None:
    values = dict(BASE[rule_id])
    values[name] = text
    form = json.loads(decide_json(rule_id, json.dumps(values)))
    status, out, err = command_line(
        ["check", rule_id, f"--as-of={values.pop('as_of')}", *(f"{key}={value}" for key, value in values.items()), "--json"]
    )
    if status == 0:
        decision = json.loads(out)
        assert form["problems"] == {}, (text, form["problems"])
        assert escape(decision["outcome_label"]) in form["html"]
        assert f"as of {decision['as_of']}" in form["html"]
        for reason in decision["reasons"]:
            assert escape(reason["message"]) in form["html"], (text, reason["message"])
        return
    assert status == 2 and out == ""
    lines = err.splitlines()
    labels = {spec.name: spec.label for spec in (AS_OF, *rule_info(rule_id).inputs)}
    assert set(form["problems"]) == {line.removeprefix("error: ").split(": ")[0] for line in lines}, (text, err)
    for field, html in form["problems"].items():
        shown = unescape(re.sub(r"<[^>]+>", "", html.split("⚠ ", 1)[1]))
        cli_line = next(line for line in lines if line.startswith(f"error: {field}: "))
        assert problem_head(cli_line.removeprefix(f"error: {field}: ")) == \
            problem_head(shown.removeprefix(f"{labels[field]}: ")), (text, cli_line, shown)


ROUTES = settings(max_examples=ROUTE_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
# Each kind of input, on a rule that has one; the six texts the two routes once decided
# differently are always tried.
KINDS = [
    ("as of (date)", "timelines.review_clock", "as_of", []),
    ("date", "timelines.review_clock", "started_on", []),
    ("optional date", "imports.pre_approval_batches", "china_approval_date", []),
    ("whole number", "timelines.review_clock", "paused_working_days", []),
    ("number", "biologics.segmented_pilot", "cmo_commercial_biologics_years", []),
    ("yes/no", "stem_cells.pathway", "institution_filed", []),
    ("choice", "stem_cells.pathway", "purpose", ["clinical_research", "Clinical_Research", "clinical research"]),
]


BASE = {rule_id: base(rule_id) for _, rule_id, _, _ in KINDS}
TEXTS = {kind: typed_text(words) for kind, _, _, words in KINDS}


@pytest.mark.parametrize("kind, rule_id, name, words", KINDS, ids=[kind[0] for kind in KINDS])
@ROUTES
@given(data=st.data())
@example(data=None)
def test_the_form_and_the_command_line_decide_alike(kind, rule_id, name, words, data):
    if data is None:
        # The texts the two routes once decided differently, or quoted as Python values.
        for text in ["٥", "３．５", "³", "none", "２０２５－０１－０１", "2.5", "100000", "1e5", "inf"]:
            same_on_both_routes(rule_id, name, text)
        return
    same_on_both_routes(rule_id, name, data.draw(TEXTS[kind]))
