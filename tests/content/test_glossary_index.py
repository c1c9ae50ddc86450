"""The glossary's index by Chinese term: every Chinese term a reader may hold is there, in
pinyin order, and each links to an English entry."""

import sys
from pathlib import Path

import pytest

from .book_sources import BOOK, glossary_headwords

sys.path.insert(0, str(BOOK / "_ext"))
from clause_cards import chinese_index, pinyin_key  # noqa: E402

GLOSSARY = BOOK / "reference" / "glossary.md"
# Terms a reader meets in import and registration documents, and the abbreviations the book uses.
REQUIRED_CHINESE = ("境内责任人", "进口备案", "质量受权人", "原研药", "改良型新药", "进口准许证", "药品注册证书")
REQUIRED_HEADWORDS = ("ICH", "ATMP")


@pytest.fixture(scope="module")
def index():
    return chinese_index(GLOSSARY.read_text(encoding="utf-8"))


def test_the_page_shows_the_index_beside_the_english_glossary():
    text = GLOSSARY.read_text(encoding="utf-8")
    assert "```{glossary}" in text and "```{glossary-zh-index}" in text


def test_required_terms_are_indexed(index):
    chinese = {term for term, _, _ in index}
    assert set(REQUIRED_CHINESE) <= chinese, sorted(set(REQUIRED_CHINESE) - chinese)
    assert set(REQUIRED_HEADWORDS) <= {headword for _, _, headword in index}


def test_the_index_is_in_pinyin_order(index):
    keys = [pinyin_key(spelled) for _, spelled, _ in index]
    assert keys == sorted(keys)
    # 调休 reads tiáoxiū: the entry's own pinyin, not a wrong guess (diào), places it.
    assert [t for t, _, _ in index].index("调休上班日") > [t for t, _, _ in index].index("特殊管理的药品")


def test_every_indexed_term_points_at_an_entry_and_has_pinyin(index):
    headwords = glossary_headwords()
    assert len(index) >= 60
    for chinese, spelled, headword in index:
        assert headword in headwords, headword
        assert pinyin_key(spelled), f"{chinese} has no pinyin"


def test_pinyin_keys_drop_tones_spaces_and_apostrophes():
    assert pinyin_key("Bó'áo Lèchéng") == "boaolecheng"
    assert pinyin_key("lǚyóu") == "luyou"
