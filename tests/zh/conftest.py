"""The Chinese edition, built once per test session by scripts/build_zh.py (as `make book` does).

The build is incremental (its own doctrees and notebook cache under _build/zh_CN), so an
unchanged book rebuilds in seconds. At the end of the run the share translated per page is
printed, so that `make test` always shows what waits for translation.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ZH_HTML = REPO / "_build" / "zh_CN" / "html"
STATUS = ZH_HTML.parent / "translation-status.json"
COMPLETE = REPO / "locales" / "zh_CN" / "complete.txt"


def complete_pages() -> list[str]:
    lines = COMPLETE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="session")
def zh_site() -> Path:
    completed = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_zh.py"), "build"], cwd=REPO, capture_output=True, text=True
    )
    if completed.returncode != 0:
        pytest.fail(f"the Chinese edition did not build:\n{(completed.stdout + completed.stderr)[-4000:]}", pytrace=False)
    return ZH_HTML


@pytest.fixture(scope="session")
def translation_status(zh_site) -> dict:
    return json.loads(STATUS.read_text(encoding="utf-8"))


def pytest_terminal_summary(terminalreporter):
    if not STATUS.exists():
        return
    status = json.loads(STATUS.read_text(encoding="utf-8"))
    write = terminalreporter.write_line
    terminalreporter.section("Chinese edition: share translated per page")
    for page, counts in status.items():
        share = counts["translated"] / counts["messages"] if counts["messages"] else 1.0
        write(f"{page:48} {share:5.0%} translated, {len(counts['waiting']):4} paragraphs waiting")
