"""Repairs to HTML that the Sphinx / Jupyter Book stack emits with accessibility or console faults.

Each was found by the browser suite (tests/book_site/browser): axe-core on every page, and the
console. They are upstream behaviours of pinned versions; drop a repair when its upstream fixes it.
"""

from __future__ import annotations

import re
from html import escape

from docutils import nodes
from sphinx.application import Sphinx


# Graphviz sizes text in points and the SVG is shown at its natural size (see custom.css), so a
# label of 12 pt is 16 px on screen: the size of the body text and of figure captions.
SMALLEST_LABEL_PT = 12
FONTSIZE = re.compile(r'\bfontsize\s*=\s*"?(\d+(?:\.\d+)?)"?')


def _raise_small_fontsizes(code: str) -> str:
    return FONTSIZE.sub(lambda m: f"fontsize={max(float(m.group(1)), SMALLEST_LABEL_PT):g}", code)


def _visit_graphviz_with_name(self, node) -> None:
    """Sphinx writes an SVG diagram as <object> whose alt text is only fallback content, which
    assistive technology never reads once the SVG loads (axe object-alt). Name the object.
    Labels smaller than SMALLEST_LABEL_PT are raised to it: a phone reader cannot zoom into an
    <object> diagram the way they can into text."""
    from sphinx.ext.graphviz import html_visit_graphviz

    node["code"] = _raise_small_fontsizes(node["code"])
    name = node.get("alt") or _figure_caption(node) or "Diagram"
    start = len(self.body)
    try:
        html_visit_graphviz(self, node)
    finally:
        for index in range(start, len(self.body)):
            # A diagram wider than the column scrolls in this box (custom.css); a keyboard
            # user can only scroll a box that takes focus (axe scrollable-region-focusable).
            if self.body[index] == '<div class="graphviz">':
                self.body[index] = '<div class="graphviz" tabindex="0">'
            if self.body[index].startswith("<object "):
                self.body[index] = self.body[index].replace(
                    "<object ", f'<object role="img" aria-label="{escape(name)}" ', 1
                )


def _figure_caption(node) -> str:
    if isinstance(node.parent, nodes.figure):
        for child in node.parent.children:
            if isinstance(child, nodes.caption):
                return child.astext()
    return ""


def _visit_citation_as_listitem(self, node) -> None:
    """docutils gives each entry role="doc-biblioentry" inside role="list"; that role is
    deprecated and is not a list item, so the list has no valid children (axe
    aria-required-children, critical)."""
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def _depart_citation(self, node) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
        self.body.append("</div>\n")


def _visit_hidden_cell_input(self, node) -> None:
    """myst-nb names the toggle "Toggle hidden content" while it shows "Show code cell
    source"; a voice-control user says what they see (WCAG 2.5.3). Let the visible text name it."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def _drop_duplicate_inline_scripts(app, pagename, templatename, context, doctree) -> None:
    """Sphinx 7.4 registers an inline script added after the builder starts twice (once with
    filename None, once with ""), so sphinx-thebe's `const THEBE_JS_URL` is declared twice and
    every page logs "Identifier 'THEBE_JS_URL' has already been declared"."""
    seen = set()
    unique = []
    for script in context.get("script_files", []):
        key = (script.filename or "", script.priority, tuple(sorted(script.attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app: Sphinx) -> dict:
    from myst_nb.sphinx_ import HideCodeCellNode
    from sphinx.ext.graphviz import graphviz

    app.setup_extension("sphinx.ext.graphviz")
    app.setup_extension("myst_nb")
    app.add_node(graphviz, override=True, html=(_visit_graphviz_with_name, None))
    app.add_node(nodes.citation, override=True, html=(_visit_citation_as_listitem, _depart_citation))
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hidden_cell_input, lambda self, node: self.body.append("</details>\n")))
    app.connect("html-page-context", _drop_duplicate_inline_scripts)
    # A visible cue over a diagram cut by the column's width (it scrolls sideways, custom.css).
    app.add_js_file("scroll-cue.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
