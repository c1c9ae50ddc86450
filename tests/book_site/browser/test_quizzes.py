"""A reader takes a self-check quiz on a phone: choosing an answer and checking it shows the
verdict, the reason for that answer and the explanation, in light and in dark mode."""

from __future__ import annotations

import pytest

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

QUIZ_PAGE = "book/quizzes/module-2"


def _first_question(site):
    page = site.open(QUIZ_PAGE, width="phone")
    page.wait_for_load_state("networkidle")
    return page, page.locator("form.quiz-question").first


def test_checking_an_answer_on_a_phone_shows_feedback(site):
    page, question = _first_question(site)
    feedback = question.locator(".quiz-explanation")
    assert not feedback.is_visible(), "the explanation shows before any answer is checked"

    question.get_by_role("button", name="Check answer").click()
    assert question.locator(".quiz-verdict").inner_text() == "Choose an answer first."

    wrong = question.locator(".quiz-option").filter(has=page.locator("input:not([data-correct])")).first
    wrong.locator("label").click()
    question.get_by_role("button", name="Check answer").click()
    assert question.locator(".quiz-verdict").inner_text().startswith("Not quite")
    assert wrong.locator(".quiz-why").is_visible(), "the reason why the chosen answer is wrong is hidden"
    assert feedback.is_visible()
    section_link = feedback.locator("a[href*='#']").first
    assert section_link.is_visible(), "the feedback links no section of the book"

    right = question.locator(".quiz-option").filter(has=page.locator("input[data-correct]"))
    right.locator("label").click()
    question.get_by_role("button", name="Check answer").click()
    assert question.locator(".quiz-verdict").inner_text() == "Right."
    assert not wrong.locator(".quiz-why").is_visible(), "the reason for the earlier answer stays on screen"
    assert "1 right" in page.locator(".quiz-score").first.inner_text()

    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the quiz makes the phone page scroll sideways"
    assert question.bounding_box()["width"] <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    question.screenshot(path=str(SCREENSHOTS / "quiz-module-2@390.png"))


def test_the_feedback_is_readable_in_dark_mode(site):
    page, question = _first_question(site)
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    question.locator("input[data-correct]").check()
    question.get_by_role("button", name="Check answer").click()
    verdict = question.locator(".quiz-verdict")
    colours = verdict.evaluate(
        "v => [getComputedStyle(v).color, getComputedStyle(v).backgroundColor, getComputedStyle(document.body).color]"
    )
    text, background, body_text = colours
    assert text == body_text, "the verdict's text does not follow the theme's text colour"
    assert background not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), f"no dark-mode background behind the verdict: {background}"
    question.screenshot(path=str(SCREENSHOTS / "quiz-module-2-dark@390.png"))
