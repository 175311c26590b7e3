"""A batch with --format html,xlsx: the workbook's rows agree with each brief's own record (.brief.json)."""

import datetime as dt
import json

import openpyxl
import pytest

from tests.reports.helpers import brief_pages
from uhc_lib.reports.batch import run_batch

pytestmark = pytest.mark.notebook


def test_the_workbook_agrees_with_the_briefs_of_a_province(tmp_path):
    report = run_batch(province="17", period="2024-07", reports_dir=tmp_path, jobs=2, progress=False,
                       formats=("html", "xlsx"))  # fmt: skip
    out = report.out_dir
    assert not report.failed and len(brief_pages(out)) == 10
    assert report.workbook == out / "rekap_2024-07.xlsx" and report.changes == out / "changes.html"
    ws = openpyxl.load_workbook(report.workbook)["Wilayah"]
    header = [c.value for c in ws[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert sorted(rows) == [p.stem for p in brief_pages(out)]
    for code, row in rows.items():
        s = json.loads((out / "notebooks" / f"{code}.brief.json").read_text(encoding="utf-8"))["summary"]
        assert row["Kabupaten/kota"] == s["region_name"] and row["Provinsi"] == s["province_name"]
        assert round(row["Cakupan (%)"], 2) == s["coverage_pct"] and round(row["Keaktifan (%)"], 2) == s["activity_pct"]
        assert row["Status (kriteria 2024)"] == s["status_label_id"].split(" (")[0]
        if s["status_since"]:
            year, month = map(int, s["status_since"].split("-"))
            assert row["Status sejak"] == dt.datetime(year, month, 1)
    lebong = (out / "17.07.html").read_text(encoding="utf-8")
    assert "100,71" in lebong and "75,41" in lebong and round(rows["17.07"]["Cakupan (%)"], 2) == 100.71
    budget = rows["17.07"]["Anggaran Pemda kab/kota per tahun (Rp)"]
    assert budget == 2_375_352_000 and "Rp2.375.352.000" in lebong  # the brief's budget table, exact
    assert rows["17.07"]["Skenario tercepat"] == "Reaktivasi mandiri dan CSR"
    assert rows["17.07"]["Target tercapai (bulan)"] == dt.datetime(2025, 3, 1)
    assert "Skenario tercepat adalah “Reaktivasi mandiri dan CSR”: UHC Prioritas tercapai pada Maret 2025" in lebong
    index = report.index.read_text(encoding="utf-8")
    assert 'href="changes.html"' in index and 'href="rekap_2024-07.xlsx"' in index
