"""The calculators' gettext catalogues as the tests read them: what the extraction tool finds per
domain (``rules`` or ``ui``), and the translated, non-fuzzy Chinese entries of each catalogue."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from nmpa_rules.translation import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "src" / "nmpa_rules" / "locales" / "zh" / "LC_MESSAGES"


@cache
def messages(domain: str) -> dict[str, list[str]]:
    """English text → where it comes from, as scripts/rule_messages.py (the translators' tool) finds them."""
    spec = importlib.util.spec_from_file_location("rule_messages", ROOT / "scripts" / "rule_messages.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    found: dict[str, list[str]] = {}
    for text, where in tool.all_messages((domain,))[domain]:
        found.setdefault(text, []).append(where)
    return found


@cache
def entries(domain: str) -> dict[str, str]:
    return read_po((LOCALES / f"{domain}.po").read_text(encoding="utf-8"))
