"""Whether a biologic can join the segmented-production pilot (Pilot Work Plan 2024).

The pilot ends on 2026-12-31. From 2026-05-15 Decree No. 828 (Arts. 31-33) is a standing basis
for segmented contract production of named categories of drugs; the rule says so on every day
both exist, and names those articles as what remains once the pilot has ended.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..datafiles import WINDOW, cited_sources, fact, load_data_file, require_subset
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from ..translation import T
from .common import Finding, check_in_force

DATA_FILE = "biologics_segmented_pilot.yaml"
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "successor": fact(**{"from": "date", "text": "text"}),
        "standing_basis": fact(**{"from": "date"}),
        "eligible_product_classes": fact(values=["text"]),
        "province_criteria": fact(),
        "unified_quality_system": fact(),
        "min_cmo_commercial_biologics_years": fact(value="number"),
        "applications_open_from": fact(value="date"),
        "applications_close_on": fact(value="date"),
        "example_modalities": fact(values=["text"]),
        "qa_staff_reported": fact(),
    },
    SOURCE_IDS,
)

PRODUCT_CLASSES = (
    ("innovative_biologic", "Innovative biologic"),
    ("urgently_needed_biologic", "Clinically urgently needed biologic"),
    ("nmpa_designated_biologic", "Other biologic specified by the NMPA"),
    ("other_biologic", "Another biologic"),
    ("not_biologic", "Not a biological product"),
)
MODALITIES = (
    ("multivalent_vaccine", "Multivalent or combination vaccine"),
    ("antibody", "Antibody"),
    ("adc", "Antibody conjugate (for example an antibody-drug conjugate)"),
    ("glp1", "GLP-1-class biologic"),
    ("insulin", "Insulin-class biologic"),
    ("other", "Other or not stated"),
)
require_subset(DATA_FILE, "eligible_product_classes", DATA["eligible_product_classes"]["values"], dict(PRODUCT_CLASSES))
require_subset(DATA_FILE, "example_modalities", DATA["example_modalities"]["values"], dict(MODALITIES))

INFO = RuleInfo(
    id="biologics.segmented_pilot",
    title="Segmented production pilot for biologics",
    summary=(
        "Whether a biological product can be made in segments at more than one site under "
        "the NMPA's 2024 Pilot Work Plan."
    ),
    inputs=(
        InputSpec("product_class", "choice", "What kind of biologic is it?",
                  "The pilot covers innovative, clinically urgently needed and NMPA-specified biologics.",
                  choices=PRODUCT_CLASSES),
        InputSpec("modality", "choice", "What type of product is it?",
                  "For information only: the plan names some product types as examples.",
                  choices=MODALITIES, default="other"),
        InputSpec("province_in_pilot", "bool", "Is the province taking part in the pilot?",
                  "The plan names no provinces; it sets criteria that provinces must meet."),
        InputSpec("unified_quality_system", "bool", "One quality system across all sites?",
                  "The marketing authorization holder and every contract manufacturer must work under one quality management system."),
        InputSpec("cmo_commercial_biologics_years", "number", "Contract manufacturer's years of commercial biologics production",
                  "Years the contract manufacturer has made biologics at commercial scale.",
                  # Commercial biologics began in the 1980s: more than a century is a typing error.
                  minimum=0, maximum=100),
        InputSpec("applied_on", "date", "Date of the application",
                  "The day the application to join the pilot was made.", on_or_before_as_of=True),
    ),
    outcomes={
        "eligible": "Eligible for the pilot",
        "not_eligible": "Not eligible for the pilot",
        "not_in_force": "The pilot is not in force on this date",
    },
    source_ids=cited_sources(DATA),
    in_force_from=DATA["in_force"]["from"],
    in_force_until=DATA["in_force"]["until"],
    successor=DATA["successor"]["text"],
)

_LABELS = {value: label for spec in INFO.inputs for value, label in spec.choices}


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    finding = check_in_force(DATA["in_force"], as_of, subject=T("the segmented production pilot"), successor=DATA["successor"])
    if finding.outcome == "not_in_force":
        return finding
    eligible_classes = DATA["eligible_product_classes"]
    product_class = given["product_class"]
    finding.add(
        "product_class",
        T("Is the product in an eligible class?"),
        product_class in eligible_classes["values"],
        T("{label}: {verdict}", label=_LABELS[product_class],
          verdict=T("an eligible class.") if product_class in eligible_classes["values"]
          else T("not eligible; the pilot covers innovative, clinically urgently needed and NMPA-specified biologics.")),
        eligible_classes,
    )
    _describe_modality(finding, given["modality"])
    finding.add(
        "province_in_pilot",
        T("Is the province in the pilot?"),
        given["province_in_pilot"],
        T("The province takes part in the pilot.") if given["province_in_pilot"]
        else T("The province does not take part in the pilot (the plan names no provinces; it sets criteria)."),
        DATA["province_criteria"],
    )
    finding.add(
        "unified_quality_system",
        T("Are all sites under one quality management system?"),
        given["unified_quality_system"],
        T("The holder and the contract manufacturers share one quality management system.") if given["unified_quality_system"]
        else T("The holder and the contract manufacturers are not under one quality management system."),
        DATA["unified_quality_system"],
    )
    minimum_years = DATA["min_cmo_commercial_biologics_years"]
    years = given["cmo_commercial_biologics_years"]
    finding.add(
        "cmo_experience",
        T("Has the contract manufacturer at least {minimum} years of commercial biologics manufacturing?",
          minimum=f"{minimum_years['value']:g}"),
        years >= minimum_years["value"],
        T("{years} years of commercial biologics manufacturing; at least {minimum} are required.",
          years=f"{years:g}", minimum=f"{minimum_years['value']:g}"),
        minimum_years,
    )
    _check_application_date(finding, given["applied_on"])
    finding.add(
        "qa_staff",
        T("How many quality assurance staff must oversee the contract site?"),
        None,
        T("A law firm's note reports that the holder must assign at least two experienced QA staff to oversee "
          "the contract sites. Section 2(2) of the plan, on the holder and the contract manufacturers, does not "
          "state it, and the plan's later sections could not be found in full, so it is not checked here."),
        DATA["qa_staff_reported"],
    )
    _describe_standing_basis(finding, as_of)
    finding.outcome = "eligible" if finding.all_passed() else "not_eligible"
    return finding


def _describe_standing_basis(finding: Finding, as_of: date) -> None:
    """From 2026-05-15 the pilot and Decree No. 828 exist side by side until the pilot ends."""
    basis = DATA["standing_basis"]
    if as_of < basis["from"]:
        return
    last_day = DATA["in_force"]["until"].isoformat()
    finding.add(
        "standing_basis",
        T("What else allows segmented production on this date?"),
        None,
        T("Since {start} Decree No. 828 Art. 32 (Art. 33 for vaccines) also allows segmented "
          "contract production, for named categories of drugs of any kind that may be contract-made, not only "
          "biologics: an innovative drug "
          "whose process or equipment has special requirements; a drug that State Council departments name as "
          "clinically urgent, urgent for a public-health emergency or needed for reserves; another drug the NMPA "
          "specifies; always under one quality assurance system covering every site. The Decree does not mention "
          "the pilot: admission to the pilot is still decided by the plan, whose term ends on {last_day}; "
          "from the next day only the Decree's articles remain.", start=basis["from"].isoformat(), last_day=last_day),
        basis,
    )


def _describe_modality(finding: Finding, modality: str) -> None:
    examples = DATA["example_modalities"]
    if modality in examples["values"]:
        message = T("{label}: one of the product types the plan names as examples.", label=_LABELS[modality])
    else:
        message = T("Not one of the product types the plan names as examples; eligibility rests on the product class.")
    finding.add("modality", T("Is the product type named in the plan?"), None, message, examples)


def _check_application_date(finding: Finding, applied_on: date) -> None:
    opens = DATA["applications_open_from"]
    closes = DATA["applications_close_on"]
    finding.add(
        "applied_after_opening",
        T("Was the application made on or after {opens}?", opens=opens["value"].isoformat()),
        applied_on >= opens["value"],
        T("Applied on {applied}; the pilot started on {opens}.", applied=applied_on.isoformat(),
          opens=opens["value"].isoformat()),
        opens,
    )
    finding.add(
        "applied_by_deadline",
        T("Was the application made by {closes}?", closes=closes["value"].isoformat()),
        applied_on <= closes["value"],
        T("Applied on {applied}; the plan takes applications until {closes}.", applied=applied_on.isoformat(),
          closes=closes["value"].isoformat()),
        closes,
    )
