"""The rules, one small module each, in the order list_rules() gives them."""

from . import (
    biologics_segmented_pilot,
    hormones_pathway,
    imports_pre_approval_batches,
    production_segmented_contract,
    stem_cells_pathway,
    timelines_review_clock,
)

RULE_MODULES = {
    module.INFO.id: module
    for module in (
        biologics_segmented_pilot,
        imports_pre_approval_batches,
        stem_cells_pathway,
        hormones_pathway,
        timelines_review_clock,
        production_segmented_contract,
    )
}
