"""Figures that change live once, in src/nmpa_rules/data/facts.yaml, and stay fresh.

Pages show a fact with {fact}`ID` (or {fact-value}`ID`); the timeline writes {fact:ID}.
A page that types the figure itself would keep the old number when the fact is updated, so
these tests look for each fact's figures, in digits or words, next to the fact's keywords.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from nmpa_rules import facts as fact_data

from .book_sources import BOOK, REPO, bib_keys

FACTS_FILE = Path(fact_data.__file__).parent / "data" / "facts.yaml"
HOLIDAY_FILE = Path(fact_data.__file__).parent / "data" / "holiday_calendar.yaml"
REQUIRED = ("id", "value", "phrase", "as_of", "source", "confidence", "note", "keywords")
FACT_REFERENCE = re.compile(r"\{fact(?:-value)?\}`([^`]+)`|\{fact:([a-z0-9_]+)\}")
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def entry_problems(entry: dict, known_keys: set[str]) -> list[str]:
    """What is wrong with one raw entry of facts.yaml (empty when nothing is)."""
    name = entry.get("id", "(no id)")
    problems = [f"{name}: {field} is missing or empty" for field in REQUIRED if entry.get(field) in (None, "", [])]
    if entry.get("as_of") is not None and not isinstance(entry["as_of"], date):
        problems.append(f"{name}: as_of {entry['as_of']!r} is not a date (YYYY-MM-DD)")
    if entry.get("confidence") not in (None, "primary", "secondary"):
        problems.append(f"{name}: confidence {entry['confidence']!r} is not primary or secondary")
    if entry.get("source") and entry["source"] not in known_keys:
        problems.append(f"{name}: source {entry['source']!r} is not a key of book/references.bib")
    return problems


def raw_entries() -> list[dict]:
    return yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))["facts"]


def test_every_fact_has_value_date_source_and_confidence():
    problems = [p for entry in raw_entries() for p in entry_problems(entry, bib_keys())]
    assert not problems, "\n".join(problems)


def test_the_entry_check_reports_a_missing_field_and_an_unknown_source():
    broken = {**raw_entries()[0], "source": "no_such_key_2099"}
    del broken["as_of"]
    problems = entry_problems(broken, bib_keys())
    assert any("as_of is missing" in p for p in problems)
    assert any("no_such_key_2099" in p for p in problems)


def figures(fact: fact_data.Fact) -> set[str]:
    """The figures of a fact as a page might type them: "71", "17,000", "17000", "four"."""
    found = set(re.findall(r"\d{1,3}(?:,\d{3})+|\d+", ISO_DATE.sub(" ", fact.text)))
    found |= {f.replace(",", "") for f in found}
    if isinstance(fact.value, int) and fact.value < len(NUMBER_WORDS):
        found |= {str(fact.value), NUMBER_WORDS[fact.value]}
    return found


def copy_pattern(fact: fact_data.Fact) -> re.Pattern:
    """A figure of the fact followed closely (same clause) by one of its keywords."""
    numbers = "|".join(sorted((re.escape(f) for f in figures(fact)), key=len, reverse=True))
    keywords = "|".join(re.escape(k) for k in fact.keywords)
    return re.compile(rf"(?<![\w.,-])(?:{numbers})(?![\w-]|,\d)[^.;:|\n]{{0,30}}?\b(?:{keywords})", re.IGNORECASE)


def scanned_files() -> list[Path]:
    pages = sorted(BOOK.rglob("*.md")) + sorted(BOOK.rglob("*.ipynb"))
    skipped = {"_build", "_static", ".ipynb_checkpoints"}  # _static holds vendored packages
    pages = [p for p in pages if not skipped & set(p.relative_to(BOOK).parts)]
    return pages + [BOOK / "reference" / "timeline.csv", BOOK / "references.bib"]


def readable_text(path: Path) -> str:
    """The text a reader can end up seeing: for a notebook, its cells' sources, not outputs."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(cell["source"]) for cell in cells)
    return path.read_text(encoding="utf-8")


def hard_coded_copies(text: str, facts: tuple[fact_data.Fact, ...]) -> list[str]:
    text = FACT_REFERENCE.sub(" ", text)
    return [
        f"{fact.id}: {match.group(0)!r}"
        for fact in facts
        for match in copy_pattern(fact).finditer(text)
    ]


@pytest.mark.parametrize("path", scanned_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_page_types_a_figure_the_facts_file_holds(path):
    copies = hard_coded_copies(readable_text(path), fact_data.facts())
    assert not copies, f"{path.relative_to(REPO)} types figures that belong in facts.yaml (use {{fact}}`ID`): {copies}"


def test_the_copy_scan_finds_typed_figures_in_digits_and_words():
    sample = (
        "Press reports counted 71 designated institutions and 140 products (63 drugs, 77 devices). "
        "About 17,000 patient visits. Four drugs approved with Boao data. One stem-cell drug is approved."
    )
    found = " ".join(hard_coded_copies(sample, fact_data.facts()))
    for fact_id in ("gba_institutions", "gba_products", "gba_patient_visits", "boao_rwd_drugs_2023_10", "stem_cell_drugs_approved"):
        assert fact_id in found
    assert not hard_coded_copies("Review in 10 working days for listed products and 20 otherwise.", fact_data.facts())


def test_every_fact_a_page_names_exists():
    known = {f.id for f in fact_data.facts()}
    unknown = [
        f"{path.relative_to(REPO)}: {name}"
        for path in scanned_files()
        for match in FACT_REFERENCE.finditer(readable_text(path))
        for name in [(match.group(1) or match.group(2)).strip()]
        if name not in known
    ]
    assert not unknown, unknown


def over_budget_report(on: date, budget_months: int) -> tuple[list[str], list[str]]:
    """Every current fact with its age on ``on``, and those older than the budget."""
    current = [f for f in fact_data.facts() if not f.is_history]
    ages = [f"{f.id}: as of {f.as_of.isoformat()}, {f.months_old(on)} months before {on.isoformat()}" for f in current]
    stale = [f.id for f in fact_data.stale_facts(on, budget_months)]
    return ages, stale


def test_no_current_fact_is_older_than_the_staleness_budget():
    # Measured against the book's review date in facts.yaml, not today's date: the suite
    # gives the same answer on any day, and bumping the review date forces a re-check.
    ages, stale = over_budget_report(fact_data.REVIEWED_ON, fact_data.STALENESS_BUDGET_MONTHS)
    print(f"\nFact ages on the review date (budget {fact_data.STALENESS_BUDGET_MONTHS} months):")
    print("\n".join(ages))
    assert not stale, f"older than {fact_data.STALENESS_BUDGET_MONTHS} months on {fact_data.REVIEWED_ON}: {stale}"


def test_the_staleness_check_flags_facts_once_the_review_date_moves_on():
    later = date(fact_data.REVIEWED_ON.year + 3, fact_data.REVIEWED_ON.month, 1)
    _, stale = over_budget_report(later, fact_data.STALENESS_BUDGET_MONTHS)
    assert "gba_institutions" in stale
    assert "gba_institutions_2025_07" not in stale, "a superseded figure is history and cannot go stale"


def test_the_holiday_fact_agrees_with_the_calendar_the_review_clock_uses():
    calendar = yaml.safe_load(HOLIDAY_FILE.read_text(encoding="utf-8"))
    assert fact_data.fact("holiday_arrangement_latest").value == calendar["arrangements"]["last_published_year"]


def test_every_fact_reads_in_chinese_in_the_chinese_edition():
    for item in fact_data.facts():
        chinese = item.text_in("zh")
        assert not re.search(r"[A-Za-z]{3,}", chinese), f"{item.id}: English left in {chinese!r}"
        if isinstance(item.value, int):
            assert str(item.value) in chinese, f"{item.id}: the figure {item.value} is missing from {chinese!r}"
