"""Chart of the registry-matching notebook, drawn from :class:`~uhc_lib.registry.worklist.WorklistTable` only.

Hidden (suppressed) cells are drawn as empty hatched bars labelled with the table's marker, and running totals only
where the table shows them, so the chart never shows more than the table.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.registry.suppression import MARKER
from uhc_lib.registry.worklist import TOTAL, UNKNOWN_DESIL, WorklistTable

BAR_COLOR = "#1f5fa8"
LINE_COLOR = "#d9731a"
BUDGET_COLOR = "#6b7280"
HIDDEN_COLOR = "#9ca3af"
SYNTHETIC_COLOR = "#9a3412"
DPI = 110
TEXT = {
    "id": {
        "title": "Penduduk belum terdaftar menurut desil, dan iuran PBPU Pemda kumulatif",
        "persons": "jiwa belum terdaftar",
        "cost": "iuran kumulatif setahun",
        "budget": "anggaran {v}",
        "unknown": "tak\ndiketahui",
        "desil": "desil kesejahteraan (keluarga termiskin dahulu)",
        "synthetic": "Data sintetis (ilustratif)",
        "hidden": "disembunyikan (*)",
        "none_left": "Tidak ada penduduk hidup yang belum terdaftar: daftar kerja kosong.",
    },
    "en": {
        "title": "Residents not enrolled by decile, and the running PBPU Pemda premium",
        "persons": "people not enrolled",
        "cost": "yearly premium, running total",
        "budget": "budget {v}",
        "unknown": "unknown",
        "desil": "welfare decile (poorest families first)",
        "synthetic": "Synthetic data (illustrative)",
        "hidden": "hidden (*)",
        "none_left": "No alive resident is unregistered: the worklist is empty.",
    },
}


def _short_rp(value: float, lang: str) -> str:
    """``Rp1,5 M`` / ``Rp250 jt`` (id), ``IDR 1.5bn`` / ``IDR 250m`` (en)."""
    for size, id_unit, en_unit in ((1e9, " M", "bn"), (1e6, " jt", "m")):
        if abs(value) >= size:
            shown = fmt.number(value / size, lang, 1)
            return f"Rp{shown}{id_unit}" if lang == "id" else f"IDR {shown}{en_unit}"
    return fmt.rupiah(value, lang)


def worklist_chart(
    table: WorklistTable, lang: str = "id", budget_rp: float | None = None, synthetic: bool = False
) -> Figure:
    """Bars: people not enrolled per priority decile; line: the running yearly premium (shown points only);
    optional horizontal budget line."""
    t = TEXT[check_lang(lang)]
    values = table.values.drop(index=TOTAL)
    mask = table.mask.drop(index=TOTAL)
    labels = [t["unknown"] if code == UNKNOWN_DESIL else code for code in values.index]
    x = list(range(len(values)))
    fig, ax = plt.subplots(figsize=(8.2, 4.2), dpi=DPI, layout="constrained")
    if values.empty:  # everyone is enrolled: say so instead of drawing empty axes
        ax.set_axis_off()
        ax.set_title(t["title"], fontsize=10, loc="left")
        ax.text(0.5, 0.5, t["none_left"], transform=ax.transAxes, ha="center", va="center", fontsize=10)
        return fig
    shown = ~mask["persons"]
    ax.bar([i for i in x if shown.iloc[i]], values["persons"][shown], color=BAR_COLOR, label=t["persons"])
    top = max(values["persons"][shown].max() if shown.any() else 1, 1)
    hidden = [i for i in x if not shown.iloc[i]]
    if hidden:  # a fixed stub, not a value: the count is not shown
        ax.bar(hidden, top * 0.04, color="none", edgecolor=HIDDEN_COLOR, hatch="///", linewidth=0.6, label=t["hidden"])
        for i in hidden:
            ax.text(i, top * 0.05, MARKER, ha="center", va="bottom", color=HIDDEN_COLOR)
    ax.set_xticks(x, labels)
    ax.set_xlabel(t["desil"])
    ax.set_ylabel(t["persons"])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang)))
    ax.spines[["top"]].set_visible(False)

    ax2 = ax.twinx()
    # hidden running totals are gaps (NaN), so the line does not join shown points across them
    cum_shown = ~mask["cumulative_cost"]
    ax2.plot(x, values["cumulative_cost"].where(cum_shown), color=LINE_COLOR, marker="o", label=t["cost"])
    if budget_rp:
        ax2.axhline(budget_rp, color=BUDGET_COLOR, linestyle="--", linewidth=1)
        ax2.text(
            x[0] - 0.4,
            budget_rp,
            t["budget"].format(v=_short_rp(budget_rp, lang)),
            va="bottom",
            fontsize=8,
            color=BUDGET_COLOR,
        )
    ax2.set_ylim(bottom=0)
    ax2.set_ylabel(t["cost"])
    ax2.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _short_rp(v, lang)))
    ax2.spines[["top"]].set_visible(False)
    handles, labels = ax.get_legend_handles_labels()
    more_handles, more_labels = ax2.get_legend_handles_labels()
    ax.legend(handles + more_handles, labels + more_labels, loc="upper left", frameon=False, fontsize=8)
    ax.set_title(t["title"], fontsize=10, loc="left")
    if synthetic:
        ax.text(
            1.0,
            1.01,
            t["synthetic"],
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=7.5,
            color=SYNTHETIC_COLOR,
        )
    return fig
