"""Print, per page of the book: words of prose (all, and reading words before the exercises),
citations, exercises (and their kinds) and glossary links.

Words are counted in the prose a reader sees: code blocks, diagrams, directive options,
labels and role targets are left out. Run: .venv/bin/python scripts/content_stats.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.content.book_sources import cited_keys, glossary_headwords, page_path, page_text, term_targets, toc_docnames  # noqa: E402

FENCED_CODE = re.compile(r"^(`{3,}|:{3,})\{(?:graphviz|code-cell)\}.*?^\1\s*$", re.MULTILINE | re.DOTALL)
MARKUP = re.compile(r"^\(.*\)=\s*$|^:[\w-]+:.*$|^(`{3,}|:{3,}).*$", re.MULTILINE)
ROLE = re.compile(r"\{(?:cite(?::[a-z]+)?|doc|ref)\}`[^`]*`")
KINDS = ("recall", "apply", "calculator", "count", "open")
TERM_DISPLAY = re.compile(r"\{term\}`([^`<]+?)(?:\s*<[^>]+>)?`")


def prose_words(text: str) -> int:
    text = FENCED_CODE.sub("", text)
    text = MARKUP.sub("", text)
    text = ROLE.sub("", text)
    text = TERM_DISPLAY.sub(r"\1", text)
    return len(re.findall(r"[A-Za-z0-9\u4e00-\u9fff][\w'’\-]*", text))


def reading_words(text: str) -> int:
    """Prose words of the lesson a reader reads through: everything before the exercises.

    Exercises and their solutions are practice, not reading, so they are left out."""
    return prose_words(re.split(r"^\([\w-]+-exercises\)=", text, flags=re.M)[0])


def main() -> None:
    rows = []
    for docname in toc_docnames():
        text = page_text(page_path(docname))
        exercises = len(re.findall(r"\{exercise\}", text))
        kinds = Counter(re.findall(r"^:class:\s*ex-(\w+)", text, re.M))
        rows.append((docname, prose_words(text), len(cited_keys(text)), len(set(cited_keys(text))), exercises, len(term_targets(text)), reading_words(text), kinds))
    print(f"{'page':42} {'words':>6} {'read':>6} {'cites':>6} {'keys':>5} {'exerc':>6} {'terms':>6}  exercises by kind")
    for row in rows:
        by_kind = " ".join(f"{k}:{row[7][k]}" for k in KINDS if row[7][k])
        print(f"{row[0]:42} {row[1]:>6} {row[6]:>6} {row[2]:>6} {row[3]:>5} {row[4]:>6} {row[5]:>6}  {by_kind}")
    totals = [sum(r[i] for r in rows) for i in (1, 2, 4, 5)]
    print(f"{'total':42} {totals[0]:>6} {totals[1]:>6} {'':>5} {totals[2]:>6} {totals[3]:>6}")
    print(f"glossary headwords: {len(glossary_headwords())}")


if __name__ == "__main__":
    main()
