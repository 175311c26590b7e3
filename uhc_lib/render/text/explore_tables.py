"""The tables of the exploratory reports as Markdown, formatted as in the briefs (babel numbers, labels in the
report's language, a handful of readable columns) instead of raw pandas frames. They format and compute nothing
of their own beyond ordering rows."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.render.text.budget_text import PAYERS
from uhc_lib.render.text.peer_text import QUADRANT_LABELS
from uhc_lib.render.text.tables import markdown_table as _markdown_table
from uhc_lib.rules import criteria, segments

HEAD = {
    "id": {
        "indicator": "Indikator",
        "coverage": "Cakupan (persen)",
        "activity": "Keaktifan (persen)",
        "population": "Penduduk",
        "n": "Jumlah kab/kota",
        "mean": "Rata-rata",
        "sd": "Simpangan baku",
        "min": "Terendah",
        "q1": "Kuartil 1",
        "median": "Median",
        "q3": "Kuartil 3",
        "max": "Tertinggi",
        "province": "Provinsi",
        "regions": "Kab/kota",
        "rank_cov": "Peringkat cakupan",
        "rank_act": "Peringkat keaktifan",
        "quadrant": "Kuadran provinsi",
        "n_cov": "Memenuhi batas cakupan",
        "n_act": "Memenuhi batas keaktifan",
        "n_both": "Memenuhi keduanya",
        "share_both": "Bagian yang memenuhi keduanya",
        "between": "Antar",
        "metric": "Indikator",
        "pooled": "Angka gabungan",
        "best": "Tertinggi",
        "worst": "Terendah",
        "provinces": "38 provinsi",
        "all_regions": "514 kab/kota",
        "region": "Kabupaten/kota",
        "status": "Status",
        "enrol": "Perlu didaftarkan",
        "activate": "Tambahan peserta aktif",
        "reactivate": "Diaktifkan kembali",
        "month": "Bulan",
        "met": "Kab/kota memenuhi",
        "share": "Bagian (persen)",
        "from": "Berlaku dari",
        "to": "Sampai",
        "segment": "Segmen",
        "class": "Kelas",
        "payer": "Dibayar oleh",
        "premium": "Iuran per bulan",
        "source": "Dasar hukum",
        "all_classes": "semua",
        "wage": "{pct} upah (paling tinggi {ceiling})",
        "open": "sekarang",
        "lever": "Langkah",
        "persons": "Jumlah",
        "full_by": "Penuh pada",
        "registered_change": "Perubahan peserta terdaftar",
        "active_change": "Perubahan peserta aktif",
        "cost_regency": "Biaya Pemda (seluruh periode)",
        "cost_participant": "Dibayar peserta",
        "cost_csr": "Dibayar CSR",
        "rank": "Peringkat",
        "cost": "Biaya per tahun",
        "yes": "ya",
        "no": "belum",
        "total": "Jumlah",
    },
    "en": {
        "indicator": "Indicator",
        "coverage": "Coverage (percent)",
        "activity": "Activity (percent)",
        "population": "Population",
        "n": "Regions",
        "mean": "Mean",
        "sd": "Standard deviation",
        "min": "Lowest",
        "q1": "1st quartile",
        "median": "Median",
        "q3": "3rd quartile",
        "max": "Highest",
        "province": "Province",
        "regions": "Regions",
        "rank_cov": "Coverage rank",
        "rank_act": "Activity rank",
        "quadrant": "Province's quadrant",
        "n_cov": "Meet the coverage line",
        "n_act": "Meet the activity line",
        "n_both": "Meet both",
        "share_both": "Share meeting both",
        "between": "Between",
        "metric": "Indicator",
        "pooled": "Pooled rate",
        "best": "Highest",
        "worst": "Lowest",
        "provinces": "the 38 provinces",
        "all_regions": "the 514 regions",
        "region": "Regency or city",
        "status": "Status",
        "enrol": "Must enrol",
        "activate": "More active needed",
        "reactivate": "To reactivate",
        "month": "Month",
        "met": "Regions meeting it",
        "share": "Share (percent)",
        "from": "From",
        "to": "To",
        "segment": "Segment",
        "class": "Class",
        "payer": "Paid by",
        "premium": "Premium a month",
        "source": "Legal basis",
        "all_classes": "all",
        "wage": "{pct} of wage (at most {ceiling})",
        "open": "now",
        "lever": "Lever",
        "persons": "Persons",
        "full_by": "Full by",
        "registered_change": "Change in registered",
        "active_change": "Change in active",
        "cost_regency": "Regency cost (whole period)",
        "cost_participant": "Paid by participants",
        "cost_csr": "Paid by CSR",
        "rank": "Rank",
        "cost": "Cost a year",
        "yes": "yes",
        "no": "no",
        "total": "Total",
    },
}
METRIC = {
    "id": {"coverage_pct": "cakupan kepesertaan", "activity_pct": "keaktifan"},
    "en": {"coverage_pct": "coverage", "activity_pct": "activity"},
}
LEVERS = {
    "id": {
        "CleanData": "Pembersihan data peserta",
        "EnrolUnregistered": "Pendaftaran penduduk oleh Pemda",
        "ReactivateArrears": "Pelunasan tunggakan oleh peserta",
        "CsrSponsorship": "Iuran dibayar CSR",
        "TakeOverInactive": "Pengambilalihan sebagai PBPU Pemda",
        "ReactivatePbiDinsos": "Pengaktifan kembali PBI lewat Dinas Sosial",
    },
    "en": {
        "CleanData": "Register cleaned",
        "EnrolUnregistered": "Residents enrolled by the regency",
        "ReactivateArrears": "Arrears paid by participants",
        "CsrSponsorship": "Premiums paid by CSR",
        "TakeOverInactive": "Taken over as PBPU Pemda",
        "ReactivatePbiDinsos": "PBI reactivated through the Dinas Sosial",
    },
}


PAYER_WORDS = {
    "id": {**PAYERS["id"], "employer": "pemberi kerja", "worker": "pekerja"},
    "en": {**PAYERS["en"], "employer": "employer", "worker": "worker"},
}
_LAW = re.compile(r"\b(Perpres|Permendagri|Permenkes|PP|UU)\s+(\d+/\d{4})(?:\s+Art\s+(\d+))?")


_FIGURE = re.compile(r"^(\*\*)?(Rp|IDR )?-?[\d.,]+( (persen|percent|jiwa|people))?(\*\*)?$|^–$")


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table whose columns of figures are right-aligned."""
    align = "".join(
        "r" if rows and all(_FIGURE.match(str(r[i]).strip()) for r in rows) else "l" for i in range(len(header))
    )
    return _markdown_table(header, rows, align)


def _pct(value: object, lang: str) -> str:
    return "–" if value is None or pd.isna(value) else fmt.pct(float(value), lang)


def _num(value: object, lang: str, decimals: int = 0) -> str:
    return "–" if value is None or pd.isna(value) else fmt.number(float(value), lang, decimals)


def class_markdown(table: pd.DataFrame, lang: str = "id") -> str:
    """:func:`uhc_lib.render.text.classes.class_table` as Markdown: coverage classes down, activity classes across."""
    h = HEAD[check_lang(lang)]
    corner = f"{h['coverage'].split(' (')[0]} \\ {h['activity'].split(' (')[0].lower()}"
    rows = [[f"**{idx}**", *(_num(v, lang) for v in row)] for idx, row in table.iterrows()]
    return markdown_table([corner, *map(str, table.columns)], rows)


def summary_statistics(regions: pd.DataFrame, lang: str = "id") -> str:
    """Coverage, activity and population of the regions: count, mean, spread and quartiles (unweighted)."""
    h = HEAD[check_lang(lang)]
    rows = []
    for col, label, decimals in (
        ("coverage_pct", "coverage", 2),
        ("activity_pct", "activity", 2),
        ("population", "population", 0),
    ):
        v = regions[col].dropna()
        stats = [v.mean(), v.std(), v.min(), v.quantile(0.25), v.median(), v.quantile(0.75), v.max()]
        rows.append([h[label], _num(len(v), lang), *(_num(s, lang, decimals) for s in stats)])
    keys = ("n", "mean", "sd", "min", "q1", "median", "q3", "max")
    return markdown_table([h["indicator"], *(h[k] for k in keys)], rows)


def provinces_table(summary: pd.DataFrame, lang: str = "id") -> str:
    """One row per province (lowest share of regions meeting both lines first): pooled rates, ranks, quadrant and
    how many of its regions meet each line."""
    h = HEAD[check_lang(lang)]
    ordered = summary.sort_values(["share_both_pct", "province_code"])
    rows = [
        [
            r.province_name,
            _num(r.n_regions, lang),
            _pct(r.coverage_pct, lang),
            _pct(r.activity_pct, lang),
            _num(r.coverage_rank, lang),
            _num(r.activity_rank, lang),
            QUADRANT_LABELS[lang][r.quadrant],
            _num(r.n_meets_coverage_line, lang),
            _num(r.n_meets_activity_line, lang),
            _num(r.n_both, lang),
            fmt.percent(r.share_both_pct, lang, 0),
        ]
        for r in ordered.itertuples()
    ]
    keys = ("province", "regions", "coverage", "activity", "rank_cov", "rank_act", "quadrant", "n_cov", "n_act",
            "n_both", "share_both")  # fmt: skip
    return markdown_table([h[k] for k in keys], rows)


def _inequality_rows(frame: pd.DataFrame, first: Callable[[pd.Series], str], lang: str) -> list[list[str]]:
    rows = []
    for _, r in frame.iterrows():
        rows.append(
            [
                first(r),
                METRIC[lang][r["metric"]],
                _num(r["n"], lang),
                _pct(r["pooled_pct"], lang),
                f"{r['best_name']} ({_pct(r['best_pct'], lang)})",
                f"{r['worst_name']} ({_pct(r['worst_pct'], lang)})",
                _pct(r["difference"], lang),
                _num(r["ratio"], lang, 2),
                _num(r["bgv"], lang, 2),
                _num(r["mdm"], lang, 2),
                _num(r["idis"], lang, 2),
            ]
        )
    return rows


INEQUALITY_HEAD = ["D", "R", "BGV", "MDM", "IDIS"]


def national_inequality(frame: pd.DataFrame, lang: str = "id") -> str:
    """:func:`uhc_lib.analysis.overview.national_inequality_table` (between provinces and between regions)."""
    h = HEAD[check_lang(lang)]
    rows = _inequality_rows(frame, lambda r: h["provinces" if r["between"] == "provinces" else "all_regions"], lang)
    header = [h["between"], h["metric"], h["n"], h["pooled"], h["best"], h["worst"], *INEQUALITY_HEAD]
    return markdown_table(header, rows)


def province_inequality(frame: pd.DataFrame, lang: str = "id", top: int | None = None) -> str:
    """Inequality between the kab/kota of each province (:func:`uhc_lib.analysis.peers.province_inequality` or
    :func:`uhc_lib.analysis.province_view.inequality`), largest difference first; ``top`` rows at most."""
    h = HEAD[check_lang(lang)]
    ordered = frame.sort_values(["difference", "province_code"], ascending=[False, True])
    if top:
        ordered = ordered.head(top)
    rows = _inequality_rows(ordered, lambda r: str(r["province_name"]), lang)
    header = [h["province"], h["metric"], h["n"], h["pooled"], h["best"], h["worst"], *INEQUALITY_HEAD]
    return markdown_table(header, rows)


def criteria_and_gaps(table: pd.DataFrame, year: int, lang: str = "id") -> str:
    """:func:`uhc_lib.analysis.province_view.criteria_and_gaps`: each region's status, the criteria of the year it
    meets and the persons it needs for the headline criterion, ranked by activity."""
    h = HEAD[check_lang(lang)]
    crits = [c.removeprefix("meets_") for c in table.columns if c.startswith("meets_")]
    names = {
        c: criteria.label(c, year, lang).split(" (")[0].removeprefix("UHC Awards ").removeprefix("UHC ") for c in crits
    }
    rows = [
        [
            str(r["region_name"]),
            _pct(r["coverage_pct"], lang),
            _pct(r["activity_pct"], lang),
            _status(r["status"], year, lang),
            *(h["yes"] if r[f"meets_{c}"] else h["no"] for c in crits),
            _num(r["enrol_needed"], lang),
            _num(r["activate_needed"], lang),
            _num(r["reactivate_needed"], lang),
        ]
        for _, r in table.iterrows()
    ]
    header = [h["region"], h["coverage"], h["activity"], h["status"], *(names[c] for c in crits), h["enrol"],
              h["activate"], h["reactivate"]]  # fmt: skip
    return markdown_table(header, rows)


def _status(status: str, year: int, lang: str) -> str:
    """A status in a table cell: its short name, ``belum UHC`` / ``not UHC`` for none."""
    if status == criteria.NOT_MET:
        return "belum UHC" if lang == "id" else "not UHC"
    return criteria.label(status, year, lang).split(" (")[0]


def gap_totals(totals: dict, lang: str = "id") -> str:
    """:func:`uhc_lib.analysis.province_view.gap_totals` in a sentence."""
    n = {k: fmt.number(int(v), lang) for k, v in totals.items()}
    if check_lang(lang) == "en":
        return (
            f"Of the {n['regions']} regions, {n['regions_met']} meet the headline criterion; the others together need "
            f"{n['enrol_needed']} residents enrolled and {n['activate_needed']} more active participants, "
            f"{n['reactivate_needed']} of them by reactivation."
        )
    return (
        f"Dari {n['regions']} kabupaten/kota, {n['regions_met']} memenuhi kriteria utama; sisanya bersama-sama perlu "
        f"mendaftarkan {n['enrol_needed']} penduduk dan menambah {n['activate_needed']} peserta aktif, "
        f"{n['reactivate_needed']} di antaranya lewat pengaktifan kembali."
    )


def projected_table(projected: pd.DataFrame, lang: str = "id", rows: int = 4) -> str:
    """The last ``rows`` months of :func:`uhc_lib.analysis.projections.projected_attainment`."""
    h = HEAD[check_lang(lang)]
    body = [
        [
            fmt.month(r["period"], lang),
            _num(r["regions_met"], lang),
            _num(r["regions"], lang),
            _pct(r["share_pct"], lang),
        ]
        for _, r in projected.tail(rows).iterrows()
    ]
    return markdown_table([h["month"], h["met"], h["regions"], h["share"]], body)


def _source(text: str, lang: str) -> str:
    """The regulations a premium rule cites (``Perpres 64/2020 Pasal 34``), each once, without the English prose."""
    article = "Pasal" if lang == "id" else "Art."
    found = [f"{m[1]} {m[2]}" + (f" {article} {m[3]}" if m[3] else "") for m in _LAW.finditer(str(text))]
    return ", ".join(dict.fromkeys(found)) or str(text).split(":")[0]


def premium_rules(table: pd.DataFrame, lang: str = "id") -> str:
    """:func:`uhc_lib.rules.premiums.premium_table` rows: when, segment, class, payer, amount and legal basis."""
    h = HEAD[check_lang(lang)]
    rows = []
    for _, r in table.iterrows():
        if pd.notna(r["monthly_rp"]):
            amount = fmt.rupiah(r["monthly_rp"], lang)
        else:
            amount = h["wage"].format(
                pct=fmt.percent(r["wage_pct"], lang, 1), ceiling=fmt.rupiah(r["wage_ceiling_rp"], lang)
            )
        rows.append(
            [
                fmt.month(r["effective_from"], lang, short=True),
                h["open"] if pd.isna(r["effective_to"]) else fmt.month(r["effective_to"], lang, short=True),
                segments.label(r["segment"], lang),
                h["all_classes"] if pd.isna(r["class"]) else str(r["class"]),
                PAYER_WORDS[lang].get(r["payer"], str(r["payer"])),
                amount,
                _source(r["source"], lang),
            ]
        )
    return markdown_table([h[k] for k in ("from", "to", "segment", "class", "payer", "premium", "source")], rows)


def lever_table(levers: pd.DataFrame, lang: str = "id") -> str:
    """:func:`uhc_lib.analysis.scenario_mix.lever_table`: persons, month full, effect and costs of each lever."""
    h = HEAD[check_lang(lang)]
    rows = []
    for _, r in levers.iterrows():
        seg = "" if pd.isna(r["segment"]) else f" ({segments.label(r['segment'], lang)})"
        rows.append(
            [
                LEVERS[lang].get(r["lever"], str(r["lever"])) + seg,
                fmt.persons(r["persons"], lang),
                "–" if pd.isna(r["full_by"]) else fmt.month(r["full_by"], lang, short=True),
                _num(r["registered_change"], lang),
                _num(r["active_change"], lang),
                fmt.rupiah(r["cost_regency_rp"], lang),
                fmt.rupiah(r["cost_participant_rp"], lang),
                fmt.rupiah(r["cost_csr_rp"], lang),
            ]
        )
    keys = ("lever", "persons", "full_by", "registered_change", "active_change", "cost_regency", "cost_participant",
            "cost_csr")  # fmt: skip
    return markdown_table([h[k] for k in keys], rows)


def largest_bills(largest: pd.DataFrame, lang: str = "id") -> str:
    """The regions with the largest yearly enrolment bill (:meth:`NationalEnrolment.largest`)."""
    h = HEAD[check_lang(lang)]
    rows = [
        [
            _num(r["cost_rank"], lang),
            str(r["region_name"]),
            str(r["province_name"]),
            _pct(r["coverage_pct"], lang),
            fmt.persons(r["enrol_needed"], lang),
            fmt.rupiah(r["cost_rp"], lang),
        ]
        for _, r in largest.iterrows()
    ]
    return markdown_table([h[k] for k in ("rank", "region", "province", "coverage", "enrol", "cost")], rows)
