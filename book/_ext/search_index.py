"""Keeps the book's index entries in the search index across incremental builds.

Sphinx 7.4 files the entries of `{index}` directives with the search index only for the pages
it writes in that build, and does not read them back from the previous searchindex.js (its
IndexBuilder.load restores titles and words, not index entries). After a rebuild in which few
or no pages changed, the site search therefore lost the key words of "Questions readers bring",
and with them the question each reader's words should find first. Before the index is
written, the entries of every page not rewritten in this build are taken from the previous
index.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.search import js_index


def _restore_index_entries(app: Sphinx):
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return []
    previous = Path(app.builder.outdir) / app.builder.searchindex_filename
    if not previous.is_file():
        return []
    try:
        frozen = js_index.loads(previous.read_text(encoding="utf-8"))
    except ValueError:
        return []
    if not isinstance(frozen, dict) or frozen.get("envversion") != app.env.version:
        return []
    current = indexer._index_entries
    restored: dict[str, set[tuple[str, str, str]]] = {}
    for entry, places in frozen.get("indexentries", {}).items():
        for file_number, target_id, is_main in places:
            docname = frozen["docnames"][file_number]
            if docname in current or docname not in app.env.all_docs:
                continue  # written in this build, or no longer part of the book
            restored.setdefault(docname, set()).add((entry, target_id, "main" if is_main else ""))
    for docname, entries in restored.items():
        current[docname] = sorted(entries)
    return []


def setup(app: Sphinx) -> dict:
    # html-collect-pages runs in the builder's last step, before the search index is written.
    app.connect("html-collect-pages", _restore_index_entries)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
