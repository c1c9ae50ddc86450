"""Clause cards: complete, short, cited by the rules, used in the book, and equal to what
sources.yaml and the bibliography say about the same instrument."""

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

import nmpa_rules
from nmpa_rules import evaluate
from nmpa_rules.clause_cards import CARD_IDS, INSTRUMENTS, MAX_QUOTED_HAN, clause_card, instrument_of
from nmpa_rules.errors import InputError
from nmpa_rules.presentation.render import decision_html

REPO = Path(__file__).resolve().parents[1]
BOOK = REPO / "book"
DATA_DIR = Path(nmpa_rules.__file__).parent / "data"
INSTRUMENTS_PAGE = BOOK / "reference" / "instruments.md"
# A chapter shows one card with {clause-card}`id` (a role) or ```{clause-card} id``` (a directive).
CARD_IN_PAGE = re.compile(r"\{clause-card\}(?:`([^`]+)`|[ \t]+(\S+))")


def _facts_with_cards(value, path=()):
    if isinstance(value, dict):
        if "card" in value:
            yield path, value
        for key, item in value.items():
            yield from _facts_with_cards(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _facts_with_cards(item, path + (index,))


def rule_facts_with_cards():
    found = []
    for path in sorted(DATA_DIR.glob("*.yaml")):
        if path.name == "clause_cards.yaml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(path.name, where, fact) for where, fact in _facts_with_cards(data)]
    return found


def cards_shown_in_pages():
    shown = {}
    for page in BOOK.rglob("*.md"):
        if page == INSTRUMENTS_PAGE or "_build" in page.parts:
            continue
        for role, directive in CARD_IN_PAGE.findall(page.read_text(encoding="utf-8")):
            shown.setdefault(role or directive, []).append(page.relative_to(REPO).as_posix())
    return shown


def test_there_are_enough_cards_and_every_instrument_has_one():
    assert len(CARD_IDS) >= 25
    assert all(instrument.clauses for instrument in INSTRUMENTS)


@pytest.mark.parametrize("card", [c for i in INSTRUMENTS for c in i.clauses], ids=lambda c: c.id)
def test_every_card_has_all_its_fields(card):
    assert card.article.strip() and card.en.strip()
    assert card.quoted_han > 0, "the quotation holds no Chinese words"
    assert isinstance(card.read_on, date) and card.read_on <= date(2026, 12, 5)
    assert card.confidence in {"primary", "secondary", "third_party"}
    assert card.anchor == f"clause-{card.id}"


@pytest.mark.parametrize("card", [c for i in INSTRUMENTS for c in i.clauses], ids=lambda c: c.id)
def test_quotations_are_short(card):
    # The operative phrase only: a card never reproduces a whole article.
    assert card.quoted_han <= MAX_QUOTED_HAN


def test_every_card_a_rule_cites_exists_and_belongs_to_the_source_the_fact_cites():
    facts = rule_facts_with_cards()
    assert len(facts) >= 20
    for file_name, where, fact in facts:
        assert fact["card"] in CARD_IDS, f"{file_name} {where}: unknown card {fact['card']}"
        assert instrument_of(fact["card"]).source_id == fact["source"], (
            f"{file_name} {where}: card {fact['card']} belongs to another instrument than source {fact['source']}"
        )


def test_every_card_shown_in_a_page_exists():
    unknown = {card: pages for card, pages in cards_shown_in_pages().items() if card not in CARD_IDS}
    assert not unknown, f"pages show cards that do not exist: {unknown}"


def test_every_card_is_used_by_a_rule_or_a_page():
    # The Key instruments page renders every card; this asks for one use beyond it: a rule
    # whose reason quotes the clause, or a page that shows the card where it discusses it.
    used = {fact["card"] for _, _, fact in rule_facts_with_cards()} | set(cards_shown_in_pages())
    unused = sorted(CARD_IDS - used)
    assert not unused, f"cards used by no rule and no page: {unused}"


def test_the_instruments_page_renders_every_card():
    assert "```{instrument-cards}" in INSTRUMENTS_PAGE.read_text(encoding="utf-8")


def test_instrument_dates_equal_the_sources_file():
    for instrument in INSTRUMENTS:
        source = instrument.source
        for card_field, source_value in (("published", source.published_on), ("in_force", source.in_force_from)):
            given = instrument.dates[card_field]
            if given is not None and source_value is not None:
                assert given == source_value, f"{instrument.id}.{card_field}: {given} but sources.yaml says {source_value}"


def test_chinese_names_equal_the_bibliography():
    from pybtex.database import parse_file

    entries = parse_file(str(BOOK / "references.bib")).entries
    for instrument in INSTRUMENTS:
        # The bibliography's Chinese title may add the issuer or the number: the card's title,
        # or else its number, must appear in it.
        titleaddon = entries[instrument.source_id].fields.get("titleaddon")
        if titleaddon:
            assert instrument.name_zh in titleaddon or titleaddon in (instrument.number_zh or ""), instrument.id


def test_an_unknown_card_is_refused_by_name():
    with pytest.raises(InputError, match="not a known clause card"):
        clause_card("dal-999")


def test_a_reason_carries_its_card_and_the_result_shows_the_original_words():
    decision = evaluate("timelines.review_clock", "2026-12-05", procedure="ind", started_on="2026-11-02")
    cards = [reason.card for reason in decision.reasons if reason.card]
    assert "dal-19" in cards
    assert decision.to_dict()["reasons"][[r.card for r in decision.reasons].index("dal-19")]["card"] == "dal-19"
    html = decision_html(decision, {})
    card = clause_card("dal-19")
    assert f'href="../reference/instruments.html#{card.anchor}"' in html
    assert card.zh in html
