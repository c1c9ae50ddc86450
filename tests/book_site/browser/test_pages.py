"""Every page in the table of contents, as a reader's browser gets it from a local server."""

from __future__ import annotations

import pytest

from content.book_sources import toc_docnames

pytestmark = pytest.mark.browser

DOCNAMES = toc_docnames()


def _listing(items) -> str:
    return "\n".join(f"  {item}" for item in items)


@pytest.mark.parametrize("docname", DOCNAMES)
def test_page_loads_without_console_errors_or_failed_requests(site, docname):
    visit = site.visit(docname)
    assert not visit.console_errors, f"{docname}: console errors:\n{_listing(visit.console_errors)}"
    assert not visit.failed_requests, f"{docname}: failed requests:\n{_listing(visit.failed_requests)}"


@pytest.mark.parametrize("docname", DOCNAMES)
def test_page_requests_nothing_from_other_hosts(site, docname):
    visit = site.visit(docname)
    assert not visit.foreign_requests, f"{docname}: requests to other hosts:\n{_listing(visit.foreign_requests)}"


@pytest.mark.parametrize("docname", DOCNAMES)
def test_internal_links_and_anchors_resolve(site, docname):
    visit = site.visit(docname)
    assert visit.links, f"{docname}: no links found; the page did not render"
    broken = site.broken_internal_links(visit)
    assert not broken, f"{docname}: {len(broken)} broken internal link(s):\n{_listing(broken)}"


@pytest.mark.parametrize("docname", DOCNAMES)
def test_no_serious_or_critical_accessibility_violation(site, docname):
    visit = site.visit(docname)
    found = [
        f"{v['impact']} {v['id']}: {v['help']}\n" + _listing(f"  {node}" for node in v["nodes"])
        for v in visit.serious_violations
    ]
    assert not found, f"{docname}: axe-core found:\n" + "\n".join(found)


@pytest.mark.parametrize("docname", DOCNAMES)
def test_desktop_and_phone_screenshots_are_kept(site, docname):
    visit = site.visit(docname)
    for path in visit.screenshots:
        assert path.is_file() and path.stat().st_size > 5_000, f"{path} is missing or empty"
    assert len(visit.screenshots) == 2


@pytest.mark.parametrize("docname", DOCNAMES)
def test_phone_width_page_does_not_scroll_sideways(site, docname):
    visit = site.visit(docname)
    assert not visit.phone_overflow, f"{docname}: at 390 px these stick out to the right:\n{_listing(visit.phone_overflow)}"
