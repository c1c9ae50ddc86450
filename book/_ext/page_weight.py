"""Keep every page light: the icon fonts hold only the icons the site uses.

- Icon fonts. The theme ships Font Awesome's three complete web fonts (about 300 KB, already
  compressed) and a stylesheet rule for each of its ~2,000 icons, for the dozen icons the header
  and sidebars show. After the build, the fonts are cut down with fontTools' subsetter to the
  icons the site's HTML and scripts name, and a copy of the theme's stylesheet without the
  unused icon rules is written next to it (LEAN_STYLESHEET; book/_templates/layout.html links
  it instead of the original). Both are made from the theme's own files, which are never
  edited; the whole fonts are removed from the output, as no page links them any more.
- Math needs no script at all: it is typeset at build time (build_time_math.py).
- Per-page assets. Extensions add their scripts and stylesheets to every page; a page keeps one
  only when its body has what that asset works on (ASSET_NEEDS): the copy button only where
  there is code, the exercise styles only where there are exercises, and so on. Thebe's scripts
  are dropped everywhere while its launch button is off in _config.yml.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

FONT_AWESOME = Path("_static") / "vendor" / "fontawesome" / "webfonts"
THEME_STYLESHEET = Path("_static") / "styles" / "pydata-sphinx-theme.css"
LEAN_STYLESHEET = THEME_STYLESHEET.with_name("pydata-sphinx-theme.lean.css")
# A rule that only maps icon class names to a code point, e.g.
#   .fa-magnifying-glass:before,.fa-search:before{content:"\f002"}
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:(?::)?before,?)+)\{content:"\\([0-9a-f]+)"\}')
ICON_CLASS = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
# An icon a stylesheet draws itself rather than through an fa- class: the theme keeps its
# admonition, external-link and other icons in custom properties that hold the character itself
# (--pst-icon-info-circle is U+F05A), while sphinx-book-theme's dropdown chevron and
# sphinx-exercise's pencil are CSS escapes (content: "\f107"). Font Awesome's code points are
# in the Private Use Area.
CSS_ICON_CHARACTER = re.compile(r"[\ue000-\uf8ff]|\\(f[0-9a-f]{3})(?![0-9a-f])")
FONT_FACE_SOURCE = re.compile(r"url\((?:\.\./vendor/fontawesome/webfonts/)(fa-[a-z]+-\d+)\.woff2\) format\(\"woff2\"\),url\([^)]*\.ttf\) format\(\"truetype\"\)")


# Asset file name (as it ends) -> what the page body must contain for the asset to have work.
ASSET_NEEDS = {
    "clipboard.min.js": ('class="highlight',),
    "copybutton.js": ('class="highlight',),
    "copybutton.css": ('class="highlight',),
    "pygments.css": ('class="highlight',),
    "design-tabs.js": ("sd-tab-set",),
    "sphinx-design.min.css": (' class="sd-', " sd-"),
    "togglebutton.js": ("toggle", "dropdown"),
    "togglebutton.css": ("toggle", "dropdown"),
    "exercise.css": ('class="exercise', 'class="solution'),
    "graphviz.css": ('class="graphviz',),
}
# Inline scripts that only configure one of the assets above.
INLINE_CONFIG = {"togglebutton.js": ("toggleHint", "toggleOpenOnPrint", "togglebuttonSelector"), "sphinx-thebe.js": ("THEBE_JS_URL",)}


def _asset_has_work(name: str, body: str, thebe_on: bool) -> bool:
    if name.startswith("sphinx-thebe"):
        return thebe_on
    needs = next((needs for suffix, needs in ASSET_NEEDS.items() if name.endswith(suffix)), None)
    return needs is None or any(marker in body for marker in needs)


def _drop_assets_without_work(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body is None:  # generated pages (search, index) keep everything
        return
    thebe_on = bool(app.config.html_theme_options.get("launch_buttons", {}).get("thebe"))

    def keep(asset) -> bool:
        name = (asset.filename or "").split("?")[0].rsplit("/", 1)[-1]
        if name:
            return _asset_has_work(name, body, thebe_on)
        inline = asset.attributes.get("body") or ""
        return not any(
            any(marker in inline for marker in markers) and not _asset_has_work(owner, body, thebe_on)
            for owner, markers in INLINE_CONFIG.items()
        )

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if keep(asset)]


def _icon_names_used(outdir: Path) -> set[str]:
    """Every `fa-...` token in the built pages and in the theme's and extensions' scripts (which
    add some icons themselves). Over-collecting is harmless: it only keeps a glyph. Vendored
    bundles (_static/vendor: MathJax, the widget manager) carry their own icon fonts."""
    vendored = outdir / "_static" / "vendor"
    names: set[str] = set()
    for path in outdir.rglob("*"):
        if path.suffix in (".html", ".js") and path.name != "fontawesome.js" and vendored not in path.parents:
            names.update(ICON_CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def _icon_characters(css: str) -> set[int]:
    return {int(m.group(1), 16) if m.group(1) else ord(m.group(0)) for m in CSS_ICON_CHARACTER.finditer(css)}


def _icons_other_stylesheets_draw(outdir: Path) -> set[int]:
    """The icons in the site's stylesheets other than the theme's whole one (whose every icon
    rule is pruned to the used ones first) and the vendored bundles (with fonts of their own)."""
    vendored = outdir / "_static" / "vendor"
    skip = {outdir / THEME_STYLESHEET, outdir / LEAN_STYLESHEET}
    return {
        codepoint
        for path in (outdir / "_static").rglob("*.css")
        if path not in skip and vendored not in path.parents
        for codepoint in _icon_characters(path.read_text(encoding="utf-8", errors="replace"))
    }


def _prune_icon_rules(css: str, used: set[str]) -> str:
    """The stylesheet without the icon rules no page uses."""

    def keep_or_drop(match: re.Match) -> str:
        selectors = {s.split(":")[0].lstrip(".") for s in match.group(1).split(",") if s}
        return match.group(0) if selectors & used else ""

    return ICON_RULE.sub(keep_or_drop, css)


def _subset_font(source: Path, target: Path, codepoints: set[int]) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    options = subset.Options()
    options.flavor = "woff"  # zlib: WOFF2 would need the Brotli module, for a few hundred bytes
    options.layout_features = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer)
    target.write_bytes(buffer.getvalue())


def _theme_file(app: Sphinx, relative: Path) -> Path | None:
    """A file as the theme ships it (the copy in the output is not refreshed on every build)."""
    for theme_dir in app.builder.theme.get_theme_dirs():
        candidate = Path(theme_dir) / "static" / relative.relative_to("_static")
        if candidate.is_file():
            return candidate
    return None


def _subset_icon_fonts(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    stylesheet = _theme_file(app, THEME_STYLESHEET)
    if stylesheet is None:
        logger.warning("page_weight: the theme's stylesheet is not where expected; icon fonts left whole")
        return
    css = _prune_icon_rules(stylesheet.read_text(encoding="utf-8"), _icon_names_used(outdir))
    # What is left of the theme's stylesheet names the icons in use, its own included.
    codepoints = _icon_characters(css) | _icons_other_stylesheets_draw(outdir)
    fonts_out = outdir / FONT_AWESOME
    fonts_out.mkdir(parents=True, exist_ok=True)

    def point_at_subset(match: re.Match) -> str:
        name = match.group(1)
        whole = _theme_file(app, FONT_AWESOME / f"{name}.ttf")
        _subset_font(whole, fonts_out / f"{name}.subset.woff", codepoints)
        return f'url(../vendor/fontawesome/webfonts/{name}.subset.woff) format("woff")'

    css, fonts_rewritten = FONT_FACE_SOURCE.subn(point_at_subset, css)
    if fonts_rewritten != 3:
        logger.warning(f"page_weight: expected 3 Font Awesome @font-face rules, found {fonts_rewritten}")
    # Without the theme's sourceMappingURL comment: that map describes the whole stylesheet.
    (outdir / LEAN_STYLESHEET).write_text(re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*$", "", css), encoding="utf-8")
    # The whole fonts are no longer linked from any page; keep them out of the published site.
    for whole in [*fonts_out.glob("fa-*-*.woff2"), *fonts_out.glob("fa-*-*.ttf")]:
        whole.unlink()


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _drop_assets_without_work, priority=900)
    app.connect("build-finished", _subset_icon_fonts)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
