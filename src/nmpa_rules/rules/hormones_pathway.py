"""The legal pathway for a personalized hormone protocol.

The pathway is an ordered table of rules, each with its exceptions spelt out. Every rule is
tried; exactly one must apply. None, or more than one, is a bug in the table and raises
RuleTableError rather than silently taking the first match.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from ..datafiles import WINDOW, cited_sources, fact, load_data_file
from ..errors import RuleTableError
from ..model import InputSpec, RuleInfo
from ..sources import SOURCE_IDS
from .common import Finding, check_in_force

DATA_FILE = "hormones_pathway.yaml"
_DATED = fact(**{"from": "date"})
DATA = load_data_file(
    DATA_FILE,
    {
        "in_force": WINDOW,
        "marketing_authorization": fact(),
        "hospital_preparation": fact(),
        "preparation_exclusions": fact(),
        "off_label_use": _DATED,
        "boao_special_access": _DATED,
        "gba_special_access": _DATED,
        "gba_guangdong_regulation": _DATED,
        "anti_doping_controls": fact(),
        "decree828_unchecked": _DATED,
    },
    SOURCE_IDS,
)

INFO = RuleInfo(
    id="hormones.pathway",
    title="Personalized hormone protocols: which legal pathway?",
    summary=(
        "Whether a hormone product can be used as an approved drug, off label, as a hospital "
        "preparation, through a special access zone, or only after registration."
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
        InputSpec("use", "choice", "Used as on the label?",
                  "Whether the use matches the approved label.",
                  choices=(("on_label", "On label"), ("off_label", "Off label"))),
        InputSpec("off_label_conditions_met", "bool", "Are the off-label conditions met?",
                  "Evidence-based use, no effective or better option, and the patient's explicit informed consent."),
        InputSpec("same_product_on_market", "bool", "Is the same product already on the market?",
                  "A hospital preparation is allowed only for varieties not available on the market."),
        InputSpec("contains_biologic", "bool", "Does it contain a biological product?",
                  "Biological products (other than allergens) cannot be hospital preparations."),
        InputSpec("special_control_substance", "bool", "Is it a narcotic, psychotropic, toxic or radioactive drug?",
                  "These cannot be made as hospital preparations."),
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
                  "Both special access zones are for clinically urgent needs."),
    ),
    outcomes={
        "approved_use": "Use as approved",
        "off_label_prescription": "Off-label prescription by a physician",
        "hospital_preparation": "Medical-institution (hospital) preparation",
        "boao_special_access": "Special access in Boao Lecheng",
        "gba_special_access": "Special access in the Greater Bay Area",
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
    approved_in_china: bool
    approved_overseas_only: bool
    off_label: bool
    off_label_conditions_met: bool
    off_label_law_in_force: bool
    same_product_on_market: bool
    contains_biologic: bool
    special_control_substance: bool
    in_boao: bool
    boao_in_force: bool
    in_gba: bool
    gba_in_force: bool
    marketed_in_hk_macau: bool
    urgent_clinical_need: bool

    @property
    def may_be_hospital_preparation(self) -> bool:
        return self.approved_in_china and not (
            self.same_product_on_market or self.contains_biologic or self.special_control_substance
        )

    @property
    def boao_applies(self) -> bool:
        return self.in_boao and self.boao_in_force and self.urgent_clinical_need

    @property
    def gba_applies(self) -> bool:
        return self.in_gba and self.gba_in_force and self.marketed_in_hk_macau and self.urgent_clinical_need


@dataclass(frozen=True)
class PathwayRule:
    outcome: str
    text: str
    applies: Callable[[Facts], bool]
    basis: str
    """The key of the fact in the data file that the rule rests on."""


# In the order the issue gives them; each rule states its exceptions instead of relying on order.
PATHWAY_RULES: tuple[PathwayRule, ...] = (
    PathwayRule("hospital_preparation",
                "A compounded preparation with ingredients approved in China, not on the market, "
                "with no biologic and no special-control substance is a hospital preparation.",
                lambda f: f.compounded and f.may_be_hospital_preparation,
                "hospital_preparation"),
    PathwayRule("registration_required",
                "A compounded preparation that fails any hospital-preparation condition needs registration.",
                lambda f: f.compounded and not f.may_be_hospital_preparation,
                "preparation_exclusions"),
    PathwayRule("approved_use",
                "A commercial product approved in China, used on label, is an approved use.",
                lambda f: not f.compounded and f.approved_in_china and not f.off_label,
                "marketing_authorization"),
    PathwayRule("off_label_prescription",
                "A commercial product approved in China, used off label with the Physicians Law conditions "
                "met, may be prescribed off label.",
                lambda f: not f.compounded and f.approved_in_china and f.off_label
                and f.off_label_conditions_met and f.off_label_law_in_force,
                "off_label_use"),
    PathwayRule("registration_required",
                "Off-label use without the Physicians Law conditions (or before that law) needs registration "
                "of the new use.",
                lambda f: not f.compounded and f.approved_in_china and f.off_label
                and not (f.off_label_conditions_met and f.off_label_law_in_force),
                "marketing_authorization"),
    PathwayRule("boao_special_access",
                "A product approved only abroad, for an urgent clinical need in Boao Lecheng, may be imported "
                "through special access.",
                lambda f: not f.compounded and f.approved_overseas_only and f.boao_applies,
                "boao_special_access"),
    PathwayRule("gba_special_access",
                "A product approved only abroad and marketed in Hong Kong or Macau, for an urgent clinical need "
                "in a designated Greater Bay Area institution, may be used through special access.",
                lambda f: not f.compounded and f.approved_overseas_only and f.gba_applies,
                "gba_special_access"),
    PathwayRule("registration_required",
                "A product approved only abroad, outside both special access routes, needs registration.",
                lambda f: not f.compounded and f.approved_overseas_only and not (f.boao_applies or f.gba_applies),
                "marketing_authorization"),
    PathwayRule("registration_required",
                "A product not approved anywhere needs registration.",
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


def _on_or_after(as_of: date, key: str) -> bool:
    return as_of >= DATA[key]["from"]


def decide(as_of: date, given: dict[str, Any]) -> Finding:
    finding = check_in_force(DATA["in_force"], as_of, subject="the 2019 Drug Administration Law")
    if finding.outcome == "not_in_force":
        return finding
    facts = Facts(
        compounded=given["preparation"] == "compounded",
        approved_in_china=given["product_status"] == "approved_in_china",
        approved_overseas_only=given["product_status"] == "approved_overseas_only",
        off_label=given["use"] == "off_label",
        off_label_conditions_met=given["off_label_conditions_met"],
        off_label_law_in_force=_on_or_after(as_of, "off_label_use"),
        same_product_on_market=given["same_product_on_market"],
        contains_biologic=given["contains_biologic"],
        special_control_substance=given["special_control_substance"],
        in_boao=given["setting"] == "boao_lecheng",
        boao_in_force=_on_or_after(as_of, "boao_special_access"),
        in_gba=given["setting"] == "gba_designated",
        gba_in_force=_on_or_after(as_of, "gba_special_access"),
        marketed_in_hk_macau=given["marketed_in_hk_macau"],
        urgent_clinical_need=given["urgent_clinical_need"],
    )
    chosen = choose_pathway(facts, PATHWAY_RULES)
    finding.outcome = chosen.outcome
    if facts.compounded:
        _explain_hospital_preparation(finding, facts, as_of)
    elif facts.approved_in_china:
        _explain_approved_product(finding, facts, as_of)
    elif facts.approved_overseas_only:
        _explain_special_access(finding, facts, as_of)
    else:
        finding.add("product_status", "Is the product approved in China or abroad?", False,
                    "Not approved anywhere: it needs registration before it can be used.",
                    DATA["marketing_authorization"])
    if given["anabolic_or_peptide_hormone"]:
        finding.add("anti_doping_controls", "Anti-doping dispensing controls", None,
                    "An anabolic agent or a peptide hormone: retail pharmacies may not sell it (insulin is the "
                    "only exception); patients get it through a medical institution, on a licensed physician's "
                    "prescription; import needs a permit.",
                    DATA["anti_doping_controls"])
    finding.add("pathway", "Which rule of the pathway table applies?", None, chosen.text, DATA[chosen.basis])
    return finding


def _explain_hospital_preparation(finding: Finding, facts: Facts, as_of: date) -> None:
    rules = DATA["hospital_preparation"]
    exclusions = DATA["preparation_exclusions"]
    finding.add("ingredients_approved", "Are the active ingredients approved in China?", facts.approved_in_china,
                "The active ingredients are approved in China." if facts.approved_in_china
                else "An active ingredient not approved in China cannot be used in a hospital preparation.",
                exclusions)
    finding.add("not_on_market", "Is the same product not already on the market?", not facts.same_product_on_market,
                "No such product is on the market." if not facts.same_product_on_market
                else "The same product is on the market, so the hospital may not make it as a preparation.",
                rules)
    finding.add("no_biologic", "Does it contain no biological product?", not facts.contains_biologic,
                "Contains no biological product." if not facts.contains_biologic
                else "Contains a biological product, which cannot be a hospital preparation (allergens aside).",
                exclusions)
    finding.add("no_special_control", "Is it free of narcotic, psychotropic, toxic and radioactive drugs?",
                not facts.special_control_substance,
                "No special-control substance." if not facts.special_control_substance
                else "Contains a special-control substance, which cannot be a hospital preparation.",
                exclusions)
    finding.add("preparation_limits", "Limits on a hospital preparation", None,
                "Needs provincial approval and a preparation licence; used only within the institution on "
                "prescription; no market sale.", rules)
    unchecked = DATA["decree828_unchecked"]
    if as_of >= unchecked["from"]:
        finding.warn(unchecked["caveat"])


def _explain_approved_product(finding: Finding, facts: Facts, as_of: date) -> None:
    if not facts.off_label:
        finding.add("on_label", "Is it used as on the label?", True, "Approved in China and used on label.",
                    DATA["marketing_authorization"])
        return
    off_label = DATA["off_label_use"]
    finding.add("off_label_law", f"Was there a legal basis for off-label use on {as_of.isoformat()}?",
                facts.off_label_law_in_force,
                "The Physicians Law allows off-label use under conditions." if facts.off_label_law_in_force
                else f"No statutory basis for off-label use before {off_label['from'].isoformat()}.",
                off_label)
    finding.add("off_label_conditions", "Are the off-label conditions met?", facts.off_label_conditions_met,
                "Evidence-based, no effective or better option, explicit informed consent." if facts.off_label_conditions_met
                else "Off-label use needs evidence-based support, no effective or better option, and the "
                     "patient's explicit informed consent.",
                off_label)


def _explain_special_access(finding: Finding, facts: Facts, as_of: date) -> None:
    if facts.in_boao:
        boao = DATA["boao_special_access"]
        finding.add("boao_route_in_force", f"Is the Boao Lecheng route open on {as_of.isoformat()}?",
                    facts.boao_in_force,
                    "Boao Lecheng: Hainan may approve small imports of clinically urgent drugs marketed abroad "
                    "(vaccines excluded)." if facts.boao_in_force
                    else f"The Boao Lecheng route starts on {boao['from'].isoformat()}.", boao)
        _check_urgent_need(finding, facts, boao)
    elif facts.in_gba:
        gba = DATA["gba_special_access"]
        finding.add("gba_route_in_force", f"Is the Greater Bay Area route open on {as_of.isoformat()}?",
                    facts.gba_in_force,
                    "The Greater Bay Area route is open to designated institutions." if facts.gba_in_force
                    else f"The Greater Bay Area route starts on {gba['from'].isoformat()}.", gba)
        finding.add("marketed_in_hk_macau", "Is it marketed in Hong Kong or Macau?", facts.marketed_in_hk_macau,
                    "Marketed in Hong Kong or Macau." if facts.marketed_in_hk_macau
                    else "The Greater Bay Area route covers only drugs marketed in Hong Kong or Macau.", gba)
        _check_urgent_need(finding, facts, gba)
        regulation = DATA["gba_guangdong_regulation"]
        if as_of >= regulation["from"]:
            finding.add("gba_review_time", "How long does Guangdong take to review?", None,
                        "Under the Guangdong regulation: 10 working days for listed products, 20 otherwise.",
                        regulation)
    else:
        finding.add("special_access_setting", "Is it used in a special access zone?", False,
                    "An ordinary institution has no special access route: the product needs registration.",
                    DATA["marketing_authorization"])


def _check_urgent_need(finding: Finding, facts: Facts, route: dict) -> None:
    finding.add("urgent_clinical_need", "Is there an urgent clinical need?", facts.urgent_clinical_need,
                "There is an urgent clinical need." if facts.urgent_clinical_need
                else "The special access routes are only for an urgent clinical need.", route)
