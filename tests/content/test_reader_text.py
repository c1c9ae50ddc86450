"""What a reader sees never speaks of the project's own files or internal identifiers.

The prose of every page in the table of contents (notebooks: their Markdown cells) is read
the way a reader meets it: code cells and code blocks are left out, since code must use the
real names, and so are role targets such as the key in {cite:p}`key`. What remains must not
mention the project's seed texts or source pack, show a bibliography key, a rule id, or a
rule's input, outcome or choice code (snake_case names a reader never types).
"""

from __future__ import annotations

import json
import re

import pytest

from nmpa_rules import list_rules

from .book_sources import BOOK, bib_keys, page_path, toc_docnames

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,}|:{3,})\s*(?P<info>\S*)")
# Fenced blocks whose content a reader sees as prose (admonitions, exercises, tables...).
PROSE_DIRECTIVE = re.compile(r"^\{(?!code-cell|code-block|code|literalinclude|raw|eval-rst)[\w:-]+\}$")
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<content>[^`]*)`")
SHOWN_ROLE_TEXT = {"term", "abbr", "sub", "sup", "kbd", "guilabel", "math"}
PROJECT_FILES = re.compile(r"\bseeds?\s*(?:no\.\s*)?\d+|\bseed\s+(?:pack|texts?|essays?|files?)\b|\bsource\s+pack\b", re.I)


def shown_role_text(match: re.Match) -> str:
    content = match.group("content")
    if "<" in content:  # {doc}`text <target>`: the text shows, the target does not
        return content.split("<", 1)[0]
    return content if match.group("role") in SHOWN_ROLE_TEXT else " "


def prose_of_markdown(text: str) -> str:
    """The Markdown a reader sees: no front matter, code blocks, labels, comments or role targets."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    kept, open_fence, skipping = [], None, False
    for line in text.splitlines():
        match = FENCE.match(line.strip())
        if open_fence is None and match:
            open_fence = match.group("fence")
            skipping = not PROSE_DIRECTIVE.match(match.group("info") or "")
            continue
        if open_fence is not None and line.strip() == open_fence:
            open_fence, skipping = None, False
            continue
        if skipping or re.match(r"^\s*\([\w-]+\)=\s*$", line):
            continue
        kept.append(line)
    prose = "\n".join(kept)
    prose = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", prose)  # a link shows its text
    return ROLE.sub(shown_role_text, prose)


def page_prose(docname: str) -> str:
    path = page_path(docname)
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join(prose_of_markdown("".join(c["source"])) for c in cells if c["cell_type"] == "markdown")
    return prose_of_markdown(path.read_text(encoding="utf-8"))


def internal_names() -> dict[str, str]:
    """Each name a reader should not see, with what it is."""
    names: dict[str, str] = {}
    for key in bib_keys():
        if re.search(r"[_\d]", key):  # a key that is an ordinary word cannot be told from prose
            names[key] = "bibliography key"
    for rule in list_rules():
        names[rule.id] = "rule id"
        for spec in rule.inputs:
            if "_" in spec.name:
                names[spec.name] = f"input name of {rule.id}"
            for value, _label in spec.choices:
                if "_" in str(value):
                    names.setdefault(str(value), f"choice code of {rule.id}")
        for outcome in rule.outcomes:
            if "_" in outcome:
                names.setdefault(outcome, f"outcome code of {rule.id}")
    return names


NAMES = internal_names()
NAME_PATTERN = re.compile(
    r"(?<![\w./-])(" + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)) + r")(?![\w-])"
)


def reader_text_problems(prose: str) -> list[str]:
    problems = [f"mentions the project's files: {m.group(0)!r}" for m in PROJECT_FILES.finditer(prose)]
    problems += [f"shows a {NAMES[m.group(1)]}: {m.group(1)!r}" for m in NAME_PATTERN.finditer(prose)]
    return problems


@pytest.mark.parametrize("docname", toc_docnames())
def test_the_page_speaks_to_readers_not_to_the_project(docname):
    problems = reader_text_problems(page_prose(docname))
    assert not problems, f"{docname}: {problems}"


def bibliography_notes() -> dict[str, str]:
    """Each entry's note, which the bibliography page prints under the entry."""
    text = (BOOK / "references.bib").read_text(encoding="utf-8")
    return dict(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,.*?^\s*note\s*=\s*\{(.*?)\},?\s*$", text, re.M | re.S))


def test_the_bibliography_notes_speak_to_readers_not_to_the_project():
    notes = bibliography_notes()
    assert len(notes) > 50, "the note parser lost entries"
    problems = {key: reader_text_problems(note) for key, note in notes.items() if reader_text_problems(note)}
    assert not problems, problems


def test_the_check_flags_each_kind_of_internal_name():
    prose = prose_of_markdown(
        "Seed 002 in the source pack is wrong. The rule `stem_cells.pathway` reads "
        "`nda_priority`... and nmpa_ann2025_96 says so; the answer is not_eligible.\n"
        "An input such as cmo_commercial_biologics_years is internal too."
    )
    found = " ".join(reader_text_problems(prose))
    for expected in ("Seed 002", "source pack", "stem_cells.pathway", "nmpa_ann2025_96", "not_eligible", "cmo_commercial_biologics_years"):
        assert expected in found


def test_code_blocks_and_role_targets_are_not_reader_prose():
    text = (
        "See {cite:p}`nmpa_ann2025_96` and {doc}`the calculator <../calculators/stem-cell-pathway>`.\n"
        "```{code-cell} ipython3\nevaluate('stem_cells.pathway', '2026-11-28')\n```\n"
        "```bash\npython -m nmpa_rules check timelines.review_clock started_on=2026-01-20\n```\n"
        ":::{note}\nA note readers see about not_in_force.\n:::\n"
    )
    found = " ".join(reader_text_problems(prose_of_markdown(text)))
    assert "nmpa_ann2025_96" not in found and "stem_cells.pathway" not in found and "started_on" not in found
    assert "not_in_force" in found
