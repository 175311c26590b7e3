"""Sentences of a brief, in Indonesian (default) or English, from :class:`BriefFigures` only (no calculation).

Percentages are shown with up to two decimals as the press writes them (``100,71 persen``, ``96 persen``). The
inactive share printed is the difference of the two printed shares, so a reader's subtraction always checks out.
"""

from __future__ import annotations

from uhc_lib.analysis.brief import BriefFigures, Target
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.rules import criteria, segments

ILLUSTRATIVE_NOTE = {
    "id": "Data ilustratif: angka kepesertaan dalam laporan ini adalah hasil simulasi proyek UHC Monitor "
    "(bukan data resmi BPJS Kesehatan) yang disesuaikan dengan angka yang pernah dipublikasikan.",
    "en": "Illustrative data: the participation figures in this brief are simulated by the UHC Monitor project "
    "(not official BPJS Kesehatan data), matched to the figures that have been published.",
}


HORIZON_MONTHS = 60  # projections further out than five years are reported as "not within five years"


def _shown(fig: BriefFigures) -> tuple[float, float, float]:
    cov, act = round(fig.coverage_pct, 2), round(fig.activity_pct, 2)
    return cov, act, round(cov - act, 2)


def title(fig: BriefFigures, lang: str = "id") -> str:
    """Brief title: region and month."""
    if lang == "en":
        return f"JKN participation brief: {fig.region_name}, {fig.province_name} — {fmt.month(fig.period, 'en')}"
    return f"Ringkasan kepesertaan JKN: {fig.region_name}, {fig.province_name} — {fmt.month(fig.period, 'id')}"


def headline(fig: BriefFigures, lang: str = "id") -> str:
    """Registered and active shares, and the inactive gap between them (the Lebong sentence)."""
    cov, act, inact = _shown(fig)
    m = fmt.month(fig.period, lang)
    if lang == "en":
        text = (
            f"As of {m}, {fmt.persons(fig.registered, 'en')} in {fig.region_name} were registered with JKN, "
            f"{fmt.percent(cov, 'en')} of its population of {fmt.number(fig.population, 'en')}, "
            f"but only {fmt.persons(fig.active, 'en')} were active, {fmt.percent(act, 'en')} of the population. "
            f"So {fmt.percent(inact, 'en')} of the population ({fmt.persons(fig.inactive, 'en')}) "
            f"is registered but not active."
        )
    else:
        but = "tetapi peserta yang aktif hanya" if act < cov - 5 else "dan peserta yang aktif"
        text = (
            f"Per {m}, jumlah peserta JKN yang terdaftar di {fig.region_name} mencapai "
            f"{fmt.persons(fig.registered, 'id')} atau {fmt.percent(cov, 'id')} dari jumlah penduduk "
            f"({fmt.persons(fig.population, 'id')}), {but} {fmt.persons(fig.active, 'id')} atau "
            f"{fmt.percent(act, 'id')}. Artinya, {fmt.percent(inact, 'id')} penduduk "
            f"({fmt.persons(fig.inactive, 'id')}) terdaftar sebagai peserta tetapi tidak aktif."
        )
    return text


def minimums_text(t: Target, lang: str) -> str:
    """The minimums of a target in words: ``cakupan kepesertaan minimal 98 persen dan keaktifan minimal 80 persen``."""
    parts = []
    if t.min_coverage_pct is not None:
        parts.append(
            ("coverage of at least " if lang == "en" else "cakupan kepesertaan minimal ")
            + fmt.percent(t.min_coverage_pct, lang)
        )
    if t.min_activity_pct is not None:
        parts.append(
            ("activity of at least " if lang == "en" else "keaktifan minimal ") + fmt.percent(t.min_activity_pct, lang)
        )
    return (" and " if lang == "en" else " dan ").join(parts)


STATUS_WORDS = {
    "id": {
        "holds": " {region} berstatus {label}.",
        "not_uhc": " {region} belum berstatus UHC.",
        "lost": " {region} kehilangan status {before} sejak {month}{why}.",
        "since": " Status ini berlaku sejak {month}{why}.",
        "rules": " (berlakunya kriteria {year})",
        "assumed": " {status} juga mensyaratkan tidak ada tunggakan iuran PBPU Pemda; data ini tidak memuat angka "
        "tunggakan, sehingga dianggap tidak ada.",
        "owing": " Cakupan dan keaktifan memenuhi {head}, tetapi data mencatat tunggakan iuran PBPU Pemda sebesar "
        "{rp}, sehingga statusnya bukan {head}.",
        "uncertain": " Catatan: {note}.",
    },
    "en": {
        "holds": " {region} holds {label}.",
        "not_uhc": " {region} is not UHC.",
        "lost": " {region} has lost {before} since {month}{why}.",
        "since": " It has held this status since {month}{why}.",
        "rules": " (when the {year} criteria took effect)",
        "assumed": " {status} also requires no PBPU Pemda premium arrears; the data states no arrears figure, so none "
        "are assumed.",
        "owing": " Coverage and activity meet {head}, but the data records PBPU Pemda premium arrears of {rp}, so "
        "the status is not {head}.",
        "uncertain": " Note: {note}.",
    },
}


def status(fig: BriefFigures, lang: str = "id") -> str:
    """The status the region holds (the badge's words), how the headline criterion is met or missed, since when the
    status holds, and the assumptions it rests on (no PBPU Pemda arrears, an uncertain rule)."""
    cov, act, _ = _shown(fig)
    w = STATUS_WORDS[check_lang(lang)]
    head = fig.headline_target
    name = head.short_label(lang)
    y = fig.criteria_year
    if lang == "en":
        intro = f"Under the {y} criteria for {name} ({minimums_text(head, 'en')}), {fig.region_name} "
        text = intro + (f"meets {name}" + _margin(fig, head, "en") + "." if head.met else "")
    else:
        intro = f"Menurut kriteria {y} untuk {name} ({minimums_text(head, 'id')}), {fig.region_name} "
        text = intro + (f"memenuhi {name}" + _margin(fig, head, "id") + "." if head.met else "")
    ratios_met = not head.enrol_needed and not head.activate_needed
    if not head.met:
        if ratios_met:  # the minimums hold but a condition does not (PBPU Pemda arrears)
            text += "meets its minimums." if lang == "en" else "memenuhi batas minimalnya."
            text += w["owing"].format(head=name, rp=fmt.rupiah(fig.arrears_rp or 0, lang))
        else:
            text += ("does not yet meet " if lang == "en" else "belum memenuhi ") + f"{name}: "
            text += _misses(head, cov, act, lang) + "."
        holds = w["not_uhc"] if fig.status_tone == "none" else w["holds"]
        text += holds.format(region=fig.region_name, label=fig.status_label(lang))
    change = fig.status_change
    if change is not None:
        why = w["rules"].format(year=change.since.year) if change.rules_changed else ""  # the year that changed it
        month = fmt.month(change.since, lang)
        if change.lost:
            before = change.before_label(lang).split(" (")[0]
            text += w["lost"].format(region=fig.region_name, before=before, month=month, why=why)
        else:
            text += w["since"].format(month=month, why=why)
    if fig.arrears_assumed:
        text += w["assumed"].format(status=fig.status_label(lang).split(" (")[0])
    for criterion in fig.uncertain:
        text += w["uncertain"].format(note=criteria.certainty_note(criterion, y, lang))
    return text


AWARD_WORDS = {
    "id": {
        "won": "Pada UHC Awards {year}, yang menilai data {month}, {region} meraih {tier}.",
        "lacked": "Pada UHC Awards {year}, yang menilai data {month}, {region} tidak mendapat penghargaan: setiap "
        "tingkat mensyaratkan UHC Prioritas, sedangkan pada {month} cakupannya {cov} dan keaktifannya {act}.",
        "short": "Pada UHC Awards {year}, yang menilai data {month}, {region} tidak mendapat penghargaan: "
        "cakupan {cov} dan keaktifan {act} belum memenuhi tingkat Pratama.",
    },
    "en": {
        "won": "In the UHC Awards {year}, which judged {month}, {region} received {tier}.",
        "lacked": "In the UHC Awards {year}, which judged {month}, {region} received no award: every tier needs UHC "
        "Prioritas, and in {month} its coverage was {cov} and its activity {act}.",
        "short": "In the UHC Awards {year}, which judged {month}, {region} received no award: coverage of {cov} and "
        "activity of {act} did not reach the Pratama tier.",
    },
}


def award(fig: BriefFigures, lang: str = "id") -> str:
    """The region's UHC Awards result, where one applies to the brief's month (empty otherwise). Awards are an
    assessment of one reference month, never the status."""
    a = fig.award
    if a is None:
        return ""
    w = AWARD_WORDS[check_lang(lang)]
    fields = {
        "year": a.award_year,
        "month": fmt.month(a.reference_month, lang),
        "region": fig.region_name,
        "tier": a.label(lang).split(" (")[0],
        "cov": fmt.percent(round(a.coverage_pct, 2), lang),
        "act": fmt.percent(round(a.activity_pct, 2), lang),
    }
    if a.tier != "none":
        return w["won"].format(**fields)
    return (w["short"] if a.prioritas else w["lacked"]).format(**fields)


def _margin(fig: BriefFigures, t: Target, lang: str) -> str:
    cov, act, _ = _shown(fig)
    if t.min_activity_pct is None:
        return ""
    margin = round(act - t.min_activity_pct, 2)
    if margin <= 1:
        if lang == "en":
            return (
                f", but activity is only {fmt.points(margin, 'en')} above the "
                f"{fmt.percent(t.min_activity_pct, 'en')} minimum"
            )
        return (
            f", tetapi keaktifan hanya {fmt.points(margin, 'id')} di atas batas minimal "
            f"{fmt.percent(t.min_activity_pct, 'id')}"
        )
    return ""


MISS_WORDS = {
    "id": {
        "coverage": "cakupan {v}",
        "activity": "keaktifan {v}",
        "above": "sudah melampaui",
        "below": "masih di bawah",
        "phrase": "{what} {side} {minimum}",
        "but": ", tetapi ",
        "and": " dan ",
    },
    "en": {
        "coverage": "coverage of {v}",
        "activity": "activity of {v}",
        "above": "is above",
        "below": "is below",
        "phrase": "{what} {side} {minimum}",
        "but": ", but ",
        "and": " and ",
    },
}


def _misses(t: Target, cov: float, act: float, lang: str) -> str:
    """'coverage 96 % is above 95 %, but activity 68.7 % is below 75 %' (the parts the criterion has)."""
    w = MISS_WORDS[lang]
    parts, short = [], []
    for what, value, minimum, needed in (
        ("coverage", cov, t.min_coverage_pct, t.enrol_needed),
        ("activity", act, t.min_activity_pct, t.activate_needed),
    ):
        if minimum is None:
            continue
        short.append(needed > 0)
        side = w["below"] if needed > 0 else w["above"]
        parts.append(
            w["phrase"].format(
                what=w[what].format(v=fmt.percent(value, lang)), side=side, minimum=fmt.percent(minimum, lang)
            )
        )
    contrast = len(parts) == 2 and short[0] != short[1]
    return (w["but"] if contrast else w["and"]).join(parts)


GAP_WORDS = {
    "id": {
        "intro": "Untuk memenuhi {name} ({rules}: {minimums}), ",
        "intro_named": "Untuk memenuhi {name}, ",
        "enrol": "sebanyak {n} perlu didaftarkan",
        "activate": "peserta aktif perlu bertambah {n}{react}",
        "react_part": " ({n} di antaranya dengan mengaktifkan kembali peserta nonaktif, "
        "bila peserta baru langsung aktif)",
        "react_all": " melalui pengaktifan kembali peserta nonaktif",
        "and": " dan ",
    },
    "en": {
        "intro": "To meet {name} ({rules}: {minimums}), ",
        "intro_named": "To meet {name}, ",
        "enrol": "{n} must be enrolled",
        "activate": "active participants must increase by {n}{react}",
        "react_part": " ({n} of them by reactivating inactive participants, if new enrolees are active at once)",
        "react_all": " (by reactivating inactive participants)",
        "and": " and ",
    },
}


def gap(t: Target, fig: BriefFigures, lang: str = "id", define: bool = True) -> str:
    """How many residents must enrol and how many more must be active to meet ``t``. ``define``: spell out the
    target's minimums (``False`` for the headline target, which the status sentence has defined)."""
    name = t.short_label(lang)
    if t.met:
        return (
            f"{name} ({t.rules_name('en')}: {minimums_text(t, 'en')}) is already met."
            if lang == "en"
            else f"{name} ({t.rules_name('id')}: {minimums_text(t, 'id')}) sudah tercapai."
        )
    w = GAP_WORDS[lang]
    parts = []
    if t.enrol_needed:
        parts.append(w["enrol"].format(n=fmt.persons(t.enrol_needed, lang)))
    if t.activate_needed:
        react = ""
        if t.reactivate_needed:
            react = w["react_part"] if t.enrol_needed else w["react_all"]
        react = react.format(n=fmt.number(t.reactivate_needed, lang))
        parts.append(w["activate"].format(n=fmt.persons(t.activate_needed, lang), react=react))
    if define:
        intro = w["intro"].format(name=name, rules=t.rules_name(lang), minimums=minimums_text(t, lang))
    else:
        intro = w["intro_named"].format(name=name)
    return intro + w["and"].join(parts) + "."


def _change(value: float | None, lang: str) -> str:
    if value is None:
        return "n/a" if lang == "en" else "tidak tersedia"
    v = round(value, 2)
    if v == 0:
        return "unchanged" if lang == "en" else "tetap"
    if lang == "en":
        return f"{'up' if v > 0 else 'down'} {fmt.points(v, 'en')}"
    return f"{'naik' if v > 0 else 'turun'} {fmt.points(v, 'id')}"


def trend(fig: BriefFigures, lang: str = "id") -> str:
    """Change against last month and last year, and when the headline targets are reached at the current pace."""
    c = fig.changes
    prev_year = fmt.month(fig.period - 12, lang)
    if fig.annual:  # yearly data: one figure a year, read as its December
        if lang == "en":
            return (
                f"Compared with {prev_year}, coverage is {_change(c['coverage_pct_yoy'], 'en')} and activity "
                f"{_change(c['activity_pct_yoy'], 'en')}. The data is yearly (each year read as its December), so "
                "there is no month-on-month change and no projection at the monthly pace."
            )
        return (
            f"Dibandingkan {prev_year}, cakupan {_change(c['coverage_pct_yoy'], 'id')} dan keaktifan "
            f"{_change(c['activity_pct_yoy'], 'id')}. Datanya tahunan (angka setiap tahun dibaca sebagai Desember), "
            "sehingga perubahan bulanan dan proyeksi dengan laju bulanan tidak dihitung."
        )
    if lang == "en":
        text = (
            f"Compared with the previous month, coverage is {_change(c['coverage_pct_mom'], 'en')} and activity "
            f"{_change(c['activity_pct_mom'], 'en')}; compared with {prev_year}, coverage is "
            f"{_change(c['coverage_pct_yoy'], 'en')} and activity {_change(c['activity_pct_yoy'], 'en')}."
        )
    else:
        text = (
            f"Dibandingkan bulan sebelumnya, cakupan {_change(c['coverage_pct_mom'], 'id')} dan keaktifan "
            f"{_change(c['activity_pct_mom'], 'id')}; dibandingkan {prev_year}, cakupan "
            f"{_change(c['coverage_pct_yoy'], 'id')} dan keaktifan {_change(c['activity_pct_yoy'], 'id')}."
        )
    return f"{text} {projection(fig, lang)}".strip()


def national_targets(fig: BriefFigures, lang: str = "id") -> str:
    """The national coverage targets ahead (RPJMN), said to be targets and not status rules (empty when none)."""
    if not fig.national_targets:
        return ""
    cov = fmt.percent(round(fig.coverage_pct, 2), lang)
    parts = [
        f"{fmt.percent(n.min_coverage_pct, lang)} {'in' if lang == 'en' else 'pada'} {n.year}"
        for n in fig.national_targets
    ]
    joined = (" and " if lang == "en" else " dan ").join(parts)
    if lang == "en":
        return (
            f"The national RPJMN targets, which are targets and not status rules, are coverage of {joined}; "
            f"{fig.region_name}'s coverage is {cov}."
        )
    return (
        f"Target nasional RPJMN, yang merupakan target dan bukan syarat status, adalah cakupan kepesertaan {joined}; "
        f"cakupan {fig.region_name} kini {cov}."
    )


def _next_unmet(fig: BriefFigures) -> Target | None:
    return next((t for t in fig.goals if not t.met), None)


def gap_paragraph(fig: BriefFigures, lang: str = "id") -> str:
    """Gaps to the headline target if unmet, and to the next unmet goal after it."""
    unmet = [t for t in fig.goals if not t.met]
    shown = ([fig.headline_target] if not fig.headline_target.met else []) + [
        t for t in unmet if t is not fig.headline_target
    ][:1]
    if not shown:
        met = (
            "All targets of the criteria shown are met."
            if lang == "en"
            else "Semua target pada kriteria yang ditampilkan sudah tercapai."
        )
        return " ".join([met, *([national_targets(fig, lang)] if fig.national_targets else [])])
    return " ".join(
        [
            *(gap(t, fig, lang, define=t is not fig.headline_target) for t in shown),
            *([national_targets(fig, lang)] if fig.national_targets else []),
        ]
    )


def projection(fig: BriefFigures, lang: str = "id") -> str:
    """When the first unmet target would be reached at the average pace of the last months."""
    t = _next_unmet(fig)
    n = fig.pace_months
    if t is None:
        return ""
    pieces = []
    for what_id, what_en, minimum, reached, needed in (
        ("cakupan", "coverage", t.min_coverage_pct, t.coverage_reached, t.enrol_needed),
        ("keaktifan", "activity", t.min_activity_pct, t.activity_reached, t.activate_needed),
    ):
        if minimum is None or not needed:
            continue
        soon = reached is not None and (reached - fig.period).n <= HORIZON_MONTHS
        if lang == "en":
            pieces.append(
                f"{what_en} would reach {fmt.percent(minimum, 'en')} in {fmt.month(reached, 'en')}"
                if soon
                else f"{what_en} would not reach {fmt.percent(minimum, 'en')} within five years"
            )
        else:
            pieces.append(
                f"{what_id} {fmt.percent(minimum, 'id')} akan tercapai pada {fmt.month(reached, 'id')}"
                if soon
                else f"{what_id} {fmt.percent(minimum, 'id')} tidak akan tercapai dalam lima tahun"
            )
    if not pieces:
        return ""
    if lang == "en":
        return f"At the average pace of the last {n} months, " + " and ".join(pieces) + "."
    return f"Dengan laju rata-rata {n} bulan terakhir, " + " dan ".join(pieces) + "."


def quality_notes(fig: BriefFigures, lang: str = "id") -> list[str]:
    """Sentences explaining the data-quality flags (coverage above 100 %, population jumps...)."""
    notes = []
    if "coverage_over_100" in fig.flags:
        notes.append(
            "Coverage above 100 percent means some participants registered here are no longer counted in the "
            "population (moved, deceased or registered twice); matching the participant list with the social-affairs "
            "office (Dinas Sosial) and civil registry (Dukcapil) data is needed."
            if lang == "en"
            else "Cakupan di atas 100 persen menandakan ada peserta yang terdaftar di sini tetapi tidak lagi tercatat "
            "sebagai penduduk (pindah, meninggal, atau terdaftar ganda); pemadanan data peserta dengan Dinas Sosial "
            "dan Dukcapil diperlukan."
        )
    if "active_over_registered" in fig.flags:
        notes.append(
            "More participants are reported active than registered: check the source data."
            if lang == "en"
            else "Jumlah peserta aktif melebihi peserta terdaftar: periksa kembali data sumber."
        )
    if "population_jump" in fig.flags:
        notes.append(
            "The population figure changed sharply from the previous month (new Dukcapil semester or a "
            "data error); compare percentages across that month with care."
            if lang == "en"
            else "Jumlah penduduk berubah tajam dari bulan sebelumnya (semester Dukcapil baru atau kesalahan "
            "data); bandingkan persentase sebelum dan sesudahnya dengan hati-hati."
        )
    if fig.missing_segments:
        names = ", ".join(segments.label(s, lang) for s in fig.missing_segments)
        notes.append(
            f"**The data for this month has no figures for {names}**, which the region's other months have (accepted "
            "with --allow-missing-segments): coverage and activity here are too low by those participants."
            if lang == "en"
            else f"**Data bulan ini tidak memuat segmen {names}**, padahal bulan-bulan lain memuatnya (diterima "
            "dengan --allow-missing-segments): cakupan dan keaktifan di sini lebih rendah sebanyak peserta segmen itu."
        )
    return notes


METHOD_NOTE = {
    "id": "Cara membaca: cakupan kepesertaan = peserta terdaftar ÷ jumlah penduduk (Dukcapil, semester terakhir yang "
    "dipakai sebagai penyebut); keaktifan = peserta aktif ÷ jumlah penduduk, rasio yang dipakai kriteria UHC. "
    "Laju proyeksi adalah rata-rata perubahan {n} bulan terakhir.",
    "en": "How to read: coverage = registered participants ÷ population (Dukcapil, the latest semester used as "
    "denominator); activity = active participants ÷ population, the ratio the UHC criteria use. Projections use "
    "the average change of the last {n} months.",
}


def paragraphs(fig: BriefFigures, lang: str = "id") -> list[str]:
    """The brief's narrative, paragraph by paragraph."""
    check_lang(lang)
    out = [
        headline(fig, lang),
        status(fig, lang),
        *([award(fig, lang)] if fig.award is not None else []),
        gap_paragraph(fig, lang),
        trend(fig, lang),
        *quality_notes(fig, lang),
        f"*{METHOD_NOTE[lang].format(n=fig.pace_months)}*",
    ]
    if fig.illustrative:
        out.append(ILLUSTRATIVE_NOTE[lang])
    return out


def markdown(fig: BriefFigures, lang: str = "id") -> str:
    """The narrative as Markdown paragraphs."""
    return "\n\n".join(paragraphs(fig, lang))
