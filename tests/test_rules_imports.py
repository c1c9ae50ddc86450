"""The pre-approval import rule beyond what a scenario can state: absent reasons, messages, the preset table."""

from nmpa_rules import evaluate
from nmpa_rules.presentation.render import preset_table_html

RULE = "imports.pre_approval_batches"
BATCH = dict(
    category="rare_disease", overseas_status="marketed", china_approval_date="2026-03-16",
    manufactured_on="2025-12-01", commercial_scale=True, meets_china_standard=True,
    site_and_process_match=True, labels_match=True, gmp_evidence="inspection_notice",
    gmp_inspected_by="production_country", batch_covered_by_gmp_evidence=True, released_on="2026-03-20",
)
EXEMPT = {**BATCH, "approval_kind": "supplementary_approval", "supplement_needed_gmp_document": False,
          "gmp_evidence": "written_explanation"}


def _reason(decision, check):
    return next(r for r in decision.reasons if r.check == check)


def test_decree_828_art_36_appears_on_its_first_day_and_not_the_day_before():
    before = evaluate(RULE, "2026-05-14", **BATCH)
    on = evaluate(RULE, "2026-05-15", **BATCH)
    assert "decree828_2026" not in before.cited_source_ids()
    assert not any("Art. 36" in w for w in before.warnings)
    general = _reason(on, "decree_828_art_36")
    assert general.passed is None and general.source_id == "decree828_2026"
    assert "Art. 79(1)" in general.message and "10 to 20 times" in general.message
    assert "new drugs, rare-disease drugs, shortage drugs and other clinically urgent drugs" in general.message
    assert any("Art. 36 is the general rule" in w for w in on.warnings)
    # Reported, not applied: the outcome is the announcement's.
    assert before.outcome == on.outcome == "eligible"


def test_an_exempt_change_batch_skips_the_authority_and_coverage_checks():
    decision = evaluate(RULE, "2026-04-01", **{**EXEMPT, "gmp_inspected_by": "other",
                                               "batch_covered_by_gmp_evidence": False})
    checks = [r.check for r in decision.reasons]
    assert "gmp_inspected_by" not in checks and "gmp_batch_coverage" not in checks
    evidence = _reason(decision, "gmp_evidence")
    assert evidence.passed is True and "Annex 2" in evidence.clause and "Annex 3, item 2" in evidence.clause
    assert decision.outcome == "eligible"


def test_a_written_explanation_outside_the_exemption_says_what_is_required():
    decision = evaluate(RULE, "2026-04-01", **{**EXEMPT, "supplement_needed_gmp_document": True})
    evidence = _reason(decision, "gmp_evidence")
    assert evidence.passed is False
    assert "an inspection-result notice or a GMP certificate is required" in evidence.message


def test_after_decree_828_an_exempt_batch_is_told_the_decree_does_not_settle_the_exemption():
    decision = evaluate(RULE, "2026-06-01", **EXEMPT)
    assert "neither text says" in _reason(decision, "decree_828_art_36").message
    plain = evaluate(RULE, "2026-06-01", **BATCH)
    assert "neither text says" not in _reason(plain, "decree_828_art_36").message


def test_the_interpretation_case_shows_its_warning_in_the_passing_reasons_and_the_preset_table():
    decision = evaluate(RULE, "2026-11-28", **{**BATCH, "category": "new_drug", "overseas_status": "not_marketed"})
    assert decision.outcome == "eligible" and decision.values["rests_on_the_interpretation"] is True
    exemption = _reason(decision, "overseas_marketing_exemption")
    assert exemption.passed is True and "only on NMPA's interpretation" in exemption.message
    assert "Confirm the case with the port authority" in exemption.message
    table = preset_table_html(RULE)
    row = next(part for part in table.split("<tr>") if "Innovative drug not marketed abroad" in part)
    assert "only on NMPA&#x27;s interpretation" in row or "only on NMPA's interpretation" in row
