"""Maps: every region coloured from its own value, grey only where data is missing, titles and notes in id/en."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgba, to_rgba_array

from uhc_lib.analysis import peers
from uhc_lib.inputs import geo
from uhc_lib.render.charts import maps
from uhc_lib.render.charts.peer_charts import QUADRANT_COLORS
from uhc_lib.rules.indicators import indicators


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def quads(panel):
    return peers.quadrants(indicators(panel), "2025-12")


@pytest.fixture(scope="module")
def summary(panel):
    return peers.province_summary(indicators(panel), "2025-12")


def facecolors(fig) -> np.ndarray:
    return fig.axes[0].collections[0].get_facecolor()


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.texts] + [t.get_text() for t in fig.axes[0].texts]


def legend_labels(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


def test_activity_map_colours_every_region_from_its_value(quads):
    fig = maps.activity_map(quads.regions, illustrative=True)
    colors = facecolors(fig)
    assert colors.shape == (514, 4) and not np.isnan(colors).any()
    joined = geo.join(quads.regions).gdf
    expected = to_rgba_array(maps.class_colors(joined["activity_pct"], maps.CLASS_EDGES["activity_pct"]))
    np.testing.assert_allclose(colors, expected)
    assert not (colors == to_rgba(maps.NO_DATA_COLOR)).all(axis=1).any()
    assert fig.axes[0].get_title(loc="left") == "Keaktifan menurut kabupaten/kota, Desember 2025"
    assert legend_labels(fig) == ["85 atau lebih", "80 sampai < 85", "75 sampai < 80", "70 sampai < 75", "di bawah 70"]
    assert fig.axes[0].get_legend().get_title().get_text() == "Keaktifan (persen penduduk)"
    assert "Data ilustratif (bukan data resmi BPJS Kesehatan)" in texts(fig)
    assert geo.SOURCE_NOTE["id"] in texts(fig)
    assert fig.axes[0].get_xlim() == pytest.approx(maps.INDONESIA_EXTENT[:2])


def test_status_map_counts_match_the_quadrants_in_english(quads):
    fig = maps.status_map(
        quads.regions, quads.coverage_line, quads.activity_line, quads.criteria_year, lang="en", illustrative=False
    )
    colors = facecolors(fig)
    assert len(colors) == 514
    for quad in peers.QUADRANTS:
        n = int((colors == to_rgba(QUADRANT_COLORS[quad])).all(axis=1).sum())
        assert n == quads.count(quad)
    assert fig.axes[0].get_title(loc="left") == "Status against the criteria by regency/city, December 2025"
    assert legend_labels(fig) == ["Coverage and activity met", "Coverage only", "Activity only", "Neither met"]
    title = fig.axes[0].get_legend().get_title().get_text()
    assert title == "2025 criteria\ncoverage at least 98 percent\nactivity at least 80 percent"
    assert not any("Illustrative" in t for t in texts(fig))
    assert geo.SOURCE_NOTE["en"] in texts(fig)


def test_province_map_has_38_patches(summary, quads):
    fig = maps.status_map(summary, quads.coverage_line, quads.activity_line, quads.criteria_year, level="province")
    colors = facecolors(fig)
    assert colors.shape == (38, 4) and not np.isnan(colors).any()
    expected = to_rgba_array(maps.quadrant_colors(geo.join(summary, "province").gdf["quadrant"]))
    np.testing.assert_allclose(colors, expected)
    assert fig.axes[0].get_title(loc="left") == "Status terhadap kriteria menurut provinsi, Desember 2025"


def test_missing_regions_are_grey_and_named_in_the_legend(quads):
    part = quads.regions[~quads.regions["region_code"].isin(["32.03", "17.07", "94.01"])]
    fig = maps.coverage_map(part, lang="en")
    colors = facecolors(fig)
    assert len(colors) == 514
    assert int((colors == to_rgba(maps.NO_DATA_COLOR)).all(axis=1).sum()) == 3
    assert legend_labels(fig)[-1] == "No data"


def test_province_zoom_draws_and_names_its_regions(quads):
    fig = maps.activity_map(quads.regions, province_code="32")
    assert len(facecolors(fig)) == 27
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert len(labels) == 27 and "Kab. Cianjur" in labels and "Kota Bandung" in labels
    assert fig.axes[0].get_title(loc="left") == "Keaktifan menurut kabupaten/kota, Desember 2025 — Jawa Barat"
    with pytest.raises(ValueError, match="province zoom"):
        maps.status_map(quads.regions, 98, 80, 2025, level="province", province_code="32")


def test_class_edges_are_inclusive_below():
    colors = maps.class_colors(pd.Series([69.99, 70.0, 80.0, 85.0, float("nan")]), (70, 75, 80, 85))
    assert colors == [maps.CLASS_COLORS[0], maps.CLASS_COLORS[1], maps.CLASS_COLORS[3], maps.CLASS_COLORS[4],
                      maps.NO_DATA_COLOR]  # fmt: skip
