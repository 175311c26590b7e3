"""The embedded illustrative panel: reproducible from code and faithful to every published figure."""

import pandas as pd
import pytest

from uhc_lib.common.config import EMBEDDED_PANEL
from uhc_lib.inputs.panel import read_panel
from uhc_lib.rules import indicators
from uhc_lib.synthetic import anchors
from uhc_lib.synthetic.checks import published_mismatches
from uhc_lib.synthetic.panel import PERIODS, generate, semester_of


@pytest.fixture(scope="module")
def panel():
    return read_panel(EMBEDDED_PANEL)


@pytest.fixture(scope="module")
def ind(panel):
    return indicators.indicators(panel)


def at(ind, code, period):
    row = ind[(ind["region_code"] == code) & (ind["period"] == pd.Period(period, "M"))]
    assert len(row) == 1
    return row.iloc[0]


def test_committed_file_is_what_the_generator_makes():
    committed = pd.read_csv(EMBEDDED_PANEL, dtype={"region_code": str, "period": str})
    pd.testing.assert_frame_equal(generate().reset_index(drop=True), committed, check_dtype=False)


def test_shape_every_region_month_and_segment(panel):
    assert len(panel) == 514 * 36 * 5
    assert panel["region_code"].nunique() == 514
    assert str(panel["period"].min()) == "2023-01" and str(panel["period"].max()) == "2025-12"
    assert set(panel["segment"]) == {"pbi_apbn", "pbpu_pemda", "ppu", "pbpu_mandiri", "bp"}
    assert (panel["active"] <= panel["registered"]).all()


def test_every_published_figure_is_reproduced(panel):
    assert published_mismatches(panel) == []


def test_lebong_july_2024_exactly(ind):
    r = at(ind, "17.07", "2024-07")
    assert round(r.coverage_pct, 2) == 100.71
    assert round(r.activity_pct, 2) == 75.41
    assert round(r.inactive_pct, 2) == 25.30  # 100.71 - 75.41


def test_lebong_march_2024_counts(ind):
    r = at(ind, "17.07", "2024-03")
    assert (r.population, r.registered, r.active) == (112_982, 113_647, 85_244)


def test_cianjur_december_2024_exactly(ind):
    r = at(ind, "32.03", "2024-12")
    assert round(r.coverage_pct, 2) == 96.00
    assert round(r.activity_pct, 2) == 68.70


def test_cianjur_became_prioritas_in_september_2025(ind):
    aug, sep = at(ind, "32.03", "2025-08"), at(ind, "32.03", "2025-09")
    assert not (aug.coverage_pct >= 98 and aug.activity_pct >= 80)
    assert sep.coverage_pct >= 98 and sep.activity_pct >= 80
    assert round(float(sep.pemda_pct), 1) == 30.3


def test_national_threshold_counts(ind):
    dec23 = ind[ind["period"] == pd.Period("2023-12", "M")]
    assert indicators.meets(dec23["registered"], dec23["population"], 95).sum() == 416
    assert dec23.loc[dec23["coverage_pct"].idxmin(), "region_code"] == "82.08"
    aug25 = ind[ind["period"] == pd.Period("2025-08", "M")]
    both = indicators.meets(aug25["registered"], aug25["population"], 98) & indicators.meets(
        aug25["active"], aug25["population"], 80
    )
    assert both.sum() == 331


def test_population_is_real_dukcapil_semester_ii_2024_from_june_2025(ind):
    june = ind[ind["period"] == pd.Period("2025-06", "M")]
    assert june["population"].sum() == 284_973_643
    assert at(ind, "32.03", "2025-06").population == 2_638_825


def test_denominator_steps_only_at_semester_changes(ind):
    lebong = ind[ind["region_code"] == "17.07"].set_index("period")["population"]
    changes = [p for p, d in lebong.diff().items() if d and d == d]
    assert [str(p) for p in changes] == ["2023-06", "2023-12", "2024-06", "2024-12", "2025-06", "2025-12"]


@pytest.mark.parametrize(
    ("period", "semester"),
    [
        ("2023-01", "S1-2022"),
        ("2023-06", "S2-2022"),
        ("2023-12", "S1-2023"),
        ("2024-03", "S1-2023"),
        ("2024-07", "S2-2023"),
        ("2025-12", "S1-2025"),
        ("2026-01", "S1-2025"),
    ],
)
def test_semester_of(period, semester):
    assert semester_of(pd.Period(period, "M")) == semester


def test_monthly_paths_are_smooth(ind):
    """Registered counts follow people: no month-on-month jump above 3 % anywhere (denominators may step)."""
    wide = ind.pivot(index="period", columns="region_code", values="registered")
    assert (wide.pct_change().abs().max() < 0.03).all()


def test_anchor_list_covers_published_exact_figures():
    exact = {(a.region_code, a.period) for a in anchors.ANCHORS if a.exact}
    assert {("17.07", "2024-07"), ("17.07", "2024-03"), ("32.03", "2024-12")} <= exact
    assert len(PERIODS) == 36
