"""Print timing figures for nmpa_rules (not a test). Run: python benchmarks/bench_rules.py

Targets: one decision < 1 ms (median); `python -m nmpa_rules test tests/scenarios` < 2 s
wall; `import nmpa_rules` in a fresh interpreter < 200 ms (median).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASES = {
    "biologics.segmented_pilot": ("2025-06-01", dict(
        product_class="innovative_biologic", modality="insulin", province_in_pilot=True,
        unified_quality_system=True, cmo_commercial_biologics_years=3, applied_on="2025-03-03")),
    "imports.pre_approval_batches": ("2025-12-01", dict(
        marketed_overseas=True, category="new_drug", china_approval_date="2025-11-03",
        manufactured_on="2025-06-01", commercial_scale=True, gmp_evidence="inspection_notice")),
    "stem_cells.pathway": ("2026-06-01", dict(purpose="clinical_research", institution_filed=True)),
    "hormones.pathway": ("2026-06-01", dict(
        product_status="approved_in_china", preparation="compounded", use="on_label",
        off_label_conditions_met=False, same_product_on_market=False, contains_biologic=False,
        special_control_substance=False, anabolic_agent=True, setting="ordinary",
        marketed_in_hk_macau=False, urgent_clinical_need=False)),
    "timelines.review_clock": ("2025-07-01", dict(procedure="nda_standard", started_on="2025-07-01")),
}


def _median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_decisions() -> None:
    from nmpa_rules import evaluate

    print("One decision (median of 2000, after a warm-up call):")
    for rule_id, (as_of, inputs) in CASES.items():
        evaluate(rule_id, as_of, **inputs)  # loads the holiday calendar once
        median = _median_seconds(lambda: evaluate(rule_id, as_of, **inputs), 2000)
        print(f"  {rule_id:<30} {median * 1e6:8.1f} µs   (target < 1000 µs)")


def bench_scenario_run() -> None:
    command = [sys.executable, "-m", "nmpa_rules", "test", str(ROOT / "tests" / "scenarios")]
    median = _median_seconds(lambda: subprocess.run(command, capture_output=True, check=True), 5)
    print(f"`python -m nmpa_rules test tests/scenarios` wall time (median of 5): {median:.3f} s   (target < 2 s)")


def bench_import() -> None:
    import_once = lambda: subprocess.run([sys.executable, "-c", "import nmpa_rules"], check=True)  # noqa: E731
    bare = _median_seconds(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 7)
    median = _median_seconds(import_once, 7)
    print(
        f"`import nmpa_rules` in a fresh interpreter (median of 7): {median * 1e3:.0f} ms, "
        f"of which interpreter start-up {bare * 1e3:.0f} ms   (target < 200 ms)"
    )


if __name__ == "__main__":
    bench_decisions()
    bench_scenario_run()
    bench_import()
