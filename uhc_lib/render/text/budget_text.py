"""Sentences and Markdown tables of budgets and scenarios, in Indonesian (default) or English.

They print the figures of a :class:`uhc_lib.analysis.budget.Budget` and of the scenario compare table
(:func:`uhc_lib.analysis.scenarios.compare_paths`) and compute nothing of their own.
"""

from __future__ import annotations

import pandas as pd

from uhc_lib.analysis.brief import Target
from uhc_lib.analysis.budget import Budget
from uhc_lib.analysis.scenarios import reached_column
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.render.text.narrative import minimums_text
from uhc_lib.render.text.tables import markdown_table
from uhc_lib.rules import premiums, segments

ITEMS = {
    "id": {
        "enrol": "Pendaftaran penduduk sebagai PBPU Pemda",
        "enrol_pbid": "Pendaftaran penduduk sebagai PBID (bagian iuran peserta kelas III)",
        "central_share": "Bagian pemerintah pusat (kelas III)",
        "takeover": "Pengambilalihan peserta nonaktif sebagai PBPU Pemda",
        "reactivate_pemda": "Pengaktifan kembali PBPU Pemda",
        "pbi_dinsos": "PBI APBN diaktifkan kembali lewat Dinas Sosial (gratis bagi Pemda)",
        "mandiri_to_pemda": "Peserta mandiri/BP nonaktif dipindah ke PBPU Pemda",
        "moved_arrears": "Tunggakan peserta yang dipindah ke PBPU Pemda",
        "arrears": "Pelunasan tunggakan",
        "own_premium": "Iuran peserta setelah aktif kembali",
        "regional_share": "Bantuan iuran daerah (kelas III)",
        "bp_state": "BP veteran, perintis kemerdekaan dan pensiunan aktif kembali lewat pemutakhiran data "
        "(iuran dari negara atau potongan pensiun)",
    },
    "en": {
        "enrol": "Residents enrolled as PBPU Pemda",
        "enrol_pbid": "Residents enrolled as PBID (the participant's class III share)",
        "central_share": "Central government share (class III)",
        "takeover": "Inactive participants taken over as PBPU Pemda",
        "reactivate_pemda": "PBPU Pemda reactivated",
        "pbi_dinsos": "PBI APBN reactivated through the Dinas Sosial (free to the regency)",
        "mandiri_to_pemda": "Inactive mandiri/BP moved to PBPU Pemda",
        "moved_arrears": "Arrears of participants moved to PBPU Pemda",
        "arrears": "Arrears paid",
        "own_premium": "Participants' own premium after reactivation",
        "regional_share": "Regional premium assistance (class III)",
        "bp_state": "BP veterans, perintis kemerdekaan and pensioners reactivated by a data correction (the state "
        "or the pension pays)",
    },
}
PAYERS = {
    "id": {
        "regency": "Pemda kabupaten/kota",
        "province": "Pemda provinsi",
        "participant": "peserta",
        "csr": "CSR perusahaan",
        "central": "pemerintah pusat",
    },
    "en": {
        "regency": "regency",
        "province": "province",
        "participant": "participants",
        "csr": "companies (CSR)",
        "central": "central government",
    },
}
HEADERS = {
    "id": {
        "item": "Uraian",
        "segment": "Asal peserta",
        "persons": "Jumlah",
        "premium": "Iuran per bulan",
        "months": "Bulan",
        "payer": "Dibayar oleh",
        "rupiah": "Biaya",
        "new": "penduduk belum terdaftar",
        "total_yearly": "Total per tahun: {payer}",
        "total_once": "Total sekali bayar: {payer}",
        "scenario": "Skenario",
        "coverage_end": "Cakupan akhir",
        "activity_end": "Keaktifan akhir",
        "reached": "{target} tercapai",
        "first_year": "Biaya Pemda 12 bulan pertama",
        "yearly": "Biaya Pemda per tahun",
        "province_yearly": "Biaya provinsi per tahun",
        "not_reached": "tidak dalam {n} bulan",
        "who": "Pembayar",
        "yearly_cost": "Biaya per tahun",
        "one_off": "Sekali bayar (tunggakan)",
        "all": "Jumlah",
        "month_col": "Bulan",
        "cash_total": "Jumlah",
        "instalments": "{n} cicilan",
    },
    "en": {
        "item": "Item",
        "segment": "From",
        "persons": "Persons",
        "premium": "Premium a month",
        "months": "Months",
        "payer": "Paid by",
        "rupiah": "Cost",
        "new": "residents not registered",
        "total_yearly": "Total a year: {payer}",
        "total_once": "Total one-off: {payer}",
        "scenario": "Scenario",
        "coverage_end": "Coverage at end",
        "activity_end": "Activity at end",
        "reached": "{target} reached",
        "first_year": "Regency cost, first 12 months",
        "yearly": "Regency cost a year",
        "province_yearly": "Province cost a year",
        "not_reached": "not within {n} months",
        "who": "Payer",
        "yearly_cost": "Cost a year",
        "one_off": "One-off (arrears)",
        "all": "Total",
        "month_col": "Month",
        "cash_total": "Total",
        "instalments": "{n} instalments",
    },
}
ASSUMPTION_TEXT = {
    "id": {
        "enrol_as_pemda": "Penduduk yang belum terdaftar didaftarkan sebagai PBPU Pemda kelas III dan langsung aktif "
        "(status UHC Prioritas/non cut-off); iurannya dibayar Pemda.",
        "enrol_as_pbid": "Penduduk yang belum terdaftar didaftarkan sebagai PBPU kelas III (PBID): Pemda membayar "
        "bagian iuran peserta (Rp35.000) dan bantuan iuran daerah (Rp2.800), pemerintah pusat Rp4.200.",
        "split_by_inactive": "Peserta yang diaktifkan kembali dibagi menurut segmen sebanding dengan jumlah peserta "
        "nonaktif tiap segmen pada {month}.",
        "split_given": "Pembagian peserta yang diaktifkan kembali menurut segmen ditentukan pengguna.",
        "no_segments": "Data tidak memiliki rincian segmen: semua peserta yang diaktifkan kembali dianggap dibiayai "
        "Pemda sebagai PBPU Pemda.",
        "pbi_dinsos": "Dari peserta PBI APBN yang dinonaktifkan (DTSEN), {dinsos} dianggap miskin dan kembali aktif "
        "tanpa biaya bagi Pemda: surat dari faskes, diverifikasi Dinas Sosial dan diajukan lewat SIKS-NG, aktif pada "
        "hari yang sama bila lengkap; pemerintah pusat membayar iurannya lagi.",
        "takeover_as_pemda": "Peserta PBI APBN yang dinonaktifkan Kementerian Sosial (sisanya) dan peserta PPU yang "
        "berhenti bekerja diambil alih sebagai PBPU Pemda dengan iuran yang dibayar Pemda.",
        "pemda_reactivated": "Peserta PBPU Pemda yang nonaktif diaktifkan kembali dengan Pemda membayar iurannya.",
        "mandiri_to_pemda": "Peserta mandiri/BP yang menunggak dipindahkan ke PBPU Pemda ({share} dari mereka).",
        "moved_arrears_owed": "Tunggakan {months} bulan peserta yang dipindahkan tidak dihapus: peserta tetap "
        "menanggungnya (praktik BPJS sebelum pemutihan).",
        "moved_arrears_pemutihan": "Tunggakan peserta yang dipindahkan (paling banyak 24 bulan) dihapus lewat "
        "pemutihan bagi peserta miskin atau rentan dalam DTSEN yang sudah aktif, dibiayai pemerintah pusat; "
        "rinciannya masih difinalkan.",
        "mandiri_arrears": "Peserta mandiri/BP lainnya aktif kembali dengan melunasi tunggakan {months} bulan "
        "(iuran peserta kelas III), dibayar oleh {payer}; setelah itu peserta membayar iurannya sendiri.",
        "rehab_instalments": "Tunggakan yang ditanggung peserta dicicil lewat program REHAB, paling banyak 12 cicilan "
        "bulanan; arus kas di atas memperlihatkan cicilan itu.",
        "pemda_cost_shared": "Iuran PBPU Pemda dibagi: {province} ditanggung Pemda provinsi, sisanya Pemda "
        "kabupaten/kota (data/rules/pemda_cost_sharing.csv).",
        "bp_state_not_mandiri": "Peserta BP nonaktif yang iurannya dibayar negara (veteran, perintis kemerdekaan, "
        "pensiunan; menurut rincian data) tidak dihitung seperti peserta mandiri: mereka aktif kembali lewat "
        "pemutakhiran data tanpa biaya bagi Pemda.",
        "bp_all_flat": "Data tidak memisahkan peserta BP yang iurannya dibayar negara (veteran, perintis kemerdekaan, "
        "pensiunan): semua peserta BP nonaktif diperlakukan seperti peserta mandiri, padahal veteran dan pensiunan "
        "aktif kembali tanpa biaya bagi Pemda; biayanya bisa lebih tinggi dari kenyataan.",
        "pemda_split_from_data": "Iuran PBPU Pemda dibagi menurut data: {province} peserta PBPU Pemda dibayar Pemda "
        "provinsi, sisanya Pemda kabupaten/kota.",
        "arrears_capped": "Tunggakan dihitung paling banyak 24 bulan (Perpres 64/2020).",
        "premiums_of_month": "Iuran yang berlaku pada {premium_month} (Perpres 64/2020), dianggap tetap "
        "selama setahun.",
        "central_share_not_counted": "Bagian pemerintah pusat dari iuran PBPU kelas III (Rp4.200) tidak dihitung.",
    },
    "en": {
        "enrol_as_pemda": "Residents not yet registered are enrolled as class III PBPU Pemda and are active at once "
        "(UHC Prioritas/non cut-off status); the regency pays their premium.",
        "enrol_as_pbid": "Residents not yet registered are enrolled as class III PBPU (PBID): the regency pays the "
        "participant's share (IDR 35,000) and the regional assistance (IDR 2,800), the central government IDR 4,200.",
        "split_by_inactive": "Participants to reactivate are spread over segments in proportion to each segment's "
        "inactive participants in {month}.",
        "split_given": "The split of participants to reactivate by segment is the user's.",
        "no_segments": "The data has no segment breakdown: all participants to reactivate are assumed paid for by "
        "the regency as PBPU Pemda.",
        "pbi_dinsos": "Of the PBI APBN participants deactivated (DTSEN), {dinsos} are assumed poor and go back free "
        "to the regency: a letter from the health facility, verified by the Dinas Sosial and submitted in SIKS-NG, "
        "active the same day when complete; the central government pays their premium again.",
        "takeover_as_pemda": "PBI APBN participants deactivated by the Ministry of Social Affairs (the rest) and PPU "
        "participants whose employment ended are taken over as PBPU Pemda, the regency paying their premium.",
        "pemda_reactivated": "Inactive PBPU Pemda participants are reactivated by the regency paying their premium.",
        "mandiri_to_pemda": "Self-paying (mandiri/BP) participants in arrears are moved to PBPU Pemda ({share} of "
        "them).",
        "moved_arrears_owed": "The {months} months of arrears of those moved do not vanish: the participants still "
        "owe them (BPJS practice before the pemutihan).",
        "moved_arrears_pemutihan": "The arrears of those moved (at most 24 months) are written off by the pemutihan "
        "for participants poor or vulnerable in DTSEN who are active, paid for by the central government; its details "
        "were still being finalised.",
        "rehab_instalments": "Arrears borne by participants are paid in REHAB instalments, at most 12 monthly ones; "
        "the cash flow above shows them.",
        "pemda_cost_shared": "PBPU Pemda premiums are shared: {province} by the province, the rest by the regency "
        "(data/rules/pemda_cost_sharing.csv).",
        "mandiri_arrears": "The other mandiri/BP participants reactivate by paying {months} months of arrears (class "
        "III participant premium), paid by {payer}; afterwards they pay their own premium.",
        "bp_state_not_mandiri": "Inactive BP participants whose contributions the state pays (veterans, perintis "
        "kemerdekaan, pensioners; as the data splits them) are not priced as mandiri: they go back by a data "
        "correction at no cost to the regency.",
        "bp_all_flat": "The data does not separate the BP participants whose contributions the state pays (veterans, "
        "perintis kemerdekaan, pensioners): every inactive BP participant is treated like a mandiri participant, "
        "though veterans and pensioners go back at no cost to the regency; the cost may be higher than it is.",
        "pemda_split_from_data": "PBPU Pemda premiums are shared as the data says: the province pays for {province} "
        "of the PBPU Pemda participants, the regency for the rest.",
        "arrears_capped": "Arrears are counted for at most 24 months (Perpres 64/2020).",
        "premiums_of_month": "Premiums in force in {premium_month} (Perpres 64/2020), held for the year.",
        "central_share_not_counted": "The central government's share of class III PBPU premiums (IDR 4,200) is not "
        "counted.",
    },
}


def budget_table(b: Budget, lang: str = "id") -> str:
    """Each line (persons x premium x months = cost, and who pays), then totals per payer: yearly and one-off."""
    h, items, payers = HEADERS[check_lang(lang)], ITEMS[lang], PAYERS[lang]
    rows = [
        [
            items[ln.item],
            h["new"] if ln.segment is None else segments.label(ln.segment, lang),
            fmt.persons(ln.persons, lang),
            fmt.rupiah(ln.monthly_rp, lang),
            fmt.number(ln.months, lang),
            payers[ln.payer],
            fmt.rupiah(ln.rupiah, lang),
        ]
        for ln in b.lines
    ]
    for t in b.totals().itertuples():
        if t.yearly_rp:
            rows.append([f"**{h['total_yearly'].format(payer=payers[t.payer])}**", "", "", "", "", "", ""])
            rows[-1][-1] = f"**{fmt.rupiah(t.yearly_rp, lang)}**"
        if t.one_off_rp:
            rows.append([f"**{h['total_once'].format(payer=payers[t.payer])}**", "", "", "", "", "", ""])
            rows[-1][-1] = f"**{fmt.rupiah(t.one_off_rp, lang)}**"
    header = [h[k] for k in ("item", "segment", "persons", "premium", "months", "payer", "rupiah")]
    return markdown_table(header, rows)


def payers_table(b: Budget, lang: str = "id") -> str:
    """Who pays what: every payer (regency, province, participants, CSR, central government), a year and one-off."""
    h, payers = HEADERS[check_lang(lang)], PAYERS[lang]
    rows = [
        [payers[t.payer], fmt.rupiah(t.yearly_rp, lang), fmt.rupiah(t.one_off_rp, lang), fmt.rupiah(t.total_rp, lang)]
        for t in b.totals(every_payer=True).itertuples()
    ]
    return markdown_table([h["who"], h["yearly_cost"], h["one_off"], h["all"]], rows)


def cash_flow_table(b: Budget, lang: str = "id", months: int = 12) -> str:
    """Rupiah by month and payer over the first ``months`` months, arrears in their REHAB instalments."""
    h, payers = HEADERS[check_lang(lang)], PAYERS[lang]
    flow = b.cash_flow(months)
    cols = [c for c in flow.columns if c not in ("period", "total")]
    rows = [
        [
            fmt.month(r["period"], lang, short=True),
            *(fmt.rupiah(r[c], lang) for c in cols),
            fmt.rupiah(r["total"], lang),
        ]
        for _, r in flow.iterrows()
    ]
    return markdown_table([h["month_col"], *(payers[c] for c in cols), h["cash_total"]], rows)


DENDA = {
    "id": "Peringatan bagi peserta yang diaktifkan kembali dengan melunasi tunggakan: bila dirawat inap dalam {days} "
    "hari setelah aktif kembali, dikenai denda layanan {rate} biaya perawatan dikali bulan tunggakan (paling banyak "
    "{months} bulan), paling banyak {cap}.",
    "en": "A warning for participants reactivated by paying arrears: inpatient care within {days} days of "
    "reactivation costs a service penalty (denda layanan) of {rate} of the case cost per month in arrears (at most "
    "{months} months), at most {cap}.",
}


def denda_sentence(b: Budget, lang: str = "id") -> str:
    """The denda layanan risk where the budget reactivates participants by paying their arrears (empty otherwise)."""
    if not any(ln.item == "arrears" for ln in b.lines):
        return ""
    return DENDA[check_lang(lang)].format(
        days=premiums.arrears_rule("denda_window_days"),
        rate=fmt.percent(premiums.arrears_rule("denda_rate_pct"), lang, 0),
        months=premiums.arrears_rule("denda_max_months"),
        cap=fmt.rupiah(premiums.arrears_rule("denda_cap_rp"), lang),
    )


AS_WORDS = {
    "id": {"pbpu_pemda": "peserta PBPU Pemda", "pbid": "peserta PBPU kelas III (PBID)"},
    "en": {"pbpu_pemda": "PBPU Pemda participants", "pbid": "class III PBPU participants (PBID)"},
}


def budget_sentence(b: Budget, lang: str = "id", define: bool = True) -> str:
    """The persons to enrol and to reactivate for the budget's target and what the regency pays a year (large amounts
    rounded as ``Rp139,3 miliar``: the table has the exact figures). ``define``: spell out the target's minimums
    (``False`` where the text has defined them already, as in the brief)."""
    check_lang(lang)
    enrol = b.enrolment
    t = b.target
    rp = fmt.rupiah_short
    if lang == "en":
        minimums = f" ({t.rules_name('en')}: {minimums_text(t, 'en')})" if t and define else ""
        intro = f"To meet {t.short_label('en')}{minimums}, " if t else ""
        parts = []
        if enrol:
            parts.append(
                f"the regency must enrol {fmt.persons(enrol[0], 'en')} as {AS_WORDS['en'][b.enrol_as]} at "
                f"{fmt.rupiah(enrol[1], 'en')} a person a month (class III), {rp(enrol[2], 'en')} a year"
            )
        if b.reactivate_needed:
            parts.append(f"{fmt.number(b.reactivate_needed, 'en')} inactive participants must become active again")
        if not parts:
            return f"{intro}no one needs to be enrolled or reactivated." if intro else "Nothing needs to be paid."
        text = intro + ", and ".join(parts) + ". "
        return text + f"With the assumptions below, the regency pays {rp(b.regency_yearly, 'en')} a year."
    minimums = f" ({t.rules_name('id')}: {minimums_text(t, 'id')})" if t and define else ""
    intro = f"Untuk memenuhi {t.short_label('id')}{minimums}, " if t else ""
    parts = []
    if enrol:
        parts.append(
            f"Pemda perlu mendaftarkan {fmt.persons(enrol[0], 'id')} sebagai {AS_WORDS['id'][b.enrol_as]} dengan "
            f"iuran {fmt.rupiah(enrol[1], 'id')} per orang per bulan (kelas III), atau {rp(enrol[2], 'id')} per tahun"
        )
    if b.reactivate_needed:
        parts.append(f"sebanyak {fmt.number(b.reactivate_needed, 'id')} peserta nonaktif perlu diaktifkan kembali")
    if not parts:
        return f"{intro}tidak ada penduduk yang perlu didaftarkan atau diaktifkan kembali." if intro else ""
    text = intro + ", dan ".join(parts) + ". "
    return text + f"Dengan asumsi di bawah ini, Pemda perlu menganggarkan {rp(b.regency_yearly, 'id')} per tahun."


def assumption_notes(b: Budget, lang: str = "id") -> list[str]:
    """The assumptions the budget rests on, one sentence each."""
    texts = ASSUMPTION_TEXT[check_lang(lang)]
    values = {
        "month": fmt.month(b.period, lang),
        "premium_month": fmt.month(b.premium_month, lang),
        "share": fmt.percent(100 * b.mandiri_to_pemda, lang, 0),
        "months": fmt.number(b.arrears_months, lang),
        "payer": PAYERS[lang][b.arrears_payer],
        "dinsos": fmt.percent(100 * b.pbi_via_dinsos, lang, 0),
        "province": fmt.percent(100 * b.province_share, lang, 1),
    }
    return [texts[a].format(**values) for a in b.assumptions]


def _reached(value: object, horizon: int, lang: str) -> str:
    if value is None or pd.isna(value):
        return HEADERS[lang]["not_reached"].format(n=horizon)
    return fmt.month(value, lang)


def scenario_table(table: pd.DataFrame, target: Target, lang: str = "id") -> str:
    """One row per scenario: coverage and activity at the end, the month ``target`` is reached, the regency's cost
    in the first 12 months and a year once the levers are in place, and the province's yearly cost where it shares
    the PBPU Pemda premium."""
    h = HEADERS[check_lang(lang)]
    col = reached_column(target.year, target.criterion)
    province = "province_yearly_rp" in table and bool((table["province_yearly_rp"] != 0).any())
    rows = [
        [
            r["scenario"],
            fmt.percent(r["coverage_pct_end"], lang),
            fmt.percent(r["activity_pct_end"], lang),
            _reached(r[col], int(r["horizon_months"]), lang),
            fmt.rupiah(r["regency_first_year_rp"], lang),
            fmt.rupiah(r["regency_yearly_rp"], lang),
            *([fmt.rupiah(r["province_yearly_rp"], lang)] if province else []),
        ]
        for _, r in table.iterrows()
    ]
    header = [h["scenario"], h["coverage_end"], h["activity_end"], h["reached"].format(target=target.short_label(lang))]
    return markdown_table([*header, h["first_year"], h["yearly"], *([h["province_yearly"]] if province else [])], rows)


def scenario_sentence(row: pd.Series, target: Target, lang: str = "id") -> str:
    """One scenario in a sentence: when ``target`` is reached and what the regency pays a year."""
    check_lang(lang)
    when = row[reached_column(target.year, target.criterion)]
    n, name, yearly = int(row["horizon_months"]), row["scenario"], int(row["regency_yearly_rp"])
    province = int(row.get("province_yearly_rp", 0) or 0)
    short = target.short_label(lang)
    if lang == "en":
        reach = (
            f"{short} would not be reached within {n} months"
            if when is None or pd.isna(when)
            else f"{short} would be reached in {fmt.month(when, 'en')}"
        )
        cost = (
            f"the regency would pay {fmt.rupiah_short(yearly, 'en')} a year"
            if yearly
            else "no additional cost to the regency"
        )
        if province:
            cost += f" and the province {fmt.rupiah_short(province, 'en')}"
        return f"Scenario “{name}”: {reach}; {cost}."
    reach = (
        f"{short} tidak tercapai dalam {n} bulan"
        if when is None or pd.isna(when)
        else f"{short} tercapai pada {fmt.month(when, 'id')}"
    )
    cost = f"Pemda membayar {fmt.rupiah_short(yearly, 'id')} per tahun" if yearly else "tanpa biaya tambahan bagi Pemda"
    if province:
        cost += f", ditambah Pemda provinsi {fmt.rupiah_short(province, 'id')} per tahun"
    return f"Skenario “{name}”: {reach}; {cost}."


def scenario_sentences(table: pd.DataFrame, target: Target, lang: str = "id") -> list[str]:
    """:func:`scenario_sentence` for every scenario of the compare table."""
    return [scenario_sentence(r, target, lang) for _, r in table.iterrows()]
