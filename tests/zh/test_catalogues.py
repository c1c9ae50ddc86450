"""Every Chinese translation keeps what makes its paragraph work: the same cross-references,
citations, facts, code and link targets as its English. A translation that drops a citation
or renames a document link would build, and silently teach without its source.

Runs on the catalogues alone, without a build, so translators can run it as they work:
    python -m pytest tests/zh/test_catalogues.py
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

CATALOGUES = Path(__file__).resolve().parents[2] / "locales" / "zh_CN" / "LC_MESSAGES"
ROLE = re.compile(r"\{([\w:-]+)\}`([^`]*)`")
CODE = re.compile(r"(?<![`}])``?([^`]+)``?(?!`)")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
SUBSTITUTION = re.compile(r"\{\{\s*(\w+)\s*\}\}")
# A term, a cross-reference or a download link may show Chinese words for the same target:
# "{term}`中文 <English>`".
EXPLICIT_TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.DOTALL)
TRANSLATABLE_ROLES = {"term", "doc", "ref", "numref", "prf:ref", "download"}


def references(text: str) -> Counter:
    found = Counter()
    for role, content in ROLE.findall(text):
        explicit = EXPLICIT_TARGET.match(content)
        target = explicit.group(2) if explicit and role in TRANSLATABLE_ROLES else content
        found[f"{{{role}}}`{target.strip()}`"] += 1
    without_roles = ROLE.sub(" ", text)
    found.update(f"code `{code}`" for code in CODE.findall(without_roles))
    found.update(f"link ({target})" for target in LINK_TARGET.findall(text))
    found.update(f"{{{{ {name} }}}}" for name in SUBSTITUTION.findall(text))
    return found


def catalogues() -> list[Path]:
    return sorted(CATALOGUES.rglob("*.po"))


@pytest.mark.parametrize("catalogue", catalogues(), ids=lambda path: str(path.relative_to(CATALOGUES)))
def test_a_translation_keeps_the_references_of_its_english(catalogue):
    with catalogue.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id and m.string and not m.fuzzy]
    broken = []
    for message in messages:
        english, chinese = references(message.id), references(message.string)
        if english != chinese:
            missing, added = english - chinese, chinese - english
            broken.append(f"{message.id[:70]!r}: missing {sorted(missing)}, added {sorted(added)}")
    assert not broken, f"{len(broken)} translations differ from their English:\n" + "\n".join(broken[:10])


def test_the_check_sees_a_dropped_citation_and_a_renamed_term():
    english = "Under {cite:p}`dal2019` a {term}`hospital preparation` needs ``approval``."
    assert references(english) == references("依据 {cite:p}`dal2019`，{term}`医疗机构制剂 <hospital preparation>` 需要 ``approval``。")
    assert references(english) != references("{term}`医疗机构制剂 <hospital preparation>` 需要 ``approval``。")
    assert references(english) != references("依据 {cite:p}`dal2019`，{term}`医疗机构制剂 <hospital prep>` 需要 ``approval``。")
