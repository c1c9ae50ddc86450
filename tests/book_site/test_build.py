"""The book builds from its sources with every warning treated as an error."""

import re
from pathlib import Path

from content.book_sources import toc_docnames

REPO = Path(__file__).resolve().parents[2]

WARNING_LINE = re.compile(r"\b(WARNING|ERROR|CRITICAL)\b|\w+Warning:|Traceback")


def test_book_builds_without_warnings(book_build):
    problems = [line for line in book_build.output.splitlines() if WARNING_LINE.search(line)]
    assert book_build.returncode == 0, "jupyter-book build failed:\n" + "\n".join(problems or book_build.output.splitlines()[-40:])
    assert not problems, "the build printed warnings:\n" + "\n".join(problems)


def test_every_toc_page_is_built(built_site):
    missing = [d for d in toc_docnames() if not (built_site / f"{d}.html").is_file()]
    assert not missing, f"pages in _toc.yml with no built HTML: {missing}"


REVIEWED_LINE = re.compile(r"Last reviewed:\s*(\d{4}-\d{2}-\d{2})")
FOOTER_DATE = re.compile(r'<p class="last-updated">Last reviewed on <time datetime="(\d{4}-\d{2}-\d{2})">')


def test_footer_shows_the_pages_review_date_not_the_build_date(built_site):
    """The footer dates a page by its own "Last reviewed" line; a page without one shows no date."""
    from content.book_sources import page_path, page_text

    wrong = []
    for docname in toc_docnames():
        stated = REVIEWED_LINE.search(page_text(page_path(docname)))
        html = (built_site / f"{docname}.html").read_text(encoding="utf-8")
        shown = FOOTER_DATE.findall(html)
        expected = [stated.group(1)] if stated else []
        if shown != expected or "Last updated on" in html:
            wrong.append(f"{docname}: page states {expected or 'no date'}, footer shows {shown or 'none'}")
    assert not wrong, "footer dates:\n" + "\n".join(wrong)
    search_page = (built_site / "search.html").read_text(encoding="utf-8")
    assert not FOOTER_DATE.search(search_page) and "Last updated on" not in search_page


def test_table_cells_carry_their_column_heading_for_the_phone_layout():
    """book/_ext/phone_tables.py: each body cell names its column; narrow tables are left alone."""
    import sys

    sys.path.insert(0, str(REPO / "book" / "_ext"))
    from phone_tables import _label_cells

    wide = ("<table><thead><tr><th>Route</th><th>Who &amp; how</th><th>Outcome</th></tr></thead>"
            "<tbody><tr><td>A</td><td>B</td><td><p>Eligible</p></td></tr></tbody></table>")
    stacked = _label_cells(wide)
    assert 'data-stack-on-phone=""' in stacked
    assert re.findall(r'<td role="cell" data-label="([^"]*)"', stacked) == ["Route", "Who &amp; how", "Outcome"]
    narrow = "<table><thead><tr><th>Outcome</th><th>In words</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"
    assert _label_cells(narrow) == narrow
