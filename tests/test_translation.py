"""The catalogue reader and the words that remember how they were made (nmpa_rules.translation)."""

from __future__ import annotations

import pickle

import pytest

from nmpa_rules.translation import T, Text, check_language, fields, read_po, translate

CATALOGUE = r'''# A translator's comment
msgid ""
msgstr ""
"Language: zh\n"

#: rules/common.py
msgid "In force from {start}."
msgstr "自{start}起施行。"

#, fuzzy
#| msgid "The old \"English\""
msgid "The new \"English\""
msgstr "旧的译文"

msgid "A long "
"sentence"
msgstr ""
"一个长句"

msgid "Not yet translated"
msgstr ""
'''


def test_the_reader_keeps_translated_entries_and_leaves_out_fuzzy_and_empty_ones():
    assert read_po(CATALOGUE) == {"In force from {start}.": "自{start}起施行。", "A long sentence": "一个长句"}


def test_a_text_reads_as_its_english_and_survives_a_copy_between_processes():
    text = T("In force from {start}.", start="2026-05-15")
    assert text == "In force from 2026-05-15."
    copy = pickle.loads(pickle.dumps(text))
    assert isinstance(copy, Text) and copy.template == "In force from {start}." and copy.values == {"start": "2026-05-15"}
    assert fields(text.template) == {"start"}


def test_english_is_returned_unchanged_and_an_unknown_language_is_named():
    text = T("In force from {start}.", start="2026-05-15")
    assert translate(text, "en") == "In force from 2026-05-15."
    with pytest.raises(ValueError, match=r"language: 'fr' is not a language of the calculators; allowed: en \(English\), zh"):
        check_language("fr")

