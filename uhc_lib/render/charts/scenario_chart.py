"""Charts of scenario paths (from :func:`uhc_lib.analysis.scenarios.run`), in the style of
:mod:`uhc_lib.render.charts.brief_charts`.

They draw the simulated values as they are and compute nothing: the month a target is reached comes from the
compare table (:func:`uhc_lib.analysis.scenarios.compare_paths`), the minimums from the brief's :class:`Target`.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from uhc_lib.analysis.brief import Target
from uhc_lib.analysis.scenarios import COST_PAYERS, reached_column
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.render.charts import placement
from uhc_lib.render.charts.brief_charts import LINE_LABEL_SPOTS, minimum_line
from uhc_lib.render.charts.style import ACTIVITY_COLOR, COVERAGE_COLOR, DPI, TARGET_COLOR, TEXT, fixed_empty_axis_labels
from uhc_lib.render.text.budget_text import PAYERS

SCENARIO_COLORS = (TARGET_COLOR, COVERAGE_COLOR, ACTIVITY_COLOR, "#2e7d32", "#7b3fa0", "#b91c1c")
SCENARIO_TEXT = {
    "id": {
        "title": "Skenario menuju {target}, {region}",
        "title_plain": "Skenario kepesertaan JKN, {region}",
        "cost_title": "Biaya kumulatif yang ditanggung {payer}, {region}",
        "rp_bn": "miliar rupiah",
        "reached": "tercapai {month}",
        "same": "Garis berimpit (garis lebar di bawah garis tipis): {pairs}",
        "coverage_pct": "cakupan",
        "activity_pct": "keaktifan",
    },
    "en": {
        "title": "Scenarios towards {target}, {region}",
        "title_plain": "JKN participation scenarios, {region}",
        "cost_title": "Cumulative cost borne by the {payer}, {region}",
        "rp_bn": "billion rupiah",
        "reached": "reached {month}",
        "same": "Coinciding lines (the wide line under the thin one): {pairs}",
        "coverage_pct": "coverage",
        "activity_pct": "activity",
    },
}


def _coinciding(paths: Mapping[str, pd.DataFrame], lang: str) -> list[str]:
    """``A = B (coverage)``-like phrases for scenarios whose coverage or activity path is another's, month by month."""
    names = list(paths)
    found = []
    for column in ("coverage_pct", "activity_pct"):
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if len(paths[a]) == len(paths[b]) and np.allclose(paths[a][column], paths[b][column], atol=0.005):
                    found.append((a, b, column))
    return [f"{a} = {b} ({SCENARIO_TEXT[lang][column]})" for a, b, column in found]


def _widths(paths: Mapping[str, pd.DataFrame], column: str) -> list[float]:
    """Line widths: a path that another one covers month by month is drawn wider, under it, so both stay visible."""
    values = [p[column].to_numpy() for p in paths.values()]
    widths = []
    for i, v in enumerate(values):
        under = sum(
            1 for w in values[i + 1 :] if len(w) == len(v) and np.allclose(v, w, atol=0.005)
        )  # later paths are drawn on top
        widths.append(2.0 + 2.2 * under)
    return widths


def _color(i: int) -> str:
    return SCENARIO_COLORS[i % len(SCENARIO_COLORS)]


def _first_path(paths: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    if not paths:
        raise ValueError("no scenario paths to draw")
    return next(iter(paths.values()))


def _note(fig: Figure, show: bool, lang: str) -> None:
    if show:
        fig.text(0.955, 0.985, TEXT[lang]["illustrative"], fontsize=7.5, color="#9a3412", ha="right", va="top")


def _month_axis(ax: plt.Axes, lang: str) -> None:
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _: fmt.month(mdates.num2date(v).strftime("%Y-%m"), lang, short=True))
    )
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)


def scenario_chart(
    paths: Mapping[str, pd.DataFrame],
    target: Target | None = None,
    table: pd.DataFrame | None = None,
    lang: str = "id",
    illustrative: bool | None = None,
) -> Figure:
    """Coverage (left) and activity (right) of each scenario month by month, the target's minimums dashed and, when
    ``table`` (the compare table) is given, a dot where each scenario reaches ``target``.

    ``illustrative`` defaults to the paths' own flag (set by :func:`uhc_lib.analysis.scenarios.simulate`).
    """
    t = TEXT[check_lang(lang)]
    s = SCENARIO_TEXT[lang]
    first = _first_path(paths)
    fig, axes = plt.subplots(1, 2, figsize=(9.6, 4.0), dpi=DPI, sharex=True)
    fig.subplots_adjust(left=0.07, right=0.965, top=0.83, bottom=0.24, wspace=0.2)
    reached = {}
    if table is not None and target is not None:
        col = reached_column(target.year, target.criterion)
        reached = dict(zip(table["scenario"], table[col], strict=True))
    for ax, column, title, minimum, kind in (
        (axes[0], "coverage_pct", t["coverage"], target and target.min_coverage_pct, "min_cov"),
        (axes[1], "activity_pct", t["activity"], target and target.min_activity_pct, "min_act"),
    ):
        widths = _widths(paths, column)
        for i, (name, path) in enumerate(paths.items()):
            x = path["period"].dt.to_timestamp()
            ax.plot(x, path[column], color=_color(i), lw=widths[i], label=name, solid_capstyle="butt")
            when = reached.get(name)
            if when is not None and not pd.isna(when):
                y = path.loc[path["period"] == when, column].iloc[0]
                ax.scatter([when.to_timestamp()], [y], color=_color(i), s=24, zorder=3)
        ax.set_title(title, fontsize=9.5, loc="left")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang, 1)))
        _month_axis(ax, lang)
        start, end = first["period"].iloc[0].to_timestamp(), first["period"].iloc[-1].to_timestamp()
        ax.set_xlim(start - (end - start) * 0.03, end + (end - start) * 0.02)  # first month clear of the y axis
        if minimum is not None:
            short = target.short_label(lang)
            label = minimum_line(ax, minimum, t[kind].format(v=fmt.percent(minimum, lang), c=short), TARGET_COLOR, 0.8)
            placement.place(fig, label, LINE_LABEL_SPOTS)
    axes[0].set_ylabel(t["pct"])
    region = first.attrs.get("region_name", "")
    head = s["title"].format(target=target.short_label(lang), region=region) if target else None
    fig.suptitle(head or s["title_plain"].format(region=region), fontsize=11, x=0.07, ha="left")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower left", bbox_to_anchor=(0.0, 0.045), ncol=min(4, len(labels)), fontsize=8,
               frameon=False)  # fmt: skip
    same = _coinciding(paths, lang)
    if same:
        fig.text(0.012, 0.012, s["same"].format(pairs="; ".join(same)), fontsize=7.5, color="#374151")
    _note(fig, first.attrs.get("illustrative", False) if illustrative is None else illustrative, lang)
    fixed_empty_axis_labels(fig)
    return fig


def cost_chart(
    paths: Mapping[str, pd.DataFrame], payer: str = "regency", lang: str = "id", illustrative: bool | None = None
) -> Figure:
    """Cumulative cost borne by ``payer`` in each scenario (the paths' ``cum_cost_<payer>_rp``, drawn in rupiah
    and labelled in billions)."""
    check_lang(lang)
    s = SCENARIO_TEXT[lang]
    first = _first_path(paths)
    column = f"cum_cost_{payer}_rp"
    if column not in first:
        raise ValueError(f"no cost column for payer {payer!r}; payers: {list(COST_PAYERS)}")
    fig, ax = plt.subplots(figsize=(8.2, 3.6), dpi=DPI)
    fig.subplots_adjust(left=0.1, right=0.955, top=0.86, bottom=0.25)
    for i, (name, path) in enumerate(paths.items()):
        ax.plot(path["period"].dt.to_timestamp(), path[column], color=_color(i), lw=2, label=name)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v / 1e9, lang, 1)))
    ax.set_ylabel(s["rp_bn"])
    _month_axis(ax, lang)
    region = first.attrs.get("region_name", "")
    ax.set_title(s["cost_title"].format(payer=PAYERS[lang][payer], region=region), fontsize=11, loc="left", pad=10)
    fig.legend(*ax.get_legend_handles_labels(), loc="lower left", ncol=min(4, len(paths)), fontsize=8, frameon=False)
    _note(fig, first.attrs.get("illustrative", False) if illustrative is None else illustrative, lang)
    return fig
