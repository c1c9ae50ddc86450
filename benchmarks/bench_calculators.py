"""Print timing figures for the calculators (not a test). Run: .venv/bin/python benchmarks/bench_calculators.py

- From an input change to the new result on screen, in Voila with headless chromium: the
  median over 20 changes per calculator (target < 150 ms). The time is taken inside the page,
  from the change event to the moment the result panel shows the new text, so it covers the
  round trip to the kernel, the decision and the rendering.
- Execution time of each calculator notebook with nbclient, as the book build runs it
  (target < 5 s): the wall time including the kernel start, and the cells alone.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CALCULATORS = ROOT / "book" / "calculators"
sys.path.insert(0, str(ROOT / "tests"))

from browser.test_voila_calculators import voila_server  # noqa: E402
from browser_support import launch_chromium  # noqa: E402

CHANGES = 20
NOTEBOOK_RUNS = 3

# Per calculator: the input to change, two values to alternate, and the text each one shows.
LATENCY_CASES = {
    "segmented-pilot.ipynb": (
        ".nmpa-field-cmo_commercial_biologics_years input",
        ("2", "2 years of commercial biologics"),
        ("5", "5 years of commercial biologics"),
    ),
    "review-clock.ipynb": (
        ".nmpa-field-started_on input",
        ("2026-01-20", "acceptance on 2026-01-20"),
        ("2026-09-01", "acceptance on 2026-09-01"),
    ),
}

TIME_ONE_CHANGE = """([selector, value, expected]) => new Promise((resolve) => {
    const box = document.querySelector(selector);
    const result = document.querySelector('.nmpa-result');
    const start = performance.now();
    const observer = new MutationObserver(() => {
        if (result.textContent.includes(expected)) {
            observer.disconnect();
            resolve(performance.now() - start);
        }
    });
    observer.observe(result, {subtree: true, childList: true, characterData: true});
    box.value = value;
    box.dispatchEvent(new Event('change', {bubbles: true}));
})"""


def bench_change_to_result() -> None:
    print(f"Input change to new result on screen, Voila + chromium ({CHANGES} changes each):")
    with tempfile.TemporaryDirectory() as scratch, voila_server(CALCULATORS, Path(scratch) / "voila.log") as url:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page()
            for notebook, (selector, *values) in LATENCY_CASES.items():
                start = time.perf_counter()
                page.goto(url + notebook)
                page.wait_for_selector(".nmpa-result >> text=Why", timeout=60_000)
                loaded = time.perf_counter() - start
                times = [
                    page.evaluate(TIME_ONE_CHANGE, [selector, *values[index % 2]])
                    for index in range(CHANGES)
                ]
                ordered = sorted(times)
                print(
                    f"  {notebook:<26} median {statistics.median(times):6.1f} ms   "
                    f"p90 {ordered[int(0.9 * len(ordered)) - 1]:6.1f} ms   max {ordered[-1]:6.1f} ms   "
                    f"(target median < 150 ms; first result after page load {loaded:.1f} s)"
                )
            browser.close()


def cell_seconds(notebook: nbformat.NotebookNode) -> float:
    """From the first cell starting to the last one finishing, from nbclient's timestamps."""
    timings = [cell.metadata["execution"] for cell in notebook.cells if cell.cell_type == "code"]
    first = datetime.fromisoformat(timings[0]["iopub.execute_input"].replace("Z", "+00:00"))
    last = datetime.fromisoformat(timings[-1]["shell.execute_reply"].replace("Z", "+00:00"))
    return (last - first).total_seconds()


def bench_notebook_execution() -> None:
    print(f"Notebook execution with nbclient (median of {NOTEBOOK_RUNS} runs):")
    for path in sorted(CALCULATORS.glob("*.ipynb")):
        walls, cells = [], []
        for _ in range(NOTEBOOK_RUNS):
            notebook = nbformat.read(path, as_version=4)
            client = NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(CALCULATORS)}})
            start = time.perf_counter()
            client.execute()
            walls.append(time.perf_counter() - start)
            cells.append(cell_seconds(notebook))
        print(
            f"  {path.name:<26} {statistics.median(walls):5.2f} s with kernel start, "
            f"{statistics.median(cells):5.2f} s in the cells   (target < 5 s)"
        )


if __name__ == "__main__":
    bench_change_to_result()
    bench_notebook_execution()
