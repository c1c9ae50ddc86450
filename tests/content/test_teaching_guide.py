"""The teaching guide's calculator activities name worked scenarios that the calculators offer.

A trainer reads the guide and then looks for the named scenario in the calculator's menu; a
scenario renamed or dropped from the presets would leave the class with nothing to click.
"""

from __future__ import annotations

import json
import re

from nmpa_rules.presentation.presets import presets

from .book_sources import BOOK, page_path, page_text

GUIDE = BOOK / "reference" / "teaching-guide.md"
ACTIVITY = re.compile(r"^\*\*Calculator activity\.\*\*(.*?)(?=^\s*$)", re.MULTILINE | re.DOTALL)
CALCULATOR_PAGE = re.compile(r"\{doc\}`\.\./calculators/([\w-]+)`")
QUOTED = re.compile(r'"([^"]+)"')
RULE_CALL = re.compile(r'calculator\("([\w.]+)"\)')


def _rule_of(page: str) -> str:
    notebook = json.loads((BOOK / "calculators" / f"{page}.ipynb").read_text(encoding="utf-8"))
    code = "".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
    return RULE_CALL.search(code).group(1)


def activities() -> list[tuple[str, list[str]]]:
    found = []
    for paragraph in ACTIVITY.findall(GUIDE.read_text(encoding="utf-8")):
        text = " ".join(paragraph.split())
        page = CALCULATOR_PAGE.search(text).group(1)
        found.append((page, QUOTED.findall(text)))
    return found


def test_every_module_has_a_calculator_activity_with_named_scenarios():
    found = activities()
    assert len(found) >= 5, "one calculator activity per module"
    assert all(names for _, names in found), "each activity names at least one worked scenario"


def test_every_scenario_the_guide_names_is_in_its_calculators_menu():
    for page, names in activities():
        offered = {preset.name for preset in presets(_rule_of(page))}
        missing = [name for name in names if name not in offered]
        assert not missing, f"the guide names scenarios that {page} does not offer: {missing}"


MODULE = re.compile(r"^\(teaching-guide-module-(\d+)\)=\n(.*?)(?=^\(teaching-guide-[a-z]+(?:-\d+)?\)=|\Z)", re.MULTILINE | re.DOTALL)
READING = re.compile(r":::\{reading-load\}\n:chapters: ([^\n]+)")
OUTCOMES = re.compile(r"^\*\*Learning outcomes\.\*\*.*?\n\n(.*?)(?=\n\n)", re.MULTILINE | re.DOTALL)
TERM = re.compile(r"\{term\}`(?:[^`<]*<)?([^`>]+)>?`")


def modules() -> list[tuple[int, list[str], str]]:
    """Each module's number, the chapters read before class, and its learning outcomes."""
    guide = GUIDE.read_text(encoding="utf-8")
    return [(int(n), READING.search(body).group(1).split(), OUTCOMES.search(body).group(1)) for n, body in MODULE.findall(guide)]


def untaught_terms(outcomes: str, chapters: list[str]) -> list[str]:
    """Glossary terms an outcome names that none of the module's chapters mentions."""
    taught = " ".join(" ".join(page_text(page_path(d)).split()).lower() for d in chapters)
    return [term for term in TERM.findall(outcomes) if term.lower() not in taught]


def test_every_module_lists_its_outcomes_and_its_reading():
    found = modules()
    assert [n for n, _, _ in found] == [1, 2, 3, 4, 5]
    assert all(chapters and outcomes.startswith("1. ") for _, chapters, outcomes in found)


def test_every_outcome_term_is_taught_in_the_modules_own_pages():
    for number, chapters, outcomes in modules():
        missing = untaught_terms(outcomes, chapters)
        assert not missing, f"module {number}: outcomes name {missing}, which its pages ({chapters}) do not teach"


def test_the_outcome_check_catches_a_term_the_pages_do_not_teach():
    outcomes = "1. compare with the EU {term}`Hospital exemption` and {term}`reliance <Regulatory reliance>`;"
    assert untaught_terms(outcomes, ["book/fundamentals/biologics", "book/intermediate/biologics"]) == ["Hospital exemption", "Regulatory reliance"]
