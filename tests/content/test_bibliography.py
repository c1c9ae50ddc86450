"""A reader can tell the book's sources apart and follow them.

Labels come from book/_ext/bib_labels.py, the same function the build uses, so two entries
that share a label here would share it on every page. A web address must lead to the
document (or a faithful copy of it), not to the home page of the site that once had it.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from urllib.parse import urlparse

import pytest
import yaml
from pybtex.database import BibliographyData, Entry, Person, parse_file

from .book_sources import BOOK, REPO

sys.path.insert(0, str(BOOK / "_ext"))
from bib_labels import citation_labels  # noqa: E402  (a Sphinx extension, not a package)

BIB = BOOK / "references.bib"
# Paths that only lead to a site's front door: "", "/", "/index.html", "/en/", "/english/".
HOME_PATH = re.compile(r"/?(?:(?:en|english|zh|cn|zh-hans|zh-cn)/?)?(?:(?:index|default|home)\.(?:s?html?|php|aspx?|jsp))?", re.I)


def bibliography() -> BibliographyData:
    return parse_file(str(BIB))


def shared_labels(entries) -> dict[str, list[str]]:
    by_label: dict[str, list[str]] = defaultdict(list)
    for key, label in citation_labels(entries).items():
        by_label[label].append(key)
    return {label: keys for label, keys in by_label.items() if len(keys) > 1}


def test_no_two_sources_share_a_label():
    entries = list(bibliography().entries.values())
    assert len(citation_labels(entries)) == len(entries)
    assert not shared_labels(entries), f"give each a different shorthand: {shared_labels(entries)}"


def test_the_book_labels_citations_with_these_labels():
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    sphinx = config["sphinx"]
    assert sphinx["local_extensions"].get("bib_labels") == "book/_ext"
    assert sphinx["config"]["bibtex_reference_style"] == "unique_label"
    assert sphinx["config"]["bibtex_default_style"] == "unique_author_year"


def test_two_equal_shorthands_are_reported_not_lettered():
    def entry(key):
        e = Entry("misc", fields={"title": key, "year": "2025", "shorthand": "NMPA notice"}, persons={"author": [Person("{Agency}")]})
        e.key = key
        return e

    assert shared_labels([entry("one"), entry("two")]) == {"NMPA notice": ["one", "two"]}


def test_sources_by_one_author_in_one_year_get_letters_in_date_order():
    def entry(key, day):
        return Entry("misc", fields={"title": key, "year": "2025", "date": day}, persons={"author": [Person("{Agency}")]}, )

    later, earlier = entry("later", "2025-09-30"), entry("earlier", "2025-01-02")
    for e, key in ((later, "later"), (earlier, "earlier")):
        e.key = key
    assert citation_labels([later, earlier]) == {"earlier": "Agency, 2025a", "later": "Agency, 2025b"}


def test_a_shorthand_is_the_label():
    announcement = Entry("misc", fields={"title": "x", "year": "2025", "shorthand": "NMPA Announcement 2025 No. 96"}, persons={"author": [Person("{Agency}")]})
    announcement.key = "ann"
    assert citation_labels([announcement]) == {"ann": "NMPA Announcement 2025 No. 96"}


def is_home_page(url: str) -> bool:
    return HOME_PATH.fullmatch(urlparse(url).path or "") is not None and not urlparse(url).query


@pytest.mark.parametrize("url", ["https://www.nmpa.gov.cn/", "http://www.npc.gov.cn", "https://www.pmda.go.jp/english/", "https://www.gov.cn/index.htm"])
def test_the_home_page_check_catches_front_doors(url):
    assert is_home_page(url)


@pytest.mark.parametrize("url", ["https://english.nmpa.gov.cn/2019-09/26/c_773012.htm", "https://www.faxin.cn/lib/zyfl/zyflcontent.aspx?gid=A367221&libid=010104"])
def test_the_home_page_check_lets_documents_through(url):
    assert not is_home_page(url)


def test_no_web_address_is_a_bare_home_page():
    home_pages = {key: e.fields["url"] for key, e in bibliography().entries.items() if "url" in e.fields and is_home_page(e.fields["url"])}
    assert not home_pages, f"give the document's own address or no url at all: {home_pages}"
