"""Find page assets that a browser would fetch from another host.

A reader in mainland China may not reach common CDNs, so the site must serve every script,
stylesheet, font, image and frame itself. Plain links (`<a href>`) to sources are fine:
nothing is fetched until the reader follows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

EXTERNAL_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)['"]""", re.IGNORECASE)

# Attributes that make the browser fetch something when the page loads.
FETCHED_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
FETCHED_LINK_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "shortcut", "apple-touch-icon", "manifest", "font"}


@dataclass(frozen=True)
class ExternalAsset:
    where: str
    tag: str
    url: str


def is_external(url: str) -> bool:
    return bool(EXTERNAL_URL.match(url)) and not url.strip().lower().startswith("data:")


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]


def external_urls_in_css(css: str) -> list[str]:
    return [u for u in CSS_URL.findall(css) + CSS_IMPORT.findall(css) if is_external(u)]


class _AssetParser(HTMLParser):
    def __init__(self, where: str):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.found: list[ExternalAsset] = []
        self._in_style = False

    def _add(self, tag: str, url: str) -> None:
        if is_external(url):
            self.found.append(ExternalAsset(self.where, tag, url.strip()))

    def handle_starttag(self, tag, attrs):
        attributes = {name.lower(): (value or "") for name, value in attrs}
        for name in FETCHED_ATTRIBUTES.get(tag, ()):
            if name in attributes:
                urls = _srcset_urls(attributes[name]) if name == "srcset" else [attributes[name]]
                for url in urls:
                    self._add(tag, url)
        if tag == "link":
            rels = set(attributes.get("rel", "").lower().split())
            if rels & FETCHED_LINK_RELS or attributes.get("as"):
                self._add("link", attributes.get("href", ""))
        for name, value in attributes.items():
            # e.g. data-jupyter-widgets-cdn: where the widget manager would load modules from
            if name.startswith("data-") and name.endswith("-cdn"):
                self._add(f"{tag}[{name}]", value)
        if "style" in attributes:
            for url in external_urls_in_css(attributes["style"]):
                self._add(f"{tag}[style]", url)
        if tag == "style":
            self._in_style = True

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            for url in external_urls_in_css(data):
                self._add("style", url)


def external_assets_in_html(html: str, where: str = "<string>") -> list[ExternalAsset]:
    parser = _AssetParser(where)
    parser.feed(html)
    parser.close()
    return parser.found


def external_assets_in_site(root: Path) -> list[ExternalAsset]:
    found: list[ExternalAsset] = []
    for path in sorted(root.rglob("*.html")):
        found += external_assets_in_html(path.read_text(encoding="utf-8", errors="replace"), str(path.relative_to(root)))
    for path in sorted(root.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [ExternalAsset(str(path.relative_to(root)), "css", url) for url in external_urls_in_css(text)]
    return found
