"""Worklists as Excel workbooks an officer can open and act on (openpyxl, write-only, so a worklist of a million rows
streams): frozen header, filters, column widths, numbers stored as numbers with thousands separators (``#,##0``,
``"Rp"#,##0``, which Excel and LibreOffice show as ``1.234.567`` / ``Rp504.000`` in an Indonesian locale) and
identifiers stored as text, so no spreadsheet ever turns them into numbers.

:func:`write_worklists` writes ``worklist.xlsx`` (tokens only, beside the Parquet worklists); :func:`write_confidential`
writes the re-identified workbook of ``uhc match reidentify`` (NIK, KK, names and addresses) with a "RAHASIA — data
pribadi" banner on every sheet, created with file mode 0600.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from uhc_lib.common.lang import check_lang
from uhc_lib.registry import areas
from uhc_lib.registry.match import MATCH_INFO
from uhc_lib.registry.registry_text import INACTIVE_REASON_LABELS
from uhc_lib.rules import segments

INTEGER = "#,##0"
RUPIAH = '"Rp"#,##0'
TEXT = "@"
BANNER = "RAHASIA — data pribadi"
BANNER_NOTE = {
    "id": "Berisi NIK, nomor KK, nama dan alamat. Hanya untuk petugas pendaftaran; jangan dikirim lewat surel atau "
    "pesan, jangan dicetak tanpa perlu, hapus setelah selesai.",
    "en": "Holds NIK, KK numbers, names and addresses. For the enrolment officer only; do not send by e-mail or chat, "
    "do not print without need, delete when done.",
}
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header, number format and width (characters)."""

    header: str
    number_format: str = "General"
    width: int = 12


def _words(lang: str) -> dict[str, str]:
    id_ = {
        "priority": "Prioritas",
        "person": "Token orang",
        "family": "Token KK",
        "participant": "Token kartu",
        "kecamatan": "Kecamatan",
        "desa_code": "Kode desa",
        "desa": "Desa/kelurahan",
        "desil": "Desil",
        "priority_desil": "Desil keluarga",
        "sex": "Jenis kelamin",
        "age_band": "Kelompok umur",
        "yearly_cost": "Iuran PBPU Pemda setahun",
        "cumulative_cost": "Iuran kumulatif setahun",
        "segment": "Segmen",
        "class": "Kelas",
        "reason": "Sebab tidak aktif",
        "months_arrears": "Bulan tunggakan",
        "worklist": "Daftar kerja",
        "reactivation": "Reaktivasi",
        "notes": "Catatan",
        "unknown": "tidak diketahui",
        "years": "tahun",
        "nik": "NIK",
        "kk": "Nomor KK",
    }
    en = {
        "priority": "Priority",
        "person": "Person token",
        "family": "Family (KK) token",
        "participant": "Card token",
        "kecamatan": "Kecamatan",
        "desa_code": "Desa code",
        "desa": "Desa/kelurahan",
        "desil": "Decile",
        "priority_desil": "Family decile",
        "sex": "Sex",
        "age_band": "Age band",
        "yearly_cost": "Yearly PBPU Pemda premium",
        "cumulative_cost": "Yearly premium, running total",
        "segment": "Segment",
        "class": "Class",
        "reason": "Inactive reason",
        "months_arrears": "Months in arrears",
        "worklist": "Worklist",
        "reactivation": "Reactivation",
        "notes": "Notes",
        "unknown": "unknown",
        "years": "years",
        "nik": "NIK",
        "kk": "KK number",
    }
    return en if check_lang(lang) == "en" else id_


def _cell(ws, value, number_format: str = "General", bold: bool = False, fill=None, color: str | None = None):
    cell = WriteOnlyCell(ws, value=value)
    if number_format != "General":
        cell.number_format = number_format
    if bold or color:
        cell.font = Font(bold=bold, color=color, size=14 if color else None)
    if fill is not None:
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _sheet(
    wb: Workbook,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    banner: Sequence[str] = (),
) -> int:
    """One sheet: optional banner lines, the header (frozen, with filters), then ``rows``. Returns the row count."""
    ws = wb.create_sheet(title)
    for i, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    top = len(banner)
    if top:
        ws.freeze_panes = f"A{top + 2}"
    else:
        ws.freeze_panes = "A2"
    for i, line in enumerate(banner):
        ws.append([_cell(ws, line, bold=True, color="C00000" if i == 0 else None)])
    ws.append([_cell(ws, c.header, bold=True, fill=HEADER_FILL) for c in columns])
    n = 0
    for row in rows:
        ws.append([_cell(ws, None if v is None else v, c.number_format) for v, c in zip(row, columns, strict=True)])
        n += 1
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A{top + 1}:{last}{top + 1 + max(n, 1)}"
    return n


def _notes(wb: Workbook, title: str, lines: Sequence[tuple[str, object]], banner: Sequence[str] = ()) -> None:
    ws = wb.create_sheet(title)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 100
    for i, line in enumerate(banner):
        ws.append([_cell(ws, line, bold=True, color="C00000" if i == 0 else None)])
    for key, value in lines:
        ws.append([_cell(ws, key, bold=True), _cell(ws, value, INTEGER if isinstance(value, int) else "General")])


def _save(wb: Workbook, path: Path, mode: int | None = None) -> Path:
    """Save under a temporary name in the same folder (created 0600 when ``mode`` is given), then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            wb.save(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if mode is not None:
        os.chmod(path, mode)
    return path


def _labels(region_code: str, lang: str) -> tuple[dict, dict, dict, dict]:
    kec = areas.area_names(region_code)
    desa = dict(zip(areas.desa(region_code)["desa_code"], areas.desa(region_code)["name"], strict=True))
    seg = {s: segments.label(s, lang) for s in segments.segment_codes()}
    reasons = INACTIVE_REASON_LABELS[lang]
    return kec, desa, seg, reasons


def _age(band: str | None, w: dict) -> str:
    return w["unknown"] if band in (None, "unknown") else f"{band} {w['years']}"


def worklist_rows(path: Path, kind: str, region_code: str, lang: str) -> Iterable[tuple]:
    """The rows of a worklist or reactivation Parquet file with names and labels in ``lang`` (streamed)."""
    w = _words(lang)
    kec, desa, seg, reasons = _labels(region_code, lang)
    con = duckdb.connect()
    try:
        cursor = con.execute(f"SELECT * FROM read_parquet('{path.as_posix()}') ORDER BY priority")
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(10_000):
            for values in batch:
                r = dict(zip(names, values, strict=True))
                common = [
                    r["priority"],
                    r["person"],
                    r["family"],
                    kec.get(r["kecamatan_code"], r["kecamatan_code"]),
                    r["desa_code"],
                    desa.get(r["desa_code"], r["desa_code"]),
                ]
                if kind == "worklist":
                    yield (
                        *common,
                        r["desil"],
                        r["priority_desil"],
                        r["sex"],
                        _age(r["age_band"], w),
                        r["yearly_cost"],
                        r["cumulative_cost"],
                    )
                else:
                    reason = r["inactive_reason"] or "unknown"
                    yield (
                        *common[:3],
                        r["participant"],
                        *common[3:],
                        r["desil"],
                        r["sex"],
                        _age(r["age_band"], w),
                        seg.get(r["segment"], r["segment"]),
                        r["class"],
                        reasons.get(reason, reason),
                        r["months_arrears"],
                    )
    finally:
        con.close()


def worklist_columns(kind: str, lang: str) -> list[Column]:
    """The columns of the worklist (``worklist``) or reactivation (``reactivation``) sheet."""
    w = _words(lang)
    common = [
        Column(w["priority"], INTEGER, 10),
        Column(w["person"], TEXT, 36),
        Column(w["family"], TEXT, 36),
        Column(w["kecamatan"], TEXT, 20),
        Column(w["desa_code"], TEXT, 15),
        Column(w["desa"], TEXT, 24),
    ]
    if kind == "worklist":
        return [
            *common,
            Column(w["desil"], INTEGER, 8),
            Column(w["priority_desil"], INTEGER, 10),
            Column(w["sex"], TEXT, 8),
            Column(w["age_band"], TEXT, 14),
            Column(w["yearly_cost"], RUPIAH, 16),
            Column(w["cumulative_cost"], RUPIAH, 20),
        ]
    return [
        *common[:3],
        Column(w["participant"], TEXT, 36),
        *common[3:],
        Column(w["desil"], INTEGER, 8),
        Column(w["sex"], TEXT, 8),
        Column(w["age_band"], TEXT, 14),
        Column(w["segment"], TEXT, 22),
        Column(w["class"], INTEGER, 7),
        Column(w["reason"], TEXT, 26),
        Column(w["months_arrears"], INTEGER, 10),
    ]


def write_worklists(out_dir: str | Path, lang: str = "id", *, synthetic: bool = False) -> Path:
    """``worklist.xlsx`` from ``worklist.parquet``, ``reactivation.parquet`` and ``match.json`` of a match in
    ``out_dir``: the two lists (tokens, kecamatan and desa, decile, sex, age band, yearly premium and running cost;
    the reactivation list with segment, class, reason and arrears) and a notes sheet (what the tokens are, the
    premium, the key check, how to re-identify). Returns the path."""
    out = Path(out_dir)
    info = json.loads((out / MATCH_INFO).read_text(encoding="utf-8"))
    region_code, period = info["region_code"], info["period"]
    premium_per_month, key_check = info["premium_per_month"], info.get("key_check")
    w = _words(lang)
    wb = Workbook(write_only=True)
    counts = {}
    for kind in ("worklist", "reactivation"):
        counts[kind] = _sheet(
            wb, w[kind], worklist_columns(kind, lang), worklist_rows(out / f"{kind}.parquet", kind, region_code, lang)
        )
    region = areas.area_names(region_code)[region_code]
    command = (
        f"uhc match reidentify --worklist {out / 'worklist.parquet'} --registry <registry extract> "
        "--out <a folder outside reports/>"
    )
    if lang == "en":
        lines = [
            ("Region", f"{region} ({region_code})"),
            ("Month of the extracts", period),
            ("Worklist", "alive residents not enrolled in JKN, poorest families first (decile 1), unknown last"),
            ("Rows in the worklist", counts["worklist"]),
            ("Reactivation", "alive residents enrolled but inactive"),
            ("Rows in the reactivation list", counts["reactivation"]),
            ("Premium", f"PBPU Pemda class III, Rp{premium_per_month:,} per person per month".replace(",", ".")),
            ("Tokens", "keyed pseudonyms (HMAC-SHA256) of NIK, KK and card numbers: no NIK, KK or name is in here"),
            ("Key check", key_check or "-"),
            ("Names and NIKs", "only on the machine that holds the key and the registry extract: " + command),
        ]
    else:
        lines = [
            ("Wilayah", f"{region} ({region_code})"),
            ("Bulan data", period),
            ("Daftar kerja", "penduduk hidup yang belum terdaftar JKN, keluarga termiskin dulu (desil 1), desil tidak "
             "diketahui terakhir"),
            ("Baris daftar kerja", counts["worklist"]),
            ("Reaktivasi", "penduduk hidup yang terdaftar tetapi tidak aktif"),
            ("Baris daftar reaktivasi", counts["reactivation"]),
            ("Iuran", f"PBPU Pemda kelas III, Rp{premium_per_month:,} per jiwa per bulan".replace(",", ".")),
            ("Token", "nama samaran berkunci (HMAC-SHA256) dari NIK, nomor KK dan nomor kartu: tidak ada NIK, nomor "
             "KK atau nama di berkas ini"),
            ("Cek kunci", key_check or "-"),
            ("Nama dan NIK", "hanya di komputer yang menyimpan kunci dan ekstrak registrasi: " + command),
        ]  # fmt: skip
    if synthetic:
        lines.insert(0, ("SYNTHETIC DATA", "simulated by the project, no real person") if lang == "en" else
                     ("DATA SINTETIS", "hasil simulasi proyek, bukan orang nyata"))  # fmt: skip
    _notes(wb, w["notes"], lines)
    return _save(wb, out / "worklist.xlsx")


def write_confidential(
    path: Path,
    rows: Iterable[Sequence],
    columns: Sequence[Column],
    notes: Sequence[tuple[str, object]],
    lang: str = "id",
) -> int:
    """The re-identified worklist: file mode 0600, the banner on every sheet. Returns the number of rows."""
    w = _words(lang)
    banner = (BANNER, BANNER_NOTE[check_lang(lang)])
    wb = Workbook(write_only=True)
    n = _sheet(wb, w["worklist"], columns, rows, banner=banner)
    _notes(wb, w["notes"], notes, banner=banner)
    _save(wb, path, mode=0o600)
    return n
