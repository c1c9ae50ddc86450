"""The book builds from its sources with every warning treated as an error."""

import re

from content.book_sources import toc_docnames

WARNING_LINE = re.compile(r"\b(WARNING|ERROR|CRITICAL)\b|\w+Warning:|Traceback")


def test_book_builds_without_warnings(book_build):
    problems = [line for line in book_build.output.splitlines() if WARNING_LINE.search(line)]
    assert book_build.returncode == 0, "jupyter-book build failed:\n" + "\n".join(problems or book_build.output.splitlines()[-40:])
    assert not problems, "the build printed warnings:\n" + "\n".join(problems)


def test_every_toc_page_is_built(built_site):
    missing = [d for d in toc_docnames() if not (built_site / f"{d}.html").is_file()]
    assert not missing, f"pages in _toc.yml with no built HTML: {missing}"
