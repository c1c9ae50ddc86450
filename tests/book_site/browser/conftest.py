"""One headless Chromium and one page for the whole browser suite, pointed at the built site.

Every page in _toc.yml is loaded once (`SiteVisits.visit`); what the page did while loading is
kept in a `PageVisit` that the per-page tests read, so adding a check costs no extra load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

# tests/ is on sys.path (pytest inserts the folder above the first package), as for tests/browser.
from browser_support import chromium_browser, serve_directory
from content.book_sources import toc_docnames

REPO = Path(__file__).resolve().parents[3]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
# Light mode is what headless Chromium reports; the theme follows it ("auto").
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + '  ' + n.html.slice(0, 160))}));
}"""


# Elements that stick out past the right edge of the viewport make the whole page scroll
# sideways on a phone. Content inside a scrolling box (wide tables, code) is fine.
WIDER_THAN_VIEWPORT = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  return Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > width + 1 && !inScroller(e))
    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
      ' right=' + Math.round(e.getBoundingClientRect().right));
}"""


@dataclass
class PageVisit:
    docname: str
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    live_ids: set[str] = field(default_factory=set)
    serious_violations: list[dict] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)
    phone_overflow: list[str] = field(default_factory=list)


class _IdCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


class PageRecorder:
    """Listens on the shared page and files what it sees under the visit in progress."""

    def __init__(self, page, base_url: str):
        self.base_url = base_url
        self.current: PageVisit | None = None
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self._add("console_errors", f"uncaught: {error}"))
        page.on("request", self._on_request)
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)

    def _add(self, kind: str, text: str) -> None:
        if self.current is not None:
            getattr(self.current, kind).append(text)

    def is_foreign(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme not in ("data", "blob", "about") and parts.hostname != "127.0.0.1"

    def _on_console(self, message) -> None:
        if message.type == "error":
            self._add("console_errors", f"{message.text} ({message.location.get('url', '')})")

    def _on_request(self, request) -> None:
        if self.is_foreign(request.url):
            self._add("foreign_requests", request.url)

    def _on_request_failed(self, request) -> None:
        if not self.is_foreign(request.url):  # foreign requests are aborted on purpose
            self._add("failed_requests", f"{request.url}: {request.failure}")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self._add("failed_requests", f"{response.url}: HTTP {response.status}")


class SiteVisits:
    def __init__(self, page, base_url: str, html_root: Path):
        self.page = page
        self.base_url = base_url
        self.html_root = html_root
        self.recorder = PageRecorder(page, base_url)
        self._visits: dict[str, PageVisit] = {}
        self._ids_by_file: dict[Path, set[str]] = {}
        # Nothing leaves the machine: requests to other hosts are recorded (above), then refused.
        page.context.route(re.compile(r"^(?!" + re.escape(base_url) + r")(https?|wss?)://"), lambda route: route.abort())

    def url_of(self, docname: str) -> str:
        return f"{self.base_url}{docname}.html"

    def open(self, docname_or_path: str, width: str = "desktop"):
        """Load a page for a feature test (not recorded as a visit)."""
        self.recorder.current = None
        self.page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width])))
        target = docname_or_path if docname_or_path.endswith(".html") or "?" in docname_or_path else f"{docname_or_path}.html"
        self.page.goto(self.base_url + target, wait_until="load")
        return self.page

    def visit(self, docname: str) -> PageVisit:
        if docname not in self._visits:
            self._visits[docname] = self._record(docname)
        return self._visits[docname]

    def _record(self, docname: str) -> PageVisit:
        page = self.page
        visit = PageVisit(docname, self.url_of(docname))
        self.recorder.current = visit
        page.set_viewport_size(dict(zip(("width", "height"), WIDTHS["desktop"])))
        page.goto(visit.url, wait_until="load")
        # Widgets, MathJax and the theme load more after `load`; wait until the page is quiet.
        page.wait_for_load_state("networkidle")
        visit.links = page.eval_on_selector_all("a[href], area[href]", "els => els.map(e => e.href)")
        visit.live_ids = set(page.evaluate("() => Array.from(document.querySelectorAll('[id]'), e => e.id)"))
        self.recorder.current = None  # axe and screenshots are ours, not the page's

        page.add_script_tag(path=str(AXE))
        visit.serious_violations = page.evaluate(AXE_RUN)

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        stem = docname.replace("/", "__")
        for width, size in WIDTHS.items():
            page.set_viewport_size({"width": size[0], "height": size[1]})
            path = SCREENSHOTS / f"{stem}@{size[0]}.png"
            page.screenshot(path=str(path), full_page=True, animations="disabled")
            visit.screenshots.append(path)
        visit.phone_overflow = page.evaluate(WIDER_THAN_VIEWPORT)
        return visit

    def ids_in(self, file: Path) -> set[str]:
        if file not in self._ids_by_file:
            collector = _IdCollector()
            collector.feed(file.read_text(encoding="utf-8", errors="replace"))
            self._ids_by_file[file] = collector.ids
        return self._ids_by_file[file]

    def broken_internal_links(self, visit: PageVisit) -> list[str]:
        """Links to this site whose file or fragment does not exist; other hosts are not fetched."""
        problems = []
        own_file = self.html_root / f"{visit.docname}.html"
        for href in sorted(set(visit.links)):
            if not href.startswith(self.base_url):
                continue
            parts = urlsplit(href)
            relative = unquote(parts.path)[1:]
            target = self.html_root / relative
            if relative == "" or relative.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{href}: no file {target.relative_to(self.html_root)}")
                continue
            fragment = unquote(parts.fragment)
            if not fragment or target.suffix != ".html":
                continue
            ids = visit.live_ids if target == own_file else self.ids_in(target)
            if fragment not in ids:
                problems.append(f"{href}: no element with id {fragment!r} in {target.relative_to(self.html_root)}")
        return problems


# Package scope: Playwright's sync API allows one instance per thread, so ours must be closed
# before other browser tests (tests/browser) start theirs.
@pytest.fixture(scope="package")
def site_url(built_site: Path):
    with serve_directory(built_site) as base_url:
        yield base_url


@pytest.fixture(scope="package")
def browser():
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture(scope="package")
def site(browser, site_url: str, built_site: Path) -> SiteVisits:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    yield SiteVisits(context.new_page(), site_url, built_site)
    context.close()

