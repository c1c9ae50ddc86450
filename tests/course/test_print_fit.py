"""Every page of both editions, laid out as it prints: nothing is wider than the text block of
an A4 sheet, and nothing is cut off by a box around it.

A pixel test at the paper's edge cannot catch a clipped figure: a diagram in a scrolling box
is cut inside the margin, which stays white. So each page is laid out with print media at
the text block's width (A4 less print.css's side margins), after print.js has prepared it as
it does before printing, and every figure, diagram, table and code block is measured against
the page and against each ancestor that clips what overflows it.
"""

from __future__ import annotations

import pytest

from browser_support import chromium_browser, serve_directory
from content.book_sources import toc_docnames

from .conftest import FULL_HTML, STUDENT_HTML

MM_TO_CSS_PX = 96 / 25.4
# A4 is 210 mm wide; print.css leaves 14 mm on each side.
TEXT_BLOCK_PX = round((210 - 2 * 14) * MM_TO_CSS_PX)

MISFITS = """() => {
  window.prepareForPrint();
  const width = document.documentElement.clientWidth;
  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
    (e.getAttribute('aria-label') ? ' "' + e.getAttribute('aria-label').slice(0, 60) + '"' : '');
  const problems = [];
  const measured = 'figure, object, svg, img, table, pre, div.graphviz, .math, math[display="block"]';
  for (const element of document.querySelectorAll(`article.bd-article :is(${measured})`)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      problems.push(`${describe(element)} spans ${Math.round(box.left)}..${Math.round(box.right)} px, the text block 0..${width}`);
      continue;
    }
    for (let box_ = element.parentElement; box_ && box_ !== document.body; box_ = box_.parentElement) {
      const style = getComputedStyle(box_);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const outer = box_.getBoundingClientRect();
      if (box.right > outer.right + 1 || box.left < outer.left - 1 || box_.scrollWidth > box_.clientWidth + 1) {
        problems.push(`${describe(element)} is cut by ${describe(box_)} (overflow ${style.overflowX}): ` +
                      `${Math.round(box.width)} px in a box of ${Math.round(outer.width)} px`);
        break;
      }
    }
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def print_layout():
    with chromium_browser() as browser:
        page = browser.new_page(viewport={"width": TEXT_BLOCK_PX, "height": 1000})
        page.emulate_media(media="print")
        yield page
        page.close()


@pytest.mark.parametrize("edition", [FULL_HTML, STUDENT_HTML], ids=["full", "student"])
def test_every_figure_and_table_fits_the_printed_text_block(print_layout, edition):
    assert (edition / "index.html").exists(), f"{edition} is not built: run 'make dist' (make test does)"
    misfits: dict[str, list[str]] = {}
    with serve_directory(edition) as url:
        for docname in toc_docnames():
            print_layout.goto(f"{url}{docname}.html", wait_until="load")
            problems = print_layout.evaluate(MISFITS)
            if problems:
                misfits[docname] = problems[:4]
    report = "\n".join(f"{doc}:\n  " + "\n  ".join(problems) for doc, problems in misfits.items())
    assert not misfits, f"printed at {TEXT_BLOCK_PX} px, these do not fit the sheet:\n{report}"
