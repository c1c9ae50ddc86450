"""The built site, shared by every test that reads or serves it.

The book is built once per test session, into the same `_build` folder as `make book`, so
the notebook-execution cache and Sphinx's environment are reused: an unchanged book
rebuilds in seconds.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HTML = REPO / "_build" / "html"


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    html: Path


@pytest.fixture(scope="session")
def book_build() -> BuildResult:
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    completed = subprocess.run(
        [str(jupyter_book), "build", ".", "-W", "-n", "--keep-going"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, HTML)


@pytest.fixture(scope="session")
def built_site(book_build: BuildResult) -> Path:
    if book_build.returncode != 0:
        pytest.fail("the book did not build; see test_book_builds_without_warnings", pytrace=False)
    return book_build.html
