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


def lines_text(coverage_line: float, activity_line: float | None, year: int, lang: str = "id") -> str:
    """``cakupan minimal 98 persen dan keaktifan minimal 80 persen (kriteria 2025)`` / English; a year without an
    activity minimum (2022): ``cakupan minimal 95 persen (kriteria 2022, tanpa batas keaktifan)``."""
    if check_lang(lang) == "en":
        if activity_line is None:
            return f"coverage of at least {fmt.percent(coverage_line, 'en')} ({year} criteria, no activity minimum)"
        return (
            f"coverage of at least {fmt.percent(coverage_line, 'en')} and activity of at least "
            f"{fmt.percent(activity_line, 'en')} ({year} criteria)"
        )
    if activity_line is None:
        return f"cakupan minimal {fmt.percent(coverage_line, 'id')} (kriteria {year}, tanpa batas keaktifan)"
    return (
        f"cakupan minimal {fmt.percent(coverage_line, 'id')} dan keaktifan minimal "
        f"{fmt.percent(activity_line, 'id')} (kriteria {year})"
    )


def lines_legend(coverage_line: float, activity_line: float | None, year: int, lang: str = "id") -> str:
    """Legend title: ``Kriteria 2025`` / ``cakupan minimal 98 persen`` / ``keaktifan minimal 80 persen`` (the last line
    left out in a year without an activity minimum)."""
    if check_lang(lang) == "en":
        head = f"{year} criteria\ncoverage at least {fmt.percent(coverage_line, 'en')}"
        return head + (f"\nactivity at least {fmt.percent(activity_line, 'en')}" if activity_line is not None else "")
    head = f"Kriteria {year}\ncakupan minimal {fmt.percent(coverage_line, 'id')}"
    return head + (f"\nkeaktifan minimal {fmt.percent(activity_line, 'id')}" if activity_line is not None else "")


def quadrant_label(quadrant: str, lang: str = "id") -> str:
    """Legend label of a quadrant (``both``, ``coverage_only``, ``activity_only``, ``neither``)."""
    return QUADRANT_LABELS[check_lang(lang)][quadrant]


RANK_WORDS = {
    "id": {
        "rank": "{region} berada di peringkat {r} dari {n} {regions} di {province} untuk {what} ({value} penduduk)",
        "nation": "; secara nasional di peringkat {r} dari {n}",
        "data": "; di antara {n} {regions} dari {p} provinsi dalam data, di peringkat {r}",
        "alone": "; data ini hanya memuat {province}, sehingga tidak ada peringkat nasional",
        "capped": " Cakupan di atas 100 persen dihitung 100 persen dalam peringkat ini, karena kelebihannya "
        "menandakan masalah kualitas data (lihat di atas), bukan hasil yang lebih baik.",
        "ties": ", bersama {n} {regions} lain",
    },
    "en": {
        "rank": "{region} ranks {r} of {n} {regions} in {province} for {what} ({value} of the population)",
        "nation": "; nationally it ranks {r} of {n}",
        "data": "; among the {n} {regions} of the {p} provinces in the data it ranks {r}",
        "alone": "; the data holds {province} only, so there is no national rank",
        "capped": " A coverage above 100 percent counts as 100 percent in this ranking, because the excess is a "
        "data-quality problem (see above), not a better result.",
        "ties": ", with {n} other {regions}",
    },
}


def rank_sentence(pos: PeerPosition, metric: str = "activity_pct", lang: str = "id", scope_note: bool = True) -> str:
    """Rank of the region in its province and, when the data holds every province, in Indonesia; otherwise among
    the regions in the data (or no second rank when the data holds one province only: said when ``scope_note``).
    A coverage above 100 percent is ranked as 100 percent: the sentence says so and with how many the rank is shared.

    e.g. "Kabupaten Cianjur berada di peringkat 27 dari 27 kabupaten/kota di Jawa Barat untuk keaktifan
    (68,7 persen penduduk); secara nasional di peringkat 502 dari 514."
    """
    w = RANK_WORDS[check_lang(lang)]
    word = METRIC_WORDS[lang][metric]
    regions = REGIONS_WORD[lang]
    r, rn = pos.rank(metric, "province"), pos.rank(metric, "national")
    show = (lambda n: ordinal(n, "en")) if lang == "en" else str
    text = w["rank"].format(
        region=pos.region_name,
        r=show(r),
        n=pos.n_province,
        regions=regions,
        province=pos.province_name,
        what=word,
        value=fmt.percent(getattr(pos, metric), lang),
    )
    if pos.nationwide:
        second = w["nation"].format(r=show(rn), n=pos.n_national)
    elif pos.n_provinces_ranked > 1:
        second = w["data"].format(r=show(rn), n=pos.n_national, regions=regions, p=pos.n_provinces_ranked)
    else:
        second = w["alone"].format(province=pos.province_name) if scope_note else ""
    if metric != "coverage_pct" or not pos.coverage_capped:
        return text + second + "."
    if pos.coverage_ties_province:
        text += w["ties"].format(n=pos.coverage_ties_province, regions=regions)
    text += second
    if pos.n_provinces_ranked > 1 and pos.coverage_ties_national:
        text += w["ties"].format(n=pos.coverage_ties_national, regions=regions)
    return text + "." + w["capped"]


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
    if q.activity_line is None:  # a year without an activity minimum: met or not on coverage alone
        met, missed = n["both"], fmt.number(q.count("activity_only"), lang)
        if lang == "en":
            return (
                f"In {fmt.month(q.period, 'en')}, of {fmt.number(q.total, 'en')} {REGIONS_WORD['en']}, {met} met "
                f"{lines} and {missed} did not."
            )
        return (
            f"Pada {fmt.month(q.period, 'id')}, dari {fmt.number(q.total, 'id')} {REGIONS_WORD['id']}, {met} "
            f"memenuhi {lines} dan {missed} belum."
        )
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
        "coverage_met": "memenuhi batas cakupan",
        "coverage_missed": "belum memenuhi batas cakupan",
    },
    "en": {
        "both": "meets both the coverage and the activity line",
        "coverage_only": "meets the coverage line but not yet the activity line",
        "activity_only": "meets the activity line but not yet the coverage line",
        "neither": "meets neither the coverage nor the activity line",
        "coverage_met": "meets the coverage line",
        "coverage_missed": "does not yet meet the coverage line",
    },
}
QUADRANT_WORDS = {
    "id": {
        "against": "Dengan batas {lines}, {region} {own}; {k} dari {n} {regions} di {province} memenuhi {which}.",
        "both": "keduanya",
        "one": "batas itu",
    },
    "en": {
        "against": "Against {lines}, {region} {own}; {k} of the {n} {regions} in {province} met {which}.",
        "both": "both",
        "one": "it",
    },
}


def quadrant_paragraph_part(pos: PeerPosition, lang: str = "id", lines_named: str | None = None) -> str:
    """The region's quadrant and how many of its province meet both lines. ``lines_named``: a name for the lines
    already defined in the text (``UHC non cut-off``) instead of their minimums spelt out again."""
    w = QUADRANT_WORDS[check_lang(lang)]
    own_words = _OWN_QUADRANT[lang]
    if pos.activity_line is None:
        own = own_words["coverage_met" if pos.quadrant in ("both", "coverage_only") else "coverage_missed"]
    else:
        own = own_words[pos.quadrant]
    lines = lines_named or lines_text(pos.coverage_line, pos.activity_line, pos.criteria_year, lang)
    return w["against"].format(
        lines=lines,
        region=pos.region_name,
        own=own,
        k=pos.province_n_both,
        n=pos.n_province,
        regions=REGIONS_WORD[lang],
        province=pos.province_name,
        which=w["one" if pos.activity_line is None else "both"],
    )


def position_paragraph(pos: PeerPosition, lang: str = "id", lines_named: str | None = None) -> str:
    """The brief's "peer position" paragraph: both ranks, the region's quadrant and its province's activity range.
    ``lines_named``: see :func:`quadrant_paragraph_part`."""
    check_lang(lang)
    return " ".join(
        [
            rank_sentence(pos, "activity_pct", lang),
            rank_sentence(pos, "coverage_pct", lang, scope_note=False),
            quadrant_paragraph_part(pos, lang, lines_named),
            province_sentence(pos.activity_inequality, lang),
        ]
    )
