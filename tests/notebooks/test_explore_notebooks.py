"""Every exploratory notebook runs on the embedded data, shows its findings and is committed without outputs."""

import subprocess
import sys

import nbformat
import papermill as pm
import pytest

from uhc_lib.config import NOTEBOOKS_DIR, PROJECT_ROOT

pytestmark = pytest.mark.notebook

EXPLORE = NOTEBOOKS_DIR / "explore"
# notebook -> (parameters, texts its outputs must show); registry_matching has its own test module
CASES = {
    "trends_projections": (
        {"period": "2025-12", "horizon": 12, "lang": "id"},
        ["memenuhi UHC Prioritas", "336 dari 514 kabupaten/kota", "Desember 2026"],
    ),
}


def _output_text(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            data = out.get("data", {})
            parts.append(data.get("text/markdown", "") + data.get("text/plain", ""))
    return "\n".join(parts)


@pytest.mark.parametrize("name", sorted(CASES))
def test_explore_notebook_runs(name, tmp_path):
    parameters, expected = CASES[name]
    out = tmp_path / f"{name}.ipynb"
    pm.execute_notebook(EXPLORE / f"{name}.ipynb", out, parameters=parameters, kernel_name="python3",
                        cwd=str(EXPLORE), progress_bar=False)  # fmt: skip
    nb = nbformat.read(out, as_version=4)
    text = _output_text(nb)
    for snippet in expected:
        assert snippet in text, snippet
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "charts are drawn"


def test_every_explore_notebook_is_tested():
    tested = set(CASES) | {"registry_matching"}
    assert {p.stem for p in EXPLORE.glob("*.ipynb")} <= tested


def test_committed_without_outputs_and_generator_is_a_no_op(tmp_path):
    subprocess.run([sys.executable, str(PROJECT_ROOT / "tools" / "make_explore_notebooks.py"), str(tmp_path)],
                   check=True, capture_output=True)  # fmt: skip
    generated = sorted(tmp_path.glob("*.ipynb"))
    assert [p.stem for p in generated] == sorted(CASES)
    for fresh in generated:
        committed = EXPLORE / fresh.name
        assert committed.read_bytes() == fresh.read_bytes(), f"{fresh.name}: rerun tools/make_explore_notebooks.py"
    for path in EXPLORE.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
        assert nb.cells[0].cell_type == "markdown" and "How to use" in nb.cells[0].source
