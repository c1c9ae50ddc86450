"""Decide a rule on what a person typed: the one path from text to a decision.

The command line (``check``) and the website's form both call ``decide_typed``, so the same
text gets the same decision or the same message on every route; inputs.read_text is the
only reader of the text itself.
"""

from __future__ import annotations

from typing import Any, Mapping

from .errors import MISSING, InputError
from .evaluation import evaluate, rule_info
from .inputs import AS_OF, echo_typed, read_texts
from .model import Decision


def decide_typed(rule_id: str, typed: Mapping[str, Any]) -> Decision:
    """Decide ``rule_id`` on ``typed``, which maps "as_of" and input names to text.

    A name that is not an input of the rule is passed on as typed, so that evaluate() says
    so. Raises InputError (InputErrors for several) whose messages quote the typed text.
    """
    specs = (AS_OF, *rule_info(rule_id).inputs)
    known = {spec.name for spec in specs}
    given = read_texts(specs, typed)
    given.update((name, value) for name, value in typed.items() if name not in known)
    as_of = given.pop(AS_OF.name, MISSING)
    try:
        return evaluate(rule_id, as_of, **given)
    except InputError as error:
        raise echo_typed(error, typed) from None

