"""Every icon the site's stylesheets draw is in the icon fonts the site ships.

The build cuts Font Awesome down to the icons in use (book/_ext/page_weight.py). An icon missing
from the cut fonts shows as an empty box: it happened to every admonition title ("Sources and
limits", warnings, notes), whose icons the theme names in custom properties, not in fa- classes.
"""

from __future__ import annotations

import re

from fontTools.ttLib import TTFont

# Font Awesome's code points are in the Private Use Area; stylesheets hold either the character
# itself or a CSS escape such as \f05a.
ICON = re.compile(r"[\ue000-\uf8ff]|\\(f[0-9a-f]{3})(?![0-9a-f])")
WHOLE_THEME_STYLESHEET = "pydata-sphinx-theme.css"  # not linked by any page: the lean copy is


def _icons_in(css: str) -> set[int]:
    return {int(m.group(1), 16) if m.group(1) else ord(m.group(0)) for m in ICON.finditer(css)}


def test_every_icon_a_linked_stylesheet_draws_is_in_the_shipped_fonts(built_site):
    static = built_site / "_static"
    fonts = sorted((static / "vendor" / "fontawesome" / "webfonts").glob("*.subset.woff"))
    assert len(fonts) == 3, [font.name for font in fonts]
    shipped = set().union(*(TTFont(font).getBestCmap() for font in fonts))
    drawn: dict[int, str] = {}
    for css in static.rglob("*.css"):
        if css.name == WHOLE_THEME_STYLESHEET or (static / "vendor") in css.parents:
            continue
        for codepoint in _icons_in(css.read_text(encoding="utf-8", errors="replace")):
            drawn.setdefault(codepoint, css.name)
    assert 0xF05A in drawn, "the admonition icon (info circle) is no longer named where this test looks"
    missing = {f"U+{codepoint:04X}": where for codepoint, where in drawn.items() if codepoint not in shipped}
    assert not missing, f"icons drawn as empty boxes (code point: stylesheet): {missing}"
