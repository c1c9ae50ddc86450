"""Three facts the whole book leans on are explained on one page each and linked from the rest.

A reviewer found the trial clock, the Drug Administration Law's revision dates and the absence
of a compounding-pharmacy regime restated in up to fourteen chapters; each restatement is a
place where the fact can drift, and a reason for a learner to skim. What counts:

- Scope: the lesson pages (Start here, Fundamentals, Intermediate, Academic). Reference pages
  (glossary, timeline, common claims, teaching guide, changelog) exist to state facts for look-up.
- A page *explains* a topic when its prose, as a reader sees it (exercises, solutions, tables and
  admonitions included; code, labels and link targets left out; line breaks as spaces), matches
  the topic's pattern. Several mentions on the home page are one explanation.
- A page that only links to the home page (for example "the clock is explained in ...") does
  not match, because the patterns look for the fact itself: the number of days, the dates, the
  words "no ... compounding".
- The Drug Administration Law's dates are restated by its revision date (2019-08-26) or by
  "revised ... 2019". Its entry into force, 2019-12-01, may appear alone where it is the point
  being taught: the day a rule such as the IND clock began to apply.
"""

from __future__ import annotations

import re

import pytest

from .book_sources import toc_docnames
from .test_reader_text import page_prose

LESSON_PAGES = [d for d in toc_docnames() if d.startswith(("book/start/", "book/fundamentals/", "book/intermediate/", "book/academic/"))]

# topic: (the one page that explains it, what a restatement looks like)
TOPICS = {
    "the IND clock of 60 working days": (
        "book/intermediate/pathways",
        re.compile(r"\b(?:60|sixty)[\s-]+working[\s-]+days?\b|60\s*个工作日", re.I),
    ),
    "the Drug Administration Law's revision dates": (
        "book/start/nmpa-primer",
        re.compile(r"2019-08-26|26 August 2019|August 26, 2019|revised (?:on |in )?(?:2019|\d{4}-\d{2}-\d{2})", re.I),
    ),
    "China has no compounding-pharmacy regime": (
        "book/fundamentals/hormones",
        re.compile(r"\bno\s+(?:[\w-]+\s+){0,2}compounding\b|\bcompounding[\s-]+pharmac(?:y|ies)\s+regime", re.I),
    ),
}


def flat_prose(docname: str) -> str:
    return re.sub(r"\s+", " ", page_prose(docname))


@pytest.mark.parametrize("topic", TOPICS)
def test_each_fact_is_explained_on_its_home_page_only(topic):
    home, pattern = TOPICS[topic]
    explaining = [d for d in LESSON_PAGES if pattern.search(flat_prose(d))]
    assert home in explaining, f"{topic}: its home page {home} no longer explains it; move the explanation, then update this test"
    # a chapter split in two (e.g. pathways and pathways-procedure) is one home
    others = [d for d in explaining if d != home and not d.startswith(home + "-")]
    assert not others, f"{topic}: explained on {home} and restated on {others}; link to the home page instead"


@pytest.mark.parametrize(
    ("topic", "sentence"),
    [
        ("the IND clock of 60 working days", "the regulator decides within 60 working days of acceptance"),
        ("the IND clock of 60 working days", "the same 60-working-day clock runs into 2027"),
        ("the Drug Administration Law's revision dates", "the law (revised 2019-08-26, in force 2019-12-01)"),
        ("the Drug Administration Law's revision dates", "the Drug Administration Law, revised in 2019, made the MAH system national"),
        ("China has no compounding-pharmacy regime", "China has no compounding-pharmacy regime."),
        ("China has no compounding-pharmacy regime", "there is no US-style compounding in China"),
    ],
)
def test_the_patterns_catch_the_usual_wordings(topic, sentence):
    assert TOPICS[topic][1].search(sentence)


def test_a_link_to_the_home_page_is_not_a_restatement():
    for _home, pattern in TOPICS.values():
        assert not pattern.search("The trial's clock is in the statute itself; see the pathways chapter.")
