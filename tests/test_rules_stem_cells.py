"""The stem-cell rule and its pages state Decree No. 818 one way: by article, with one wording per fact."""

import itertools
import json
import re
from datetime import date
from pathlib import Path

import pytest

from nmpa_rules import evaluate
from nmpa_rules.rules.stem_cells_pathway import DATA, INFO

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "book" / "fundamentals" / "stem-cells.md", ROOT / "book" / "intermediate" / "stem-cells.md"]
NOTEBOOK = ROOT / "book" / "calculators" / "stem-cell-pathway.ipynb"


def notebook_prose() -> str:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")


def reader_texts() -> dict[str, str]:
    texts = {path.name + " (" + path.parent.name + ")": path.read_text(encoding="utf-8") for path in PAGES}
    texts[NOTEBOOK.name] = notebook_prose()
    return texts


def unwrapped(text: str) -> str:
    return re.sub(r"\s+", " ", text)


ALL_INPUTS = [
    dict(zip(("purpose", "institution_filed", "place", "clinical_use_approval", "under_way_before_decree",
              "institution_meets_conditions"), combo))
    for combo in itertools.product(
        ("marketing_approval", "clinical_research", "paid_clinical_service"), (True, False),
        ("elsewhere", "boao_lecheng"), ("none", "boao", "nhc"), (True, False), (True, False))
]


def test_fees_after_nhc_approval_are_one_statement_in_rule_pages_and_calculator():
    statement = DATA["nhc_fees"]["statement"]
    assert "Art. 34" in statement and DATA["nhc_fees"]["clause"].startswith("Art. 34")
    decision = evaluate("stem_cells.pathway", "2026-12-05", purpose="paid_clinical_service",
                        institution_filed=True, clinical_use_approval="nhc")
    assert decision.values["may_the_patient_be_charged"] == statement
    for name, text in reader_texts().items():
        assert statement in unwrapped(text), f"{name} does not state the fee rule after NHC approval as the rule does"


def test_the_pages_no_longer_say_the_decree_leaves_those_fees_open():
    for name, text in reader_texts().items():
        flat = unwrapped(text)
        assert not re.search(r"(not|never) (address|deal)\w* [^.]{0,40}fees", flat), name
        assert "could read" not in flat and "law-firm reading" not in flat, name


@pytest.mark.parametrize("given", ALL_INPUTS, ids=lambda g: "-".join(str(v) for v in g.values()))
def test_every_reason_resting_on_decree_818_cites_its_article(given):
    decision = evaluate("stem_cells.pathway", "2026-12-05", **given)
    for reason in decision.reasons:
        if reason.source_id == "decree818_2025":
            assert re.search(r"\bArts?\. \d", reason.clause), f"{reason.check}: {reason.clause}"


def test_amimestrocel_patients_are_aged_14_and_over_everywhere():
    texts = {**reader_texts(), "rule data": DATA["approved_drugs"][0]["description"]}
    for name, text in texts.items():
        flat = unwrapped(text)
        if "amimestrocel" in flat.lower() and ("GVHD" in flat or "graft-versus-host" in flat):
            assert "aged 14 and over" in flat, name
        assert not re.search(r"over 14|14\+|older than 14|above 14", flat), name


def test_the_2015_measures_are_not_given_an_end_date():
    fundamentals = unwrapped(PAGES[0].read_text(encoding="utf-8"))
    assert not re.search(r"2015 Measures[^.]{0,60}until 2026-04-30", fundamentals)
    assert "does not repeal the 2015 Measures" in fundamentals or "names no document" in fundamentals
    caveat = DATA["governing_documents"][-1]["caveat"]
    assert "names no document that it repeals" in caveat and "outranks" in caveat


def test_the_month_to_file_ends_on_the_corresponding_day():
    start, due = DATA["transition"]["from"], DATA["transition"]["filing_due_by"]
    # Civil Code Arts. 201-202: the first day is not counted, so one month from 1 May ends on 1 June.
    assert (start, due) == (date(2026, 5, 1), date(2026, 6, 1))
    assert "2026-05-31" in DATA["transition"]["caveat"], "the stricter reading is shown to the reader"
    assert any(i.name == "under_way_before_decree" and i.default is False for i in INFO.inputs)
