"""Tests for uhc_lib.analysis.trends: month-on-month and year-on-year changes, pace and projected months."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tests.helpers import make_panel
from tests.helpers import row_at as at
from uhc_lib.analysis.trends import (
    CHANGE_COLUMNS,
    add_changes,
    months_to_reach,
    pace,
    project_targets,
    projected_period,
)
from uhc_lib.rules.indicators import indicators


@pytest.fixture
def history() -> pd.DataFrame:
    """Region 01.01: Jan 2023 - Jul 2024 with March 2024 missing; population 10,000 (Jan-Jun 2024 10,500).

    Registered grows by 20 and active by 30 persons a month from 9,000 / 7,000 in Jan 2023.
    Region 02.02 only has July 2024.
    """
    rows = []
    for i, per in enumerate(pd.period_range("2023-01", "2024-07", freq="M")):
        if per == pd.Period("2024-03", "M"):
            continue
        pop = 10_500 if per >= pd.Period("2024-01", "M") else 10_000
        rows.append(("01.01", str(per), "total", pop, 9_000 + 20 * i, 7_000 + 30 * i))
    rows.append(("02.02", "2024-07", "total", 50_000, 49_000, 40_000))
    return indicators(make_panel(rows))


def test_add_changes_columns(history):
    out = add_changes(history)
    for col in CHANGE_COLUMNS:
        assert f"{col}_change_mom" in out
        assert f"{col}_change_yoy" in out
    assert len(out) == len(history)
    assert "registered_change_mom" not in history  # the input is not modified


def test_month_on_month_changes(history):
    out = add_changes(history)
    jul = at(out, "01.01", "2024-07")
    jun = at(history, "01.01", "2024-06")
    jul_ind = at(history, "01.01", "2024-07")
    assert jul["registered_change_mom"] == 20
    assert jul["active_change_mom"] == 30
    assert jul["population_change_mom"] == 0
    # percentage points, not a relative change
    assert jul["coverage_pct_change_mom"] == pytest.approx(jul_ind["coverage_pct"] - jun["coverage_pct"])
    assert jul["coverage_pct_change_mom"] == pytest.approx(100 * 20 / 10_500)
    assert jul["activity_pct_change_mom"] == pytest.approx(100 * 30 / 10_500)
    # January 2024: population rose from 10,000 to 10,500
    jan = at(out, "01.01", "2024-01")
    assert jan["population_change_mom"] == 500
    dec_ind = at(history, "01.01", "2023-12")
    jan_ind = at(history, "01.01", "2024-01")
    assert jan["coverage_pct_change_mom"] == pytest.approx(jan_ind["coverage_pct"] - dec_ind["coverage_pct"])


def test_month_on_month_na_where_earlier_month_absent(history):
    out = add_changes(history)
    first = at(out, "01.01", "2023-01")
    april = at(out, "01.01", "2024-04")  # March 2024 missing
    other = at(out, "02.02", "2024-07")
    for row in (first, april, other):
        for col in CHANGE_COLUMNS:
            assert pd.isna(row[f"{col}_change_mom"]), col
    assert at(out, "01.01", "2024-05")["registered_change_mom"] == 20


def test_year_on_year_changes(history):
    out = add_changes(history)
    jul = at(out, "01.01", "2024-07")
    assert jul["registered_change_yoy"] == 12 * 20
    assert jul["active_change_yoy"] == 12 * 30
    assert jul["population_change_yoy"] == 500
    jul23 = at(history, "01.01", "2023-07")
    jul24 = at(history, "01.01", "2024-07")
    assert jul["coverage_pct_change_yoy"] == pytest.approx(jul24["coverage_pct"] - jul23["coverage_pct"])
    assert jul["activity_pct_change_yoy"] == pytest.approx(jul24["activity_pct"] - jul23["activity_pct"])
    # no month twelve months earlier
    dec23 = at(out, "01.01", "2023-12")
    assert pd.isna(dec23["registered_change_yoy"])
    assert pd.isna(dec23["coverage_pct_change_yoy"])
    assert at(out, "01.01", "2024-01")["registered_change_yoy"] == 240
    # March 2025 would compare with the missing March 2024; March 2024 itself is absent, April 2024 has April 2023
    assert at(out, "01.01", "2024-04")["registered_change_yoy"] == 240


def test_pace(history):
    p = pace(history, "registered", window=6)
    jul = history.index[(history["region_code"] == "01.01") & (history["period"] == pd.Period("2024-07", "M"))][0]
    assert p[jul] == pytest.approx(20.0)
    assert pace(history, "active", window=3)[jul] == pytest.approx(30.0)
    cov = pace(history, "coverage_pct", window=6)
    expected = (history.loc[jul, "coverage_pct"] - at(history, "01.01", "2024-01")["coverage_pct"]) / 6
    assert cov[jul] == pytest.approx(expected)
    assert list(p.index) == list(history.index)


def test_pace_na_without_history(history):
    p = pace(history, "registered", window=6)
    first_months = history["period"] <= pd.Period("2023-06", "M")
    assert p[first_months & (history["region_code"] == "01.01")].isna().all()
    assert p[first_months & (history["region_code"] == "01.01")].size == 6
    sep23 = history.index[(history["region_code"] == "01.01") & (history["period"] == pd.Period("2023-09", "M"))][0]
    assert p[sep23] == pytest.approx(20.0)
    other = history.index[history["region_code"] == "02.02"][0]
    assert pd.isna(p[other])
    # a window that lands on the missing March 2024
    jul = history.index[(history["region_code"] == "01.01") & (history["period"] == pd.Period("2024-07", "M"))][0]
    assert pd.isna(pace(history, "registered", window=4)[jul])


@pytest.mark.parametrize(
    ("current", "target", "monthly_pace", "expected"),
    [
        (98.0, 98.0, 0.5, 0),  # already there
        (99.0, 98.0, -1.0, 0),  # above the target even when falling
        (96.0, 98.0, 0.5, 4),  # exactly 4 months
        (96.0, 98.0, 0.3, 7),  # 6.67 -> 7
        (96.0, 98.0, 2 / 3, 3),
        (75.3, 98.0, (98.0 - 75.3) / 15, 15),  # the division gives 15.000000000000002: still 15, not 16
        (94.7, 95.0, (95.0 - 94.7) / 7, 7),  # 7.000000000000001
        (96.0, 98.0, 5.0, 1),  # less than a month -> 1
        (96.0, 98.0, 0.0, None),
        (96.0, 98.0, -0.1, None),
        (96.0, 98.0, float("nan"), None),
        (96.0, 98.0, None, None),
        (96.0, 98.0, float("inf"), None),
    ],
)
def test_months_to_reach(current, target, monthly_pace, expected):
    assert months_to_reach(current, target, monthly_pace) == expected


def test_projected_period():
    jul = pd.Period("2024-07", "M")
    assert projected_period(jul, 96.0, 98.0, 0.5) == pd.Period("2024-11", "M")
    assert projected_period(jul, 96.0, 98.0, 0.3) == pd.Period("2025-02", "M")
    assert projected_period(jul, 98.5, 98.0, 0.0) == jul
    assert projected_period(jul, 96.0, 98.0, 0.0) is None
    assert projected_period(jul, 96.0, 98.0, float("nan")) is None


def test_project_targets(history):
    out = project_targets(history, 98, 80, window=6)
    assert list(out.columns) == [
        "region_code",
        "period",
        "coverage_pace_pp",
        "coverage_reached",
        "activity_pace_pp",
        "activity_reached",
    ]
    jul = at(out, "01.01", "2024-07")
    ind = at(history, "01.01", "2024-07")
    cov_pace = (ind["coverage_pct"] - at(history, "01.01", "2024-01")["coverage_pct"]) / 6
    act_pace = (ind["activity_pct"] - at(history, "01.01", "2024-01")["activity_pct"]) / 6
    assert jul["coverage_pace_pp"] == pytest.approx(cov_pace)
    assert jul["activity_pace_pp"] == pytest.approx(act_pace)
    # registered 9,360 of 10,500 (89.14 %): 98 % needs 10,290, i.e. 46.5 more months of +20
    months = math.ceil((98 - ind["coverage_pct"]) / cov_pace - 1e-9)
    assert jul["coverage_reached"] == pd.Period("2024-07", "M") + months
    assert jul["coverage_reached"] == pd.Period("2028-06", "M")
    # active 7,540 (71.81 %): 80 % needs 8,400, i.e. 28.67 months of +30
    assert jul["activity_reached"] == pd.Period("2026-12", "M")
    # no history -> no pace -> never
    first = at(out, "01.01", "2023-01")
    assert pd.isna(first["coverage_pace_pp"])
    assert pd.isna(first["coverage_reached"])  # None, stored as NaT in a period column
    other = at(out, "02.02", "2024-07")
    assert other["coverage_reached"] == pd.Period("2024-07", "M")  # 98 % met: reached now
    assert other["activity_reached"] == pd.Period("2024-07", "M")  # 80 % met


def test_project_targets_without_a_target(history):
    out = project_targets(history, None, 80, window=6)
    assert out["coverage_reached"].isna().all()
    assert out["coverage_pace_pp"].notna().any()  # the pace is still reported
    assert at(out, "02.02", "2024-07")["activity_reached"] == pd.Period("2024-07", "M")
