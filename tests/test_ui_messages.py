"""The calculators' own Chinese catalogue (locales/zh/LC_MESSAGES/ui.po) is complete and current,
and every calculator view, rendered in Chinese, finds an entry for every word it shows.

The words come from `scripts/rule_messages.py` (the tool translators run): a word added to a view
or changed in English has no entry until `scripts/rule_messages.py update ui` brings it in and a
translator fills it, and the first test fails until then. The last tests render every worked
scenario and every scenario file in Chinese with ``strict=True``: a word that reaches a reader
without passing through the catalogues (an f-string, a label built on the fly) raises there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nmpa_rules import browser_form, evaluate
from nmpa_rules.errors import InputError
from nmpa_rules.evaluation import list_rules
from nmpa_rules.presentation.language import ENVIRONMENT_VARIABLE, Words, default_language
from nmpa_rules.presentation.presets import presets
from nmpa_rules.presentation.render import decision_html, no_result_html, preset_table_html, rules_contract_html
from nmpa_rules.scenarios import load_scenarios
from nmpa_rules.translation import LANGUAGES, MissingTranslation, T, fields

from catalogue_support import entries as catalogue_entries
from catalogue_support import messages as catalogue_messages

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "book" / "_static" / "live-calculator" / "live-calculator.js"
SCENARIO_FILES = sorted((ROOT / "tests" / "scenarios").rglob("*.yaml"))
RULE_IDS = [info.id for info in list_rules()]


def messages() -> dict[str, list[str]]:
    return catalogue_messages("ui")


def entries(domain: str = "ui") -> dict[str, str]:
    return catalogue_entries(domain)


def test_a_word_in_both_catalogues_reads_the_same_in_both():
    """The catalogues are read as one: the calculators' "As of" must not contradict the rules'."""
    rules = entries("rules")
    different = {english: (rules[english], chinese) for english, chinese in entries().items() if rules.get(english, chinese) != chinese}
    assert not different, different


def test_the_extraction_finds_the_views_words():
    found = messages()
    assert "Why" in found and "{month} {year}" in found  # render.py
    assert "Worked example" in found  # widgets and the page script's words (browser_form.PAGE_WORDS)
    assert all(where.startswith(("presentation/", "widgets/", "browser_form.py")) for places in found.values() for where in places)


def test_every_word_the_page_script_asks_for_exists_in_every_language():
    script = SCRIPT.read_text(encoding="utf-8")
    asked = set(re.findall(r"\b(?:words|said)\.(\w+)", script)) | set(re.findall(r'\.say\("(\w+)"', script))
    asked |= {key for key in re.findall(r'key: "(\w+)"', (SCRIPT.parent / "live-calculator-worker.js").read_text())}
    assert asked and asked <= set(browser_form.PAGE_WORDS), sorted(asked - set(browser_form.PAGE_WORDS))
    for language in LANGUAGES:
        words = browser_form.page_words(language)
        assert {key: fields(text) for key, text in words.items()} == {
            key: fields(text.template) for key, text in browser_form.PAGE_WORDS.items()
        }
    assert browser_form.page_words("zh")["worked_example"] == "示例情形"


def test_the_default_language_comes_from_the_environment_and_a_bad_one_is_named(monkeypatch):
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    assert default_language() == "en"
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "zh")
    assert default_language() == "zh"
    assert '<th scope="col" style="border:1px solid var(--nmpa-border,#ccd);padding:0.35em 0.5em;vertical-align:top;text-align:left">理由</th>' in (
        preset_table_html("timelines.review_clock")
    )
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "fr")
    with pytest.raises(ValueError, match=r"language: 'fr' is not a language of the calculators; allowed: en \(English\), zh"):
        Words()


def test_a_strict_rendering_fails_on_a_word_without_an_entry():
    """The check below can fail: a word no catalogue holds is refused, in Chinese only."""
    say = Words("zh", strict=True)
    with pytest.raises(MissingTranslation, match="Twelve new words"):
        say(T("Twelve new words"))
    assert Words("en", strict=True)(T("Twelve new words")) == "Twelve new words"
    assert say("国药监药管〔2024〕24号") == "国药监药管〔2024〕24号"  # no Latin letter: shown as it is


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_worked_scenario_and_the_tables_render_in_chinese_with_an_entry_for_every_word(rule_id):
    for preset in presets(rule_id):
        decision = evaluate(rule_id, preset.as_of, **preset.inputs)
        for link_to_sources in (False, True):
            decision_html(decision, preset.inputs, link_to_sources=link_to_sources, language="zh", strict=True)
    preset_table_html(rule_id, language="zh", strict=True)
    form = json.loads(browser_form.form_json(rule_id, "zh"))
    assert form["own_scenario"] == "自定义情形"


def test_the_rules_contract_renders_in_chinese_with_an_entry_for_every_word():
    html = rules_contract_html(language="zh", strict=True)
    assert "允许的回答" in html


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda path: path.stem)
def test_every_scenario_file_renders_in_chinese_with_an_entry_for_every_word(path):
    for scenario in load_scenarios(path):
        try:
            decision = evaluate(scenario.rule, scenario.as_of, **scenario.inputs)
        except InputError as error:
            no_result_html(error, shown_next_to_an_input=False, language="zh", strict=True)
            continue
        decision_html(decision, scenario.inputs, language="zh", strict=True)
