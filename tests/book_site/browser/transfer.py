"""What a reader's browser downloads to show one page, measured the same way by the browser
suite (budgets) and benchmarks/bench_site.py (figures).

Each page is loaded in a new browser context, so the cache is empty (a first visit), and is
left to settle (`networkidle`): everything it loads before a reader does anything counts. The
local static server does not compress, so the transferred size of a response is computed as
what a compressing web server would send: text (HTML, CSS, JavaScript, JSON, SVG) gzipped at
level 6, the default of nginx's and Apache's gzip, and already-compressed formats (fonts,
PNG) as they are.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field

COMPRESSED_BY_SERVERS = ("text/", "javascript", "json", "xml", "svg")
FIRST_CONTENTFUL_PAINT = "() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime"


@dataclass
class PageWeight:
    url: str
    transferred: int = 0  # bytes, gzip as a compressing server would send them
    uncompressed: int = 0
    requests: int = 0
    fcp_ms: float = float("nan")
    by_type: dict[str, int] = field(default_factory=dict)  # transferred bytes per resource type
    by_url: dict[str, int] = field(default_factory=dict)


def wire_size(body: bytes, content_type: str) -> int:
    if any(kind in content_type for kind in COMPRESSED_BY_SERVERS):
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)


def measure(browser, url: str, viewport: tuple[int, int] = (1280, 800)) -> PageWeight:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        page = context.new_page()
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        weight = PageWeight(url, fcp_ms=page.evaluate(FIRST_CONTENTFUL_PAINT))
        for request in finished:
            response = request.response()
            if response is None:
                continue
            body = response.body()
            size = wire_size(body, response.headers.get("content-type", ""))
            weight.transferred += size
            weight.uncompressed += len(body)
            weight.requests += 1
            weight.by_type[request.resource_type] = weight.by_type.get(request.resource_type, 0) + size
            weight.by_url[request.url] = size
        return weight
    finally:
        context.close()
