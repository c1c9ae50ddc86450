"""On the website, the calculators run in the reader's browser instead of showing dead widgets.

A calculator notebook displays ``calculator("<rule id>")``. In Jupyter, Voila and Binder that
cell shows the ipywidgets form, driven by a live kernel. The website has no kernel: the saved
widget state would draw controls that look live but do nothing. So, in the book build only,
this extension replaces that cell's output with a placeholder that
book/_static/live-calculator/ turns into a form running the same nmpa_rules wheel in Pyodide
(Python on WebAssembly), after the reader asks for it. The page then carries no widget state
and no widget manager, and prose pages load none of it.

The runtime files come from `make vendor` (book/_static/vendor/live/); their manifest gives
the download size that the button announces.

The placeholder speaks the page's language (the Chinese edition's in Chinese) and carries the
script's words in every language (``nmpa_rules.browser_form.PAGE_WORDS``, from the calculators'
catalogues), so that the calculator's language switch works before Python has started.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from book_links import binder_voila_url
from language_switch import is_chinese
from nmpa_rules.browser_form import page_words
from nmpa_rules.translation import LANGUAGES

CALCULATOR_CALL = re.compile(r"""^\s*calculator\(\s*["']([\w.]+)["']\s*\)\s*$""", re.MULTILINE)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PLACEHOLDER_CLASS = "nmpa-live"
MANIFEST = Path("book/_static/vendor/live/manifest.json")


def _is_cell(node: nodes.Node, element: str) -> bool:
    return isinstance(node, nodes.container) and node.get("nb_element") == element


def _is_live_cell(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and PLACEHOLDER_CLASS + "-cell" in node["classes"]


def _download_megabytes(app: Sphinx) -> dict[str, str]:
    manifest = Path(app.confdir) / MANIFEST
    if not manifest.is_file():
        raise ExtensionError(f"{MANIFEST} is missing: run `make vendor` to put the calculators' runtime into the site")
    sizes = json.loads(manifest.read_text())
    # Both sizes, read from the files at build time: a server that compresses sends the first,
    # one that does not (python3 -m http.server) the second.
    return {"compressed": f"{sizes['gzip_bytes'] / 1e6:.1f}", "uncompressed": f"{sizes['bytes'] / 1e6:.1f}"}


def _voila_url(app: Sphinx) -> str:
    theme = app.config.html_theme_options
    return binder_voila_url(
        repository_url=theme.get("repository_url", ""),
        branch=theme.get("repository_branch", "main"),
        notebook_path=str(app.env.doc2path(app.env.docname, base=False)).replace("\\", "/"),
        binderhub_url=theme.get("launch_buttons", {}).get("binderhub_url", "https://mybinder.org"),
    )


def placeholder_html(rule_id: str, megabytes: dict[str, str], voila_url: str, language: str = "en") -> str:
    """The calculator before it starts, in ``language``; the script redraws its words when the
    reader switches language, from the words of every language kept in ``data-words``."""
    words = {code: page_words(code) for code in LANGUAGES}
    said = {key: escape(text, quote=False) for key, text in words[language].items()}
    size = said["size"].format(**megabytes)
    voila = f'<a href="{escape(voila_url)}">{said["voila"]}</a>'
    return (
        f'<div class="{PLACEHOLDER_CLASS}" data-rule="{escape(rule_id)}" '
        f'data-languages="{escape(json.dumps(LANGUAGES, ensure_ascii=False))}" '
        f'data-sizes="{escape(json.dumps(megabytes))}" data-words="{escape(json.dumps(words, ensure_ascii=False))}">'
        f'<p class="nmpa-live-intro">{said["intro"]}</p>'
        f'<p><button type="button" class="nmpa-live-start" disabled>{said["start"].format(size=size)}</button></p>'
        '<p class="nmpa-live-status" role="status"></p>'
        f'<p class="nmpa-live-routes">{said["routes"].format(voila=voila)}</p>'
        f"<noscript><p>{said['no_javascript']}</p></noscript>"
        "</div>"
    )


def replace_widget_calculators(app: Sphinx, doctree: nodes.document) -> None:
    """Swap each calculator cell's widget output for the live placeholder (book build only)."""
    replaced = False
    for cell in list(doctree.findall(lambda node: _is_cell(node, "cell_code"))):
        sources = [child for child in cell.children if _is_cell(child, "cell_code_source")]
        outputs = [child for child in cell.children if _is_cell(child, "cell_code_output")]
        match = CALCULATOR_CALL.search(sources[0].astext()) if sources else None
        if not match or not outputs:
            continue
        live = nodes.container(classes=[PLACEHOLDER_CLASS + "-cell"])
        language = "zh" if is_chinese(app.config) else "en"
        html = placeholder_html(match.group(1), _download_megabytes(app), _voila_url(app), language)
        live += nodes.raw("", html, format="html")
        outputs[0].replace_self(live)
        replaced = True
    if not replaced:
        return
    # With no widget view left, the page needs neither the saved widget state nor the widget
    # manager that myst-nb would otherwise add for this notebook.
    views_left = any(WIDGET_VIEW in node.astext() for node in doctree.findall(nodes.raw))
    if not views_left:
        page_scripts = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {}).get("js_files", {})
        for key in [key for key in page_scripts if key.startswith("ipywidgets_")]:
            del page_scripts[key]


def add_runtime_to_calculator_pages(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if doctree is None or not any(doctree.findall(_is_live_cell)):
        return
    app.add_css_file("live-calculator/live-calculator.css")
    app.add_js_file("live-calculator/live-calculator.js", defer="defer")


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", replace_widget_calculators)
    # Before accessibility.py, which replaces the page's script list with a copy.
    app.connect("html-page-context", add_runtime_to_calculator_pages, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
