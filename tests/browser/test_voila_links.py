"""Under Voilà every link of a calculator notebook leads somewhere: a page of the book or a source.

Voilà started from the repository's folder, as the README says, serves the built site
(voila.json's file_allowlist), and the nmpa template points each link to a page of the book
at that page. Every link of each calculator page is collected in Chromium: each one to this
host must answer 200 with its fragment present; each one to another host must be a source's
own address. Without a built site the links become plain text with one notice, never a 403.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from book_site.conftest import book_build, built_site  # noqa: F401 - the site the book's tests build
from browser_support import chromium_browser
from nmpa_rules.sources import SOURCE_IDS, source

from .test_voila_calculators import CALCULATORS, FIRST_RESULT_MS, REPO, voila_server

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(path.name for path in CALCULATORS.glob("*.ipynb"))
SOURCE_ADDRESSES = {source(source_id).url for source_id in SOURCE_IDS if source(source_id).url}
LINKS_SCRIPT = Path(REPO / "share/jupyter/voila/templates/nmpa/static/book-links.js")
SITE_PATH = "/voila/files/_build/html/"


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


def ids_in(file: Path) -> set[str]:
    parser = _Ids()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser.ids


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def served_from_the_repository(built_site, tmp_path_factory):  # noqa: F811 - the fixture imported above
    with voila_server(REPO, tmp_path_factory.mktemp("voila") / "voila.log") as url:
        yield url


@pytest.fixture(scope="module")
def served_without_a_site(tmp_path_factory):
    """The same notebooks under a folder with no _build: a book that was never built."""
    root = tmp_path_factory.mktemp("unbuilt")
    (root / "book").symlink_to(REPO / "book", target_is_directory=True)
    with voila_server(root, tmp_path_factory.mktemp("voila") / "voila.log") as url:
        yield url


def links_of(browser, url: str, ready: str):
    """Every link's address once the page has drawn its calculator and ``ready`` holds."""
    context = browser.new_context()
    host = urlsplit(url).netloc
    context.route(re.compile(r"^(?!http://" + re.escape(host) + r"/)(https?|wss?)://"), lambda route: route.abort())
    page = context.new_page()
    page.goto(url)
    expect(page.locator(".nmpa-result")).to_contain_text(re.compile(r"\w"), timeout=FIRST_RESULT_MS)
    page.wait_for_function(ready, timeout=FIRST_RESULT_MS)
    return context, page, page.eval_on_selector_all("a[href]", "anchors => anchors.map(anchor => anchor.href)")


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_link_leads_to_a_page_of_the_built_site_or_a_source(browser, served_from_the_repository, built_site,  # noqa: F811
                                                                   notebook):
    url = served_from_the_repository + "book/calculators/" + notebook
    ready = f"document.querySelector('a[href*=\"{SITE_PATH}\"]') !== null"
    context, page, hrefs = links_of(browser, url, ready)
    own_host = urlsplit(url).netloc
    problems = []
    checked = 0
    for href in sorted(set(hrefs)):
        parts = urlsplit(href)
        if parts.netloc != own_host:
            if href not in SOURCE_ADDRESSES:
                problems.append(f"{href}: another host, and not a source's address")
            continue
        checked += 1
        fragment = unquote(parts.fragment)
        if href.split("#")[0] == url:
            # A heading's own anchor (nbconvert adds one to each heading): it must exist on the page.
            if not page.evaluate("id => document.getElementById(id) !== null", fragment):
                problems.append(f"{href}: no element with id {fragment!r} on the page")
            continue
        status = page.request.get(href.split("#")[0]).status
        if status != 200:
            problems.append(f"{href}: HTTP {status}")
            continue
        if not parts.path.startswith(SITE_PATH):
            problems.append(f"{href}: not a page of the built site")
            continue
        if fragment and fragment not in ids_in(built_site / unquote(parts.path[len(SITE_PATH):])):
            problems.append(f"{href}: no element with id {fragment!r}")
    context.close()
    print(f"{notebook}: {checked} links to this host checked, {len(set(hrefs)) - checked} to sources")
    assert problems == []
    # Each notebook links its sources in the bibliography and the calculators overview.
    assert checked >= 2


def test_without_a_built_site_book_links_become_plain_text_with_a_notice(browser, served_without_a_site):
    url = served_without_a_site + "book/calculators/hormone-pathway.ipynb"
    context, page, hrefs = links_of(browser, url, "document.querySelector('.nmpa-book-links-notice') !== null")
    own_host = urlsplit(url).netloc
    # Only the headings' own anchors stay on this host; every other link is a source's address.
    assert [href for href in hrefs if urlsplit(href).netloc == own_host and href.split("#")[0] != url] == []
    assert {href for href in hrefs if urlsplit(href).netloc != own_host} <= SOURCE_ADDRESSES
    expect(page.locator(".nmpa-book-links-notice")).to_have_count(1)
    expect(page.locator(".nmpa-book-links-notice")).to_contain_text("The book's pages are not served here")
    expect(page.locator(".nmpa-book-link-unserved", has_text="bibliography")).to_have_count(1)
    context.close()


def test_the_public_address_in_the_links_script_is_the_book_s():
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    baseurl = (config.get("html") or {}).get("baseurl") or ""
    assert re.search(r'const PUBLIC_SITE = "([^"]*)";', LINKS_SCRIPT.read_text(encoding="utf-8"))[1] == baseurl



def test_a_book_page_served_by_voila_loads_whole_and_from_this_host(browser, served_from_the_repository):
    url = served_from_the_repository + "book/calculators/segmented-pilot.ipynb"
    ready = f"document.querySelector('a[href*=\"{SITE_PATH}book/reference/bibliography.html\"]') !== null"
    context, page, _ = links_of(browser, url, ready)
    failed, foreign = [], []
    own_host = urlsplit(url).netloc
    # Leaving the notebook, Voilà's own kernel shutdown call is refused (_xsrf; a known Voilà issue,
    # which is why voila.json culls idle kernels): that is the notebook's request, not the book page's.
    page.on("response", lambda response: response.status >= 400 and "/voila/api/shutdown/" not in response.url
            and failed.append(f"{response.url}: {response.status}"))
    page.on("request", lambda request: urlsplit(request.url).netloc not in (own_host, "") and foreign.append(request.url))
    page.locator(f'a[href*="{SITE_PATH}book/reference/bibliography.html"]').first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.split("#")[0].endswith(SITE_PATH + "book/reference/bibliography.html")
    expect(page.get_by_role("heading", name="Bibliography", level=1)).to_be_visible()
    context.close()
    assert failed == [] and foreign == []
