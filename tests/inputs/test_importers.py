"""Every import layout read from its example file (tests/data/import, synthetic) into the same panel and the same
briefs as the long schema; the hostile files users make refused with file, row, column and what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import uhc_lib.common.config
import uhc_lib.inputs.panel
from uhc_lib.analysis.brief import brief_figures
from uhc_lib.inputs.dialects import read_table
from uhc_lib.inputs.importers import detect, import_file, save_panel
from uhc_lib.inputs.panel import read_panel
from uhc_lib.inputs.schema import DETAIL_COLUMNS, PanelValidationError
from uhc_lib.render.text import narrative

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
CORE = ["region_code", "period", "segment", "population", "registered", "active"]
RECAP_MONTHS = ["2024-05", "2024-06", "2024-07"]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setattr(uhc_lib.common.config, "CACHE_DIR", directory)
    monkeypatch.setattr(uhc_lib.inputs.panel, "CACHE_DIR", directory)
    return directory


@pytest.fixture(scope="module")
def long_panel() -> pd.DataFrame:
    return import_file(DATA / "long.csv").panel


def months(panel: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    out = panel[panel["period"].astype(str).isin(wanted)].reset_index(drop=True)
    out.attrs = {}
    return out


def problems(path, **kwargs):
    with pytest.raises(PanelValidationError) as info:
        import_file(path, **kwargs)
    return info.value.problems


def same_briefs(a: pd.DataFrame, b: pd.DataFrame) -> None:
    """Every region's latest brief (narrative in both languages, segment table) is the same from both panels."""
    period = a["period"].max()
    for code in sorted(a["region_code"].unique()):
        fa, fb = brief_figures(a, code, period), brief_figures(b, code, period)
        for lang in ("id", "en"):
            assert narrative.markdown(fa, lang) == narrative.markdown(fb, lang), (code, lang)
        pd.testing.assert_frame_equal(fa.segments, fb.segments)
        assert (fa.coverage_pct, fa.activity_pct, fa.status) == (fb.coverage_pct, fb.activity_pct, fb.status)


# --- each layout round-trips to the long schema --------------------------------------------------------------


def test_long_example_keeps_its_sub_splits(long_panel):
    assert len(long_panel) == 4 * 5 * 5
    ppu = long_panel[(long_panel["segment"] == "ppu")]
    assert (ppu["ppu_pn_registered"] + ppu["ppu_bu_registered"] == ppu["registered"]).all()
    assert long_panel.loc[long_panel["segment"] == "pbi_apbn", "ppu_pn_registered"].isna().all()
    bp = long_panel[(long_panel["segment"] == "bp")]
    assert (bp["bp_state_active"] + bp["bp_other_active"] == bp["active"]).all()


def test_sub_splits_reach_the_brief_and_price_its_budget(long_panel):
    from uhc_lib.analysis import budget

    fig = brief_figures(long_panel, "17.07", "2024-07")
    rows = months(long_panel, ["2024-07"]).set_index(["region_code", "segment"])
    assert fig.subsplits["bp_state_registered"] == rows.at[("17.07", "bp"), "bp_state_registered"]
    assert fig.subsplits["pemda_province_registered"] == rows.at[("17.07", "pbpu_pemda"), "pemda_province_registered"]
    b = budget.budget_for(fig, 100, 100, split={"bp": 100})
    assert {"bp_state_not_mandiri", "pemda_split_from_data"} <= set(b.assumptions)
    assert any(ln.item == "bp_state" and ln.persons > 0 for ln in b.lines)
    assert round(b.province_share, 2) == 0.6  # the example's province pays for 60 % of its PBPU Pemda


def test_two_columns_read_as_the_same_part_are_refused_not_one_dropped(tmp_path):
    frame = pd.read_csv(DATA / "recap.csv", dtype=str)
    frame = frame.rename(columns={"BP Veteran/Pensiunan Aktif": "BP Pemerintah Aktif"})
    frame["BP Dibayar Pemerintah Aktif"] = "1"
    path = tmp_path / "recap.csv"
    frame.to_csv(path, index=False)
    messages = [p.message for p in problems(path) if p.column == "BP Dibayar Pemerintah Aktif"]
    assert messages == [
        "'BP Dibayar Pemerintah Aktif' and 'BP Pemerintah Aktif' both read as active bp (state); add them up into "
        "one column or rename one"
    ]


def test_recap_csv_reads_to_the_long_panel_and_the_same_briefs(long_panel):
    imported = import_file(DATA / "recap.csv")
    assert imported.recognition.layout == "recap"
    expected = months(long_panel, RECAP_MONTHS)
    got = imported.panel.copy()
    got.attrs = {}
    pd.testing.assert_frame_equal(got[CORE + DETAIL_COLUMNS], expected[CORE + DETAIL_COLUMNS])
    same_briefs(got, expected)
    notes = " ".join(imported.recognition.notes)
    assert "'Belum Terdaftar' checked against population - registered" in notes
    assert imported.recognition.columns["PPU PN Aktif"] == "active ppu (pn)"
    assert imported.recognition.columns["PBPU Pemda Provinsi"] == "registered pbpu_pemda (province)"


def test_recap_excel_with_title_rows_two_row_header_and_totals_row(long_panel):
    imported = import_file(DATA / "recap_title_totals.xlsx")
    rec = imported.recognition
    assert (rec.layout, rec.sheet, rec.header_row) == ("recap", "Rekap", 3)
    assert [row for row, _ in rec.title_rows] == [1, 2]
    assert any("row 9 ('JUMLAH') is a totals row" in n for n in rec.notes)
    assert any("month 2024-07 read from the title row 1" in n for n in rec.notes)
    expected = months(long_panel, ["2024-07"])
    got = imported.panel.copy()
    got.attrs = {}
    pd.testing.assert_frame_equal(got[CORE], expected[CORE])
    same_briefs(got, expected)


def test_recap_semicolon_cp1252_with_indonesian_thousands(long_panel):
    imported = import_file(DATA / "recap_semicolon_cp1252.csv")
    rec = imported.recognition
    assert (rec.encoding, rec.delimiter, rec.header_row) == ("Windows-1252 (cp1252)", ";", 2)
    assert "\u2013" in rec.title_rows[0][1]  # byte 0x96 read as the en dash it is
    got = imported.panel[CORE].copy()
    pd.testing.assert_frame_equal(got, months(long_panel, ["2024-07"])[CORE])
    lebong = got[(got["region_code"] == "17.07")]
    assert lebong["population"].iloc[0] == 110_240  # written 110.240: thousands, not 110.24


def test_opendata_yearly_with_bps_codes_reads_to_december_and_the_same_briefs(long_panel):
    imported = import_file(DATA / "opendata.csv")
    rec = imported.recognition
    assert rec.layout == "opendata" and rec.annual
    assert imported.panel.attrs["annual"] is True
    assert rec.periods == ["2023-12", "2024-12"]
    assert sorted(imported.panel["region_code"].unique()) == ["17.07", "32.03", "91.71", "93.01"]
    assert any("9401 KABUPATEN MERAUKE -> 93.01" in n and "9471 KOTA JAYAPURA -> 91.71" in n for n in rec.notes)
    expected = months(long_panel, ["2023-12", "2024-12"])
    got = imported.panel.copy()
    got.attrs = {}
    pd.testing.assert_frame_equal(got[CORE], expected[CORE])
    same_briefs(got, expected[CORE])


def test_a_brief_of_yearly_data_says_so_instead_of_a_monthly_pace():
    panel = import_file(DATA / "opendata.csv").panel
    fig = brief_figures(panel, "17.07", "2024-12")
    assert fig.annual
    text = narrative.markdown(fig, "id")
    assert "Dibandingkan Desember 2023, cakupan naik" in text and "Datanya tahunan" in text
    assert "bulan sebelumnya" not in text and "Dengan laju" not in text
    assert "The data is yearly" in narrative.markdown(fig, "en")


def test_dialect_variants_of_the_long_schema_read_the_same_figures(long_panel):
    expected = months(long_panel, RECAP_MONTHS)[CORE]
    for name, delimiter in (
        ("long_semicolon_thousands.csv", ";"),
        ("long_comma_thousands.csv", ","),
        ("long_tab_bom.tsv", "\t"),
    ):
        imported = import_file(DATA / name)
        assert imported.recognition.delimiter == delimiter, name
        pd.testing.assert_frame_equal(imported.panel[CORE], expected, obj=name)


def test_read_panel_recognises_every_layout_for_brief_and_batch(long_panel):
    for name in ("recap.csv", "recap_title_totals.xlsx", "opendata.csv", "long_semicolon_thousands.csv"):
        panel = read_panel(DATA / name)
        assert len(panel) and set(panel["segment"]) == {"pbi_apbn", "pbpu_pemda", "ppu", "pbpu_mandiri", "bp"}, name


def test_layout_can_be_given_and_a_wrong_one_is_refused_with_its_columns():
    assert import_file(DATA / "recap.csv", layout="recap").recognition.layout == "recap"
    (p,) = problems(DATA / "recap.csv", layout="long")  # Kode, Periode, Jumlah Penduduk, Peserta Aktif are aliases
    assert p.column == "terdaftar"  # the headers are Indonesian: the missing column is named in Indonesian
    assert p.message.startswith("required column 'terdaftar' (registered) is missing (columns found: No, Kode,")


def test_saved_panel_is_read_back_equal_with_its_notes(tmp_path):
    imported = import_file(DATA / "opendata.csv")
    target = save_panel(imported.panel, tmp_path / "panel.parquet")
    back = read_panel(target, cache=False)
    pd.testing.assert_frame_equal(back[CORE], imported.panel[CORE])
    assert back.attrs.get("annual") is True
    with pytest.raises(ValueError, match="parquet"):
        save_panel(imported.panel, tmp_path / "panel.csv")


def test_stated_totals_are_checked_then_left_out(long_panel):
    imported = import_file(DATA / "long_segment_totals.csv")
    pd.testing.assert_frame_equal(imported.panel[CORE], months(long_panel, RECAP_MONTHS)[CORE])
    assert "12 total row(s) beside segment rows (rows 7, 13, 19, 25, 31, 37 ...)" in imported.recognition.notes[0]
    (p,) = problems(DATA / "long_segment_totals_wrong.csv")
    assert (p.row, p.column) == (13, "active")
    assert p.message.startswith(
        "the total row of 17.07 2024-06 says 91,303 active, but its segment rows add up to 91,296"
    )

    opendata = import_file(DATA / "opendata_totals.csv")
    assert any("22 totals row(s) (rows 90, 91" in n for n in opendata.recognition.notes)
    pd.testing.assert_frame_equal(opendata.panel[CORE], import_file(DATA / "opendata.csv").panel[CORE])


def test_a_province_total_that_does_not_add_up_is_refused(tmp_path):
    frame = pd.read_csv(DATA / "opendata_totals.csv", dtype=str, keep_default_na=False)
    last = frame.index[-2]
    frame.loc[last, "jumlah_peserta"] = "1"
    path = tmp_path / "opendata.csv"
    frame.to_csv(path, index=False)
    (p,) = problems(path)
    assert (p.row, p.column) == (last + 2, "jumlah_peserta") and "looks like a totals row" in p.message


# --- hostile files ------------------------------------------------------------------------------------------------


def test_two_sheets_need_a_sheet_and_never_a_silent_pick():
    (p,) = problems(DATA / "recap_two_sheets.xlsx")
    assert p.file == str(DATA / "recap_two_sheets.xlsx") and p.row is None
    assert "2 sheets with data ('Rekap', 'Catatan')" in p.message and "--sheet" in p.message
    assert import_file(DATA / "recap_two_sheets.xlsx", sheet="Rekap").recognition.sheet == "Rekap"
    (p,) = problems(DATA / "recap_two_sheets.xlsx", sheet="Juli")
    assert "has no sheet 'Juli'" in p.message


@pytest.mark.parametrize(
    ("name", "fragment"),
    [("recap_truncated.xlsx", "not a complete Excel workbook"), ("recap_empty.xlsx", "is empty (0 bytes)")],
)
def test_truncated_and_empty_workbooks_are_one_sentence_naming_the_file(name, fragment):
    with pytest.raises(PanelValidationError) as info:
        read_panel(DATA / name, cache=False)
    text = str(info.value)
    assert text.startswith(f"{DATA / name}: this file") and fragment in text and text.count("\n") == 0
    for leak in ("BadZipFile", "engine", "Traceback", "zipfile"):
        assert leak not in text


def test_totals_row_that_does_not_add_up_is_refused_with_its_row():
    (p,) = problems(DATA / "recap_bad_total.xlsx")
    assert (p.row, p.column) == (9, "PBI APBN Aktif")
    assert "looks like a totals row" in p.message and "not the sum of the rows above" in p.message


def test_a_column_mixing_number_styles_is_refused_with_its_rows():
    (p,) = problems(DATA / "long_mixed_separators.csv")
    assert (p.row, p.column) == (2, "population")
    assert "rows 2, 3, 4, 5, 6 are written in Indonesian style" in p.message
    assert "row 7 and others in English style" in p.message


def test_an_unreadable_byte_is_named_with_file_and_row():
    (p,) = problems(DATA / "long_bad_byte.csv")
    assert (p.file, p.row) == (str(DATA / "long_bad_byte.csv"), 4)
    assert "byte 0x96" in p.message and "CSV UTF-8" in p.message


def test_missing_segment_rows_are_an_error_or_accepted_with_a_warning_in_the_brief(long_panel):
    path = DATA / "long_missing_segments.csv"
    (p,) = problems(path)
    assert (p.row, p.column) == (7, "segment")
    assert "17.07 2024-06 has no figures for ppu, bp" in p.message and "--allow-missing-segments" in p.message

    imported = import_file(path, allow_missing_segments=True)
    assert imported.panel.attrs["missing_segments"] == ["17.07 2024-06 ppu bp"]
    assert "1 region-month(s) lack segments" in imported.recognition.warnings[0]
    fig = brief_figures(imported.panel, "17.07", "2024-06")
    assert fig.missing_segments == ["ppu", "bp"]
    assert "Data bulan ini tidak memuat segmen PPU, BP" in narrative.markdown(fig, "id")
    assert "no figures for Wage earners (PPU), Non-workers (BP)" in narrative.markdown(fig, "en")
    other = brief_figures(imported.panel, "17.07", "2024-07")
    assert not other.missing_segments and "tidak memuat segmen" not in narrative.markdown(other, "id")


def test_the_allowance_travels_with_an_imported_parquet(tmp_path):
    imported = import_file(DATA / "long_missing_segments.csv", allow_missing_segments=True)
    target = save_panel(imported.panel, tmp_path / "panel.parquet")
    back = read_panel(target, cache=False)
    assert back.attrs["missing_segments"] == ["17.07 2024-06 ppu bp"]


def test_cakupan_is_refused_until_declared_then_checked():
    (p,) = problems(DATA / "opendata_cakupan.csv")
    assert (p.row, p.column) == (1, "cakupan") and "--cakupan registered" in p.message
    table = read_table(DATA / "opendata_cakupan.csv")
    assert detect(table)[0] == "opendata"


def test_cakupan_declared_is_checked_against_the_counts(tmp_path):
    frame = pd.read_csv(DATA / "opendata.csv", dtype=str, keep_default_na=False)
    frame["cakupan"] = ""
    first = frame.index[0]
    frame.loc[first, "cakupan"] = "12,34"  # Lebong 2023 is about 96 percent registered
    path = tmp_path / "opendata_cakupan.csv"
    frame.to_csv(path, index=False)
    (p,) = problems(path, cakupan="registered")
    assert (p.row, p.column) == (2, "cakupan") and "is not registered ÷ population" in p.message


def test_recap_sums_and_belum_terdaftar_are_checked(tmp_path):
    frame = pd.read_csv(DATA / "recap.csv", dtype=str)
    frame.loc[1, "Belum Terdaftar"] = "1"
    frame.loc[2, "Jumlah Peserta"] = "5"
    path = tmp_path / "recap.csv"
    frame.to_csv(path, index=False)
    found: dict = {}
    for p in problems(path):
        found.setdefault((p.row, p.column), []).append(p.message)
    assert "is not penduduk - terdaftar" in found[(3, "Belum Terdaftar")][0]
    assert any(m.startswith("5 is not the sum of the segments (") for m in found[(4, "Jumlah Peserta")])
    assert any(m.startswith("5 is not aktif + nonaktif (") for m in found[(4, "Jumlah Peserta")])


def test_recap_with_active_only_as_a_total_becomes_total_rows(tmp_path, long_panel):
    frame = pd.read_csv(DATA / "recap.csv", dtype=str)
    frame = frame.drop(columns=["BP Aktif", "BP Non Aktif"])  # BP from its parts
    for seg in ("PBI APBN", "PBI APBD", "PPU PN", "PPU BU", "PBPU", "BP Veteran/Pensiunan", "BP Lainnya"):
        frame[seg] = frame[f"{seg} Aktif"].astype(int) + frame[f"{seg} Non Aktif"].astype(int)
        frame = frame.drop(columns=[f"{seg} Aktif", f"{seg} Non Aktif"])
    path = tmp_path / "recap_totals_only.csv"
    frame.to_csv(path, index=False)
    imported = import_file(path)
    assert set(imported.panel["segment"]) == {"total"}
    assert any("only as a total" in n for n in imported.recognition.notes)
    expected = months(long_panel, RECAP_MONTHS).groupby(["region_code", "period"])[["registered", "active"]].sum()
    got = imported.panel.set_index(["region_code", "period"])[["registered", "active"]]
    assert got.to_numpy().tolist() == expected.to_numpy().tolist()


def test_a_copy_of_the_file_in_another_folder_reads_the_same(tmp_path):
    copy = tmp_path / "Rekap JKN Juli.xlsx"
    shutil.copy(DATA / "recap_title_totals.xlsx", copy)
    assert len(read_panel(copy, cache=False)) == 20
