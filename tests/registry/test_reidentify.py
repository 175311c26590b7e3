"""Worklists people can act on (issue 15): worklist.xlsx (tokens, desa, decile, age band, premium, running cost) and
the separate, explicit re-identification step, on the hand-made Lebong case of tests/registry/helpers.py."""

import os
import re
import stat
import zipfile

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.registry.helpers import KEY, build, extracts
from uhc_lib.cli import main
from uhc_lib.registry import workbooks
from uhc_lib.registry.pseudonym import tokenize
from uhc_lib.registry.reidentify import ReidentifyError, reidentify

WORKLIST_PERSONS = 555  # helpers.BLOCKS: alive residents with no JKN record


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reidentify")
    built = build(folder)
    workbooks.write_worklists(folder / "out", "id")
    return folder, built


def _expected_niks() -> list[str]:
    registry, participants = extracts()
    enrolled = set(participants["nik"])
    alive = registry[(registry["status_penduduk"] == "hidup") & (registry["nik"].str.len() == 16)]
    return sorted(set(alive["nik"]) - enrolled)


def _texts(path) -> str:
    """Everything a file holds as text (the XML of an .xlsx)."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pandas().to_csv()
    return path.read_text(encoding="utf-8", errors="replace")


def test_worklist_workbook_is_ready_to_work_in(case):
    folder, _ = case
    wb = openpyxl.load_workbook(folder / "out" / "worklist.xlsx")
    assert wb.sheetnames == ["Daftar kerja", "Reaktivasi", "Catatan"]
    ws = wb["Daftar kerja"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:L{WORKLIST_PERSONS + 1}"
    header = [c.value for c in ws[1]]
    assert header == [
        "Prioritas", "Token orang", "Token KK", "Kecamatan", "Kode desa", "Desa/kelurahan", "Desil",
        "Desil keluarga", "Jenis kelamin", "Kelompok umur", "Iuran PBPU Pemda setahun", "Iuran kumulatif setahun",
    ]  # fmt: skip
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    parquet = pq.read_table(folder / "out" / "worklist.parquet").to_pandas()
    assert len(rows) == WORKLIST_PERSONS == len(parquet)
    assert [r[1] for r in rows] == parquet["person"].tolist()
    assert rows[0][0] == 1 and rows[-1][11] == WORKLIST_PERSONS * 504_000  # running cost ends at the total
    assert {r[3] for r in rows} == {"Lebong Utara", "Lebong Atas"} and rows[0][9].endswith(" tahun")
    cost = ws.cell(row=2, column=11)
    assert cost.number_format == '"Rp"#,##0' and cost.value == 504_000
    assert ws.cell(row=2, column=2).number_format == "@"  # tokens and codes are text
    assert wb["Reaktivasi"].max_row == 1 + 40
    notes = {r[0]: r[1] for r in wb["Catatan"].iter_rows(values_only=True)}
    assert notes["Baris daftar kerja"] == WORKLIST_PERSONS and "uhc match reidentify" in notes["Nama dan NIK"]


def test_reidentified_rows_are_exactly_the_worklists(case, tmp_path):
    folder, built = case
    done = reidentify(folder / "out", folder / "registrasi.csv", tmp_path / "rahasia", KEY, reports_dir=folder / "r")
    assert done.rows == WORKLIST_PERSONS
    assert stat.S_IMODE(os.stat(done.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(done.path.parent).st_mode) == 0o700
    wb = openpyxl.load_workbook(done.path)
    for ws in wb:  # the banner on every sheet
        assert ws["A1"].value == "RAHASIA — data pribadi"
    ws = wb["Daftar kerja"]
    assert ws.freeze_panes == "A4"
    assert [c.value for c in ws[3]][:4] == ["Prioritas", "NIK", "Nomor KK", "Nama"]
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    niks = [r[1] for r in rows]
    assert sorted(niks) == _expected_niks() and len(set(niks)) == WORKLIST_PERSONS
    worklist = pq.read_table(folder / "out" / "worklist.parquet").to_pandas()
    assert tokenize(pd.Series(niks), KEY).tolist() == worklist["person"].tolist()  # same rows, same order
    assert all(isinstance(n, str) and len(n) == 16 for n in niks)  # NIK and KK kept as text
    assert all(r[3].startswith("Warga Contoh") for r in rows) and all(r[2] in built.kks for r in rows)


def test_reidentify_refuses_another_key_reports_and_another_extract(case, tmp_path):
    folder, _ = case
    registry = folder / "registrasi.csv"
    with pytest.raises(ReidentifyError, match="not the one this worklist was made with"):
        reidentify(folder / "out", registry, tmp_path / "x", KEY[::-1], reports_dir=folder / "r")
    # the reports folder (--reports, default ./reports), or any folder inside a folder named reports
    for inside in (folder / "r" / "rahasia", tmp_path / "reports" / "x"):
        with pytest.raises(ReidentifyError, match="inside a reports folder"):
            reidentify(folder / "out", registry, inside, KEY, reports_dir=folder / "r")
    partial = tmp_path / "partial.csv"
    pd.read_csv(registry, dtype=str).iloc[:300].to_csv(partial, index=False)
    with pytest.raises(ReidentifyError, match=r"of the worklist's 555 persons are not in this registry extract"):
        reidentify(folder / "out", partial, tmp_path / "y", KEY, reports_dir=folder / "r")
    assert not list(tmp_path.rglob("*.xlsx"))


def test_reidentify_command(case, tmp_path, monkeypatch, capsys):
    folder, built = case
    args = ["match", "reidentify", "--worklist", str(folder / "out" / "worklist.parquet"),
            "--registry", str(folder / "registrasi.csv"), "--reports", str(folder / "r")]  # fmt: skip
    monkeypatch.delenv("UHC_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("UHC_PSEUDONYM_KEY_FILE", raising=False)
    assert main([*args, "--out", str(tmp_path / "a")]) == 2
    assert "no pseudonymisation key" in capsys.readouterr().err and not (tmp_path / "a").exists()
    monkeypatch.setenv("UHC_PSEUDONYM_KEY", "a-different-key-0123456789")
    assert main([*args, "--out", str(tmp_path / "b")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("uhc match: the key is not the one") and "Error" not in err
    monkeypatch.setenv("UHC_PSEUDONYM_KEY", KEY.decode())
    assert main([*args, "--out", str(folder / "r" / "x")]) == 2
    assert "inside a reports folder" in capsys.readouterr().err
    assert main([*args, "--out", str(tmp_path / "c"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "17.07_2024-07_worklist_CONFIDENTIAL.xlsx (555 rows" in out
    assert not set(re.findall(r"\d{16}", out)) & built.niks  # nothing personal printed


def test_no_raw_identifier_in_any_other_output(case):
    folder, built = case
    outputs = [p for p in (folder / "out").rglob("*") if p.is_file()]
    assert {p.name for p in outputs} >= {"worklist.parquet", "reactivation.parquet", "worklist.xlsx", "match.json"}
    for path in outputs:
        text = _texts(path)
        assert not set(re.findall(r"\d{13,16}", text)) & (built.niks | built.kks | built.cards), path.name
        assert not [n for n in built.names if n in text], path.name


@pytest.mark.parametrize(("lang", "words"), [("id", "hasil simulasi proyek"), ("en", "simulated by the project")])
def test_synthetic_worklist_says_so_in_plain_words(case, tmp_path, lang, words):
    import shutil

    folder, _ = case
    shutil.copytree(folder / "out", tmp_path / "out")
    workbooks.write_worklists(tmp_path / "out", lang, synthetic=True)
    sheet = openpyxl.load_workbook(tmp_path / "out" / "worklist.xlsx").worksheets[-1]
    notes = {r[0]: r[1] for r in sheet.iter_rows(values_only=True)}
    note = notes["DATA SINTETIS" if lang == "id" else "SYNTHETIC DATA"]
    assert words in note and "dibangkit" not in note and "generated" not in note
