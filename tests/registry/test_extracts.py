"""Preparing extracts: the prepared schema (the contract), hand-checked rows, errors that name file/row/column and
never a cell, nothing left behind on failure, and chunking that changes nothing."""

import csv
import json
import logging
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from uhc_lib.registry import ExtractError, prepare_participants, prepare_registry
from uhc_lib.registry.pseudonym import tokenize

DATA = Path(__file__).resolve().parents[1] / "data" / "registry"
KEY = b"test-key-0123456789abcdef"

REGISTRY_CONTRACT = [
    ("person", pa.string()),
    ("family", pa.string()),
    ("sex", pa.string()),
    ("birth_date", pa.date32()),
    ("kecamatan_code", pa.string()),
    ("desa_code", pa.string()),
    ("desil", pa.int8()),
    ("residency", pa.string()),
    ("insurance", pa.string()),
    ("nik_valid", pa.bool_()),
    ("nik_problem", pa.string()),
    ("nik_note", pa.string()),
    ("duplicate", pa.bool_()),
    ("row", pa.int64()),
]
PARTICIPANT_CONTRACT = [
    ("person", pa.string()),
    ("participant", pa.string()),
    ("segment", pa.string()),
    ("class", pa.int8()),
    ("status", pa.string()),
    ("inactive_reason", pa.string()),
    ("months_arrears", pa.int16()),
    ("nik_valid", pa.bool_()),
    ("nik_problem", pa.string()),
    ("nik_note", pa.string()),
    ("duplicate", pa.bool_()),
    ("row", pa.int64()),
]


def _schema(path):
    return [(f.name, f.type) for f in pq.read_schema(path)]


@pytest.fixture
def registry(tmp_path):
    report = prepare_registry(DATA / "registry_valid.csv", tmp_path / "registry.parquet", KEY, "17.07")
    return report, pq.read_table(tmp_path / "registry.parquet").to_pylist()


def test_registry_schema_is_the_contract(registry, tmp_path):
    assert _schema(tmp_path / "registry.parquet") == REGISTRY_CONTRACT


def test_registry_rows_as_computed_by_hand(registry):
    report, rows = registry
    by_row = {r["row"]: r for r in rows}
    assert sorted(by_row) == [2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]  # row 4 is blank
    problems = {r["row"]: r["nik_problem"] for r in rows if not r["nik_valid"]}
    assert problems == {
        9: "length",
        10: "date",
        11: "serial",
        12: "province",
        13: "regency",
        14: "kecamatan",
        17: "length",
    }
    notes = {r["row"]: r["nik_note"] for r in rows if r["nik_note"]}
    assert notes == {5: "other_region", 6: "birth_date_mismatch", 7: "sex_mismatch"}
    assert [r["row"] for r in rows if r["duplicate"]] == [8]  # row 17 repeats an invalid NIK: not a duplicate
    assert by_row[2]["person"] == by_row[8]["person"] == tokenize(["1707011512900001"], KEY)[0].as_py()
    assert by_row[2]["family"] == by_row[3]["family"] == tokenize(["1707012003100001"], KEY, "kk")[0].as_py()
    assert by_row[5]["desil"] is None and by_row[2]["desil"] == 3 and by_row[15]["desil"] == 10
    assert (by_row[7]["residency"], by_row[9]["residency"], by_row[16]["residency"]) == ("deceased", "moved", "alive")
    assert str(by_row[16]["birth_date"]) == "1965-12-01"  # written DD-MM-YYYY in the file
    assert (by_row[16]["kecamatan_code"], by_row[16]["desa_code"]) == ("17.07.04", "17.07.04.2001")  # undotted
    assert by_row[15]["nik_valid"] and by_row[16]["sex"] == "P"


def test_registry_report(registry):
    report, _ = registry
    assert (report.rows, report.valid, report.invalid, report.duplicates, report.blank_rows) == (15, 8, 7, 1, 1)
    assert report.invalid_by_problem == {"length": 2} | dict.fromkeys(
        ["province", "regency", "kecamatan", "date", "serial"], 1
    )
    assert report.example_rows_by_problem["length"] == [9, 17] and report.example_duplicate_rows == [8]
    assert report.notes_by_kind == {"other_region": 1, "birth_date_mismatch": 1, "sex_mismatch": 1}
    assert report.source == "registry_valid.csv"
    text = report.summary()
    assert "15 baris, 8 NIK sah (53,33 persen)" in text and "bukan 16 angka: 2 (baris 9, 17)" in text
    assert "15 rows, 8 valid NIKs (53.33 percent)" in report.summary("en")
    assert json.loads(json.dumps(report.to_dict()))["invalid"] == 7


def test_participants_prepared(tmp_path):
    dest = tmp_path / "participants.parquet"
    report = prepare_participants(DATA / "participants_valid.csv", dest, KEY, "17.07")
    assert _schema(dest) == PARTICIPANT_CONTRACT
    rows = {r["row"]: r for r in pq.read_table(dest).to_pylist()}
    assert [rows[i]["segment"] for i in range(2, 9)] == [
        "pbi_apbn",
        "pbi_apbn",
        "pbpu_mandiri",
        "ppu",
        "pbi_apbn",
        "pbpu_pemda",
        "bp",
    ]
    assert [rows[i]["status"] for i in (2, 4, 5)] == ["active", "inactive", "inactive"]
    assert [rows[i]["inactive_reason"] for i in (2, 4, 5, 8)] == [None, "arrears", "employment_ended", "deceased"]
    assert [rows[i]["months_arrears"] for i in (2, 3, 4)] == [0, None, 7]
    assert rows[2]["class"] == 3 and rows[5]["class"] == 1
    assert rows[6]["duplicate"] and rows[2]["person"] == rows[6]["person"] != rows[2]["participant"]
    assert rows[2]["participant"] == tokenize(["0001234567890"], KEY, "participant")[0].as_py()
    assert rows[7]["nik_problem"] == "date" and rows[4]["nik_note"] == "other_region"
    assert (report.rows, report.valid, report.duplicates, report.notes_by_kind) == (7, 6, 1, {"other_region": 1})


def test_same_person_token_in_both_extracts(tmp_path):
    prepare_registry(DATA / "registry_valid.csv", tmp_path / "r.parquet", KEY, "17.07")
    prepare_participants(DATA / "participants_valid.csv", tmp_path / "p.parquet", KEY, "17.07")
    registry = set(pq.read_table(tmp_path / "r.parquet").column("person").to_pylist())
    participants = set(pq.read_table(tmp_path / "p.parquet").column("person").to_pylist())
    assert len(registry & participants) == 5  # Budi, Siti, Asep, Dedi, Rina


def test_parquet_input_with_numeric_columns_gives_the_same_tokens(tmp_path):
    table = pacsv.read_csv(DATA / "registry_valid.csv").filter(pa.compute.is_valid(pa.compute.field("nik")))
    assert pa.types.is_integer(table.schema.field("nik").type)  # Arrow read the NIKs as numbers
    pq.write_table(table, tmp_path / "in.parquet")
    prepare_registry(tmp_path / "in.parquet", tmp_path / "a.parquet", KEY, "17.07")
    prepare_registry(DATA / "registry_valid.csv", tmp_path / "b.parquet", KEY, "17.07")
    a, b = pq.read_table(tmp_path / "a.parquet"), pq.read_table(tmp_path / "b.parquet")
    assert a.column("person").to_pylist() == b.column("person").to_pylist()
    assert a.column("nik_problem").to_pylist() == b.column("nik_problem").to_pylist()


def _secrets(path: Path) -> list[str]:
    """NIK, KK, card numbers and names of a fixture (what must never leave)."""
    text = path.read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter=";" if ";" in text.splitlines()[0] else ",")
    columns = ("nik", "no_kk", "nomor_kartu", "nama")
    return [value for row in reader for name in columns if (value := row.get(name))]


def _assert_clean(text: str, secrets: list[str]) -> None:
    leaked = [s for s in secrets if s in text]
    assert not leaked, f"{len(leaked)} personal values leaked"


@pytest.mark.parametrize(
    ("fixture", "column"),
    [
        ("registry_bad_cells.csv", None),
        ("registry_missing_column.csv", "birth_date"),
        ("registry_ragged.csv", None),
    ],
)
def test_errors_name_file_row_column_and_leave_nothing(tmp_path, fixture, column):
    source = tmp_path / "in" / fixture
    source.parent.mkdir()
    shutil.copy(DATA / fixture, source)
    out = tmp_path / "out"
    with pytest.raises(ExtractError) as error:
        prepare_registry(source, out / "registry.parquet", KEY, "17.07")
    message = str(error.value)
    assert fixture in message and "nothing was written" in message
    if column:
        assert f"column '{column}'" in message
    _assert_clean(message, _secrets(DATA / fixture))
    assert not list(out.glob("*")) if out.exists() else True


def test_bad_cells_are_all_reported_with_row_and_header(tmp_path):
    with pytest.raises(ExtractError) as error:
        prepare_registry(DATA / "registry_bad_cells.csv", tmp_path / "r.parquet", KEY, "17.07")
    found = {(p.row, p.column) for p in error.value.problems}
    assert found == {
        (3, "jenis_kelamin"),
        (4, "tanggal_lahir"),
        (5, "kode_desa"),
        (6, "kode_kecamatan"),
        (7, "desil"),
        (8, "status_penduduk"),
    }
    assert "registry_bad_cells.csv, row 4, column 'tanggal_lahir': not a date (expected YYYY-MM-DD)" in str(error.value)


def test_ragged_row_is_located(tmp_path):
    with pytest.raises(ExtractError, match=r"registry_ragged.csv, row 4: the row does not have 9 fields"):
        prepare_registry(DATA / "registry_ragged.csv", tmp_path / "r.parquet", KEY, "17.07")


def test_participant_errors(tmp_path):
    with pytest.raises(ExtractError) as error:
        prepare_participants(DATA / "participants_bad.csv", tmp_path / "p.parquet", KEY, "17.07")
    found = {(p.row, p.column) for p in error.value.problems}
    assert found == {
        (2, "segmen"),
        (3, "kelas"),
        (4, "status"),
        (5, "alasan_nonaktif"),
        (6, "alasan_nonaktif"),
        (7, "bulan_tunggakan"),
    }
    _assert_clean(str(error.value), _secrets(DATA / "participants_bad.csv"))
    assert list(tmp_path.iterdir()) == []


def test_error_in_a_late_chunk_leaves_nothing_behind(tmp_path):
    with pytest.raises(ExtractError, match="row 13, column 'jenis_kelamin'"):
        prepare_registry(DATA / "registry_late_error.csv", tmp_path / "r.parquet", KEY, "17.07", chunk_rows=2)
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_an_earlier_good_file_untouched(tmp_path):
    dest = tmp_path / "r.parquet"
    prepare_registry(DATA / "registry_valid.csv", dest, KEY, "17.07")
    before = dest.read_bytes()
    with pytest.raises(ExtractError):
        prepare_registry(DATA / "registry_bad_cells.csv", dest, KEY, "17.07")
    assert dest.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["r.parquet"]


def test_unreadable_and_unsupported_files(tmp_path):
    with pytest.raises(ExtractError, match="file not found"):
        prepare_registry(tmp_path / "nope.csv", tmp_path / "r.parquet", KEY, "17.07")
    (tmp_path / "x.xlsx").write_bytes(b"PK")
    with pytest.raises(ExtractError, match="unsupported file type"):
        prepare_registry(tmp_path / "x.xlsx", tmp_path / "r.parquet", KEY, "17.07")
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    with pytest.raises(ExtractError, match="bad.parquet: cannot read the file as Parquet"):
        prepare_registry(tmp_path / "bad.parquet", tmp_path / "r.parquet", KEY, "17.07")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ExtractError, match="empty"):
        prepare_registry(tmp_path / "empty.csv", tmp_path / "r.parquet", KEY, "17.07")
    with pytest.raises(ValueError, match="too short"):
        prepare_registry(DATA / "registry_valid.csv", tmp_path / "r.parquet", b"short", "17.07")
    assert not (tmp_path / "r.parquet").exists()


def test_chunking_changes_nothing(tmp_path):
    small = prepare_registry(DATA / "registry_valid.csv", tmp_path / "a.parquet", KEY, "17.07", chunk_rows=3)
    big = prepare_registry(DATA / "registry_valid.csv", tmp_path / "b.parquet", KEY, "17.07")
    assert pq.read_table(tmp_path / "a.parquet").equals(pq.read_table(tmp_path / "b.parquet"))
    assert {**small.to_dict(), "seconds": 0, "dest": ""} == {**big.to_dict(), "seconds": 0, "dest": ""}


def test_chunking_changes_nothing_on_a_synthetic_extract(tmp_path):
    from uhc_lib.registry import generate_extracts

    extracts = generate_extracts("17.07", 250, tmp_path / "in", fmt="csv", invalid_pct=3, duplicate_pct=4)
    for prepare, source in ((prepare_registry, extracts.registry), (prepare_participants, extracts.participants)):
        prepare(source, tmp_path / "a.parquet", KEY, "17.07", chunk_rows=7)
        prepare(source, tmp_path / "b.parquet", KEY, "17.07")
        a, b = pq.read_table(tmp_path / "a.parquet"), pq.read_table(tmp_path / "b.parquet")
        assert a.equals(b) and pa.compute.sum(a.column("duplicate")).as_py() > 0


def test_no_nik_kk_or_name_in_any_output(tmp_path, caplog, capsys):
    from uhc_lib.registry import generate_extracts

    extracts = generate_extracts("17.07", 300, tmp_path / "in", fmt="csv", invalid_pct=3, duplicate_pct=3)
    secrets = []
    for path in (extracts.registry, extracts.participants):
        table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(strings_can_be_null=True))
        for name in ("nik", "no_kk", "nomor_kartu", "nama"):
            if name in table.column_names:
                secrets += [str(v) for v in table.column(name).to_pylist() if v is not None]
    assert len(secrets) > 1000
    out = tmp_path / "out"
    caplog.set_level(logging.DEBUG)
    reports = [
        prepare_registry(extracts.registry, out / "registry.parquet", KEY, "17.07", chunk_rows=50),
        prepare_participants(extracts.participants, out / "participants.parquet", KEY, "17.07", chunk_rows=50),
    ]
    for report in reports:
        print(report.summary(), report.summary("en"), report)
    texts = [caplog.text, *capsys.readouterr()]
    texts += [r.summary(lang) for r in reports for lang in ("id", "en")] + [json.dumps(r.to_dict()) for r in reports]
    files = list(out.iterdir())
    assert sorted(p.name for p in files) == ["participants.parquet", "registry.parquet"]
    texts += [p.read_bytes().decode("latin-1") for p in files]
    texts += [str(pq.read_table(p).to_pylist()) for p in files]
    assert "chunk" in caplog.text  # the log was captured
    for text in texts:
        _assert_clean(text, secrets)
