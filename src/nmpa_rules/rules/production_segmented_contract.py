"""Whether a holder may contract segmented production under Decree No. 828 (Arts. 31-33).

This is the standing rule in force since 2026-05-15, for named categories of drugs of any
kind. The biologics pilot (its own rule) ends on 2026-12-31; from then on this rule is what a
holder can rely on.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..datafiles import WINDOW, cited_sources, fact, load_data_file, require_subset
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from ..translation import T
from .biologics_segmented_pilot import DATA as PILOT_DATA
from .common import Finding, check_in_force

DATA_FILE = "production_segmented_contract.yaml"
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "excluded_products": fact(),
        "contract_manufacturer": fact(),
        "categories": fact(values=["text"]),
        "real_need": fact(),
        "unified_quality_assurance": fact(),
        "vaccine_cases": fact(values=["text"]),
        "vaccine_capacity_and_approval": fact(),
    },
    SOURCE_IDS,
)

CATEGORIES = (
    ("innovative_special_process", "Innovative drug whose process or equipment has special requirements"),
    ("innovative_other", "Innovative drug without such requirements"),
    ("state_council_named", "Named by State Council departments as clinically urgent, urgent for an emergency or for reserves"),
    ("nmpa_specified", "Another drug the NMPA has specified"),
    ("vaccine", "A vaccine"),
    ("other", "Another drug"),
)
VACCINE_CASES = (
    ("not_a_vaccine", "Not a vaccine"),
    ("multivalent_or_combination", "A multivalent or combination vaccine"),
    ("disease_control_need", "An urgent or reserve need for disease control named by State Council departments"),
    ("nmpa_specified_case", "Another case the NMPA has specified"),
    ("none", "None of these"),
)
require_subset(DATA_FILE, "categories", DATA["categories"]["values"], dict(CATEGORIES))
require_subset(DATA_FILE, "vaccine_cases", DATA["vaccine_cases"]["values"], dict(VACCINE_CASES))

INFO = RuleInfo(
    id="production.segmented_contract",
    title="Segmented contract production under Decree No. 828",
    summary=(
        "Whether a marketing authorization holder may have a drug made in segments by contract "
        "manufacturers under Articles 31 to 33 of the revised Implementing Regulations."
    ),
    inputs=(
        InputSpec("category", "choice", "What kind of drug is it?",
                  "Article 32 names three categories; vaccines have their own article, 33.",
                  choices=CATEGORIES),
        InputSpec("vaccine_case", "choice", "For a vaccine: which case applies?",
                  "Article 33 names the cases in which a vaccine may be made in segments.",
                  choices=VACCINE_CASES, default="not_a_vaccine"),
        InputSpec("excluded_product", "bool", "Is it a product that may not be contract-made?",
                  "Blood products, narcotic and psychotropic drugs, toxic drugs for medical use, drug-class "
                  "precursor chemicals, and drugs containing narcotic, psychotropic or precursor ingredients."),
        InputSpec("real_need", "bool", "Does the holder have a real need?",
                  "Article 32 asks for a real need; for a vaccine, Article 33 asks that the need exceed the holder's own production capacity."),
        InputSpec("unified_quality_assurance", "bool", "One quality assurance system covering every site?",
                  "The system must cover the whole production process and every production site."),
        InputSpec("contract_sites_qualified", "bool", "Is every contract site a qualified manufacturer working to GMP?",
                  "Each contract site must be a qualified drug manufacturer producing to GMP."),
        InputSpec("work_passed_on", "bool", "Does any contract site pass the work on to another company?",
                  "A contract manufacturer may not contract the work out again."),
        InputSpec("nmpa_approved", "bool", "For a vaccine: has the NMPA approved the arrangement?",
                  "Only vaccines need NMPA approval under Article 33.", default=False),
    ),
    outcomes={
        "eligible": "Segmented production allowed under Decree No. 828",
        "not_permitted": "Not allowed under Decree No. 828",
        "not_in_force": "Decree No. 828 is not in force on this date",
    },
    source_ids=cited_sources(DATA, PILOT_DATA["in_force"]),
    in_force_from=DATA["in_force"]["from"],
    in_force_until=DATA["in_force"]["until"],
    successor=None,
)

_LABELS = {value: label for spec in INFO.inputs for value, label in spec.choices}


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    finding = check_in_force(DATA["in_force"], as_of, subject=T("Decree No. 828"))
    if finding.outcome == "not_in_force":
        _describe_pilot(finding, as_of)
        return finding
    vaccine = given["category"] == "vaccine"
    finding.add(
        "excluded_product",
        T("May the product be contract-made at all?"),
        not given["excluded_product"],
        T("A product Article 31 excludes from contract manufacture, unless the NMPA provides otherwise.")
        if given["excluded_product"] else T("Not among the products Article 31 excludes from contract manufacture."),
        DATA["excluded_products"],
    )
    if vaccine:
        _check_vaccine(finding, given)
    else:
        _check_drug(finding, given)
    finding.add(
        "unified_quality_assurance",
        T("Is there one quality assurance system covering every site?"),
        given["unified_quality_assurance"],
        T("One quality assurance system covers the whole process and every site.")
        if given["unified_quality_assurance"] else T("No single quality assurance system covers every site."),
        DATA["unified_quality_assurance"],
    )
    finding.add(
        "contract_sites_qualified",
        T("Is every contract site a qualified manufacturer working to GMP?"),
        given["contract_sites_qualified"],
        T("Every contract site is a qualified manufacturer producing to GMP.")
        if given["contract_sites_qualified"] else T("At least one contract site is not a qualified manufacturer producing to GMP."),
        DATA["contract_manufacturer"],
    )
    finding.add(
        "work_not_passed_on",
        T("Does every contract site do its own work?"),
        not given["work_passed_on"],
        T("A contract site passes the work on to another company, which Article 31 forbids.")
        if given["work_passed_on"] else T("No contract site passes the work on."),
        DATA["contract_manufacturer"],
    )
    _describe_pilot(finding, as_of)
    finding.outcome = "eligible" if finding.all_passed() else "not_permitted"
    return finding


def _check_drug(finding: Finding, given: dict[str, Any]) -> None:
    categories = DATA["categories"]
    category = given["category"]
    named = category in categories["values"]
    finding.add(
        "category",
        T("Is the drug in a category Article 32 names?"),
        named,
        T("{label}: {verdict}", label=_LABELS[category],
          verdict=T("a category Article 32 names.") if named else T("not a category Article 32 names.")),
        categories,
    )
    finding.add(
        "real_need",
        T("Does the holder have a real need?"),
        given["real_need"],
        T("The holder has a real need.") if given["real_need"] else T("Article 32 requires a real need."),
        DATA["real_need"],
    )


def _check_vaccine(finding: Finding, given: dict[str, Any]) -> None:
    cases = DATA["vaccine_cases"]
    case = given["vaccine_case"]
    finding.add(
        "vaccine_case",
        T("Is it a case Article 33 names?"),
        case in cases["values"],
        T("{label}: {verdict}", label=_LABELS[case],
          verdict=T("a case Article 33 names.") if case in cases["values"] else T("not a case Article 33 names.")),
        cases,
    )
    rule = DATA["vaccine_capacity_and_approval"]
    finding.add(
        "beyond_capacity",
        T("Does the need exceed the holder's own production capacity?"),
        given["real_need"],
        T("The need exceeds the holder's own capacity.") if given["real_need"]
        else T("Article 33 applies only where the need exceeds the holder's own capacity."),
        rule,
    )
    finding.add(
        "nmpa_approved",
        T("Has the NMPA approved the arrangement?"),
        given["nmpa_approved"],
        T("The NMPA has approved it.") if given["nmpa_approved"] else T("A vaccine needs the NMPA's approval first."),
        rule,
    )


def _describe_pilot(finding: Finding, as_of: date) -> None:
    """Name the biologics pilot on the days it runs beside, or before, the Decree."""
    pilot = PILOT_DATA["in_force"]
    if not pilot["from"] <= as_of <= pilot["until"]:
        return
    closed = PILOT_DATA["applications_close_on"]["value"].isoformat()
    finding.add(
        "pilot_alongside",
        T("Does anything else allow segmented production on this date?"),
        None,
        T("The biologics segmented-production pilot runs on this date, from {start} to {end}, for products "
          "admitted to it (applications closed on {closed}); it has no effect after its last day.",
          start=pilot["from"].isoformat(), end=pilot["until"].isoformat(), closed=closed),
        pilot,
    )
