"""Charts of the exploratory notebooks that the brief has no use for: what each lever of a scenario adds, the
national bill of enrolment by province, and the distribution of coverage and activity over the kab/kota.

They draw figures computed in :mod:`uhc_lib.analysis.scenario_mix`, :mod:`uhc_lib.analysis.national_budget` and
:mod:`uhc_lib.analysis.overview` and compute nothing of their own.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from uhc_lib.analysis.national_budget import NationalEnrolment
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.render.charts.style import ACTIVITY_COLOR, COVERAGE_COLOR, DPI, TARGET_COLOR, TEXT
from uhc_lib.rules import segments

LEVER_COLORS = ("#1f5fa8", "#d9731a", "#2e7d32", "#7b3fa0", "#b91c1c", "#0f766e", "#a16207")
LEVER_WORDS = {
    "id": {
        "EnrolUnregistered": "Pendaftaran penduduk sebagai PBPU Pemda",
        "ReactivateArrears": "Pelunasan tunggakan",
        "CsrSponsorship": "Iuran dibayar CSR",
        "TakeOverInactive": "Pengambilalihan sebagai PBPU Pemda",
        "CleanData": "Pembersihan data",
        "CurrentPace": "Laju saat ini",
    },
    "en": {
        "EnrolUnregistered": "Residents enrolled as PBPU Pemda",
        "ReactivateArrears": "Arrears paid",
        "CsrSponsorship": "Premium paid by CSR",
        "TakeOverInactive": "Taken over as PBPU Pemda",
        "CleanData": "Data cleaning",
        "CurrentPace": "Current pace",
    },
}
WORDS = {
    "id": {
        "mix_title": "Peserta aktif tambahan menurut tuas, {region}",
        "persons": "jiwa (kumulatif)",
        "gap": "kekurangan peserta aktif untuk {target}: {n}",
        "cost_title": "Biaya Pemda setahun untuk mendaftarkan penduduk hingga cakupan {v}, {month}",
        "rp_bn": "miliar rupiah per tahun",
        "dist_title": "Sebaran {n} kabupaten/kota menurut {what}, {month}",
        "regions": "jumlah kabupaten/kota",
        "line": "batas {v} (kriteria {year})",
    },
    "en": {
        "mix_title": "Additional active participants by lever, {region}",
        "persons": "people (cumulative)",
        "gap": "active participants missing for {target}: {n}",
        "cost_title": "Regency cost a year of enrolling residents up to {v} coverage, {month}",
        "rp_bn": "billion rupiah a year",
        "dist_title": "{n} kabupaten/kota by {what}, {month}",
        "regions": "number of kabupaten/kota",
        "line": "{v} line ({year} criteria)",
    },
}


def lever_label(lever: str, segment: object, lang: str = "id") -> str:
    """``Taken over as PBPU Pemda (PBI (central government))``: the lever's words and, if any, its segment."""
    words = LEVER_WORDS[check_lang(lang)][lever]
    return words if segment is None or pd.isna(segment) else f"{words} ({segments.label(str(segment), lang)})"


def _note(fig: Figure, lang: str, illustrative: bool) -> None:
    if illustrative:
        fig.text(0.99, 0.01, TEXT[lang]["illustrative"], fontsize=7.5, color="#9a3412", ha="right", va="bottom")


def _tidy(ax: plt.Axes) -> None:
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)


def composition_chart(
    active: pd.DataFrame,
    levers: pd.DataFrame,
    gap: int | None = None,
    target_label: str = "",
    region_name: str = "",
    lang: str = "id",
    illustrative: bool = False,
) -> Figure:
    """Stacked areas of the active participants each lever has added so far (levers that add none are left out),
    and the activity gap as a dashed line.

    Args:
        active: :func:`uhc_lib.analysis.scenario_mix.active_by_lever` (one column per lever position).
        levers: :func:`uhc_lib.analysis.scenario_mix.lever_table` of the same scenario (names the columns).
        gap: active participants needed for the target (``Target.activate_needed``), drawn when given.
    """
    w = WORDS[check_lang(lang)]
    shown = [i for i in active.columns if (active[i] > 0).any()]
    fig, ax = plt.subplots(figsize=(8.2, 4.2), dpi=DPI)
    fig.subplots_adjust(left=0.12, right=0.97, top=0.9, bottom=0.26)
    x = active.index.to_timestamp()
    labels = [lever_label(levers.loc[i, "lever"], levers.loc[i, "segment"], lang) for i in shown]
    colors = [LEVER_COLORS[i % len(LEVER_COLORS)] for i in shown]
    ax.stackplot(x, [active[i] for i in shown], labels=labels, colors=colors, alpha=0.85)
    if gap is not None:
        ax.axhline(gap, color=TARGET_COLOR, ls="--", lw=1)
        ax.annotate(w["gap"].format(target=target_label, n=fmt.persons(gap, lang)), (x[0], gap), xytext=(2, 4),
                    textcoords="offset points", fontsize=7.5, color=TARGET_COLOR)  # fmt: skip
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang)))
    ax.set_ylabel(w["persons"])
    ticks = [p for p in active.index if p.month in (1, 7)]
    ax.set_xticks([p.to_timestamp() for p in ticks], [fmt.month(p, lang, short=True) for p in ticks])
    ax.set_title(w["mix_title"].format(region=region_name), fontsize=11, loc="left", pad=10)
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.1), ncol=2, fontsize=7.5, frameon=False)
    _tidy(ax)
    _note(fig, lang, illustrative)
    return fig


def province_cost_chart(
    national: NationalEnrolment, lang: str = "id", illustrative: bool = False, highlight: str | None = None
) -> Figure:
    """Horizontal bars of each province's yearly cost (``national.provinces``, largest on top; provinces with no
    one to enrol are left out), labelled in billions of rupiah; ``highlight`` (a province code) in a darker colour."""
    w = WORDS[check_lang(lang)]
    d = national.provinces[national.provinces["cost_rp"] > 0].reset_index(drop=True)
    n = len(d)
    height = 1.6 + 0.22 * n
    fig, ax = plt.subplots(figsize=(8.2, height), dpi=DPI)
    fig.subplots_adjust(left=0.25, right=0.9, top=1 - 0.6 / height, bottom=0.75 / height)
    y = list(range(n))[::-1]
    colors = [ACTIVITY_COLOR if c == highlight else COVERAGE_COLOR for c in d["province_code"]]
    ax.barh(y, d["cost_rp"] / 1e9, color=colors, height=0.7)
    for yi, v in zip(y, d["cost_rp"], strict=True):
        ax.annotate(fmt.number(v / 1e9, lang, 1), (v / 1e9, yi), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=7)  # fmt: skip
    ax.set_yticks(y, list(d["province_name"]), fontsize=7.5)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel(w["rp_bn"])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang)))
    title = w["cost_title"].format(
        v=fmt.percent(national.coverage_pct, lang, 0), month=fmt.month(national.period, lang)
    )
    fig.suptitle(title, x=0.02, y=1 - 0.15 / height, ha="left", va="top", fontsize=10.5)
    ax.grid(axis="x", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    _note(fig, lang, illustrative)
    return fig


def quadrant_limits(regions: pd.DataFrame) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis limits for :func:`uhc_lib.render.charts.peer_charts.quadrant_chart` that keep its corner counts and the
    rotated coverage-line label (drawn at mid-height) clear of the points: room below the lowest activity (0.8 of the
    range), above the highest (0.15) and right of the highest coverage (a quarter of the range)."""
    x0, x1 = float(regions["coverage_pct"].min()), float(regions["coverage_pct"].max())
    y0, y1 = float(regions["activity_pct"].min()), float(regions["activity_pct"].max())
    dx, dy = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    return (x0 - 0.04 * dx, x1 + dx / 4), (y0 - 0.8 * dy, y1 + 0.15 * dy)
