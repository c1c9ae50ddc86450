"""A changed English paragraph is not shown with its old translation.

In a scratch copy of the project, one paragraph of a fully translated page is edited. The
catalogue update marks its entry fuzzy and keeps the old English beside it for the translator;
the build then shows the new English paragraph, the rest of the page in Chinese, and the notice
that part of the page is in English. Only that page is built (a one-page table of contents),
so the check takes seconds; links to other pages are left unresolved there, hence not strict.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from .conftest import REPO

pytestmark = pytest.mark.build

PAGE = "book/start/reading-chinese-documents"
OLD = "The job of this page is practical: the chapters link here instead of explaining these points each time."
NEW = "The job of this page is practical: every chapter links here instead of explaining these points each time."
OLD_CHINESE = "本页的用途很实际"
KEPT_CHINESE = "学完本页，你将能够："


def scratch_copy(tmp_path: Path) -> Path:
    scratch = tmp_path / "project"
    skip = shutil.ignore_patterns("_build", ".venv", "node_modules", ".git", "vendor", "*.ipynb", ".jupyter_cache")
    for name in ("book", "locales", "scripts"):
        shutil.copytree(REPO / name, scratch / name, ignore=skip)
    shutil.copy(REPO / "_config.yml", scratch)
    (scratch / "book" / "_static" / "vendor").symlink_to(REPO / "book" / "_static" / "vendor")
    (scratch / "_toc.yml").write_text(f"format: jb-article\nroot: {PAGE}\n", encoding="utf-8")
    return scratch


def load_build_script(scratch: Path):
    spec = importlib.util.spec_from_file_location("build_zh_scratch", scratch / "scripts" / "build_zh.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_changed_paragraph_falls_back_to_english_with_a_notice(tmp_path):
    scratch = scratch_copy(tmp_path)
    source = scratch / f"{PAGE}.md"
    text = source.read_text(encoding="utf-8")
    assert OLD in " ".join(text.split()), "pick another paragraph: this one changed in the book"
    source.write_text(text.replace("the chapters link here", "every chapter links here"), encoding="utf-8")
    build_zh = load_build_script(scratch)

    assert build_zh.update() == 0
    catalogue_path = scratch / "locales" / "zh_CN" / "LC_MESSAGES" / f"{PAGE}.po"
    with catalogue_path.open("rb") as handle:
        entry = read_po(handle)[NEW]
    assert entry.fuzzy and OLD_CHINESE in entry.string, "the changed entry is not fuzzy with its old translation"
    # babel does not read the old English back; the translator sees it just above the new one.
    assert f'#, fuzzy\n#| msgid "{OLD}"\nmsgid "{NEW}"' in catalogue_path.read_text(encoding="utf-8")

    assert build_zh.build_edition(strict=False) == 0
    html = " ".join((scratch / "_build" / "zh_CN" / "html" / f"{PAGE}.html").read_text(encoding="utf-8").split())
    assert NEW in html and OLD_CHINESE not in html
    assert KEPT_CHINESE in html
    assert "translation-notice" in html and "本页部分内容在翻译后已更改或尚未翻译" in html
    status = json.loads((scratch / "_build" / "zh_CN" / "translation-status.json").read_text(encoding="utf-8"))
    assert status[PAGE]["waiting"] == [NEW]
