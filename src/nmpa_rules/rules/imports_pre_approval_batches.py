"""Whether batches made before a China approval may be imported (Announcement 2025 No. 96)."""

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
        "marketed_overseas": fact(),
        "eligible_categories": fact(values=["text"]),
        "china_approval": fact(),
        "made_before_approval": fact(),
        "commercial_scale": fact(),
        "accepted_gmp_evidence": fact(values=["text"]),
        "unconfirmed_limits": fact(),
    },
    SOURCE_IDS,
)

CATEGORIES = (
    ("new_drug", "Original or improved new drug"),
    ("national_list", "On a national shortage, essential-drug, encouraged-generics or paediatric list"),
    ("rare_disease", "For an indication in the rare-disease catalogue"),
    ("temporary_import", "Temporarily imported before approval as a clinically urgent drug"),
    ("expedited", "Approved through an expedited registration procedure"),
    ("nmpa_specified", "Other drug specified by the NMPA"),
    ("none", "None of these"),
)
GMP_EVIDENCE = (
    ("inspection_notice", "An inspection notice"),
    ("origin_gmp_certificate", "A GMP certificate from the country of origin"),
    ("none", "No GMP evidence"),
)
require_subset(DATA_FILE, "eligible_categories", DATA["eligible_categories"]["values"], dict(CATEGORIES))
require_subset(DATA_FILE, "accepted_gmp_evidence", DATA["accepted_gmp_evidence"]["values"], dict(GMP_EVIDENCE))

INFO = RuleInfo(
    id="imports.pre_approval_batches",
    title="Importing batches made before the China approval",
    summary=(
        "Whether commercial-scale batches of a drug marketed abroad, made before its approval "
        "in China, may be imported and sold once it is approved."
    ),
    inputs=(
        InputSpec("marketed_overseas", "bool", "Already marketed outside China?",
                  "The announcement covers drugs already on the market abroad."),
        InputSpec("category", "choice", "Which category does the drug fall in?",
                  "The announcement lists six categories of drugs.", choices=CATEGORIES),
        InputSpec("china_approval_date", "optional_date", "Date of the China approval",
                  "The day the drug (or a supplementary application) was approved in China; none if not approved."),
        InputSpec("manufactured_on", "date", "Date the batch was made",
                  "The manufacturing date of the batch to be imported.", on_or_before_as_of=True),
        InputSpec("commercial_scale", "bool", "Made at commercial scale?",
                  "Only commercial-scale batches qualify."),
        InputSpec("gmp_evidence", "choice", "What shows the batch meets GMP?",
                  "An inspection notice or a GMP certificate from the country of origin.", choices=GMP_EVIDENCE),
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


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    finding = check_in_force(DATA["in_force"], as_of, subject="Announcement 2025 No. 96")
    if finding.outcome == "not_in_force":
        return finding
    marketed = given["marketed_overseas"]
    finding.add("marketed_overseas", "Is the drug already marketed abroad?", marketed,
                "Marketed abroad." if marketed else "Not marketed abroad; the announcement covers only drugs already marketed abroad.",
                DATA["marketed_overseas"])
    category = given["category"]
    in_category = category in DATA["eligible_categories"]["values"]
    finding.add("category", "Is the drug in one of the six categories?", in_category,
                f"{dict(CATEGORIES)[category]}." if in_category else "Not in any of the six categories.",
                DATA["eligible_categories"])
    _check_approval(finding, as_of, given["china_approval_date"], given["manufactured_on"])
    commercial = given["commercial_scale"]
    finding.add("commercial_scale", "Was the batch made at commercial scale?", commercial,
                "Commercial-scale batch." if commercial else "Not a commercial-scale batch.",
                DATA["commercial_scale"])
    evidence = given["gmp_evidence"]
    has_evidence = evidence in DATA["accepted_gmp_evidence"]["values"]
    finding.add("gmp_evidence", "Is there accepted evidence of GMP compliance?", has_evidence,
                f"{dict(GMP_EVIDENCE)[evidence]}." if has_evidence
                else "No inspection notice or origin GMP certificate shows the batch meets GMP.",
                DATA["accepted_gmp_evidence"])
    limits = DATA["unconfirmed_limits"]
    finding.add("unconfirmed_limits", "Shelf-life, labelling and date limits", None,
                "Not checked: these limits are unconfirmed.", limits)
    finding.outcome = "eligible" if finding.all_passed() else "not_eligible"
    return finding


def _check_approval(finding: Finding, as_of: date, approved_on: date | None, manufactured_on: date) -> None:
    approval = DATA["china_approval"]
    if approved_on is None:
        finding.add("china_approval", "Is the drug approved in China?", False,
                    "Not approved in China; batches may be imported only after the approval.", approval)
        finding.add("made_before_approval", "Was the batch made before the China approval?", False,
                    "Cannot be met until there is a China approval date.", DATA["made_before_approval"])
        return
    finding.add("china_approval", "Is the drug approved in China?", True,
                f"China approval dated {approved_on.isoformat()}.", approval)
    made_before = manufactured_on < approved_on
    finding.add("made_before_approval", "Was the batch made before the China approval?", made_before,
                f"Made on {manufactured_on.isoformat()}, "
                + ("before" if made_before else "not before")
                + f" the approval on {approved_on.isoformat()}"
                + ("." if made_before else "; the announcement covers only batches made before it."),
                DATA["made_before_approval"])
    approved_yet = approved_on <= as_of
    finding.add("approval_in_effect", f"Has the approval been granted by {as_of.isoformat()}?", approved_yet,
                f"The approval of {approved_on.isoformat()} is in effect."
                if approved_yet else f"The approval comes on {approved_on.isoformat()}, after {as_of.isoformat()}: not yet.",
                approval)
