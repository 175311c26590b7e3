"""Tests for uhc_lib.rules.criteria: rules as data, year resolution, headline targets, status evaluation and labels."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from tests.helpers import make_panel
from uhc_lib.common.config import RULES_DIR as REAL_RULES_DIR
from uhc_lib.rules import criteria
from uhc_lib.rules.criteria import (
    NOT_MET,
    criteria_for,
    criteria_table,
    evaluate,
    headline,
    label,
    next_year_with_new_rules,
    reload_rules,
    rules_year,
    targets,
)
from uhc_lib.rules.indicators import indicators


def region_ind(population: int, registered: int, active: int, pemda: int | None = None, code: str = "01.01"):
    """Indicators of one region-month; with ``pemda`` a segment breakdown, without it a 'total' row."""
    if pemda is None:
        rows = [(code, "2025-12", "total", population, registered, active)]
    else:
        other_active = max(active - pemda, 0)
        rows = [
            (code, "2025-12", "pbpu_pemda", population, pemda, active - other_active),
            (code, "2025-12", "pbi_apbn", population, registered - pemda, other_active),
        ]
    return indicators(make_panel(rows))


LEBONG_2024_07 = ("17.07", "2024-07", "total", 113_822, 114_630, 85_833)
CIANJUR_2024_12 = ("32.03", "2024-12", "total", 2_614_845, 2_510_251, 1_796_399)


@pytest.fixture
def real_rules():
    """Make sure the packaged rules are loaded (another test may have swapped the cache)."""
    reload_rules()
    yield
    reload_rules()


# ---------------------------------------------------------------- the rules file and year resolution


def test_rules_table_is_typed_and_sorted(real_rules):
    t = criteria_table()
    assert t["headline"].dtype == bool
    assert sorted(t["criteria_year"].unique()) == [2022, 2023, 2024, 2025, 2026]
    keys = list(zip(t["criteria_year"], t["rank"], t["alternative"], strict=True))
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2015, 2022), (2021, 2022), (2022, 2022), (2023, 2023), (2024, 2024), (2025, 2025), (2026, 2026), (2027, 2026)],
)
def test_rules_year(real_rules, year, expected):
    assert rules_year(year) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2021, "uhc"),
        (2022, "uhc"),
        (2023, "non_cut_off"),
        (2024, "non_cut_off"),
        (2025, "prioritas"),
        (2026, "pratama"),
        (2030, "pratama"),
    ],
)
def test_headline_per_year(real_rules, year, expected):
    assert headline(year)["criterion"] == expected


def test_headline_minimums(real_rules):
    h24 = headline(2024)
    assert (h24["min_coverage_pct"], h24["min_activity_pct"]) == (95, 75)
    h25 = headline(2025)
    assert (h25["min_coverage_pct"], h25["min_activity_pct"]) == (98, 80)
    h26 = headline(2026)
    assert (h26["min_coverage_pct"], h26["min_activity_pct"]) == (98, 80)


def test_criteria_for_and_targets_2026(real_rules):
    rows = criteria_for(2026)
    assert list(zip(rows["criterion"], rows["alternative"], strict=True)) == [
        ("pratama", 1),
        ("madya", 1),
        ("madya", 2),
        ("utama", 1),
        ("utama", 2),
    ]
    t = targets(2026)
    assert list(t["criterion"]) == ["pratama", "madya", "utama"]
    # targets keep the first alternative of each criterion
    madya = t.set_index("criterion").loc["madya"]
    assert (madya["min_coverage_pct"], madya["min_activity_pct"]) == (98, 85)
    assert pd.isna(madya["min_pemda_pct"])
    assert list(targets(2024)["criterion"]) == ["uhc", "non_cut_off"]
    assert list(targets(2025)["criterion"]) == ["prioritas"]


@pytest.mark.parametrize(
    ("year", "expected"), [(2021, 2023), (2022, 2023), (2024, 2025), (2025, 2026), (2026, None), (2031, None)]
)
def test_next_year_with_new_rules(real_rules, year, expected):
    assert next_year_with_new_rules(year) == expected


# ---------------------------------------------------------------- evaluation


def test_cianjur_dec_2024_uhc_but_not_non_cut_off(real_rules):
    ind = indicators(make_panel([CIANJUR_2024_12]))
    assert round(ind.loc[0, "coverage_pct"], 2) == 96.00
    assert round(ind.loc[0, "activity_pct"], 2) == 68.70
    ev24 = evaluate(ind, 2024)
    assert bool(ev24.loc[0, "meets_uhc"])
    assert not bool(ev24.loc[0, "meets_non_cut_off"])
    assert ev24.loc[0, "status"] == "uhc"
    assert ev24.loc[0, "criteria_year"] == 2024
    ev25 = evaluate(ind, 2025)
    assert not bool(ev25.loc[0, "meets_prioritas"])
    assert ev25.loc[0, "status"] == NOT_MET == "none"
    assert ev25.loc[0, "criteria_year"] == 2025
    assert "meets_uhc" not in ev25


def test_lebong_july_2024_meets_non_cut_off(real_rules):
    ev = evaluate(indicators(make_panel([LEBONG_2024_07])), 2024)
    assert bool(ev.loc[0, "meets_uhc"])
    assert bool(ev.loc[0, "meets_non_cut_off"])
    assert ev.loc[0, "status"] == "non_cut_off"


def test_pamekasan_2025_is_not_prioritas(real_rules):
    # FACTS.md: Pamekasan at 98.60 % / 79.14 % was non-prioritas (activity below 80 %).
    ind = region_ind(1_000_000, 986_000, 791_400)
    ev = evaluate(ind, 2025)
    assert ev.loc[0, "status"] == "none"


def test_evaluate_is_exact_on_counts(real_rules):
    # 7,499 / 10,000 active is 74.99 %; 7,500 is exactly 75 %.
    below = evaluate(region_ind(10_000, 9_500, 7_499), 2024)
    at = evaluate(region_ind(10_000, 9_500, 7_500), 2024)
    assert below.loc[0, "status"] == "uhc"
    assert at.loc[0, "status"] == "non_cut_off"
    # 85,366 of 113,822 rounds to 75.00 % but is below 75 %.
    ev = evaluate(region_ind(113_822, 114_630, 85_366), 2024)
    assert ev.loc[0, "status"] == "uhc"
    # coverage 94.99 %: nothing
    assert evaluate(region_ind(10_000, 9_499, 9_000), 2024).loc[0, "status"] == "none"


def test_evaluate_many_rows_and_keeps_input(real_rules):
    ind = indicators(make_panel([LEBONG_2024_07, CIANJUR_2024_12, ("01.01", "2024-12", "total", 1_000, 900, 800)]))
    before = ind.copy()
    ev = evaluate(ind, 2024)
    assert list(ev["status"]) == ["none", "non_cut_off", "uhc"]
    pd.testing.assert_frame_equal(ind, before)


def test_2026_tiers_by_activity(real_rules):
    assert evaluate(region_ind(10_000, 9_800, 8_000), 2026).loc[0, "status"] == "pratama"
    assert evaluate(region_ind(10_000, 9_800, 7_999), 2026).loc[0, "status"] == "none"
    assert evaluate(region_ind(10_000, 9_800, 8_500), 2026).loc[0, "status"] == "madya"
    # utama needs 18 % registered by the Pemda when activity is below 100 %
    assert evaluate(region_ind(10_000, 9_950, 9_600, pemda=1_800), 2026).loc[0, "status"] == "utama"
    assert evaluate(region_ind(10_000, 9_950, 9_600, pemda=1_799), 2026).loc[0, "status"] == "madya"


def test_2026_madya_via_pemda_alternative(real_rules):
    # 98.5 % coverage, 81 % activity: not madya by 85 % activity, but >= 25 % registered by the Pemda with >= 80 %.
    ev = evaluate(region_ind(10_000, 9_850, 8_100, pemda=2_500), 2026)
    assert bool(ev.loc[0, "meets_pratama"])
    assert bool(ev.loc[0, "meets_madya"])
    assert not bool(ev.loc[0, "meets_utama"])
    assert ev.loc[0, "status"] == "madya"
    # 24.99 % by the Pemda: pratama only
    assert evaluate(region_ind(10_000, 9_850, 8_100, pemda=2_499), 2026).loc[0, "status"] == "pratama"
    # the Pemda alternative still needs 80 % activity
    assert evaluate(region_ind(10_000, 9_850, 7_999, pemda=5_000), 2026).loc[0, "status"] == "none"


def test_2026_utama_pemda_waived_at_full_activity(real_rules):
    # 100 % activity, no Pemda registrations at all: utama through the waiver.
    ev = evaluate(region_ind(10_000, 10_050, 10_000, pemda=0), 2026)
    assert bool(ev.loc[0, "meets_utama"])
    assert ev.loc[0, "status"] == "utama"
    # works without a segment breakdown too (the waiver needs no Pemda figure)
    assert evaluate(region_ind(10_000, 10_050, 10_000), 2026).loc[0, "status"] == "utama"
    # 99.99 % activity without Pemda registrations: not utama
    assert evaluate(region_ind(10_000, 10_050, 9_999, pemda=0), 2026).loc[0, "status"] == "madya"


def test_no_segment_data_cannot_meet_pemda_alternative(real_rules):
    ind = region_ind(10_000, 9_850, 8_100)  # 'total' row only
    assert pd.isna(ind.loc[0, "pemda_registered"])
    ev = evaluate(ind, 2026)
    assert not bool(ev.loc[0, "meets_madya"])
    assert ev.loc[0, "status"] == "pratama"
    # utama's 18 % Pemda alternative is not met either
    ev2 = evaluate(region_ind(10_000, 9_950, 9_600), 2026)
    assert not bool(ev2.loc[0, "meets_utama"])
    assert ev2.loc[0, "status"] == "madya"


def test_no_pemda_column_cannot_meet_pemda_alternative(real_rules):
    ind = region_ind(10_000, 9_850, 8_100, pemda=3_000).drop(columns=["pemda_registered", "pemda_pct"])
    ev = evaluate(ind, 2026)
    assert ev.loc[0, "status"] == "pratama"


# ---------------------------------------------------------------- labels


def test_labels_id_en(real_rules):
    assert label("non_cut_off", 2024) == "UHC non cut-off (cakupan 95 persen dan keaktifan 75 persen)"
    assert label("non_cut_off", 2024, "en") == "UHC non cut-off (coverage 95 percent and activity 75 percent)"
    assert label("prioritas", 2025, "id") == "UHC Prioritas (cakupan 98 persen dan keaktifan 80 persen)"
    assert label("prioritas", 2025, "en") == "UHC Priority (coverage 98 percent and activity 80 percent)"
    assert label("uhc", 2021, "en") == "UHC (coverage at least 95 percent)"
    assert label("pratama", 2027, "id") == "UHC Awards Pratama (98 persen dan 80 persen)"
    assert label("none", 2024) == "belum memenuhi kriteria UHC"
    assert label("none", 2024, "en") == "does not meet the UHC criteria"


def test_label_unknown_criterion_for_year_raises(real_rules):
    with pytest.raises(KeyError):
        label("prioritas", 2024)


# ---------------------------------------------------------------- rules are data


@pytest.fixture
def custom_rules(tmp_path, monkeypatch):
    """A copy of the rules in a tmp dir, swapped in; yields the CSV path to edit before the first lookup."""
    shutil.copy(REAL_RULES_DIR / "uhc_criteria.csv", tmp_path / "uhc_criteria.csv")
    monkeypatch.setattr(criteria, "RULES_DIR", tmp_path)
    reload_rules()
    yield tmp_path / "uhc_criteria.csv"
    reload_rules()


def append_row(path, row: str) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(row + "\n")


def test_added_year_row_is_picked_up(custom_rules):
    append_row(
        custom_rules,
        "2027,paripurna,1,1,true,99,90,,UHC Paripurna (99 persen dan 90 persen),"
        "UHC Paripurna (99 percent and 90 percent),test row",
    )
    assert rules_year(2027) == 2027
    assert rules_year(2030) == 2027
    assert next_year_with_new_rules(2026) == 2027
    assert headline(2027)["criterion"] == "paripurna"
    assert label("paripurna", 2027, "en") == "UHC Paripurna (99 percent and 90 percent)"
    ev = evaluate(region_ind(10_000, 9_900, 9_000), 2027)
    assert ev.loc[0, "status"] == "paripurna"
    assert ev.loc[0, "criteria_year"] == 2027
    assert evaluate(region_ind(10_000, 9_900, 8_999), 2027).loc[0, "status"] == "none"
    # earlier years unchanged
    assert headline(2026)["criterion"] == "pratama"


def test_added_alternative_row_is_picked_up(custom_rules):
    # a (fictional) second way to Prioritas in 2025: 95 % coverage and 30 % registered by the Pemda
    append_row(custom_rules, "2025,prioritas,1,2,true,95,75,30,UHC Prioritas alt,UHC Priority alt,test row")
    assert len(criteria_for(2025)) == 2
    assert list(targets(2025)["min_coverage_pct"]) == [98]  # first alternative stays the target
    ind = region_ind(10_000, 9_600, 7_600, pemda=3_000)
    assert evaluate(ind, 2025).loc[0, "status"] == "prioritas"
    assert evaluate(region_ind(10_000, 9_600, 7_600), 2025).loc[0, "status"] == "none"


def test_real_rules_back_after_custom(real_rules):
    assert rules_year(2030) == 2026
    assert len(criteria_for(2025)) == 1
