"""Sentences and labels about peers, quadrants and inequality, in Indonesian (default) or English.

They read the figures of :mod:`uhc_lib.analysis.peers` only. As in :mod:`uhc_lib.render.text.narrative`, a printed
difference is the difference of the two printed values, so a reader's subtraction always checks out.
"""

from __future__ import annotations

import pandas as pd

from uhc_lib.analysis.peers import PeerPosition, Quadrants
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang

METRIC_WORDS = {
    "id": {"coverage_pct": "cakupan kepesertaan", "activity_pct": "keaktifan"},
    "en": {"coverage_pct": "coverage", "activity_pct": "activity"},
}
METRIC_AXIS = {
    "id": {
        "coverage_pct": "Cakupan kepesertaan (terdaftar / penduduk, persen)",
        "activity_pct": "Keaktifan (aktif / penduduk, persen)",
    },
    "en": {
        "coverage_pct": "Coverage (registered / population, percent)",
        "activity_pct": "Activity (active / population, percent)",
    },
}
QUADRANT_LABELS = {
    "id": {
        "both": "Cakupan dan keaktifan memenuhi",
        "coverage_only": "Hanya cakupan memenuhi",
        "activity_only": "Hanya keaktifan memenuhi",
        "neither": "Keduanya belum memenuhi",
    },
    "en": {
        "both": "Coverage and activity met",
        "coverage_only": "Coverage only",
        "activity_only": "Activity only",
        "neither": "Neither met",
    },
}
REGIONS_WORD = {"id": "kabupaten/kota", "en": "regencies and cities"}


def short_name(name: str) -> str:
    """``Kabupaten Cianjur`` -> ``Kab. Cianjur``; ``Kota Bandung`` stays (so Kab. and Kota Bandung stay distinct)."""
    return "Kab. " + name.removeprefix("Kabupaten ") if name.startswith("Kabupaten ") else name


def ordinal(n: int, lang: str = "id") -> str:
    """``20`` (id, written after "peringkat") / ``20th``, ``21st``, ``22nd``, ``23rd``, ``11th`` (en)."""
    if check_lang(lang) == "id":
        return str(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def lines_text(coverage_line: float, activity_line: float, year: int, lang: str = "id") -> str:
    """``cakupan minimal 98 persen dan keaktifan minimal 80 persen (kriteria 2025)`` / English."""
    if check_lang(lang) == "en":
        return (
            f"coverage of at least {fmt.percent(coverage_line, 'en')} and activity of at least "
            f"{fmt.percent(activity_line, 'en')} ({year} criteria)"
        )
    return (
        f"cakupan minimal {fmt.percent(coverage_line, 'id')} dan keaktifan minimal "
        f"{fmt.percent(activity_line, 'id')} (kriteria {year})"
    )


def lines_legend(coverage_line: float, activity_line: float, year: int, lang: str = "id") -> str:
    """Three-line legend title: ``Kriteria 2025`` / ``cakupan minimal 98 persen`` / ``keaktifan minimal 80 persen``."""
    if check_lang(lang) == "en":
        return (
            f"{year} criteria\ncoverage at least {fmt.percent(coverage_line, 'en')}\n"
            f"activity at least {fmt.percent(activity_line, 'en')}"
        )
    return (
        f"Kriteria {year}\ncakupan minimal {fmt.percent(coverage_line, 'id')}\n"
        f"keaktifan minimal {fmt.percent(activity_line, 'id')}"
    )


def quadrant_label(quadrant: str, lang: str = "id") -> str:
    """Legend label of a quadrant (``both``, ``coverage_only``, ``activity_only``, ``neither``)."""
    return QUADRANT_LABELS[check_lang(lang)][quadrant]


def rank_sentence(pos: PeerPosition, metric: str = "activity_pct", lang: str = "id") -> str:
    """Rank of the region in its province and in Indonesia for ``metric``.

    e.g. "Kabupaten Cianjur berada di peringkat 27 dari 27 kabupaten/kota di Jawa Barat untuk keaktifan
    (68,7 persen penduduk); secara nasional di peringkat 502 dari 514."
    """
    word = METRIC_WORDS[check_lang(lang)][metric]
    value = getattr(pos, metric)
    r, rn = pos.rank(metric, "province"), pos.rank(metric, "national")
    if lang == "en":
        return (
            f"{pos.region_name} ranks {ordinal(r, 'en')} of {pos.n_province} {REGIONS_WORD['en']} in "
            f"{pos.province_name} for {word} ({fmt.percent(value, 'en')} of the population); nationally it ranks "
            f"{ordinal(rn, 'en')} of {pos.n_national}."
        )
    return (
        f"{pos.region_name} berada di peringkat {r} dari {pos.n_province} {REGIONS_WORD['id']} di "
        f"{pos.province_name} untuk {word} ({fmt.percent(value, 'id')} penduduk); secara nasional di peringkat "
        f"{rn} dari {pos.n_national}."
    )


def province_sentence(row: pd.Series, lang: str = "id") -> str:
    """Pooled rate, highest and lowest region and their difference, from a :func:`peers.province_inequality` row.

    e.g. "Di Jawa Barat, keaktifan gabungan 27 kabupaten/kota adalah 79,17 persen; tertinggi Kota Bandung
    (85,99 persen) dan terendah Kabupaten Cianjur (68,7 persen), selisih 17,29 poin persen."
    """
    word = METRIC_WORDS[check_lang(lang)][row["metric"]]
    best, worst = round(float(row["best_pct"]), 2), round(float(row["worst_pct"]), 2)
    diff = round(best - worst, 2)
    if lang == "en":
        return (
            f"In {row['province_name']}, the pooled {word} of its {row['n']} {REGIONS_WORD['en']} is "
            f"{fmt.percent(row['pooled_pct'], 'en')}; the highest is {row['best_name']} ({fmt.percent(best, 'en')}) "
            f"and the lowest {row['worst_name']} ({fmt.percent(worst, 'en')}), a difference of "
            f"{fmt.points(diff, 'en')}."
        )
    return (
        f"Di {row['province_name']}, {word} gabungan {row['n']} {REGIONS_WORD['id']} adalah "
        f"{fmt.percent(row['pooled_pct'], 'id')}; tertinggi {row['best_name']} ({fmt.percent(best, 'id')}) "
        f"dan terendah {row['worst_name']} ({fmt.percent(worst, 'id')}), selisih {fmt.points(diff, 'id')}."
    )


def quadrant_sentence(q: Quadrants, lang: str = "id") -> str:
    """How many regions meet both lines, one of them, or neither in the month.

    e.g. "Pada Desember 2025, dari 514 kabupaten/kota, 336 memenuhi cakupan minimal 98 persen dan keaktifan
    minimal 80 persen (kriteria 2025), 83 hanya memenuhi cakupan, 27 hanya memenuhi keaktifan, dan 68 belum
    memenuhi keduanya."
    """
    lines = lines_text(q.coverage_line, q.activity_line, q.criteria_year, check_lang(lang))
    n = {k: fmt.number(q.count(k), lang) for k in ("both", "coverage_only", "activity_only", "neither")}
    if lang == "en":
        return (
            f"In {fmt.month(q.period, 'en')}, of {fmt.number(q.total, 'en')} {REGIONS_WORD['en']}, {n['both']} met "
            f"{lines}, {n['coverage_only']} met coverage only, {n['activity_only']} activity only, "
            f"and {n['neither']} neither."
        )
    return (
        f"Pada {fmt.month(q.period, 'id')}, dari {fmt.number(q.total, 'id')} {REGIONS_WORD['id']}, {n['both']} "
        f"memenuhi {lines}, {n['coverage_only']} hanya memenuhi cakupan, {n['activity_only']} hanya memenuhi "
        f"keaktifan, dan {n['neither']} belum memenuhi keduanya."
    )


_OWN_QUADRANT = {
    "id": {
        "both": "memenuhi batas cakupan dan batas keaktifan",
        "coverage_only": "memenuhi batas cakupan tetapi belum batas keaktifan",
        "activity_only": "memenuhi batas keaktifan tetapi belum batas cakupan",
        "neither": "belum memenuhi batas cakupan maupun batas keaktifan",
    },
    "en": {
        "both": "meets both the coverage and the activity line",
        "coverage_only": "meets the coverage line but not yet the activity line",
        "activity_only": "meets the activity line but not yet the coverage line",
        "neither": "meets neither the coverage nor the activity line",
    },
}


def position_paragraph(pos: PeerPosition, lang: str = "id") -> str:
    """The brief's "peer position" paragraph: both ranks, the region's quadrant and its province's activity range."""
    check_lang(lang)
    own = _OWN_QUADRANT[lang][pos.quadrant]
    lines = lines_text(pos.coverage_line, pos.activity_line, pos.criteria_year, lang)
    if lang == "en":
        quad = (
            f"Against {lines}, {pos.region_name} {own}; {pos.province_n_both} of the {pos.n_province} "
            f"{REGIONS_WORD['en']} in {pos.province_name} met both."
        )
    else:
        quad = (
            f"Terhadap {lines}, {pos.region_name} {own}; {pos.province_n_both} dari {pos.n_province} "
            f"{REGIONS_WORD['id']} di {pos.province_name} memenuhi keduanya."
        )
    return " ".join(
        [
            rank_sentence(pos, "activity_pct", lang),
            rank_sentence(pos, "coverage_pct", lang),
            quad,
            province_sentence(pos.activity_inequality, lang),
        ]
    )
