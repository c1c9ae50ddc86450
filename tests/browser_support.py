"""Shared by the browser tests and benchmarks: a local static server and headless Chromium.

Chromium comes from Debian (scripts/ensure-debian-packages.sh installs it): Playwright's own
browser download is not available here. The flags keep Chromium from reaching out to the
network by itself, so every request a test sees comes from the page under test.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("chromium is not installed: run scripts/ensure-debian-packages.sh test (make test does)")


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)


@contextlib.contextmanager
def chromium_browser():
    """A headless Chromium for one test scope. Playwright's sync API allows one instance per
    thread, so close it before another suite opens its own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


class _ThreadingServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 on a free port; yields the base URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    with _ThreadingServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
