"""Benchmark of the website's live calculators (issue 10). Prints a table; not a test.

    .venv/bin/python benchmarks/bench_live_calculators.py [--repeat N]

Needs the built site (`make book`). Serves _build/html on 127.0.0.1 with Python's static
server, which does not compress; the gzip figures are each transferred body compressed here
with gzip level 6 (the raw size where gzip would not shrink it, as for the wheels and the
standard library zip), i.e. what a server that gzips its responses would send. Headless Debian
Chromium; requests to other hosts are counted (there must be none). Measured per calculator page:

Each calculator page gets a fresh browser profile (with a disk cache, like a reader's browser).

1. before the runtime starts: everything the page transfers up to network idle, empty cache;
2. cold first result: the fresh profile presses "Run this calculator live"; time from
   the click to the first result shown, and the bytes transferred meanwhile;
3. warm first result: the same profile opens the page again (files in the browser cache, and
   the page starts the calculator by itself, since the reader ran it before); time from
   navigation to the first result, and the bytes over the network meanwhile (DevTools
   protocol; the local server answers revalidations with 304 Not Modified);
4. input change: the reader's edit to the "as of" date, from the input event to the updated
   result in the page (the rules run in the Web Worker; the page waits for its answer), median
   of N edits;
6. the longest main-thread task (Long Tasks API) from the click to the first result, and on
   the warm visit from navigation to the first result;
5. prose pages: requests for runtime files (must be none).

The machine is shared: its load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser_support import CHROMIUM_ARGS, chromium_path, launch_chromium, serve_directory  # noqa: E402
from content.book_sources import toc_docnames  # noqa: E402

HTML = REPO / "_build" / "html"
CALCULATORS = [d for d in toc_docnames() if d.startswith("book/calculators/") and d != "book/calculators/index"]
RUNTIME = re.compile(r"/_static/(vendor/live|live-calculator)/")
RESULT = ".nmpa-live .nmpa-result .nmpa-outcome"
BUDGETS = {
    "before_gzip": 350e3,
    "live_raw": 16e6,
    "live_gzip": 7e6,
    "cold_s": 8.0,
    "warm_s": 3.0,
    "change_ms": 100.0,
    "longest_task_ms": 200.0,
}
# The longest task on the page's main thread (Long Tasks API: tasks over 50 ms), from the moment
# window.__longestTask is reset; Python itself starts in a Web Worker and does not count.
LONGEST_TASK = """
window.__longestTask = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, entry.duration);
}).observe({ type: "longtask", buffered: true });
"""
CHANGE_ONCE = """async (value) => {
  const input = document.querySelector('.nmpa-live [data-field="as_of"] input[type="text"]');
  const result = document.querySelector('.nmpa-live .nmpa-result');
  input.value = value;
  // The answer comes back from the worker: wait for the result panel to change.
  const changed = new Promise((resolve) => new MutationObserver((_, observer) => { observer.disconnect(); resolve(); })
    .observe(result, {childList: true, subtree: true, characterData: true}));
  const start = performance.now();
  input.dispatchEvent(new Event('input', {bubbles: true}));
  await changed;
  void result.offsetHeight;  // the updated result laid out
  return performance.now() - start;
}"""


@dataclass
class Transfer:
    raw: int = 0
    gzip: int = 0
    from_cache: int = 0
    wire: int = 0
    urls: list[str] = field(default_factory=list)

    def add(self, url: str, body: bytes, cached: bool) -> None:
        self.urls.append(url)
        if cached:
            self.from_cache += len(body)
            return
        self.raw += len(body)
        self.gzip += min(len(body), len(gzip.compress(body, compresslevel=6)))


class Recorder:
    """Every response of the page, with its body; Chromium's DevTools protocol says which
    ones came from the browser cache."""

    def __init__(self, page):
        self.responses: list[tuple[str, bytes]] = []
        self.cached: set[str] = set()
        page.on("response", self._on_response)
        devtools = page.context.new_cdp_session(page)
        devtools.on("Network.responseReceived", self._on_devtools_response)
        devtools.on("Network.loadingFinished", self._on_loading_finished)
        self.wire = 0
        devtools.send("Network.enable")
        self._devtools = devtools

    def _on_response(self, response) -> None:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            body = b""
        self.responses.append((response.url, body))

    def _on_devtools_response(self, event: dict) -> None:
        response = event["response"]
        if response.get("fromDiskCache") or response.get("fromMemoryCache"):
            self.cached.add(response["url"])

    def _on_loading_finished(self, event: dict) -> None:
        self.wire += int(event["encodedDataLength"])

    def take(self) -> Transfer:
        transfer = Transfer(wire=self.wire)
        self.wire = 0
        for url, body in self.responses:
            transfer.add(url, body, cached=url in self.cached)
        self.responses, self.cached = [], set()
        return transfer


FOREIGN: list[str] = []


def new_page(playwright, base_url: str, profile: Path):
    """A fresh browser profile with a disk cache, as a reader's browser has: an incognito
    context keeps its cache in memory and does not keep the 8.6 MB WebAssembly file.
    No request routing either: Playwright turns the HTTP cache off for a context with routes.
    Requests to other hosts are recorded and reported instead (the browser tests refuse them)."""
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True,
        viewport={"width": 1280, "height": 900},
    )
    context.add_init_script(LONGEST_TASK)
    page = context.pages[0] if context.pages else context.new_page()
    page.on("request", lambda request: request.url.startswith(("http", "ws")) and not request.url.startswith(base_url) and FOREIGN.append(request.url))
    return context, page, Recorder(page)


def measure_calculator(playwright, base_url: str, docname: str, repeat: int, profile: Path) -> dict:
    context, page, recorder = new_page(playwright, base_url, profile)
    url = f"{base_url}{docname}.html"
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    before = recorder.take()

    page.evaluate("window.__longestTask = 0")
    start = time.perf_counter()
    page.get_by_role("button", name=re.compile("Run this calculator live")).click()
    page.locator(RESULT).wait_for(timeout=300_000)
    cold_s = time.perf_counter() - start
    cold_task_ms = page.evaluate("window.__longestTask")
    page.wait_for_load_state("networkidle")
    live = recorder.take()

    changes = [page.evaluate(CHANGE_ONCE, f"2026-{month:02d}-15") for month in [1 + i % 12 for i in range(repeat)]]

    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.locator(RESULT).wait_for(timeout=300_000)
    warm_s = time.perf_counter() - start
    warm_task_ms = page.evaluate("window.__longestTask")
    page.wait_for_load_state("networkidle")
    warm = recorder.take()
    context.close()
    return {
        "docname": docname,
        "before": before,
        "live": live,
        "cold_s": cold_s,
        "warm_s": warm_s,
        "warm": warm,
        "change_ms": statistics.median(changes),
        "cold_task_ms": cold_task_ms,
        "warm_task_ms": warm_task_ms,
    }


def prose_runtime_requests(playwright, base_url: str, profile: Path) -> tuple[int, list[str]]:
    context, page, recorder = new_page(playwright, base_url, profile)
    prose = [d for d in toc_docnames() if d not in CALCULATORS]
    for docname in prose:
        page.goto(f"{base_url}{docname}.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    fetched = [url for url in recorder.take().urls if RUNTIME.search(url)]
    context.close()
    return len(prose), fetched


def kb(n: float) -> str:
    return f"{n / 1e3:,.0f} KB"


def mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30, help="input changes per page")
    args = parser.parse_args()
    if not (HTML / "index.html").is_file():
        print("No built site: run `make book` first.", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()
    with serve_directory(HTML) as base_url, sync_playwright() as playwright, tempfile.TemporaryDirectory() as profiles:
        prose_count, prose_fetched = prose_runtime_requests(playwright, base_url, Path(profiles) / "prose")
        runs = [
            measure_calculator(playwright, base_url, docname, args.repeat, Path(profiles) / docname.rsplit("/", 1)[-1])
            for docname in CALCULATORS
        ]
        browser = launch_chromium(playwright)
        chromium = browser.version
        browser.close()
    load_after = os.getloadavg()

    def worst(key, part=None):  # median and highest over the calculator pages
        values = [run[key] if part is None else getattr(run[key], part) for run in runs]
        return statistics.median(values), max(values)

    rows = [
        ("Prose pages requesting runtime files", f"{len(prose_fetched)} of {prose_count}", "", "0"),
        ("Requests to other hosts, all pages and runs", str(len(FOREIGN)), "", "0"),
    ]
    for label, key, part, show, budget in [
        ("Calculator page before the runtime starts, gzip", "before", "gzip", kb, "before_gzip"),
        ("Calculator page before the runtime starts, raw", "before", "raw", kb, None),
        ("Click to first live result: transferred, raw", "live", "raw", mb, "live_raw"),
        ("Click to first live result: transferred, gzip", "live", "gzip", mb, "live_gzip"),
        ("Click to first live result, cold cache", "cold_s", None, lambda s: f"{s:.1f} s", "cold_s"),
        ("Navigation to first live result, warm cache", "warm_s", None, lambda s: f"{s:.1f} s", "warm_s"),
        ("Warm visit: bytes over the network (headers and 304 answers included)", "warm", "wire", kb, None),
        ("Input change to updated result (median per page)", "change_ms", None, lambda s: f"{s:.0f} ms", "change_ms"),
        ("Longest main-thread task, click to first result", "cold_task_ms", None, lambda s: f"{s:.0f} ms", "longest_task_ms"),
        ("Longest main-thread task, warm: navigation to first result (page load included)", "warm_task_ms", None,
         lambda s: f"{s:.0f} ms", None),
    ]:
        median, highest = worst(key, part)
        limit = BUDGETS.get(budget) if budget else None
        verdict = "" if limit is None else ("met" if highest <= limit else "MISSED")
        budget_text = "" if limit is None else f"<= {show(limit)} ({verdict})"
        rows.append((label, f"median {show(median)}", f"max {show(highest)}", budget_text))

    print(f"Live calculators benchmark, {time.strftime('%Y-%m-%d')}, {len(runs)} calculator pages")
    print(f"- CPU: {os.cpu_count()} cores; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after (shared machine)")
    print(f"- {platform.platform()}; Chromium {chromium}; Pyodide {_pyodide_version()}")
    print("- gzip: each transferred body compressed with gzip -6 here (the local server sends raw bytes)")
    print()
    print("| Measure | Value | Detail | Budget |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    for run in runs:
        print(
            f"- {run['docname']}: before {kb(run['before'].gzip)} gzip; first result {run['cold_s']:.1f} s cold, "
            f"{run['warm_s']:.1f} s warm; {mb(run['live'].gzip)} gzip; change {run['change_ms']:.0f} ms; "
            f"longest main-thread task {run['cold_task_ms']:.0f} ms cold, {run['warm_task_ms']:.0f} ms warm"
        )
    if prose_fetched:
        print("Prose pages fetched:", *prose_fetched[:10], sep="\n  ")
    return 0


def _pyodide_version() -> str:
    return json.loads((HTML / "_static" / "vendor" / "live" / "manifest.json").read_text())["pyodide"]


if __name__ == "__main__":
    raise SystemExit(main())
