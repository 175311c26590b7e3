"""What every chart shares: colours, resolution, the chart words (id/en) and the illustrative-data note."""

from __future__ import annotations

import matplotlib.pyplot as plt

from uhc_lib.render.charts import text_metrics

text_metrics.share_between_figures()  # every chart imports this module: text sizes are measured once per process

COVERAGE_COLOR = "#1f5fa8"
ACTIVITY_COLOR = "#d9731a"
INACTIVE_COLOR = "#c9ced6"
TARGET_COLOR = "#6b7280"
DPI = 110
# Charts saved as SVG keep their text as text (DejaVu Sans, else the narrower Arial or the system's sans-serif):
# 5-25 KB a chart instead of 35-85 KB of PNG, sharp at any print size; a fixed salt gives the same bytes every run.
# Titles sit at the top of their axes (no chart has ticks above it): matplotlib then skips measuring the axes to place
# them, about 6 % of a chart's drawing time, and every chart is the same bytes as with the automatic place.
SVG_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "uhc-monitor",
    "font.sans-serif": ["DejaVu Sans", "Arial"],
    "axes.titley": 1.0,
}

TEXT = {
    "id": {
        "coverage": "Cakupan kepesertaan (terdaftar / penduduk)",
        "activity": "Keaktifan (aktif / penduduk)",
        "trend_title": "Cakupan dan keaktifan JKN, {region}",
        "pct": "persen penduduk",
        "min_cov": "minimal cakupan {v} ({c})",
        "min_act": "minimal keaktifan {v} ({c})",
        "seg_title": "Peserta menurut segmen, {month}",
        "active": "Aktif",
        "inactive": "Tidak aktif",
        "persons": "jiwa",
        "illustrative": "Data ilustratif (bukan data resmi BPJS Kesehatan)",
        "no_segments": "Data tanpa rincian segmen",
    },
    "en": {
        "coverage": "Coverage (registered / population)",
        "activity": "Activity (active / population)",
        "trend_title": "JKN coverage and activity, {region}",
        "pct": "percent of population",
        "min_cov": "coverage minimum {v} ({c})",
        "min_act": "activity minimum {v} ({c})",
        "seg_title": "Participants by segment, {month}",
        "active": "Active",
        "inactive": "Inactive",
        "persons": "people",
        "illustrative": "Illustrative data (not official BPJS Kesehatan data)",
        "no_segments": "The data has no segment breakdown",
    },
}


def illustrative_note(ax: plt.Axes, lang: str, show: bool = True) -> None:
    """The illustrative-data note above the top right corner of ``ax``, raised above the axes' title when a long
    title reaches it (nothing when ``show`` is false)."""
    if not show:
        return
    note = ax.text(
        1.0,
        1.01,
        TEXT[lang]["illustrative"],
        fontsize=7.5,
        color="#9a3412",
        ha="right",
        va="bottom",
        transform=ax.transAxes,
    )
    renderer = ax.figure.canvas.get_renderer()
    box = note.get_window_extent(renderer)
    for title in (ax._left_title, ax.title, ax._right_title):  # noqa: SLF001 - matplotlib has no public getter
        if title.get_text() and title.get_window_extent(renderer).overlaps(box):
            top = ax.transAxes.inverted().transform(title.get_window_extent(renderer).get_points())[1, 1]
            note.set_y(top + 0.01)
            break


def fixed_empty_axis_labels(fig) -> None:
    """Pin the position of every axis label that has no text, so drawing does not measure the tick labels to place
    it (about a tenth of a chart's drawing time); an empty label is never drawn, so the chart is the same."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if not axis.label.get_text():
                axis.set_label_coords(0.5, 0.5)
