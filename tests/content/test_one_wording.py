"""One wording per held fact, and dates that agree with the texts they cite.

A fact the book holds in one place (a rule's dated value, a source's validity, an approval's
wording) must not be restated differently elsewhere. Two checks:

- every dated value in a rule's data file lies within the validity of the source it cites, as
  sources.yaml records it: a rule cannot apply a text before it was in force, nor after it
  ended;
- pages, notebooks, rule data and the bibliography never use the wordings that were found to
  contradict a held fact (each listed with the fact it contradicts).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from nmpa_rules.sources import sources

SOURCES = {s.id: s for s in sources()}

REPO = Path(__file__).resolve().parents[2]
RULE_DATA = sorted(p for p in (REPO / "src" / "nmpa_rules" / "data").glob("*.yaml")
                   if p.name not in {"facts.yaml", "sources.yaml", "version.yaml", "holiday_calendar.yaml",
                                     "clause_cards.yaml"})


def dated_values(node, path="") -> list[tuple[str, dict]]:
    """Every mapping in a data file that cites a source and carries a from or until date."""
    found = []
    if isinstance(node, dict):
        if "source" in node and isinstance(node.get("from") or node.get("until"), date):
            found.append((path, node))
        for key, value in node.items():
            found += dated_values(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += dated_values(value, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("data_file", RULE_DATA, ids=lambda p: p.name)
def test_a_rule_applies_a_text_only_while_the_text_is_in_force(data_file):
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    problems = []
    for path, value in dated_values(data):
        source = SOURCES.get(value["source"])
        if source is None:
            continue  # an unknown source id fails tests/test_sources.py
        start, end = value.get("from"), value.get("until")
        if start and source.in_force_from and start < source.in_force_from:
            problems.append(f"{path}: from {start}, but {value['source']} is in force only from {source.in_force_from}")
        if end and source.in_force_until and end > source.in_force_until:
            problems.append(f"{path}: until {end}, but {value['source']} ended on {source.in_force_until}")
        if start and source.in_force_until and start > source.in_force_until:
            problems.append(f"{path}: from {start}, after {value['source']} ended on {source.in_force_until}")
    assert not problems, f"{data_file.name}:\n" + "\n".join(problems)


# (a wording that contradicts a held fact, the fact it contradicts)
CONTRADICTIONS = [
    (r"\b(?:over|older than|above) (?:the age of )?14\b",
     "amimestrocel is for patients aged 14 and over (14岁以上 includes 14)"),
    (r"\b(?:open|opened|opening|start|started|began|launched)\b[^.:]{0,80}\b2020-09-29\b",
     "the Greater Bay Area route opened in the nine cities on 2021-08-27; 2020-09-29 is the work plan's date"),
    (r"off[- ]label[^.]{0,80}\b2019-12-01\b|\b2019-12-01\b[^.]{0,80}off[- ]label",
     "off-label use rests on the Physicians Law, in force 2022-03-01"),
    (r"(?:until|to|through) 2026-04-30[^.]{0,80}(?:2015 Measures|Measures)|(?:2015 Measures|Measures)[^.]{0,80}until 2026-04-30",
     "no repeal of the 2015 stem-cell Measures was found"),
    (r"fees? (?:after|for) (?:NHC[- ]approved |approved )?(?:clinical )?translation[^.]{0,60}not addressed|not address(?:ed)? fees",
     "Decree No. 818 Art. 34 addresses fees after NHC approval"),
    (r"under certain circumstances",
     "Decree No. 828 Arts. 32-33 name the categories of segmented contract production"),
]
SEARCHED = [
    *(REPO / "book").rglob("*.md"),
    *(REPO / "book" / "calculators").glob("*.ipynb"),
    REPO / "book" / "references.bib",
    *(REPO / "src" / "nmpa_rules").rglob("*.yaml"),
    *(REPO / "src" / "nmpa_rules" / "rules").glob("*.py"),
]
# The changelog quotes what the book used to say, so that a reader can see what changed.
NOT_SEARCHED = {REPO / "book" / "reference" / "changelog.md"}


def test_no_page_or_rule_restates_a_held_fact_in_words_that_contradict_it():
    found = []
    for path in SEARCHED:
        if path in NOT_SEARCHED or "_build" in path.parts:
            continue
        text = " ".join(path.read_text(encoding="utf-8").split())
        for pattern, fact in CONTRADICTIONS:
            for match in re.finditer(pattern, text, re.IGNORECASE):
                found.append(f"{path.relative_to(REPO)}: {match.group(0)!r} — but {fact}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("pattern, fact", CONTRADICTIONS, ids=[fact[:40] for _, fact in CONTRADICTIONS])
def test_each_contradiction_pattern_catches_the_wording_it_was_written_for(pattern, fact):
    examples = {
        0: "approved for patients over 14 with GVHD",
        1: "the route opened on 2020-09-29 in Shenzhen",
        2: "off-label use has been lawful since 2019-12-01",
        3: "projects were filed under the 2015 Measures until 2026-04-30",
        4: "the decree does not address fees after NHC-approved translation",
        5: "segments are allowed under certain circumstances",
    }
    index = [p for p, _ in CONTRADICTIONS].index(pattern)
    assert re.search(pattern, examples[index], re.IGNORECASE)
