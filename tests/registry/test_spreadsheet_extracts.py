"""Extracts as spreadsheets and other systems leave them (issue 13), from the synthetic files of tests/data/registry
(made by tools/make_registry_test_files.py): NIK columns turned into numbers are refused with their rows and the fix,
text marks are read, PCare/VClaim labels and an OpenSID export are mapped, a fake prepared file is caught."""

import csv
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from uhc_lib.registry import ExtractError, prepare_participants, prepare_registry
from uhc_lib.registry.match import check_prepared, match
from uhc_lib.registry.pseudonym import key_check

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "registry"
KEY = b"spreadsheet-test-key-0123456789"


def _niks(name="synthetic_registry.csv", column="nik"):
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return [row[column] for row in csv.DictReader(fh)]


@pytest.mark.parametrize(
    ("name", "sign"),
    [
        ("synthetic_registry_excel_scientific.csv", "scientific notation like 1.70702E+15"),
        ("synthetic_registry_excel_15_digits.csv", "24 of 24 16-digit values end in 0"),
        ("synthetic_registry_excel_decimal.csv", "24 cells end in .0"),
        ("synthetic_registry_nik_float.parquet", "stored as floating-point numbers (24 values)"),
    ],
)
def test_a_nik_column_made_into_numbers_is_refused_with_rows_and_fix(tmp_path, name, sign):
    dest = tmp_path / "r.parquet"
    with pytest.raises(ExtractError) as error:
        prepare_registry(DATA / name, dest, KEY, "17.07")
    problems = [p for p in error.value.problems if p.column == "nik"]
    assert len(problems) == 1 and problems[0].row == 2 and problems[0].file == name
    text = str(error.value)
    assert sign in text and "format the column as text before saving" in text
    if "float" not in sign:
        assert "rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 14 more" in text
    assert not dest.exists() and not list(tmp_path.iterdir())
    assert not [nik for nik in _niks() if nik[:12] in text]  # never a NIK, nor its first digits


def test_excel_text_marks_are_read_as_the_same_niks(tmp_path):
    clean = prepare_registry(DATA / "synthetic_registry.csv", tmp_path / "a.parquet", KEY, "17.07")
    marked = prepare_registry(DATA / "synthetic_registry_excel_text_marks.csv", tmp_path / "b.parquet", KEY, "17.07")
    assert clean.valid == marked.valid == 24
    a, b = pq.read_table(tmp_path / "a.parquet"), pq.read_table(tmp_path / "b.parquet")
    assert a.column("person").to_pylist() == b.column("person").to_pylist()


def test_a_registry_without_the_residency_column_counts_everyone_alive(tmp_path):
    prepare_registry(DATA / "synthetic_registry_no_residency.csv", tmp_path / "r.parquet", KEY, "17.07")
    prepare_participants(DATA / "synthetic_participants.csv", tmp_path / "p.parquet", KEY, "17.07")
    result = match(tmp_path / "r.parquet", tmp_path / "p.parquet", premium_per_month=42_000, period="2024-07")
    assert result.residents == 24 and result.not_enrolled == 24 - 15
    assert set(pq.read_table(tmp_path / "r.parquet").column("residency").to_pylist()) == {"alive"}


@pytest.mark.parametrize("name", ["synthetic_participants_pcare.csv", "synthetic_participants_aktif_flag.csv"])
def test_pcare_vclaim_labels_are_mapped(tmp_path, name):
    prepare_participants(DATA / name, tmp_path / "p.parquet", KEY, "17.07")
    t = pq.read_table(tmp_path / "p.parquet").to_pandas()
    # jnsPeserta cycles PBI (APBN), PBI (APBD), PNS DAERAH, PEKERJA MANDIRI, BUKAN PEKERJA, PBI (APBN) over 18 rows
    assert t["segment"].value_counts().to_dict() == {
        "pbi_apbn": 6, "pbpu_pemda": 3, "ppu": 3, "pbpu_mandiri": 3, "bp": 3,
    }  # fmt: skip
    assert t["status"].value_counts().to_dict() == {"active": 14, "inactive": 4}  # every 4th TIDAK AKTIF / false
    assert t["class"].value_counts().to_dict() == {3: 15, 1: 3}  # KELAS III / KELAS I
    assert t["months_arrears"].isna().all()  # tunggakan is an amount, not months: not read


def test_an_opensid_export_is_read_as_a_registry_of_one_desa(tmp_path):
    with pytest.raises(ExtractError, match="--desa-code 17.07.01.2002"):
        prepare_registry(DATA / "synthetic_opensid_penduduk.csv", tmp_path / "r.parquet", KEY, "17.07")
    report = prepare_registry(
        DATA / "synthetic_opensid_penduduk.csv", tmp_path / "r.parquet", KEY, "17.07", desa_code="1707012002"
    )
    assert report.valid == 24 and report.notes_by_kind["sex_mismatch"] == 0  # sex 1/2 read as L/P
    t = pq.read_table(tmp_path / "r.parquet").to_pandas()
    assert set(t["desa_code"]) == {"17.07.01.2002"} and set(t["kecamatan_code"]) == {"17.07.01"}
    assert t["residency"].value_counts().to_dict() == {"alive": 22, "deceased": 1, "moved": 1}  # status_dasar
    assert t["insurance"].value_counts().to_dict() == {
        "bpjs_pbi": 8, "bpjs_non_pbi": 4, "none": 4, "bpjs_pemda": 4, "other": 4,
    }  # fmt: skip
    # the same people as the Dukcapil-style file: the same tokens
    prepare_registry(DATA / "synthetic_registry.csv", tmp_path / "d.parquet", KEY, "17.07")
    assert t["person"].tolist() == pq.read_table(tmp_path / "d.parquet").column("person").to_pylist()
    with pytest.raises(ValueError, match="not in region 32.03"):
        prepare_registry(DATA / "synthetic_opensid_penduduk.csv", tmp_path / "x.parquet", KEY, "32.03",
                         desa_code="17.07.01.2002")  # fmt: skip


def test_a_prepared_file_holding_raw_niks_is_refused_without_printing_them(tmp_path):
    with pytest.raises(ValueError) as error:
        check_prepared(DATA / "synthetic_prepared_raw_nik.parquet", "registry")
    text = str(error.value)
    assert "row 2, column 'person' holds values that are not tokens" in text and "without --prepared" in text
    assert not [nik for nik in _niks() if nik[:12] in text]
    prepare_participants(DATA / "synthetic_participants.csv", tmp_path / "p.parquet", KEY, "17.07")
    with pytest.raises(ValueError, match="not a prepared file"):
        match(
            DATA / "synthetic_prepared_raw_nik.parquet", tmp_path / "p.parquet", premium_per_month=1, period="2024-07"
        )


def test_prepared_files_carry_their_key_check_and_two_keys_are_refused(tmp_path):
    prepare_registry(DATA / "synthetic_registry.csv", tmp_path / "r.parquet", KEY, "17.07")
    prepare_participants(DATA / "synthetic_participants.csv", tmp_path / "p.parquet", KEY[::-1], "17.07")
    assert pq.read_schema(tmp_path / "r.parquet").metadata[b"uhc_key_check"] == key_check(KEY).encode()
    with pytest.raises(ValueError, match="prepared with different pseudonymisation keys"):
        match(tmp_path / "r.parquet", tmp_path / "p.parquet", premium_per_month=42_000, period="2024-07")


def test_the_files_are_what_the_generator_writes(tmp_path):
    before = {p.name: p.read_bytes() for p in DATA.glob("synthetic_*")}
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_registry_test_files.py")], check=True, capture_output=True
    )
    after = {p.name: p.read_bytes() for p in DATA.glob("synthetic_*")}
    assert before == after and len(after) == 12
