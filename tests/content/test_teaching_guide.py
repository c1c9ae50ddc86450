"""The teaching guide's calculator activities name worked scenarios that the calculators offer.

A trainer reads the guide and then looks for the named scenario in the calculator's menu; a
scenario renamed or dropped from the presets would leave the class with nothing to click.
"""

from __future__ import annotations

import json
import re

from nmpa_rules.presentation.presets import presets

from .book_sources import BOOK

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
