"""Small Markdown tables of a brief, from :class:`BriefFigures` only."""

from __future__ import annotations

from uhc_lib.analysis.brief import BriefFigures
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang

LABELS = {
    "id": {
        "indicator": "Indikator",
        "value": "Nilai",
        "population": "Penduduk (Dukcapil)",
        "registered": "Peserta terdaftar",
        "active": "Peserta aktif",
        "inactive": "Terdaftar tetapi tidak aktif",
        "active_of_registered": "Aktif dari peserta terdaftar",
        "status": "Status ({year})",
        "pemda": "Didaftarkan Pemda (PBPU Pemda)",
        "criterion": "Kriteria",
        "minimum": "Minimal",
        "met": "Terpenuhi",
        "enrol": "Perlu didaftarkan",
        "activate": "Tambahan peserta aktif",
        "yes": "ya",
        "no": "belum",
        "of_pop": "dari penduduk",
    },
    "en": {
        "indicator": "Indicator",
        "value": "Value",
        "population": "Population (Dukcapil)",
        "registered": "Registered participants",
        "active": "Active participants",
        "inactive": "Registered but inactive",
        "active_of_registered": "Active among registered",
        "status": "Status ({year})",
        "pemda": "Registered by the Pemda (PBPU Pemda)",
        "criterion": "Criterion",
        "minimum": "Minimum",
        "met": "Met",
        "enrol": "Must enrol",
        "activate": "More active needed",
        "yes": "yes",
        "no": "no",
        "of_pop": "of population",
    },
}


def markdown_list(items: list[str]) -> str:
    """A Markdown bullet list, one item a line."""
    return "\n".join(f"- {item}" for item in items)


def markdown_table(header: list[str], rows: list[list[str]], align: str | None = None) -> str:
    """A Markdown table from a header and rows of already formatted cells; ``align``: one letter a column, ``l`` or
    ``r`` (right-aligned figures), default all left."""
    rule = ["---:" if a == "r" else "---" for a in (align or "l" * len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(rule) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def headline_table(fig: BriefFigures, lang: str = "id") -> str:
    """Population, registered, active and inactive with their shares, and the status."""
    t = LABELS[check_lang(lang)]
    cov, act = round(fig.coverage_pct, 2), round(fig.activity_pct, 2)
    rows = [
        [t["population"], fmt.persons(fig.population, lang)],
        [t["registered"], f"{fmt.persons(fig.registered, lang)} ({fmt.percent(cov, lang)} {t['of_pop']})"],
        [t["active"], f"{fmt.persons(fig.active, lang)} ({fmt.percent(act, lang)} {t['of_pop']})"],
        [t["inactive"], f"{fmt.persons(fig.inactive, lang)} ({fmt.percent(round(cov - act, 2), lang)} {t['of_pop']})"],
        [t["active_of_registered"], fmt.percent(fig.active_of_registered_pct, lang)],
    ]
    if fig.pemda_pct is not None:
        rows.append([t["pemda"], f"{fmt.percent(fig.pemda_pct, lang)} {t['of_pop']}"])
    rows.append([t["status"].format(year=fig.criteria_year), f"**{fig.status_label(lang)}**"])
    return markdown_table([t["indicator"], t["value"]], rows)


def goals_table(fig: BriefFigures, lang: str = "id") -> str:
    """Each goal's minimums, whether it is met, and the persons needed."""
    t = LABELS[check_lang(lang)]
    rows = []
    for g in fig.goals:
        minimum = " / ".join(fmt.percent(v, lang) for v in (g.min_coverage_pct, g.min_activity_pct) if v is not None)
        rows.append(
            [
                f"{g.short_label(lang)} ({g.when})",
                minimum,
                t["yes"] if g.met else t["no"],
                fmt.number(g.enrol_needed, lang),
                fmt.number(g.activate_needed, lang),
            ]
        )
    return markdown_table([t["criterion"], t["minimum"], t["met"], t["enrol"], t["activate"]], rows)
