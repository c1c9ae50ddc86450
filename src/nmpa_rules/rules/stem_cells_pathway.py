"""Which route a stem-cell project is on, and whether a patient may be charged on that route.

Four routes, each with its own dates: drug registration with the NMPA; clinical research filed
with the health authority (subjects are never charged); approved clinical translation in the
Boao Lecheng pilot zone (from 2025-02-01, at filed prices); and clinical translation approved by
the NHC under Decree No. 818 (from 2026-05-01, charged under the applicable rules, Art. 34). Research
already under way on 2026-05-01 has one month to file (Art. 57). Anything else offered to patients
for a fee is not permitted.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import facts as book_facts
from ..datafiles import WINDOW, cited_sources, entry_on, fact, load_data_file
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from ..translation import T
from .common import Finding, check_in_force

DATA_FILE = "stem_cells_pathway.yaml"
_DATED = fact(**{"from": "date"})
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "governing_documents": [WINDOW],
        "drug_registration_route": [WINDOW],
        "drug_or_technology_boundary": _DATED,
        "research_filing": [WINDOW],
        "unfiled_research_penalty": _DATED,
        "transition": fact(**{"from": "date", "filing_due_by": "date"}),
        "transition_count": fact(),
        "research_fees": [WINDOW],
        "boao_provisions": _DATED,
        "boao_after_decree818": _DATED,
        "boao_fees": fact(statement="text"),
        "unapproved_use_penalty": _DATED,
        "nhc_translation": _DATED,
        "nhc_conditions": _DATED,
        "nhc_fees": fact(statement="text"),
        "approved_drugs": [fact(name="text", description="text", announced_on="date")],
    },
    SOURCE_IDS,
)

PURPOSES = (
    ("marketing_approval", "To get the product approved for the market"),
    ("clinical_research", "Clinical research"),
    ("paid_clinical_service", "Offering it to patients for a fee"),
)
PLACES = (
    ("elsewhere", "Elsewhere in mainland China"),
    ("boao_lecheng", "Boao Lecheng pilot zone (Hainan)"),
)
CLINICAL_USE_APPROVALS = (
    ("none", "No"),
    ("boao", "Yes, under the Boao Lecheng provisions (Hainan)"),
    ("nhc", "Yes, by the National Health Commission under Decree No. 818"),
)

INFO = RuleInfo(
    id="stem_cells.pathway",
    title="Stem cells: drug registration, clinical research or approved clinical use",
    summary=(
        "Which route a stem-cell project is on, whether a patient may be charged on that route, "
        "the document governing clinical research on that date, and the stem-cell drugs approved by then."
    ),
    inputs=(
        InputSpec("purpose", "choice", "What is the project for?",
                  "Marketing approval, clinical research, or a treatment offered to patients for a fee.",
                  choices=PURPOSES),
        InputSpec("institution_filed", "bool", "Are the institution and the project filed?",
                  "Under the 2015 Measures, the institution and the project are filed with the health authorities; "
                  "from 2026-05-01, the project is filed with the NHC under Decree No. 818 (Art. 15)."),
        InputSpec("place", "choice", "Where does it take place?",
                  "The Boao Lecheng pilot zone in Hainan has its own rules for new biomedical technologies.",
                  choices=PLACES, default="elsewhere"),
        InputSpec("clinical_use_approval", "choice", "Is the treatment approved for clinical use?",
                  "Approval of the technology for use in patients (clinical translation), not a drug approval.",
                  choices=CLINICAL_USE_APPROVALS, default="none"),
        InputSpec("under_way_before_decree", "bool", "Was the research already under way before 2026-05-01?",
                  "Research started before Decree No. 818 took effect may continue, but must be filed under the "
                  "Decree within one month (Art. 57); a filing under the 2015 Measures alone does not count.",
                  default=False),
        InputSpec("institution_meets_conditions", "bool",
                  "Does the hospital meet the conditions the NHC published for the technology?",
                  "Only for a treatment the NHC approved: the hospital and its staff must meet the published "
                  "conditions (Decree No. 818 Art. 34).",
                  default=True),
    ),
    outcomes={
        "drug_registration": "Drug registration with the NMPA",
        "clinical_research_filing": "Clinical research, filed with the health authority",
        # Art. 57's month to file; the shared outcome id keeps the neutral tone of "a filing is still owed".
        "transition_filing_due": "Research under way before Decree No. 818: may continue, must be filed within the month",
        "boao_special_access": "Approved treatment in the Boao Lecheng pilot zone",
        "approved_use": "Approved clinical use under Decree No. 818",
        "not_permitted": "Not permitted",
        "not_in_force": "Before the 2015 Measures: not covered",
    },
    source_ids=cited_sources(DATA),
    in_force_from=DATA["in_force"]["from"],
    in_force_until=DATA["in_force"]["until"],
    successor=None,
)

_NEVER_CHARGED = T("No: research subjects may not be charged for the research.")
_NO = T("No")


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    finding = check_in_force(DATA["in_force"], as_of, subject=T("the stem-cell clinical research regime"))
    if finding.outcome == "not_in_force":
        return finding
    governing = entry_on(DATA["governing_documents"], as_of)
    finding.add("governing_document", T("Which document governs stem-cell clinical research on this date?"), None,
                T("{clause}.", clause=T(governing["clause"])), governing)
    purpose = given["purpose"]
    extra: dict[str, Any] = {}
    if purpose == "marketing_approval":
        charged = _drug_registration(finding, as_of)
    elif purpose == "clinical_research":
        charged = _clinical_research(finding, as_of, given, extra)
    else:
        charged = _treatment_for_a_fee(finding, as_of, given)
    approved = [drug for drug in DATA["approved_drugs"] if drug["announced_on"] <= as_of]
    for drug in approved:
        finding.add("approved_stem_cell_drug", T("Which stem-cell drugs are approved by this date?"), None,
                    T("{description}; the NMPA announced the approval on {announced}.", description=T(drug["description"]),
                      announced=drug["announced_on"].isoformat()), drug)
    # The count of approvals is a changing fact, kept once in facts.yaml with the day it was checked.
    checked_on = book_facts.fact("stem_cell_drugs_approved").as_of
    if as_of > checked_on:
        finding.warn(T("Stem-cell drug approvals after {checked_on} were not checked.", checked_on=checked_on.isoformat()))
    finding.values = {
        "governing_document": governing["source"],
        "approved_stem_cell_drugs": [drug["name"] for drug in approved],
        "may_the_patient_be_charged": charged,
        **extra,
    }
    return finding


def _drug_registration(finding: Finding, as_of: date) -> str:
    route = entry_on(DATA["drug_registration_route"], as_of)
    finding.add("drug_registration", T("Is the product meant for the market?"), True,
                T("A stem-cell product for the market is a biological product: IND, clinical trials and "
                  "a marketing application with the NMPA. Filing the institution does not replace this."),
                route)
    boundary = DATA["drug_or_technology_boundary"]
    if as_of >= boundary["from"]:
        finding.add("drug_or_technology", T("Is it a drug or a new biomedical technology?"), None,
                    T("Trials to develop a drug follow the Drug Administration Law, not Decree No. 818; guidelines "
                      "of the NHC and the NMPA draw the line between a drug and a new biomedical technology."),
                    boundary)
    finding.outcome = "drug_registration"
    return T("Once approved as a drug, as for any medicine")


def _clinical_research(finding: Finding, as_of: date, given: dict[str, Any], extra: dict[str, Any]) -> str:
    filed = given["institution_filed"]
    filing = entry_on(DATA["research_filing"], as_of)
    transition = DATA["transition"]
    decree = as_of >= transition["from"]
    if filed:
        message = (T("Filed with the NHC under Decree No. 818; the research may go ahead as filed research.")
                   if decree else
                   T("The institution and the project are filed; the research may go ahead as filed research."))
    elif decree:
        message = T("The project must pass academic and ethics review and be filed with the NHC within 5 working "
                    "days of passing both, at a tertiary grade A hospital, on non-clinical evidence of safety and "
                    "efficacy.")
    else:
        message = T("Clinical research needs the institution and the project to be filed first.")
    finding.add("institution_filed", T("Are the institution and the project filed?"), filed, message, filing)
    finding.add("research_fees", T("May research subjects be charged?"), None, _NEVER_CHARGED,
                entry_on(DATA["research_fees"], as_of))
    boao = DATA["boao_provisions"]
    if given["place"] == "boao_lecheng" and as_of >= boao["from"]:
        finding.add("boao_provisions", T("Do the Boao Lecheng provisions also apply?"), None,
                    T("Yes: in the pilot zone they also govern clinical research on cell therapy, with the "
                      "Hainan provincial health commission responsible."), boao)
    if filed:
        finding.outcome = "clinical_research_filing"
        return _NO
    if decree and given["under_way_before_decree"]:
        due = transition["filing_due_by"]
        extra["filing_due_by"] = due
        in_time = as_of <= due
        finding.add("transition", T("Research under way before 2026-05-01: is it still within the month to file?"),
                    in_time,
                    T("Yes: it may continue under its protocol, and must be filed with the NHC by {due}.", due=due.isoformat())
                    if in_time else
                    T("No: the month to file ended on {due}; unfiled research is ordered to file within "
                      "a time limit, and punished if it has still not filed when that limit passes.", due=due.isoformat()), transition)
        finding.add("transition_count", T("How is the month counted?"), None,
                    T("From 2026-05-01, the first day not counted: the month ends on {due}.", due=due.isoformat()),
                    DATA["transition_count"])
        if in_time:
            finding.outcome = "transition_filing_due"
            return _NO
    if decree:
        finding.add("unfiled_research", T("What does research without a filing risk?"), None,
                    T("The health authority orders it filed within a time limit; if it is still not filed, a fine "
                      "and a ban on new biomedical research follow."), DATA["unfiled_research_penalty"])
    finding.outcome = "not_permitted"
    return _NO


def _treatment_for_a_fee(finding: Finding, as_of: date, given: dict[str, Any]) -> str:
    approval = given["clinical_use_approval"]
    if approval == "boao":
        return _boao_translation(finding, as_of, given["place"])
    if approval == "nhc":
        return _nhc_translation(finding, as_of, given["institution_meets_conditions"])
    finding.add("no_charge", T("May patients be charged for an unapproved stem-cell intervention?"), False,
                T("No: without a drug approval or an approval for clinical use, a stem-cell intervention may not "
                  "be offered to patients for a fee; as research, subjects may not be charged at all."),
                entry_on(DATA["research_fees"], as_of))
    penalty = DATA["unapproved_use_penalty"]
    if as_of >= penalty["from"]:
        finding.add("unapproved_use", T("What does using an unapproved technology in patients risk?"), None,
                    T("The health authority orders it stopped, confiscates the income and fines the institution, "
                      "with a ban on new biomedical research."), penalty)
    finding.outcome = "not_permitted"
    return _NO


def _boao_translation(finding: Finding, as_of: date, place: str) -> str:
    boao = DATA["boao_provisions"]
    description = T("Is the treatment approved under the Boao Lecheng provisions, and used in the zone?")
    if as_of < boao["from"]:
        finding.add("boao_translation", description, False,
                    T("The Boao Lecheng provisions take effect on {start}; before then this "
                      "calculator finds no approval route for clinical use in the zone.", start=boao["from"].isoformat()), boao)
        finding.outcome = "not_permitted"
        return _NO
    if place != "boao_lecheng":
        finding.add("boao_translation", description, False,
                    T("An approval under the Boao Lecheng provisions covers use inside the pilot zone only."), boao)
        finding.outcome = "not_permitted"
        return _NO
    finding.add("boao_translation", description, True,
                T("Approved for clinical use under the Boao Lecheng provisions, in force since "
                  "{start}, and used in the zone.", start=boao["from"].isoformat()), boao)
    after = DATA["boao_after_decree818"]
    if as_of >= after["from"]:
        finding.add("boao_and_decree818", T("Does Decree No. 818 change the zone's route?"), None,
                    T("Not expressly: the Decree requires NHC approval for clinical translation and does not mention "
                      "the zone's provisions."), after)
    fees = DATA["boao_fees"]
    finding.add("boao_fees", T("May the patient be charged?"), None, T("{statement}.", statement=T(fees["statement"])), fees)
    finding.outcome = "boao_special_access"
    return T(fees["statement"])


def _nhc_translation(finding: Finding, as_of: date, meets_conditions: bool) -> str:
    translation = DATA["nhc_translation"]
    description = T("Is the treatment approved by the NHC for clinical use under Decree No. 818?")
    if as_of < translation["from"]:
        finding.add("nhc_translation", description, False,
                    T("NHC approval of clinical translation exists only from {start}, "
                      "when Decree No. 818 takes effect.", start=translation["from"].isoformat()), translation)
        finding.outcome = "not_permitted"
        return _NO
    finding.add("nhc_translation", description, True,
                T("Approved by the NHC for clinical use, with published conditions for the institutions and staff "
                  "that use it and operating norms."), translation)
    finding.add("nhc_conditions", T("Does the hospital meet the NHC's published conditions?"), meets_conditions,
                T("Yes: the hospital may use the approved technology, following its operating norms.")
                if meets_conditions else
                T("No: a hospital that does not meet the conditions may not use the technology; the health "
                  "authority orders it stopped, confiscates the income and fines the hospital."),
                DATA["nhc_conditions"])
    if not meets_conditions:
        finding.outcome = "not_permitted"
        return _NO
    fees = DATA["nhc_fees"]
    finding.add("nhc_fees", T("May the patient be charged?"), None, T("{statement}.", statement=T(fees["statement"])), fees)
    finding.outcome = "approved_use"
    return T(fees["statement"])
