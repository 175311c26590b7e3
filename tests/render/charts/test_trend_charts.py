"""National and attainment charts draw exactly the computed figures, labelled in the chosen language."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from uhc_lib.analysis import projections
from uhc_lib.render.charts import trend_charts
from uhc_lib.rules import criteria
from uhc_lib.rules.indicators import indicators, national


@pytest.fixture(scope="module")
def ind(panel):
    return indicators(panel)


def _texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(plt.Text))


def test_national_chart_draws_national_shares(ind):
    nat = national(ind)
    fig = trend_charts.national_trend_chart(nat, "id")
    lines = fig.axes[0].get_lines()
    np.testing.assert_allclose(lines[0].get_ydata(), nat["coverage_pct"])
    np.testing.assert_allclose(lines[1].get_ydata(), nat["activity_pct"])
    assert "Cakupan dan keaktifan JKN nasional" in _texts(fig) and "Data ilustratif" in _texts(fig)
    assert "Jan 2024" in [t.get_text() for t in fig.axes[0].get_xticklabels()]
    plt.close(fig)


def test_attainment_chart_observed_and_projected(ind):
    observed = projections.attainment(ind[ind["period"] <= pd.Period("2025-12", "M")], 2025)
    projected = projections.projected_attainment(ind, "2025-12", 2025, horizon=6)
    fig = trend_charts.attainment_chart(
        observed, "prioritas", criteria.label("prioritas", 2025, "en"), projected, "en", illustrative=False
    )
    lines = fig.axes[0].get_lines()
    assert list(lines[0].get_ydata()) == observed["prioritas"].tolist()
    assert list(lines[1].get_ydata()) == projected["regions_met"].tolist()
    assert lines[1].get_ydata()[0] == lines[0].get_ydata()[-1]  # the projection starts where the record ends
    text = _texts(fig)
    assert "Kabupaten/kota meeting UHC Prioritas (coverage 98 percent" in text and "Illustrative" not in text
    plt.close(fig)


def test_pace_chart_points(ind):
    paces = projections.region_paces(ind, "2025-12")
    fig = trend_charts.pace_chart(paces, "id")
    offsets = fig.axes[0].collections[0].get_offsets()
    assert len(offsets) == 514
    np.testing.assert_allclose(offsets[:, 1], paces["activity_pace_pp"])
    assert "Laju perubahan per bulan, Desember 2025" in _texts(fig)
    plt.close(fig)
