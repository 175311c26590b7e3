"""Matching a hand-made registry with a hand-made participant extract: every count worked out by hand.

Registry (kecamatan 17.07.01 with desa 2001 and 2002, kecamatan 17.07.02 with desa 2001), one family per line group:

    row person fam sex birth       desa     desil residency  JKN record(s)
    1   tA     F1  L   1980-05-01  01.2001  1     alive      p1 active pbi_apbn
    2   tB     F1  P   1964-07-31  01.2001  1     alive      -                      (60 on 2024-07-31)
    3   tC     F1  L   2020-01-15  01.2001  4     alive      -                      (family decile 1)
    4   tD     F2  P   1950-03-03  01.2001  3     alive      p2 inactive mandiri, arrears 14 months
    5   tE     F2  L   1948-12-31  01.2001  3     deceased   p3 ACTIVE pbpu_pemda   (a dead person still paid for)
    6   tF     F3  L   1984-08-01  01.2002  -     alive      -                      (39: birthday the next day)
    7   tG     F3  P   1992-02-29  01.2002  -     alive      p4 active ppu
    8   tH     F4  L   1970-01-01  01.2002  5     moved      p5 inactive pbpu_pemda "moved"
    9   tI     F4  P   1975-06-30  01.2002  5     alive      p6 active pbpu_pemda + p7 inactive duplicate
    10  tJ     F5  L   2010-10-10  02.2001  2     alive      p8 inactive pbi_apbn "pbi_deactivated"
    11  tK     F5  P   2012-04-04  02.2001  2     alive      -
    12  tX     F7  L   1999-01-01  02.2001  1     alive      invalid NIK (length)
    13  tA     F1  L   1980-05-01  01.2001  1     alive      duplicate row of tA
    14  tL     F6  L   1960-09-09  02.2001  1     alive      p9 inactive mandiri (first) + p10 active pbpu_pemda
    15  tM     F6  P   1962-11-11  02.2001  1     alive      p11 inactive mandiri, no reason (NIK of another region)

Participants not in the registry: p12 tN active ppu (NIK of another region), p13 tO inactive bp, p15 tQ active pbi_apbn;
p14 has an invalid NIK (serial 0000), active mandiri.
"""

import datetime as dt

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from uhc_lib.registry.match import match
from uhc_lib.registry.suppression import recoverable_cells, suppress

K1, K2 = "17.07.01", "17.07.02"
D11, D12, D21 = "17.07.01.2001", "17.07.01.2002", "17.07.02.2001"

REGISTRY_SCHEMA = pa.schema(
    [
        ("person", pa.string()),
        ("family", pa.string()),
        ("sex", pa.string()),
        ("birth_date", pa.date32()),
        ("kecamatan_code", pa.string()),
        ("desa_code", pa.string()),
        ("desil", pa.int8()),
        ("residency", pa.string()),
        ("nik_valid", pa.bool_()),
        ("nik_problem", pa.string()),
        ("nik_note", pa.string()),
        ("duplicate", pa.bool_()),
        ("row", pa.int64()),
    ]
)
PARTICIPANT_SCHEMA = pa.schema(
    [
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
)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# person, family, sex, birth, desa, desil, residency, nik_valid, problem, note, duplicate
REGISTRY = [
    ("tA", "F1", "L", "1980-05-01", D11, 1, "alive", True, None, None, False),
    ("tB", "F1", "P", "1964-07-31", D11, 1, "alive", True, None, None, False),
    ("tC", "F1", "L", "2020-01-15", D11, 4, "alive", True, None, None, False),
    ("tD", "F2", "P", "1950-03-03", D11, 3, "alive", True, None, None, False),
    ("tE", "F2", "L", "1948-12-31", D11, 3, "deceased", True, None, None, False),
    ("tF", "F3", "L", "1984-08-01", D12, None, "alive", True, None, None, False),
    ("tG", "F3", "P", "1992-02-29", D12, None, "alive", True, None, "birth_date_mismatch,sex_mismatch", False),
    ("tH", "F4", "L", "1970-01-01", D12, 5, "moved", True, None, None, False),
    ("tI", "F4", "P", "1975-06-30", D12, 5, "alive", True, None, None, False),
    ("tJ", "F5", "L", "2010-10-10", D21, 2, "alive", True, None, None, False),
    ("tK", "F5", "P", "2012-04-04", D21, 2, "alive", True, None, None, False),
    ("tX", "F7", "L", "1999-01-01", D21, 1, "alive", False, "length", None, False),
    ("tA", "F1", "L", "1980-05-01", D11, 1, "alive", True, None, None, True),
    ("tL", "F6", "L", "1960-09-09", D21, 1, "alive", True, None, None, False),
    ("tM", "F6", "P", "1962-11-11", D21, 1, "alive", True, None, "other_region", False),
]
# person, participant, segment, class, status, reason, arrears, nik_valid, problem, note, duplicate
PARTICIPANTS = [
    ("tA", "c1", "pbi_apbn", 3, "active", None, 0, True, None, None, False),
    ("tD", "c2", "pbpu_mandiri", 3, "inactive", "arrears", 14, True, None, None, False),
    ("tE", "c3", "pbpu_pemda", 3, "active", None, 0, True, None, None, False),
    ("tG", "c4", "ppu", 1, "active", None, 0, True, None, None, False),
    ("tH", "c5", "pbpu_pemda", 3, "inactive", "moved", 0, True, None, None, False),
    ("tI", "c6", "pbpu_pemda", 3, "active", None, 0, True, None, None, False),
    ("tI", "c7", "pbpu_pemda", 3, "inactive", "duplicate", 0, True, None, None, True),
    ("tJ", "c8", "pbi_apbn", 3, "inactive", "pbi_deactivated", 0, True, None, None, False),
    ("tL", "c9", "pbpu_mandiri", 3, "inactive", "arrears", 3, True, None, None, False),
    ("tL", "c10", "pbpu_pemda", 3, "active", None, 0, True, None, None, True),
    ("tM", "c11", "pbpu_mandiri", 2, "inactive", None, 0, True, None, None, False),
    ("tN", "c12", "ppu", 2, "active", None, 0, True, None, "other_region", False),
    ("tO", "c13", "bp", 3, "inactive", "other", 0, True, None, None, False),
    (None, "c14", "pbpu_mandiri", 3, "active", None, 0, False, "serial_0000", None, False),
    ("tQ", "c15", "pbi_apbn", 3, "active", None, 0, True, None, None, False),
]
PREMIUM = 42_000
YEARLY = 504_000


def tok(name):
    """A short test name as a token-shaped value (32 hex characters), as prepared files hold."""
    return name.encode().hex().ljust(32, "0") if isinstance(name, str) else None


def untok(token: str) -> str:
    return bytes.fromhex(token.rstrip("0") + ("0" if len(token.rstrip("0")) % 2 else "")).decode()


def write_registry(path, rows=REGISTRY):
    cols = ["person", "family", "sex", "birth_date", "desa_code", "desil", "residency"]
    cols += ["nik_valid", "nik_problem", "nik_note", "duplicate"]
    df = pd.DataFrame(rows, columns=cols)
    df["birth_date"] = df["birth_date"].map(d)
    df["kecamatan_code"] = df["desa_code"].str[:8]
    df["row"] = range(1, len(df) + 1)
    df["person"], df["family"] = df["person"].map(tok), df["family"].map(tok)
    pq.write_table(pa.Table.from_pandas(df, schema=REGISTRY_SCHEMA, preserve_index=False), path)
    return path


def write_participants(path, rows=PARTICIPANTS):
    cols = ["person", "participant", "segment", "class", "status", "inactive_reason", "months_arrears"]
    cols += ["nik_valid", "nik_problem", "nik_note", "duplicate"]
    df = pd.DataFrame(rows, columns=cols)
    df["row"] = range(1, len(df) + 1)
    df["person"], df["participant"] = df["person"].map(tok), df["participant"].map(tok)
    pq.write_table(pa.Table.from_pandas(df, schema=PARTICIPANT_SCHEMA, preserve_index=False), path)
    return path


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("match")
    return match(
        write_registry(tmp / "registry.parquet"),
        write_participants(tmp / "participants.parquet"),
        premium_per_month=PREMIUM,
        period="2024-07",
        out_dir=tmp / "out",
        formats=("parquet", "csv"),
        memory_limit="256MB",
        threads=1,
    )


def test_counts_per_area(result):
    areas = result.areas.set_index("code")
    cols = ["residents", "active", "inactive", "not_enrolled"]
    assert areas.loc["17.07", cols].tolist() == [11, 4, 3, 4]
    assert areas.loc[K1, cols].tolist() == [7, 3, 1, 3]
    assert areas.loc[K2, cols].tolist() == [4, 1, 2, 1]
    assert areas.loc[D11, cols].tolist() == [4, 1, 1, 2]
    assert areas.loc[D12, cols].tolist() == [3, 2, 0, 1]
    assert areas.loc[D21, cols].tolist() == [4, 1, 2, 1]
    assert areas.loc[D12, "parent"] == K1 and areas.loc[K2, "parent"] == "17.07"
    assert result.region_code == "17.07"


def test_coverage_above_100_is_explained(result):
    assert result.participants == 15 and result.residents == 11 and result.active_records == 8
    assert result.coverage_pct == pytest.approx(100 * 15 / 11)
    assert result.activity_pct == pytest.approx(100 * 8 / 11)
    assert result.resident_active_pct == pytest.approx(100 * 4 / 11)
    assert result.resident_enrolled_pct == pytest.approx(100 * 7 / 11)
    assert result.excess == {
        "deceased": 1,
        "moved": 1,
        "duplicate": 2,
        "not_in_registry": 3,
        "invalid_nik": 1,
        "not_resident_total": 8,
        "not_enrolled": 4,
        "participants_minus_residents": 4,
    }
    nr = result.not_resident
    row = nr[nr["reason"] == "deceased"].iloc[0]
    assert (row["status"], row["segment"], row["records"]) == ("active", "pbpu_pemda", 1)
    dup = nr[nr["reason"] == "duplicate"].set_index("segment")
    # the duplicate of tL is its inactive mandiri record: the active record is the one kept
    assert dup["records"].to_dict() == {"pbpu_pemda": 1, "pbpu_mandiri": 1}
    assert set(dup["status"]) == {"inactive"}
    unknown = nr[nr["reason"] == "not_in_registry"]
    assert unknown["records"].sum() == 3 and unknown["other_region_nik"].sum() == 1


def test_inactive_by_segment_and_reason(result):
    by_segment = result.inactive_by("segment")
    assert by_segment.loc["17.07"].to_dict() == {"pbi_apbn": 1, "pbpu_mandiri": 2}
    by_reason = result.inactive_by("reason", level="kecamatan")
    assert by_reason.loc[K1].to_dict() == {"arrears": 1, "pbi_deactivated": 0, "unknown": 0}
    assert by_reason.loc[K2].to_dict() == {"arrears": 0, "pbi_deactivated": 1, "unknown": 1}
    rs = result.reactivation_summary.set_index(["segment", "reason"])
    assert rs.loc[("pbpu_mandiri", "arrears"), "mean_months_arrears"] == 14
    assert rs["persons"].sum() == 3 and rs["yearly_cost_as_pemda"].sum() == 3 * YEARLY


def test_exclusions_and_notes(result):
    ex = result.exclusions.set_index(["source", "reason"])
    assert ex.loc[("registry", "invalid_nik"), "problem"] == "length"
    assert ex.loc[("registry", "invalid_nik"), "rows"] == 1
    assert ex.loc[("registry", "duplicate"), "rows"] == 1
    assert ex.loc[("participants", "invalid_nik"), "problem"] == "serial_0000"
    assert ex.loc[("participants", "duplicate"), "rows"] == 2
    notes = result.nik_notes.set_index(["source", "note"])["rows"].to_dict()
    assert notes == {
        ("participants", "other_region"): 1,
        ("registry", "birth_date_mismatch"): 1,
        ("registry", "other_region"): 1,
        ("registry", "sex_mismatch"): 1,
    }


def test_worklist_order_cost_and_privacy(result):
    wl = pd.read_parquet(result.worklist_paths[0])
    assert wl["person"].map(untok).tolist() == ["tB", "tC", "tK", "tF"]  # decile 1 family together, 2, unknown last
    assert wl["priority"].tolist() == [1, 2, 3, 4]
    assert wl["desil"].tolist()[:3] == [1, 4, 2] and pd.isna(wl["desil"].iloc[3])
    assert wl["priority_desil"].tolist()[:3] == [1, 1, 2]
    assert wl["age_band"].tolist() == ["60+", "0-4", "5-17", "18-39"]
    assert wl["cumulative_cost"].tolist() == [YEARLY, 2 * YEARLY, 3 * YEARLY, 4 * YEARLY]
    assert set(wl.columns) == {
        "priority",
        "person",
        "family",
        "kecamatan_code",
        "desa_code",
        "desil",
        "priority_desil",
        "sex",
        "age_band",
        "yearly_cost",
        "cumulative_cost",
    }
    csv = pd.read_csv(result.worklist_paths[1], dtype=str)
    assert csv["person"].tolist() == wl["person"].tolist()
    s = result.worklist_summary
    assert s["persons"].tolist() == [2, 1, 1] and s["families"].tolist() == [1, 1, 1]
    assert s["desil"].iloc[0] == 1 and s["desil"].iloc[1] == 2 and pd.isna(s["desil"].iloc[2])
    assert s["cumulative_cost"].tolist() == [2 * YEARLY, 3 * YEARLY, 4 * YEARLY]
    re = pd.read_parquet(result.reactivation_paths[0])
    assert re["person"].map(untok).tolist() == ["tM", "tJ", "tD"]  # poorest first
    assert re["inactive_reason"].tolist()[1:] == ["pbi_deactivated", "arrears"]


def test_area_table_suppressed(result):
    table = result.area_table("desa")
    s = suppress(
        table,
        10,
        columns=["residents", "active", "inactive", "not_enrolled"],
        total_column="residents",
        parent="parent",
    )
    # only the regency's 11 residents and a zero are shown: every other count is below 10 or would give one away
    shown = s.display.where(~s.mask).stack().dropna()
    assert shown.to_dict() == {("17.07", "residents"): "11", (D12, "inactive"): "0"}
    assert recoverable_cells(table, s.mask, total_column="residents", parent="parent") == []


def test_bad_values_name_file_row_and_column(tmp_path):
    rows = list(REGISTRY)
    rows[3] = rows[3][:6] + ("hidup",) + rows[3][7:]
    reg = write_registry(tmp_path / "bad.parquet", rows)
    par = write_participants(tmp_path / "p.parquet")
    with pytest.raises(ValueError, match=r"bad\.parquet: row 4, column 'residency': 'hidup' is not alive"):
        match(reg, par, premium_per_month=PREMIUM, period="2024-07")


def test_missing_column_is_named(tmp_path):
    reg = write_registry(tmp_path / "r.parquet")
    table = pq.read_table(reg).drop(["desil"])
    pq.write_table(table, tmp_path / "nodesil.parquet")
    par = write_participants(tmp_path / "p.parquet")
    with pytest.raises(ValueError, match=r"nodesil\.parquet: column 'desil' is missing"):
        match(tmp_path / "nodesil.parquet", par, premium_per_month=PREMIUM, period="2024-07")
    with pytest.raises(FileNotFoundError, match="nothere"):
        match(tmp_path / "nothere.parquet", par, premium_per_month=PREMIUM, period="2024-07")


def test_region_is_checked(tmp_path):
    par = write_participants(tmp_path / "p.parquet")
    reg = write_registry(tmp_path / "r.parquet")
    with pytest.raises(ValueError, match=r"kecamatan codes outside 17\.02: \['17\.07'\]"):
        match(reg, par, premium_per_month=PREMIUM, period="2024-07", region_code="17.02")
    rows = list(REGISTRY)
    rows[0] = rows[0][:4] + ("17.02.01.2001",) + rows[0][5:]
    two = write_registry(tmp_path / "two.parquet", rows)
    with pytest.raises(ValueError, match=r"several kab/kota \['17\.02', '17\.07'\]; pass region_code"):
        match(two, par, premium_per_month=PREMIUM, period="2024-07")
