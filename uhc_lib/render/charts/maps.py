"""Choropleth maps of coverage, activity and quadrant status, by kab/kota or by province (GeoDataFrame.plot).

Maps take frames computed by :mod:`uhc_lib.analysis.peers` (``Quadrants.regions``, ``province_summary``...) and do
nothing but join them to the polygons (:func:`uhc_lib.inputs.geo.join`) and map values to colours. Coverage and activity
are drawn in classes whose edges are the minimums of the UHC criteria (95/98 percent coverage, 75/80/85 percent
activity), so a colour says which line a region has passed. Regions without data are drawn grey.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap, to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from uhc_lib.analysis.peers import QUADRANTS
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.inputs import geo, reference
from uhc_lib.render.charts.peer_charts import QUADRANT_COLORS
from uhc_lib.render.charts.style import DPI, TEXT
from uhc_lib.render.text.classes import class_labels
from uhc_lib.render.text.peer_text import METRIC_WORDS, QUADRANT_LABELS, lines_legend, short_name

CLASS_EDGES = {"coverage_pct": (90.0, 95.0, 98.0, 100.0), "activity_pct": (70.0, 75.0, 80.0, 85.0)}
CLASS_COLORS = ("#b2182b", "#ef8a62", "#fddbc7", "#67a9cf", "#2166ac")  # below ... above the highest edge
NO_DATA_COLOR = "#d9d9d9"
EDGE_COLOR = "white"
INDONESIA_EXTENT = (94.6, 141.4, -11.4, 6.4)  # lng min, lng max, lat min, lat max

MAP_TEXT = {
    "id": {
        "title": "{what} menurut {level}, {month}",
        "status": "Status terhadap kriteria",
        "region": "kabupaten/kota",
        "province": "provinsi",
        "unit": "persen penduduk",
        "no_data": "Tidak ada data",
    },
    "en": {
        "title": "{what} by {level}, {month}",
        "status": "Status against the criteria",
        "region": "regency/city",
        "province": "province",
        "unit": "percent of population",
        "no_data": "No data",
    },
}


def class_colors(values: pd.Series, edges: tuple[float, ...]) -> list[str]:
    """Hex colour of each value's class (``NO_DATA_COLOR`` for a missing value)."""
    cmap = ListedColormap(CLASS_COLORS[: len(edges) + 1])
    norm = BoundaryNorm([-np.inf, *edges, np.inf], cmap.N)
    v = values.astype("float64").to_numpy()
    return [NO_DATA_COLOR if np.isnan(x) else to_hex(cmap(norm(x))) for x in v]


def _canvas(gdf, province_code: str | None) -> tuple[Figure, plt.Axes]:
    if province_code is None:
        fig, ax = plt.subplots(figsize=(11, 4.9), dpi=DPI)
        fig.subplots_adjust(left=0.01, right=0.99, top=0.91, bottom=0.09)
    else:
        fig, ax = plt.subplots(figsize=(8.2, 6.8), dpi=DPI)
        fig.subplots_adjust(left=0.01, right=0.99, top=0.93, bottom=0.08)
    return fig, ax


def _zoom(joined: geo.GeoJoin, province_code: str | None):
    gdf = joined.gdf
    if province_code is None:
        return gdf
    part = gdf[gdf["province_code"] == province_code]
    if part.empty:
        raise KeyError(f"no polygons for province code {province_code!r}")
    return part


def _frame_axes(ax: plt.Axes, gdf, province_code: str | None) -> None:
    if province_code is None:
        ax.set_xlim(*INDONESIA_EXTENT[:2])
        ax.set_ylim(*INDONESIA_EXTENT[2:])
    else:
        x0, y0, x1, y1 = gdf.total_bounds
        pad = 0.04 * max(x1 - x0, y1 - y0)
        ax.set_xlim(x0 - pad, x1 + pad)
        ax.set_ylim(y0 - pad, y1 + pad)
    ax.set_axis_off()


def _labels(ax: plt.Axes, gdf, name_col: str) -> None:
    points = gdf.geometry.representative_point()
    for name, pt in zip(gdf[name_col], points, strict=True):
        ax.annotate(short_name(str(name)), (pt.x, pt.y), ha="center", va="center", fontsize=6.5, color="#1f2933")


def _notes(fig: Figure, lang: str, illustrative: bool) -> None:
    fig.text(0.01, 0.012, geo.SOURCE_NOTE[lang], fontsize=7, color="#4b5563", ha="left", va="bottom")
    if illustrative:
        fig.text(0.01, 0.04, TEXT[lang]["illustrative"], fontsize=7.5, color="#9a3412", ha="left", va="bottom")


def _draw(
    frame: pd.DataFrame,
    colors_of,
    handles_of,
    title: str,
    legend_title: str,
    level: str,
    province_code: str | None,
    labels: bool,
    lang: str,
    illustrative: bool,
) -> Figure:
    if province_code is not None and level != "region":
        raise ValueError("a province zoom draws kab/kota: pass a per-region frame (level='region')")
    joined = geo.join(frame, level)
    gdf = _zoom(joined, province_code)
    fig, ax = _canvas(gdf, province_code)
    colors = colors_of(gdf)
    gdf.plot(ax=ax, color=colors, edgecolor=EDGE_COLOR, linewidth=0.15 if province_code is None else 0.5)
    _frame_axes(ax, gdf, province_code)
    if labels and province_code is not None:
        _labels(ax, gdf, f"{level}_name")
    handles = handles_of()
    if NO_DATA_COLOR in colors:
        handles.append(Patch(facecolor=NO_DATA_COLOR, label=MAP_TEXT[lang]["no_data"]))
    ax.legend(
        handles=handles,
        title=legend_title,
        loc="lower left",
        fontsize=7.5,
        title_fontsize=8,
        frameon=False,
        alignment="left",
    )
    ax.set_title(title, fontsize=11, loc="left")
    _notes(fig, lang, illustrative)
    return fig


def _title(what: str, level: str, period: pd.Period | str | None, lang: str, province_name: str | None) -> str:
    t = MAP_TEXT[lang]
    month = fmt.month(period, lang) if period is not None else ""
    text = t["title"].format(what=what, level=t[level], month=month).removesuffix(", ")
    return f"{text} — {province_name}" if province_name else text


def _province_name(province_code: str | None) -> str | None:
    if province_code is None:
        return None
    names = reference.provinces().set_index("province_code")["province_name"]
    return str(names.get(province_code, province_code))


def metric_map(
    frame: pd.DataFrame,
    metric: str = "activity_pct",
    level: str = "region",
    lang: str = "id",
    illustrative: bool = False,
    period: pd.Period | str | None = None,
    province_code: str | None = None,
    labels: bool = True,
    edges: tuple[float, ...] | None = None,
) -> Figure:
    """Choropleth of ``metric`` (``coverage_pct`` / ``activity_pct``) in classes cut at ``edges``.

    Args:
        frame: one row per kab/kota (``region_code``) or province (``province_code``) with ``metric``, e.g.
            ``peers.quadrants(...).regions`` or ``peers.province_summary(...)``.
        level: ``"region"`` or ``"province"``.
        period: month shown in the title (default: the frame's ``period`` column, if any).
        province_code: draw only that province's kab/kota (e.g. ``"32"``), named on the map when ``labels``.
        edges: class edges (default :data:`CLASS_EDGES` of the metric, the criteria minimums).
    """
    check_lang(lang)
    edges = edges or CLASS_EDGES[metric]
    period = period if period is not None or "period" not in frame else frame["period"].iloc[0]
    what = METRIC_WORDS[lang][metric]
    title = _title(what[0].upper() + what[1:], level, period, lang, _province_name(province_code))
    names = class_labels(edges, lang)
    return _draw(
        frame,
        lambda gdf: class_colors(gdf[metric], edges),
        lambda: [Patch(facecolor=c, label=n) for c, n in zip(CLASS_COLORS, names, strict=False)][::-1],
        title,
        f"{what[0].upper() + what[1:]} ({MAP_TEXT[lang]['unit']})",
        level,
        province_code,
        labels,
        lang,
        illustrative,
    )


def coverage_map(frame: pd.DataFrame, **kwargs) -> Figure:
    """:func:`metric_map` of ``coverage_pct``."""
    return metric_map(frame, "coverage_pct", **kwargs)


def activity_map(frame: pd.DataFrame, **kwargs) -> Figure:
    """:func:`metric_map` of ``activity_pct``."""
    return metric_map(frame, "activity_pct", **kwargs)


def quadrant_colors(quadrant: pd.Series) -> list[str]:
    """Hex colour of each quadrant (``NO_DATA_COLOR`` when missing)."""
    return [QUADRANT_COLORS.get(q, NO_DATA_COLOR) if isinstance(q, str) else NO_DATA_COLOR for q in quadrant]


def status_map(
    frame: pd.DataFrame,
    coverage_line: float,
    activity_line: float,
    criteria_year: int,
    level: str = "region",
    lang: str = "id",
    illustrative: bool = False,
    period: pd.Period | str | None = None,
    province_code: str | None = None,
    labels: bool = True,
) -> Figure:
    """Categorical map of the ``quadrant`` column (both lines met, coverage only, activity only, neither).

    ``frame``: ``peers.quadrants(...).regions`` (regions) or ``peers.province_summary(...)`` (provinces: the
    province's pooled rates against the lines); the lines and year are those of the same ``Quadrants``.
    """
    check_lang(lang)
    period = period if period is not None or "period" not in frame else frame["period"].iloc[0]
    title = _title(MAP_TEXT[lang]["status"], level, period, lang, _province_name(province_code))
    legend_title = lines_legend(coverage_line, activity_line, criteria_year, lang)
    return _draw(
        frame,
        lambda gdf: quadrant_colors(gdf["quadrant"]),
        lambda: [Patch(facecolor=QUADRANT_COLORS[q], label=QUADRANT_LABELS[lang][q]) for q in QUADRANTS],
        title,
        legend_title,
        level,
        province_code,
        labels,
        lang,
        illustrative,
    )
