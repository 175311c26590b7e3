"""The registry-matching notebook executed through papermill on a small synthetic Lebong extract: its figures agree
with an independent pandas count of the raw extracts, and no NIK, KK, card number or name reaches any output."""

import json
import re

import nbformat
import pandas as pd
import papermill as pm
import pyarrow.parquet as pq
import pytest

from uhc_lib.common import fmt
from uhc_lib.common.config import NOTEBOOKS_DIR
from uhc_lib.registry import generate_extracts
from uhc_lib.registry.nik import problems

pytestmark = pytest.mark.notebook

NOTEBOOK = NOTEBOOKS_DIR / "explore" / "registry_matching.ipynb"
KEY = "notebook-test-key-0123456789"


def _run(tmp_path, **parameters):
    out = tmp_path / "executed.ipynb"
    pm.execute_notebook(
        str(NOTEBOOK), str(out), parameters=parameters, kernel_name="python3", cwd=str(tmp_path), progress_bar=False
    )
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    summary = next(o["data"]["application/json"] for o in outputs if "application/json" in o.get("data", {}))
    markdown = "\n".join(o["data"]["text/markdown"] for o in outputs if "text/markdown" in o.get("data", {}))
    images = sum("image/png" in o.get("data", {}) for o in outputs)
    return out, summary, markdown, images


def _valid(niks: pd.Series):
    return problems(niks).is_null().to_numpy(zero_copy_only=False)


def _texts(folder):
    """Every file under ``folder`` as text (Parquet decoded to its values)."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix == ".parquet":
            yield path, pq.read_table(path).to_pandas().astype(str).to_csv(index=False)
        else:
            yield path, path.read_text(encoding="utf-8", errors="replace")


def test_synthetic_lebong_notebook(tmp_path, monkeypatch):
    monkeypatch.setenv("UHC_PSEUDONYM_KEY", KEY)
    raw = generate_extracts("17.07", 3000, tmp_path / "raw", seed=7)
    out_dir = tmp_path / "out"
    executed, summary, markdown, images = _run(
        tmp_path,
        registry_path=str(raw.registry),
        participants_path=str(raw.participants),
        out_dir=str(out_dir),
        budget_rp=100_000_000,
    )

    # independent count of the raw extracts with pandas
    reg = pd.read_parquet(raw.registry)
    par = pd.read_parquet(raw.participants)
    reg = reg[_valid(reg["nik"])].drop_duplicates("nik")
    alive = reg[reg["status_penduduk"] == "hidup"]
    valid_par = par[_valid(par["nik"])]
    persons = valid_par.drop_duplicates("nik")["nik"]
    state = reg.set_index("nik")["status_penduduk"]
    found = persons[persons.isin(state.index)]
    assert summary["participants"] == len(par) == raw.counts["participants"]
    assert summary["active_records"] == int((par["status"] == "aktif").sum()) == raw.counts["active"]
    assert summary["residents"] == len(alive)
    assert summary["not_enrolled"] == int((~alive["nik"].isin(persons)).sum())
    assert summary["deceased"] == int((state[found] == "meninggal").sum())
    assert summary["moved"] == int((state[found] == "pindah").sum())
    assert summary["duplicate"] == len(valid_par) - len(persons)
    assert summary["not_in_registry"] == int((~persons.isin(state.index)).sum())
    assert summary["participants_minus_residents"] == len(par) - len(alive)
    assert summary["coverage_pct"] == round(100 * len(par) / len(alive), 2)
    assert summary["synthetic"] is False

    # the story is told with those figures, tables are suppressed, a chart is drawn
    assert f"cakupan {fmt.percent(summary['coverage_pct'])}" in markdown
    assert f"{fmt.number(summary['participants'])} catatan untuk {fmt.number(summary['residents'])}" in markdown
    assert "Lebong Utara (17.07.01)" in markdown and "disembunyikan" in markdown
    assert "Anggaran Rp100.000.000 setahun" in markdown
    assert images == 1
    worklist = pd.read_parquet(out_dir / "worklist.parquet")
    assert len(worklist) == summary["not_enrolled"] == summary["worklist_persons"]
    assert worklist["cumulative_cost"].iloc[-1] == summary["worklist_cost"]

    # no raw identifier anywhere in the outputs
    ids = set(reg["nik"]) | set(pd.read_parquet(raw.registry)["no_kk"]) | set(par["nik"]) | set(par["nomor_kartu"])
    ids = {str(i) for i in ids if isinstance(i, str) and len(re.sub(r"\D", "", i)) >= 8}
    names = set(pd.read_parquet(raw.registry)["nama"]) | set(par["nama"])
    lengths = {len(i) for i in ids}
    files = list(_texts(out_dir)) + [(executed, executed.read_text(encoding="utf-8"))]
    assert {p.name for p, _ in files} >= {"worklist.parquet", "reactivation.parquet", "executed.ipynb"}
    for path, content in files:
        runs = re.findall(r"\d{8,}", content)
        leaked = {r[i : i + n] for r in runs for n in lengths for i in range(len(r) - n + 1)} & ids
        assert not leaked, f"{path.name} contains {len(leaked)} raw identifiers"
        assert not [n for n in names if n in content], f"{path.name} contains a name"


def test_demo_in_english(tmp_path, monkeypatch):
    monkeypatch.delenv("UHC_PSEUDONYM_KEY", raising=False)
    _, summary, markdown, images = _run(tmp_path, demo_residents=1500, lang="en", out_dir=str(tmp_path / "out"))
    assert summary["synthetic"] is True
    assert "SYNTHETIC DATA (illustrative)" in markdown
    assert f"coverage of {fmt.percent(summary['coverage_pct'], 'en')}" in markdown
    assert images == 1
    assert not list(tmp_path.rglob("*.csv"))  # the raw demo extracts were removed


def test_notebook_is_committed_clean():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for line in tagged[0].source.splitlines():
        comment = line.split("#", 1)[1] if "#" in line else ""
        assert "=" not in comment and ";" not in comment, line
    assert json.dumps([c["id"] for c in nb.cells]) == json.dumps([f"registry-{i:02d}" for i in range(len(nb.cells))])
