"""The offline bundle carries both editions, and the language switch works inside it."""

from __future__ import annotations

import posixpath
import re
import zipfile

import pytest

from content.book_sources import toc_docnames

from .conftest import REPO

pytestmark = pytest.mark.build

SITE_ZIP = REPO / "_build" / "dist" / "beyond-the-batch-site.zip"


def test_the_site_bundle_holds_every_page_in_both_editions_linked_to_each_other():
    assert SITE_ZIP.exists(), f"no {SITE_ZIP.relative_to(REPO)}: run make dist"
    with zipfile.ZipFile(SITE_ZIP) as bundle:
        names = set(bundle.namelist())
        root = "beyond-the-batch-site/"
        for page in toc_docnames():
            for entry in (f"{root}{page}.html", f"{root}zh_CN/{page}.html"):
                assert entry in names, f"{entry} is not in the bundle"
                html = bundle.read(entry).decode("utf-8")
                [link] = re.findall(r'<a class="[^"]*language-switch" href="([^"]+)"', html)
                assert posixpath.normpath(posixpath.join(posixpath.dirname(entry), link)) in names, f"{entry} -> {link}"
