"""Premium rules as data: amounts on dates (2020 transitions, 2021 on), PPU wage ceiling/floor, validation."""

import shutil

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from uhc_lib.rules import premiums
from uhc_lib.rules.premiums import PremiumRulesError, monthly_premium, ppu_monthly_premium, read_premium_rules


@pytest.mark.parametrize(
    ("month", "klass", "expected"),
    [
        ("2020-01", 1, 160_000),  # Perpres 75/2019
        ("2020-03", 2, 110_000),
        ("2020-03", 3, 42_000),
        ("2020-04", 1, 80_000),  # Perpres 82/2018 restored by the Supreme Court
        ("2020-06", 2, 51_000),
        ("2020-05", 3, 25_500),
        ("2020-07", 1, 150_000),  # Perpres 64/2020
        ("2024-07", 2, 100_000),
        ("2025-12", 1, 150_000),
    ],
)
def test_mandiri_participant_premium_by_month(month, klass, expected):
    assert monthly_premium("pbpu_mandiri", klass, month, payer="participant") == expected
    assert monthly_premium("bp", klass, month, payer="participant") == expected


def test_class_three_split_between_participant_and_government():
    assert monthly_premium("pbpu_mandiri", 3, "2020-08", payer="participant") == 25_500
    assert monthly_premium("pbpu_mandiri", 3, "2020-08", payer="central") == 16_500
    assert monthly_premium("pbpu_mandiri", 3, "2020-08", payer="regency") == 0
    assert monthly_premium("pbpu_mandiri", 3, "2021-01", payer="participant") == 35_000
    assert monthly_premium("pbpu_mandiri", 3, "2024-07", payer="central") == 4_200
    assert monthly_premium("pbpu_mandiri", 3, "2024-07", payer="regency") == 2_800
    assert monthly_premium("pbpu_mandiri", 3, pd.Period("2024-07", "M")) == 42_000
    assert premiums.premium_breakdown("pbpu_mandiri", 3, "2022-03") == {
        "central": 4_200,
        "participant": 35_000,
        "regency": 2_800,
    }


def test_pbi_and_pemda_premiums():
    assert monthly_premium("pbpu_pemda", 3, "2024-07", payer="regency") == 42_000
    assert monthly_premium("pbpu_pemda", 3, "2024-07", payer="participant") == 0
    assert monthly_premium("pbi_apbn", 3, "2024-07", payer="central") == 42_000
    assert monthly_premium("pbi_apbn", 3, "2024-07") == 42_000


@given(st.integers(min_value=2020 * 12, max_value=2035 * 12 - 1))
def test_class_three_total_is_42000_outside_the_court_ruling_months_and_shares_add_up(ordinal):
    month = pd.Period(year=ordinal // 12, month=ordinal % 12 + 1, freq="M")
    shares = premiums.premium_breakdown("pbpu_mandiri", 3, month)
    in_ruling = pd.Period("2020-04", "M") <= month <= pd.Period("2020-06", "M")
    assert sum(shares.values()) == monthly_premium("pbpu_mandiri", 3, month) == (25_500 if in_ruling else 42_000)


@pytest.mark.parametrize(
    ("wage", "floor", "total", "employer", "worker"),
    [
        (5_000_000, None, 250_000, 200_000, 50_000),
        (20_000_000, None, 600_000, 480_000, 120_000),  # ceiling Rp12,000,000
        (12_000_000, None, 600_000, 480_000, 120_000),
        (2_000_000, 3_000_000, 150_000, 120_000, 30_000),  # raised to the minimum wage
        (4_123_457, None, 206_173, 164_938, 41_235),  # each share rounded half up
    ],
)
def test_ppu_premium_ceiling_floor_and_shares(wage, floor, total, employer, worker):
    assert ppu_monthly_premium(wage, "2024-07", floor=floor) == total
    assert ppu_monthly_premium(wage, "2024-07", payer="employer", floor=floor) == employer
    assert ppu_monthly_premium(wage, "2024-07", payer="worker", floor=floor) == worker
    assert ppu_monthly_premium(wage, "2024-07", payer="regency", floor=floor) == 0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: monthly_premium("pbpu", 3, "2024-07"), "unknown segment 'pbpu'"),
        (lambda: monthly_premium("pbpu_pemda", 2, "2024-07"), "has no class 2 premium"),
        (lambda: monthly_premium("pbpu_mandiri", 3, "2019-12"), "no pbpu_mandiri premium rule covers 2019-12"),
        (lambda: monthly_premium("pbpu_mandiri", 3, "2024-07", payer="bupati"), "unknown payer 'bupati'"),
        (lambda: monthly_premium("ppu", 1, "2024-07"), "use ppu_monthly_premium"),
        (lambda: ppu_monthly_premium(-1, "2024-07"), "must not be negative"),
    ],
)
def test_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_premium_table_has_a_source_on_every_row():
    table = premiums.premium_table()
    assert len(table) == 30
    assert table["source"].str.contains("Perpres").all()
    table.loc[0, "monthly_rp"] = 1  # a copy: the rules themselves are untouched
    assert monthly_premium("pbi_apbn", 3, "2024-07") == 42_000


def _edited(tmp_path, edit):
    """The real rules file copied to tmp_path with one line changed by ``edit(lines)``."""
    path = tmp_path / "premiums.csv"
    shutil.copy(premiums.PREMIUMS_FILE, path)
    lines = path.read_text().splitlines()
    edit(lines)
    path.write_text("\n".join(lines) + "\n")
    return path


def test_the_real_file_reads(tmp_path):
    assert len(read_premium_rules(_edited(tmp_path, lambda lines: None))) == 30


def test_overlapping_period_names_file_row_and_column(tmp_path):
    path = _edited(tmp_path, lambda lines: lines.append('2024-01,,pbi_apbn,3,central,45000,,,"Perpres 99/2024"'))
    with pytest.raises(PremiumRulesError) as err:
        read_premium_rules(path)
    text = str(err.value)
    assert str(path) in text and "row 32" in text and "column 'effective_from'" in text
    assert "overlaps row 2" in text


def test_a_later_regulation_closing_the_old_row_is_accepted(tmp_path):
    def edit(lines):
        lines[1] = lines[1].replace("2020-01,,pbi_apbn", "2020-01,2025-06,pbi_apbn")
        lines.append('2025-07,,pbi_apbn,3,central,45000,,,"A later Perpres (test)"')

    rules = read_premium_rules(_edited(tmp_path, edit))
    assert len(rules) == 31


def test_every_bad_cell_is_reported_at_once(tmp_path):
    def edit(lines):
        lines[2] = lines[2].replace("pbpu_pemda,3", "pbpu_pemdaa,4")
        lines[5] = lines[5].replace("2020-01,2020-03", "2020-13,2019-03")
        lines[6] = lines[6].replace("110000,,", "110000,5,")

    with pytest.raises(PremiumRulesError) as err:
        read_premium_rules(_edited(tmp_path, edit))
    text = str(err.value)
    assert "row 3, column 'segment': unknown segment 'pbpu_pemdaa'" in text
    assert "row 3, column 'class'" in text
    assert "row 6, column 'effective_from'" in text
    assert "row 7, column 'monthly_rp': give exactly one of monthly_rp and wage_pct" in text


def test_missing_column(tmp_path):
    def edit(lines):
        for i, line in enumerate(lines):
            lines[i] = line.rsplit(",", 1)[0] if i == 0 else line

    with pytest.raises(PremiumRulesError, match="column 'source': required column is missing"):
        read_premium_rules(_edited(tmp_path, edit))


def test_pemda_premium_is_the_regency_share_of_class_iii():
    assert (
        premiums.pemda_premium("2024-07") == 42_000 == premiums.monthly_premium("pbpu_pemda", 3, "2024-07", "regency")
    )
    assert premiums.pemda_premium(pd.Period("2021-01", "M")) == 42_000
    with pytest.raises(ValueError, match="2019-06"):
        premiums.pemda_premium("2019-06")  # before the first rule (2020-01): no silent figure
