"""Would a Pyodide memory snapshot shorten the live calculators' start? Prints figures; not a test.

    .venv/bin/python benchmarks/bench_pyodide_snapshot.py [--repeat N]

Needs the built site (`make book`). In headless Chromium, on the review-clock page, it starts
Pyodide the way the site does (runtime, then the rules' wheels), imports nmpa_rules.browser_form
and asks for a first answer; then it makes a memory snapshot after that import
(Pyodide's `_makeSnapshot` / `makeMemorySnapshot`) and starts again from the snapshot
(`_loadSnapshot`). Times are in the page, from loadPyodide to the first answer; the browser's
cache is warm for both. Prints the snapshot's size raw and gzipped (what a reader would download
in addition) and the machine's load, which these times depend on.
"""

from __future__ import annotations

import argparse
import base64
import functools
import gzip
import http.server
import json
import os
import socketserver
import sys
import threading
from pathlib import Path
from statistics import median

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "_build" / "html"
sys.path.insert(0, str(REPO / "tests"))

from browser_support import launch_chromium  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

START = """async ([indexURL, wheels, mode, snapshot]) => {
  const started = performance.now();
  const options = { indexURL };
  if (mode === "make") options._makeSnapshot = true;
  if (mode === "load") options._loadSnapshot = Uint8Array.from(atob(snapshot), c => c.charCodeAt(0));
  const pyodide = await loadPyodide(options);
  if (mode !== "load") {
    for (const wheel of wheels) pyodide.unpackArchive(await (await fetch(wheel)).arrayBuffer(), "wheel");
  }
  const runtime = performance.now();
  pyodide.runPython("import nmpa_rules.browser_form as form");
  const imported = performance.now();
  pyodide.runPython("form.decide_json('timelines.review_clock', '{}')");
  const answered = performance.now();
  let made = null;
  if (mode === "make") {
    const bytes = pyodide.makeMemorySnapshot();
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    made = btoa(text);
  }
  return { runtime: runtime - started, import: imported - runtime, total: answered - started, made };
}"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass  # a request log would bury the figures


def serve(directory: Path) -> str:
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    if not (SITE / "_static/vendor/live/manifest.json").is_file():
        print("No built site with the live runtime in _build/html: run 'make book' first.", file=sys.stderr)
        return 1
    base = serve(SITE)
    live = base + "_static/vendor/live/"
    manifest = json.loads((SITE / "_static/vendor/live/manifest.json").read_text())
    wheels = [live + "wheels/" + name for name in manifest["wheels"]]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context()

        def start(mode: str, snapshot: str | None = None) -> dict:
            page = context.new_page()
            page.goto(base + "book/calculators/review-clock.html")
            page.add_script_tag(url=live + "pyodide/pyodide.js")
            figures = page.evaluate(START, [live + "pyodide/", wheels, mode, snapshot])
            page.close()
            return figures

        start("plain")  # fills the browser's cache, as for a reader's second visit
        plain = [start("plain") for _ in range(repeat)]
        snapshot = start("make")["made"]
        loaded = [start("load", snapshot) for _ in range(repeat)]
        browser.close()
    raw = base64.b64decode(snapshot)
    print(f"Pyodide {manifest['pyodide']}; load average {os.getloadavg()[0]:.1f}; {repeat} starts each, warm cache")
    print(f"snapshot after importing the rules: {len(raw) / 1e6:.1f} MB raw, {len(gzip.compress(raw, 6)) / 1e6:.1f} MB gzip")
    print(f"site's runtime as downloaded today: {manifest['bytes'] / 1e6:.1f} MB raw, {manifest['gzip_bytes'] / 1e6:.1f} MB gzip")
    for name, runs in (("as the site starts today", plain), ("from the snapshot", loaded)):
        print(f"{name}: first answer after median {median(r['total'] for r in runs) / 1000:.2f} s "
              f"(runtime {median(r['runtime'] for r in runs) / 1000:.2f} s, import {median(r['import'] for r in runs) / 1000:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
