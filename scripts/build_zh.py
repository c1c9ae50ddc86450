"""The Simplified Chinese edition: the same pages, translated through message catalogues.

    build_zh.py build    build the edition into _build/zh_CN/html and copy it to _build/html/zh_CN
                         (run after the English build: `make book` does both)
    build_zh.py assemble copy the built edition into _build/html/zh_CN again, after the English
                         build (`make book` does), sharing the static files both editions have
    build_zh.py update   extract the English messages (_build/zh_CN/gettext, one .pot per page) and
                         bring locales/zh_CN/LC_MESSAGES/**/*.po up to date with them: a changed
                         paragraph becomes fuzzy with its old English kept as `#| msgid`, a new
                         one is added untranslated. Translators run this, then edit the .po files.
    build_zh.py status   per page: messages translated, and those waiting (from the last build)

The edition's configuration is _config.yml plus the overlay below, given to Jupyter Book as
overrides (the mechanism of scripts/build_student.py): there is no second configuration file to
keep in step. It is built in its own tree with its own notebook cache: jupyter-cache keys on a
notebook's code, not on the language, so a shared cache would serve one edition's outputs to
the other once the calculators' outputs follow the language. Warnings are errors, as in `make book`.

The calculators follow the language: the edition's notebooks run with NMPA_RULES_LANGUAGE=zh,
which the calculators' views (nmpa_rules.presentation) take as their default language, so the
worked-scenario tables and the rules' overview are in Chinese; the live calculators' placeholder
follows the edition's `language` (book/_ext/live_calculator.py).
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

from jupyter_book.sphinx import build_sphinx

REPO = Path(__file__).resolve().parents[1]
LANGUAGE = "zh_CN"
LOCALES = REPO / "locales"
CATALOGUES = LOCALES / LANGUAGE / "LC_MESSAGES"
OUTPUT = REPO / "_build" / LANGUAGE
ENGLISH_SITE = REPO / "_build" / "html"
GETTEXT = OUTPUT / "gettext"
STATUS = OUTPUT / "translation-status.json"
# One line per message, old English included: babel wraps a "#| msgid" comment at any width
# of 0 or less into lines no tool reads back, and one line per paragraph diffs cleanly.
LINE_WIDTH = 1_000_000
CALCULATOR_LANGUAGE = "NMPA_RULES_LANGUAGE"
"""Read by nmpa_rules.presentation.language.default_language (the rules themselves never read it)."""

FOOTER = (
    "<p>教学材料，不构成医疗或法律意见。规则按各页注明的日期评估。"
    "中文版由本书作者自行翻译，尚待熟悉中文法规的注册事务专业人员审校；如有出入，以英文版和法规原文为准。</p>"
)

OVERLAY = {
    "external_toc_path": "_toc.yml",
    "latex_individualpages": False,
    "nitpicky": True,
    "language": LANGUAGE,
    "locale_dirs": [str(OUTPUT / "locales")],
    # One catalogue per page (locales/zh_CN/LC_MESSAGES/book/start/....po), not one for the book.
    "gettext_compact": False,
    "html_title": "超越批次：中国国家药监局如何管理个体化治疗",
    "html_search_options": {"dict": str(LOCALES / LANGUAGE / "search-dict.txt")},
    "nb_execution_cache_path": str(OUTPUT / ".jupyter_cache"),
    "html_theme_options": {
        "extra_footer": FOOTER,
        "search_bar_text": "搜索本书……",
    },
}


def sync_catalogues() -> None:
    """Give Sphinx a copy of the catalogues: it compiles each .po into a .mo beside it.

    The compiled files stay out of the source tree. A catalogue that did not change keeps its
    compiled file, so its page is not read again.
    """
    copies = OUTPUT / "locales"
    wanted = {path.relative_to(LOCALES) for path in LOCALES.rglob("*.po")}
    for old in copies.rglob("*.po") if copies.is_dir() else []:
        if old.relative_to(copies) not in wanted:
            old.unlink()
            old.with_suffix(".mo").unlink(missing_ok=True)
    for relative in wanted:
        source, copy = LOCALES / relative, copies / relative
        if not copy.exists() or not filecmp.cmp(source, copy, shallow=False):
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
            # Compiled again even when the new catalogue is older than the old one (a checkout).
            copy.with_suffix(".mo").unlink(missing_ok=True)


def build_edition(*, strict: bool = True) -> int:
    """Build the edition into _build/zh_CN/html; 0 when it built (cleanly, if strict)."""
    sync_catalogues()
    # The notebooks' kernels inherit it: the calculators speak Chinese in this edition.
    os.environ[CALCULATOR_LANGUAGE] = "zh"
    try:
        return build_sphinx(
            REPO,
            OUTPUT / "html",
            noconfig=True,
            path_config=str(REPO / "_config.yml"),
            confoverrides=json.loads(json.dumps(OVERLAY)),
            doctreedir=OUTPUT / ".doctrees",
            warningiserror=strict,
            keep_going=True,
        )
    finally:
        del os.environ[CALCULATOR_LANGUAGE]


def build() -> int:
    if not _importable("jieba"):
        # Without jieba Sphinx drops every Chinese word from the search index, with no warning.
        print("The Chinese edition needs jieba to index its search: pip install -r requirements-zh.txt", file=sys.stderr)
        return 1
    started = time.perf_counter()
    result = build_edition()
    if result:
        print(f"The Chinese edition did not build cleanly (exit status {result}); see the warnings above.", file=sys.stderr)
        return 1
    assemble()
    print(f"The Chinese edition is built in {time.perf_counter() - started:.0f} s: file://{ENGLISH_SITE / LANGUAGE / 'index.html'}")
    status()
    return 0


STATIC_REFERENCE = re.compile(r"""(?<=["'(])((?:\.\./)*)_static/([^"'?#)\s]+)""")


def assemble() -> int:
    """Copy the edition into the English site as zh_CN/, sharing the static files both have.

    Never build an edition inside another's output (myst-nb writes next to it): copy. Each
    edition's _static is about 20 MB, nearly all of it the same files (theme, live runtime);
    the Chinese pages load those from the English _static (one folder up) and keep only what
    differs (language data, translations), so neither the site nor the offline bundle doubles.
    The English build writes beside zh_CN/ and leaves it alone. `make book` assembles again
    after the English build, so that the comparison is with the English files of this build.
    """
    source, target = OUTPUT / "html", ENGLISH_SITE / LANGUAGE
    if not source.is_dir():
        print(f"No {source.relative_to(REPO)}: run 'build_zh.py build' first.", file=sys.stderr)
        return 1
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".buildinfo"))
    english_static, static = ENGLISH_SITE / "_static", target / "_static"
    shared = set()
    for path in static.rglob("*"):
        twin = english_static / path.relative_to(static)
        if path.is_file() and twin.is_file() and filecmp.cmp(path, twin, shallow=False):
            shared.add(path.relative_to(static).as_posix())
    # A file that stays refers to its neighbours by relative address: keep what it refers to.
    for kept in (p for p in static.rglob("*.css") if p.relative_to(static).as_posix() not in shared):
        for reference in re.findall(r"url\(\s*['\"]?([^'\")]+)", kept.read_text(encoding="utf-8", errors="replace")):
            if not re.match(r"[a-z]+:|/|#", reference):
                shared.discard((kept.parent / reference.split("?")[0].split("#")[0]).resolve().relative_to(static.resolve()).as_posix())
    for name in shared:
        (static / name).unlink()

    def one_folder_up(found: re.Match) -> str:
        ups, name = found.groups()
        return f"../{ups}_static/{name}" if name in shared else found.group(0)

    for page in target.rglob("*.html"):
        if static in page.parents:
            continue
        text = page.read_text(encoding="utf-8")
        page.write_text(STATIC_REFERENCE.sub(one_folder_up, text), encoding="utf-8")
    for folder in sorted((p for p in static.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"Assembled {target.relative_to(REPO)}: {size / 1e6:.1f} MB, {len(shared)} static files shared with the English edition")
    return 0


def _importable(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


def update() -> int:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    # A fresh read: messages kept from reading (exercise titles) must come from the current pages.
    shutil.rmtree(GETTEXT, ignore_errors=True)
    shutil.rmtree(OUTPUT / ".doctrees-gettext", ignore_errors=True)
    result = build_sphinx(
        REPO,
        GETTEXT,
        noconfig=True,
        path_config=str(REPO / "_config.yml"),
        confoverrides=json.loads(json.dumps({**OVERLAY, "language": "en"})),
        doctreedir=OUTPUT / ".doctrees-gettext",
        builder="gettext",
        keep_going=True,
    )
    if result:
        return 1
    for template_path in sorted(GETTEXT.rglob("*.pot")):
        relative = template_path.relative_to(GETTEXT).with_suffix(".po")
        with template_path.open("rb") as handle:
            template = read_po(handle)
        target = CATALOGUES / relative
        if target.exists():
            with target.open("rb") as handle:
                catalogue = read_po(handle, locale=LANGUAGE)
            catalogue.update(template, update_header_comment=False)
        else:
            catalogue = Catalog(locale=LANGUAGE, project=template.project, fuzzy=False)
            catalogue.update(template)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            # The old English of a changed paragraph stays beside it (#| msgid) for the translator;
            # obsolete entries are dropped (git keeps them).
            write_po(handle, catalogue, width=LINE_WIDTH, include_previous=True, ignore_obsolete=True, sort_output=False)
    print(f"Catalogues updated in {CATALOGUES.relative_to(REPO)}")
    return 0


def status() -> int:
    if not STATUS.exists():
        print(f"No {STATUS.relative_to(REPO)}: run 'build_zh.py build' first.", file=sys.stderr)
        return 1
    pages = json.loads(STATUS.read_text(encoding="utf-8"))
    print(f"{'page':48} translated  waiting")
    for page, counts in pages.items():
        share = counts["translated"] / counts["messages"] if counts["messages"] else 1.0
        print(f"{page:48} {share:9.0%}  {len(counts['waiting']):7}")
    return 0


def main(argv: list[str]) -> int:
    commands = {"build": build, "assemble": assemble, "update": update, "status": status}
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
