"""The public entry points: evaluate a rule, list the rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from .datafiles import load_data_file
from .errors import InputError, raise_all
from .inputs import AS_OF_LABEL, check_inputs, one_of, parse_date
from .model import Decision, RuleInfo
from .rules import RULE_MODULES
from .sources import source
from .translation import T

RULES_VERSION: str = load_data_file("version.yaml", {"rules_data_version": "text"}, None)["rules_data_version"]


def list_rules() -> tuple[RuleInfo, ...]:
    return tuple(module.INFO for module in RULE_MODULES.values())


def rule_info(rule_id: str) -> RuleInfo:
    try:
        return RULE_MODULES[rule_id].INFO
    except (KeyError, TypeError):
        raise InputError("rule", rule_id, one_of(list(RULE_MODULES)), problem=T("is not a known rule")) from None


def evaluate(rule_id: str, as_of: date | str, /, **inputs: Any) -> Decision:
    """Decide ``rule_id`` on ``as_of`` for ``inputs``.

    Anything invalid raises InputError; several problems at once raise InputErrors (an
    InputError whose ``problems`` lists every one: as_of first, then the inputs).
    """
    info = rule_info(rule_id)
    problems: list[InputError] = []
    on = None
    try:
        on = parse_date("as_of", as_of, label=AS_OF_LABEL)
    except InputError as problem:
        problems.append(problem)
    try:
        checked = check_inputs(info, on, inputs)
    except InputError as problem:
        problems.append(problem)
    raise_all(problems)
    finding = RULE_MODULES[rule_id].decide(on, checked)
    warnings = list(finding.warnings)
    for reason in finding.reasons:
        cited = source(reason.source_id)
        if not cited.is_primary:
            warning = T("'{check}' rests on a {confidence}: {citation}.", check=reason.description,
                        confidence=cited.confidence_label, citation=cited.citation())
            if warning not in warnings:
                warnings.append(warning)
    return Decision(
        rule_id=rule_id,
        as_of=on,
        outcome=finding.outcome,
        outcome_label=info.outcomes[finding.outcome],
        reasons=tuple(finding.reasons),
        values=finding.values,
        warnings=tuple(warnings),
        rules_version=RULES_VERSION,
    )
