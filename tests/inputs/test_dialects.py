"""Files as users save them read into cells with the rows a user sees."""

from __future__ import annotations

import pytest

from uhc_lib.inputs.dialects import read_table, sniff_delimiter
from uhc_lib.inputs.schema import PanelValidationError


def test_delimiter_is_found_despite_decimal_commas_and_a_title_line():
    lines = ["Rekap Juli 2024;;;", "kode;nama;cakupan;aktif", "17.07;Lebong;95,41;80", "32.03;Cianjur;96,1;70"]
    assert sniff_delimiter(lines) == ";"
    assert sniff_delimiter(["a\tb\tc", "1\t2\t3"]) == "\t"
    assert sniff_delimiter(["a,b,c", "1,2,3"]) == ","


def test_rows_are_the_lines_an_editor_shows(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text('title\n\na,b\n"x\ny",2\n3,4\n')
    table = read_table(path)
    assert table.rows.tolist() == [1, 2, 3, 4, 6]
    assert table.cells.iloc[3, 0] == "x\ny"


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes("kode\tnama\n17.07\tLebong \u2013 Bengkulu\n".encode("utf-16"))
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("UTF-16", "\t")
    assert table.cells.iloc[1, 1] == "Lebong \u2013 Bengkulu"


def test_a_byte_no_encoding_reads_is_named_with_its_row(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"a,b\n1,2\n3,\x81\n")  # 0x81 is undefined in Windows-1252
    with pytest.raises(PanelValidationError) as info:
        read_table(path)
    ((problem),) = info.value.problems
    assert (problem.file, problem.row) == (str(path), 3) and "byte 0x81" in problem.message


def test_old_xls_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "rekap.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old workbook")
    with pytest.raises(PanelValidationError, match=r"rekap.xls: this file is an old Excel 97-2003 workbook"):
        read_table(path)
