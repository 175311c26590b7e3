"""The sentences of the lessons that name a region, a month or a figure: computed from the lesson's parameters.

A lesson's markdown cells hold only what is true everywhere; every sentence with a name or a figure is a call
``kursus.say("key")`` that lands here, so the text follows the parameters cell (region, month, data file, language).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from uhc_lib.common import fmt
from uhc_lib.rules import awards, criteria, premiums
from uhc_lib.training.data_help import validation_error

if TYPE_CHECKING:
    from uhc_lib.training.course import Course

SAYINGS: dict[str, Callable[[Course, str], str]] = {}


def saying(key: str):
    def register(fn: Callable[[Course, str], str]) -> Callable[[Course, str], str]:
        SAYINGS[key] = fn
        return fn

    return register


def say(course: Course, key: str) -> str:
    """The markdown text ``key`` for the course's parameters, in its language."""
    return SAYINGS[key](course, course.lang)


def _pct(v: float | None, lang: str) -> str:
    return "–" if v is None or pd.isna(v) else fmt.percent(float(v), lang)


def minimums(cov: float | None, act: float | None, pemda: float | None, lang: str) -> str:
    """``cakupan ≥ 98 persen dan keaktifan ≥ 80 persen`` from a rule row's numbers (never from its label)."""
    parts = []
    if cov is not None and not pd.isna(cov):
        parts.append(("coverage" if lang == "en" else "cakupan") + f" ≥ {_pct(cov, lang)}")
    if act is not None and not pd.isna(act):
        parts.append(("activity" if lang == "en" else "keaktifan") + f" ≥ {_pct(act, lang)}")
    if pemda is not None and not pd.isna(pemda):
        parts.append(
            f"≥ {_pct(pemda, lang)} of the population registered by the Pemda"
            if lang == "en"
            else f"≥ {_pct(pemda, lang)} penduduk didaftarkan Pemda"
        )
    return (" and " if lang == "en" else " dan ").join(parts)


def status_rules(lang: str, since: int = 2023) -> pd.DataFrame:
    """The statuses BPJS gives, per period, with their conditions written out from the rule rows."""
    rows = []
    t = criteria.criteria_table()
    for r in t[t["criteria_year"] >= since].itertuples():
        cond = minimums(r.min_coverage_pct, r.min_activity_pct, r.min_pemda_pct, lang)
        if "no_pemda_arrears" in str(r.requires):
            cond += "; no PBPU Pemda premium arrears" if lang == "en" else "; tanpa tunggakan iuran PBPU Pemda"
        note = r.certainty_en if lang == "en" else r.certainty_id
        rows.append((int(r.criteria_year), (r.label_en if lang == "en" else r.label_id).split(" (")[0], cond,
                     "" if pd.isna(note) else str(note)))  # fmt: skip
    cols = ["year", "status", "conditions", "uncertain"] if lang == "en" else ["tahun", "status", "syarat", "catatan"]
    return pd.DataFrame(rows, columns=cols)


def awards_rules(lang: str) -> pd.DataFrame:
    """The UHC Awards tiers, each alternative with the conditions of its own row (the Madya 98/80 + 25 % path)."""
    rows = []
    for r in awards.awards_table().itertuples():
        cond = minimums(r.min_coverage_pct, r.min_activity_pct, r.min_pemda_pct, lang)
        name = str(r.label_en if lang == "en" else r.label_id).split(" (")[0]
        ref = fmt.month(pd.Period(str(r.reference_month), "M"), lang)
        needs = "UHC Prioritas"
        rows.append((name, ("path " if lang == "en" else "jalur ") + str(int(r.alternative)), cond, needs, ref))
    cols = (
        ["award", "path", "conditions", "also needs", "month judged"]
        if lang == "en"
        else ["penghargaan", "jalur", "syarat", "juga perlu", "bulan yang dinilai"]
    )
    return pd.DataFrame(rows, columns=cols)


def _region(c: Course, lang: str) -> str:
    return f"**{c.region_name}** ({c.region_code})"


@saying("wilayah")
def _wilayah(c: Course, lang: str) -> str:
    month = fmt.month(c.month, lang)
    if lang == "en":
        return f"This lesson is about {_region(c, lang)}, **{month}**. {c.source_note()}"
    return f"Pelajaran ini membahas {_region(c, lang)}, bulan **{month}**. {c.source_note()}"


@saying("0.tabel")
def _l0_table(c: Course, lang: str) -> str:
    n = int((c.panel["region_code"] == c.region_code).sum())
    months = c.panel.loc[c.panel["region_code"] == c.region_code, "period"].nunique()
    if lang == "en":
        return (
            f"The data holds {fmt.number(n, 'en')} rows for {c.region_name} over {months} months. Below are the "
            f"rows of {fmt.month(c.month, 'en')}, as a spreadsheet would show them."
        )
    return (
        f"Data memuat {fmt.number(n, 'id')} baris untuk {c.region_name} selama {months} bulan. Di bawah ini baris "
        f"bulan {fmt.month(c.month, 'id')}, seperti yang akan terlihat di spreadsheet."
    )


@saying("1.baris")
def _l1_rows(c: Course, lang: str) -> str:
    rows = c.panel[(c.panel["region_code"] == c.region_code) & (c.panel["period"] == c.month)]
    n = len(rows)
    if lang == "en":
        return f"{c.region_name} has {n} row(s) in {fmt.month(c.month, 'en')}" + (
            ", one per participant segment." if n > 1 else " (the file has no segments: one total row)."
        )
    return f"{c.region_name} punya {n} baris pada {fmt.month(c.month, 'id')}" + (
        ", satu per segmen peserta." if n > 1 else " (berkas tanpa segmen: satu baris total)."
    )


@saying("1.berkas")
def _l1_files(c: Course, lang: str) -> str:
    broken = c.params.get("broken_file")
    fixed = c.params.get("fixed_file")
    err = validation_error(broken) if broken else None
    n = 0 if err is None else len(err.problems)
    if lang == "en":
        return (
            f"The file `{broken.name}` holds {c.region_name}'s totals of the seven months up to "
            f"{fmt.month(c.month, 'en')} "
            f"with {n} mistakes that often happen when data is copied from a spreadsheet; `{fixed.name}` is the same "
            f"file without them. Both were written for this lesson into `{broken.parent.name}/`. {c.source_note()}"
        )
    return (
        f"Berkas `{broken.name}` berisi total {c.region_name} selama tujuh bulan sampai {fmt.month(c.month, 'id')} "
        f"dengan {n} kesalahan yang sering terjadi saat data disalin dari spreadsheet; `{fixed.name}` adalah berkas "
        f"yang sama tanpa kesalahan itu. Keduanya dibuat untuk pelajaran ini di folder `{broken.parent.name}/`. "
        f"{c.source_note()}"
    )


@saying("2.ringkasan")
def _l2_summary(c: Course, lang: str) -> str:
    r = c.row
    cov, act = _pct(r["coverage_pct"], lang), _pct(r["activity_pct"], lang)
    if lang == "en":
        return f"{c.region_name}, {fmt.month(c.month, 'en')}: coverage {cov}, activity {act} (of the population)."
    return f"{c.region_name}, {fmt.month(c.month, 'id')}: cakupan {cov}, keaktifan {act} (dari penduduk)."


def _target_words(c: Course, lang: str) -> str:
    t = c.target
    mins = minimums(t.min_coverage_pct, t.min_activity_pct, None, lang)
    return f"**{t.short_label(lang)}** ({t.rules_name(lang)}: {mins})"


@saying("3.target")
def _l3_target(c: Course, lang: str) -> str:
    t = c.target
    if lang == "en":
        return (
            f"The target of exercises 3.2 and 3.3 is {_target_words(c, lang)}, for {c.region_name} in "
            f"{fmt.month(c.month, 'en')}. Use `tahun_target = {t.year}`."
        )
    return (
        f"Target latihan 3.2 dan 3.3 adalah {_target_words(c, lang)}, untuk {c.region_name} pada "
        f"{fmt.month(c.month, 'id')}. Pakai `tahun_target = {t.year}`."
    )


@saying("3.ringkasan")
def _l3_summary(c: Course, lang: str) -> str:
    fig = c.figures
    cov, act = _pct(fig.coverage_pct, lang), _pct(fig.activity_pct, lang)
    label = fig.status_label(lang)
    arrears = criteria.label("cut_off", c.target.year, lang).split(" (")[0]
    if lang == "en":
        return (
            f"- {c.region_name} in {fmt.month(c.month, 'en')} (coverage {cov}, activity {act}): "
            f"*{label}* under the {fig.criteria_year} criteria.\n"
            f"- UHC Prioritas also needs no PBPU Pemda premium arrears: with arrears a region meeting 98/80 holds "
            f"{arrears} at best, and Prioritas is checked every month.\n"
            "- Gaps are counted in persons, rounded up."
        )
    return (
        f"- {c.region_name} pada {fmt.month(c.month, 'id')} (cakupan {cov}, keaktifan {act}): "
        f"*{label}* menurut kriteria {fig.criteria_year}.\n"
        f"- UHC Prioritas juga mensyaratkan tidak ada tunggakan iuran PBPU Pemda: dengan tunggakan, wilayah yang "
        f"memenuhi 98/80 paling tinggi berstatus {arrears}, dan Prioritas dinilai setiap bulan.\n"
        "- Kesenjangan dihitung dalam jiwa, dibulatkan ke atas."
    )


@saying("4.tujuan")
def _l4_goal(c: Course, lang: str) -> str:
    g = c.goal
    if g is None:
        return (
            "Every target the brief shows is met: exercises 4.2 and 4.4 have the answers None and 0."
            if lang == "en"
            else "Semua target yang ditampilkan ringkasan sudah tercapai: jawaban latihan 4.2 adalah None dan 4.4 "
            "adalah 0."
        )
    mins = minimums(g.min_coverage_pct, g.min_activity_pct, None, lang)
    if lang == "en":
        return (
            f"The first target this brief says is not met yet is **{g.short_label('en')}** ({g.rules_name('en')}: "
            f"{mins}). Exercises 4.2 and 4.4 are about it."
        )
    return (
        f"Target pertama yang menurut ringkasan ini belum tercapai adalah **{g.short_label('id')}** "
        f"({g.rules_name('id')}: {mins}). Latihan 4.2 dan 4.4 membahas target itu."
    )


@saying("5.iuran")
def _l5_premium(c: Course, lang: str) -> str:
    pemda = premiums.pemda_premium(c.month)
    own = premiums.monthly_premium("pbpu_mandiri", 3, c.month, payer="participant")
    total = premiums.monthly_premium("pbpu_mandiri", 3, c.month)
    if lang == "en":
        return (
            f"In {fmt.month(c.month, 'en')} a class III participant costs {fmt.rupiah(total, 'en')} a month. "
            f"For PBPU Pemda the Pemda pays {fmt.rupiah(pemda, 'en')}; a self-paying (mandiri) participant pays "
            f"{fmt.rupiah(own, 'en')} and the government the rest."
        )
    return (
        f"Pada {fmt.month(c.month, 'id')} iuran kelas III adalah {fmt.rupiah(total, 'id')} sebulan. Untuk PBPU "
        f"Pemda, Pemda membayar {fmt.rupiah(pemda, 'id')}; peserta mandiri membayar {fmt.rupiah(own, 'id')} dan "
        "pemerintah membantu sisanya."
    )


@saying("5.didaftarkan")
def _l5_enrol(c: Course, lang: str) -> str:
    n = int(c.params["enrol_count"])
    t = c.target
    given = c.params.get("enrol_given")
    if not given and not t.enrol_needed:
        return (
            f"{c.region_name} already meets coverage {_pct(t.min_coverage_pct, 'en')}: `jumlah_didaftarkan` is an "
            f"example of {fmt.persons(n, 'en')}."
            if lang == "en"
            else f"{c.region_name} sudah memenuhi cakupan {_pct(t.min_coverage_pct, 'id')}: `jumlah_didaftarkan` "
            f"adalah contoh {fmt.persons(n, 'id')}."
        )
    if lang == "en":
        why = (
            "the number set in the parameters cell"
            if given
            else f"what {c.region_name} lacks to coverage {_pct(t.min_coverage_pct, 'en')} ({t.short_label('en')}, "
            "lesson 3)"
        )
        return f"`jumlah_didaftarkan` is {fmt.persons(n, 'en')}: {why}."
    why = (
        "angka yang ditulis di sel parameter"
        if given
        else f"kekurangan {c.region_name} menuju cakupan {_pct(t.min_coverage_pct, 'id')} ({t.short_label('id')}, "
        "Pelajaran 3)"
    )
    return f"`jumlah_didaftarkan` adalah {fmt.persons(n, 'id')}: {why}."


@saying("5.target")
def _l5_target(c: Course, lang: str) -> str:
    t = c.budget_target
    mins = minimums(t.min_coverage_pct, t.min_activity_pct, None, lang)
    if lang == "en":
        return (
            f"The scenarios aim at **{t.short_label('en')}** ({t.rules_name('en')}: {mins}); exercise 5.3 asks for it."
        )
    return (
        f"Skenario diarahkan ke **{t.short_label('id')}** ({t.rules_name('id')}: {mins}); latihan 5.3 menanyakan "
        "target ini."
    )


@saying("5.ringkasan")
def _l5_summary(c: Course, lang: str) -> str:
    pemda = fmt.rupiah(premiums.pemda_premium(c.month), lang)
    if lang == "en":
        return (
            f"- A year of enrolling *N* residents as PBPU Pemda = *N* × {pemda} × 12.\n"
            "- A scenario is a set of measures; the simulation gives the month each target is met and the cost by "
            "payer (Pemda, participants, CSR).\n"
            "- It assumes the population stays as it is and today's premiums: an estimate, not a promise."
        )
    return (
        f"- Biaya setahun mendaftarkan *N* penduduk sebagai PBPU Pemda = *N* × {pemda} × 12.\n"
        "- Skenario adalah gabungan langkah; simulasi memberi bulan setiap target tercapai dan biaya menurut "
        "pembayar (Pemda, peserta, CSR).\n"
        "- Simulasi menganggap penduduk tetap dan iuran yang berlaku sekarang: perkiraan, bukan janji."
    )
