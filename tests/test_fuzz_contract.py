"""Generated scenario files and inputs of any shape: a result, or one clear InputError.

The contract: `python -m nmpa_rules test FILE` returns 0 or 1 with a pass/fail line per
case, or 2 with "error:" lines; evaluate() returns a Decision or raises InputError. Any
other exception fails these tests.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

import numpy as np
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nmpa_rules import Decision, InputError, evaluate, list_rules
from nmpa_rules.cli import main

RULES = list_rules()
INPUT_NAMES = sorted({spec.name for info in RULES for spec in info.inputs})
CHOICES = sorted({value for info in RULES for spec in info.inputs for value in spec.choice_values})

YAML_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
    st.sampled_from(CHOICES + INPUT_NAMES + [info.id for info in RULES] + ["2025-02-30", "２０２５-０１-０１", "５"]),
)
YAML_KEYS = st.one_of(st.text(max_size=12), st.integers(), st.none(), st.booleans(), st.dates(),
                      st.sampled_from(INPUT_NAMES + ["name", "rule", "as_of", "input", "expect", "outcome", "error",
                                                     "values", "cites"]))
YAML_VALUES = st.recursive(
    YAML_SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(YAML_KEYS, children, max_size=4)),
    max_leaves=20,
)


@st.composite
def scenario_documents(draw):
    """A case that is nearly right with parts swapped for anything, or anything at all."""
    info = draw(st.sampled_from(RULES))
    case = {
        "name": draw(st.one_of(st.text(min_size=1, max_size=20), YAML_VALUES)),
        "rule": info.id,
        "as_of": draw(st.one_of(st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)), YAML_SCALARS)),
        "input": {spec.name: draw(st.one_of(YAML_SCALARS, st.sampled_from(spec.choice_values or (True,))))
                  for spec in info.inputs if draw(st.booleans())},
        "expect": draw(st.one_of(
            st.fixed_dictionaries({"outcome": st.sampled_from(sorted(info.outcomes))}),
            st.fixed_dictionaries({"error": st.sampled_from(["as_of", "rule"] + [s.name for s in info.inputs])}),
            YAML_VALUES,
        )),
    }
    for key in draw(st.lists(st.sampled_from(sorted(case)), max_size=2, unique=True)):
        if draw(st.booleans()):
            del case[key]
        else:
            case[key] = draw(YAML_VALUES)
    return draw(st.one_of(st.just([case]), st.just(case), YAML_VALUES.map(lambda junk: [case, junk])))


def run_file(content: bytes, capsys) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(content)
        status = main(["test", str(path)])
    captured = capsys.readouterr()
    assert status in (0, 1, 2)
    if status == 2:
        assert captured.out == "" and captured.err.startswith("error: ")
        assert all(line.startswith("error: ") for line in captured.err.splitlines())
    else:
        assert captured.out.splitlines()[-1].endswith(" failed")


FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(scenario_documents())
def test_any_scenario_file_gives_results_or_clear_errors(capsys, document):
    run_file(yaml.safe_dump(document, allow_unicode=True).encode("utf-8"), capsys)


@FUZZ
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)))
def test_any_bytes_give_results_or_clear_errors(capsys, content):
    run_file(content, capsys)


@FUZZ
@given(st.lists(st.sampled_from(["- ", "&a ", "*a ", "[", "]", "{", "}", ": ", ", ", "\n", "  ", "x", "1", "? ",
                                 "!!set ", "!!python/object ", "<<: ", "'", '"', "#", "---\n", "2025-01-01"]),
                max_size=40).map("".join))
def test_yaml_syntax_soup_gives_clear_errors(capsys, text):
    run_file(text.encode("utf-8"), capsys)


ODD_VALUES = st.one_of(
    YAML_SCALARS,
    st.integers(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions(),
    st.builds(np.int64, st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    st.builds(np.float64, st.floats(allow_nan=True)),
    st.builds(np.bool_, st.booleans()),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just(object()),
    st.just(b"\xff"),
)


@settings(max_examples=300)
@given(st.sampled_from(RULES), st.one_of(st.dates(), ODD_VALUES), st.data())
def test_evaluate_gives_a_decision_or_an_input_error(info, as_of, data):
    inputs = {}
    for spec in info.inputs:
        if data.draw(st.booleans()):
            inputs[spec.name] = data.draw(ODD_VALUES)
    if data.draw(st.booleans()):
        inputs[data.draw(st.text(min_size=1, max_size=8))] = data.draw(ODD_VALUES)
    try:
        decision = evaluate(info.id, as_of, **inputs)
    except InputError as err:
        for problem in err.problems:
            assert problem.field and problem.reader_message() and len(str(problem)) < 1000
    else:
        assert isinstance(decision, Decision) and decision.outcome in info.outcomes
        assert isinstance(as_of, (date, str)) and not isinstance(as_of, datetime)
