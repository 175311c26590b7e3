"""Reading and validating participation panels: CSV/Excel/Parquet, every problem reported at once, the cache."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import uhc_lib.common.config
import uhc_lib.inputs.panel
from uhc_lib.common.problems import Problem
from uhc_lib.inputs.panel import read_panel, validate_panel
from uhc_lib.inputs.schema import PanelValidationError

DATA = Path(__file__).resolve().parents[1] / "data"
COLUMNS = ["region_code", "period", "segment", "population", "registered", "active"]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    """Every test caches into its own directory, never the user's ~/.cache."""
    directory = tmp_path / "cache"
    monkeypatch.setattr(uhc_lib.common.config, "CACHE_DIR", directory)
    monkeypatch.setattr(uhc_lib.inputs.panel, "CACHE_DIR", directory)
    return directory


def problems_of(path, **kwargs) -> list[Problem]:
    with pytest.raises(PanelValidationError) as info:
        read_panel(path, **kwargs)
    return info.value.problems


def by_place(problems: list[Problem]) -> dict[tuple[int | None, str | None], str]:
    places = {(p.row, p.column): p.message for p in problems}
    assert len(places) == len(problems), f"more than one problem in one cell: {problems}"
    return places


def assert_tidy_dtypes(panel: pd.DataFrame) -> None:
    assert list(panel.columns) == COLUMNS
    assert pd.api.types.is_string_dtype(panel["region_code"])
    assert all(isinstance(code, str) for code in panel["region_code"])
    assert panel["period"].dtype == pd.PeriodDtype("M")
    assert pd.api.types.is_string_dtype(panel["segment"])
    for column in ["population", "registered", "active"]:
        assert panel[column].dtype == np.dtype("int64"), column
    assert list(panel.index) == list(range(len(panel)))


# --- valid files -------------------------------------------------------------------------------------------------


def test_valid_csv_with_segments_reads_into_sorted_tidy_panel():
    panel = read_panel(DATA / "panel_valid_segments.csv", cache=False)

    assert_tidy_dtypes(panel)
    expected = pd.DataFrame(
        [
            ("11.10", "2024-01", "bp", 130000, 1500, 1400),
            ("11.10", "2024-01", "pbi_apbn", 130000, 60000, 58000),
            ("11.10", "2024-01", "pbpu_mandiri", 130000, 20000, 9000),
            ("17.07", "2024-01", "pbi_apbn", 110000, 50000, 48000),
            ("17.07", "2024-01", "ppu", 110000, 8000, 7000),
            ("17.07", "2024-02", "pbi_apbn", 110000, 50500, 48100),
            ("17.07", "2024-02", "ppu", 110000, 8100, 7050),
            ("32.03", "2024-01", "pbpu_pemda", 2500000, 400000, 390000),
            ("32.03", "2024-01", "ppu", 2500000, 290000, 240000),
            ("32.03", "2024-02", "pbpu_pemda", 2500000, 410000, 395000),
            ("32.03", "2024-02", "ppu", 2500000, 300000, 250000),
        ],
        columns=COLUMNS,
    )
    assert panel["region_code"].tolist() == expected["region_code"].tolist()
    assert panel["period"].astype(str).tolist() == expected["period"].tolist()
    assert panel["segment"].tolist() == expected["segment"].tolist()
    for column in ["population", "registered", "active"]:
        assert panel[column].tolist() == expected[column].tolist(), column
    assert panel.loc[0, "period"] == pd.Period("2024-01", freq="M")


def test_code_11_10_keeps_its_trailing_zero():
    panel = read_panel(DATA / "panel_valid_totals.csv", cache=False)
    assert "11.10" in set(panel["region_code"])
    assert "11.1" not in set(panel["region_code"])
    assert set(panel["region_code"]) == {"11.10", "17.07", "32.03"}


def test_file_without_segment_column_gives_segment_total():
    panel = read_panel(DATA / "panel_valid_totals.csv", cache=False)

    assert_tidy_dtypes(panel)
    assert set(panel["segment"]) == {"total"}
    rows = list(zip(panel["region_code"], panel["period"].astype(str), panel["registered"], strict=True))
    assert rows == [
        ("11.10", "2024-01", 124000),
        ("11.10", "2024-02", 125000),
        ("17.07", "2024-01", 105000),
        ("32.03", "2024-01", 2300000),
    ]


def test_indonesian_headers_and_segment_labels_are_accepted():
    panel = read_panel(DATA / "panel_valid_indonesian.csv", cache=False)

    assert_tidy_dtypes(panel)
    rows = [tuple(r) for r in panel.astype({"period": str}).itertuples(index=False)]
    assert rows == [
        ("11.10", "2024-01", "ppu", 130000, 20000, 19000),
        ("17.07", "2024-01", "pbi_apbn", 110000, 50000, 48000),
        ("17.07", "2024-01", "pbpu_mandiri", 110000, 12000, 6000),
    ]


def test_header_case_and_spaces_do_not_matter(tmp_path):
    path = tmp_path / "spaced.csv"
    path.write_text("Kode Wilayah, Periode, SEGMEN, Penduduk, Terdaftar, Aktif\n17.07, 2024-01, PBI JK, 110000, 5, 4\n")
    panel = read_panel(path, cache=False)
    assert panel.loc[0, "region_code"] == "17.07"
    assert panel.loc[0, "segment"] == "pbi_apbn"
    assert panel.loc[0, "active"] == 4


def test_gzipped_csv_is_read(tmp_path):
    path = tmp_path / "panel.csv.gz"
    path.write_bytes(gzip.compress((DATA / "panel_valid_totals.csv").read_bytes()))
    expected = read_panel(DATA / "panel_valid_totals.csv", cache=False)
    pd.testing.assert_frame_equal(read_panel(path, cache=False), expected)


# --- one malformed file, every problem ---------------------------------------------------------------------------

MALFORMED = DATA / "panel_malformed.csv"

# (spreadsheet row, column) -> fragments the message must contain. Row 2 is valid; row 17's month lacks segments.
MALFORMED_EXPECTED = {
    (3, "registered"): ["missing value"],
    (4, "registered"): ["'abc' is not a number"],
    (5, "active"): ["-3"],  # negative count; exact wording tested below
    (6, "registered"): ["'100.5' is not a whole number"],
    (7, "active"): ["active (2000) is greater than registered (1000)"],
    (8, "region_code"): ["duplicate row for 17.07 2024-01 pbi_apbn", "first seen in row 2"],
    (9, "region_code"): ["unknown kabupaten/kota code '99.99'"],
    (10, "region_code"): ["'11.1'", "lost digits", "'11.10'"],
    (11, "period"): ["'2024-13' is not a month of the form YYYY-MM"],
    (12, "period"): ["'July' is not a month of the form YYYY-MM"],
    (13, "segment"): ["unknown segment 'pekerja asing'", "pbi_apbn, pbpu_pemda, ppu, pbpu_mandiri, bp"],
    (14, "population"): ["population differs between segment rows of 32.03 2024-02"],
    (14, "segment"): ["32.03 2024-02 has no figures for pbi_apbn, which its other months have"],
    (17, "segment"): ["17.07 2024-02 has no figures for pbi_apbn, bp", "--allow-missing-segments"],
    (15, "population"): ["population differs between segment rows of 32.03 2024-02"],
    (16, "population"): ["0"],  # population zero; exact wording tested below
    (18, "region_code"): ["missing region code"],
}


def test_malformed_csv_reports_every_problem_at_once():
    with pytest.raises(PanelValidationError) as info:
        read_panel(MALFORMED, cache=False)
    problems = info.value.problems

    assert {p.file for p in problems} == {str(MALFORMED)}
    places = by_place(problems)
    assert set(places) == set(MALFORMED_EXPECTED)
    for place, fragments in MALFORMED_EXPECTED.items():
        for fragment in fragments:
            assert fragment in places[place], (place, places[place])
    assert [p.row for p in problems] == sorted(p.row for p in problems)
    text = str(info.value)
    assert text.startswith(f"{len(MALFORMED_EXPECTED)} problem(s) in the input data:")
    assert f"{MALFORMED}, row 9, column 'region_code': unknown kabupaten/kota code '99.99'" in text


def test_malformed_csv_is_not_cached(cache_dir):
    problems_of(MALFORMED)
    assert not cache_dir.exists() or not list(cache_dir.iterdir())


def test_negative_count_message():
    places = by_place(problems_of(MALFORMED, cache=False))
    assert places[(5, "active")] == "count must not be negative (got -3)"


def test_zero_population_message():
    places = by_place(problems_of(MALFORMED, cache=False))
    assert places[(16, "population")] == "population must be greater than zero (got 0)"


def test_missing_required_columns_are_all_named():
    path = DATA / "panel_missing_columns.csv"
    with pytest.raises(PanelValidationError) as info:
        read_panel(path, cache=False)
    problems = info.value.problems

    # 'periode' is the Indonesian alias of period, so only these three are missing
    assert [(p.file, p.row, p.column) for p in problems] == [
        (str(path), None, "population"),
        (str(path), None, "registered"),
        (str(path), None, "active"),
    ]
    for p in problems:
        assert f"required column {p.column!r} is missing" in p.message
        assert "region_code, periode, jumlah_peserta" in p.message
    text = str(info.value)
    assert text.startswith("3 problem(s)")
    for name in ["'population'", "'registered'", "'active'"]:
        assert name in text


def test_header_only_file_has_no_data_rows():
    path = DATA / "panel_header_only.csv"
    assert problems_of(path, cache=False) == [Problem(str(path), None, None, "the file has no data rows")]


def test_zero_byte_file_is_reported_as_a_panel_problem():
    path = DATA / "panel_zero_bytes.csv"
    problems = problems_of(path, cache=False)
    assert {p.column for p in problems} == {"region_code", "period", "population", "registered", "active"}
    assert all(p.file == str(path) for p in problems)


def test_row_numbers_count_blank_lines_in_csv():
    problems = problems_of(DATA / "panel_blank_line.csv", cache=False)
    assert any(p.row == 4 and p.column == "registered" and "'abc'" in p.message for p in problems), problems


def test_infinite_count_is_a_problem_not_a_crash():
    problems = problems_of(DATA / "panel_infinite_count.csv", cache=False)
    assert [(p.row, p.column) for p in problems] == [(3, "registered")]
    assert "'inf'" in problems[0].message


def test_count_too_large_for_int64_is_reported_as_written():
    problems = problems_of(DATA / "panel_huge_count.csv", cache=False)
    registered = [p for p in problems if p.row == 2 and p.column == "registered"]
    assert registered and "1e30" in registered[0].message
    assert not any("-9223372036854775808" in p.message for p in problems)


# --- Excel and Parquet: codes stored as numbers ------------------------------------------------------------------


def test_excel_codes_stored_as_numbers_are_reported_with_excel_rows(tmp_path):
    path = tmp_path / "panel.xlsx"
    frame = pd.DataFrame(
        {
            "region_code": ["32.03", 11.1, 17.07, "17.07"],  # rows 3 and 4 are number cells
            "period": ["2024-01"] * 4,
            "segment": ["ppu", "ppu", "ppu", "bp"],
            "population": [2500000, 130000, 110000, 110000],
            "registered": [1000, 100, 100, 10],
            "active": [900, 50, 50, 5],
        }
    )
    frame.to_excel(path, index=False)

    problems = problems_of(path, cache=False)
    assert [(p.file, p.row, p.column) for p in problems] == [
        (str(path), 3, "region_code"),
        (str(path), 4, "region_code"),
    ]
    assert "code '11.1' is stored as a number" in problems[0].message
    assert "code '17.07' is stored as a number" in problems[1].message
    assert all("store region codes as text" in p.message for p in problems)


def test_valid_excel_with_text_codes_numeric_counts_and_date_periods(tmp_path):
    import openpyxl

    path = tmp_path / "panel.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["kode_wilayah", "periode", "penduduk", "terdaftar", "aktif"])
    sheet.append(["11.10", "2024-01", 130000, 124000.0, 99000])
    sheet.append(["17.07", pd.Timestamp("2024-02-01").to_pydatetime(), 110000.0, 105000, 90000])
    book.save(path)

    panel = read_panel(path, cache=False)
    assert_tidy_dtypes(panel)
    rows = [tuple(r) for r in panel.astype({"period": str}).itertuples(index=False)]
    assert rows == [
        ("11.10", "2024-01", "total", 130000, 124000, 99000),
        ("17.07", "2024-02", "total", 110000, 105000, 90000),
    ]


def test_parquet_numeric_codes_are_reported_with_record_numbers(tmp_path):
    path = tmp_path / "panel.parquet"
    pd.DataFrame(
        {
            "region_code": [17.07, 11.1, 32.03],
            "period": ["2024-01"] * 3,
            "population": [110000, 130000, 2500000],
            "registered": [100, 100, 100],
            "active": [50, 50, 50],
        }
    ).to_parquet(path)

    problems = problems_of(path, cache=False)
    assert [(p.file, p.row, p.column) for p in problems] == [
        (str(path), 1, "region_code"),
        (str(path), 2, "region_code"),
        (str(path), 3, "region_code"),
    ]
    for p, code in zip(problems, ["17.07", "11.1", "32.03"], strict=True):
        assert f"code '{code}' is stored as a number" in p.message


def test_parquet_row_problems_use_record_numbers(tmp_path):
    path = tmp_path / "panel.parquet"
    pd.DataFrame(
        {
            "region_code": ["17.07", "99.99"],
            "period": ["2024-01", "2024-01"],
            "population": [110000, 1000],
            "registered": [100, 10],
            "active": [50, 5],
        }
    ).to_parquet(path)
    assert problems_of(path, cache=False) == [
        Problem(str(path), 2, "region_code", "unknown kabupaten/kota code '99.99'")
    ]


def test_valid_parquet_equals_the_same_data_as_csv(tmp_path):
    csv = DATA / "panel_valid_totals.csv"
    path = tmp_path / "panel.parquet"
    pd.read_csv(csv, dtype={"region_code": str, "period": str}).to_parquet(path)
    pd.testing.assert_frame_equal(read_panel(path, cache=False), read_panel(csv, cache=False))


# --- unreadable inputs -------------------------------------------------------------------------------------------


def test_unsupported_suffix_is_a_value_error_naming_the_file():
    path = DATA / "panel.json"
    with pytest.raises(ValueError, match="unsupported file type") as info:
        read_panel(path)
    assert str(path) in str(info.value)
    assert "'.json'" in str(info.value)
    assert not isinstance(info.value, PanelValidationError)


def test_unsupported_suffix_is_rejected_even_after_the_content_was_cached(tmp_path):
    read_panel(DATA / "panel_valid_totals.csv")
    renamed = tmp_path / "panel.json"
    shutil.copy(DATA / "panel_valid_totals.csv", renamed)
    with pytest.raises(ValueError, match="unsupported file type"):
        read_panel(renamed)


def test_nonexistent_file_is_file_not_found(tmp_path):
    path = tmp_path / "nope.csv"
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        read_panel(path)


def test_validate_panel_uses_the_given_row_offset():
    raw = pd.DataFrame(
        {
            "region_code": ["17.07", "17.07"],
            "period": ["2024-01", "2024-02"],
            "population": ["1", "1"],
            "registered": ["5", "x"],
            "active": ["1", "1"],
        }
    )
    with pytest.raises(PanelValidationError) as info:
        validate_panel(raw, "sheet", row_offset=10)
    assert info.value.problems == [Problem("sheet", 11, "registered", "'x' is not a number")]


# --- the embedded panel and the cache ----------------------------------------------------------------------------


def test_embedded_panel_and_its_cache(cache_dir, monkeypatch):
    first = read_panel()

    assert len(first) == 120_790 == 514 * 47 * 5
    assert first["region_code"].nunique() == 514
    assert first["period"].min() == pd.Period("2023-01", freq="M")
    assert first["period"].max() == pd.Period("2026-11", freq="M")
    assert first["period"].nunique() == 47
    assert {"17.07", "32.03", "11.10"} <= set(first["region_code"])
    assert_tidy_dtypes(first)
    assert first.equals(first.sort_values(["region_code", "period", "segment"]).reset_index(drop=True))

    cached = list(cache_dir.glob("panel-v2-*.parquet"))
    assert len(cached) == 1

    def no_reading(path, *args):
        raise AssertionError(f"{path} was parsed again instead of coming from the cache")

    monkeypatch.setattr(uhc_lib.inputs.panel, "_parse", no_reading)
    second = read_panel()
    pd.testing.assert_frame_equal(second, first)
    assert second["period"].dtype == pd.PeriodDtype("M")


def test_damaged_cache_is_rebuilt(cache_dir, monkeypatch):
    path = DATA / "panel_valid_segments.csv"
    fresh = read_panel(path)
    (entry,) = cache_dir.glob("panel-v2-*.parquet")
    entry.write_bytes(b"this is not parquet")

    reads = []
    real = uhc_lib.inputs.panel._parse
    monkeypatch.setattr(uhc_lib.inputs.panel, "_parse", lambda p, *a: reads.append(p) or real(p, *a))
    rebuilt = read_panel(path)

    assert reads == [path]
    pd.testing.assert_frame_equal(rebuilt, fresh)
    assert list(cache_dir.glob("panel-v2-*.parquet")) == [entry]
    assert len(pd.read_parquet(entry)) == len(fresh)  # a readable entry again
    assert not list(cache_dir.glob("*.tmp"))


def test_cache_is_keyed_by_content_so_an_edited_file_is_read_again(tmp_path):
    path = tmp_path / "panel.csv"
    shutil.copy(DATA / "panel_valid_totals.csv", path)
    before = read_panel(path)
    path.write_text(path.read_text().replace("124000", "124500"))
    after = read_panel(path)
    assert before["registered"].tolist()[0] == 124000
    assert after["registered"].tolist()[0] == 124500


def test_cache_false_writes_nothing(cache_dir):
    read_panel(DATA / "panel_valid_totals.csv", cache=False)
    assert not cache_dir.exists() or not list(cache_dir.iterdir())


def test_pemda_arrears_column_is_optional_and_blank_means_unknown():
    panel = read_panel(DATA / "panel_pemda_arrears.csv", cache=False)
    assert str(panel["pemda_arrears_rp"].dtype) == "Int64"
    by_month = panel.set_index(["region_code", "period"])["pemda_arrears_rp"]
    assert pd.isna(by_month[("35.28", pd.Period("2025-09", "M"))])
    assert by_month[("35.28", pd.Period("2025-10", "M"))] == 41_000_000_000
    assert by_month[("32.71", pd.Period("2025-10", "M"))] == 0
    assert "pemda_arrears_rp" not in read_panel(DATA / "panel_valid_segments.csv", cache=False)


def test_bad_pemda_arrears_are_reported_with_row_and_column():
    with pytest.raises(PanelValidationError) as err:
        read_panel(DATA / "panel_pemda_arrears_bad.csv", cache=False)
    messages = [(p.row, p.column, p.message) for p in err.value.problems]
    assert messages == [
        (2, "pemda_arrears_rp", "rupiah must not be negative (got -5)"),
        (3, "pemda_arrears_rp", "'12.5' is not a whole number of rupiah"),
        (4, "pemda_arrears_rp", "'banyak' is not a number of rupiah"),
    ]
