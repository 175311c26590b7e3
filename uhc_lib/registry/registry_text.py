"""Sentences and table labels of the registry-matching notebook, in Indonesian (default) or English.

Everything here formats figures computed in :mod:`uhc_lib.registry.match` and :mod:`uhc_lib.registry.worklist`
(``key_figures`` and the suppressed tables); nothing is computed. Counts in sentences below the suppression
threshold print as "kurang dari 10" / "fewer than 10"; counts a table hides print as the table's marker.
"""

from __future__ import annotations

import pandas as pd

from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.registry.suppression import MARKER, Suppressed
from uhc_lib.registry.worklist import HIDDEN, TOTAL, UNKNOWN_DESIL, WorklistTable, count_text
from uhc_lib.rules import segments

LABELS = {
    "id": {
        "residents": "Penduduk hidup",
        "active": "Terdaftar, aktif",
        "inactive": "Terdaftar, tidak aktif",
        "not_enrolled": "Belum terdaftar",
        "area": "Wilayah",
        "total": "Jumlah",
        "deceased": "Meninggal menurut registrasi",
        "moved": "Pindah menurut registrasi",
        "duplicate": "Catatan ganda (NIK sama)",
        "not_in_registry": "Tidak ada di registrasi",
        "invalid_nik": "NIK tidak valid",
        "reason": "Sebab",
        "status_active": "Aktif",
        "status_inactive": "Tidak aktif",
        "segment": "Segmen",
        "registry": "Registrasi penduduk",
        "participants": "Data peserta JKN",
        "why": "Baris dikeluarkan",
        "desil": "Desil kesejahteraan",
        "desil_n": "Desil {d}",
        "desil_unknown": "Desil tidak diketahui",
        "persons": "Jiwa",
        "families": "Keluarga (KK)",
        "yearly_cost": "Iuran PBPU Pemda setahun",
        "cumulative_persons": "Jiwa kumulatif",
        "cumulative_cost": "Iuran kumulatif setahun",
    },
    "en": {
        "residents": "Alive residents",
        "active": "Enrolled, active",
        "inactive": "Enrolled, inactive",
        "not_enrolled": "Not enrolled",
        "area": "Area",
        "total": "Total",
        "deceased": "Deceased according to the registry",
        "moved": "Moved according to the registry",
        "duplicate": "Duplicate record (same NIK)",
        "not_in_registry": "Not in the registry",
        "invalid_nik": "Invalid NIK",
        "reason": "Reason",
        "status_active": "Active",
        "status_inactive": "Inactive",
        "segment": "Segment",
        "registry": "Population registry",
        "participants": "JKN participant extract",
        "why": "Rows left out",
        "desil": "Welfare decile",
        "desil_n": "Decile {d}",
        "desil_unknown": "Decile unknown",
        "persons": "People",
        "families": "Families (KK)",
        "yearly_cost": "Yearly PBPU Pemda premium",
        "cumulative_persons": "People, running total",
        "cumulative_cost": "Yearly premium, running total",
    },
}
INACTIVE_REASON_LABELS = {
    "id": {
        "arrears": "Menunggak iuran",
        "deceased": "Meninggal (menurut BPJS)",
        "moved": "Pindah",
        "duplicate": "Data ganda",
        "pbi_deactivated": "PBI dinonaktifkan",
        "pemda_deactivated": "PBPU Pemda dinonaktifkan Pemda",
        "employment_ended": "Berhenti bekerja (PHK)",
        "other": "Lainnya",
        "unknown": "Tidak diketahui",
        "total": "Jumlah",
    },
    "en": {
        "arrears": "Premium arrears",
        "deceased": "Deceased (per BPJS)",
        "moved": "Moved",
        "duplicate": "Duplicate data",
        "pbi_deactivated": "PBI deactivated",
        "pemda_deactivated": "PBPU Pemda deactivated by the Pemda",
        "employment_ended": "Employment ended",
        "other": "Other",
        "unknown": "Unknown",
        "total": "Total",
    },
}
NIK_PROBLEM_LABELS = {
    "id": {
        "length": "bukan 16 digit",
        "province": "kode provinsi tidak dikenal",
        "regency": "kode kab/kota tidak dikenal",
        "kecamatan": "kode kecamatan tidak dikenal",
        "date": "tanggal lahir mustahil",
        "serial": "nomor urut 0000",
        "": "tidak diketahui",
    },
    "en": {
        "length": "not 16 digits",
        "province": "unknown province code",
        "regency": "unknown regency code",
        "kecamatan": "unknown kecamatan code",
        "date": "impossible birth date",
        "serial": "serial number 0000",
        "": "unknown",
    },
}
SYNTHETIC_NOTE = {
    "id": "**DATA SINTETIS (ilustratif).** Registrasi penduduk dan data peserta dalam laporan ini adalah hasil "
    "simulasi proyek UHC Monitor: tidak ada orang, NIK, KK, atau nomor kartu yang nyata. Angka-angkanya hanya "
    "menunjukkan cara kerja pemadanan.",
    "en": "**SYNTHETIC DATA (illustrative).** The population registry and participant extract in this report were "
    "simulated by the UHC Monitor project: no real person, NIK, KK or card number. The figures only show how the "
    "matching works.",
}


def label(key: str, lang: str = "id") -> str:
    """A table label in ``id`` or ``en``."""
    return LABELS[check_lang(lang)][key]


def suppression_note(threshold: int, marker: str, lang: str = "id") -> str:
    """The legend under every suppressed table."""
    if lang == "en":
        return (
            f"`{marker}` hidden: a count from 1 to {threshold - 1}, or a count hidden so that it cannot be worked out "
            f"from the totals. Counts describe records, never name a person."
        )
    return (
        f"`{marker}` disembunyikan: jumlah 1 sampai {threshold - 1}, atau jumlah yang disembunyikan agar tidak dapat "
        f"dihitung dari total. Angka menghitung catatan, tidak pernah menyebut orang."
    )


def _markdown(display: pd.DataFrame, first: str, rows: dict, cols: dict) -> str:
    header = [first, *[cols.get(c, c) for c in display.columns]]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" + "---:|" * len(display.columns)]
    for code, row in display.iterrows():
        name = rows.get(code, code)
        if code == TOTAL:
            name = f"**{name}**"
        lines.append("| " + " | ".join([str(name), *[str(v) for v in row]]) + " |")
    return "\n".join(lines)


def area_table(sup: Suppressed, names: dict[str, str], lang: str = "id") -> str:
    """Markdown table of residents by enrolment per area; ``names`` maps codes to area names."""
    rows = {code: f"{names.get(code, code)} ({code})" for code in sup.display.index}
    cols = {c: label(c, lang) for c in sup.display.columns}
    return _markdown(sup.display, label("area", lang), rows, cols)


def inactive_table(sup: Suppressed, lang: str = "id") -> str:
    """Markdown table of enrolled-inactive residents by segment and reason."""
    rows = {s: segments.label(s, lang) for s in segments.segment_codes()} | {TOTAL: label("total", lang)}
    return _markdown(sup.display, label("segment", lang), rows, INACTIVE_REASON_LABELS[lang])


def not_resident_table(sup: Suppressed, lang: str = "id") -> str:
    """Markdown table of participant records without an alive resident, by reason and status."""
    keys = ("deceased", "moved", "duplicate", "not_in_registry", "invalid_nik", "total")
    rows = {k: label(k, lang) for k in keys}
    cols = {"active": label("status_active", lang), "inactive": label("status_inactive", lang)}
    return _markdown(sup.display, label("reason", lang), rows, cols | {TOTAL: label("total", lang)})


def exclusions_table(sup: Suppressed, lang: str = "id") -> str:
    """Markdown table of rows left out of matching (invalid NIK by problem, duplicates) per file."""
    rows = {TOTAL: label("total", lang), "duplicate": label("duplicate", lang)}
    for code in sup.display.index:
        if str(code).startswith("invalid_nik:"):
            problem = str(code).split(":", 1)[1]
            rows[code] = f"{label('invalid_nik', lang)}: {NIK_PROBLEM_LABELS[lang].get(problem, problem)}"
    cols = {c: label(c, lang) for c in ("registry", "participants", "total")}
    return _markdown(sup.display, label("why", lang), rows, cols)


def worklist_table(table: WorklistTable, lang: str = "id") -> str:
    """Markdown table of the worklist by priority decile with yearly and running costs."""
    rows = {str(d): label("desil_n", lang).format(d=d) for d in range(1, 11)}
    rows |= {UNKNOWN_DESIL: label("desil_unknown", lang), TOTAL: label("total", lang)}
    cols = {c: label(c, lang) for c in table.display.columns}
    return _markdown(table.display, label("desil", lang), rows, cols)


def title(region_name: str, lang: str = "id") -> str:
    if lang == "en":
        return f"Matching the population registry with JKN participants: {region_name}"
    return f"Pemadanan registrasi penduduk dengan data peserta JKN: {region_name}"


def headline(k: dict, lang: str = "id") -> str:
    """Coverage above 100 percent and the activity rate, with the numerators and the denominator."""
    n = lambda v: fmt.number(v, lang)  # noqa: E731
    if not k["residents"]:  # no alive resident: no share can be computed
        if lang == "en":
            return (
                f"The registry holds no alive resident, so coverage and activity cannot be computed; the participant "
                f"extract holds {n(k['participants'])} records, {n(k['active_records'])} of them active."
            )
        return (
            f"Registrasi tidak memuat penduduk hidup, sehingga cakupan dan keaktifan tidak dapat dihitung; data "
            f"peserta memuat {n(k['participants'])} catatan, {n(k['active_records'])} di antaranya aktif."
        )
    if lang == "en":
        return (
            f"The participant extract holds {n(k['participants'])} records for {n(k['residents'])} alive residents in "
            f"the registry: coverage of {fmt.percent(k['coverage_pct'], 'en')}. Only {n(k['active_records'])} records "
            f"are active, {fmt.percent(k['activity_pct'], 'en')} of residents (active / population). Matched person by "
            f"person, {fmt.percent(k['resident_enrolled_pct'], 'en')} of residents have a JKN record and "
            f"{fmt.percent(k['resident_active_pct'], 'en')} an active one."
        )
    return (
        f"Data peserta memuat {n(k['participants'])} catatan untuk {n(k['residents'])} penduduk hidup dalam "
        f"registrasi: cakupan {fmt.percent(k['coverage_pct'])}. Hanya {n(k['active_records'])} catatan yang aktif, "
        f"{fmt.percent(k['activity_pct'])} dari penduduk (aktif / penduduk). Setelah dipadankan orang per orang, "
        f"{fmt.percent(k['resident_enrolled_pct'])} penduduk memiliki catatan JKN dan "
        f"{fmt.percent(k['resident_active_pct'])} memiliki catatan yang aktif."
    )


def excess(k: dict, sup: Suppressed, lang: str = "id") -> str:
    """Why coverage exceeds 100 percent: records without an alive resident, by reason, against the residents not
    enrolled. Reason counts are the ``total`` column of the suppressed not-resident table."""
    d = sup.display[TOTAL]
    t = lambda key: _count(k, key, lang)  # noqa: E731
    diff = k["participants_minus_residents"]
    if lang == "en":
        more = "more" if diff >= 0 else "fewer"
        return (
            f"There are {fmt.number(abs(diff), 'en')} {more} participant records than alive residents. This is not "
            f"everyone insured plus extra: {d[TOTAL]} records have no alive resident of the regency behind them "
            f"({d['deceased']} deceased and {d['moved']} moved according to the registry, {d['duplicate']} duplicate "
            f"records of one NIK, {d['not_in_registry']} NIKs not in the registry at all, {d['invalid_nik']} invalid "
            f"NIKs), while {t('not_enrolled')} alive residents have no JKN record. Records without a resident minus "
            f"residents without a record = {fmt.number(diff, 'en')}."
        )
    more = "lebih banyak" if diff >= 0 else "lebih sedikit"
    return (
        f"Catatan peserta {fmt.number(abs(diff))} {more} daripada penduduk hidup. Ini bukan berarti semua penduduk "
        f"terlindungi dan ada kelebihan: {d[TOTAL]} catatan tidak didukung penduduk hidup di kabupaten ini "
        f"({d['deceased']} meninggal dan {d['moved']} pindah menurut registrasi, {d['duplicate']} catatan ganda "
        f"untuk NIK yang sama, {d['not_in_registry']} NIK tidak ada di registrasi sama sekali, {d['invalid_nik']} NIK "
        f"tidak valid), sementara {t('not_enrolled')} penduduk hidup belum memiliki catatan JKN. Catatan tanpa "
        f"penduduk dikurangi penduduk tanpa catatan = {fmt.number(diff)}."
    )


def findings(k: dict, lang: str = "id") -> list[str]:
    """The findings as bullet sentences. A count a published table hides prints as its marker; the cost of a count
    below the threshold as "kurang dari" the cost of ``threshold`` people (an exact cost would give the count away)."""
    t = lambda key: _count(k, key, lang)  # noqa: E731
    rp = lambda v: fmt.rupiah(v, lang)  # noqa: E731
    cost = lambda key, count_key, exact="{}": _cost(k, key, count_key, lang, exact)  # noqa: E731
    if lang == "en":
        out = [
            f"Coverage of {fmt.percent(k['coverage_pct'], 'en')} overstates protection: {t('not_enrolled')} alive "
            f"residents have no JKN record and {t('inactive_residents')} have only an inactive one.",
            f"{t('deceased_active')} records of persons the registry lists as deceased, and {t('moved_active')} "
            f"of persons listed as moved, are still active: clean them with BPJS Kesehatan before counting coverage.",
            f"Enrolling every resident without a record as PBPU Pemda costs "
            f"{cost('worklist_cost', 'worklist_persons')} a year "
            f"({t('worklist_persons')} people at {rp(k['yearly_premium'])}); the poorest deciles 1-4 alone "
            f"({t('poor_persons')} people) cost {cost('poor_cost', 'poor_persons')}.",
            f"{t('arrears_residents')} inactive residents are self-paying participants in arrears: the regency "
            f"can take over their premiums (PBPU Pemda) where they are poor.",
        ]
        if k["deceased_active_pemda"]:
            out.insert(
                2,
                f"{t('deceased_active_pemda')} of the deceased are active PBPU Pemda participants: premiums paid by "
                f"the regency, {cost('deceased_active_pemda_cost', 'deceased_active_pemda', 'up to {}')} a year.",
            )
        return [_sentence_case(s) for s in (out if k["residents"] else out[1:])]
    out = [
        f"Cakupan {fmt.percent(k['coverage_pct'])} melebih-lebihkan perlindungan: {t('not_enrolled')} penduduk "
        f"hidup belum memiliki catatan JKN dan {t('inactive_residents')} hanya memiliki catatan yang tidak aktif.",
        f"{t('deceased_active')} catatan orang yang menurut registrasi sudah meninggal, dan "
        f"{t('moved_active')} catatan orang yang sudah pindah, masih aktif: perlu dibersihkan bersama "
        f"BPJS Kesehatan sebelum cakupan dihitung.",
        f"Mendaftarkan semua penduduk yang belum terdaftar sebagai PBPU Pemda memerlukan "
        f"{cost('worklist_cost', 'worklist_persons')} "
        f"setahun ({t('worklist_persons')} jiwa x {rp(k['yearly_premium'])}); desil 1-4 saja "
        f"({t('poor_persons')} jiwa) memerlukan {cost('poor_cost', 'poor_persons')}.",
        f"{t('arrears_residents')} penduduk yang tidak aktif adalah peserta mandiri yang menunggak: Pemda dapat "
        f"mengambil alih iurannya (PBPU Pemda) bila mereka termasuk miskin.",
    ]
    if k["deceased_active_pemda"]:
        out.insert(
            2,
            f"{t('deceased_active_pemda')} di antara yang meninggal adalah peserta PBPU Pemda yang masih aktif: "
            f"iurannya dibayar Pemda, "
            f"{cost('deceased_active_pemda_cost', 'deceased_active_pemda', 'hingga {}')} setahun.",
        )
    return [_sentence_case(s) for s in (out if k["residents"] else out[1:])]  # no residents: no coverage to judge


def _count(k: dict, key: str, lang: str) -> str:
    """A key figure as a sentence prints it: the marker when a published table hides it, else :func:`count_text`."""
    return MARKER if key in k.get(HIDDEN, ()) else count_text(k[key], k["threshold"], lang)


def _cost(k: dict, key: str, count_key: str, lang: str, exact: str = "{}") -> str:
    """The yearly cost ``k[key]`` of ``k[count_key]`` people: ``exact`` filled with the amount; the marker when the
    count is hidden; "kurang dari" / "less than" the cost of ``threshold`` people when the count is small."""
    if count_key in k.get(HIDDEN, ()):
        return MARKER
    if 0 < k[count_key] < k["threshold"]:
        bound = fmt.rupiah(k["threshold"] * k["yearly_premium"], lang)
        return f"kurang dari {bound}" if lang == "id" else f"less than {bound}"
    return exact.format(fmt.rupiah(k[key], lang))


def _sentence_case(text: str) -> str:
    """A sentence that starts with a worded count (``kurang dari 10 ...``) starts with a capital letter."""
    return text[:1].upper() + text[1:]


def validation(sup: Suppressed, lang: str = "id") -> str:
    """One sentence on the rows each file lost before matching, from the total row of the suppressed exclusions."""
    reg, par = sup.display.loc[TOTAL, "registry"], sup.display.loc[TOTAL, "participants"]
    if lang == "en":
        return (
            f"Before matching, {reg} registry rows and {par} participant rows were left out (invalid NIK, or the same "
            f"NIK repeated). A NIK issued in another region, or whose date differs from the birth date, is normal "
            f"(a NIK never changes) and is kept."
        )
    return (
        f"Sebelum dipadankan, {reg} baris registrasi dan {par} baris data peserta dikeluarkan (NIK tidak valid, atau "
        f"NIK yang sama berulang). NIK yang diterbitkan di daerah lain, atau yang tanggalnya berbeda dengan tanggal "
        f"lahir, adalah wajar (NIK tidak pernah berubah) dan tetap dipakai."
    )


SECTIONS = {
    "id": {
        "validate": "## 1. Validasi dan pseudonimisasi\n\nNIK, nomor KK, dan nomor kartu diganti token berkunci "
        "(HMAC-SHA256) sebelum data apa pun dipadankan; nama tidak pernah dibaca. Baris dengan NIK tidak valid dan NIK "
        "yang berulang dikeluarkan dan dihitung menurut sebabnya.",
        "tokens": "Contoh token (tidak dapat ditelusuri kembali ke NIK tanpa kunci): {tokens}",
        "coverage": "## 2. Cakupan 100 persen lebih, keaktifan jauh di bawahnya",
        "areas": "## 3. Per kecamatan\n\nPenduduk hidup dalam registrasi menurut status kepesertaan JKN hasil "
        "pemadanan.",
        "excess": "## 4. Mengapa cakupan melebihi 100 persen",
        "inactive": "## 5. Peserta tidak aktif menurut segmen dan sebab\n\nPenduduk hidup yang terdaftar tetapi tidak "
        "aktif, menurut segmen dan sebab nonaktif yang dicatat BPJS Kesehatan.",
        "worklist": "## 6. Daftar kerja: penduduk yang belum terdaftar\n\nDaftar kerja (berisi token, bukan NIK) "
        "diurutkan dari keluarga termiskin (desil 1) ke atas, desil tidak diketahui terakhir, anggota satu keluarga "
        "berurutan. Biaya: iuran PBPU Pemda kelas III {premium} per jiwa per bulan ({yearly} setahun).",
        "budget": "Anggaran {budget} setahun cukup untuk {deciles} desil pertama.",
        "budget_none": "Anggaran {budget} setahun belum cukup untuk desil pertama.",
        "files": "Daftar kerja untuk dibuka di Excel atau LibreOffice: `{workbook}` (lembar *Daftar kerja*, "
        "*Reaktivasi*, *Catatan*; berisi token, bukan NIK). Berkas untuk analisis: {files}. Petugas pendaftaran "
        "mendapat NIK, nomor KK, nama dan alamat hanya lewat langkah terpisah `uhc match reidentify`, di komputer "
        "yang menyimpan kunci dan ekstrak registrasi, ke folder di luar `reports/`.",
        "findings": "## 7. Temuan",
    },
    "en": {
        "validate": "## 1. Validation and pseudonymisation\n\nNIK, KK and card numbers are replaced by keyed tokens "
        "(HMAC-SHA256) before anything is matched; names are never read. Rows with an invalid NIK and repeated NIKs "
        "are left out and counted by reason.",
        "tokens": "Example tokens (cannot be traced back to a NIK without the key): {tokens}",
        "coverage": "## 2. Coverage above 100 percent, activity far below it",
        "areas": "## 3. By kecamatan\n\nAlive residents in the registry by their JKN enrolment after matching.",
        "excess": "## 4. Why coverage exceeds 100 percent",
        "inactive": "## 5. Inactive participants by segment and reason\n\nAlive residents enrolled but inactive, by "
        "segment and the reason BPJS Kesehatan records.",
        "worklist": "## 6. Worklist: residents not enrolled\n\nThe worklist (tokens, not NIKs) runs from the poorest "
        "families (decile 1) up, unknown decile last, members of a family together. Cost: the class III PBPU Pemda "
        "premium of {premium} per person per month ({yearly} a year).",
        "budget": "A yearly budget of {budget} pays for the first {deciles} deciles.",
        "budget_none": "A yearly budget of {budget} does not cover the first decile.",
        "files": "Worklists to open in Excel or LibreOffice: `{workbook}` (sheets *Worklist*, *Reactivation*, "
        "*Notes*; tokens, not NIKs). Files for analysis: {files}. The enrolment officer gets NIK, KK, names and "
        "addresses only through the separate step `uhc match reidentify`, on the machine that holds the key and the "
        "registry extract, into a folder outside `reports/`.",
        "findings": "## 7. Findings",
    },
}


def section(key: str, lang: str = "id", **values) -> str:
    """A section heading or fixed paragraph of the notebook, with ``values`` filled in."""
    return SECTIONS[check_lang(lang)][key].format(**values)


def budget(deciles: int | None, budget_rp: float, lang: str = "id") -> str:
    """How many deciles of the worklist a yearly budget pays for (``deciles`` from
    :func:`uhc_lib.registry.worklist.deciles_within_budget`)."""
    amount = fmt.rupiah(budget_rp, lang)
    if deciles is None:
        return section("budget_none", lang, budget=amount)
    return section("budget", lang, budget=amount, deciles=deciles)
