"""Each calculator in a real browser: Voila runs the notebook, Playwright changes the inputs.

One Voila server on 127.0.0.1 serves the calculators folder; Debian's chromium (through
tests/browser_support.py) loads each notebook in app mode. The assertions read the result
panel as a reader sees it.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser_support import chromium_browser
from nmpa_rules import rule_info
from nmpa_rules.presentation.presets import REVIEW_DATE, presets

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CALCULATORS = REPO / "book" / "calculators"
SERVERS: dict[str, subprocess.Popen] = {}
"""Each running Voilà by the address of its notebooks, to count its kernels."""
# A kernel starts and runs the notebook before the result appears.
FIRST_RESULT_MS = 30_000
RESULT_MS = 10_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"voila exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError(f"voila did not answer on {url} within {seconds} s")


@contextlib.contextmanager
def voila_server(folder: Path, log: Path) -> Iterator[str]:
    """Voila serving ``folder`` on a free port of 127.0.0.1; yields the notebooks' base URL."""
    port = free_port()
    voila = Path(sys.executable).with_name("voila")
    with log.open("w") as output:
        # From the repository's folder, as the README says, so that Voilà reads voila.json.
        process = subprocess.Popen(
            [str(voila), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1", "--template=nmpa", str(folder)],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=REPO,
            env={**os.environ, "JUPYTER_PATH": str(REPO / "share" / "jupyter")},
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            wait_until_serving(base, process)
            SERVERS[base + "voila/render/"] = process
            yield base + "voila/render/"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def voila_url(tmp_path_factory):
    with voila_server(CALCULATORS, tmp_path_factory.mktemp("voila") / "voila.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def open_calculator(page: Page, voila_url: str, notebook: str, first_outcome: str):
    page.goto(voila_url + notebook)
    result = page.locator(".nmpa-result")
    expect(result).to_contain_text(first_outcome, timeout=FIRST_RESULT_MS)
    return result


def field(page: Page, name: str):
    return page.locator(f".nmpa-field-{name}")


def choose(page: Page, name: str, label: str) -> None:
    field(page, name).locator("select").select_option(label=label)


def click(page: Page, name: str, button: str) -> None:
    field(page, name).get_by_role("button", name=button, exact=True).click()


def type_into(page: Page, name: str, text: str) -> None:
    box = field(page, name).locator("input").first
    box.fill(text)
    # Dates and numbers are text boxes; the change event makes sure the kernel has the text.
    box.dispatch_event("change")


def test_segmented_pilot(page, voila_url):
    result = open_calculator(page, voila_url, "segmented-pilot.ipynb", "Eligible for the pilot")
    expect(result).to_contain_text("Pilot Work Plan for Segmented Production of Biological Products")

    type_into(page, "cmo_commercial_biologics_years", "2")
    expect(result).to_contain_text("Not eligible for the pilot", timeout=RESULT_MS)
    expect(result).to_contain_text("2 years of commercial biologics manufacturing; at least 3 are required.")

    type_into(page, "cmo_commercial_biologics_years", "-1")
    expect(field(page, "cmo_commercial_biologics_years")).to_contain_text(
        "'-1' is too small; give a number of at least 0", timeout=RESULT_MS
    )
    expect(result).to_contain_text("No result: correct the input marked ⚠ above.")

    page.locator(".nmpa-presets-menu select").select_option(label="The same antibody after the pilot ends (1 January 2027)")
    expect(result).to_contain_text("not in force on 2027-01-01; last in force until 2026-12-31", timeout=RESULT_MS)
    expect(field(page, "cmo_commercial_biologics_years")).not_to_contain_text("too small")


def test_pre_approval_import(page, voila_url):
    result = open_calculator(page, voila_url, "pre-approval-import.ipynb", "The batch may be imported")

    field(page, "china_approval_date").get_by_label("None yet").check()
    expect(result).to_contain_text("The batch may not be imported (yet)", timeout=RESULT_MS)
    expect(result).to_contain_text("Not approved in China")

    after_review = (REVIEW_DATE + timedelta(days=3)).isoformat()
    type_into(page, "manufactured_on", after_review)
    expect(field(page, "manufactured_on")).to_contain_text(f"is after the as-of date {REVIEW_DATE.isoformat()}", timeout=RESULT_MS)
    expect(result).to_contain_text("No result")


def test_stem_cell_pathway(page, voila_url):
    result = open_calculator(page, voila_url, "stem-cell-pathway.ipynb", "Drug registration with the NMPA")

    choose(page, "purpose", "Offering it to patients for a fee")
    expect(result).to_contain_text("Not permitted", timeout=RESULT_MS)

    choose(page, "purpose", "Clinical research")
    click(page, "institution_filed", "Yes")
    expect(result).to_contain_text("Clinical research, filed with the health authority", timeout=RESULT_MS)

    type_into(page, "as_of", "2024-06-03")
    expect(result).to_contain_text("as of 2024-06-03", timeout=RESULT_MS)
    expect(result).to_contain_text("Governing document: Administrative Measures for Stem Cell Clinical Research")


def test_hormone_pathway(page, voila_url):
    first = presets("hormones.pathway")[0]
    result = open_calculator(page, voila_url, "hormone-pathway.ipynb",
                             rule_info("hormones.pathway").outcomes[first.expect["outcome"]])
    expect(result).to_contain_text("Art. 29 of the Physicians Law")

    choose(page, "preparation", "Compounded by the hospital")
    expect(result).to_contain_text("Needs registration (drug approval) first", timeout=RESULT_MS)

    click(page, "same_product_on_market", "No")
    expect(result).to_contain_text("Medical-institution (hospital) preparation", timeout=RESULT_MS)


def test_review_clock(page, voila_url):
    result = open_calculator(page, voila_url, "review-clock.ipynb", "Deadline: Monday 2027-03-15")
    expect(result.locator(".nmpa-day-holiday").first).to_be_visible()

    choose(page, "procedure", "Clinical trial application (IND), 60 working days")
    type_into(page, "started_on", "2026-01-20")
    # Counted by hand: 60 working days after 2026-01-20 skip the Spring Festival (16-20 and 23
    # February) and Qingming (6 April), and count the make-up Saturdays 14 and 28 February.
    expect(result).to_contain_text("Deadline: Tuesday 2026-04-21", timeout=RESULT_MS)

    type_into(page, "paused_working_days", "5")
    expect(result).to_contain_text("Deadline: Tuesday 2026-04-28", timeout=RESULT_MS)
    expect(result).to_contain_text("60 working days plus 5 paused")
    expect(result.locator(".nmpa-cal .nmpa-day-pause")).to_have_count(5)


def kernels_of(process: subprocess.Popen) -> int:
    """How many kernels the Voilà process runs: its child processes that are ipykernels."""
    count = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
            cmdline = (status.parent / "cmdline").read_bytes()
        except OSError:  # the process ended while we looked
            continue
        if f"\nPPid:\t{process.pid}\n" in text and b"ipykernel" in cmdline:
            count += 1
    return count


def test_twenty_visits_leave_at_most_two_kernels_and_ask_no_other_host(browser, voila_url):
    """Each visit starts a kernel that closing the tab does not stop; voila.json culls them."""
    foreign: list[str] = []

    def refuse(route):
        foreign.append(route.request.url)
        route.abort()

    for _ in range(20):
        context = browser.new_context()
        context.route(re.compile(r"^(?!http://127\.0\.0\.1:)(https?|wss?)://"), refuse)
        open_calculator(context.new_page(), voila_url, "stem-cell-pathway.ipynb", "Drug registration with the NMPA")
        context.close()
    assert foreign == []
    process = SERVERS[voila_url]
    # Culled after 60 idle seconds with nobody connected, checked every 10 s.
    deadline = time.monotonic() + 120
    while kernels_of(process) > 2 and time.monotonic() < deadline:
        time.sleep(2)
    assert kernels_of(process) <= 2
