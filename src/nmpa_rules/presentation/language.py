"""The language a calculator speaks, and its words in that language.

A view is given a language (``en`` or ``zh``); given none, it speaks the language set in the
environment variable ``NMPA_RULES_LANGUAGE`` (the Chinese edition of the book sets it while its
notebooks run), else English. Only views read it: a rule decides the same in every language.
"""

from __future__ import annotations

import os
import re
from typing import Any

from ..translation import ENGLISH, Text, check_language, translate

ENVIRONMENT_VARIABLE = "NMPA_RULES_LANGUAGE"
_LATIN = re.compile(r"[A-Za-z]")


def default_language() -> str:
    """The language of ``NMPA_RULES_LANGUAGE``, or English when it is unset or empty."""
    return check_language(os.environ.get(ENVIRONMENT_VARIABLE) or ENGLISH)


def resolve_language(language: str | None) -> str:
    return default_language() if language is None else check_language(language)


class Words:
    """Shows the rules' and the calculators' words in one language.

    ``strict``: a word with no entry in the catalogue raises MissingTranslation instead of
    being shown in English (the catalogue tests render every scenario this way).
    """

    def __init__(self, language: str | None = None, *, strict: bool = False):
        self.language = resolve_language(language)
        self.strict = strict

    def __call__(self, text: Any) -> str:
        """``text`` in the reader's language. Words without a Latin letter (a Chinese title, a
        date, a number) are shown as they are."""
        if not isinstance(text, Text) and not (isinstance(text, str) and _LATIN.search(text)):
            return text if isinstance(text, str) else str(text)
        return translate(text, self.language, strict=self.strict)

    def markup(self, template: Text, **html: Any) -> str:
        """``template`` translated, its ``{fields}`` filled with ready HTML. The template is the
        calculators' own words, written (and translated) without markup characters."""
        return translate(template, self.language, strict=self.strict).format(**html)
