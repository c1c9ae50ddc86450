"""Which track a stem-cell project is on: drug registration or clinical-research filing."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..datafiles import WINDOW, cited_sources, entry_on, fact, load_data_file
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from .common import check_in_force

DATA_FILE = "stem_cells_pathway.yaml"
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "governing_documents": [WINDOW],
        "drug_registration_route": [WINDOW],
        "research_filing": [WINDOW],
        "paid_service": [WINDOW],
        "approved_drugs": [fact(name="text", description="text", approved_on="date")],
        "approvals_checked_on": fact(value="date"),
    },
    SOURCE_IDS,
)

PURPOSES = (
    ("marketing_approval", "To get the product approved for the market"),
    ("clinical_research", "Clinical research"),
    ("paid_clinical_service", "Offering it to patients for a fee"),
)

INFO = RuleInfo(
    id="stem_cells.pathway",
    title="Stem cells: drug registration or clinical research",
    summary=(
        "Which of the two tracks a stem-cell project is on, the document governing clinical "
        "research on that date, and the stem-cell drugs approved by then."
    ),
    inputs=(
        InputSpec("purpose", "choice", "What is the project for?",
                  "Marketing approval, clinical research, or a paid service to patients.", choices=PURPOSES),
        InputSpec("institution_filed", "bool", "Are the institution and the project filed?",
                  "Clinical research needs the institution and the project filed with the health authority."),
    ),
    outcomes={
        "drug_registration": "Drug registration with the NMPA",
        "clinical_research_filing": "Clinical research, filed with the health authority",
        "not_permitted": "Not permitted",
        "not_in_force": "Before the 2015 Measures: not covered",
    },
    source_ids=cited_sources(DATA),
    in_force_from=DATA["in_force"]["from"],
    in_force_until=DATA["in_force"]["until"],
    successor=None,
)


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    finding = check_in_force(DATA["in_force"], as_of, subject="the stem-cell clinical research regime")
    if finding.outcome == "not_in_force":
        return finding
    governing = entry_on(DATA["governing_documents"], as_of)
    finding.add("governing_document", "Which document governs stem-cell clinical research on this date?", None,
                f"{governing['clause']}.", governing)
    purpose = given["purpose"]
    filed = given["institution_filed"]
    if purpose == "marketing_approval":
        route = entry_on(DATA["drug_registration_route"], as_of)
        finding.add("drug_registration", "Is the product meant for the market?", True,
                    "A stem-cell product for the market is a biological product: IND, clinical trials and "
                    "a marketing application with the NMPA. Filing the institution does not replace this.",
                    route)
        finding.outcome = "drug_registration"
    elif purpose == "clinical_research":
        filing = entry_on(DATA["research_filing"], as_of)
        finding.add("institution_filed", "Are the institution and the project filed?", filed,
                    "The institution and the project are filed; the research may go ahead as filed research."
                    if filed else "Clinical research needs the institution and the project to be filed first.",
                    filing)
        finding.outcome = "clinical_research_filing" if filed else "not_permitted"
    else:
        paid = entry_on(DATA["paid_service"], as_of)
        finding.add("no_charge", "May patients be charged for an unapproved stem-cell intervention?", False,
                    "No: an unapproved stem-cell intervention may not be charged to patients as a clinical "
                    "service, whether or not the institution is filed.",
                    paid)
        finding.outcome = "not_permitted"
    approved = [drug for drug in DATA["approved_drugs"] if drug["approved_on"] <= as_of]
    for drug in approved:
        finding.add("approved_stem_cell_drug", "Which stem-cell drugs are approved by this date?", None,
                    f"{drug['description']}, approved on {drug['approved_on'].isoformat()}.", drug)
    checked = DATA["approvals_checked_on"]
    if as_of > checked["value"]:
        finding.warn(f"Stem-cell drug approvals after {checked['value'].isoformat()} were not checked.")
    finding.values = {
        "governing_document": governing["source"],
        "approved_stem_cell_drugs": [drug["name"] for drug in approved],
    }
    return finding
