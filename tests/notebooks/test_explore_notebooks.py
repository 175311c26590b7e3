"""Every exploratory notebook runs on the embedded data, shows its findings and is committed without outputs."""

import subprocess
import sys

import nbformat
import papermill as pm
import pytest

from uhc_lib.common.config import NOTEBOOKS_DIR, PROJECT_ROOT

pytestmark = pytest.mark.notebook

EXPLORE = NOTEBOOKS_DIR / "explore"
# notebook -> (parameters, texts its outputs must show); registry_matching has its own test module
CASES = {
    "trends_projections": (
        {"period": "2025-12", "horizon": 12, "lang": "id"},
        ["memenuhi UHC Prioritas", "380 dari 514 kabupaten/kota", "Desember 2026"],
    ),
    "budget_scenarios": (
        {"region_code": "32.03", "period": "2024-12", "lang": "id"},
        [
            "52.298 jiwa × Rp42.000 × 12 bulan = Rp26.358.192.000 per tahun",
            "biaya Pemda menjadi Rp139,3 miliar per tahun",
            "yang tercepat, pada Desember 2025",
            "317 dari 514 kabupaten/kota berada di bawah cakupan 98 persen",
            "Rp2,2 triliun per tahun",
        ],
    ),
    "national_overview": (
        {"period": "2025-12", "lang": "en"},
        [
            "364 met coverage of at least 98 percent and activity of at least 80 percent (2025 criteria)",
            "27 of 38 provinces meet both lines",
            "from Maluku Utara (74.42 percent) to Sulawesi Utara (86.35 percent)",
            "The widest range of activity within a province is in Jawa Timur: 36.99 percentage points",
        ],
    ),
    "province_deep_dive": (
        {"province_code": "32", "period": "2025-12", "lang": "en"},
        [
            "20 of 27 kab/kota in Jawa Barat meet UHC Prioritas",
            "the highest is Kabupaten Ciamis (86.45 percent) and the lowest Kabupaten Garut (74.98 percent)",
            "175,169 people must enrol and 410,059 people more must be active",
        ],
    ),
}
# further runs of a notebook with other parameters: (notebook, parameters, texts)
MORE_CASES = [
    (
        "province_deep_dive",
        {"province_code": "17", "period": "2025-12", "lang": "id"},
        [
            "6 dari 10 kabupaten/kota di Bengkulu memenuhi UHC Prioritas",
            "tertinggi Kabupaten Mukomuko (87,31 persen) dan terendah Kabupaten Bengkulu Tengah (77,37 persen)",
            "kekurangan peserta aktif terbesar di Kota Bengkulu (8.934 jiwa)",
        ],
    ),
]
RUNS = [(name, *CASES[name]) for name in sorted(CASES)] + MORE_CASES


def _output_text(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            data = out.get("data", {})
            parts.append(data.get("text/markdown", "") + data.get("text/plain", ""))
    return "\n".join(parts)


@pytest.mark.parametrize(("name", "parameters", "expected"), RUNS, ids=[f"{r[0]}-{i}" for i, r in enumerate(RUNS)])
def test_explore_notebook_runs(name, parameters, expected, tmp_path):
    out = tmp_path / f"{name}.ipynb"
    pm.execute_notebook(EXPLORE / f"{name}.ipynb", out, parameters=parameters, kernel_name="python3",
                        cwd=str(EXPLORE), progress_bar=False)  # fmt: skip
    nb = nbformat.read(out, as_version=4)
    text = _output_text(nb)
    for snippet in expected:
        assert snippet in text, snippet
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "charts are drawn"
    # the report is written in its language and its tables are formatted, not pandas dumps
    lang = parameters["lang"]
    assert ("**Pertanyaan.**" if lang == "id" else "**Question.**") in text
    assert ("## Temuan" if lang == "id" else "## Findings") in text
    if lang == "id":
        assert "**Question.**" not in text and "## Findings" not in text and "## 1. " in text
    raw = [o for c in nb.cells for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    assert not raw, "no raw pandas table in the report"
    visible = [c for c in nb.cells if c.cell_type == "markdown" and "remove_cell" not in c.metadata.get("tags", [])]
    assert not visible, "every heading and paragraph of the report comes from uhc_lib in the report's language"


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
