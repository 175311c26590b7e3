"""Charts draw the brief's own figures: lines are the history, dashed lines the goals' minimums."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from uhc_lib.render.charts import brief_charts


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_trend_chart_lines_and_targets(cianjur):
    fig = brief_charts.trend_chart(cianjur, "id")
    ax = fig.axes[0]
    lines = ax.get_lines()
    np.testing.assert_allclose(lines[0].get_ydata(), cianjur.history["coverage_pct"])
    np.testing.assert_allclose(lines[1].get_ydata(), cianjur.history["activity_pct"])
    dashed = sorted({round(line.get_ydata()[0], 2) for line in lines[2:]})
    assert dashed == [75.0, 80.0, 95.0, 98.0]
    texts = [t.get_text() for t in ax.texts]
    assert "96" in texts and "68,7" in texts
    assert any("ilustratif" in t for t in texts)
    assert "Kabupaten Cianjur" in ax.get_title(loc="left")


def test_segment_chart_bars(lebong):
    fig = brief_charts.segment_chart(lebong, "en")
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    assert sum(widths) == pytest.approx(lebong.registered)
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "PBI (central government)"


def test_segment_chart_without_breakdown(lebong):
    import dataclasses

    empty = dataclasses.replace(lebong, segments=lebong.segments.iloc[0:0])
    fig = brief_charts.segment_chart(empty, "id")
    assert "tanpa rincian segmen" in fig.axes[0].texts[0].get_text()
