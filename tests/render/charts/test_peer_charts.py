"""Peer charts draw the peers' own figures: points read back from the Axes equal the data, lines sit at the criteria."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from tests.helpers import make_panel
from uhc_lib.analysis import peers
from uhc_lib.render.charts import peer_charts
from uhc_lib.rules.indicators import indicators

SMALL = [("32.01", 1000, 990, 900), ("32.02", 1000, 990, 800), ("32.03", 2000, 1900, 1600),
         ("11.01", 500, 490, 350), ("11.02", 500, 400, 400), ("11.03", 1000, 900, 600)]  # fmt: skip


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def small():
    return indicators(make_panel([(c, "2025-12", "total", p, r, a) for c, p, r, a in SMALL]))


@pytest.fixture(scope="module")
def ind(panel):
    return indicators(panel)


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def legend_texts(ax) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def line_positions(ax) -> tuple[list[float], list[float]]:
    """x of vertical lines and y of horizontal lines drawn with axvline/axhline."""
    xs, ys = [], []
    for line in ax.get_lines():
        x, y = np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)
        if x[0] == x[-1]:
            xs.append(float(x[0]))
        elif y[0] == y[-1]:
            ys.append(float(y[0]))
    return sorted(xs), sorted(ys)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_quadrant_chart_points_lines_and_counts(small, lang):
    q = peers.quadrants(small)
    fig = peer_charts.quadrant_chart(q, lang=lang, illustrative=True)
    ax = fig.axes[0]
    np.testing.assert_allclose(ax.collections[0].get_offsets(), q.regions[["coverage_pct", "activity_pct"]])
    assert line_positions(ax) == ([98.0], [80.0])
    if lang == "id":
        assert legend_texts(ax) == ["Cakupan dan keaktifan memenuhi: 2", "Hanya cakupan memenuhi: 1",
                                    "Hanya keaktifan memenuhi: 2", "Keduanya belum memenuhi: 1"]  # fmt: skip
        assert "Keaktifan minimal 80 (kriteria 2025)" in texts(ax)
        assert ax.get_title(loc="left") == "Cakupan dan keaktifan 6 kabupaten/kota, Desember 2025"
        assert "Data ilustratif (bukan data resmi BPJS Kesehatan)" in texts(ax)
    else:
        assert legend_texts(ax) == ["Coverage and activity met: 2", "Coverage only: 1", "Activity only: 2",
                                    "Neither met: 1"]  # fmt: skip
        assert "Coverage minimum 98 (2025 criteria)" in texts(ax)
        assert ax.get_xlabel() == "Coverage (registered / population, percent)"


def test_quadrant_chart_highlight_and_population_size(ind):
    q = peers.quadrants(ind, "2024-12")
    fig = peer_charts.quadrant_chart(q, highlight="32.03", size_by_population=True)
    ax = fig.axes[0]
    assert len(ax.collections[0].get_offsets()) == 514
    sizes = ax.collections[0].get_sizes()
    np.testing.assert_allclose(sizes, 6 + 240 * q.regions["population"] / q.regions["population"].max())
    cianjur = q.regions.set_index("region_code").loc["32.03", ["coverage_pct", "activity_pct"]].to_numpy(float)
    np.testing.assert_allclose(ax.collections[1].get_offsets()[0], cianjur)
    assert "Kabupaten Cianjur" in texts(ax)
    assert line_positions(ax) == ([95.0], [75.0])
    with pytest.raises(KeyError, match="'99.99'"):
        peer_charts.quadrant_chart(q, highlight="99.99")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_province_ranking_chart(ind, lang):
    pp = peers.province_peers(ind, "32", "2024-12")
    fig = peer_charts.province_ranking_chart(pp, highlight="32.03", lang=lang)
    ax = fig.axes[0]
    order = pp.regions.sort_values(["activity_rank_province", "region_code"])
    np.testing.assert_allclose(ax.collections[1].get_offsets()[:, 0], order["coverage_pct"])
    np.testing.assert_allclose(ax.collections[2].get_offsets()[:, 0], order["activity_pct"])
    assert ax.collections[1].get_offsets()[0, 1] == 26  # rank 1 on the top row
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "1. Kota Bogor" and labels[-1] == "27. Kab. Cianjur"
    assert ax.get_yticklabels()[-1].get_fontweight() == "bold"
    xs, _ = line_positions(ax)
    assert xs == pytest.approx(sorted([75.0, 95.0, pp.pooled_activity_pct, pp.pooled_coverage_pct]))
    title = ax.get_title(loc="left")
    if lang == "id":
        assert title == "Kabupaten/kota di Jawa Barat menurut keaktifan, Desember 2024"
    else:
        assert title == "Regencies and cities of Jawa Barat by activity, December 2024"


def test_province_ranking_chart_by_coverage_with_ties(small):
    pp = peers.province_peers(small, "32")
    fig = peer_charts.province_ranking_chart(pp, sort_by="coverage_pct")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["1. Kab. Bogor", "1. Kab. Sukabumi", "3. Kab. Cianjur"]
    with pytest.raises(KeyError, match="not in province 32"):
        peer_charts.province_ranking_chart(pp, highlight="11.01")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_inequality_chart_ranges(ind, lang):
    ineq = peers.province_inequality(ind, "2024-12", "activity_pct")
    nat = peers.national_inequality(ind, "2024-12", "activity_pct", between="regions")
    fig = peer_charts.inequality_chart(ineq, line=75.0, national=nat, lang=lang, period="2024-12", criteria_year=2024)
    ax = fig.axes[0]
    d = ineq.sort_values(["difference", "province_code"], ascending=[False, True])
    segments = ax.collections[0].get_segments()
    assert len(segments) == 38
    np.testing.assert_allclose([s[0][0] for s in segments], d["worst_pct"])
    np.testing.assert_allclose([s[1][0] for s in segments], d["best_pct"])
    np.testing.assert_allclose(ax.collections[3].get_offsets()[:, 0], d["pooled_pct"])
    assert [t.get_text() for t in ax.get_yticklabels()] == list(d["province_name"])
    xs, _ = line_positions(ax)
    assert xs == pytest.approx(sorted([75.0, nat["pooled_pct"]]))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    if lang == "id":
        assert "Keaktifan minimal 75 (kriteria 2024)" in legend
        assert ax.get_title(loc="left") == "Rentang keaktifan antar-kabupaten/kota dalam provinsi, Desember 2024"
    else:
        assert "Activity minimum 75 (2024 criteria)" in legend
        assert ax.get_xlabel() == "Activity (active / population, percent)"
