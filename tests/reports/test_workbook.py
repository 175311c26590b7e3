"""The recap workbook read back with openpyxl: sheets in both languages, the briefs' figures, text codes, number
formats, frozen header, filters, no formulas, the source and illustrative note, atomic writing."""

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from uhc_lib import api
from uhc_lib.cli import main
from uhc_lib.reports import workbook
from uhc_lib.reports.workbook import write_workbook

IMPORT_EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "import"  # not the cwd: other tests move it

CODES = ["11.10", "17.07", "32.03"]


_COMPUTED: dict[tuple, tuple] = {}


def write(tmp_path, period, lang, codes=CODES, data_path=None):
    key = (period, lang, tuple(codes), data_path)
    if key not in _COMPUTED:  # the figures once per module; every test writes its own workbook
        _COMPUTED[key] = (api.recap_for(codes, period, lang=lang, data_path=data_path),
                          api.changes_for(codes, period, data_path=data_path))  # fmt: skip
    r, c = _COMPUTED[key]
    source = None if data_path is None else data_path.name
    path = write_workbook(tmp_path, r, c, api.rules_used(r.criteria_year, period), lang, source,
                          api.is_illustrative(data_path))  # fmt: skip
    return path, openpyxl.load_workbook(path)


def rows(ws):
    header = [c.value for c in ws[1]]
    return header, {r[0].value: dict(zip(header, [c for c in r], strict=True)) for r in ws.iter_rows(min_row=2)}


@pytest.mark.parametrize(
    ("lang", "name", "sheets"),
    [
        ("id", "rekap_2024-07.xlsx", ["Wilayah", "Segmen", "Kualitas data", "Perubahan", "Catatan"]),
        ("en", "recap_2024-07.xlsx", ["Regions", "Segments", "Data quality", "Changes", "Notes"]),
    ],
)
def test_sheets_header_filters_and_formats(tmp_path, lang, name, sheets):
    path, wb = write(tmp_path, "2024-07", lang)
    assert path.name == name and wb.sheetnames == sheets
    for ws in wb:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]  # no formulas
    ws = wb[sheets[0]]
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}4"
    header, by_code = rows(ws)
    assert list(by_code) == CODES  # '11.10' stays text, not 11.1
    assert by_code["11.10"][header[0]].data_type == "s" and by_code["11.10"][header[0]].number_format == "@"
    lebong = by_code["17.07"]
    population = "Penduduk" if lang == "id" else "Population"
    coverage = "Cakupan (%)" if lang == "id" else "Coverage (%)"
    assert lebong[population].number_format == "#,##0" and isinstance(lebong[population].value, int)
    assert lebong[coverage].number_format == "0.00" and round(lebong[coverage].value, 2) == 100.71
    budget = next(h for h in header if h.startswith("Anggaran Pemda kab/kota" if lang == "id" else "Regency budget"))
    assert lebong[budget].number_format == '"Rp"#,##0'
    assert all(ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width >= 8 for j in range(1, 10))
    status = "Status (kriteria 2024)" if lang == "id" else "Status (2024 criteria)"
    assert lebong[status].value == "UHC non cut-off"


@pytest.mark.parametrize(("code", "period"), [("17.07", "2024-07"), ("32.03", "2026-11"), ("11.10", "2026-11")])
def test_region_figures_agree_with_the_brief(tmp_path, code, period):
    fig = api.figures_for(code, period)
    o = api.outlook_for(fig)
    _, wb = write(tmp_path, period, "id")
    header, by_code = rows(wb["Wilayah"])
    row = {h: c.value for h, c in by_code[code].items()}
    assert row["Kabupaten/kota"] == fig.region_name and row["Provinsi"] == fig.province_name
    assert (row["Penduduk"], row["Terdaftar"], row["Aktif"], row["Nonaktif"]) == (
        fig.population, fig.registered, fig.active, fig.inactive)  # fmt: skip
    assert row["Cakupan (%)"] == pytest.approx(fig.coverage_pct) and row["Keaktifan (%)"] == pytest.approx(
        fig.activity_pct)  # fmt: skip
    assert row[f"Status (kriteria {fig.criteria_year})"] == fig.status_label("id").split(" (")[0]
    since = fig.status_change.since if fig.status_change else fig.history["period"].iloc[0]
    assert row["Status sejak"] == dt.datetime(since.year, since.month, 1)
    head = fig.headline_target
    label = f"{head.short_label('id')} ({head.when})"
    assert row[f"Perlu didaftarkan untuk {label} (jiwa)"] == head.enrol_needed
    assert row[f"Perlu diaktifkan untuk {label} (jiwa)"] == head.activate_needed
    assert row["Target anggaran"] == f"{o.target.short_label('id')} ({o.target.when})"
    if o.budget is not None:
        assert row["Anggaran Pemda kab/kota per tahun (Rp)"] == o.budget.regency_yearly
    best = o.first_to_reach
    if best is not None:
        assert row["Skenario tercepat"] == best["scenario"]
        month = best[o.reached_column]
        assert row["Target tercapai (bulan)"] == dt.datetime(month.year, month.month, 1)
    seg_header, _ = rows(wb["Segmen"])
    segs = [r for r in wb["Segmen"].iter_rows(min_row=2, values_only=True) if r[0] == code]
    assert sum(r[seg_header.index("Terdaftar")] for r in segs) == fig.registered


def test_quality_changes_and_notes(tmp_path):
    _, wb = write(tmp_path, "2024-07", "id")
    quality = list(wb["Kualitas data"].iter_rows(min_row=2, values_only=True))
    assert ("17.07", "Kabupaten Lebong", "Bengkulu", "Cakupan di atas 100 persen") == quality[0][:4]
    assert round(quality[0][4], 2) == 100.71 and quality[0][5] == "persen"
    changes = list(wb["Perubahan"].iter_rows(min_row=2, values_only=True))
    kinds = {r[0] for r in changes}
    assert {"Status dibanding Juni 2024", "Status dibanding Desember 2023", "Keaktifan naik"} <= kinds
    assert ("Status dibanding Desember 2023", "17.07", "Kabupaten Lebong", "Bengkulu", "UHC", "UHC non cut-off",
            "naik status") == changes[[r[1] for r in changes].index("17.07")][:7]  # fmt: skip
    notes = {r[0]: r[1] for r in wb["Catatan"].iter_rows(min_row=2, values_only=True)}
    assert notes["Sumber data"] == "Panel ilustratif bawaan UHC Monitor (jkn_panel_illustrative.csv)"
    assert notes["Catatan data"].startswith("Data ilustratif") and notes["Jumlah kabupaten/kota"] == 3
    assert notes["Bulan data"] == dt.datetime(2024, 7, 1) and notes["Kriteria"] == "2024"
    assert any(k.startswith("Aturan 2025: UHC Prioritas") for k in notes)
    assert notes["Aturan 2024: Iuran PBPU Pemda kelas III per orang per bulan"] == 42000


def test_first_month_says_so(tmp_path):
    _, wb = write(tmp_path, "2023-01", "en", codes=["17.07"])
    changes = list(wb["Changes"].iter_rows(min_row=2, values_only=True))
    assert changes[0][-1] == "January 2023 is the first month of the data: there is no previous month to compare with."


def test_a_user_data_file_names_its_source_and_is_not_illustrative(tmp_path):
    mine = tmp_path / "rekap_dinkes.csv"
    long = pd.read_csv(IMPORT_EXAMPLES / "long.csv", dtype={"region_code": str})
    long.to_csv(mine, index=False)
    _, wb = write(tmp_path / "out", "2024-07", "id", codes=["17.07", "32.03"], data_path=mine)
    notes = {r[0]: r[1] for r in wb["Catatan"].iter_rows(min_row=2, values_only=True)}
    assert notes["Sumber data"] == "rekap_dinkes.csv"
    assert notes["Catatan data"] == "Data pengguna (bukan panel ilustratif)"
    _, by_code = rows(wb["Wilayah"])
    assert list(by_code) == ["17.07", "32.03"]


def test_written_atomically(tmp_path, monkeypatch):
    path, _ = write(tmp_path, "2024-07", "id", codes=["17.07"])
    before = path.read_bytes()

    def broken(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workbook.xlsxwriter.Workbook, "close", broken)
    with pytest.raises(OSError):
        write(tmp_path, "2024-07", "id", codes=["17.07"])
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_batch_with_xlsx_alone_writes_the_month_files_and_links_them(tmp_path, capsys):
    assert main(["batch", "--province", "17", "--period", "2026-11", "--format", "xlsx", "--quiet",
                 "--out", str(tmp_path)]) == 0  # fmt: skip
    out = tmp_path / "2026-11" / "id"
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["changes.html", "index.html",
                                                                     "rekap_2026-11.xlsx"]  # fmt: skip
    printed = capsys.readouterr().out
    assert f"workbook: {out / 'rekap_2026-11.xlsx'}" in printed and f"changes: {out / 'changes.html'}" in printed
    _, by_code = rows(openpyxl.load_workbook(out / "rekap_2026-11.xlsx")["Wilayah"])
    assert len(by_code) == 10 and all(code.startswith("17.") for code in by_code)  # one province: its 10 regions
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="changes.html">Perubahan bulan ini</a>' in index
    assert '<a href="rekap_2026-11.xlsx">Rekap (Excel)</a>' in index


def test_a_file_read_with_import_options_is_named_by_its_own_name(tmp_path, monkeypatch):
    import uhc_lib.reports.own_data

    monkeypatch.setattr(uhc_lib.reports.own_data, "CACHE_DIR", tmp_path / "cache")  # the imported panel goes here
    recap = str(IMPORT_EXAMPLES / "recap_title_totals.xlsx")
    argv = ["batch", "--data", recap, "--layout", "recap", "--format", "xlsx", "--quiet", "--out", str(tmp_path)]
    assert main(argv) == 0
    book = openpyxl.load_workbook(tmp_path / "2024-07" / "id" / "rekap_2024-07.xlsx")
    notes = {r[0]: r[1] for r in book["Catatan"].iter_rows(min_row=2, values_only=True)}
    assert notes["Sumber data"] == "recap_title_totals.xlsx" and notes["Jumlah kabupaten/kota"] == 4
    assert list((tmp_path / "cache" / "imported").glob("recap_title_totals-*.parquet"))  # briefs read this panel
