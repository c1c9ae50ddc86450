"""Show a figure that changes from its one home, src/nmpa_rules/data/facts.yaml.

``{fact}`gba_institutions``` renders "71 designated institutions (as of 2025-12-08; secondary
source)"
followed by the citation of the fact's source, so each figure carries its date and a link to
its bibliography entry. ``{fact-value}`gba_institutions``` renders only "71 designated
institutions"; use it for a figure that shares its date and source with a ``{fact}`` later
in the same sentence, which then dates and cites both.

The book's review date, kept with the facts, is also a MyST substitution: ``{{ reviewed_on }}``.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

from nmpa_rules import facts as fact_data
from nmpa_rules.errors import InputError

FACTS_FILE = str(Path(fact_data.__file__).parent / "data" / "facts.yaml")


class _FactRole(SphinxRole):
    def looked_up(self):
        # A page that shows a fact is rebuilt when the facts file changes.
        self.env.note_dependency(FACTS_FILE)
        try:
            return fact_data.fact(self.text.strip()), []
        except InputError as err:
            message = self.inliner.reporter.error(str(err), line=self.lineno)
            return None, [message]


class FactRole(_FactRole):
    """The fact's text, its as-of date and the citation of its source."""

    def run(self):
        fact, messages = self.looked_up()
        if fact is None:
            return [nodes.problematic(self.rawtext, self.rawtext)], messages
        cite = self.env.get_domain("cite").role("p")
        cite_nodes, cite_messages = cite("cite:p", f"{{cite:p}}`{fact.source}`", fact.source, self.lineno, self.inliner, {}, [])
        text = nodes.inline(classes=["nmpa-fact"])
        if _language(self.config) == "zh":
            secondary = "；二手来源" if fact.is_secondary else ""
            text += nodes.Text(f"{fact.text_in('zh')}（截至 {fact.as_of.isoformat()}{secondary}） ")
        else:
            secondary = "; secondary source" if fact.is_secondary else ""
            text += nodes.Text(f"{fact.text} (as of {fact.as_of.isoformat()}{secondary}) ")
        text += cite_nodes
        return [text], messages + cite_messages


class FactValueRole(_FactRole):
    """Only the fact's text: the date and citation come from a ``{fact}`` in the same sentence."""

    def run(self):
        fact, messages = self.looked_up()
        if fact is None:
            return [nodes.problematic(self.rawtext, self.rawtext)], messages
        return [nodes.inline(text=fact.text_in(_language(self.config)), classes=["nmpa-fact"])], messages


def _language(config) -> str:
    """The calculators' language code for the edition being built: the Chinese edition is zh_CN."""
    return "zh" if (config.language or "en").startswith("zh") else "en"


def add_review_date(app: Sphinx, config) -> None:
    # Pages may write {{ reviewed_on }}; a substitution of the same name in _config.yml wins.
    config.myst_substitutions = {"reviewed_on": fact_data.REVIEWED_ON.isoformat(), **(config.myst_substitutions or {})}


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", add_review_date)
    app.add_role("fact", FactRole())
    app.add_role("fact-value", FactValueRole())
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
