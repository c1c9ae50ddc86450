"""The legal pathway for a personalized hormone protocol.

The pathway is an ordered table of rules, each with its exceptions spelt out. Every rule is
tried; exactly one must apply. None, or more than one, is a bug in the table and raises
RuleTableError rather than silently taking the first match.

State Council Decree No. 828 replaced the 2002 Implementing Regulations on 2026-05-15, with a
different list of what may not be a hospital preparation and a new article on urgent imports,
so the facts that rest on the Regulations are dated lists and each reason cites the text in
force on the day asked about.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from ..datafiles import WINDOW, cited_sources, fact, load_data_file
from ..errors import RuleTableError
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from ..translation import T
from .common import Finding, check_in_force

DATA_FILE = "hormones_pathway.yaml"
_DATED = fact(**{"from": "date"})
_PERIODS = [WINDOW]
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "marketing_authorization": fact(),
        "hospital_preparation": fact(),
        "preparation_rules": _PERIODS,
        "fixed_formula": _PERIODS,
        "fixed_formula_order20": fact(),
        "preparation_exclusions": _PERIODS,
        "controlled_after_decree828": _DATED,
        "off_label_use": _DATED,
        "urgent_import_law": fact(),
        "urgent_import_regulation": _PERIODS,
        "temporary_import_plan": _DATED,
        "boao_special_access": _PERIODS,
        "boao_hainan_rules": fact(),
        "gba_special_access": _DATED,
        "gba_workplan": fact(),
        "gba_trial": fact(),
        "gba_guangdong_regulation": _DATED,
        "anti_doping_controls": fact(),
    },
    SOURCE_IDS,
)

DECREE_828_FROM = DATA["controlled_after_decree828"]["from"]

INFO = RuleInfo(
    id="hormones.pathway",
    title="Personalized hormone protocols: which legal pathway?",
    summary=(
        "Whether a hormone product can be used as an approved drug, off label, as a hospital "
        "preparation, through a special access route, or only after registration."
    ),
    inputs=(
        InputSpec("product_status", "choice", "Is the product approved in China?",
                  "Approval status of the product (for a compounded preparation: of its active ingredients).",
                  choices=(("approved_in_china", "Approved in China"),
                           ("approved_overseas_only", "Approved only outside China"),
                           ("unapproved", "Not approved anywhere"))),
        InputSpec("preparation", "choice", "Commercial product or compounded?",
                  "A commercial product from a manufacturer, or a preparation compounded by the hospital.",
                  choices=(("commercial", "Commercial product"), ("compounded", "Compounded by the hospital"))),
        InputSpec("formula", "choice", "Is the compounded formula fixed, or adjusted for each patient?",
                  "A hospital preparation has one fixed formula, registered with the province; a formula "
                  "changed for each patient is not one. Only matters for a compounded product.",
                  choices=(("fixed", "Fixed: the same formula for every patient"),
                           ("adjusted_per_patient", "Adjusted for each patient"))),
        InputSpec("use", "choice", "Used as on the label?",
                  "Whether the use matches the approved label.",
                  choices=(("on_label", "On label"), ("off_label", "Off label"))),
        InputSpec("off_label_conditions_met", "bool", "Are the off-label conditions met?",
                  "Evidence-based use, no effective or better option, and the patient's explicit informed consent."),
        InputSpec("same_product_on_market", "bool", "Is the same product already on the market?",
                  "A hospital preparation is allowed only for varieties not available on the market."),
        InputSpec("new_indication", "bool",
                  "Is a registered active ingredient used for an indication no registered drug has?",
                  "From 2026-05-15 a chemical drug that uses a registered active ingredient for a new "
                  "indication cannot be a hospital preparation."),
        InputSpec("contains_biologic", "bool", "Does it contain a biological product other than an allergen?",
                  "Biological products other than allergens cannot be hospital preparations."),
        InputSpec("medical_toxic_drug", "bool", "Is it a medical toxic drug?",
                  "Medical toxic drugs (医疗用毒性药品) cannot be hospital preparations."),
        InputSpec("narcotic_psychotropic_or_radioactive", "bool",
                  "Is it a narcotic, psychotropic or radioactive drug?",
                  "Excluded from hospital preparations by the 2005 registration measures."),
        InputSpec("anabolic_or_peptide_hormone", "bool",
                  "Is it an anabolic agent (for example testosterone) or a peptide hormone other than insulin?",
                  "Anabolic agents and peptide hormones such as somatropin are on the doping list; insulin is the exception."),
        InputSpec("setting", "choice", "Where is it used?",
                  "An ordinary institution, the Boao Lecheng pilot zone, or a designated Greater Bay Area institution.",
                  choices=(("ordinary", "An ordinary institution"),
                           ("boao_lecheng", "Boao Lecheng pilot zone (Hainan)"),
                           ("gba_designated", "Designated Greater Bay Area institution"))),
        InputSpec("marketed_in_hk_macau", "bool", "Marketed in Hong Kong or Macau?",
                  "The Greater Bay Area route covers drugs marketed in Hong Kong or Macau."),
        InputSpec("urgent_clinical_need", "bool", "Is there an urgent clinical need?",
                  "Every special access route is for a clinically urgent need; the national work plan names "
                  "rare diseases and serious life-threatening diseases with no effective treatment or where the "
                  "drug has a clear clinical advantage."),
        InputSpec("small_quantity", "bool", "Is it a small quantity for the institution's patients?",
                  "The national route and the Boao Lecheng route cover small quantities only."),
    ),
    outcomes={
        "approved_use": "Use as approved",
        "off_label_prescription": "Off-label prescription by a physician",
        "hospital_preparation": "Medical-institution (hospital) preparation",
        "no_preparation_route": "Not a hospital preparation: no route for a per-patient formula",
        "boao_special_access": "Special access in Boao Lecheng",
        "gba_special_access": "Special access in the Greater Bay Area",
        "national_urgent_import": "National route: small urgent import on NMPA's approval",
        "registration_required": "Needs registration (drug approval) first",
        "not_in_force": "Not covered on this date",
    },
    source_ids=cited_sources(DATA),
    in_force_from=DATA["in_force"]["from"],
    in_force_until=DATA["in_force"]["until"],
    successor=None,
)


@dataclass(frozen=True)
class Facts:
    """What the table's rules test, worked out once from the inputs and the date."""

    compounded: bool
    fixed_formula: bool
    approved_in_china: bool
    approved_overseas_only: bool
    off_label: bool
    off_label_conditions_met: bool
    off_label_law_in_force: bool
    same_product_on_market: bool
    new_indication: bool
    contains_biologic: bool
    medical_toxic_drug: bool
    narcotic_psychotropic_or_radioactive: bool
    decree828_in_force: bool
    in_boao: bool
    in_gba: bool
    gba_in_force: bool
    marketed_in_hk_macau: bool
    urgent_clinical_need: bool
    small_quantity: bool

    @property
    def excluded_from_preparations(self) -> bool:
        on_both_lists = (not self.approved_in_china or self.same_product_on_market or self.contains_biologic
                         or self.medical_toxic_drug or self.narcotic_psychotropic_or_radioactive)
        return on_both_lists or (self.decree828_in_force and self.new_indication)

    @property
    def boao_applies(self) -> bool:
        return self.in_boao and self.urgent_clinical_need and self.small_quantity

    @property
    def gba_applies(self) -> bool:
        return self.in_gba and self.gba_in_force and self.marketed_in_hk_macau and self.urgent_clinical_need

    @property
    def national_route_applies(self) -> bool:
        return self.urgent_clinical_need and self.small_quantity and not (self.boao_applies or self.gba_applies)


@dataclass(frozen=True)
class PathwayRule:
    outcome: str
    text: str
    applies: Callable[[Facts], bool]
    basis: str
    """The key of the fact in the data file that the rule rests on."""


PATHWAY_RULES: tuple[PathwayRule, ...] = (
    PathwayRule("no_preparation_route",
                T("A compounded formula adjusted for each patient is not a hospital preparation, which has one "
                "fixed, registered formula; no other route covers it."),
                lambda f: f.compounded and not f.fixed_formula,
                "fixed_formula"),
    PathwayRule("hospital_preparation",
                T("A fixed-formula compounded preparation that no exclusion list covers and the market does not "
                "supply can be a hospital preparation."),
                lambda f: f.compounded and f.fixed_formula and not f.excluded_from_preparations,
                "hospital_preparation"),
    PathwayRule("registration_required",
                T("A fixed-formula compounded preparation that an exclusion list covers, or that the market "
                "supplies, needs registration."),
                lambda f: f.compounded and f.fixed_formula and f.excluded_from_preparations,
                "preparation_exclusions"),
    PathwayRule("approved_use",
                T("A commercial product approved in China, used on label, is an approved use."),
                lambda f: not f.compounded and f.approved_in_china and not f.off_label,
                "marketing_authorization"),
    PathwayRule("off_label_prescription",
                T("A commercial product approved in China, used off label with the Physicians Law conditions "
                "met, may be prescribed off label."),
                lambda f: not f.compounded and f.approved_in_china and f.off_label
                and f.off_label_conditions_met and f.off_label_law_in_force,
                "off_label_use"),
    PathwayRule("registration_required",
                T("Off-label use without the Physicians Law conditions (or before that law) needs registration "
                "of the new use."),
                lambda f: not f.compounded and f.approved_in_china and f.off_label
                and not (f.off_label_conditions_met and f.off_label_law_in_force),
                "marketing_authorization"),
    PathwayRule("boao_special_access",
                T("A small quantity of a product approved only abroad, for an urgent clinical need in Boao "
                "Lecheng, may be imported with the Hainan government's approval."),
                lambda f: not f.compounded and f.approved_overseas_only and f.boao_applies,
                "boao_special_access"),
    PathwayRule("gba_special_access",
                T("A product marketed in Hong Kong or Macau, for an urgent clinical need in a designated "
                "Greater Bay Area institution, may be used with Guangdong's approval."),
                lambda f: not f.compounded and f.approved_overseas_only and f.gba_applies,
                "gba_special_access"),
    PathwayRule("national_urgent_import",
                T("Outside the zone routes, a medical institution may import a small quantity of a product "
                "approved only abroad for an urgent clinical need, with NMPA's approval."),
                lambda f: not f.compounded and f.approved_overseas_only and f.national_route_applies,
                "urgent_import_law"),
    PathwayRule("registration_required",
                T("A product approved only abroad, without an urgent need for a small quantity, needs registration."),
                lambda f: not f.compounded and f.approved_overseas_only
                and not (f.boao_applies or f.gba_applies or f.national_route_applies),
                "marketing_authorization"),
    PathwayRule("registration_required",
                T("A product not approved anywhere needs registration."),
                lambda f: not f.compounded and not f.approved_in_china and not f.approved_overseas_only,
                "marketing_authorization"),
)


def choose_pathway(facts: Facts, rules: tuple[PathwayRule, ...]) -> PathwayRule:
    """The one rule that applies; RuleTableError if none or several do."""
    matching = [rule for rule in rules if rule.applies(facts)]
    if len(matching) != 1:
        found = "; ".join(rule.text for rule in matching) or "no rule"
        raise RuleTableError(f"hormones.pathway rule table: expected exactly one rule to apply to {facts}, got: {found}")
    return matching[0]


def on(key: str, as_of: date) -> dict:
    """The fact ``key`` as it stood on ``as_of``: the entry of a dated list in force that day."""
    value = DATA[key]
    if isinstance(value, dict):
        return value
    for entry in value:
        if entry["from"] <= as_of and (entry["until"] is None or as_of <= entry["until"]):
            return entry
    raise RuleTableError(f"hormones.pathway data: no entry of {key} covers {as_of.isoformat()}")


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    finding = check_in_force(DATA["in_force"], as_of, subject=T("the 2019 Drug Administration Law"))
    if finding.outcome == "not_in_force":
        return finding
    # The table of worked scenarios shows passed reasons; say which law this date is about.
    finding.reasons[0] = dataclasses.replace(
        finding.reasons[0],
        message=T("The Drug Administration Law (2019 revision) is in force (from {start}).",
                  start=DATA["in_force"]["from"].isoformat()))
    facts = Facts(
        compounded=given["preparation"] == "compounded",
        fixed_formula=given["formula"] == "fixed",
        approved_in_china=given["product_status"] == "approved_in_china",
        approved_overseas_only=given["product_status"] == "approved_overseas_only",
        off_label=given["use"] == "off_label",
        off_label_conditions_met=given["off_label_conditions_met"],
        off_label_law_in_force=as_of >= DATA["off_label_use"]["from"],
        same_product_on_market=given["same_product_on_market"],
        new_indication=given["new_indication"],
        contains_biologic=given["contains_biologic"],
        medical_toxic_drug=given["medical_toxic_drug"],
        narcotic_psychotropic_or_radioactive=given["narcotic_psychotropic_or_radioactive"],
        decree828_in_force=as_of >= DECREE_828_FROM,
        in_boao=given["setting"] == "boao_lecheng",
        in_gba=given["setting"] == "gba_designated",
        gba_in_force=as_of >= DATA["gba_special_access"]["from"],
        marketed_in_hk_macau=given["marketed_in_hk_macau"],
        urgent_clinical_need=given["urgent_clinical_need"],
        small_quantity=given["small_quantity"],
    )
    chosen = choose_pathway(facts, PATHWAY_RULES)
    finding.outcome = chosen.outcome
    if facts.compounded:
        _explain_compounded(finding, facts, as_of)
    elif facts.approved_in_china:
        _explain_approved_product(finding, facts, as_of)
    elif facts.approved_overseas_only:
        _explain_special_access(finding, facts, as_of)
    else:
        finding.add("product_status", T("Is the product approved in China or abroad?"), False,
                    T("Not approved anywhere: it needs registration before it can be used."),
                    DATA["marketing_authorization"])
    if given["anabolic_or_peptide_hormone"]:
        finding.add("anti_doping_controls", T("Anti-doping controls"), None,
                    T("An anabolic agent or a peptide hormone: retail pharmacies may not deal in it (insulin is the "
                    "only exception, Art. 10); a medical institution supplies it to patients only on the "
                    "prescription of a licensed physician, and keeps the prescription 2 years (Art. 15); importing "
                    "it needs a provincial import permit besides the import registration (Art. 11)."),
                    DATA["anti_doping_controls"])
    finding.add("pathway", T("Which rule of the pathway table applies?"), None, chosen.text, on(chosen.basis, as_of))
    return finding


def _explain_compounded(finding: Finding, facts: Facts, as_of: date) -> None:
    after = facts.decree828_in_force
    finding.add("fixed_formula", T("Is the formula fixed, the same for every patient?"), facts.fixed_formula,
                T("A fixed formula, as a hospital preparation must have.") if facts.fixed_formula
                else T("A formula adjusted for each patient is not a medical-institution preparation: a preparation "
                     "has one fixed formula (固定处方), approved or registered by the province with its quality "
                     "standard and process."),
                on("fixed_formula", as_of))
    finding.add("fixed_formula_definition", T("How is a medical-institution preparation defined?"), None,
                T("A fixed-prescription preparation that the institution compounds, with approval, for its own "
                "clinical needs."), DATA["fixed_formula_order20"])
    if not facts.fixed_formula:
        finding.add("what_follows", T("What does the law offer instead?"), None,
                    T("No route covers compounding to each patient's measure. What the law offers: the physician "
                    "prescribes approved products, adjusting the prescription to the patient (on label, or off "
                    "label under the Physicians Law's conditions from 2022-03-01); the hospital registers a "
                    "fixed-formula preparation, whose formula then does not change from patient to patient; or a "
                    "company registers a drug."),
                    DATA["marketing_authorization"])
        return
    exclusions = on("preparation_exclusions", as_of)
    list_name = T("Decree No. 828 Art. 57") if after else T("the 2005 registration measures")
    finding.add("ingredients_approved", T("Are the active ingredients used in a drug registered in China?"),
                facts.approved_in_china,
                T("The active ingredients are approved in China.") if facts.approved_in_china
                else T("An active ingredient not approved in China cannot be in a hospital preparation ({list_name}).",
                       list_name=list_name),
                exclusions)
    finding.add("not_on_market", T("Is the same product not already on the market?"), not facts.same_product_on_market,
                T("No such product is on the market.") if not facts.same_product_on_market
                else T("The same product is on the market, so the hospital may not make it as a preparation."),
                DATA["hospital_preparation"])
    if after:
        finding.add("new_indication", T("Is a registered active ingredient used for a new indication?"),
                    not facts.new_indication,
                    T("No new indication.") if not facts.new_indication
                    else T("From 2026-05-15 a chemical drug using a registered active ingredient for a new indication "
                         "cannot be a hospital preparation (Art. 57(2))."),
                    exclusions)
    elif facts.new_indication:
        finding.add("new_indication", T("Is a registered active ingredient used for a new indication?"), None,
                    T("The 2005 list does not exclude a new indication; from 2026-05-15 Decree No. 828 Art. 57(2) does."),
                    exclusions)
    finding.add("no_biologic", T("Does it contain no biological product other than an allergen?"),
                not facts.contains_biologic,
                T("Contains no biological product.") if not facts.contains_biologic
                else T("Contains a biological product other than an allergen, which cannot be a hospital preparation "
                       "({list_name}).", list_name=list_name),
                exclusions)
    finding.add("not_medical_toxic", T("Is it not a medical toxic drug?"), not facts.medical_toxic_drug,
                T("Not a medical toxic drug.") if not facts.medical_toxic_drug
                else T("A medical toxic drug cannot be a hospital preparation ({list_name}).", list_name=list_name),
                exclusions)
    if after and facts.narcotic_psychotropic_or_radioactive:
        finding.add("not_controlled", T("Is it not a narcotic, psychotropic or radioactive drug?"), False,
                    T("Decree No. 828 Art. 57 does not name narcotic, psychotropic or radioactive drugs; SFDA Order "
                    "No. 20, NMPA's registration rule, still excludes them."),
                    DATA["controlled_after_decree828"])
    else:
        finding.add("not_controlled", T("Is it not a narcotic, psychotropic or radioactive drug?"),
                    not facts.narcotic_psychotropic_or_radioactive,
                    T("Not a narcotic, psychotropic or radioactive drug.") if not facts.narcotic_psychotropic_or_radioactive
                    else T("A narcotic, psychotropic or radioactive drug cannot be a hospital preparation "
                         "(the 2005 registration measures)."),
                    exclusions)
    if after:
        limits = (T("Needs a preparation licence (Art. 54) and a registration certificate from the provincial "
                  "regulator, valid 3 years (Art. 55; filing instead of registration is only for TCM preparations "
                  "made by traditional processes); used only inside the institution on a physician's prescription, "
                  "never sold and never advertised; transfers to other designated institutions need the provincial "
                  "regulator's approval, or NMPA's across provinces (Art. 59)."))
    else:
        limits = (T("Needs a preparation licence and provincial approval with a preparation approval number "
                  "(Regulations Art. 23); used only inside the institution on a physician's prescription, never "
                  "sold and never advertised; transfers to other designated institutions need approval "
                  "(Regulations Art. 24)."))
    finding.add("preparation_limits", T("What does a hospital preparation need, and how may it be used?"), None,
                limits, on("preparation_rules", as_of))


def _explain_approved_product(finding: Finding, facts: Facts, as_of: date) -> None:
    if not facts.off_label:
        finding.add("on_label", T("Is it used as on the label?"), True, T("Approved in China and used on label."),
                    DATA["marketing_authorization"])
        return
    off_label = DATA["off_label_use"]
    start = off_label["from"].isoformat()
    finding.add("off_label_law", T("Was there a legal basis for off-label use on {as_of}?", as_of=as_of.isoformat()),
                facts.off_label_law_in_force,
                T("Art. 29 of the Physicians Law, in force from {start}, allows off-label use under conditions.", start=start)
                if facts.off_label_law_in_force
                else T("No statutory basis for off-label use before {start}, when the Physicians Law came into force.",
                       start=start),
                off_label)
    finding.add("off_label_conditions", T("Are the off-label conditions met?"), facts.off_label_conditions_met,
                T("Evidence-based, no effective or better option, explicit informed consent.") if facts.off_label_conditions_met
                else T("Off-label use needs evidence-based support, no effective or better option, and the "
                     "patient's explicit informed consent."),
                off_label)


def _explain_special_access(finding: Finding, facts: Facts, as_of: date) -> None:
    if facts.in_boao:
        finding.add("boao_route", T("What allows the Boao Lecheng route?"), True,
                    T("The Hainan government approves a zone institution's small imports of clinically urgent drugs "
                      "(vaccines excluded) for use in designated institutions{basis}",
                      basis=T(".") if not facts.decree828_in_force else
                      T(". From 2026-05-15 this rests on Art. 65 of the Drug Administration Law and Art. 47 of Decree "
                        "No. 828; the 2018 decision adjusted an article of the old Regulations.")),
                    on("boao_special_access", as_of))
        finding.add("boao_marketed_abroad", T("Which drugs do Hainan's rules admit?"), None,
                    T("Drugs marketed abroad and not marketed in China."), DATA["boao_hainan_rules"])
    elif facts.in_gba:
        _explain_gba(finding, facts, as_of)
    if facts.boao_applies:
        _check_urgent_need(finding, facts, on("boao_special_access", as_of))
        _check_small_quantity(finding, facts)
        return
    if facts.gba_applies:
        _check_urgent_need(finding, facts, DATA["gba_workplan"])
        return
    _explain_national_route(finding, facts, as_of)


def _explain_gba(finding: Finding, facts: Facts, as_of: date) -> None:
    gba = DATA["gba_special_access"]
    finding.add("gba_route_in_force", T("Is the Greater Bay Area route open on {as_of}?", as_of=as_of.isoformat()),
                facts.gba_in_force,
                T("Open to designated institutions in the nine mainland cities.") if facts.gba_in_force
                else T("Not yet: the route opened in the nine mainland cities on {start}, under "
                       "Guangdong's interim provisions.", start=gba["from"].isoformat()), gba)
    if not facts.gba_in_force:
        finding.add("gba_trial", T("Was anything open before?"), None,
                    T("Only a trial at the University of Hong Kong-Shenzhen Hospital, from January 2021 to 2021-07-31; "
                    "this calculator does not model the trial."), DATA["gba_trial"])
    finding.add("marketed_in_hk_macau", T("Is it marketed in Hong Kong or Macau?"), facts.marketed_in_hk_macau,
                T("Marketed in Hong Kong or Macau.") if facts.marketed_in_hk_macau
                else T("The Greater Bay Area route covers only drugs marketed in Hong Kong or Macau."),
                DATA["gba_workplan"])
    regulation = DATA["gba_guangdong_regulation"]
    if facts.gba_applies and as_of >= regulation["from"]:
        finding.add("gba_review_time", T("How long does Guangdong take to review?"), None,
                    T("Under the Guangdong regulation: 10 working days for listed products, 20 otherwise."),
                    regulation)


def _explain_national_route(finding: Finding, facts: Facts, as_of: date) -> None:
    finding.add("national_route", T("What route does national law give a medical institution?"), None,
                T("A medical institution may import a small quantity of a drug for an urgent clinical need with "
                "NMPA's approval (or that of a province the State Council authorises); the drug is used in "
                "designated institutions for specific medical purposes."),
                DATA["urgent_import_law"])
    if facts.decree828_in_force:
        procedure = (T("NMPA decides on the institution's application after consulting the National Health "
                     "Commission (Decree No. 828 Art. 47)."))
    else:
        procedure = T("The institution applies to NMPA with its practice licence (Regulations Art. 36).")
    finding.add("national_procedure", T("Who decides, and how?"), None, procedure, on("urgent_import_regulation", as_of))
    plan = DATA["temporary_import_plan"]
    if as_of >= plan["from"]:
        finding.add("temporary_import_plan", T("What does the 2022 work plan add?"), None,
                    T("It covers drugs marketed abroad with no registered product or supply in China, for a rare "
                    "disease or a serious life-threatening disease with no effective treatment or where the drug "
                    "has a clear clinical advantage; NMPA decides within 3 working days of the Health Commission's "
                    "written opinion."), plan)
    _check_urgent_need(finding, facts, DATA["urgent_import_law"])
    _check_small_quantity(finding, facts)


def _check_urgent_need(finding: Finding, facts: Facts, basis: dict) -> None:
    finding.add("urgent_clinical_need", T("Is there an urgent clinical need?"), facts.urgent_clinical_need,
                T("There is an urgent clinical need.") if facts.urgent_clinical_need
                else T("Every special access route is only for an urgent clinical need; otherwise the product needs "
                     "registration."), basis)


def _check_small_quantity(finding: Finding, facts: Facts) -> None:
    finding.add("small_quantity", T("Is it a small quantity?"), facts.small_quantity,
                T("A small quantity.") if facts.small_quantity
                else T("Only small quantities may be imported this way; larger supply needs registration."),
                DATA["urgent_import_law"])
