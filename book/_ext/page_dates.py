"""The page footer shows when the page was last reviewed, not when the site was built.

Every page states "*Last reviewed: YYYY-MM-DD ...*" near its top. That date is read from the
page's doctree and given to the templates as `review_date` (book/_templates/last-updated.html
prints it in the footer). A build date would tell a reader nothing about how current the facts
are; a page that states no review date shows none.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx

# The Chinese edition reads the translated line (scripts/build_zh.py): "最后审阅：YYYY-MM-DD".
REVIEWED = re.compile(r"(?:\bLast reviewed:|最后审阅[:：])\s*(\d{4}-\d{2}-\d{2})\b")


def review_date(doctree) -> str | None:
    if doctree is None:
        return None
    for paragraph in doctree.findall(nodes.paragraph):
        found = REVIEWED.search(paragraph.astext())
        if found:
            return found.group(1)
    return None


def _add_review_date(app: Sphinx, pagename, templatename, context, doctree) -> None:
    context["review_date"] = review_date(doctree)
    context["last_updated"] = None  # never the build date


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _add_review_date)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
