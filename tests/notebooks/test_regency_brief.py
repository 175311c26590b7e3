"""The brief notebook executed through papermill in a temporary folder, exported to offline HTML."""

import json
import re
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest

from tests.reports.helpers import failing_notebook
from uhc_lib.common.config import BRIEF_NOTEBOOK, NOTEBOOKS_DIR
from uhc_lib.reports.batch import run_batch
from uhc_lib.reports.run import run_brief

pytestmark = pytest.mark.notebook


def _visible_text(html: str) -> str:
    text = re.sub(r"<style.*?</style>|<script.*?</script>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


def test_lebong_brief_html(tmp_path):
    result = run_brief("17.07", tmp_path, period="2024-07", keep_notebook=True)
    assert result.ok, result.error
    html = (tmp_path / "17.07.html").read_text(encoding="utf-8")
    text = _visible_text(html)
    assert "Kabupaten Lebong" in text
    assert "100,71 persen" in text and "75,41 persen" in text
    assert "25,3 persen penduduk (28.797 jiwa) terdaftar sebagai peserta tetapi tidak aktif" in text
    assert "Data ilustratif" in text
    # no code, no parameters, no purpose cell; charts embedded; nothing fetched from the network
    assert "figures_for" not in text and "region_code =" not in text and "How to use" not in text
    # trend, segments, province ranking, scenarios: inline SVG charts with their text as text, no PNG
    charts = re.findall(r"<svg\b[^>]*>.*?</svg>", html, flags=re.S)
    assert len(charts) == 4 and "<img" not in html
    assert all('role="img"' in c and "<text" in c for c in charts)
    assert "Cakupan dan keaktifan JKN, Kabupaten Lebong" in charts[0] and ">75,41<" in charts[0]
    assert "Posisi di antara kabupaten/kota di Bengkulu" in text
    assert "peringkat 8 dari 10 kabupaten/kota di Bengkulu untuk keaktifan (75,41 persen penduduk)" in text
    assert "sebanyak 5.225 peserta nonaktif perlu diaktifkan kembali" in text
    assert "Skenario tercepat adalah “Reaktivasi mandiri dan CSR”: UHC Prioritas tercapai pada Maret 2025" in text
    assert '<html lang="id"' in html
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"http", html)
    assert result.summary["coverage_pct"] == 100.71 and result.summary["status"] == "non_cut_off"
    executed = nbformat.read(tmp_path / "notebooks" / "17.07.ipynb", as_version=4)
    assert executed.metadata["papermill"]["parameters"]["period"] == "2024-07"


def test_cianjur_brief_english(tmp_path):
    result = run_brief("32.03", tmp_path, period="2024-12", lang="en")
    assert result.ok, result.error
    text = _visible_text((tmp_path / "32.03.html").read_text(encoding="utf-8"))
    assert "96 percent" in text and "68.7 percent" in text
    assert "52,298 people must be enrolled" in text and "295,477 people" in text
    # the budget and the scenarios to 98 / 80 (issue 5's question for Cianjur)
    assert "the regency must enrol 52,298 people as PBPU Pemda participants" in text
    assert "IDR 26.4 billion a year, and 243,179 inactive participants must become active again" in text
    assert "IDR 26,358,192,000" in text  # the exact figure in the budget table
    assert "Fastest scenario: “Combination”, reaching UHC Prioritas in December 2025" in text
    assert "ranks 27th of 27 regencies and cities in Jawa Barat for activity" in text
    assert "Illustrative data" in text


def test_failing_region_keeps_its_notebook(tmp_path):
    result = run_brief("99.99", tmp_path, period="2024-07")
    assert not result.ok
    assert "unknown kabupaten/kota code '99.99'" in result.error
    assert result.notebook.endswith("99.99.failed.ipynb")
    failed = nbformat.read(result.notebook, as_version=4)
    assert any(o.get("output_type") == "error" for c in failed.cells for o in c.get("outputs", []))
    assert not (tmp_path / "99.99.html").exists()


def test_batch_with_a_failure_writes_index(tmp_path):
    # a region in the data whose brief fails (every region is checked against the data before a kernel starts)
    notebook = failing_notebook(tmp_path / "nb", "32.03")
    with ThreadPoolExecutor(max_workers=2) as pool:
        report = run_batch(
            ["17.07", "32.03"], period="2024-07", reports_dir=tmp_path, executor=pool, progress=False, notebook=notebook
        )
    assert [r.region_code for r in report.failed] == ["32.03"]
    index = report.index.read_text(encoding="utf-8")
    assert 'href="17.07.html"' in index and "Kabupaten Lebong" in index
    assert "32.03" in index and "notebooks/32.03.failed.ipynb" in index
    assert "100,71" in index and "75,41" in index
    records = json.loads((report.out_dir / "batch.json").read_text())
    assert {r["region_code"]: r["ok"] for r in records} == {"17.07": True, "32.03": False}
    assert (tmp_path / "index.html").read_text().count("2024-07/id/index.html") == 1
    assert not list(tmp_path.rglob("*.tmp"))


def test_notebooks_are_committed_without_outputs():
    for path in NOTEBOOKS_DIR.rglob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, path


def test_brief_has_a_parameters_cell():
    nb = nbformat.read(BRIEF_NOTEBOOK, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for name in ("region_code", "period", "criteria_year", "lang", "data_path"):
        assert f"{name} = " in tagged[0].source


def test_brief_images_have_their_chart_titles_as_alt_text(tmp_path):
    result = run_brief("32.03", tmp_path, period="2024-12")
    assert result.ok, result.error
    html = (tmp_path / "32.03.html").read_text(encoding="utf-8")
    alts = re.findall(r'<svg[^>]*\baria-label="([^"]*)"', html)
    assert re.findall(r"<svg[^>]*>\s*<title>([^<]*)</title>", html) == alts
    assert alts == [
        "Cakupan dan keaktifan JKN, Kabupaten Cianjur",
        "Peserta menurut segmen, Desember 2024",
        "Kabupaten/kota di Jawa Barat menurut keaktifan, Desember 2024",
        "Skenario menuju UHC Prioritas, Kabupaten Cianjur",
    ]
