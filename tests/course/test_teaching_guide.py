"""The teaching guide's computed tables: what its prose says about them holds."""

from __future__ import annotations

import re

from .conftest import FULL_HTML, visible_text

TOTAL_ROW = re.compile(r"<tr[^>]*>\s*<td[^>]*><p><strong>Total</strong></p>\s*</td>\s*<td[^>]*><p><strong>([\d,]+)</strong></p>\s*</td>\s*<td[^>]*><p><strong>(\d+)</strong>")


def module_reading_minutes() -> list[int]:
    guide = (FULL_HTML / "book" / "reference" / "teaching-guide.html").read_text(encoding="utf-8")
    return [int(minutes) for _, minutes in TOTAL_ROW.findall(guide)]


def test_every_module_states_its_reading_time():
    guide = (FULL_HTML / "book" / "reference" / "teaching-guide.html").read_text(encoding="utf-8")
    modules = re.findall(r"<h3>Module \d+\.", guide)
    assert len(modules) >= 4
    assert len(module_reading_minutes()) == len(modules), "a module without a computed reading table"


def test_the_reading_load_is_balanced_as_the_guide_says():
    minutes = module_reading_minutes()
    guide = visible_text((FULL_HTML / "book" / "reference" / "teaching-guide.html").read_text(encoding="utf-8"))
    assert "none asks for more than about twice the reading of another" in guide
    assert max(minutes) <= 2 * min(minutes), f"reading minutes per module: {minutes}"
    assert "between twenty minutes and three quarters of an hour of reading" in guide
    assert 20 <= min(minutes) and max(minutes) <= 45, f"reading minutes per module: {minutes}"
