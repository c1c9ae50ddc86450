"""Whether batches made before a China approval may be imported (Announcement 2025 No. 96).

One condition the rule cannot settle from the announcement alone: a drug not marketed abroad.
The announcement's title and section 2(1) presuppose overseas marketing; NMPA's interpretation
exempts innovative and improved new drugs, and the announcement's application letter (Annex 1)
leaves room for such an exemption. For such a drug that meets every other condition the
rule answers "may be imported", records the interpretation's exemption as the condition that
lets the batch through (so that it shows wherever the passing reasons are listed), warns, and
reports the answer as resting on the interpretation.

From 2026-05-15 Decree No. 828 Art. 36 governs the sale of every drug's pre-approval batches.
The rule reports it, with its penalty, beside the announcement's conditions but does not turn
it into extra conditions: the two texts differ on points no published rule reconciles.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..datafiles import WINDOW, cited_sources, fact, load_data_file, require_subset
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from ..translation import T
from .common import Finding, check_in_force

DATA_FILE = "imports_pre_approval_batches.yaml"
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "categories": fact(values=["text"]),
        "china_approval": fact(),
        "approval_kinds": fact(values=["text"]),
        "made_before_approval": fact(),
        "commercial_scale": fact(),
        "overseas_authorisation": fact(),
        "overseas_marketing_exemption": fact(values=["text"]),
        "application_letter_boxes": fact(),
        "quality_standard": fact(),
        "site_and_process": fact(),
        "labelling": fact(),
        "gmp_evidence": fact(values=["text"]),
        "gmp_exemption": fact(values=["text"]),
        "gmp_inspecting_authority": fact(values=["text"]),
        "gmp_batch_coverage": fact(),
        "release_after_approval": fact(),
        "shelf_life": fact(),
        "decree_828_art_36": fact(**{"from": "date"}),
    },
    SOURCE_IDS,
)

CATEGORIES = (
    ("new_drug", "Originator or improved drug"),
    ("national_list", "On a national shortage, shortage-monitoring, encouraged-generics or paediatric list"),
    ("rare_disease", "For an indication in the rare-disease catalogue"),
    ("temporary_import", "Temporarily imported before approval as a clinically urgent drug"),
    ("expedited", "Approved through an expedited registration procedure"),
    ("nmpa_specified", "Other drug specified by the NMPA"),
    ("none", "None of these"),
)
OVERSEAS_STATUS = (
    ("marketed", "Marketed abroad; any later change approved or filed there"),
    ("change_not_cleared", "Marketed abroad, but a later change is neither approved nor filed there"),
    ("not_marketed", "Not marketed anywhere outside China"),
)
APPROVAL_KINDS = (
    ("marketing_approval", "The drug's marketing approval (registration certificate)"),
    ("supplementary_approval", "A supplementary approval of a change made after marketing"),
)
GMP_EVIDENCE = (
    ("inspection_notice", "An inspection-result notice"),
    ("gmp_certificate", "A GMP certificate"),
    ("written_explanation", "A written explanation instead (a change batch exempt from GMP evidence)"),
    ("none", "Nothing"),
)
GMP_AUTHORITIES = (
    ("china", "China's drug regulator"),
    ("production_country", "The country or region where the batch was made"),
    ("registration_country", "A country or region where the drug is registered or has applied for registration"),
    ("other", "Another country or region"),
)
require_subset(DATA_FILE, "categories", DATA["categories"]["values"], dict(CATEGORIES))
require_subset(DATA_FILE, "overseas_marketing_exemption", DATA["overseas_marketing_exemption"]["values"],
               dict(CATEGORIES))
require_subset(DATA_FILE, "approval_kinds", DATA["approval_kinds"]["values"], dict(APPROVAL_KINDS))
require_subset(DATA_FILE, "gmp_evidence", DATA["gmp_evidence"]["values"], dict(GMP_EVIDENCE))
require_subset(DATA_FILE, "gmp_exemption", DATA["gmp_exemption"]["values"], dict(GMP_EVIDENCE))
require_subset(DATA_FILE, "gmp_inspecting_authority", DATA["gmp_inspecting_authority"]["values"],
               dict(GMP_AUTHORITIES))

INFO = RuleInfo(
    id="imports.pre_approval_batches",
    title="Importing batches made before the China approval",
    summary=(
        "Whether commercial-scale batches of a drug, made before its approval in China, may be "
        "imported and sold once it is approved: every condition of the announcement, and where "
        "the announcement and NMPA's interpretation of it differ."
    ),
    inputs=(
        InputSpec("category", "choice", "Which category does the drug fall in?",
                  "The announcement lists six categories; an originator or improved drug belongs in the first, "
                  "whatever else it is.", choices=CATEGORIES),
        InputSpec("overseas_status", "choice", "Is the drug marketed abroad?",
                  "An overseas regulator has allowed it on the market, and approved or received any later change.",
                  choices=OVERSEAS_STATUS),
        InputSpec("approval_kind", "choice", "Which China approval does the batch follow?",
                  "The announcement counts a supplementary approval as well as the first marketing approval.",
                  choices=APPROVAL_KINDS, default="marketing_approval"),
        InputSpec("china_approval_date", "optional_date", "Date of the China approval",
                  "The day the drug (or a supplementary application) was approved in China; none if not approved."),
        InputSpec("manufactured_on", "date", "Date the batch was made",
                  "The manufacturing date of the batch to be imported.", on_or_before_as_of=True),
        InputSpec("commercial_scale", "bool", "Made at commercial scale?",
                  "Only commercial-scale batches qualify."),
        InputSpec("meets_china_standard", "bool", "Does the batch meet the China registration standard?",
                  "Its quality standard meets the registration standard the NMPA approved."),
        InputSpec("site_and_process_match", "bool", "Same production site and process as approved in China?",
                  "The batch was made at the site and by the process in the China approval (or as filed)."),
        InputSpec("labels_match", "bool", "Do the package insert and labels match the China text?",
                  "They match the content the NMPA approved (or that was filed)."),
        InputSpec("gmp_evidence", "choice", "What shows the batch was made under GMP?",
                  "An inspection-result notice or a GMP certificate; for some change batches, a written explanation.",
                  choices=GMP_EVIDENCE),
        InputSpec("gmp_inspected_by", "choice", "Who inspected the site?",
                  "The authority behind the inspection notice or GMP certificate.",
                  choices=GMP_AUTHORITIES, default="production_country"),
        InputSpec("supplement_needed_gmp_document", "bool",
                  "Did the supplementary application need an inspection notice or GMP document?",
                  "Under China's registration rules, for the change approved; only asked of a supplementary approval.",
                  default=True),
        InputSpec("batch_covered_by_gmp_evidence", "bool", "Does the GMP evidence cover this batch?",
                  "It is an inspected batch or was made after one, or was made on or after the inspection start "
                  "date or the certificate's issue date."),
        InputSpec("released_on", "optional_date", "Date of the batch release document",
                  "The day the batch was released for sale; none if not released yet.", on_or_before_as_of=True),
    ),
    outcomes={
        "eligible": "The batch may be imported",
        "not_eligible": "The batch may not be imported (yet)",
        "not_in_force": "The announcement is not in force on this date",
    },
    source_ids=cited_sources(DATA),
    in_force_from=DATA["in_force"]["from"],
    in_force_until=DATA["in_force"]["until"],
    successor=None,
)

_LABELS = {value: label for spec in INFO.inputs for value, label in spec.choices}
_PENALTY = T(
    "Selling such batches in breach of Art. 36 is punished under Art. 79(1) by the county-level or "
    "higher drug regulator: an order to correct within a time limit, confiscation of the drugs and "
    "the illegal income, and a fine of 10 to 20 times the value of the drugs (a value under CNY 100,000 "
    "counts as CNY 100,000 for production or wholesale, under CNY 10,000 as CNY 10,000 for retail); "
    "in serious cases also suspension of production or business, up to revocation of the "
    "manufacturing or distribution licence."
)


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    finding = check_in_force(DATA["in_force"], as_of, subject=T("Announcement 2025 No. 96"))
    if finding.outcome == "not_in_force":
        return finding
    category = given["category"]
    in_category = category in DATA["categories"]["values"]
    finding.add("category", T("Is the drug in one of the six categories?"), in_category,
                T("{label}.", label=_LABELS[category]) if in_category else T("Not in any of the six categories."),
                DATA["categories"])
    rests_on_interpretation = _check_overseas_marketing(finding, given["overseas_status"], category)
    _check_approval(finding, as_of, given)
    _check_batch(finding, given)
    exempt = _check_gmp(finding, given)
    finding.add("shelf_life", T("Is there a limit on the remaining shelf life?"), None,
                T("No shelf-life limit was found in the announcement (sections 1 and 2, Annexes 2 and 3) "
                  "or in Decree No. 828 Art. 36."),
                DATA["shelf_life"])
    _report_decree_828(finding, as_of, exempt)
    finding.outcome = "eligible" if finding.all_passed() else "not_eligible"
    finding.values = {"rests_on_the_interpretation": rests_on_interpretation and finding.outcome == "eligible"}
    return finding


def _check_overseas_marketing(finding: Finding, status: str, category: str) -> bool:
    """Record the overseas-marketing condition; True when only the interpretation lets the drug through."""
    authorisation = DATA["overseas_authorisation"]
    description = T("Has an overseas regulator allowed the drug on its market?")
    if status == "marketed":
        finding.add("overseas_marketing", description, True,
                    T("Marketed abroad, and any later change approved or filed there."), authorisation)
        return False
    if status == "change_not_cleared":
        finding.add("overseas_marketing", description, False,
                    T("A change made after marketing abroad is neither approved nor filed there; section 2(1) "
                      "requires it to be. Annex 2, item 1 spares only the proof: where the overseas regulator "
                      "cannot certify an approval-type change (not one of holder, holder's address, manufacturer, "
                      "site or strength), a written explanation replaces the certificate."), authorisation)
        return False
    exempt = DATA["overseas_marketing_exemption"]
    if category not in exempt["values"]:
        finding.add("overseas_marketing", description, False,
                    T("Not marketed abroad. Both the announcement and NMPA's interpretation of it require a drug "
                      "that is not an innovative or improved new drug to be marketed abroad."), authorisation)
        return False
    finding.add("overseas_marketing", description, None,
                T("Not marketed abroad. The announcement's title covers drugs already marketed abroad and "
                  "section 2(1) asks for the overseas regulator's marketing authorisation: read literally, they "
                  "exclude the batch."), authorisation)
    finding.add("application_letter", T("Does the announcement's own application letter allow for this?"), None,
                T("In part: the letter template in Annex 1 has a box for cases exempt from the overseas marketing "
                  "certificate, and lists \"innovative drug or improved new drug\" apart from \"originator or "
                  "improved drug already marketed abroad\". Which cases are exempt is set out in a part of the "
                  "letter that was not seen."), DATA["application_letter_boxes"])
    finding.add("overseas_marketing_exemption", T("Does NMPA's interpretation exempt this drug?"), True,
                T("Yes, but only on NMPA's interpretation, not on the announcement's text: the interpretation "
                  "makes \"already marketed abroad\" a precondition except for innovative drugs and improved "
                  "new drugs, while the text requires marketing abroad. Confirm the case with the port authority "
                  "before shipping. Note the wording differs: category (1) says originator or improved drugs."),
                exempt)
    return True


def _check_approval(finding: Finding, as_of: date, given: dict[str, Any]) -> None:
    approval = DATA["china_approval"]
    approved_on, manufactured_on, released_on = (
        given["china_approval_date"], given["manufactured_on"], given["released_on"])
    if approved_on is None:
        finding.add("china_approval", T("Is the drug approved in China?"), False,
                    T("Not approved in China; batches may be imported only after the approval."), approval)
        finding.add("made_before_approval", T("Was the batch made before the China approval?"), False,
                    T("Cannot be met until there is a China approval date."), DATA["made_before_approval"])
        finding.add("released_after_approval", T("Was the batch released on or after the China approval?"), False,
                    T("Cannot be met until there is a China approval date."), DATA["release_after_approval"])
        return
    approved_yet = approved_on <= as_of
    supplementary = given["approval_kind"] == "supplementary_approval"
    kind = T("supplementary approval") if supplementary else T("marketing approval")
    finding.add("china_approval", T("Is the drug approved in China by {as_of}?", as_of=as_of.isoformat()), approved_yet,
                T("China {kind} dated {approved}.", kind=kind, approved=approved_on.isoformat()) if approved_yet
                else T("The approval comes on {approved}, after {as_of}: not yet.", approved=approved_on.isoformat(),
                       as_of=as_of.isoformat()),
                approval)
    made_before = manufactured_on < approved_on
    dates = {"made": manufactured_on.isoformat(), "approved": approved_on.isoformat()}
    finding.add("made_before_approval", T("Was the batch made before the China approval?"), made_before,
                T("Made on {made}, before the approval on {approved}.", **dates) if made_before
                else T("Made on {made}, not before the approval on {approved}; the announcement covers only batches "
                       "made before it.", **dates),
                DATA["made_before_approval"])
    release = DATA["release_after_approval"]
    description = T("Was the batch released on or after the China approval?")
    if released_on is None:
        finding.add("released_after_approval", description, False,
                    T("Not released yet; the release document must be dated no earlier than the China approval."),
                    release)
    else:
        in_order = released_on >= approved_on
        dates = {"released": released_on.isoformat(), "approved": approved_on.isoformat()}
        finding.add("released_after_approval", description, in_order,
                    T("Released on {released}, on or after the approval on {approved}.", **dates) if in_order
                    else T("Released on {released}, before the approval on {approved}; a release dated before the "
                           "China approval does not qualify.", **dates),
                    release)


def _check_batch(finding: Finding, given: dict[str, Any]) -> None:
    commercial = given["commercial_scale"]
    finding.add("commercial_scale", T("Was the batch made at commercial scale?"), commercial,
                T("Commercial-scale batch.") if commercial else T("Not a commercial-scale batch."),
                DATA["commercial_scale"])
    standard = given["meets_china_standard"]
    finding.add("quality_standard", T("Does the batch meet the China registration standard?"), standard,
                T("Meets the registration standard approved in China.") if standard
                else T("Does not meet the registration standard approved in China."),
                DATA["quality_standard"])
    same_site = given["site_and_process_match"]
    finding.add("site_and_process", T("Were the production site and process those approved in China?"), same_site,
                T("Same site and process as in the China approval.") if same_site
                else T("The site or the process differs from the China approval."),
                DATA["site_and_process"])
    labels = given["labels_match"]
    finding.add("labelling", T("Do the package insert and labels match the NMPA-approved text?"), labels,
                T("Package insert and labels match the approved text.") if labels
                else T("The package insert or labels differ from the approved text."),
                DATA["labelling"])


def _check_gmp(finding: Finding, given: dict[str, Any]) -> bool:
    """Record the GMP evidence; True when the batch relies on Annex 2's exemption for change batches."""
    evidence = given["gmp_evidence"]
    exempt_batch = given["approval_kind"] == "supplementary_approval" and not given["supplement_needed_gmp_document"]
    description = T("Is there an inspection-result notice or a GMP certificate (or, where allowed, a written explanation)?")
    if evidence in DATA["gmp_exemption"]["values"]:
        finding.add("gmp_evidence", description, exempt_batch,
                    T("A written explanation instead of a GMP document: the batch follows the supplementary approval "
                      "of a change whose application needed no inspection notice or GMP document, so Annex 2 exempts "
                      "it from filing one, and the port authority skips the batch-coverage check (Annex 3, item 2).")
                    if exempt_batch else
                    T("A written explanation replaces the GMP document only for a batch of a change approved by a "
                      "supplementary application that itself needed no inspection notice or GMP document; here an "
                      "inspection-result notice or a GMP certificate is required."),
                    DATA["gmp_exemption"])
        return exempt_batch
    if evidence not in DATA["gmp_evidence"]["values"]:
        finding.add("gmp_evidence", description, False,
                    T("Nothing filed: this change batch needs at least the written explanation that Annex 2 accepts "
                      "in place of a GMP document.") if exempt_batch else
                    T("Neither an inspection-result notice nor a GMP certificate."),
                    DATA["gmp_exemption"] if exempt_batch else DATA["gmp_evidence"])
        return False
    finding.add("gmp_evidence", description, True, T("{label}.", label=_LABELS[evidence]), DATA["gmp_evidence"])
    authority = given["gmp_inspected_by"]
    accepted = authority in DATA["gmp_inspecting_authority"]["values"]
    finding.add("gmp_inspected_by", T("Is the inspecting authority one the announcement accepts?"), accepted,
                T("{label}.", label=_LABELS[authority]) if accepted
                else T("Another country or region: the announcement accepts China, the country or region of "
                       "production, or one where the drug is registered or has applied for registration."),
                DATA["gmp_inspecting_authority"])
    covered = given["batch_covered_by_gmp_evidence"]
    finding.add("gmp_batch_coverage", T("Does the GMP evidence cover this batch?"), covered,
                T("The batch is covered by the inspection or certificate.") if covered
                else T("The batch was made before what the inspection or certificate covers."),
                DATA["gmp_batch_coverage"])
    return False


def _report_decree_828(finding: Finding, as_of: date, exempt_batch: bool) -> None:
    """From 2026-05-15, name the general rule of Decree No. 828 Art. 36 and its penalty."""
    general = DATA["decree_828_art_36"]
    if as_of < general["from"]:
        return
    rule = T(
        "In force since 2026-05-15 for every drug, imported or made in China: batches made before the approval "
        "document may be sold after it if they meet the release requirements and are commercial-scale batches "
        "that passed the relevant GMP compliance inspection, or, for new drugs, rare-disease drugs, shortage "
        "drugs and other clinically urgent drugs, commercial-scale batches made after passing it; the MAH "
        "must manage the risk."
    )
    message = T("{rule} {penalty}", rule=rule, penalty=_PENALTY)
    if exempt_batch:
        message = T("{message} Art. 36 ties every batch to a GMP compliance inspection; whether the announcement's "
                    "exemption for change batches fits within it, neither text says.", message=message)
    finding.add("decree_828_art_36", T("What does the general rule for pre-approval batches add?"), None, message,
                general)
