"""Figures and tables a reader can read at a phone's width (390 px) and a laptop's (1280 px).

- Figures: no text smaller than the figure caption's text, no two labels printed over each
  other, no label outside its drawing. Text is measured as rendered, in CSS px: an SVG text's
  font size times the scale its drawing is shown at. A raster figure cannot be read that way;
  it must at least not be shown smaller than it was drawn.
- Tables: every cell is on screen without scrolling sideways, so the column that answers the
  question (an outcome, a deadline) is never hidden to the right.
"""

from __future__ import annotations

import pytest

from content.book_sources import toc_docnames

pytestmark = pytest.mark.browser

DOCNAMES = toc_docnames()
# Sub-pixel rounding of the SVG scale: 12 pt at 4/3 px per pt is 16 px give or take this.
ROUNDING_PX = 0.05
# Two labels are printed over each other when their boxes overlap sideways and by more than this
# share of the lower one's height. A text box includes ascent and descent, so the lines of one
# multi-line label overlap by about a sixth of their height.
OVERLAP_SHARE = 0.4

FIGURE_TEXT = """async () => {
  const rendered = (svg) => {
    const box = svg.getBoundingClientRect();
    return Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim()).map(t => {
      const m = t.getScreenCTM(), r = t.getBoundingClientRect();
      return {text: t.textContent.trim(),
              px: parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)),
              left: r.left, right: r.right, top: r.top, bottom: r.bottom,
              outside: r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1};
    });
  };
  const figures = [];
  for (const figure of document.querySelectorAll('article figure')) {
    const caption = figure.querySelector('figcaption .caption-text') || figure.querySelector('figcaption');
    const entry = {name: (caption ? caption.textContent : figure.id).trim().slice(0, 60),
                   captionPx: caption ? parseFloat(getComputedStyle(caption).fontSize) : null,
                   texts: [], rasters: []};
    for (const object of figure.querySelectorAll('object')) {
      if (object.contentDocument) entry.texts.push(...rendered(object.contentDocument.documentElement));
    }
    for (const svg of figure.querySelectorAll('svg')) entry.texts.push(...rendered(svg));
    for (const img of figure.querySelectorAll('img')) {
      const shown = img.getBoundingClientRect();
      if (/\\.svg($|\\?)/.test(img.src)) {
        // An <img> SVG keeps its text out of the DOM: draw the same file inline at the same size.
        const holder = document.createElement('div');
        holder.style.cssText = `position:absolute;left:${shown.left}px;top:${shown.top + scrollY}px;width:${shown.width}px;visibility:hidden`;
        holder.innerHTML = await (await fetch(img.src)).text();
        const svg = holder.querySelector('svg');
        svg.style.width = shown.width + 'px'; svg.style.height = shown.height + 'px';
        document.body.appendChild(holder);
        entry.texts.push(...rendered(svg));
        holder.remove();
      } else {
        entry.rasters.push({src: img.src.split('/').pop(), scale: shown.width / img.naturalWidth});
      }
    }
    figures.push(entry);
  }
  return figures;
}"""

CELLS_OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  document.querySelectorAll('article table').forEach((table, index) => {
    const heads = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
    table.querySelectorAll('tbody tr').forEach((row, rowIndex) => {
      Array.from(row.children).forEach((cell, column) => {
        const r = cell.getBoundingClientRect();
        if (r.width > 0 && (r.left < -1 || r.right > width + 1))
          problems.push(`table ${index + 1}, row ${rowIndex + 1}, column "${heads[column] || column + 1}": ` +
                        `${Math.round(r.left)}..${Math.round(r.right)} px, screen 0..${width}`);
      });
    });
  });
  return problems.slice(0, 8);
}"""


def _overlaps(a: dict, b: dict) -> bool:
    sideways = min(a["right"], b["right"]) - max(a["left"], b["left"])
    vertical = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    lower = min(a["bottom"] - a["top"], b["bottom"] - b["top"])
    return sideways > 1 and vertical > OVERLAP_SHARE * lower


def _figure_problems(figures: list[dict]) -> list[str]:
    problems = []
    for figure in figures:
        floor = figure["captionPx"]
        if floor is None:
            problems.append(f"{figure['name']}: no caption")
            continue
        small = sorted((t for t in figure["texts"] if t["px"] < floor - ROUNDING_PX), key=lambda t: t["px"])
        if small:
            problems.append(f"{figure['name']}: {len(small)} label(s) below the caption's {floor:g} px, smallest "
                            f"{small[0]['px']:.1f} px ({small[0]['text']!r})")
        texts = figure["texts"]
        clashes = [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1:] if _overlaps(a, b)]
        if clashes:
            problems.append(f"{figure['name']}: labels printed over each other: {clashes[:3]}")
        outside = [t["text"] for t in texts if t["outside"]]
        if outside:
            problems.append(f"{figure['name']}: labels cut off at the drawing's edge: {outside[:3]}")
        for raster in figure["rasters"]:
            if raster["scale"] < 1 - 0.01:
                problems.append(f"{figure['name']}: raster image {raster['src']} shown at {raster['scale']:.0%} of its size; "
                                "draw it as SVG with real text")
        if not texts and not figure["rasters"]:
            problems.append(f"{figure['name']}: no text or image found to measure")
    return problems


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("docname", DOCNAMES)
def test_figure_text_is_at_least_caption_size_and_uncovered(site, docname, width):
    page = site.open(docname, width)
    page.wait_for_load_state("networkidle")
    problems = _figure_problems(page.evaluate(FIGURE_TEXT))
    assert not problems, f"{docname} at {width} width:\n" + "\n".join(f"  {p}" for p in problems)


def test_figure_check_sees_small_and_overlapping_labels():
    """The check itself can fail: a shrunk label and two labels on top of each other."""
    label = {"left": 0, "right": 50, "top": 0, "bottom": 16, "outside": False}
    figures = [{"name": "Fig. X", "captionPx": 16, "rasters": [],
                "texts": [{**label, "text": "a", "px": 5.2}, {**label, "text": "b", "px": 16, "left": 10}]}]
    problems = _figure_problems(figures)
    assert any("below the caption" in p for p in problems) and any("over each other" in p for p in problems)


@pytest.mark.parametrize("docname", DOCNAMES)
def test_phone_shows_every_table_column_without_sideways_scrolling(site, docname):
    page = site.open(docname, "phone")
    off_screen = page.evaluate(CELLS_OFF_SCREEN)
    assert not off_screen, f"{docname} at 390 px: table cells off screen:\n" + "\n".join(f"  {p}" for p in off_screen)
