"""Whether batches made before a China approval may be imported (Announcement 2025 No. 96).

One condition the rule cannot settle from the announcement alone: a drug not marketed abroad.
The announcement's title and section 2(1) presuppose overseas marketing; NMPA's interpretation
exempts innovative and improved new drugs, and the announcement's application letter (Annex 1)
leaves room for such an exemption. For such a drug that meets every other condition the
rule answers "may be imported", names both texts in its reasons, warns, and reports the answer
as resting on the interpretation, so that a reader sees the tension instead of a silent verdict.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..datafiles import WINDOW, cited_sources, fact, load_data_file, require_subset
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from .common import Finding, check_in_force

DATA_FILE = "imports_pre_approval_batches.yaml"
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "categories": fact(values=["text"]),
        "china_approval": fact(),
        "made_before_approval": fact(),
        "commercial_scale": fact(),
        "overseas_authorisation": fact(),
        "overseas_marketing_exemption": fact(values=["text"]),
        "application_letter_boxes": fact(),
        "quality_standard": fact(),
        "site_and_process": fact(),
        "labelling": fact(),
        "gmp_evidence": fact(values=["text"]),
        "gmp_inspecting_authority": fact(values=["text"]),
        "gmp_batch_coverage": fact(),
        "release_after_approval": fact(),
        "shelf_life": fact(),
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
GMP_EVIDENCE = (
    ("inspection_notice", "An inspection-result notice"),
    ("gmp_certificate", "A GMP certificate"),
    ("none", "Neither"),
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
require_subset(DATA_FILE, "gmp_evidence", DATA["gmp_evidence"]["values"], dict(GMP_EVIDENCE))
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
                  "An inspection-result notice or a GMP certificate.", choices=GMP_EVIDENCE),
        InputSpec("gmp_inspected_by", "choice", "Who inspected the site?",
                  "The authority behind the inspection notice or GMP certificate.",
                  choices=GMP_AUTHORITIES, default="production_country"),
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

_LABELS = dict(CATEGORIES) | dict(GMP_EVIDENCE) | dict(GMP_AUTHORITIES)


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    finding = check_in_force(DATA["in_force"], as_of, subject="Announcement 2025 No. 96")
    if finding.outcome == "not_in_force":
        return finding
    category = given["category"]
    in_category = category in DATA["categories"]["values"]
    finding.add("category", "Is the drug in one of the six categories?", in_category,
                f"{_LABELS[category]}." if in_category else "Not in any of the six categories.",
                DATA["categories"])
    rests_on_interpretation = _check_overseas_marketing(finding, given["overseas_status"], category)
    _check_approval(finding, as_of, given)
    _check_batch(finding, given)
    _check_gmp(finding, given)
    finding.add("shelf_life", "Is there a limit on the remaining shelf life?", None,
                "No shelf-life limit was found in the parts of the announcement read (sections 1 and 2, "
                "Annex 3); the rest of the text was not seen.",
                DATA["shelf_life"])
    finding.outcome = "eligible" if finding.all_passed() else "not_eligible"
    finding.values = {"rests_on_the_interpretation": rests_on_interpretation and finding.outcome == "eligible"}
    return finding


def _check_overseas_marketing(finding: Finding, status: str, category: str) -> bool:
    """Record the overseas-marketing condition; True when only the interpretation lets the drug through."""
    authorisation = DATA["overseas_authorisation"]
    description = "Has an overseas regulator allowed the drug on its market?"
    if status == "marketed":
        finding.add("overseas_marketing", description, True,
                    "Marketed abroad, and any later change approved or filed there.", authorisation)
        return False
    if status == "change_not_cleared":
        finding.add("overseas_marketing", description, False,
                    "A change made after marketing abroad is neither approved nor filed there; section 2(1) "
                    "requires it to be.", authorisation)
        return False
    exempt = DATA["overseas_marketing_exemption"]
    if category not in exempt["values"]:
        finding.add("overseas_marketing", description, False,
                    "Not marketed abroad. Both the announcement and NMPA's interpretation of it require a drug "
                    "that is not an innovative or improved new drug to be marketed abroad.", authorisation)
        return False
    finding.add("overseas_marketing", description, None,
                "Not marketed abroad. The announcement's title covers drugs already marketed abroad and "
                "section 2(1) asks for the overseas regulator's marketing authorisation: read literally, they "
                "exclude the batch.", authorisation)
    finding.add("application_letter", "Does the announcement's own application letter allow for this?", None,
                "In part: the letter template in Annex 1 has a box for cases exempt from the overseas marketing "
                "certificate, and lists \"innovative drug or improved new drug\" apart from \"originator or "
                "improved drug already marketed abroad\". Which cases are exempt is set out in a part of the "
                "letter that was not seen.", DATA["application_letter_boxes"])
    finding.add("overseas_marketing_exemption", "Does NMPA's interpretation exempt this drug?", None,
                "Yes, as reproduced: the interpretation makes \"already marketed abroad\" a precondition except "
                "for innovative drugs and improved new drugs. This answer follows the interpretation. Note the "
                "wording differs: category (1) says originator or improved drugs.", exempt)
    return True


def _check_approval(finding: Finding, as_of: date, given: dict[str, Any]) -> None:
    approval = DATA["china_approval"]
    approved_on, manufactured_on, released_on = (
        given["china_approval_date"], given["manufactured_on"], given["released_on"])
    if approved_on is None:
        finding.add("china_approval", "Is the drug approved in China?", False,
                    "Not approved in China; batches may be imported only after the approval.", approval)
        finding.add("made_before_approval", "Was the batch made before the China approval?", False,
                    "Cannot be met until there is a China approval date.", DATA["made_before_approval"])
        finding.add("released_after_approval", "Was the batch released on or after the China approval?", False,
                    "Cannot be met until there is a China approval date.", DATA["release_after_approval"])
        return
    approved_yet = approved_on <= as_of
    finding.add("china_approval", f"Is the drug approved in China by {as_of.isoformat()}?", approved_yet,
                f"China approval dated {approved_on.isoformat()}." if approved_yet
                else f"The approval comes on {approved_on.isoformat()}, after {as_of.isoformat()}: not yet.",
                approval)
    made_before = manufactured_on < approved_on
    finding.add("made_before_approval", "Was the batch made before the China approval?", made_before,
                f"Made on {manufactured_on.isoformat()}, "
                + ("before" if made_before else "not before")
                + f" the approval on {approved_on.isoformat()}"
                + ("." if made_before else "; the announcement covers only batches made before it."),
                DATA["made_before_approval"])
    release = DATA["release_after_approval"]
    description = "Was the batch released on or after the China approval?"
    if released_on is None:
        finding.add("released_after_approval", description, False,
                    "Not released yet; the release document must be dated no earlier than the China approval.",
                    release)
    else:
        in_order = released_on >= approved_on
        finding.add("released_after_approval", description, in_order,
                    f"Released on {released_on.isoformat()}, "
                    + ("on or after" if in_order else "before")
                    + f" the approval on {approved_on.isoformat()}"
                    + ("." if in_order else "; a release dated before the China approval does not qualify."),
                    release)


def _check_batch(finding: Finding, given: dict[str, Any]) -> None:
    commercial = given["commercial_scale"]
    finding.add("commercial_scale", "Was the batch made at commercial scale?", commercial,
                "Commercial-scale batch." if commercial else "Not a commercial-scale batch.",
                DATA["commercial_scale"])
    standard = given["meets_china_standard"]
    finding.add("quality_standard", "Does the batch meet the China registration standard?", standard,
                "Meets the registration standard approved in China." if standard
                else "Does not meet the registration standard approved in China.",
                DATA["quality_standard"])
    same_site = given["site_and_process_match"]
    finding.add("site_and_process", "Were the production site and process those approved in China?", same_site,
                "Same site and process as in the China approval." if same_site
                else "The site or the process differs from the China approval.",
                DATA["site_and_process"])
    labels = given["labels_match"]
    finding.add("labelling", "Do the package insert and labels match the NMPA-approved text?", labels,
                "Package insert and labels match the approved text." if labels
                else "The package insert or labels differ from the approved text.",
                DATA["labelling"])


def _check_gmp(finding: Finding, given: dict[str, Any]) -> None:
    evidence = given["gmp_evidence"]
    has_evidence = evidence in DATA["gmp_evidence"]["values"]
    finding.add("gmp_evidence", "Is there an inspection-result notice or a GMP certificate?", has_evidence,
                f"{_LABELS[evidence]}." if has_evidence
                else "Neither an inspection-result notice nor a GMP certificate.",
                DATA["gmp_evidence"])
    if not has_evidence:
        return
    authority = given["gmp_inspected_by"]
    accepted = authority in DATA["gmp_inspecting_authority"]["values"]
    finding.add("gmp_inspected_by", "Is the inspecting authority one the announcement accepts?", accepted,
                f"{_LABELS[authority]}." if accepted
                else "Another country or region: the announcement accepts China, the country or region of "
                     "production, or one where the drug is registered or has applied for registration.",
                DATA["gmp_inspecting_authority"])
    covered = given["batch_covered_by_gmp_evidence"]
    finding.add("gmp_batch_coverage", "Does the GMP evidence cover this batch?", covered,
                "The batch is covered by the inspection or certificate." if covered
                else "The batch was made before what the inspection or certificate covers.",
                DATA["gmp_batch_coverage"])
