"""Build and page-weight benchmark for the static site (issue 6). Prints a table; not a test.

    .venv/bin/python benchmarks/bench_site.py [--skip-make-test] [--write-results]

Everything runs in a temporary copy of the repository, so the shared `_build` folder is never
touched and the cold build really starts from an empty cache:

1. cold build, warm no-op rebuild, and a rebuild after editing one prose page, counting the
   notebooks executed (from the build log; must be 0 after a prose edit);
2. the sample book that `jupyter-book create` makes, built with the same venv;
3. bytes a browser transfers per page (every response: HTML, CSS, JS, fonts, images), with an
   empty browser cache, and first contentful paint, in headless Debian Chromium, for every page
   of both books. The local server does not compress, so the transferred size of each response
   is computed as a compressing server would send it: text gzipped at level 6, fonts and
   images as they are (tests/book_site/browser/transfer.py, shared with the browser tests);
4. `make test` in a fresh clone of HEAD, installs included, as CI runs it (slow; --skip-make-test leaves it out).

Budgets (issues 6 and 13) are checked at the end; a missed budget is printed, not raised.
`--write-results` rewrites the generated section at the top of benchmarks/RESULTS.md and keeps
everything from its hand-written notes on.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from book_site.browser.transfer import PageWeight, measure  # noqa: E402
from browser_support import launch_chromium, serve_directory  # noqa: E402
from content.book_sources import page_path, toc_docnames  # noqa: E402

BIN = Path(sys.executable).parent
JUPYTER_BOOK = str(BIN / "jupyter-book")
NOT_COPIED = {".venv", "_build", "node_modules", ".git", ".pytest_cache", ".hypothesis", ".benchmarks", "test-artifacts", "__pycache__"}
PROSE_PAGE_TO_EDIT = "book/intro.md"
EXECUTED = re.compile(r"Executed notebook in")
WARNING = re.compile(r"\bWARNING\b")
BUDGET_PROSE_BYTES = 200_000  # gzip, as sent; the home page included
BUDGET_CALCULATOR_BYTES = 350_000  # gzip, before the live runtime starts
RESULTS = REPO / "benchmarks" / "RESULTS.md"
HAND_WRITTEN = "\n## Notes on the budgets"  # RESULTS.md from here on is kept as it is


@dataclass
class Build:
    seconds: float
    executed: int
    warnings: int
    ok: bool


def build(book: Path) -> Build:
    start = time.perf_counter()
    done = subprocess.run([JUPYTER_BOOK, "build", str(book)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    log = done.stdout + done.stderr
    return Build(seconds, len(EXECUTED.findall(log)), len(WARNING.findall(log)), done.returncode == 0)


def copy_repo(into: Path) -> Path:
    target = into / "repo"
    shutil.copytree(REPO, target, ignore=lambda folder, names: [n for n in names if n in NOT_COPIED], symlinks=True)
    # The build reads npm packages (MathJax's TeX input for build-time math) from node_modules.
    if (REPO / "node_modules").is_dir():
        (target / "node_modules").symlink_to(REPO / "node_modules")
    return target


def toc_pages(book: Path) -> list[tuple[str, str]]:
    """(docname, source suffix) for every page in the book's _toc.yml."""
    return [(docname, page_path(docname, book).suffix) for docname in toc_docnames(book)]


def load_pages(browser, html: Path, docnames: list[str]) -> dict[str, PageWeight]:
    with serve_directory(html) as base_url:
        return {docname: measure(browser, f"{base_url}{docname}.html") for docname in docnames}


def time_make_test(workdir: Path) -> tuple[float, bool, str]:
    """`make test` in a fresh clone of the committed HEAD, as CI runs it: its own virtual
    environment and vendored assets, installed from scratch. Linking this checkout's .venv
    into a copy instead would let `make` reinstall the package from the copy into it."""
    clone = workdir / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    start = time.perf_counter()
    done = subprocess.run(["make", "test"], cwd=clone, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    summaries = [line.strip("= ") for line in done.stdout.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    return seconds, done.returncode == 0, summaries[-1] if summaries else (done.stdout + done.stderr).strip()[-200:]


def machine() -> list[str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))

    def version(*command: str) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"

    from importlib.metadata import version as package_version

    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores (nproc); memory {memory_kb / 1024 / 1024:.1f} GiB",
        f"- OS: {platform.platform()}; Python {platform.python_version()}",
        f"- jupyter-book {package_version('jupyter-book')}, Sphinx {package_version('sphinx')}, "
        f"sphinx-book-theme {package_version('sphinx-book-theme')}, myst-nb {package_version('myst-nb')}, "
        f"playwright {package_version('playwright')}",
        f"- {version('chromium', '--version')}",
    ]


def kb(n: float) -> str:
    return f"{n / 1000:,.0f} KB"


def summary(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), max(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-make-test", action="store_true", help="leave out the slow `make test` timing")
    parser.add_argument("--write-results", action="store_true", help="also write benchmarks/RESULTS.md")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-site-") as scratch:
        scratch = Path(scratch)
        copy = copy_repo(scratch)
        print("building the book (cold, warm, after a prose edit) ...", file=sys.stderr)
        cold = build(copy)
        warm = build(copy)
        page = copy / PROSE_PAGE_TO_EDIT
        page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added by the benchmark.\n", encoding="utf-8")
        edited = build(copy)

        print("building the jupyter-book sample ...", file=sys.stderr)
        sample = scratch / "sample"
        subprocess.run([JUPYTER_BOOK, "create", str(sample)], check=True, capture_output=True)
        sample_build = build(sample)

        print("loading every page in headless chromium ...", file=sys.stderr)
        pages = toc_pages(copy)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            ours = load_pages(browser, copy / "_build" / "html", [d for d, _ in pages])
            stock = load_pages(browser, sample / "_build" / "html", [d for d, _ in toc_pages(sample)])
            browser.close()

        make_test = None
        if not args.skip_make_test:
            print("running make test in a fresh clone ...", file=sys.stderr)
            make_test = time_make_test(copy)

    calculators = {d for d, suffix in pages if suffix == ".ipynb"}
    prose = [w for d, w in ours.items() if d not in calculators]
    calc = [w for d, w in ours.items() if d in calculators]
    prose_median, prose_max = summary([w.transferred for w in prose])
    stock_median, stock_max = summary([w.transferred for w in stock.values()])
    calc_median, calc_max = summary([w.transferred for w in calc]) if calc else (0, 0)
    fcp_median, fcp_max = summary([w.fcp_ms for w in ours.values()])
    stock_fcp_median, stock_fcp_max = summary([w.fcp_ms for w in stock.values()])
    warm_share = warm.seconds / cold.seconds

    rows = [
        ("Cold build (empty cache)", f"{cold.seconds:.1f} s", f"{cold.executed} notebooks executed, {cold.warnings} warnings", ""),
        ("Warm no-op rebuild", f"{warm.seconds:.1f} s", f"{warm_share:.0%} of cold; {warm.executed} executed", "<= 25% of cold"),
        (f"Rebuild after editing {PROSE_PAGE_TO_EDIT}", f"{edited.seconds:.1f} s", f"{edited.executed} notebooks executed", "0 executed"),
        ("Sample book (`jupyter-book create`) cold build", f"{sample_build.seconds:.1f} s", f"{sample_build.executed} executed", ""),
        (f"Transferred per prose page, gzip ({len(prose)} pages)", f"median {kb(prose_median)}", f"max {kb(prose_max)}", f"<= {kb(BUDGET_PROSE_BYTES)}"),
        (f"Transferred per sample-book page, gzip ({len(stock)} pages)", f"median {kb(stock_median)}", f"max {kb(stock_max)}", ""),
        ("Prose / sample ratio", f"median {prose_median / stock_median:.2f}", f"max {prose_max / stock_max:.2f}", "<= 1.0"),
        (f"Transferred per calculator page, gzip ({len(calc)} pages)", f"median {kb(calc_median)}", f"max {kb(calc_max)}", f"<= {kb(BUDGET_CALCULATOR_BYTES)}"),
        ("First contentful paint, our pages", f"median {fcp_median:.0f} ms", f"max {fcp_max:.0f} ms", "median < 1 s"),
        ("First contentful paint, sample pages", f"median {stock_fcp_median:.0f} ms", f"max {stock_fcp_max:.0f} ms", ""),
    ]
    if make_test:
        seconds, passed, last = make_test
        rows.append(("`make test`", f"{seconds / 60:.1f} min", ("passed" if passed else "FAILED") + f": {last[:80]}", "< 15 min"))
    else:
        rows.append(("`make test`", "not measured", "--skip-make-test", "< 15 min"))

    budgets = [
        ("warm no-op rebuild <= 25% of cold", warm_share <= 0.25),
        ("0 notebooks re-executed after a prose edit", edited.executed == 0),
        (f"every prose page <= {kb(BUDGET_PROSE_BYTES)} transferred", prose_max <= BUDGET_PROSE_BYTES),
        ("prose page bytes <= sample page (median and max)", prose_median <= stock_median and prose_max <= stock_max),
        (f"every calculator page <= {kb(BUDGET_CALCULATOR_BYTES)} transferred", calc_max <= BUDGET_CALCULATOR_BYTES),
        ("FCP median < 1 s", fcp_median < 1000),
    ]
    if make_test:
        budgets.append(("make test < 15 min", make_test[0] < 15 * 60))

    table = ["| Measure | Value | Detail | Budget |", "|---|---|---|---|"] + [f"| {' | '.join(r)} |" for r in rows]
    named = [(d, w) for d, w in ours.items()] + [(f"sample: {d}", w) for d, w in stock.items()]
    per_type = sorted({t for _, w in named for t in w.by_type})
    page_table = [
        "| Page | Requests | " + " | ".join(per_type) + " | Transferred (gzip) | Uncompressed | FCP |",
        "|---" * (len(per_type) + 5) + "|",
    ]
    for name, w in named:
        page_table.append(
            f"| {name} | {w.requests} | " + " | ".join(kb(w.by_type.get(t, 0)) for t in per_type)
            + f" | {kb(w.transferred)} | {kb(w.uncompressed)} | {w.fcp_ms:.0f} ms |"
        )
    verdicts = [f"- {'met' if ok else 'MISSED'}: {name}" for name, ok in budgets]

    print("\n".join(table))
    print()
    print("\n".join(verdicts))
    print()
    print("\n".join(page_table))
    if not (cold.ok and warm.ok and edited.ok and sample_build.ok):
        print("\nnote: a build returned non-zero (chapters may be mid-edit); figures are still timed", file=sys.stderr)

    if args.write_results:
        generated = "\n".join(
            [
                "# Site benchmark: latest figures",
                "",
                f"Produced by `benchmarks/bench_site.py` on {time.strftime('%Y-%m-%d')}. Machine:",
                "",
                *machine(),
                "",
                *table,
                "",
                "Budgets:",
                "",
                *verdicts,
                "",
                "Per page (bytes transferred by resource type, gzip as a compressing server sends them; "
                "empty cache; FCP in headless Chromium):",
                "",
                *page_table,
                "",
            ]
        )
        previous = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        kept = previous[previous.index(HAND_WRITTEN):] if HAND_WRITTEN in previous else ""
        RESULTS.write_text(generated + kept, encoding="utf-8")
        print(f"\nwrote {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
