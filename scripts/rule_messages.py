"""The calculators' messages: extract them, merge them into the catalogues, say how much is translated.

    python scripts/rule_messages.py extract [DOMAIN]  # write src/nmpa_rules/locales/{rules,ui}.pot
    python scripts/rule_messages.py update [DOMAIN]   # extract, then merge into every language's .po
    python scripts/rule_messages.py status [DOMAIN]   # per language: messages, translated, fuzzy

DOMAIN is ``rules`` or ``ui`` (both when left out).

Where the messages come from:
- every ``T("...")`` whose template is a literal, in ``src/nmpa_rules`` (found by reading the
  source, so a branch that no test reaches is still found);
- the words the rules declare as data, enumerated at run time: each rule's title, summary,
  outcome labels and inputs (label, help, choice labels), the sources' titles, issuers, clauses
  and English document numbers, the texts of the rules' data files a reader sees (clauses,
  caveats, statements, successor texts, descriptions), and the worked scenarios' names;
- for the ``ui`` domain: ``T("...")`` in ``presentation/``, ``widgets/`` and ``browser_form.py``,
  and the English strings of the live calculator's table ``book/_static/live-calculator/strings.json``
  (a JSON object of key → English text) when it exists.

``update`` merges with Babel (a build-time tool; ``nmpa_rules`` never imports it): a message whose
English changed becomes fuzzy, its old English kept as ``#| msgid``, and is not used until a
translator checks it and removes the flag; a message no longer extracted is dropped.
"""

from __future__ import annotations

import ast
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "nmpa_rules"
# This checkout's package, never another installed copy: the messages are this source's.
sys.path.insert(0, str(PACKAGE.parent))
LOCALES = PACKAGE / "locales"
JS_STRINGS = ROOT / "book" / "_static" / "live-calculator" / "strings.json"
UI_PATHS = ("presentation/", "widgets/", "browser_form.py")
READER_KEYS = ("clause", "caveat", "text", "statement", "description", "what")
"""The keys of the rules' data files whose texts a reader sees (the others are ids, dates, numbers)."""
NOT_RULE_DATA = ("sources.yaml", "clause_cards.yaml", "facts.yaml", "version.yaml")
"""Data files that are not a rule's: sources are enumerated by field; cards and facts are the pages' own."""

Message = tuple[str, str]
"""(English text, where it comes from)."""


def domain_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE).as_posix()
    return "ui" if relative.startswith(UI_PATHS) else "rules"


def literal_templates(path: Path) -> Iterator[tuple[str, int]]:
    """Each literal template of a ``T(...)`` call in ``path``, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "T"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value, node.lineno


def source_messages() -> dict[str, list[Message]]:
    found: dict[str, list[Message]] = {"rules": [], "ui": []}
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        for template, line in literal_templates(path):
            found[domain_of(path)].append((template, f"{where}:{line}"))
    return found


def data_texts(value: object, key: str | None = None) -> Iterator[str]:
    """The reader-facing texts of a data file's content."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from data_texts(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from data_texts(item, key)
    elif isinstance(value, str) and key in READER_KEYS:
        yield value


def declared_messages() -> list[Message]:
    """The words the rules declare as data, read from the package as it runs."""
    from nmpa_rules.evaluation import list_rules
    from nmpa_rules.inputs import AS_OF
    from nmpa_rules.presentation.presets import presets
    from nmpa_rules.sources import sources
    from nmpa_rules.yaml_io import load_yaml

    found: list[Message] = []
    for spec in (AS_OF,):
        found += [(spec.label, "inputs.py"), (spec.help, "inputs.py")]
    for info in list_rules():
        where = f"rule {info.id}"
        found += [(info.title, where), (info.summary, where)]
        found += [(label, f"{where}, outcome {outcome}") for outcome, label in info.outcomes.items()]
        if info.successor:
            found.append((info.successor, where))
        for spec in info.inputs:
            found += [(spec.label, f"{where}, input {spec.name}"), (spec.help, f"{where}, input {spec.name}")]
            found += [(label, f"{where}, input {spec.name}={value}") for value, label in spec.choices]
        found += [(preset.name, f"presets/{preset.rule.replace('.', '_')}.yaml") for preset in presets(info.id)]
    for item in sources():
        where = f"data/sources.yaml, {item.id}"
        texts = (item.title, item.issuer, item.clause, item.document_number)
        # The source's own words reach a reader only where they were marked as words.
        found += [(text, where) for text in texts if text is not None and hasattr(text, "template")]
    for path in sorted((PACKAGE / "data").glob("*.yaml")):
        if path.name in NOT_RULE_DATA:
            continue
        content = load_yaml(path)[0]
        found += [(text, f"data/{path.name}") for text in data_texts(content)]
    return [(str(text), where) for text, where in found if str(text).strip()]


def js_messages() -> list[Message]:
    if not JS_STRINGS.is_file():
        return []
    table = json.loads(JS_STRINGS.read_text(encoding="utf-8"))
    return [(text, f"{JS_STRINGS.relative_to(ROOT).as_posix()}:{key}") for key, text in table.items()]


def all_messages(domains: tuple[str, ...] = ("rules", "ui")) -> dict[str, list[Message]]:
    """Per domain, every message with where it comes from (a message may come from several places)."""
    found = source_messages()
    found["rules"] += declared_messages()
    found["ui"] += js_messages()
    return {domain: found[domain] for domain in domains}


TEMPLATE_COMMENT = """\
# The {domain} messages of the calculators, in English: the template every language's
# catalogue is merged from. Written by scripts/rule_messages.py extract; do not edit."""
CATALOGUE_COMMENT = """\
# The {domain} messages of the calculators in {name} ({language}), translated for this book with
# the legal terms of the texts themselves (data/clause_cards.yaml, the glossary). A reader who
# works with Chinese regulatory texts should review them. After an English change, run
# scripts/rule_messages.py update: a changed message turns fuzzy and is not used until checked."""


def catalogue_of(domain: str, messages: list[Message]):
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="nmpa_rules", domain=domain, charset="utf-8", fuzzy=False,
                      header_comment=TEMPLATE_COMMENT.format(domain=domain))
    for text, where in messages:
        path, _, line = where.partition(":")
        location = (path, int(line)) if line.isdigit() else (where, None)
        # python-format would make Babel check %-placeholders; these are {field} templates.
        catalog.add(text, locations=[location], flags=())
    return catalog


def pot_path(domain: str) -> Path:
    return LOCALES / f"{domain}.pot"


def po_path(language: str, domain: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{domain}.po"


def extract(domains: tuple[str, ...]) -> dict[str, object]:
    from babel.messages.pofile import write_po

    LOCALES.mkdir(parents=True, exist_ok=True)
    templates = {}
    for domain, messages in all_messages(domains).items():
        templates[domain] = catalogue_of(domain, messages)
        with pot_path(domain).open("wb") as out:
            write_po(out, templates[domain], width=100, omit_header=False, sort_output=False,
                     include_previous=True)
    return templates


def languages() -> dict[str, str]:
    """Each language but English, with its name in itself."""
    from nmpa_rules.translation import ENGLISH, LANGUAGES

    return {code: name for code, name in LANGUAGES.items() if code != ENGLISH}


def update(domains: tuple[str, ...]) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    templates = extract(domains)
    for language, name in languages().items():
        for domain, template in templates.items():
            path = po_path(language, domain)
            if path.is_file():
                with path.open("rb") as existing:
                    catalog = read_po(existing, locale=language, domain=domain)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                catalog = Catalog(locale=language, domain=domain, project="nmpa_rules", fuzzy=False)
            # A message whose English changed keeps its old translation, marked fuzzy with the old
            # English beside it (#| msgid), for the translator to check; the reader never sees it.
            catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
            catalog.obsolete.clear()
            catalog.header_comment = CATALOGUE_COMMENT.format(domain=domain, name=name, language=language)
            catalog.last_translator = catalog.language_team = catalog.msgid_bugs_address = ""
            with path.open("wb") as out:
                write_po(out, catalog, width=100, include_previous=True, sort_output=False)


def status(domains: tuple[str, ...]) -> int:
    from babel.messages.pofile import read_po
    from nmpa_rules.translation import read_po as read_entries

    templates = {domain: {text for text, _ in messages} for domain, messages in all_messages(domains).items()}
    for language in languages():
        for domain, wanted in templates.items():
            path = po_path(language, domain)
            translated = read_entries(path.read_text(encoding="utf-8")) if path.is_file() else {}
            fuzzy = 0
            if path.is_file():
                with path.open("rb") as existing:
                    fuzzy = sum(1 for message in read_po(existing) if message.id and message.fuzzy)
            done = len(wanted & set(translated))
            share = 100 * done / len(wanted) if wanted else 100.0
            print(f"{language} {domain}: {len(wanted)} messages, {done} translated ({share:.1f}%), {fuzzy} fuzzy")
    return 0


def main(argv: list[str]) -> int:
    commands = {"extract": extract, "update": update, "status": status}
    domains = tuple(argv[1:]) or ("rules", "ui")
    if not argv or argv[0] not in commands or len(domains) > 2 or not set(domains) <= {"rules", "ui"}:
        print(f"usage: {Path(__file__).name} extract|update|status [rules|ui]", file=sys.stderr)
        return 2
    commands[argv[0]](domains)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
