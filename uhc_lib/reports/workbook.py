"""The month's recap workbook (``rekap_<period>.xlsx`` / ``recap_<period>.xlsx`` in the month and language folder),
written with XlsxWriter: sheets Wilayah/Regions, Segmen/Segments, Kualitas data/Data quality, Perubahan/Changes and
Catatan/Notes. Numbers stay numbers with number formats (``#,##0``, ``0.00``, ``"Rp"#,##0``: an Indonesian Excel or
LibreOffice shows ``1.234.567``, ``75,41``, ``Rp1.234.567``), months are dates shown ``mmm yyyy``, codes are text;
frozen header, filters, column widths, no formulas. Written under a temporary name, then renamed."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import xlsxwriter

from uhc_lib.api import MonthChanges, Recap
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.reports import changes_page
from uhc_lib.reports.index import WORKBOOK_STEMS

NAMES = {lang: f"{stem}_{{period}}.xlsx" for lang, stem in WORKBOOK_STEMS.items()}
SHEETS = {
    "id": ("Wilayah", "Segmen", "Kualitas data", "Perubahan", "Catatan"),
    "en": ("Regions", "Segments", "Data quality", "Changes", "Notes"),
}
FORMATS = {
    "text": {"num_format": "@"},
    "int": {"num_format": "#,##0"},
    "int_left": {"num_format": "#,##0", "align": "left"},
    "pct": {"num_format": "0.00"},
    "pp": {"num_format": "+0.00;-0.00;0.00"},
    "rp": {"num_format": '"Rp"#,##0'},
    "rp_left": {"num_format": '"Rp"#,##0', "align": "left"},  # the Notes sheet: beside its label, not 100 columns away
    "month": {"num_format": "mmm yyyy", "align": "left"},
    "wrap": {"text_wrap": True, "valign": "top"},
}
WORDS = {
    "id": {
        "code": "Kode",
        "region": "Kabupaten/kota",
        "province": "Provinsi",
        "population": "Penduduk",
        "registered": "Terdaftar",
        "active": "Aktif",
        "inactive": "Nonaktif",
        "coverage": "Cakupan (%)",
        "activity": "Keaktifan (%)",
        "status": "Status (kriteria {year})",
        "since": "Status sejak",
        "before": "Status sebelumnya",
        "unchanged": "sama sejak awal data",
        "enrol": "Perlu didaftarkan untuk {goal} (jiwa)",
        "activate": "Perlu diaktifkan untuk {goal} (jiwa)",
        "target": "Target anggaran",
        "regency_rp": "Anggaran Pemda kab/kota per tahun (Rp)",
        "province_rp": "Anggaran Pemda provinsi per tahun (Rp)",
        "payers": "Dibayar oleh",
        "regency": "Pemda kab/kota",
        "province_payer": "Pemda provinsi",
        "and": " dan ",
        "met": "sudah tercapai",
        "no_pemda": "tanpa biaya Pemda",
        "scenario": "Skenario tercepat",
        "month": "Target tercapai (bulan)",
        "not_reached": "tidak tercapai dalam {n} bulan",
        "segment": "Segmen",
        "segment_share": "Bagian dari peserta (%)",
        "segment_activity": "Aktif dari terdaftar (%)",
        "segment_population": "Terdaftar dari penduduk (%)",
        "flag": "Catatan kualitas data",
        "value": "Nilai",
        "unit": "Satuan",
        "unit_pct": "persen",
        "unit_persons": "jiwa",
        "unit_change": "persen perubahan",
        "no_quality": "Tidak ada catatan kualitas data bulan ini.",
        "kind": "Jenis",
        "direction": "Arah",
        "activity_before": "Keaktifan sebelumnya (%)",
        "change_pp": "Perubahan (poin persen)",
        "note": "Keterangan",
        "item": "Keterangan",
        "content": "Isi",
        "source_col": "Sumber",
        "title": "Rekap kepesertaan JKN per kabupaten/kota — {month}",
        "t_month": "Bulan data",
        "t_criteria": "Kriteria",
        "t_regions": "Jumlah kabupaten/kota",
        "t_source": "Sumber data",
        "embedded": "Panel ilustratif bawaan UHC Monitor ({name})",
        "t_note": "Catatan data",
        "own_data": "Data pengguna (bukan panel ilustratif)",
        "t_made": "Dibuat",
        "t_formula": "Rumus",
        "formula": "Cakupan = terdaftar / penduduk; keaktifan = aktif / penduduk; nonaktif = terdaftar − aktif. "
        "Angka sama dengan ringkasan per wilayah (fungsi perhitungan yang sama).",
        "t_budget": "Anggaran",
        "budget": "Biaya per tahun untuk target anggaran (target berikutnya yang belum tercapai, seperti dalam "
        "ringkasan): iuran PBPU Pemda dibagi antara Pemda kab/kota dan provinsi menurut pemda_cost_sharing.csv.",
        "t_scenario": "Skenario",
        "scenario_note": "Skenario kebijakan dalam {n} bulan seperti dalam ringkasan; bulan = bulan pertama "
        "target anggaran tercapai.",
        "t_failed": "Tidak dihitung",
        "t_rule": "Aturan {year}",
        "no_rows": "Tidak ada baris.",
    },
    "en": {
        "code": "Code",
        "region": "Kabupaten/kota",
        "province": "Province",
        "population": "Population",
        "registered": "Registered",
        "active": "Active",
        "inactive": "Inactive",
        "coverage": "Coverage (%)",
        "activity": "Activity (%)",
        "status": "Status ({year} criteria)",
        "since": "Status since",
        "before": "Status before",
        "unchanged": "the same since the data's first month",
        "enrol": "To enrol for {goal} (persons)",
        "activate": "To activate for {goal} (persons)",
        "target": "Budget target",
        "regency_rp": "Regency budget a year (Rp)",
        "province_rp": "Province budget a year (Rp)",
        "payers": "Paid by",
        "regency": "regency",
        "province_payer": "province",
        "and": " and ",
        "met": "already met",
        "no_pemda": "no cost to the Pemda",
        "scenario": "Fastest scenario",
        "month": "Target reached (month)",
        "not_reached": "not reached within {n} months",
        "segment": "Segment",
        "segment_share": "Share of participants (%)",
        "segment_activity": "Active of registered (%)",
        "segment_population": "Registered of population (%)",
        "flag": "Data-quality flag",
        "value": "Value",
        "unit": "Unit",
        "unit_pct": "percent",
        "unit_persons": "persons",
        "unit_change": "percent change",
        "no_quality": "No data-quality flag this month.",
        "kind": "Kind",
        "direction": "Direction",
        "activity_before": "Activity before (%)",
        "change_pp": "Change (percentage points)",
        "note": "Note",
        "item": "Item",
        "content": "Content",
        "source_col": "Source",
        "title": "JKN participation recap by kabupaten/kota — {month}",
        "t_month": "Month of the data",
        "t_criteria": "Criteria",
        "t_regions": "Number of kabupaten/kota",
        "t_source": "Data source",
        "embedded": "UHC Monitor's embedded illustrative panel ({name})",
        "t_note": "Data note",
        "own_data": "User's data (not the illustrative panel)",
        "t_made": "Made",
        "t_formula": "Formulas",
        "formula": "Coverage = registered / population; activity = active / population; inactive = registered − "
        "active. The figures are the briefs' (the same calculations).",
        "t_budget": "Budget",
        "budget": "Yearly cost for the budget target (the next unmet target, as in the brief): PBPU Pemda premiums "
        "split between regency and province by pemda_cost_sharing.csv.",
        "t_scenario": "Scenarios",
        "scenario_note": "Policy scenarios over {n} months as in the brief; month = the first month the budget "
        "target is met.",
        "t_failed": "Not computed",
        "t_rule": "Rules {year}",
        "no_rows": "No rows.",
    },
}
FLAG_UNITS = {
    "coverage_over_100": "unit_pct",
    "active_over_registered": "unit_persons",
    "population_jump": "unit_change",
}
SCENARIO_MONTHS = 24


@dataclass(frozen=True)
class Col:
    """A column: header, kind (a key of :data:`FORMATS`, or ``str`` for plain text) and how to get the value."""

    header: str
    kind: str
    value: Callable[[pd.Series], object]


def workbook_path(out_dir: Path, period: str, lang: str) -> Path:
    return Path(out_dir) / NAMES[check_lang(lang)].format(period=period)


def _month_date(value: object) -> dt.date | None:
    if value is None or (not isinstance(value, pd.Period) and pd.isna(value)):
        return None
    p = pd.Period(value, "M")
    return dt.date(p.year, p.month, 1)


def _none(value: object) -> object:
    return None if value is None or (not isinstance(value, (str, tuple)) and pd.isna(value)) else value


def region_columns(r: Recap, lang: str) -> list[Col]:
    w = WORDS[lang]

    def payers(row: pd.Series) -> str:
        if bool(row["target_met"]):
            return w["met"]
        names = {"regency": w["regency"], "province": w["province_payer"]}
        shown = [names[p] for p in row["payers"]]
        return w["and"].join(shown) if shown else w["no_pemda"]

    def fastest(row: pd.Series) -> str | None:
        if bool(row["target_met"]):
            return w["met"]
        return _none(row["fastest_scenario"]) or w["not_reached"].format(n=SCENARIO_MONTHS)

    cols = [
        *_identity_columns(w),
        Col(w["population"], "int", lambda x: x["population"]),
        Col(w["registered"], "int", lambda x: x["registered"]),
        Col(w["active"], "int", lambda x: x["active"]),
        Col(w["inactive"], "int", lambda x: x["inactive"]),
        Col(w["coverage"], "pct", lambda x: x["coverage_pct"]),
        Col(w["activity"], "pct", lambda x: x["activity_pct"]),
        Col(w["status"].format(year=r.criteria_year), "str", lambda x: x[f"status_label_{lang}"]),
        Col(w["since"], "month", lambda x: x["status_since"]),
        Col(w["before"], "str", lambda x: w["unchanged"] if x["status_since_start"] else x[f"status_before_{lang}"]),
    ]
    for g in r.goals:
        cols.append(Col(w["enrol"].format(goal=g.label(lang)), "int", lambda x, k=g.key: _none(x.get(f"enrol_{k}"))))
        cols.append(
            Col(w["activate"].format(goal=g.label(lang)), "int", lambda x, k=g.key: _none(x.get(f"activate_{k}")))
        )
    cols += [
        Col(w["target"], "str", lambda x: x[f"target_label_{lang}"]),
        Col(w["regency_rp"], "rp", lambda x: _none(x["regency_yearly_rp"])),
        Col(w["province_rp"], "rp", lambda x: _none(x["province_yearly_rp"])),
        Col(w["payers"], "str", payers),
        Col(w["scenario"], "str", fastest),
        Col(w["month"], "month", lambda x: None if x["target_met"] else x["fastest_month"]),
    ]
    return cols


def _identity_columns(w: dict[str, str]) -> list[Col]:
    """The code (as text), name and province that open every sheet's rows."""
    return [
        Col(w["code"], "text", lambda x: x["region_code"]),
        Col(w["region"], "str", lambda x: x["region_name"]),
        Col(w["province"], "str", lambda x: x["province_name"]),
    ]


def segment_columns(lang: str) -> list[Col]:
    w = WORDS[lang]
    return [
        *_identity_columns(w),
        Col(w["segment"], "str", lambda x: x[f"segment_label_{lang}"]),
        Col(w["registered"], "int", lambda x: x["registered"]),
        Col(w["active"], "int", lambda x: x["active"]),
        Col(w["inactive"], "int", lambda x: x["inactive"]),
        Col(w["segment_share"], "pct", lambda x: _none(x["share_of_registered_pct"])),
        Col(w["segment_activity"], "pct", lambda x: _none(x["active_of_registered_pct"])),
        Col(w["segment_population"], "pct", lambda x: _none(x["registered_of_population_pct"])),
    ]


def quality_columns(lang: str) -> list[Col]:
    w, t = WORDS[lang], changes_page.words(lang)
    return [
        *_identity_columns(w),
        Col(w["flag"], "str", lambda x: t[x["flag"]]),
        Col(w["value"], "pct", lambda x: x["value"]),
        Col(w["unit"], "str", lambda x: w[FLAG_UNITS[x["flag"]]]),
    ]


def change_rows(c: MonthChanges, lang: str) -> pd.DataFrame:
    """The Changes sheet as one table: status changes against the previous month and December, the movers in
    activity and the new data-quality flags; a section without rows gets one row saying so."""
    t = changes_page.words(lang)
    cols = ["kind", "region_code", "region_name", "province_name", "before", "after", "direction",
            "activity_before", "activity", "change_pp", "note"]  # fmt: skip
    rows: list[dict] = []

    def none_row(kind: str, note: str) -> None:
        rows.append({"kind": kind, "note": note})

    def statuses(kind: str, table: pd.DataFrame) -> None:
        if table.empty:
            return none_row(kind, t["no_change"])
        for x in table.itertuples():
            rows.append({"kind": kind, "region_code": x.region_code, "region_name": x.region_name,
                         "province_name": x.province_name, "before": getattr(x, f"before_label_{lang}"),
                         "after": getattr(x, f"after_label_{lang}"), "direction": t[x.direction],
                         "note": t["by_rules"].format(year=x.after_year) if x.rules_changed else None})  # fmt: skip

    def movers(kind: str, table: pd.DataFrame, empty: str) -> None:
        if table.empty:
            return none_row(kind, empty)
        for x in table.itertuples():
            rows.append({"kind": kind, "region_code": x.region_code, "region_name": x.region_name,
                         "province_name": x.province_name, "activity_before": x.activity_pct_before,
                         "activity": x.activity_pct, "change_pp": x.change_pp})  # fmt: skip

    if c.previous is None:
        none_row(t["vs_previous"].format(month="-"), t["no_previous"].format(month=fmt.month(c.period, lang)))
    else:
        statuses(t["vs_previous"].format(month=fmt.month(c.previous, lang)), c.status_vs_previous)
    december = pd.Period(f"{c.period.year - 1}-12", "M")
    dec_kind = t["vs_december"].format(year=december.year, month=fmt.month(december, lang))
    if c.december is None:
        none_row(dec_kind, t["no_december"].format(month=fmt.month(december, lang)))
    else:
        statuses(dec_kind, c.status_vs_december)
    if c.previous is not None:
        movers(t["up"], c.movers_up, t["no_up"])
        movers(t["down"], c.movers_down, t["no_down"])
        kind = t["flags"].format(month=fmt.month(c.previous, lang))
        if c.new_flags.empty:
            none_row(kind, t["no_flags"])
        for x in c.new_flags.itertuples():
            rows.append({"kind": kind, "region_code": x.region_code, "region_name": x.region_name,
                         "province_name": x.province_name,
                         "note": f"{t[x.flag]}: {changes_page.flag_value(x.flag, x.value, lang)}"})  # fmt: skip
    out = pd.DataFrame(rows, columns=cols)
    return out.astype(object).where(out.notna(), None)


def change_columns(lang: str) -> list[Col]:
    w, t = WORDS[lang], changes_page.words(lang)
    return [
        Col(w["kind"], "str", lambda x: x["kind"]),
        *_identity_columns(w),
        Col(t["before"], "str", lambda x: x["before"]),
        Col(t["after"], "str", lambda x: x["after"]),
        Col(w["direction"], "str", lambda x: x["direction"]),
        Col(w["activity_before"], "pct", lambda x: x["activity_before"]),
        Col(w["activity"], "pct", lambda x: x["activity"]),
        Col(w["change_pp"], "pp", lambda x: x["change_pp"]),
        Col(w["note"], "str", lambda x: x["note"]),
    ]


def note_rows(
    r: Recap, rules: pd.DataFrame, lang: str, source: str | None, illustrative: bool, made: dt.datetime
) -> list[tuple[str, object, str]]:
    """(item, content, kind) rows of the Notes sheet."""
    from uhc_lib.common.config import EMBEDDED_PANEL

    w, t = WORDS[lang], changes_page.words(lang)
    rows: list[tuple[str, object, str]] = [
        (w["title"].format(month=fmt.month(r.period, lang)), None, "str"),
        (w["t_month"], _month_date(r.period), "month"),
        (w["t_criteria"], str(r.criteria_year), "str"),
        (w["t_regions"], len(r.regions), "int_left"),
        (w["t_source"], source or w["embedded"].format(name=EMBEDDED_PANEL.name), "str"),
        (w["t_note"], t["illustrative"] if illustrative else w["own_data"], "str"),
        (w["t_made"], made.strftime("%Y-%m-%d %H:%M UTC"), "str"),
        (w["t_formula"], w["formula"], "str"),
        (w["t_budget"], w["budget"], "str"),
        (w["t_scenario"], w["scenario_note"].format(n=SCENARIO_MONTHS), "str"),
    ]
    for code, why in sorted(r.failed.items()):
        rows.append((f"{w['t_failed']}: {code}", why, "str"))
    for x in rules.itertuples():
        label = getattr(x, f"label_{lang}")
        content = x.source if pd.isna(x.monthly_rp) else x.monthly_rp
        rows.append((f"{w['t_rule'].format(year=int(x.criteria_year))}: {label}", content,
                     "str" if pd.isna(x.monthly_rp) else "rp_left"))  # fmt: skip
    return rows


class _Writer:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.fmt = {k: book.add_format(v) for k, v in FORMATS.items()}
        self.header = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDE6F0",
                                       "border": 1, "border_color": "#B7C4D4"})  # fmt: skip

    def cell(self, ws, row: int, col: int, value: object, kind: str) -> int:
        """Write one cell; returns the width its content needs (characters)."""
        value = _none(value)
        if value is None:
            ws.write_blank(row, col, None)
            return 0
        if kind == "month":
            date = _month_date(value)
            ws.write_datetime(row, col, dt.datetime(date.year, date.month, 1), self.fmt["month"])
            return 9
        if kind in ("int", "int_left", "pct", "pp", "rp", "rp_left"):
            number = float(value)
            whole = kind in ("int", "int_left", "rp", "rp_left")
            ws.write_number(row, col, int(number) if whole else number, self.fmt[kind])
            shown = f"{number:,.0f}" if whole else f"{number:.2f}"
            return len(shown) + (2 if kind.startswith("rp") else 1)
        text = str(value)
        ws.write_string(row, col, text, self.fmt["text"] if kind == "text" else None)
        return len(text)

    def table(self, name: str, cols: Sequence[Col], rows: pd.DataFrame, empty: str | None = None) -> None:
        ws = self.book.add_worksheet(name)
        widths = [max(8, min(22, max(len(word) for word in c.header.split()) + 2)) for c in cols]
        for j, c in enumerate(cols):
            ws.write_string(0, j, c.header, self.header)
        records = [row for _, row in rows.iterrows()] if not rows.empty else []
        for i, row in enumerate(records, start=1):
            for j, c in enumerate(cols):
                widths[j] = max(widths[j], min(48, self.cell(ws, i, j, c.value(row), c.kind) + 2))
        if not records and empty:
            ws.write_string(1, 0, empty)
        lines = max(len(textwrap.wrap(c.header, max(4, int(w) - 2))) for c, w in zip(cols, widths, strict=True))
        ws.set_row(0, 15 * lines + 4)  # bold text is wider than the column's characters
        for j, width in enumerate(widths):
            ws.set_column(j, j, width)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(1, len(records)), len(cols) - 1)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.repeat_rows(0)

    def notes(self, name: str, header: tuple[str, str], rows: list[tuple[str, object, str]]) -> None:
        ws = self.book.add_worksheet(name)
        ws.write_string(0, 0, header[0], self.header)
        ws.write_string(0, 1, header[1], self.header)
        for i, (item, content, kind) in enumerate(rows, start=1):
            ws.write_string(i, 0, item, self.fmt["wrap"])
            lines = max(-(-len(item) // 46), -(-len(str(content or "")) // 98) if kind == "str" else 1)
            if lines > 1:  # spreadsheets do not grow a wrapped row written by XlsxWriter on their own
                ws.set_row(i, 15 * lines)
            if content is None:
                continue
            if kind == "str":
                ws.write_string(i, 1, str(content), self.fmt["wrap"])
            else:
                self.cell(ws, i, 1, content, kind)
        ws.set_column(0, 0, 48)
        ws.set_column(1, 1, 100)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, len(rows), 1)


def write_workbook(
    out_dir: Path,
    r: Recap,
    c: MonthChanges,
    rules: pd.DataFrame,
    lang: str = "id",
    source: str | None = None,
    illustrative: bool = False,
    made: dt.datetime | None = None,
) -> Path:
    """Write the month's recap workbook into ``out_dir`` (atomically) and return its path. ``source``: the data
    file's name (None: the embedded panel)."""
    lang = check_lang(lang)
    w = WORDS[lang]
    made = made or dt.datetime.now(dt.UTC)
    path = workbook_path(out_dir, str(r.period), lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    names = SHEETS[lang]
    try:
        book = xlsxwriter.Workbook(str(tmp), {"strings_to_numbers": False, "strings_to_formulas": False,
                                              "strings_to_urls": False})  # fmt: skip
        book.set_properties({"title": w["title"].format(month=fmt.month(r.period, lang)), "author": "UHC Monitor"})
        out = _Writer(book)
        out.table(names[0], region_columns(r, lang), r.regions, w["no_rows"])
        out.table(names[1], segment_columns(lang), r.segments, w["no_rows"])
        out.table(names[2], quality_columns(lang), r.quality, w["no_quality"])
        out.table(names[3], change_columns(lang), change_rows(c, lang))
        out.notes(names[4], (w["item"], w["content"]), note_rows(r, rules, lang, source, illustrative, made))
        book.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
