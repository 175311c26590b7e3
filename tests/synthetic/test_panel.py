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
    assert len(panel) == 514 * 47 * 5
    assert panel["region_code"].nunique() == 514
    assert str(panel["period"].min()) == "2023-01" and str(panel["period"].max()) == "2026-11"
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
    assert [str(p) for p in changes] == ["2023-06", "2023-12", "2024-06", "2024-12", "2025-06", "2025-12", "2026-06"]


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
    assert len(PERIODS) == 47


def test_lebong_january_2026_exactly_and_prioritas(ind):
    from uhc_lib.rules import criteria

    r = at(ind, "17.07", "2026-01")
    assert (r.population, r.registered, r.active) == (116_169, 115_863, 96_166)
    assert (round(r.coverage_pct, 2), round(r.activity_pct, 2)) == (99.74, 82.78)
    month = ind[(ind["region_code"] == "17.07") & (ind["period"] == pd.Period("2026-01", "M"))]
    assert criteria.evaluate(month, 2026).iloc[0]["status"] == "prioritas"


@pytest.mark.parametrize(
    ("code", "period", "status"),
    [("32.71", "2025-10", "cut_off"), ("35.28", "2025-08", "cut_off"), ("21.72", "2026-01", "none")],
)
def test_published_statuses_on_the_embedded_panel(ind, code, period, status):
    from uhc_lib.rules import criteria

    month = ind[(ind["region_code"] == code) & (ind["period"] == pd.Period(period, "M"))]
    assert criteria.evaluate(month, int(period[:4])).iloc[0]["status"] == status


def test_dtsen_pbi_deactivations_drop_and_recover(panel):
    pbi = panel[panel["segment"] == "pbi_apbn"].groupby("period")["active"].sum()
    reg = panel[panel["segment"] == "pbi_apbn"].groupby("period")["registered"].sum()
    for month, persons in anchors.PBI_DEACTIVATIONS.items():
        p = pd.Period(month, "M")
        inactive_before = reg[p - 1] - pbi[p - 1]
        jump = (reg[p] - pbi[p]) - inactive_before
        assert 0.8 * persons < jump < 1.2 * persons  # the deactivated PBI JK are inactive that month
        later = p + anchors.PBI_RECOVERY_MONTHS
        assert (reg[later] - pbi[later]) - inactive_before < 0.1 * persons  # the quota is refilled


def test_denominators_by_semester_and_the_2025_national_total(ind):
    from uhc_lib.rules.indicators import national

    nat = national(ind).set_index("period")
    dec = nat.loc[pd.Period("2025-12", "M")]
    assert dec["population"] == 286_655_851 and dec["registered"] == 282_700_000
    assert round(dec["coverage_pct"], 2) == 98.62 and round(dec["activity_pct"], 2) == 81.45
    assert nat.loc[pd.Period("2026-05", "M"), "population"] == dec["population"]  # Semester I 2025 to May 2026
    assert nat.loc[pd.Period("2026-06", "M"), "population"] > dec["population"]  # Semester II 2025 from June


def test_awards_comparison_sets_the_panel_beside_the_published_count(panel):
    from uhc_lib.synthetic.checks import awards_comparison

    comparison = awards_comparison(panel)
    assert list(comparison) == ["utama", "madya", "pratama", "awarded"]
    assert comparison["awarded"][1] == 397 and comparison["utama"][1] == 75
    assert comparison["awarded"][0] == sum(comparison[t][0] for t in ("utama", "madya", "pratama"))
    assert awards_comparison(panel[panel["period"] < pd.Period("2025-12", "M")]) is None
