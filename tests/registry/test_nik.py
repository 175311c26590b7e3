"""NIK rules: validity problems, notes that are never problems, and a property over every possible birth date."""

import datetime as dt

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uhc_lib.registry import nik


@pytest.mark.parametrize(
    "value",
    [
        "1707011512900001",  # man born 15 Dec 1990, Lebong Utara
        "1707015512900002",  # woman born 15 Dec 1990: day + 40
        "1707017112990003",  # woman born 31 Dec: 71
        "1707010101000004",  # 1 Jan 2000 (or 1900)
        "1707042902000010",  # 29 Feb 00: 2000 was a leap year
        "1707046902960011",  # woman, 29 Feb 96
        "1707013004900012",  # 30 April
        "  1707011512900001 ",  # surrounding spaces are trimmed
    ],
)
def test_valid_niks(value):
    assert nik.problem(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1707010012900001", "date"),  # day 00
        ("1707013212900001", "date"),  # day 32
        ("1707014012900001", "date"),  # day 40: neither a man's nor a woman's day
        ("1707017212900001", "date"),  # day 72
        ("1707013104900001", "date"),  # 31 April
        ("1707017104900001", "date"),  # woman, 31 April
        ("1707011513900001", "date"),  # month 13
        ("1707011500900001", "date"),  # month 00
        ("1707012902010001", "date"),  # 29 Feb 01: neither 1901 nor 2001 is a leap year
        ("1707016902030001", "date"),  # woman, 29 Feb 03
        ("1707013002000001", "date"),  # 30 Feb never exists
        ("1707011512900000", "serial"),
        ("170701151290001", "length"),
        ("17070115129000011", "length"),
        ("17070115129O0001", "length"),  # letter O
        ("1707.01.151290.0001", "length"),
        ("", "length"),
        (None, "length"),
        ("9907011512900001", "province"),
        ("1799011512900001", "regency"),
        ("1707991512900001", "kecamatan"),
        ("9907010012900000", "province"),  # the first problem in order wins
    ],
)
def test_invalid_niks(value, expected):
    assert nik.problem(value) == expected


def test_problems_is_vectorised_and_keeps_length():
    out = nik.problems(["1707011512900001", "x", None, "1707011512900000"])
    assert out.to_pylist() == [None, "length", "length", "serial"]


def test_other_region_is_a_note_not_a_problem():
    assert nik.problem("3203011506880003") is None  # Cianjur prefix, living in Lebong
    assert nik.notes(["3203011506880003", "1707011512900001"], "17.07").to_pylist() == ["other_region", None]
    # a province extract: a Bengkulu prefix of another regency is at home
    assert nik.notes(["1701011512900001", "3203011506880003"], "17").to_pylist() == [None, "other_region"]


def test_birth_date_and_sex_mismatch_notes():
    values = ["1707011512900001", "1707011512900001", "1707015512900002", "1707011512900001", "170701151290001"]
    births = pa.array(
        [dt.date(1990, 12, 15), dt.date(2090, 12, 15), dt.date(1990, 12, 16), None, dt.date(1990, 1, 1)], pa.date32()
    )
    sexes = pa.array(["L", "L", "L", "P", "P"])
    got = nik.notes(values, "17.07", birth_date=births, sex=sexes).to_pylist()
    # the century is open (2090 agrees on DDMMYY); a null birth date is not a mismatch; invalid NIKs get no notes
    assert got == [None, None, "birth_date_mismatch,sex_mismatch", "sex_mismatch", None]


def test_check_returns_problem_validity_and_notes_together():
    problem, valid, note = nik.check(["3203011506880003", "1707011512900000"], "17.07")
    assert problem.to_pylist() == [None, "serial"]
    assert valid.tolist() == [True, False]
    assert note.to_pylist() == ["other_region", None]


def test_region_code_must_be_a_code():
    with pytest.raises(ValueError, match="region_code"):
        nik.notes(["1707011512900001"], "17.7")


@settings(max_examples=80, deadline=None)
@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    woman=st.booleans(),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_any_real_birth_date_gives_a_valid_nik_without_notes(day, woman, serial):
    value = f"170701{day.day + 40 * woman:02d}{day.month:02d}{day.year % 100:02d}{serial:04d}"
    assert nik.problem(value) is None
    births = pa.array([day], pa.date32())
    assert nik.notes([value], "17.07", birth_date=births, sex=pa.array(["P" if woman else "L"])).to_pylist() == [None]
    parts = nik.birth_parts([value])
    assert (parts["day"][0], parts["month"][0], parts["yy"][0], bool(parts["woman"][0])) == (
        day.day,
        day.month,
        day.year % 100,
        woman,
    )


def test_known_prefixes_come_from_todays_kemendagri_codes():
    from uhc_lib.registry import areas

    assert (len(areas.kecamatan("17.07")), len(areas.desa("17.07"))) == (12, 104)
    provinces, regencies, kecamatan = areas.nik_prefixes()
    assert {"17", "1707", "170701"} <= provinces | regencies | kecamatan
    assert "9101" not in regencies  # Merauke was 91.01 before the 2022 Papua split, now 93.01: a former code
    assert "9101" in areas.former_nik_prefixes().regencies


MERAUKE_BEFORE_2022 = "9101011512900001"  # 91.01.01 Merauke (Permendagri 58/2021), now 93.01.01
TARAKAN_BEFORE_2012 = "6473011512900001"  # 64.73 Kota Tarakan (Kalimantan Timur until UU 20/2012), now 65.71


def test_former_codes_file_holds_the_hand_checked_successors():
    from uhc_lib.registry import areas

    table = areas.former_codes().set_index("former_code")
    assert table.loc["91.01.01", ["former_name", "current_code", "current_region_code"]].tolist() == [
        "Merauke",
        "93.01.01",
        "93.01",
    ]
    assert table.loc["91.01", "current_code"] == "93.01"
    assert table.loc["64.73", ["level", "current_code", "evidence"]].tolist() == ["kabkota", "65.71", "curated"]
    assert table.loc["96.01.55", "current_code"] == "96.01.30"  # Sayosa Timur renumbered by Kepmendagri 2430/2025
    assert (table["source"] != "").all()
    assert table.loc[table["evidence"] == "curated", "source"].str.contains("UU No. 20 Tahun 2012").all()


def test_former_codes_are_never_current_and_their_successors_exist_today():
    from uhc_lib.inputs import reference
    from uhc_lib.registry import areas

    table = areas.former_codes()
    current = areas.kecamatan_codes() | frozenset(reference.region_codes())
    assert not set(table["former_code"]) & current
    given = set(table["current_code"]) | set(table["current_region_code"])
    assert given - {""} <= current
    kec = table[table["level"] == "kecamatan"]
    assert (kec["current_code"].str[:5] == kec["current_region_code"])[kec["current_code"] != ""].all()
    provinces, regencies, kecamatan = areas.nik_prefixes()
    former = areas.former_nik_prefixes()
    assert not (former.provinces & provinces or former.regencies & regencies or former.kecamatan & kecamatan)


def test_merauke_nik_issued_before_the_papua_split_is_valid_with_a_former_code_note():
    assert nik.problem(MERAUKE_BEFORE_2022) is None
    # at home in Merauke (93.01) and in Papua Selatan (93); elsewhere it is also another region
    assert nik.notes([MERAUKE_BEFORE_2022], "93.01").to_pylist() == ["former_code"]
    assert nik.notes([MERAUKE_BEFORE_2022], "93").to_pylist() == ["former_code"]
    assert nik.notes([MERAUKE_BEFORE_2022], "91.03").to_pylist() == ["other_region,former_code"]
    assert nik.notes([MERAUKE_BEFORE_2022], "91").to_pylist() == ["other_region,former_code"]
    births = pa.array([dt.date(1990, 12, 16)], pa.date32())
    got = nik.notes([MERAUKE_BEFORE_2022], "93.01", birth_date=births, sex=pa.array(["P"]))
    assert got.to_pylist() == ["birth_date_mismatch,sex_mismatch,former_code"]


def test_tarakan_nik_issued_in_kalimantan_timur_is_valid_with_a_former_code_note():
    assert nik.problem(TARAKAN_BEFORE_2012) is None
    assert nik.notes([TARAKAN_BEFORE_2012, "6571011512900001"], "65.71").to_pylist() == ["former_code", None]
    assert nik.notes([TARAKAN_BEFORE_2012], "64.72").to_pylist() == ["other_region,former_code"]  # Samarinda


def test_kecamatan_renumbered_inside_its_regency_is_not_another_region():
    # 96.01.55 Sayosa Timur (Kepmendagri 2138/2025) is 96.01.30 today; 91.21.01 Kobagma has no named successor,
    # so its regency's successor (Mamberamo Tengah, 95.05) decides
    assert nik.notes(["9601551512900001", "9121011512900001"], "96.01").to_pylist() == [
        "former_code",
        "other_region,former_code",
    ]
    assert nik.notes(["9121011512900001"], "95.05").to_pylist() == ["former_code"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9901011512900001", "province"),  # province 99 never existed
        ("6499011512900001", "regency"),  # 64.99 never existed
        ("9101991512900001", "kecamatan"),  # Merauke never had a kecamatan 99: its former kecamatan are listed
        ("6473001512900001", "kecamatan"),  # kecamatan 00 never exists, not even under a curated former code
        ("9101011512900000", "serial"),  # a former prefix does not excuse the other rules
    ],
)
def test_prefixes_that_never_existed_stay_invalid(value, expected):
    assert nik.problem(value) == expected
    assert nik.notes([value], "93.01").to_pylist() == [None]


def test_every_former_kecamatan_code_gives_a_valid_nik():
    from uhc_lib.registry import areas

    codes = areas.former_codes().query("level == 'kecamatan'")["former_code"].str.replace(".", "", regex=False)
    values = [f"{c}1512900001" for c in codes]
    problem, valid, note = nik.check(values, "17.07")
    assert valid.all() and problem.null_count == len(values)
    assert set(note.to_pylist()) == {"other_region,former_code"}


def test_a_bad_former_codes_row_names_file_row_and_column():
    import pandas as pd

    from uhc_lib.registry import areas

    table = areas.former_codes()
    good = table[table["former_code"].isin(["91.01.01", "91.01.02"])].reset_index(drop=True)
    with pytest.raises(ValueError, match=r"former_kecamatan_codes.csv, row 3, column 'former_code': 93.01.01 is a"):
        areas._check_former(good.assign(former_code=["91.01.01", "93.01.01"]))
    with pytest.raises(ValueError, match=r"row 2, column 'current_code': 99.01.01 is not a current code"):
        areas._check_former(good.assign(current_code=["99.01.01", good["current_code"].iloc[1]]))
    with pytest.raises(ValueError, match="missing column"):
        areas._check_former(pd.DataFrame({"former_code": ["91.01.01"]}))


def test_prepare_report_names_former_codes_in_both_languages():
    from uhc_lib.registry.extracts import PrepareReport

    report = PrepareReport(source="x.csv", kind="participants", rows=3, valid=3, notes_by_kind={"former_code": 2})
    assert "2 NIK dengan kode wilayah lama (sebelum pemekaran" in report.summary("id")
    assert "2 NIKs with a former region code (issued before a region split" in report.summary("en")
