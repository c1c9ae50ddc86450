"""Every source id a rule or data file uses is a key of book/references.bib."""

import re
from pathlib import Path

import yaml

import nmpa_rules
from nmpa_rules import list_rules, sources

BIB = Path(__file__).resolve().parents[1] / "book" / "references.bib"
DATA_DIR = Path(nmpa_rules.__file__).parent / "data"


def bib_keys():
    return set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", BIB.read_text(encoding="utf-8"), re.MULTILINE))


def _source_ids_in(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source":
                yield item
            else:
                yield from _source_ids_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _source_ids_in(item)


def test_the_bib_parser_finds_keys():
    keys = bib_keys()
    assert "dal2019" in keys and len(keys) > 20


def test_every_listed_source_is_in_the_bibliography():
    missing = {s.id for s in sources()} - bib_keys()
    assert not missing, f"not in references.bib: {sorted(missing)}"


def test_every_source_a_rule_names_is_in_the_bibliography():
    used = {source_id for info in list_rules() for source_id in info.source_ids}
    assert used - bib_keys() == set()


def test_every_source_a_data_file_uses_is_in_the_bibliography():
    used = set()
    for path in DATA_DIR.glob("*.yaml"):
        used |= set(_source_ids_in(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert "pilot_workplan2024" in used
    assert used - bib_keys() == set()


def test_each_source_links_where_the_bibliography_does():
    # The rules package ships without the book, so it keeps its own copy of each address;
    # this keeps the copy equal to the bibliography's (no address where the book gives none).
    from pybtex.database import parse_file

    entries = parse_file(str(BIB)).entries
    differ = {s.id: (s.url, entries[s.id].fields.get("url")) for s in sources() if s.url != entries[s.id].fields.get("url")}
    assert not differ, f"sources.yaml and references.bib give different addresses: {differ}"
