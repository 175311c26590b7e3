"""Explore charts draw the figures they are given: lever stacks, province bills, limits around the points."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from tests.helpers import make_panel
from uhc_lib.analysis import national_budget, scenario_mix, scenarios
from uhc_lib.analysis.scenarios import CleanData, EnrolUnregistered, Scenario, State, TakeOverInactive
from uhc_lib.render.charts import explore_charts
from uhc_lib.render.charts.style import ACTIVITY_COLOR
from uhc_lib.rules.indicators import indicators


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_lever_label():
    assert explore_charts.lever_label("EnrolUnregistered", None, "id") == "Pendaftaran penduduk sebagai PBPU Pemda"
    assert (
        explore_charts.lever_label("TakeOverInactive", "ppu", "en") == "Taken over as PBPU Pemda (Wage earners (PPU))"
    )


def test_composition_chart_stacks_levers_that_add_active():
    start = State(period=pd.Period("2024-12", "M"), population=1000, registered=900, active=700)
    sc = Scenario("s", [CleanData(pace=5, cap=5), EnrolUnregistered(pace=10, cap=20), TakeOverInactive(pace=30)])
    path = scenarios.simulate(start, sc, months=3)
    active = scenario_mix.active_by_lever(path, sc)
    fig = explore_charts.composition_chart(active, scenario_mix.lever_table(path, sc), 80, "X", "Kab. Y", "en", True)
    ax = fig.axes[0]
    assert len(ax.collections) == 2  # cleaning adds no active participant: not stacked
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Residents enrolled as PBPU Pemda",
        "Taken over as PBPU Pemda (PBI (central government))",
    ]
    assert ax.lines[0].get_ydata()[0] == 80
    assert any("Illustrative" in t.get_text() for t in fig.texts)


def test_province_cost_chart_draws_the_bills():
    ind = indicators(make_panel([("32.03", "2024-12", "total", 1000, 950, 800), ("17.07", "2024-12", "total", 100, 99,
                                                                                  90)]))  # fmt: skip
    n = national_budget.national_enrolment(ind, "2024-12")
    fig = explore_charts.province_cost_chart(n, "id", False, highlight="32")
    bars = fig.axes[0].patches
    assert len(bars) == 1  # Bengkulu has no one to enrol
    assert bars[0].get_width() == pytest.approx(30 * 42_000 * 12 / 1e9)
    assert to_hex(bars[0].get_facecolor()) == ACTIVITY_COLOR
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Jawa Barat"]


def test_quadrant_limits_hold_every_point():
    regions = pd.DataFrame({"coverage_pct": [60.0, 100.0], "activity_pct": [50.0, 90.0]})
    (x0, x1), (y0, y1) = explore_charts.quadrant_limits(regions)
    assert (x0, x1) == pytest.approx((58.4, 110.0))
    assert (y0, y1) == pytest.approx((18.0, 96.0))
