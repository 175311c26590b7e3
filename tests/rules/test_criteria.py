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
    arrears_known,
    certainty_note,
    criteria_for,
    criteria_table,
    evaluate,
    headline,
    label,
    next_year_with_new_rules,
    no_pemda_arrears,
    reload_rules,
    rules_year,
    statuses,
    targets,
    tone,
    uncertainties,
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
        (2026, "prioritas"),
        (2030, "prioritas"),
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


def test_goals_of_2025_and_2026_are_the_statuses_then_the_awards_tiers(real_rules):
    for year in (2025, 2026):
        rows = criteria_for(year)
        assert list(zip(rows["criterion"], rows["kind"], rows["alternative"], strict=True)) == [
            ("cut_off", "status", 1),
            ("prioritas", "status", 1),
            ("madya", "award", 1),
            ("madya", "award", 2),
            ("utama", "award", 1),
            ("utama", "award", 2),
        ]  # Pratama has Prioritas's minimums: not a goal of its own
        t = targets(year)
        assert list(t["criterion"]) == ["cut_off", "prioritas", "madya", "utama"]
        madya = t.set_index("criterion").loc["madya"]
        assert (madya["min_coverage_pct"], madya["min_activity_pct"]) == (98, 85)
        assert pd.isna(madya["min_pemda_pct"])
        assert list(statuses(year)["criterion"]) == ["cut_off", "prioritas"]
    assert list(targets(2024)["criterion"]) == ["uhc", "non_cut_off"]
    assert list(targets(2022)["criterion"]) == ["uhc"]


@pytest.mark.parametrize(
    ("year", "expected"), [(2021, 2023), (2022, 2023), (2024, 2025), (2025, None), (2026, None), (2031, None)]
)
def test_next_year_with_new_rules(real_rules, year, expected):
    assert next_year_with_new_rules(year) == expected  # 2026 keeps the 2025 statuses


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


def test_pamekasan_2025_lost_prioritas_and_is_cut_off(real_rules):
    # FACTS.md: Pamekasan at 98.60 % / 79.14 % lost Prioritas (activity below 80 %) and became UHC Cut Off.
    ind = region_ind(1_000_000, 986_000, 791_400)
    ev = evaluate(ind, 2025)
    assert ev.loc[0, "status"] == "cut_off" and not bool(ev.loc[0, "meets_prioritas"])
    assert tone("cut_off", 2025) == "lower" and tone("prioritas", 2025) == "best" and tone("none", 2025) == "none"


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


@pytest.mark.parametrize(
    ("name", "period", "population", "registered", "active", "expected"),
    [
        ("Kota Bogor", "2025-10", 100_000, 98_670, 79_850, "cut_off"),  # 98.67 / 79.85: Cut Off, not 'not UHC'
        ("Pamekasan", "2025-10", 100_000, 98_600, 79_140, "cut_off"),
        ("Deli Serdang", "2025-09", 100_000, 98_880, 79_000, "cut_off"),  # "UHC Non Prioritas"
        ("Tanjung Pinang", "2026-01", 100_000, 97_470, 75_000, "none"),  # 97.47 %: not UHC, 0.51 short
        ("Lebong", "2026-01", 116_169, 115_863, 96_166, "prioritas"),  # 99.74 / 82.78
        ("Bangka", "2026-01", 100_000, 99_190, 80_420, "prioritas"),
        ("Cianjur", "2024-12", 100_000, 96_000, 68_700, "uhc"),  # UHC (cut-off) 2024: the award for Sep-Dec 2024
        ("Sumedang", "2024-08", 1_197_302, 1_145_699, 893_187, "uhc"),  # 95.69 / 74.6: 0.4 short of non cut-off
    ],
)
def test_published_statuses(real_rules, name, period, population, registered, active, expected):
    ind = indicators(make_panel([("01.01", period, "total", population, registered, active)]))
    assert evaluate(ind, int(period[:4])).loc[0, "status"] == expected, name


def test_prioritas_needs_no_pemda_arrears(real_rules):
    ind = region_ind(10_000, 9_900, 8_500)
    assert evaluate(ind, 2025).loc[0, "status"] == "prioritas"  # no arrears column: assumed none
    assert not arrears_known(ind).any() and no_pemda_arrears(ind).all()
    owing = ind.assign(pemda_arrears_rp=41_000_000_000)
    assert evaluate(owing, 2025).loc[0, "status"] == "cut_off"  # Pamekasan: Rp41-43 bn of arrears
    assert arrears_known(owing).all()
    paid = ind.assign(pemda_arrears_rp=0)
    assert evaluate(paid, 2026).loc[0, "status"] == "prioritas"
    # the Awards tiers above need Prioritas, hence no arrears either
    rich = region_ind(10_000, 10_050, 10_000).assign(pemda_arrears_rp=1)
    ev = evaluate(rich, 2026)
    assert not bool(ev.loc[0, "meets_utama"]) and not bool(ev.loc[0, "meets_madya"])
    assert bool(evaluate(rich.assign(pemda_arrears_rp=0), 2026).loc[0, "meets_utama"])


def test_uncertain_rules_are_named_only_when_they_change_the_status(real_rules):
    def at(period, registered, active):
        ind = indicators(make_panel([("01.01", period, "total", 100_000, registered, active)]))
        return uncertainties(ind, int(period[:4]))

    assert at("2026-01", 97_470, 75_000) == ["cut_off"]  # Cut Off at 95 % would make it UHC
    assert at("2026-01", 94_000, 75_000) == []  # not UHC under either reading
    assert at("2025-10", 98_300, 81_000) == ["prioritas"]  # 98.6 % would make it Cut Off
    assert at("2025-10", 99_000, 81_000) == []
    assert at("2025-03", 96_000, 76_000) == ["cut_off", "prioritas:before"]  # 95/75 (non cut-off) may still apply
    assert at("2025-03", 99_000, 82_000) == []  # the best status under both
    assert at("2025-09", 96_000, 76_000) == ["cut_off"]  # from July 98/80 is certain, the Cut Off minimum is not
    note = certainty_note("cut_off", 2026)
    assert "98 persen" in note and "97,47" in note
    assert "98.6 percent" in certainty_note("prioritas", 2026, "en")
    assert "Juli 2025" in certainty_note("prioritas:before", 2025) and "98,6" not in certainty_note(
        "prioritas:before", 2025
    )


# ---------------------------------------------------------------- labels


def test_labels_id_en(real_rules):
    assert label("non_cut_off", 2024) == "UHC non cut-off (cakupan 95 persen dan keaktifan 75 persen)"
    assert label("non_cut_off", 2024, "en") == "UHC non cut-off (coverage 95 percent and activity 75 percent)"
    assert label("prioritas", 2025, "id") == "UHC Prioritas (cakupan 98 persen dan keaktifan 80 persen)"
    assert label("prioritas", 2025, "en") == "UHC Prioritas (coverage 98 percent and activity 80 percent)"
    assert label("cut_off", 2026, "id") == "UHC Cut Off (cakupan kepesertaan minimal 98 persen)"
    assert label("uhc", 2021, "en") == "UHC (coverage at least 95 percent)"
    assert label("madya", 2027, "id") == "UHC Awards Madya (98 persen dan 85 persen)"
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
        "2027,paripurna,1,1,true,99,90,,,,,,,,,UHC Paripurna (99 persen dan 90 persen),"
        "UHC Paripurna (99 percent and 90 percent),test row",
    )
    assert rules_year(2027) == 2027
    assert rules_year(2030) == 2027
    assert next_year_with_new_rules(2026) == 2027
    assert next_year_with_new_rules(2025) == 2027
    assert headline(2027)["criterion"] == "paripurna"
    assert label("paripurna", 2027, "en") == "UHC Paripurna (99 percent and 90 percent)"
    ev = evaluate(region_ind(10_000, 9_900, 9_000), 2027)
    assert ev.loc[0, "status"] == "paripurna"
    assert ev.loc[0, "criteria_year"] == 2027
    assert evaluate(region_ind(10_000, 9_900, 8_999), 2027).loc[0, "status"] == "none"
    # earlier years unchanged
    assert headline(2026)["criterion"] == "prioritas"


def test_added_alternative_row_is_picked_up(custom_rules):
    # a (fictional) second way to Prioritas in 2025: 95 % coverage and 30 % registered by the Pemda
    append_row(custom_rules, "2025,prioritas,2,2,true,95,75,30,no_pemda_arrears,,,,,,,UHC Prioritas alt,alt,test row")
    assert len(criteria_for(2025)) == 7
    assert list(statuses(2025)["min_coverage_pct"]) == [98, 98]  # first alternative stays the target
    ind = region_ind(10_000, 9_600, 7_600, pemda=3_000)
    assert evaluate(ind, 2025).loc[0, "status"] == "prioritas"
    assert evaluate(region_ind(10_000, 9_600, 7_600), 2025).loc[0, "status"] == "none"


def test_real_rules_back_after_custom(real_rules):
    assert rules_year(2030) == 2026
    assert len(criteria_for(2025)) == 6
