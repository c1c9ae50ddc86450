"""Build the student edition: the book from the same sources, without any solution.

sphinx-exercise's `hide_solutions` option drops every `{solution}` directive while the pages
are read, so the solutions are absent from the HTML (not hidden by a style or a dropdown); the
page sources, which hold them, are not copied into the site. Exercises keep the numbers of the
full edition, and
exercises keep the numbers of the full edition. The build is `jupyter-book build` with that one
override, a banner naming the edition and the `student` Sphinx tag (for `{only}` blocks), into _build/student/html; it shares the notebook
execution cache of the full edition (_build/.jupyter_cache), so no notebook is executed again
when the full edition is current. Warnings are errors, as in `make book`.

Run: .venv/bin/python scripts/build_student.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from jupyter_book.sphinx import build_sphinx

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "_build" / "student"


def main() -> int:
    overrides = {
        "external_toc_path": "_toc.yml",
        "latex_individualpages": False,
        "nitpicky": True,
        "hide_solutions": True,
        "nb_execution_cache_path": str(REPO / "_build" / ".jupyter_cache"),
        # The page sources (_sources/, behind the download button) hold the solutions.
        "html_copy_source": False,
        "html_show_sourcelink": False,
        "html_theme_options": {
            "use_download_button": False,
            # A banner on every page, so that nobody mistakes one edition for the other on a projector.
            "announcement": "Student edition: exercises without solutions.",
        },
    }
    # Sphinx never deletes output: page sources copied by an older build would stay behind.
    shutil.rmtree(OUTPUT / "html" / "_sources", ignore_errors=True)
    result = build_sphinx(
        REPO,
        OUTPUT / "html",
        noconfig=True,
        path_config=str(REPO / "_config.yml"),
        confoverrides=overrides,
        doctreedir=OUTPUT / ".doctrees",
        tags=["student"],
        warningiserror=True,
        keep_going=True,
    )
    if result:
        print(f"The student edition did not build cleanly (exit status {result}); see the warnings above.", file=sys.stderr)
        return 1
    print(f"The student edition is built: file://{OUTPUT / 'html' / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
