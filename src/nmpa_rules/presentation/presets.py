"""The worked scenarios each calculator offers, read from ``nmpa_rules/presets/``.

A preset file has the scenario-test format, so the scenario runner checks every preset's
expected outcome and a preset that has gone wrong fails a test instead of misleading a reader.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..evaluation import rule_info
from ..facts import REVIEWED_ON
from ..scenarios import Scenario, load_scenarios

REVIEW_DATE = REVIEWED_ON
"""The date the book was last reviewed (``reviewed_on`` in facts.yaml): the default "as of" of
every calculator. A fixed date, not today's, so that a page shows the same answers on every build.
"""

PRESETS_DIR = Path(__file__).resolve().parent.parent / "presets"


def preset_file(rule_id: str) -> Path:
    return PRESETS_DIR / (rule_id.replace(".", "_") + ".yaml")


@lru_cache(maxsize=None)
def presets(rule_id: str) -> tuple[Scenario, ...]:
    """The rule's worked scenarios in file order; the first is what a calculator opens on."""
    rule_info(rule_id)  # an unknown rule id fails here, with the list of known ones
    return tuple(load_scenarios(preset_file(rule_id)))
