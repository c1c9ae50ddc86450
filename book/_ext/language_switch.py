"""Two editions from one source: English at the site root, Simplified Chinese under zh_CN/.

- Every page links to the same page in the other edition (book/_templates/language-switch.html)
  with a relative address, so the link works from file://, under a sub-path and in the offline
  bundle, and names its twin in a <link rel="alternate" hreflang>.
- Table cells of the {table} directive and exercise titles reach Sphinx without a source line,
  and Sphinx leaves such text out of the message catalogues without a word: they are given the
  line of the nearest node that has one, before the translation runs. The table of contents'
  part captions, inserted after the translation, are translated from the root page's catalogue.
- In the Chinese edition a page whose text is not all translated says so at its top: a
  paragraph whose English changed after it was translated no longer matches its catalogue
  entry and is shown in English. The build writes, per page, how many messages are translated
  and which wait (translation-status.json beside the site's folder; tests/zh reads it).
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

SUBDIR = "zh_CN"
STATUS_FILE = "translation-status.json"

NOTICE_PARTLY = "本页部分内容在翻译后已更改或尚未翻译，这些段落暂以英文显示。"
NOTICE_NONE = "本页尚未译成中文，以下以英文显示。"
EDITION_NOTE = (
    "中文版由本书作者根据英文原文自行翻译，并非官方译本，法律术语采用法规原文的用语。"
    "译文尚待一位能阅读中文法规的注册事务专业人员审校。"
    "译文与英文版或法规原文不一致时，以法规原文为准；每页右上角的 English 链接通向同一页的英文版。"
)


# Sphinx's search page splits a query at spaces and punctuation only, and Chinese is written
# without spaces: 激素疗法 would be looked up as one word, which the index (cut into words by
# jieba at build time) does not hold. The browser's own word breaker splits it first; where a
# browser has none, the default splitter stays. searchtools.js keeps a splitQuery defined before it.
SEGMENTED_QUERY = """
if (typeof Intl !== "undefined" && Intl.Segmenter) {
  var splitQuery = (query) => Array.from(new Intl.Segmenter("zh", {granularity: "word"}).segment(query))
    .filter((part) => part.isWordLike).map((part) => part.segment);
}
"""


def is_chinese(config) -> bool:
    return (config.language or "").replace("-", "_").startswith("zh")


def _exercise_heading_classes():
    try:
        from sphinx_exercise.nodes import exercise_title, solution_title
    except ImportError:
        return ()
    return (exercise_title, solution_title)


def _exercise_title_classes():
    # The title node holds the word "Exercise", which sphinx-exercise translates itself, and the
    # subtitle: the exercise's own title, the part to translate.
    try:
        from sphinx_exercise.nodes import exercise_subtitle, solution_subtitle
    except ImportError:
        return ()
    return (exercise_subtitle, solution_subtitle)


class GiveSourceToUntracedText(SphinxTransform):
    """Runs before Sphinx's Locale transform (priority 20), so both extraction and translation see it."""

    default_priority = 15

    def apply(self, **kwargs) -> None:
        give_source_to_untraced_text(self.document)


def give_source_to_untraced_text(document) -> None:
    titles = _exercise_title_classes()
    for node in document.findall(nodes.TextElement):
        if node.source or isinstance(node, nodes.Inline):
            continue
        in_table = isinstance(node, nodes.paragraph) and isinstance(node.parent, nodes.entry)
        if not (in_table or (titles and isinstance(node, titles))):
            continue
        for ancestor in _ancestors(node):
            if ancestor.source:
                node.source, node.line = ancestor.source, ancestor.line
                break
        if not node.rawsource:
            # The message is the node's raw source; a subtitle is built without one.
            node.rawsource = node.astext()


def _note_exercise_titles(app: Sphinx, doctree) -> None:
    # sphinx-exercise rebuilds exercise titles after reading, and the message catalogue builder
    # extracts from the rebuilt tree, where they are plain text again: keep them from here.
    if app.builder.name != "gettext":
        return
    titles = _exercise_title_classes()
    found = [(node.rawsource, node.source, node.line) for node in doctree.findall(lambda n: isinstance(n, titles)) if node.rawsource]
    _exercise_titles(app.env)[app.env.docname] = found


def _exercise_titles(env) -> dict:
    if not hasattr(env, "zh_exercise_titles"):
        env.zh_exercise_titles = {}
    return env.zh_exercise_titles


def _extract_exercise_titles(app: Sphinx, doctree, docname) -> None:
    if app.builder.name != "gettext":
        return
    from sphinx.builders.gettext import MsgOrigin
    from sphinx.util.i18n import docname_to_domain

    catalog = app.builder.catalogs[docname_to_domain(docname, app.config.gettext_compact)]
    for message, source, line in _exercise_titles(app.env).get(docname, []):
        catalog.add(message, MsgOrigin(source, line))


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


class MarkUntranslated(SphinxTransform):
    """After the Locale transform: count what it translated and put a notice on a partial page."""

    default_priority = 25

    def apply(self, **kwargs) -> None:
        if not is_chinese(self.config):
            return
        messages = [(node, msg) for node, msg in extract_messages(self.document) if self._counted(node)]
        waiting = [msg for node, msg in messages if not node.get("translated", False)]
        status = getattr(self.env, "zh_translation_status", None)
        if status is None:
            status = self.env.zh_translation_status = {}
        status[self.env.docname] = {"messages": len(messages), "translated": len(messages) - len(waiting), "waiting": waiting}
        if self.env.docname == self.config.root_doc:
            self._insert(nodes.note("", nodes.paragraph(text=EDITION_NOTE), classes=["edition-note"]))
        if not waiting:
            return
        text = NOTICE_NONE if len(waiting) == len(messages) else NOTICE_PARTLY
        self._insert(nodes.note("", nodes.paragraph(text=text), classes=["translation-notice"]))

    def _counted(self, node) -> bool:
        """A message a catalogue can hold: not front matter (jupytext metadata, shown nowhere),
        not an exercise's heading (sphinx-exercise's word "Exercise" joined to the exercise's
        title, which is a message of its own), not an image's alt text unless images are targets."""
        if isinstance(node, nodes.image):
            return "image" in self.config.gettext_additional_targets
        if isinstance(node, _exercise_heading_classes()):
            return False
        if isinstance(node, nodes.term):
            # The glossary is entered by its English headwords in both editions, and each Chinese
            # definition opens with the Chinese term; a translated headword would no longer match
            # the {term} references to it, which Sphinx checks.
            return False
        return not any(isinstance(a, nodes.field_list) and isinstance(a.parent, nodes.document) for a in _ancestors(node))

    def _insert(self, notice) -> None:
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None:
            self.document.insert(0, notice)
            return
        title_index = next((i for i, child in enumerate(section.children) if isinstance(child, nodes.title)), -1)
        section.insert(title_index + 1, notice)


class TranslateTocCaptions(SphinxTransform):
    """The parts of the table of contents ("Start here", ...) are inserted after the translation.

    sphinx-external-toc adds the root page's toctrees from _toc.yml at priority 100, after
    Sphinx's Locale transform, so their captions are translated here, from the same catalogue.
    """

    default_priority = 101

    def apply(self, **kwargs) -> None:
        if not is_chinese(self.config):
            return
        from sphinx.locale import init as init_locale
        from sphinx.util.i18n import docname_to_domain

        toctrees = [node for node in self.document.findall(addnodes.toctree) if node.get("caption")]
        if not toctrees:
            return
        dirs = [str(Path(self.env.srcdir, directory)) for directory in self.config.locale_dirs]
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        catalog, has_catalog = init_locale(dirs, self.config.language, domain)
        if has_catalog:
            for node in toctrees:
                node["caption"] = catalog.gettext(node["caption"])


def _purge(app, env, docname) -> None:
    getattr(env, "zh_translation_status", {}).pop(docname, None)
    _exercise_titles(env).pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    status = getattr(env, "zh_translation_status", None)
    if status is None:
        status = env.zh_translation_status = {}
    status.update({name: value for name, value in getattr(other, "zh_translation_status", {}).items() if name in docnames})
    _exercise_titles(env).update({name: value for name, value in _exercise_titles(other).items() if name in docnames})


def _write_status(app: Sphinx, exception) -> None:
    if exception is not None or not is_chinese(app.config) or app.builder.format != "html":
        return
    status = dict(sorted(getattr(app.env, "zh_translation_status", {}).items()))
    # Beside the site, not in it: a record for the tests and translators, not for readers.
    Path(app.outdir).parent.joinpath(STATUS_FILE).write_text(json.dumps(status, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def twin(pagename: str, chinese: bool) -> str:
    """The relative address of the same page in the other edition."""
    up = "../" * pagename.count("/")
    if chinese:
        return f"../{up}{pagename}.html"
    return f"{up}{SUBDIR}/{pagename}.html"


def _add_switch(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.tags.has("student"):
        # The student edition is English only (scripts/build_student.py): no twin to link to.
        return
    chinese = is_chinese(app.config)
    if chinese:
        context["review_label"], context["review_end"] = "最后审阅于", "。"
        if pagename == "search":
            app.add_js_file(None, body=SEGMENTED_QUERY)
    context["language_twin"] = twin(pagename, chinese)
    context["language_twin_lang"] = "en" if chinese else "zh-CN"
    context["language_twin_label"] = "English" if chinese else "中文"
    context["language_twin_title"] = "Read this page in English" if chinese else "阅读本页中文版"
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{context["language_twin_lang"]}" href="{context["language_twin"]}" />'
    )


def _add_to_header(app: Sphinx, config) -> None:
    app.add_css_file("language.css")
    options = config.html_theme_options
    end = options.get("article_header_end", ["article-header-buttons.html"])
    if isinstance(end, str):
        end = [part.strip() for part in end.split(",") if part.strip()]
    if "language-switch.html" not in end:
        options["article_header_end"] = ["language-switch.html", *end]


def setup(app: Sphinx) -> dict:
    app.add_transform(GiveSourceToUntracedText)
    app.add_transform(MarkUntranslated)
    app.add_transform(TranslateTocCaptions)
    app.connect("config-inited", _add_to_header)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-read", _note_exercise_titles)
    app.connect("doctree-resolved", _extract_exercise_titles)
    # Before other handlers replace the page's script list (book/_ext/accessibility.py).
    app.connect("html-page-context", _add_switch, priority=400)
    app.connect("build-finished", _write_status)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
