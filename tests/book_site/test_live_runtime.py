"""The website's Python runtime as the build vendored it, run under Node (no browser needed).

scripts/compile-in-pyodide.mjs byte-compiles the wheels and the standard-library modules the
calculators import, since Pyodide ships its standard library as source and compiling it at
every start was most of a reader's wait. These tests start that very runtime from the built
site's files and check that nothing is compiled from source on the way to an answer, and that
the answers are the ones the rules give outside the browser.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from nmpa_rules import browser_form
from nmpa_rules.presentation.presets import presets
from nmpa_rules.rules import RULE_MODULES
from nmpa_rules.translation import LANGUAGES

REPO = Path(__file__).resolve().parents[2]
LIVE = Path("_static") / "vendor" / "live"

# Starts the site's Pyodide with the site's wheels, answers each rule's worked examples in each
# language and prints, as JSON, the answers and the modules that were compiled from source.
RUN_THE_SITE_RUNTIME = r"""
const [live, cases] = process.argv.slice(1);
const fs = require("node:fs");
const { loadPyodide } = require(live + "/pyodide/pyodide.js");
(async () => {
  const pyodide = await loadPyodide({ indexURL: live + "/pyodide/", stdout: () => {}, stderr: () => {} });
  const manifest = JSON.parse(fs.readFileSync(live + "/manifest.json", "utf8"));
  for (const wheel of manifest.wheels) {
    pyodide.unpackArchive(new Uint8Array(fs.readFileSync(live + "/wheels/" + wheel.split("?")[0])), "wheel");
  }
  pyodide.globals.set("cases", cases);
  console.log(pyodide.runPython(`
import json, sys
import nmpa_rules.browser_form as form

answers = [form.decide_json(rule, values, language) for rule, values, language in json.loads(cases)]
origins = [getattr(module.__spec__, "origin", None) or "" for module in list(sys.modules.values()) if getattr(module, "__spec__", None)]
json.dumps({"answers": answers, "from_source": sorted(origin for origin in origins if origin.endswith(".py"))})
`));
})().catch((error) => { console.error(error); process.exit(1); });
"""


def _run_site_runtime(html: Path, cases: list[tuple[str, str, str]]) -> dict:
    completed = subprocess.run(
        ["node", "-e", RUN_THE_SITE_RUNTIME, str(html / LIVE), json.dumps(cases)],
        capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _worked_examples() -> list[tuple[str, str, str]]:
    cases = []
    for rule in RULE_MODULES:
        for language in LANGUAGES:
            spec = json.loads(browser_form.form_json(rule, language))
            cases += [(rule, json.dumps(example["values"]), language) for example in spec["examples"]]
    return cases


def test_the_site_runtime_answers_as_the_rules_do_and_compiles_nothing_from_source(built_site):
    cases = _worked_examples()
    assert len(cases) >= 2 * sum(len(presets(rule)) for rule in RULE_MODULES) > 0
    ran = _run_site_runtime(built_site, cases)
    assert ran["from_source"] == [], "modules compiled from source at the reader's every start: " + ", ".join(ran["from_source"])
    differ = [(rule, language) for (rule, values, language), answer in zip(cases, ran["answers"])
              if answer != browser_form.decide_json(rule, values, language)]
    assert not differ, f"the browser's answers differ from the rules' for {differ}"


def test_the_readme_states_the_sizes_the_button_states(built_site):
    manifest = json.loads((built_site / LIVE / "manifest.json").read_text())
    stated = re.search(r"downloads (\d+\.\d) MB compressed, (\d+\.\d) MB uncompressed, once", (REPO / "README.md").read_text())
    assert stated, "the README no longer quotes the calculator button's download sizes"
    assert stated.groups() == (f"{manifest['gzip_bytes'] / 1e6:.1f}", f"{manifest['bytes'] / 1e6:.1f}")
