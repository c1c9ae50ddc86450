"""The ipywidgets calculator in Chinese: its English/中文 toggle relabels everything and keeps
every value entered; the default language comes from NMPA_RULES_LANGUAGE."""

from __future__ import annotations

import re
from html import unescape

import pytest

from nmpa_rules.presentation.language import ENVIRONMENT_VARIABLE
from nmpa_rules.widgets import calculator


def _text(panel) -> str:
    return unescape(re.sub(r"<[^>]+>", "", panel.value))


def test_the_toggle_relabels_the_form_and_the_result_and_keeps_what_was_entered():
    calc = calculator("timelines.review_clock")
    english = calc.result.value
    started = calc.fields["started_on"]
    started.control.value = "2026-05-08"
    entered = calc.result.value
    assert calc.preset_menu.value == -1

    calc.language_switch.value = "zh"

    assert calc.language == "zh"
    assert started.control.value == "2026-05-08" and calc.preset_menu.value == -1
    assert calc.preset_menu.options[0][0] == "自定义情形"
    assert calc.preset_menu.description == "示例情形"
    assert calc.as_of.control.description == "判断日期"
    assert "初始为本书的审核日期" in calc.as_of.note.value
    assert "截止日期：" in _text(calc.result) and "理由" in _text(calc.result)
    assert "星期" in _text(calc.result)  # the deadline's weekday

    calc.language_switch.value = "en"
    assert calc.result.value == entered != english
    assert calc.preset_menu.options[0][0] == "Your own scenario"


def test_a_yes_no_question_and_a_menu_keep_their_answers_when_relabelled():
    calc = calculator("stem_cells.pathway")
    menus = [field for field in calc.fields.values() if field.spec.kind == "choice"]
    chosen = {field.spec.name: field.control.value for field in menus}
    calc.language_switch.value = "zh"
    assert {field.spec.name: field.control.value for field in menus} == chosen
    assert calc.preset_menu.value == 0, "relabelling is not an edit: the worked example stays chosen"
    calc.language_switch.value = "en"
    assert calc.preset_menu.value == 0


def test_an_input_problem_is_shown_in_the_language_chosen():
    calc = calculator("timelines.review_clock", language="zh")
    calc.as_of.control.value = "2026-02-30"
    assert "2026-02-30" in calc.as_of.note.value
    assert "无结果" in _text(calc.result)
    calc.language_switch.value = "en"
    assert "No result" in _text(calc.result)


def test_the_default_language_is_the_environment_s(monkeypatch):
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "zh")
    assert calculator("biologics.segmented_pilot").language == "zh"
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "xx")
    with pytest.raises(ValueError, match="'xx' is not a language of the calculators"):
        calculator("biologics.segmented_pilot")
