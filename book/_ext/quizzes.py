"""Self-check quizzes with immediate feedback, built from YAML files, checked against the rules.

A page writes

    ```{quiz} module-1.yaml
    :set: pre
    ```

and gets that set's questions as plain HTML forms (a fieldset of radio buttons per question).
`book/_static/quiz/quiz.js`, a small script served by the site itself, shows the feedback when
the reader checks an answer; nothing is loaded from another host and no server is involved.
The file format is described in `book/quizzes/README.md`.

At build time every file is validated, and every question that declares a `check` is decided by
`nmpa_rules.evaluate`: the options that match the calculator's outcome must be exactly the
options marked correct, so a quiz cannot teach another answer than the calculator. A failed
check is a build error.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

REPO = Path(__file__).resolve().parents[2]
QUESTION_KEYS = {"id", "objective", "question", "options", "explanation", "section", "check"}
OPTION_KEYS = {"text", "correct", "why", "outcome", "values"}
CHECK_KEYS = {"rule", "as_of", "preset", "input"}
OBJECTIVES = re.compile(r"^\(([\w-]+-objectives)\)=\n## Learning objectives\n(.*?)(?=^\(|\Z)", re.MULTILINE | re.DOTALL)
NUMBERED = re.compile(r"^(\d+)\. ", re.MULTILINE)


class QuizError(ValueError):
    """A quiz file that is malformed, or a question that contradicts the rules."""


@dataclass(frozen=True)
class Question:
    id: str
    objective_page: str
    objective_number: int
    question: str
    options: tuple[dict, ...]
    explanation: str
    section: str
    check: dict | None


def objectives_of(docname: str) -> list[str]:
    """The learning objectives a page lists, in order (none if it has no such section)."""
    path = REPO / f"{docname}.md"
    if not path.is_file():
        raise QuizError(f"objective: no page {docname} (give a docname such as book/intermediate/hormones)")
    match = OBJECTIVES.search(path.read_text(encoding="utf-8"))
    if not match:
        return []
    items = NUMBERED.split(match.group(2))[1:]
    return [" ".join(text.split()) for text in items[1::2]]


def _require(where: str, mapping: Any, allowed: set[str], required: set[str]) -> None:
    if not isinstance(mapping, dict):
        raise QuizError(f"{where}: expected a mapping, got {type(mapping).__name__}")
    unknown = set(mapping) - allowed
    missing = required - set(mapping)
    if unknown:
        raise QuizError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    if missing:
        raise QuizError(f"{where}: missing field(s) {sorted(missing)}")


def _question(where: str, raw: Any) -> Question:
    _require(where, raw, QUESTION_KEYS, QUESTION_KEYS - {"check"})
    where = f"{where} ({raw['id']})"
    page, _, number = str(raw["objective"]).partition("#")
    if not number.isdigit():
        raise QuizError(f"{where}: objective {raw['objective']!r} must be 'docname#N', e.g. book/intermediate/hormones#2")
    count = len(objectives_of(page))
    if not 1 <= int(number) <= count:
        raise QuizError(f"{where}: {page} lists {count} learning objectives, not objective {number}")
    options = raw["options"]
    if not isinstance(options, list) or not 2 <= len(options) <= 6:
        raise QuizError(f"{where}: options must be a list of 2 to 6 answers")
    for k, option in enumerate(options, start=1):
        _require(f"{where}, option {k}", option, OPTION_KEYS, {"text"})
    if sum(bool(o.get("correct")) for o in options) != 1:
        raise QuizError(f"{where}: exactly one option must have correct: true")
    if raw.get("check") is not None:
        _require(f"{where}, check", raw["check"], CHECK_KEYS, {"rule"})
        if not raw["check"].get("preset") and not {"as_of", "input"} <= set(raw["check"]):
            raise QuizError(f"{where}, check: give a preset name, or as_of and input")
    return Question(raw["id"], page, int(number), raw["question"], tuple(options), raw["explanation"], raw["section"], raw.get("check"))


@cache
def load(path: Path) -> dict[str, tuple[Question, ...]]:
    """The sets of a quiz file, validated. Raises QuizError naming the file and the question."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _require(path.name, data, {"title", "sets"}, {"title", "sets"})
    sets = {}
    seen: set[str] = set()
    for name, questions in data["sets"].items():
        if not isinstance(questions, list) or not questions:
            raise QuizError(f"{path.name}: set {name!r} must be a non-empty list of questions")
        loaded = tuple(_question(f"{path.name}, set {name}, question {k}", q) for k, q in enumerate(questions, start=1))
        for question in loaded:
            if question.id in seen:
                raise QuizError(f"{path.name}: question id {question.id!r} used twice")
            seen.add(question.id)
        sets[name] = loaded
    return sets


def decide(question: Question):
    """The calculator's decision for a checked question: a preset, with `input` laid over it."""
    from nmpa_rules import evaluate
    from nmpa_rules.presentation.presets import presets

    check = question.check
    as_of, inputs = check.get("as_of"), {}
    if check.get("preset"):
        found = [p for p in presets(check["rule"]) if p.name == check["preset"]]
        if not found:
            raise QuizError(f"{question.id}: {check['rule']} has no preset named {check['preset']!r}")
        as_of, inputs = as_of or found[0].as_of, dict(found[0].inputs)
    inputs.update(check.get("input") or {})
    return evaluate(check["rule"], as_of, **inputs)


def _matches(option: dict, decision) -> bool:
    if option.get("outcome") is not None and option["outcome"] != decision.outcome:
        return False
    return all(str(decision.values.get(key)) == str(value) for key, value in (option.get("values") or {}).items())


def verify(question: Question) -> None:
    """The options the calculator agrees with are exactly the one marked correct."""
    if question.check is None:
        return
    undeclared = [k for k, o in enumerate(question.options, start=1) if o.get("outcome") is None and not o.get("values")]
    if undeclared:
        raise QuizError(f"{question.id}: a checked question needs an outcome or values on every option; options {undeclared} have none")
    decision = decide(question)
    agreed = [k for k, o in enumerate(question.options, start=1) if _matches(o, decision)]
    marked = [k for k, o in enumerate(question.options, start=1) if o.get("correct")]
    if agreed != marked:
        raise QuizError(
            f"{question.id}: the quiz marks option {marked} correct, but {question.check['rule']} decides "
            f"{decision.outcome!r} {dict((k, str(v)) for k, v in decision.values.items() if k in _value_keys(question))}, "
            f"which matches option(s) {agreed}"
        )


def _value_keys(question: Question) -> set[str]:
    return {key for option in question.options for key in (option.get("values") or {})}


class quiz_html(nodes.General, nodes.Element):
    """An element written as the HTML in its `open` and `close` attributes around its children."""


def visit_quiz_html(self, node: quiz_html) -> None:
    self.body.append(node["open"])


def depart_quiz_html(self, node: quiz_html) -> None:
    self.body.append(node["close"])


def _element(tag: str, close: str | None = None, **attributes: str | None) -> quiz_html:
    rendered = "".join(
        f" {name.rstrip('_').replace('_', '-')}" + ("" if value == "" else f'="{html.escape(value)}"')
        for name, value in attributes.items()
        if value is not None
    )
    return quiz_html(open=f"<{tag}{rendered}>", close=close if close is not None else f"</{tag}>")


class QuizDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {"set": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        relative, path = self.env.relfn2path(self.arguments[0])
        self.env.note_dependency(relative)
        name = self.options.get("set", "")
        try:
            sets = load(Path(path))
            if name not in sets:
                raise QuizError(f"{Path(path).name} has no set {name!r}; it has {sorted(sets)}")
            for question in sets[name]:
                verify(question)
        except (QuizError, OSError, yaml.YAMLError) as problem:
            raise self.error(f"quiz: {problem}") from None
        except Exception as problem:  # an InputError from the rules names the field and value
            raise self.error(f"quiz {Path(path).name}, set {name}: {problem}") from None
        self.env.metadata[self.env.docname]["has_quiz"] = True
        box = _element("div", class_="quiz-set", data_quiz_set=f"{Path(path).stem}-{name}")
        for number, question in enumerate(sets[name], start=1):
            box += self._question(number, question)
        box += _element("p", class_="quiz-score", aria_live="polite")
        return [box]

    def _parse(self, text: str) -> list[nodes.Node]:
        holder = nodes.container()
        self.state.nested_parse(StringList(str(text).splitlines(), source=self.env.docname), self.content_offset, holder)
        return holder.children

    def _inline(self, text: str) -> list[nodes.Node]:
        """The inline content of one paragraph: labels and legends may not hold a <p>."""
        parsed = self._parse(text)
        if len(parsed) != 1 or not isinstance(parsed[0], nodes.paragraph):
            raise self.error(f"quiz: expected one paragraph, got {text!r}")
        return parsed[0].children

    def _question(self, number: int, question: Question) -> quiz_html:
        ident = f"quiz-{question.id}"
        form = _element("form", class_="quiz-question", id=ident, novalidate="")
        fieldset = _element("fieldset")
        legend = _element("legend")
        legend += _element("span", class_="quiz-number")
        legend[-1] += nodes.Text(f"Question {number}. ")
        legend.extend(self._inline(question.question))
        fieldset += legend
        for k, option in enumerate(question.options):
            key = "abcdef"[k]
            row = _element("div", class_="quiz-option")
            row += _element("input", close="", type="radio", name=ident, id=f"{ident}-{key}", value=key, data_correct="true" if option.get("correct") else None)
            label = _element("label", for_=f"{ident}-{key}")
            label.extend(self._inline(option["text"]))
            row += label
            if option.get("why"):
                why = _element("div", class_="quiz-why", data_option=key, hidden="")
                why.extend(self._parse(option["why"]))
                row += why
            fieldset += row
        form += fieldset
        form += _element("button", type="submit", class_="quiz-check")
        form[-1] += nodes.Text("Check answer")
        feedback = _element("div", class_="quiz-feedback", role="status", aria_live="polite")
        feedback += _element("p", class_="quiz-verdict")
        explanation = _element("div", class_="quiz-explanation", hidden="")
        explanation.extend(self._parse(question.explanation))
        objective = objectives_of(question.objective_page)[question.objective_number - 1].rstrip(".;")
        explanation.extend(self._parse(f"Read more: {{ref}}`{question.section}`."))
        explanation.extend(
            self._parse(f"This question tests objective {question.objective_number} of {{doc}}`/{question.objective_page}`: *{objective[0].lower()}{objective[1:]}*.")
        )
        feedback += explanation
        form += feedback
        return form


def rules_changed(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Read the quiz pages again when the rules (or this extension) change, even if no quiz file
    did: an incremental build must check every key against the rules it now has."""
    import nmpa_rules

    package = Path(nmpa_rules.__file__).parent
    files = sorted(p for p in package.rglob("*") if p.suffix in (".py", ".yaml") and p.is_file())
    signature = [(str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in [*files, Path(__file__)]]
    digest = hashlib.sha256(repr(signature).encode()).hexdigest()
    previous = getattr(env, "quizzes_rules_digest", None)
    env.quizzes_rules_digest = digest
    if digest == previous:
        return []
    return [docname for docname, meta in env.metadata.items() if meta.get("has_quiz")]


def add_quiz_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if doctree is None or not app.env.metadata.get(pagename, {}).get("has_quiz"):
        return
    app.add_css_file("quiz/quiz.css")
    app.add_js_file("quiz/quiz.js", defer="defer")


def setup(app: Sphinx) -> dict:
    html_visitors = (visit_quiz_html, depart_quiz_html)
    app.add_node(quiz_html, html=html_visitors)
    app.add_directive("quiz", QuizDirective)
    # Before accessibility.py, which replaces the page's script list with a copy.
    app.connect("html-page-context", add_quiz_assets, priority=400)
    app.connect("env-get-outdated", rules_changed)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}


def main(paths: list[str]) -> int:
    """Check quiz files without building the book, for a trainer's private set:
    `python book/_ext/quizzes.py my-set.yaml` (with the rules package importable)."""
    failed = 0
    for name in paths:
        try:
            sets = load(Path(name).resolve())
            for questions in sets.values():
                for question in questions:
                    verify(question)
        except Exception as problem:  # every kind of problem is reported the same way, per file
            failed += 1
            print(f"FAIL {name}: {problem}")
        else:
            print(f"ok   {name}: {sum(len(q) for q in sets.values())} questions in sets {', '.join(sets)}")
    return 1 if failed else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
