"""The rules' Chinese catalogue (locales/zh/LC_MESSAGES/rules.po) is complete and current.

A message whose English changes is no longer in the catalogue under its new English: it has no
entry until `scripts/rule_messages.py update` brings it in as fuzzy and a translator checks it,
so the first test fails until then.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nmpa_rules import evaluate
from nmpa_rules.errors import InputError
from nmpa_rules.presentation.presets import PRESETS_DIR
from nmpa_rules.scenarios import load_scenarios
from nmpa_rules.sources import source
from nmpa_rules.translation import Capitalized, T, Text, fields, join_words, translate
from nmpa_rules.typed import decide_typed

from catalogue_support import entries as catalogue_entries
from catalogue_support import messages as catalogue_messages

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_FILES = sorted(PRESETS_DIR.glob("*.yaml")) + sorted((ROOT / "tests" / "scenarios").rglob("*.y*ml"))


def messages() -> dict[str, list[str]]:
    return catalogue_messages("rules")


def entries() -> dict[str, str]:
    return catalogue_entries("rules")


DOMAINS = ("rules", "ui")


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_has_a_chinese_entry(domain):
    missing = [f"{text!r} ({', '.join(where)})" for text, where in catalogue_messages(domain).items()
               if text not in catalogue_entries(domain)]
    assert not missing, f"{len(missing)} {domain} messages without a translated, non-fuzzy zh entry:\n" + "\n".join(missing)


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_catalogue_holds_no_entry_for_a_message_that_is_gone(domain):
    gone = sorted(set(catalogue_entries(domain)) - set(catalogue_messages(domain)))
    assert not gone, f"{domain} entries whose English is no longer a message (run scripts/rule_messages.py update {domain}):\n" + "\n".join(gone)


@pytest.mark.parametrize("domain", DOMAINS)
def test_each_translation_fills_the_same_fields_as_its_english(domain):
    wrong = {english: chinese for english, chinese in catalogue_entries(domain).items() if fields(english) != fields(chinese)}
    assert not wrong, wrong


def test_the_extraction_finds_literal_templates_declared_words_and_data_texts():
    found = messages()
    assert "In force from {start}{until}." in found  # a T() literal
    assert "As of" in found  # an input's label
    assert "primary source" in found
    assert any(where.startswith("data/") for places in found.values() for where in places)


def test_a_text_built_from_words_is_translated_with_its_values():
    text = T("{subject}: {status}.", subject=Capitalized(T("primary source")),
             status=T("not in force on {on}; last in force until {end}", on="2027-01-01", end="2026-12-31"))
    assert text == "Primary source: not in force on 2027-01-01; last in force until 2026-12-31."
    assert translate(text, "zh", strict=True) == "一手来源：2027-01-01 已不再施行（最后施行至 2026-12-31）。"
    assert translate(join_words("; ", [T("pass"), "an_id"]), "zh", strict=True) == "通过; an_id"


def test_an_input_error_speaks_chinese_and_keeps_the_value_as_typed():
    with pytest.raises(Exception) as caught:
        evaluate("production.segmented_contract", "2026-02-30")
    error = caught.value
    assert str(error).startswith("as_of: '2026-02-30' is not a real calendar date; a date as YYYY-MM-DD")
    assert error.reader_message("zh").startswith("判断日期: '2026-02-30' 不是日历上存在的日期；应为 1900-01-01 至 2099-12-31")


def shown_texts(decision) -> list:
    """Every text of a decision that a reader sees, as a view shows it."""
    texts = [decision.outcome_label, *decision.warnings]
    for reason in decision.reasons:
        texts += [reason.description, reason.message, reason.clause]
    texts += [source(source_id).citation() for source_id in decision.cited_source_ids()]
    texts += [value for value in decision.values.values() if isinstance(value, Text)]
    return texts


def problem_texts(error: InputError) -> list:
    return [text for problem in error.problems
            for text in (problem.problem, problem.allowed, problem.reader_allowed, problem.label) if text]


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda path: path.name)
def test_every_scenario_is_shown_in_chinese_without_a_missing_entry(path):
    """A string built without T(), or data text the extraction misses, has no entry and fails here."""
    shown = 0
    for scenario in load_scenarios(path):
        try:
            texts = shown_texts(decide_typed(scenario.rule, {"as_of": scenario.as_of, **scenario.inputs}))
        except InputError as error:
            texts = problem_texts(error)
        for text in texts:
            # A plain (not Text) string here is data (a clause): it is looked up as it is.
            translate(text, "zh", strict=True)
            shown += 1
    assert shown


def test_a_decision_explained_in_chinese_keeps_ids_dates_and_document_numbers():
    decision = evaluate("biologics.segmented_pilot", "2027-01-01", product_class="innovative_biologic",
                        province_in_pilot=True, unified_quality_system=True, cmo_commercial_biologics_years=5,
                        applied_on="2025-06-01")
    english, chinese = decision.explain(), decision.explain("zh")
    assert english.startswith("biologics.segmented_pilot as of 2027-01-01: not_in_force (The pilot is not in force")
    assert chinese.startswith("biologics.segmented_pilot（判断日期 2027-01-01）：not_in_force（该日期试点不在施行期内）")
    assert "2027-01-01 已不再施行（最后施行至 2026-12-31）" in chinese
    assert "国药监药管〔2024〕24号" in chinese and "Reasons:" not in chinese


def test_a_value_made_of_words_is_shown_in_chinese_and_an_id_stays():
    decision = evaluate("stem_cells.pathway", "2026-12-05", purpose="clinical_research", institution_filed=True)
    assert "  may_the_patient_be_charged: No\n" in decision.explain()
    chinese = decision.explain("zh")
    assert "  may_the_patient_be_charged: 否\n" in chinese and "  governing_document: decree818_2025\n" in chinese
