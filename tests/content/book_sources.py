"""Read the book's sources as text: chapters, citation keys, glossary headwords."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
BOOK = REPO / "book"

CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
TERM = re.compile(r"\{term\}`([^`]+)`")
BIB_KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)
GLOSSARY_BLOCK = re.compile(r"^(`{3,}|:{3,})\{glossary\}[^\n]*\n(.*?)^\1\s*$", re.MULTILINE | re.DOTALL)


def toc_docnames(root: Path = REPO) -> list[str]:
    """Every page of the book at ``root``, in table-of-contents order (with or without parts)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    parts = toc.get("parts", [{"chapters": toc.get("chapters", [])}])
    entries = [toc["root"]] + [chapter["file"] for part in parts for chapter in part.get("chapters", [])]
    return [re.sub(r"\.(md|ipynb)$", "", entry) for entry in entries]


def page_path(docname: str, root: Path = REPO) -> Path:
    for suffix in (".md", ".ipynb"):
        path = root / f"{docname}{suffix}"
        if path.exists():
            return path
    raise FileNotFoundError(docname)


def page_text(path: Path) -> str:
    """Markdown of a page; for a notebook, its markdown cells."""
    if path.suffix == ".ipynb":
        notebook = json.loads(path.read_text(encoding="utf-8"))
        return "\n\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def chapter_docnames() -> list[str]:
    """Pages that follow the chapter template: the primer and every level's chapters, and the
    case studies (their index is a list, not a chapter)."""
    levels = ("book/fundamentals/", "book/intermediate/", "book/academic/", "book/cases/")
    return [d for d in toc_docnames()
            if (d.startswith(levels) and d != "book/cases/index") or d == "book/start/nmpa-primer"]


def bib_keys() -> set[str]:
    return set(BIB_KEY.findall((BOOK / "references.bib").read_text(encoding="utf-8")))


def cited_keys(text: str) -> list[str]:
    return [key.strip() for group in CITE.findall(text) for key in group.split(",")]


def term_targets(text: str) -> list[str]:
    """The glossary headword each {term} points to (`text <Headword>` or `Headword`)."""
    targets = []
    for content in TERM.findall(text):
        explicit = re.fullmatch(r"(?s).*<([^<>]+)>\s*", content)
        targets.append((explicit.group(1) if explicit else content).strip())
    return targets


def glossary_headwords() -> set[str]:
    text = (BOOK / "reference" / "glossary.md").read_text(encoding="utf-8")
    headwords = set()
    for block in GLOSSARY_BLOCK.finditer(text):
        for line in block.group(2).splitlines():
            if line.strip() and not line.startswith((" ", "\t", ":")):
                headwords.add(line.strip())
    return headwords
