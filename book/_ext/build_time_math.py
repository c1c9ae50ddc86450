"""Math typeset when the book is built, as MathML, instead of by MathJax in every reader's browser.

MathJax costs a page about 330 KB (gzip) of script and fonts, for the one formula of the
pathways chapter. Browsers render MathML themselves (Chromium since 109, Firefox, Safari), and
screen readers read it. The TeX is converted by MathJax's own TeX input, run under Node from
the npm package the build already installs (`make vendor`), once per page for all its math.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util.math import get_node_equation_number

CONVERTER = Path(__file__).with_name("tex_to_mathml.js")
MATHML = "mathml"  # attribute on a math node: its MathML, filled in before the page is written


def _display_tex(node: nodes.math_block) -> str:
    parts = [part for part in node.astext().split("\n\n") if part.strip()]
    if len(parts) > 1:
        return r"\begin{aligned}" + r"\\".join(parts) + r"\end{aligned}"
    return rf"\begin{{split}}{parts[0]}\end{{split}}" if r"\\" in parts[0] else parts[0]


def _typeset_page(app: Sphinx, doctree, docname: str) -> None:
    found = [
        n for n in doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block)))
        if not (isinstance(n, nodes.math_block) and n.get("nowrap"))
    ]
    if not found:
        return
    requests = [(_display_tex(n), True) if isinstance(n, nodes.math_block) else (n.astext(), False) for n in found]
    node_modules = Path(app.confdir) / "node_modules"
    if not (node_modules / "mathjax").is_dir():
        raise ExtensionError(f"{docname}: math needs the mathjax npm package in {node_modules}; run `make vendor`")
    done = subprocess.run(
        ["node", str(CONVERTER)],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": str(node_modules)},
    )
    if done.returncode != 0:
        raise ExtensionError(f"{docname}: converting math to MathML failed: {done.stderr.strip()}")
    for node, mathml, (tex, _) in zip(found, json.loads(done.stdout), requests):
        if "<merror" in mathml:
            raise ExtensionError(f"{docname}: TeX that MathJax cannot read: {tex!r}")
        node[MATHML] = mathml


def _visit_math(self, node: nodes.math) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(node[MATHML] + "</span>")
    raise nodes.SkipNode


def _visit_displaymath(self, node: nodes.math_block) -> None:
    # A formula wider than a phone scrolls in its box (custom.css), which must take focus to be
    # scrolled from a keyboard (axe scrollable-region-focusable).
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight", tabindex="0"))
    if node["nowrap"]:
        self.body.append(self.encode(node.astext()) + "</div>")
        raise nodes.SkipNode
    if node["number"]:
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append(node[MATHML] + "</div>\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict:
    app.add_html_math_renderer(MATHML, (_visit_math, None), (_visit_displaymath, None))
    app.connect("doctree-resolved", _typeset_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
