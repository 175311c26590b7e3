"""Scenario charts draw the simulated values: lines read back from the Axes equal the paths, in both languages."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from uhc_lib.analysis import budget
from uhc_lib.analysis import scenarios as S
from uhc_lib.render.charts import scenario_chart


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def cianjur_runs(cianjur):
    scs = S.default_scenarios(cianjur, "id")
    paths = S.run(scs, cianjur, 24)
    return paths, S.compare_paths(paths), budget.default_target(cianjur)


def test_lines_are_the_simulated_shares(cianjur_runs):
    paths, table, target = cianjur_runs
    fig = scenario_chart.scenario_chart(paths, target, table, "id")
    cov_ax, act_ax = fig.axes
    names = list(paths)
    for ax, col in ((cov_ax, "coverage_pct"), (act_ax, "activity_pct")):
        lines = [ln for ln in ax.get_lines() if ln.get_label() in names]
        assert [ln.get_label() for ln in lines] == names
        for ln, path in zip(lines, paths.values(), strict=True):
            np.testing.assert_array_equal(ln.get_ydata(), path[col].to_numpy())
    dashed = [ln.get_ydata()[0] for ln in cov_ax.get_lines() if ln.get_linestyle() == "--"]
    assert dashed == [98.0]
    assert [ln.get_ydata()[0] for ln in act_ax.get_lines() if ln.get_linestyle() == "--"] == [80.0]
    # the dot where the combination reaches 98/80: Dec 2025 at exactly 80 % active
    offsets = act_ax.collections[0].get_offsets()
    assert offsets[0][1] == pytest.approx(80.0)
    texts = [t.get_text() for t in fig.texts]
    assert any("ilustratif" in t for t in texts)
    assert "Kabupaten Cianjur" in fig._suptitle.get_text() and "UHC Prioritas" in fig._suptitle.get_text()
    assert any("minimal keaktifan 80 persen" in t.get_text() for t in act_ax.texts)


def test_english_and_not_illustrative(cianjur_runs):
    paths, table, target = cianjur_runs
    fig = scenario_chart.scenario_chart(paths, target, table, "en", illustrative=False)
    assert fig.axes[0].get_title(loc="left") == "Coverage (registered / population)"
    assert not any("Illustrative" in t.get_text() for t in fig.texts)
    assert any("activity minimum 80 percent" in t.get_text() for t in fig.axes[1].texts)


def test_without_target_no_minimums(cianjur_runs):
    paths, _, _ = cianjur_runs
    fig = scenario_chart.scenario_chart(paths, lang="en")
    assert not [ln for ln in fig.axes[0].get_lines() if ln.get_linestyle() == "--"]
    assert fig._suptitle.get_text() == "JKN participation scenarios, Kabupaten Cianjur"


def test_cost_chart_draws_cumulative_rupiah(cianjur_runs):
    paths, _, _ = cianjur_runs
    fig = scenario_chart.cost_chart(paths, "regency", "en")
    ax = fig.axes[0]
    for ln, path in zip(ax.get_lines(), paths.values(), strict=True):
        np.testing.assert_array_equal(ln.get_ydata(), path["cum_cost_regency_rp"].to_numpy())
    assert ax.get_ylabel() == "billion rupiah"
    assert "regency" in ax.get_title(loc="left")
    fig = scenario_chart.cost_chart(paths, "csr", "id")
    assert "CSR perusahaan" in fig.axes[0].get_title(loc="left")
    fig = scenario_chart.cost_chart(paths, "province", "id")  # Cianjur: the province shares nothing
    assert "Pemda provinsi" in fig.axes[0].get_title(loc="left")
    assert all((ln.get_ydata() == 0).all() for ln in fig.axes[0].get_lines())
    with pytest.raises(ValueError, match="no cost column for payer 'bank'"):
        scenario_chart.cost_chart(paths, "bank")


def test_tiny_state_lines_in_both_languages():
    state = S.State(period=pd.Period("2024-12", "M"), population=1000, registered=950, active=700)
    paths = S.run([S.Scenario("a", [S.EnrolUnregistered(pace=10, cap=30)])], state, 3)
    for lang in ("id", "en"):
        fig = scenario_chart.scenario_chart(paths, lang=lang)
        assert fig.axes[0].get_lines()[0].get_ydata().tolist() == [95.0, 96.0, 97.0, 98.0]
        assert fig.axes[1].get_lines()[0].get_ydata().tolist() == [70.0, 71.0, 72.0, 73.0]
    with pytest.raises(ValueError, match="no scenario paths"):
        scenario_chart.scenario_chart({})
