"""Charts of national trends and of how many regions meet a criterion, observed and projected (no calculation here)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.render.charts.style import ACTIVITY_COLOR, COVERAGE_COLOR, DPI, TARGET_COLOR, TEXT

WORDS = {
    "id": {
        "national": "Cakupan dan keaktifan JKN nasional (jumlah 514 kabupaten/kota)",
        "attainment": "Kabupaten/kota yang memenuhi {label}",
        "observed": "Tercatat",
        "projected": "Proyeksi dengan laju 6 bulan terakhir",
        "regions": "jumlah kabupaten/kota",
        "paces": "Laju perubahan per bulan, {month}",
        "coverage_pace": "Laju cakupan (poin persen per bulan)",
        "activity_pace": "Laju keaktifan (poin persen per bulan)",
    },
    "en": {
        "national": "National JKN coverage and activity (sum of the 514 kabupaten/kota)",
        "attainment": "Kabupaten/kota meeting {label}",
        "observed": "Observed",
        "projected": "Projected at the last six months' pace",
        "regions": "number of kabupaten/kota",
        "paces": "Monthly change, {month}",
        "coverage_pace": "Coverage pace (percentage points per month)",
        "activity_pace": "Activity pace (percentage points per month)",
    },
}


def _finish(ax: plt.Axes, lang: str, illustrative: bool) -> None:
    ax.figure.subplots_adjust(bottom=0.16)
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    if illustrative:
        ax.figure.text(0.99, 0.01, TEXT[lang]["illustrative"], fontsize=7.5, color="#9a3412", ha="right", va="bottom")


def _month_axis(ax: plt.Axes, periods: pd.Series, lang: str) -> None:
    ticks = [p for p in periods if p.month in (1, 7)]
    ax.set_xticks([p.to_timestamp() for p in ticks], [fmt.month(p, lang, short=True) for p in ticks])


def national_trend_chart(national: pd.DataFrame, lang: str = "id", illustrative: bool = True) -> Figure:
    """Coverage and activity of the whole country per month (``uhc_lib.rules.indicators.national`` output)."""
    t, w = TEXT[check_lang(lang)], WORDS[lang]
    x = national["period"].dt.to_timestamp()
    fig, ax = plt.subplots(figsize=(8.2, 4.0), dpi=DPI)
    ax.plot(x, national["coverage_pct"], color=COVERAGE_COLOR, lw=2.2, label=t["coverage"])
    ax.plot(x, national["activity_pct"], color=ACTIVITY_COLOR, lw=2.2, label=t["activity"])
    ax.set_title(w["national"], fontsize=11, loc="left", pad=14)
    ax.set_ylabel(t["pct"])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang)))
    _month_axis(ax, national["period"], lang)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    _finish(ax, lang, illustrative)
    return fig


def attainment_chart(
    observed: pd.DataFrame,
    criterion: str,
    label: str,
    projected: pd.DataFrame | None = None,
    lang: str = "id",
    illustrative: bool = True,
) -> Figure:
    """Regions meeting ``criterion`` per month (``projections.attainment``), with the projection if given."""
    w = WORDS[check_lang(lang)]
    fig, ax = plt.subplots(figsize=(8.2, 4.0), dpi=DPI)
    ax.plot(observed["period"].dt.to_timestamp(), observed[criterion], color=COVERAGE_COLOR, lw=2.2,
            label=w["observed"])  # fmt: skip
    periods = list(observed["period"])
    if projected is not None:
        ax.plot(projected["period"].dt.to_timestamp(), projected["regions_met"], color=TARGET_COLOR, lw=2, ls="--",
                label=w["projected"])  # fmt: skip
        periods += [p for p in projected["period"] if p not in set(periods)]
    ax.axhline(int(observed["regions"].max()), color=TARGET_COLOR, lw=0.8, alpha=0.6)
    ax.set_title(w["attainment"].format(label=label), fontsize=11, loc="left", pad=14)
    ax.set_ylabel(w["regions"])
    ax.set_ylim(0, int(observed["regions"].max()) * 1.05)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang)))
    _month_axis(ax, pd.Series(periods), lang)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    _finish(ax, lang, illustrative)
    return fig


def pace_chart(paces: pd.DataFrame, lang: str = "id", illustrative: bool = True) -> Figure:
    """Each region's monthly change of coverage (x) against activity (y) (``projections.region_paces``)."""
    w = WORDS[check_lang(lang)]
    fig, ax = plt.subplots(figsize=(6.4, 5.0), dpi=DPI)
    ax.scatter(paces["coverage_pace_pp"], paces["activity_pace_pp"], s=10, alpha=0.6, color=COVERAGE_COLOR)
    ax.axhline(0, color=TARGET_COLOR, lw=0.8)
    ax.axvline(0, color=TARGET_COLOR, lw=0.8)
    ax.set_xlabel(w["coverage_pace"])
    ax.set_ylabel(w["activity_pace"])
    ax.set_title(w["paces"].format(month=fmt.month(paces["period"].iloc[0], lang)), fontsize=11, loc="left", pad=14)
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang, 2)))
    _finish(ax, lang, illustrative)
    return fig
