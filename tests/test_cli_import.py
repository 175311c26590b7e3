"""`uhc import`: what was recognised shown before anything is computed; the hostile files refused in sentences;
`uhc validate` and `uhc brief --data` read the same layouts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from uhc_lib.cli import main

DATA = Path(__file__).parent / "data" / "import"
HOSTILE = [
    "recap_two_sheets.xlsx",
    "recap_truncated.xlsx",
    "recap_empty.xlsx",
    "recap_bad_total.xlsx",
    "long_mixed_separators.csv",
    "long_bad_byte.csv",
    "long_missing_segments.csv",
    "opendata_cakupan.csv",
]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    import uhc_lib.inputs.panel
    import uhc_lib.reports.own_data

    monkeypatch.setattr(uhc_lib.inputs.panel, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(uhc_lib.reports.own_data, "CACHE_DIR", tmp_path / "cache")


def test_import_shows_what_was_recognised_and_writes_the_panel(tmp_path, capsys):
    target = tmp_path / "panel.parquet"
    assert main(["import", str(DATA / "recap_title_totals.xlsx"), "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "layout recap, sheet 'Rekap', header in row 3" in out
    assert "title row 1 skipped: 'REKAPITULASI KEPESERTAAN JKN PER KABUPATEN/KOTA BULAN JULI 2024'" in out
    assert "PPU PN Aktif" in out and "-> active ppu (pn)" in out
    assert "row 9 ('JUMLAH') is a totals row" in out
    assert "read: 4 regions, 1 month(s) 2024-07, 20 panel rows" in out
    assert f"written: {target}" in out
    assert len(pd.read_parquet(target)) == 20


def test_import_without_to_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(DATA / "opendata.csv")]) == 0
    out = capsys.readouterr().out
    assert "layout opendata" in out and "(yearly: each year read as its December)" in out
    assert "nothing written" in out and not list(tmp_path.glob("*.parquet"))


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_files_are_refused_without_a_traceback(name, capsys, tmp_path):
    target = tmp_path / "panel.parquet"
    assert main(["import", str(DATA / name), "--to", str(target)]) == 2
    err = capsys.readouterr().err
    assert str(DATA / name) in err
    for leak in ("Traceback", "Error:", "BadZipFile", "UnicodeDecodeError", "engine manually"):
        assert leak not in err, (name, err)
    assert not target.exists()


def test_sheet_and_allowance_options(tmp_path, capsys):
    assert main(["import", str(DATA / "recap_two_sheets.xlsx"), "--sheet", "Rekap"]) == 0
    assert main(["validate", str(DATA / "long_missing_segments.csv"), "--allow-missing-segments"]) == 0
    assert "OK, 58 rows, 4 regions, 2024-05 to 2024-07" in capsys.readouterr().out
    assert main(["import", str(DATA / "long_missing_segments.csv"), "--allow-missing-segments"]) == 0
    assert "WARNING: 1 region-month(s) lack segments" in capsys.readouterr().out


def test_validate_reads_every_layout(capsys):
    for name in ("recap.csv", "opendata.csv", "recap_semicolon_cp1252.csv", "long_tab_bom.tsv"):
        assert main(["validate", str(DATA / name)]) == 0, name
    assert "OK, 60 rows, 4 regions, 2024-05 to 2024-07" in capsys.readouterr().out


@pytest.mark.notebook
def test_brief_from_a_recap_and_from_a_copy_of_the_illustrative_panel(tmp_path, capsys):
    from uhc_lib.common.config import EMBEDDED_PANEL

    recap = DATA / "recap_title_totals.xlsx"
    assert main(["brief", "17.07", "--data", str(recap), "--out", str(tmp_path / "own")]) == 0
    html = (tmp_path / "own" / "2024-07" / "id" / "17.07.html").read_text()
    assert "Kabupaten Lebong" in html and "Data ilustratif" not in html
    copy = tmp_path / "copy.csv"
    shutil.copy(EMBEDDED_PANEL, copy)
    assert main(["brief", "17.07", "--period", "2024-07", "--data", str(copy), "--out", str(tmp_path / "c")]) == 0
    assert "Data ilustratif" in (tmp_path / "c" / "2024-07" / "id" / "17.07.html").read_text()


EXTRA_CELL = {  # a value right of the header's last column, in each layout (hand-made from the examples)
    "panel_extra_cell.csv": 51,
    "recap_extra_cell.csv": 7,
    "opendata_extra_cell.csv": 45,
}


@pytest.mark.parametrize(("name", "row"), EXTRA_CELL.items())
def test_a_row_with_an_extra_cell_is_refused_with_its_row(name, row, capsys, tmp_path):
    """Before: the long schema refused it, a recap or Open Data file silently left the value out."""
    path = Path(__file__).parent / "data" / name
    for argv in (["validate", str(path)], ["brief", "17.07", "--data", str(path), "--out", str(tmp_path)]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert f"{path}, row {row}: row {row} has more cells than the header's" in err
        assert "quote the value or name the column" in err
        for leak in ("Traceback", "Error", "ParserError", "Exception", "Expected"):
            assert leak not in err, (name, err)
    assert not any(tmp_path.iterdir())  # refused before any folder or kernel


def test_import_options_of_brief_and_batch_need_a_file(capsys, tmp_path):
    assert main(["brief", "17.07", "--sheet", "Rekap", "--out", str(tmp_path)]) == 2
    assert "uhc brief: --sheet is for your own file: give it with --data FILE." in capsys.readouterr().err
    assert main(["batch", "--layout", "recap", "--allow-missing-segments", "--out", str(tmp_path)]) == 2
    assert "--layout, --allow-missing-segments are for your own file" in capsys.readouterr().err
    two = DATA / "recap_two_sheets.xlsx"
    assert main(["brief", "17.07", "--data", str(two), "--sheet", "Nope", "--out", str(tmp_path)]) == 2
    assert "has no sheet 'Nope'; its sheets are 'Rekap', 'Catatan'" in capsys.readouterr().err
    assert main(["brief", "17.07", "--data", str(two), "--out", str(tmp_path)]) == 2
    assert "--sheet NAME (uhc brief, batch, validate and import take it), for example --sheet Rekap" in (
        capsys.readouterr().err
    )  # the refusal names the option of the same command, not an import step
    assert not any(tmp_path.iterdir())


@pytest.mark.notebook
def test_brief_and_batch_take_the_import_options(tmp_path, capsys):
    """Before: only uhc import knew --sheet and --allow-missing-segments; a brief needed an import step first."""
    two = DATA / "recap_two_sheets.xlsx"
    assert main(["brief", "17.07", "--data", str(two), "--out", str(tmp_path / "a")]) == 2  # which sheet?
    assert "--sheet NAME" in capsys.readouterr().err
    assert main(["brief", "17.07", "--data", str(two), "--sheet", "Rekap", "--out", str(tmp_path / "a")]) == 0
    html = (tmp_path / "a" / "2024-07" / "id" / "17.07.html").read_text()
    assert "Kabupaten Lebong" in html and "Juli 2024" in html
    gaps = DATA / "long_missing_segments.csv"
    argv = ["batch", "--data", str(gaps), "--regions", "17.07", "--period", "2024-06", "--jobs", "1", "--quiet"]
    assert main([*argv, "--out", str(tmp_path / "b")]) == 2  # the gap is refused without the option
    assert main([*argv, "--allow-missing-segments", "--out", str(tmp_path / "b")]) == 0
    html = (tmp_path / "b" / "2024-06" / "id" / "17.07.html").read_text()
    assert "diterima dengan --allow-missing-segments" in html and "Data bulan ini tidak memuat segmen" in html
