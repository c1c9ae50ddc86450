"""The offline bundle: checksummed zips; an unpacked edition, served, loads nothing from elsewhere."""

from __future__ import annotations

import hashlib
import zipfile
from urllib.parse import urlsplit

import pytest

from book_site.external_assets import external_assets_in_site
from browser_support import chromium_browser, serve_directory

from .conftest import DIST, _require

BUNDLES = ("beyond-the-batch-site", "beyond-the-batch-student", "beyond-the-batch-handouts", "beyond-the-batch-slides")


@pytest.mark.parametrize("name", [f"{b}.zip" for b in BUNDLES] + ["README.txt"])
def test_each_file_has_a_matching_checksum(name):
    path = _require(DIST / name)
    digest, listed_name = _require(DIST / f"{name}.sha256").read_text(encoding="utf-8").split()
    assert listed_name == name
    assert digest == hashlib.sha256(path.read_bytes()).hexdigest(), f"{name}.sha256 does not match {name}"


@pytest.fixture(scope="module", params=BUNDLES[:2])
def unpacked_site(request, tmp_path_factory):
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(_require(DIST / f"{request.param}.zip")) as bundle:
        bundle.extractall(target)
    return target / request.param


def test_an_unpacked_edition_references_no_other_host(unpacked_site):
    assert (unpacked_site / "index.html").exists(), "the zip does not unpack to a folder with index.html"
    found = external_assets_in_site(unpacked_site)
    assert not found, f"{len(found)} external asset reference(s), e.g. {found[:3]}"


@pytest.mark.browser
def test_an_unpacked_edition_served_locally_requests_nothing_else(unpacked_site):
    pages = ["index.html", "book/reference/glossary.html", "book/calculators/review-clock.html"]
    foreign: list[str] = []
    with chromium_browser() as browser, serve_directory(unpacked_site) as base:
        page = browser.new_page()
        page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith("data:") else None)
        for path in pages:
            response = page.goto(f"{base}{path}", wait_until="networkidle")
            assert response and response.ok, f"{path} did not load from the unpacked zip"
        page.close()
    assert not foreign, f"requests to other hosts: {foreign[:5]}"
