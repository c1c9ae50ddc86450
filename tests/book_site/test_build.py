"""The book builds from its sources with every warning treated as an error."""

import re

WARNING_LINE = re.compile(r"\b(WARNING|ERROR|CRITICAL)\b|\w+Warning:|Traceback")


def test_book_builds_without_warnings(book_build):
    problems = [line for line in book_build.output.splitlines() if WARNING_LINE.search(line)]
    assert book_build.returncode == 0, "jupyter-book build failed:\n" + "\n".join(problems or book_build.output.splitlines()[-40:])
    assert not problems, "the build printed warnings:\n" + "\n".join(problems)


def test_every_toc_page_is_built(built_site):
    import yaml

    toc = yaml.safe_load((built_site.parents[1] / "_toc.yml").read_text(encoding="utf-8"))
    docnames = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    missing = [d for d in docnames if not (built_site / f"{d}.html").is_file()]
    assert not missing, f"pages in _toc.yml with no built HTML: {missing}"
