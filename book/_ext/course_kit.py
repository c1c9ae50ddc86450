"""What a trainer needs from the book: exercises numbered per chapter, an exercise index and
reading loads that are computed from the pages themselves, and print rules for handouts.

- Exercise numbers. Sphinx numbers enumerable nodes per numbered chapter only; the jb-book
  table of contents is not numbered, so sphinx-exercise counted across the whole book
  ("Exercise 62"). After Sphinx assigns its numbers, each exercise is renumbered (chapter,
  position), where the chapter is the page's position in the table of contents: "Exercise 4.2"
  is the second exercise of the fourth chapter, in every edition and every cross-reference.
- ``exercise-index``: a table of the exercises of the listed chapters (number, title, chapter,
  level), built from the exercises at build time so that it cannot drift from them.
- ``reading-load``: words and minutes of reading for the listed chapters, counted in the text a
  reader sees (no code, no solutions, no citation keys) at ``course_kit_words_per_minute``.
"""

from __future__ import annotations

import copy
import hashlib
import math
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

LEVELS = {"start": "Start here", "fundamentals": "Fundamentals", "intermediate": "Intermediate", "academic": "Academic"}
WORD = re.compile(r"[A-Za-z0-9\u4e00-\u9fff][\w'’\-]*")


def chapter_numbers(env: BuildEnvironment) -> dict[str, int]:
    """Each page the root page's table of contents lists, numbered from 1 in reading order."""
    return {docname: position for position, docname in enumerate(env.toctree_includes.get(env.config.root_doc, []), start=1)}


def restore_sphinx_numbers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Give Sphinx back its own numbers before it numbers again: it rewrites every page whose
    numbers differ from the last build's, which would otherwise be every page with exercises."""
    if hasattr(env, "course_kit_sphinx_fignumbers"):
        env.toc_fignumbers = env.course_kit_sphinx_fignumbers
    return []


def static_files_changed(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Sphinx copies html_static_path only when it writes a page, so an edit to a stylesheet
    alone (print.css) never reached the site: then read the root page again, which writes it."""
    signature = sorted(
        (str(path), stat.st_mtime_ns, stat.st_size)
        for folder in app.config.html_static_path
        for path in Path(app.confdir, folder).rglob("*")
        if path.is_file() and (stat := path.stat())
    )
    digest = hashlib.sha256(repr(signature).encode()).hexdigest()
    previous = getattr(env, "course_kit_static_digest", None)
    env.course_kit_static_digest = digest
    return [app.config.root_doc] if digest != previous else []


def note_pages_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env.course_kit_pages_read = bool(docnames)


def renumber_exercises(app: Sphinx, env: BuildEnvironment) -> list[str]:
    env.course_kit_sphinx_fignumbers = copy.deepcopy(env.toc_fignumbers)
    chapters = chapter_numbers(env)
    for docname, figures in env.toc_fignumbers.items():
        exercises = figures.get("exercise")
        if not exercises or docname not in chapters:
            continue
        in_page_order = sorted(exercises, key=exercises.get)
        figures["exercise"] = {label: (chapters[docname], position) for position, label in enumerate(in_page_order, start=1)}
    # The generated tables read other pages: when any page changed, rewrite the pages that hold them.
    if getattr(env, "course_kit_pages_read", True):
        return sorted(getattr(env, "course_kit_index_pages", set()))
    return []


def _docnames_option(argument: str) -> list[str]:
    return directives.unchanged_required(argument).split()


class _ChapterListDirective(SphinxDirective):
    option_spec = {"chapters": _docnames_option}

    def run(self):
        if not hasattr(self.env, "course_kit_index_pages"):
            self.env.course_kit_index_pages = set()
        self.env.course_kit_index_pages.add(self.env.docname)
        node = self.node_class(chapters=self.options.get("chapters", []))
        self.set_source_info(node)
        return [node]


class exercise_index(nodes.General, nodes.Element):
    pass


class reading_load(nodes.General, nodes.Element):
    pass


class ExerciseIndexDirective(_ChapterListDirective):
    node_class = exercise_index


class ReadingLoadDirective(_ChapterListDirective):
    node_class = reading_load


def _table(headers: list[str], rows: list[list[nodes.Node]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["course-kit-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=width) for width in widths)
    head = nodes.thead()
    group += head
    head += _row([nodes.Text(h) for h in headers])
    body = nodes.tbody()
    group += body
    body.extend(_row(cells) for cells in rows)
    return table


def _row(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += nodes.paragraph("", "", cell)
        row += entry
    return row


def _link(app: Sphinx, fromdocname: str, docname: str, anchor: str, text: str) -> nodes.reference:
    uri = app.builder.get_relative_uri(fromdocname, docname) + (f"#{anchor}" if anchor else "")
    return nodes.reference("", text, internal=True, refuri=uri)


def _exercise_subtitle(node: nodes.Element) -> str:
    title = node.children[0]
    return title.children[1].astext() if len(title.children) > 1 else ""


def _chapter_title(env: BuildEnvironment, docname: str) -> str:
    return env.titles[docname].astext() if docname in env.titles else docname


def _check_chapters(env: BuildEnvironment, node: nodes.Element) -> list[str]:
    known = {env.config.root_doc, *chapter_numbers(env)}
    unknown = [d for d in node["chapters"] if d not in known]
    if unknown:
        logger.warning("course kit: %s not in the table of contents (give docnames such as book/fundamentals/hormones)", ", ".join(unknown), location=node)
    return [d for d in node["chapters"] if d in known]


def _exercise_table(app: Sphinx, fromdocname: str, node: nodes.Element) -> nodes.Node:
    env = app.env
    registry = getattr(env, "sphinx_exercise_registry", {})
    rows = []
    for docname in _check_chapters(env, node):
        numbers = env.toc_fignumbers.get(docname, {}).get("exercise", {})
        if not numbers:
            logger.warning("course kit: %s has no numbered exercises", docname, location=node)
        level = LEVELS.get(docname.split("/")[1] if docname.count("/") >= 2 else "", "")
        for label in sorted(numbers, key=numbers.get):
            number = ".".join(map(str, numbers[label]))
            entry = registry.get(label, {})
            title = _exercise_subtitle(entry["node"]) if "node" in entry else ""
            rows.append(
                [
                    # A no-break space: the number wraps with its word or not at all.
                    _link(app, fromdocname, docname, label, f"Exercise\u00a0{number}"),
                    nodes.Text(title),
                    _link(app, fromdocname, docname, "", f"{numbers[label][0]}. {_chapter_title(env, docname)}"),
                    nodes.Text(level),
                ]
            )
    return _table(["Exercise", "Title", "Chapter", "Level"], rows, [12, 40, 36, 12])


def reading_words(env: BuildEnvironment, docname: str) -> int:
    """Words a reader reads on a page: no code or outputs, no solutions, no citation keys."""
    from sphinx_exercise.nodes import solution_node

    doctree = env.get_doctree(docname)
    skipped = (nodes.literal_block, nodes.raw, nodes.comment, nodes.math_block, solution_node)
    for node in list(doctree.findall(lambda n: isinstance(n, skipped) or _is_citation(n) or _is_cell_output(n))):
        node.parent.remove(node)
    return len(WORD.findall(doctree.astext()))


def _is_citation(node: nodes.Node) -> bool:
    return isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cite"


def _is_cell_output(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and "cell_output" in node.get("classes", [])


def _reading_table(app: Sphinx, fromdocname: str, node: nodes.Element) -> nodes.Node:
    env = app.env
    rate = app.config.course_kit_words_per_minute
    rows = []
    total = 0
    for docname in _check_chapters(env, node):
        words = reading_words(env, docname)
        total += words
        rows.append([_link(app, fromdocname, docname, "", _chapter_title(env, docname)), nodes.Text(f"{words:,}"), nodes.Text(str(math.ceil(words / rate)))])
    rows.append([nodes.strong("", "Total"), nodes.strong("", f"{total:,}"), nodes.strong("", str(math.ceil(total / rate)))])
    return _table(["Reading", "Words", "Minutes"], rows, [60, 20, 20])


def fill_generated_tables(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    for node in list(doctree.findall(exercise_index)):
        node.replace_self(_exercise_table(app, fromdocname, node))
    for node in list(doctree.findall(reading_load)):
        node.replace_self(_reading_table(app, fromdocname, node))


def purge_index_page(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "course_kit_index_pages", set()).discard(docname)


def merge_index_pages(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    env.course_kit_index_pages = getattr(env, "course_kit_index_pages", set()) | getattr(other, "course_kit_index_pages", set())


def setup(app: Sphinx) -> dict:
    app.add_config_value("course_kit_words_per_minute", 200, "env")
    app.add_node(exercise_index)
    app.add_node(reading_load)
    app.add_directive("exercise-index", ExerciseIndexDirective)
    app.add_directive("reading-load", ReadingLoadDirective)
    # Around Sphinx's own numbering (the toctree collector listens at the default priority).
    app.connect("env-get-outdated", static_files_changed)
    app.connect("env-before-read-docs", note_pages_read)
    app.connect("env-get-updated", restore_sphinx_numbers, priority=100)
    app.connect("env-get-updated", renumber_exercises, priority=900)
    app.connect("env-purge-doc", purge_index_page)
    app.connect("env-merge-info", merge_index_pages)
    app.connect("doctree-resolved", fill_generated_tables)
    app.add_css_file("print.css", media="print")
    app.add_js_file("print.js", defer="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
