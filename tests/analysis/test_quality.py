"""Tests for uhc_lib.analysis.quality: data-quality flags shown next to the figures."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.helpers import make_frame, row_at
from uhc_lib.analysis.quality import FLAG_COLUMNS, quality_flags


def make_ind(rows: list[tuple]) -> pd.DataFrame:
    """Indicator-like frame from (region_code, 'YYYY-MM', population, registered, active)."""
    return make_frame(rows, ["region_code", "period", "population", "registered", "active"])


def test_columns():
    out = quality_flags(make_ind([("17.07", "2024-07", 113_822, 114_630, 85_833)]))
    assert list(out.columns) == ["region_code", "period", *FLAG_COLUMNS, "population_change_pct"]
    for col in FLAG_COLUMNS:
        assert out[col].dtype == bool


def test_coverage_over_100():
    out = quality_flags(
        make_ind(
            [
                ("17.07", "2024-07", 113_822, 114_630, 85_833),  # Lebong: 100.71 %
                ("32.03", "2024-07", 2_614_845, 2_510_251, 1_796_399),
                ("01.01", "2024-07", 1_000, 1_000, 900),  # exactly 100 %: not over
            ]
        )
    )
    assert list(out["coverage_over_100"]) == [True, False, False]


def test_active_over_registered():
    out = quality_flags(
        make_ind(
            [
                ("01.01", "2024-07", 1_000, 900, 901),
                ("01.02", "2024-07", 1_000, 900, 900),
                ("01.03", "2024-07", 1_000, 900, 100),
            ]
        )
    )
    assert list(out["active_over_registered"]) == [True, False, False]


def test_population_jump_month_on_month():
    ind = make_ind(
        [
            ("01.01", "2024-05", 100_000, 90_000, 80_000),
            ("01.01", "2024-06", 100_000, 90_000, 80_000),  # no change
            ("01.01", "2024-07", 106_000, 90_000, 80_000),  # +6 %: flagged
            ("01.01", "2024-08", 111_300, 90_000, 80_000),  # +5 % exactly: not above 5 %
            ("01.01", "2024-09", 104_000, 90_000, 80_000),  # -6.56 %: flagged (a fall counts)
        ]
    )
    out = quality_flags(ind)
    assert list(out["population_jump"]) == [False, False, True, False, True]
    change = out["population_change_pct"]
    assert pd.isna(change.iloc[0])
    assert change.iloc[1] == pytest.approx(0.0)
    assert change.iloc[2] == pytest.approx(6.0)
    assert change.iloc[3] == pytest.approx(5.0)
    assert change.iloc[4] == pytest.approx(100 * (104_000 - 111_300) / 111_300)


def test_custom_threshold():
    ind = make_ind([("01.01", "2024-06", 100_000, 1, 1), ("01.01", "2024-07", 103_000, 1, 1)])
    assert list(quality_flags(ind)["population_jump"]) == [False, False]
    assert list(quality_flags(ind, jump_pct=2.0)["population_jump"]) == [False, True]


def test_first_month_never_flagged():
    out = quality_flags(make_ind([("01.01", "2024-07", 100_000, 90_000, 80_000)]))
    assert not bool(out.loc[0, "population_jump"])
    assert pd.isna(out.loc[0, "population_change_pct"])


def test_gap_in_months_not_compared_across():
    ind = make_ind(
        [
            ("01.01", "2024-01", 100_000, 90_000, 80_000),
            ("01.01", "2024-03", 150_000, 90_000, 80_000),  # February missing: no comparison
            ("01.01", "2024-04", 150_000, 90_000, 80_000),
        ]
    )
    out = quality_flags(ind)
    assert list(out["population_jump"]) == [False, False, False]
    assert pd.isna(out["population_change_pct"].iloc[1])
    assert out["population_change_pct"].iloc[2] == pytest.approx(0.0)


def test_regions_not_compared_with_each_other_and_order_independent():
    ind = make_ind(
        [
            ("32.03", "2024-08", 2_700_000, 2_510_251, 1_796_399),  # +3.26 % on July: not flagged
            ("17.07", "2024-08", 113_822, 114_630, 85_833),  # first month of Lebong
            ("32.03", "2024-07", 2_614_845, 2_510_251, 1_796_399),
            ("17.07", "2024-09", 125_000, 114_630, 85_833),  # +9.8 %: flagged
        ]
    )
    ind.index = [7, 3, 5, 1]
    out = quality_flags(ind)
    assert list(out.index) == [7, 3, 5, 1]
    assert not row_at(out, "17.07", "2024-08")["population_jump"]
    assert pd.isna(row_at(out, "17.07", "2024-08")["population_change_pct"])
    assert row_at(out, "17.07", "2024-09")["population_jump"]
    assert row_at(out, "17.07", "2024-09")["population_change_pct"] == pytest.approx(
        100 * (125_000 - 113_822) / 113_822
    )
    assert not row_at(out, "32.03", "2024-07")["population_jump"]
    assert not row_at(out, "32.03", "2024-08")["population_jump"]
    assert row_at(out, "32.03", "2024-08")["population_change_pct"] == pytest.approx(
        100 * (2_700_000 - 2_614_845) / 2_614_845
    )
    assert bool(row_at(out, "17.07", "2024-08")["coverage_over_100"])
