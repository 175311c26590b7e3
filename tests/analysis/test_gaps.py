"""Tests for uhc_lib.analysis.gaps: persons needed to reach coverage and activity minimums."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

from tests.helpers import PCTS, count_rows, make_panel
from uhc_lib.analysis.gaps import gap_to, gaps
from uhc_lib.rules.criteria import reload_rules
from uhc_lib.rules.indicators import indicators, meets

CIANJUR_2024_12 = ("32.03", "2024-12", "total", 2_614_845, 2_510_251, 1_796_399)
LEBONG_2024_07 = ("17.07", "2024-07", "total", 113_822, 114_630, 85_833)


@pytest.fixture(autouse=True)
def real_rules():
    reload_rules()
    yield
    reload_rules()


@pytest.fixture
def cianjur():
    return indicators(make_panel([CIANJUR_2024_12]))


def test_cianjur_to_98_80(cianjur):
    g = gap_to(cianjur, 98, 80).iloc[0]
    assert g["enrol_needed"] == 52_298
    assert g["activate_needed"] == 295_477
    assert g["reactivate_needed"] == 243_179
    assert g["reactivate_needed"] == g["activate_needed"] - g["enrol_needed"]


def test_cianjur_to_95_75(cianjur):
    g = gap_to(cianjur, 95, 75).iloc[0]
    assert g["enrol_needed"] == 0
    assert g["activate_needed"] == 164_735
    assert g["reactivate_needed"] == 164_735


def test_gap_to_none_minimums(cianjur):
    g = gap_to(cianjur, None, 80).iloc[0]
    assert g["enrol_needed"] == 0
    assert g["activate_needed"] == 295_477
    g2 = gap_to(cianjur, 98, None).iloc[0]
    assert (g2["enrol_needed"], g2["activate_needed"], g2["reactivate_needed"]) == (52_298, 0, 0)


def test_gap_to_zero_when_met():
    ind = indicators(make_panel([LEBONG_2024_07]))
    g = gap_to(ind, 95, 75).iloc[0]
    assert (g["enrol_needed"], g["activate_needed"], g["reactivate_needed"]) == (0, 0, 0)
    g80 = gap_to(ind, 98, 80).iloc[0]
    assert g80["enrol_needed"] == 0  # 100.71 % registered
    assert g80["activate_needed"] == 91_058 - 85_833  # 80 % of 113,822 = 91,057.6
    assert g80["reactivate_needed"] == g80["activate_needed"]


def test_reactivate_never_above_inactive():
    # 990 registered, 985 active: only 5 inactive, but 14 more active persons are needed for 99.9 %.
    ind = indicators(make_panel([("01.01", "2024-01", "total", 1_000, 990, 985)]))
    g = gap_to(ind, 98, 99.9).iloc[0]
    assert g["enrol_needed"] == 0
    assert g["activate_needed"] == 14
    assert g["reactivate_needed"] == 5


def test_enrolment_covers_activation():
    # every new enrolee counts as active, so no reactivation is needed when enrolment exceeds activation
    ind = indicators(make_panel([("01.01", "2024-01", "total", 1_000, 500, 400)]))
    g = gap_to(ind, 98, 80).iloc[0]
    assert (g["enrol_needed"], g["activate_needed"], g["reactivate_needed"]) == (480, 400, 0)


def test_gap_to_keeps_index():
    ind = indicators(make_panel([CIANJUR_2024_12, LEBONG_2024_07]))
    ind.index = [10, 20]
    g = gap_to(ind, 98, 80)
    assert list(g.index) == [10, 20]
    assert list(g.columns) == ["enrol_needed", "activate_needed", "reactivate_needed"]
    assert list(ind["region_code"]) == ["17.07", "32.03"]
    assert g.loc[10, "enrol_needed"] == 0
    assert g.loc[20, "enrol_needed"] == 52_298
    assert all(g[c].dtype == np.int64 for c in g.columns)
    long = gaps(ind, 2025)
    prioritas = long[long["criterion"] == "prioritas"]
    assert list(zip(prioritas["region_code"], prioritas["enrol_needed"], strict=True)) == [
        ("17.07", 0),
        ("32.03", 52_298),
    ]


def test_gaps_long_table_one_row_per_criterion(cianjur):
    g24 = gaps(cianjur, 2024)
    assert list(g24["criterion"]) == ["uhc", "non_cut_off"]
    assert (g24["region_code"] == "32.03").all()
    assert (g24["period"] == pd.Period("2024-12", "M")).all()
    uhc = g24.set_index("criterion").loc["uhc"]
    assert uhc["target_coverage_pct"] == 95
    assert pd.isna(uhc["target_activity_pct"])
    assert (uhc["enrol_needed"], uhc["activate_needed"], uhc["reactivate_needed"]) == (0, 0, 0)
    nco = g24.set_index("criterion").loc["non_cut_off"]
    assert (nco["target_coverage_pct"], nco["target_activity_pct"]) == (95, 75)
    assert (nco["enrol_needed"], nco["activate_needed"]) == (0, 164_735)

    g25 = gaps(cianjur, 2025)
    assert list(g25["criterion"]) == ["cut_off", "prioritas", "madya", "utama"]  # the statuses, then Awards tiers
    row = g25.set_index("criterion").loc["prioritas"]
    assert (row["enrol_needed"], row["activate_needed"], row["reactivate_needed"]) == (52_298, 295_477, 243_179)
    cut_off = g25.set_index("criterion").loc["cut_off"]
    assert (cut_off["enrol_needed"], cut_off["activate_needed"]) == (52_298, 0)


def test_gaps_many_regions_and_months():
    panel = make_panel(
        [
            CIANJUR_2024_12,
            ("32.03", "2025-01", "total", 2_614_845, 2_520_000, 1_800_000),
            LEBONG_2024_07,
            ("17.07", "2024-08", "total", 113_822, 114_700, 86_000),
        ]
    )
    ind = indicators(panel)
    g = gaps(ind, 2026)
    assert len(g) == 4 * len(ind) == 16
    assert g.groupby(["region_code", "period"]).size().eq(4).all()
    assert sorted(g["criterion"].unique()) == ["cut_off", "madya", "prioritas", "utama"]
    madya = g[g["criterion"] == "madya"]
    assert (madya["target_coverage_pct"] == 98).all()
    assert (madya["target_activity_pct"] == 85).all()  # the first alternative is the target
    cianjur = g[(g["region_code"] == "32.03") & (g["period"] == pd.Period("2024-12", "M"))]
    assert cianjur.set_index("criterion").loc["prioritas", "activate_needed"] == 295_477


# ---------------------------------------------------------------- property tests


@settings(max_examples=75, deadline=None)
@given(count_rows(max_regions=6), PCTS, PCTS)
def test_property_gaps_close_exactly(rows, cov, act):
    ind = indicators(make_panel(rows))
    g = gap_to(ind, cov, act)
    enrol = g["enrol_needed"].to_numpy()
    activate = g["activate_needed"].to_numpy()
    reactivate = g["reactivate_needed"].to_numpy()
    inactive = ind["inactive"].to_numpy()
    assert (enrol >= 0).all() and (activate >= 0).all() and (reactivate >= 0).all()
    assert (reactivate <= inactive).all()
    assert (reactivate <= activate).all()
    pop, reg, active = (ind[c].to_numpy() for c in ("population", "registered", "active"))
    assert meets(reg + enrol, pop, cov).all()
    assert meets(active + activate, pop, act).all()
    # and not one person more than needed
    assert (~meets(reg + enrol - 1, pop, cov) | (enrol == 0)).all()
    assert (~meets(active + activate - 1, pop, act) | (activate == 0)).all()
