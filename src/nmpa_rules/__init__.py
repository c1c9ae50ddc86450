"""Dated, explainable rules on how China's NMPA handles individualized therapies.

Every decision is made for an ``as_of`` date the caller passes in, and lists each condition
checked with the source and clause it rests on.
"""

from .errors import InputError, InputErrors
from .evaluation import RULES_VERSION, evaluate, list_rules, rule_info
from .model import Decision, InputSpec, Reason, RuleInfo, Source
from .sources import source, sources

__all__ = [
    "evaluate",
    "list_rules",
    "rule_info",
    "sources",
    "source",
    "Decision",
    "Reason",
    "Source",
    "RuleInfo",
    "InputSpec",
    "InputError",
    "InputErrors",
    "RULES_VERSION",
]
