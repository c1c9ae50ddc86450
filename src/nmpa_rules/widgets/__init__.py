"""Calculators for the book: ipywidgets forms over the rules, and tables built from them.

This is the only module that imports ipywidgets, so ``import nmpa_rules`` stays fast. It
renders Decisions and never decides anything itself.

In a notebook::

    from nmpa_rules.widgets import calculator, preset_table
    calculator("biologics.segmented_pilot")
    preset_table("biologics.segmented_pilot")
    calculator("biologics.segmented_pilot", language="zh")   # in Chinese (a toggle switches back)
"""

from __future__ import annotations

from IPython.display import HTML

from .form import AS_OF, Calculator, calculator
from ..presentation.presets import REVIEW_DATE, presets
from ..presentation.render import preset_table_html, rules_contract_html


def preset_table(rule_id: str, language: str | None = None) -> HTML:
    """The worked scenarios and what the rule decides for each: readable without a kernel.
    ``language``: ``en`` or ``zh``; by default that of NMPA_RULES_LANGUAGE, else English."""
    return HTML(preset_table_html(rule_id, language=language))


def rules_contract(language: str | None = None) -> HTML:
    """Every rule's id, inputs, outcomes, sources and validity, from list_rules(), in ``language``."""
    return HTML(rules_contract_html(language=language))


__all__ = ["AS_OF", "Calculator", "REVIEW_DATE", "calculator", "preset_table", "presets", "rules_contract"]
