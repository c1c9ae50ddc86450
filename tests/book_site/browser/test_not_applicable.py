"""The website's live forms mark a question that earlier answers make irrelevant, and open it again.

A reader's answer (the hormone product is commercial; the import's GMP evidence is a written
explanation) makes a later question one the rule never reads: the page greys it, marks it
aria-disabled and says when it is asked, keeping its value; the answer changed back opens it.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

STARTUP_MS = 180_000  # Python starting in the browser on a busy 2-core machine
RESULT_MS = 15_000
NOT_APPLICABLE = re.compile(r"\bnmpa-live-not-applicable\b")


@pytest.fixture(scope="module")
def context(browser, site_url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    context.route(re.compile(r"^(?!" + re.escape(site_url) + r")(https?|wss?)://"), lambda route: route.abort())
    # As on a first visit: the reader presses the button (a calculator run before starts by itself).
    context.add_init_script("window.localStorage.removeItem('nmpa-live-calculator');")
    yield context
    context.close()


def open_live(context, site_url: str, docname: str):
    page = context.new_page()
    page.goto(f"{site_url}book/calculators/{docname}.html", wait_until="load")
    page.locator(".nmpa-live-start").click()
    page.locator(".nmpa-live .nmpa-result .nmpa-outcome").wait_for(timeout=STARTUP_MS)
    return page


def field(page, name: str):
    return page.locator(f'.nmpa-live [data-field="{name}"]')


def expect_not_applicable(page, name: str, note: str) -> None:
    box = field(page, name)
    expect(box).to_have_class(NOT_APPLICABLE, timeout=RESULT_MS)
    expect(box.locator("small.nmpa-live-na")).to_have_text(note)
    for control in box.locator("select, input").all():
        expect(control).to_have_attribute("aria-disabled", "true")
        # Not the disabled property: the reader may still set it, and nothing is taken away.
        assert control.evaluate("element => element.disabled") is False


def expect_open(page, name: str) -> None:
    box = field(page, name)
    expect(box).not_to_have_class(NOT_APPLICABLE, timeout=RESULT_MS)
    expect(box.locator("small.nmpa-live-na")).to_have_text("")
    expect(box.locator("small.nmpa-live-na")).to_be_hidden()
    for control in box.locator("select, input").all():
        expect(control).not_to_have_attribute("aria-disabled", "true")


def test_hormone_form_marks_the_formula_question_for_a_commercial_product(context, site_url):
    page = open_live(context, site_url, "hormone-pathway")
    # The first worked example is a commercial product: whether a formula is fixed is never asked.
    expect_not_applicable(page, "formula", "Not applicable: asked only when “Commercial product or compounded?” "
                                           "is Compounded by the hospital.")
    expect_not_applicable(page, "urgent_clinical_need", "Not applicable: asked only when “Is the product approved "
                                                        "in China?” is Approved only outside China.")
    expect_open(page, "off_label_conditions_met")
    formula = field(page, "formula").locator("select")
    kept = formula.input_value()

    field(page, "preparation").locator("select").select_option("compounded")
    expect_open(page, "formula")
    assert formula.input_value() == kept
    expect_not_applicable(page, "off_label_conditions_met",
                          "Not applicable: asked only when “Commercial product or compounded?” is Commercial product.")
    # A yes/no question keeps its answer while marked.
    expect(field(page, "off_label_conditions_met").locator('input[value="true"]')).to_be_checked()

    field(page, "preparation").locator("select").select_option("commercial")
    expect_not_applicable(page, "formula", "Not applicable: asked only when “Commercial product or compounded?” "
                                           "is Compounded by the hospital.")
    expect_open(page, "off_label_conditions_met")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


def test_import_form_marks_inspection_questions_for_a_written_explanation(context, site_url):
    page = open_live(context, site_url, "pre-approval-import")
    expect_open(page, "gmp_inspected_by")
    inspected_by = field(page, "gmp_inspected_by").locator("select")
    kept = inspected_by.input_value()

    field(page, "gmp_evidence").locator("select").select_option("written_explanation")
    note = ("Not applicable: asked only when “What shows the batch was made under GMP?” is An inspection-result "
            "notice or A GMP certificate.")
    expect_not_applicable(page, "gmp_inspected_by", note)
    expect_not_applicable(page, "batch_covered_by_gmp_evidence", note)
    assert inspected_by.input_value() == kept

    field(page, "gmp_evidence").locator("select").select_option("inspection_notice")
    expect_open(page, "gmp_inspected_by")
    expect_open(page, "batch_covered_by_gmp_evidence")
    assert inspected_by.input_value() == kept
    page.close()
