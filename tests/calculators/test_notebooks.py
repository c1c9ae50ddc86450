"""Every calculator notebook, re-executed, matches the outputs stored in it.

pytest-notebook executes the notebook and diffs it against the stored one. Two things vary
from run to run and are set aside, nothing else:

- widget model ids, which are random: each is replaced by its place in display order, so
  the saved widget state itself (every control's value, the rendered result) is still
  compared;
- the execution timestamps nbclient writes into each cell's metadata.

After a deliberate change to a calculator, regenerate the stored outputs with
``.venv/bin/jupyter-execute --inplace book/calculators/*.ipynb`` and review the diff.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from pytest_notebook.diffing import diff_notebooks, diff_to_string, filter_diff
from pytest_notebook.execution import execute_notebook

CALCULATORS = Path(__file__).resolve().parents[2] / "book" / "calculators"
NOTEBOOKS = sorted(CALCULATORS.glob("*.ipynb"))
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MODEL_REFERENCE = re.compile(r"IPY_MODEL_(\w+)")
VOLATILE = (
    "/cells/*/metadata/execution",
    "/cells/*/outputs/*/traceback",
)


def widget_ids_in_display_order(notebook: nbformat.NotebookNode) -> list[str]:
    """Every saved widget model id, in an order that does not depend on the ids themselves.

    Starting from each displayed widget, cell by cell, every model is listed before the
    models it refers to, in the order its state names them. (The saved state is a mapping
    sorted by id, so its own order is random.)
    """
    state = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    order: list[str] = []

    def visit(model_id: str) -> None:
        if model_id in order or model_id not in state:
            return
        order.append(model_id)
        for referred in MODEL_REFERENCE.findall(json.dumps(state[model_id]["state"], sort_keys=True)):
            visit(referred)

    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view:
                visit(view["model_id"])
    unreachable = sorted(set(state) - set(order), key=lambda model_id: json.dumps(state[model_id], sort_keys=True))
    return order + unreachable


def with_stable_widget_ids(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook with each widget model id replaced by its place in display order."""
    text = json.dumps(notebook)
    for position, model_id in enumerate(widget_ids_in_display_order(notebook)):
        text = text.replace(model_id, f"widget-{position:03d}")
    return nbformat.from_dict(json.loads(text))


def notebook_differences(path: Path) -> str:
    """The diff between the stored notebook and a fresh execution; empty when they match."""
    stored = nbformat.read(path, as_version=4)
    executed = execute_notebook(stored, cwd=str(path.parent), timeout=120)
    if executed.exec_error:
        raise executed.exec_error
    before, after = with_stable_widget_ids(stored), with_stable_widget_ids(executed.notebook)
    differences = filter_diff(diff_notebooks(before, after), set(VOLATILE))
    return diff_to_string(before, differences, use_color=False) if differences else ""


def test_there_is_a_notebook_per_calculator():
    assert [path.stem for path in NOTEBOOKS] == [
        "hormone-pathway",
        "pre-approval-import",
        "review-clock",
        "segmented-pilot",
        "stem-cell-pathway",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_reproduces_its_stored_outputs(path):
    differences = notebook_differences(path)
    assert not differences, f"{path.name} no longer matches its stored outputs:\n{differences}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_carries_outputs_and_widget_state(path):
    notebook = nbformat.read(path, as_version=4)
    assert notebook.metadata.kernelspec.name == "python3"
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code_cells and all(cell.outputs for cell in code_cells), "execute the notebook before committing it"
    assert notebook.metadata["widgets"][WIDGET_STATE]["state"], "the static site renders controls from this state"


def test_a_changed_output_is_caught(tmp_path):
    original = CALCULATORS / "segmented-pilot.ipynb"
    tampered = tmp_path / original.name
    shutil.copy(original, tampered)
    notebook = nbformat.read(tampered, as_version=4)
    table = next(cell for cell in notebook.cells if cell.source.startswith("preset_table("))
    table.outputs[0].data["text/html"] = table.outputs[0].data["text/html"].replace(
        "Not eligible for the pilot", "Eligible for the pilot", 1
    )
    nbformat.write(notebook, tampered)

    assert "Not eligible for the pilot" in notebook_differences(tampered)


def test_a_changed_widget_value_is_caught(tmp_path):
    """Widget ids are set aside, the widgets' values are not."""
    original = CALCULATORS / "stem-cell-pathway.ipynb"
    tampered = tmp_path / original.name
    shutil.copy(original, tampered)
    notebook = nbformat.read(tampered, as_version=4)
    states = notebook.metadata["widgets"][WIDGET_STATE]["state"].values()
    result = next(model for model in states if "nmpa-result" in model["state"].get("_dom_classes", []))
    result["state"]["value"] = result["state"]["value"].replace("Drug registration", "Clinical research", 1)
    nbformat.write(notebook, tampered)

    assert "Clinical research" in notebook_differences(tampered)


MYST_MARKUP = re.compile(r"\{[\w:-]+\}`|^:::|^```\{", re.MULTILINE)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_text_cells_are_plain_markdown(notebook):
    """Voila, Binder and JupyterHub render the notebook's own Markdown: a MyST role such as a
    citation would show there as raw text."""
    cells = nbformat.read(notebook, as_version=4).cells
    markup = [m.group(0) for c in cells if c.cell_type == "markdown" for m in MYST_MARKUP.finditer(c.source)]
    assert markup == []
