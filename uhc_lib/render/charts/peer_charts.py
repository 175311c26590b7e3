"""Peer charts: coverage-versus-activity quadrants, a province's ranking, and the range between the best and worst
region of every province. They draw the figures of :mod:`uhc_lib.analysis.peers` and compute nothing of their own."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from uhc_lib.analysis.peers import QUADRANTS, ProvincePeers, Quadrants
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.render.charts.style import (
    ACTIVITY_COLOR,
    COVERAGE_COLOR,
    DPI,
    TARGET_COLOR,
    TEXT,
    fixed_empty_axis_labels,
    illustrative_note,
)
from uhc_lib.render.text.peer_text import METRIC_AXIS, METRIC_WORDS, QUADRANT_LABELS, REGIONS_WORD, short_name

QUADRANT_COLORS = {
    "both": "#1b7837",
    "coverage_only": COVERAGE_COLOR,
    "activity_only": ACTIVITY_COLOR,
    "neither": "#b2182b",
}
HIGHLIGHT_COLOR = "#111827"
BEST_COLOR = "#1b7837"
WORST_COLOR = "#b2182b"

CHART_TEXT = {
    "id": {
        "quadrant_title": "Cakupan dan keaktifan {n} {regions}, {month}",
        "line": "{what} minimal {v} (kriteria {year})",
        "line_plain": "{what} minimal {v}",
        "criteria": "Kriteria {year}",
        "ranking_title": "{regions} di {province} menurut {what}, {month}",
        "pooled": "{province} (gabungan) {v}",
        "ineq_title": "Rentang {what} antar-{regions} dalam provinsi, {month}",
        "best": "tertinggi",
        "worst": "terendah",
        "pooled_short": "gabungan provinsi",
        "national": "Indonesia {v}",
        "size_note": "ukuran titik: jumlah penduduk",
    },
    "en": {
        "quadrant_title": "Coverage and activity of {n} {regions}, {month}",
        "line": "{what} minimum {v} ({year} criteria)",
        "line_plain": "{what} minimum {v}",
        "criteria": "{year} criteria",
        "ranking_title": "{regions} of {province} by {what}, {month}",
        "pooled": "{province} (pooled) {v}",
        "ineq_title": "Range of {what} between the {regions} of each province, {month}",
        "best": "highest",
        "worst": "lowest",
        "pooled_short": "province pooled",
        "national": "Indonesia {v}",
        "size_note": "marker size: population",
    },
}


_LEGEND_BELOW = {"loc": "lower left", "bbox_to_anchor": (0.01, 0.005), "ncol": 3, "fontsize": 7.5, "frameon": False}


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _pct_axis(axis, lang: str) -> None:
    axis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang)))


def quadrant_chart(
    q: Quadrants,
    highlight: str | None = None,
    size_by_population: bool = False,
    lang: str = "id",
    illustrative: bool = False,
    xlim: tuple[float, float] | None = None,
    ylim: tuple[float, float] | None = None,
) -> Figure:
    """Scatter of every region (coverage x, activity y) coloured by quadrant, with the year's criteria lines and
    the quadrant counts; ``highlight`` (a region code) is ringed and named.

    The points are one collection in the order of ``q.regions`` (``fig.axes[0].collections[0]``).
    """
    t = CHART_TEXT[check_lang(lang)]
    r = q.regions
    fig, ax = plt.subplots(figsize=(8.2, 6.0), dpi=DPI)
    fig.subplots_adjust(left=0.09, right=0.975, top=0.92, bottom=0.09)
    sizes = 6 + 240 * r["population"] / r["population"].max() if size_by_population else 14
    colors = [QUADRANT_COLORS[x] for x in r["quadrant"]]
    ax.scatter(r["coverage_pct"], r["activity_pct"], s=sizes, c=colors, alpha=0.75, linewidths=0, zorder=2)
    words = METRIC_WORDS[lang]
    ax.axvline(q.coverage_line, color=COVERAGE_COLOR, ls="--", lw=1, zorder=1)
    if q.activity_line is not None:  # None: the year's criteria have no activity minimum (2022)
        ax.axhline(q.activity_line, color=ACTIVITY_COLOR, ls="--", lw=1, zorder=1)
    if xlim:
        ax.set_xlim(*xlim)
    if ylim:
        ax.set_ylim(*ylim)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    cov_text = t["line"].format(
        what=_cap(words["coverage_pct"]), v=fmt.pct(q.coverage_line, lang), year=q.criteria_year
    )
    ax.annotate(
        cov_text,
        (q.coverage_line, y0),
        xytext=(-3, 4),
        textcoords="offset points",
        rotation=90,
        ha="right",
        va="bottom",
        fontsize=7.5,
        color=COVERAGE_COLOR,
    )
    if q.activity_line is not None:
        act_text = t["line"].format(
            what=_cap(words["activity_pct"]), v=fmt.pct(q.activity_line, lang), year=q.criteria_year
        )
        ax.annotate(
            act_text,
            (x0, q.activity_line),
            xytext=(3, 3),
            textcoords="offset points",
            fontsize=7.5,
            color=ACTIVITY_COLOR,
        )
    # the quadrant counts go in a legend (corner labels ran across the criteria lines)
    handles = [
        Line2D([], [], ls="", marker="o", ms=6, color=QUADRANT_COLORS[quad],
               label=f"{QUADRANT_LABELS[lang][quad]}: {fmt.number(q.count(quad), lang)}")
        for quad in QUADRANTS
    ]  # fmt: skip
    ax.legend(handles=handles, loc="best", fontsize=8, frameon=True, framealpha=0.9, edgecolor="none")
    if highlight is not None:
        row = r[r["region_code"] == highlight]
        if row.empty:
            raise KeyError(f"region {highlight!r} is not among the {q.total} regions of {q.period}")
        row = row.iloc[0]
        ax.scatter(
            [row["coverage_pct"]],
            [row["activity_pct"]],
            s=90,
            facecolors="none",
            edgecolors=HIGHLIGHT_COLOR,
            linewidths=1.6,
            zorder=3,
        )
        right_half = row["coverage_pct"] > (x0 + x1) / 2  # name on the side with room
        ax.annotate(
            str(row["region_name"]),
            (row["coverage_pct"], row["activity_pct"]),
            xytext=(-8 if right_half else 8, 5),
            textcoords="offset points",
            ha="right" if right_half else "left",
            fontsize=9,
            fontweight="bold",
            color=HIGHLIGHT_COLOR,
            zorder=4,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
        )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel(METRIC_AXIS[lang]["coverage_pct"])
    ax.set_ylabel(METRIC_AXIS[lang]["activity_pct"])
    _pct_axis(ax.xaxis, lang)
    _pct_axis(ax.yaxis, lang)
    title = t["quadrant_title"].format(
        n=fmt.number(q.total, lang), regions=REGIONS_WORD[lang], month=fmt.month(q.period, lang)
    )
    if size_by_population:
        title += f" ({t['size_note']})"
    ax.set_title(title, fontsize=11, loc="left", pad=14)
    ax.grid(alpha=0.25)
    ax.spines[["top", "right"]].set_visible(False)
    illustrative_note(ax, lang, illustrative)
    return fig


def province_ranking_chart(
    pp: ProvincePeers,
    sort_by: str = "activity_pct",
    highlight: str | None = None,
    lang: str = "id",
    illustrative: bool = False,
) -> Figure:
    """Dot plot of every region of a province: coverage and activity on one row each, ranked by ``sort_by`` (rank 1
    on top, labelled with its rank), the criteria lines dashed and the province's pooled rates dotted;
    ``highlight`` (a region code) is set in bold on a shaded row.

    Collections: ``[0]`` the grey links, ``[1]`` coverage points, ``[2]`` activity points, top row first.
    """
    t = CHART_TEXT[check_lang(lang)]
    m = sort_by.removesuffix("_pct")
    r = pp.regions.sort_values([f"{m}_rank_province", "region_code"], ignore_index=True)
    n = len(r)
    y = list(range(n))[::-1]  # rank 1 at the top
    height = 2.0 + 0.24 * n
    fig, ax = plt.subplots(figsize=(8.2, height), dpi=DPI)
    fig.subplots_adjust(left=0.3, right=0.975, top=1 - 0.75 / height, bottom=1.05 / height)
    ax.hlines(y, r["activity_pct"], r["coverage_pct"], color="#cbd5e1", lw=1.2, zorder=1)
    ax.scatter(
        r["coverage_pct"], y, color=COVERAGE_COLOR, s=26, zorder=3, label=_cap(METRIC_WORDS[lang]["coverage_pct"])
    )
    ax.scatter(
        r["activity_pct"], y, color=ACTIVITY_COLOR, s=26, zorder=3, label=_cap(METRIC_WORDS[lang]["activity_pct"])
    )
    for value, color in ((pp.coverage_line, COVERAGE_COLOR), (pp.activity_line, ACTIVITY_COLOR)):
        if value is not None:  # no activity line in a year without an activity minimum (2022)
            ax.axvline(value, color=color, ls="--", lw=1, zorder=0)
    for value, color in ((pp.pooled_coverage_pct, COVERAGE_COLOR), (pp.pooled_activity_pct, ACTIVITY_COLOR)):
        ax.axvline(value, color=color, ls=":", lw=1, alpha=0.8, zorder=0)
    labels = [
        f"{rank}. {short_name(name)}" for rank, name in zip(r[f"{m}_rank_province"], r["region_name"], strict=True)
    ]
    ax.set_yticks(y, labels, fontsize=8)
    if highlight is not None:
        hit = r.index[r["region_code"] == highlight]
        if hit.empty:
            raise KeyError(f"region {highlight!r} is not in province {pp.province_code} ({pp.province_name})")
        i = int(hit[0])
        ax.axhspan(y[i] - 0.5, y[i] + 0.5, color="#fde68a", alpha=0.6, zorder=0)
        tick = ax.get_yticklabels()[i]
        tick.set_fontweight("bold")
        tick.set_color(HIGHLIGHT_COLOR)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel(TEXT[lang]["pct"])
    _pct_axis(ax.xaxis, lang)
    what = METRIC_WORDS[lang][sort_by]
    ax.set_title(
        t["ranking_title"].format(
            regions=_cap(REGIONS_WORD[lang]), province=pp.province_name, what=what, month=fmt.month(pp.period, lang)
        ),
        fontsize=11,
        loc="left",
        pad=14,
    )
    handles, _ = ax.get_legend_handles_labels()
    handles += [
        Line2D([], [], color=TARGET_COLOR, ls="--", lw=1, label=t["criteria"].format(year=pp.criteria_year)),
        Line2D([], [], color=TARGET_COLOR, ls=":", lw=1, label=t["pooled_short"]),
    ]
    ax.legend(handles=handles, bbox_transform=fig.transFigure, **_LEGEND_BELOW)
    ax.grid(axis="x", alpha=0.25)
    ax.spines[["top", "right"]].set_visible(False)
    illustrative_note(ax, lang, illustrative)
    fixed_empty_axis_labels(fig)
    return fig


def inequality_chart(
    ineq: pd.DataFrame,
    line: float | None = None,
    national: pd.Series | None = None,
    sort_by: str = "difference",
    lang: str = "id",
    illustrative: bool = False,
    period: pd.Period | str | None = None,
    criteria_year: int | None = None,
) -> Figure:
    """Per province, a bar from its lowest to its highest region with the pooled rate marked, largest ``sort_by``
    (a column of ``ineq``, e.g. ``difference`` or ``pooled_pct``) on top.

    Args:
        ineq: :func:`uhc_lib.analysis.peers.province_inequality` for one metric.
        line: the criterion minimum of that metric (dashed), e.g. ``Quadrants.activity_line``.
        national: :func:`uhc_lib.analysis.peers.national_inequality` row; its pooled rate is drawn dotted.

    Artists: ``hlines`` collection ``[0]`` (worst to best), scatter ``[1]`` worst, ``[2]`` best, ``[3]`` pooled;
    rows top to bottom in ``sort_by`` order.
    """
    t = CHART_TEXT[check_lang(lang)]
    metric = str(ineq["metric"].iloc[0])
    d = ineq.sort_values([sort_by, "province_code"], ascending=[False, True], ignore_index=True)
    n = len(d)
    y = list(range(n))[::-1]
    height = 1.9 + 0.2 * n
    fig, ax = plt.subplots(figsize=(8.2, height), dpi=DPI)
    fig.subplots_adjust(left=0.25, right=0.975, top=1 - 0.7 / height, bottom=1.05 / height)
    ax.hlines(y, d["worst_pct"], d["best_pct"], color="#94a3b8", lw=3, zorder=1)
    ax.scatter(d["worst_pct"], y, color=WORST_COLOR, s=22, zorder=3, label=_cap(t["worst"]))
    ax.scatter(d["best_pct"], y, color=BEST_COLOR, s=22, zorder=3, label=_cap(t["best"]))
    ax.scatter(d["pooled_pct"], y, color="black", marker="D", s=16, zorder=4, label=_cap(t["pooled_short"]))
    if line is not None:
        label = METRIC_WORDS[lang][metric]
        template = t["line"] if criteria_year is not None else t["line_plain"]
        text = template.format(what=_cap(label), v=fmt.pct(line, lang), year=criteria_year)
        ax.axvline(line, color=TARGET_COLOR, ls="--", lw=1, zorder=0, label=text)
    if national is not None:
        ax.axvline(
            national["pooled_pct"],
            color="black",
            ls=":",
            lw=1,
            zorder=0,
            label=t["national"].format(v=fmt.pct(national["pooled_pct"], lang)),
        )
    ax.set_yticks(y, list(d["province_name"]), fontsize=7.5)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel(METRIC_AXIS[lang][metric])
    _pct_axis(ax.xaxis, lang)
    month = fmt.month(period, lang) if period is not None else ""
    title = t["ineq_title"].format(what=METRIC_WORDS[lang][metric], regions=REGIONS_WORD[lang], month=month)
    ax.set_title(title.removesuffix(", "), fontsize=11, loc="left", pad=14)
    ax.legend(bbox_transform=fig.transFigure, **_LEGEND_BELOW)
    ax.grid(axis="x", alpha=0.25)
    ax.spines[["top", "right"]].set_visible(False)
    illustrative_note(ax, lang, illustrative)
    return fig
