"""Charts of a brief, drawn from :class:`BriefFigures` only (no calculation of their own)."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from matplotlib.ticker import FuncFormatter, MaxNLocator

from uhc_lib.analysis.brief import BriefFigures
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.render.charts import placement
from uhc_lib.render.charts.style import (
    ACTIVITY_COLOR,
    COVERAGE_COLOR,
    DPI,
    INACTIVE_COLOR,
    TEXT,
    fixed_empty_axis_labels,
    illustrative_note,
)
from uhc_lib.rules import segments

# where a criterion line's label may go (x in axes fraction, offset in points): above the line at the left, the right,
# the middle or an eighth along, then below it in the same order, then a little further away; the first spot free of
# lines and other labels is taken (placement.place), so a label reads as its line's wherever it can
_ALONG = ((0.0, 2, "left"), (1.0, -2, "right"), *((x / 8, 0, "center") for x in (4, 2, 6, 1, 3, 5, 7)))
LINE_LABEL_SPOTS = tuple(
    (x, dx, dy, ha, va) for dy, va in ((3, "bottom"), (-3, "top"), (14, "bottom"), (-14, "top")) for x, dx, ha in _ALONG
)  # last: a little away from the line, where a series runs along it
LEGEND_SPOTS = ("lower right", "lower left", "upper left", "center right", "center left", "upper right", "center")


def minimum_line(ax: plt.Axes, value: float, text: str, color: str, alpha: float) -> Annotation:
    """A criterion's minimum as a dashed line across the axes, its label just above the line's left end."""
    ax.axhline(value, color=color, ls="--", lw=1, alpha=alpha)
    return ax.annotate(
        text,
        (0, value),
        xycoords=ax.get_yaxis_transform(),
        xytext=(2, 3),
        textcoords="offset points",
        fontsize=7.5,
        color=color,
    )


def END_SPOTS(last) -> tuple:  # noqa: N802 - a table, like the others
    """Spots for a series' last value beside its last point: level with it, above or below."""
    return ((last, 5, 0, "left", "center"), (last, 5, 7, "left", "bottom"), (last, 5, -7, "left", "top"))


def trend_chart(brief: BriefFigures, lang: str = "id") -> Figure:
    """Monthly coverage and activity up to the brief's month, with the minimums of the goals as dashed lines."""
    t = TEXT[check_lang(lang)]
    h = brief.history
    x = h["period"].dt.to_timestamp()
    fig, ax = plt.subplots(figsize=(8.2, 4.2), dpi=DPI)
    fig.subplots_adjust(left=0.085, right=0.975, top=0.87, bottom=0.1)  # fixed margins: a third faster than layout
    ax.plot(x, h["coverage_pct"], color=COVERAGE_COLOR, lw=2.2, label=t["coverage"])
    ax.plot(x, h["activity_pct"], color=ACTIVITY_COLOR, lw=2.2, label=t["activity"])
    last = x.iloc[-1]
    low = min(h["activity_pct"].min(), *(g.min_activity_pct or 100 for g in brief.goals[:2])) - 3
    high = max(h["coverage_pct"].max(), *(g.min_coverage_pct or 0 for g in brief.goals[:2])) + 2
    ax.set_ylim(low, high)
    span = last - x.iloc[0]
    ax.set_xlim(x.iloc[0] - span * 0.03, last + span * 0.08)  # room for the first month's name and the end values
    lines = []  # the criterion lines and their labels, placed once every line is drawn
    seen: set[tuple[str, float]] = set()
    for goal in brief.goals[:2]:
        short = goal.short_label(lang)
        for kind, value, color in (
            ("min_cov", goal.min_coverage_pct, COVERAGE_COLOR),
            ("min_act", goal.min_activity_pct, ACTIVITY_COLOR),
        ):
            if value is None or (kind, value) in seen:
                continue
            seen.add((kind, value))
            lines.append(minimum_line(ax, value, t[kind].format(v=fmt.percent(value, lang), c=short), color, 0.75))
    placed: list = []
    for value, color in ((brief.coverage_pct, COVERAGE_COLOR), (brief.activity_pct, ACTIVITY_COLOR)):
        ax.scatter([last], [value], color=color, zorder=3, s=22)
        label = ax.annotate(
            fmt.pct(value, lang),
            (last, value),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
            color=color,
            fontweight="bold",
        )
        placement.place(fig, label, END_SPOTS(last), avoid=placed)  # level with its point, else above or below
        placed.append(label)
    for label in lines:
        placement.place(fig, label, LINE_LABEL_SPOTS, avoid=placed)
        placed.append(label)
    ax.set_title(t["trend_title"].format(region=brief.region_name), fontsize=11, loc="left", pad=14)
    ax.set_ylabel(t["pct"])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang)))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _: fmt.month(mdates.num2date(v).strftime("%Y-%m"), lang, short=True))
    )
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    placement.place_legend(fig, ax.legend(loc="lower right", fontsize=8, frameon=False), LEGEND_SPOTS, placed)
    illustrative_note(ax, lang, brief.illustrative)
    fixed_empty_axis_labels(fig)
    return fig


def segment_chart(brief: BriefFigures, lang: str = "id") -> Figure:
    """Registered participants by segment, split into active and inactive, with the active share of each."""
    t = TEXT[check_lang(lang)]
    seg = brief.segments
    fig, ax = plt.subplots(figsize=(8.2, 3.2), dpi=DPI)
    fig.subplots_adjust(left=0.29, right=0.975, top=0.84, bottom=0.16)
    if seg.empty:
        ax.text(0.5, 0.5, t["no_segments"], ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    labels = [segments.label(s, lang) for s in seg["segment"]]
    y = range(len(seg))[::-1]
    ax.barh(list(y), seg["active"], color=COVERAGE_COLOR, label=t["active"])
    ax.barh(list(y), seg["inactive"], left=seg["active"], color=INACTIVE_COLOR, label=t["inactive"])
    ax.set_yticks(list(y), labels, fontsize=9)
    width = seg["registered"].max()
    for yi, registered, active_pct in zip(y, seg["registered"], seg["active_of_registered_pct"], strict=True):
        share = fmt.percent(active_pct, lang, 1) if registered else "-"
        ax.text(
            registered + width * 0.01,
            yi,
            f"{fmt.number(registered, lang)} ({t['active'].lower()} {share})",
            va="center",
            fontsize=8,
        )
    ax.set_xlim(0, width * 1.45)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang)))
    ax.set_xlabel(t["persons"])
    ax.set_title(t["seg_title"].format(month=fmt.month(brief.period, lang)), fontsize=11, loc="left", pad=14)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    illustrative_note(ax, lang, brief.illustrative)
    fixed_empty_axis_labels(fig)
    return fig
