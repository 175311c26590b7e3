"""An Open Data / Satu Data yearly CSV: one row per kab/kota, segment (and status) and year.

As provincial portals publish it (FACTS §8): ``kode_provinsi``, ``nama_provinsi``, ``kode_kabupaten_kota`` (a BPS
four-digit code such as ``3201``), ``nama_kabupaten_kota`` (in capitals), ``jenis_kepesertaan``, ``jumlah_peserta``,
``satuan``, ``tahun``. A brief needs more than registered participants, so the file must also give, per region and
year, the population (a ``jumlah_penduduk`` column, or rows whose ``jenis_kepesertaan`` is ``JUMLAH PENDUDUK``) and the
active participants (a ``status_kepesertaan`` column with ``AKTIF`` / ``TIDAK AKTIF``, or rows ``AKTIF`` /
``NON AKTIF`` as region totals).

BPS codes become Kemendagri codes (:mod:`uhc_lib.inputs.region_match`: the name decides where they differ, as in
Papua since 2022). A year is read as its December and the panel is marked annual (``panel.attrs["annual"]``). A
column called ``cakupan`` is refused until its definition is declared (``cakupan="registered"`` or ``"active"``:
it is then checked against the counts and dropped), because regencies use the word for different ratios.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from uhc_lib.common.problems import Problem
from uhc_lib.inputs.dialects import RawTable
from uhc_lib.inputs.numbers import MIXED, parse_numbers
from uhc_lib.inputs.panel import validate_panel
from uhc_lib.inputs.recap import _Emit, _text, labels
from uhc_lib.inputs.region_match import resolve
from uhc_lib.inputs.schema import PanelValidationError
from uhc_lib.inputs.tables import frame_below, is_total_label, norm, refuse_extra_cells

COLUMNS = {
    "kode provinsi": "province_code",
    "nama provinsi": "province_name",
    "provinsi": "province_name",
    "kode kabupaten kota": "code",
    "kode kab kota": "code",
    "bps kode kabupaten kota": "code",
    "kode kabupaten": "code",
    "nama kabupaten kota": "name",
    "nama kab kota": "name",
    "kabupaten kota": "name",
    "jenis kepesertaan": "kind",
    "jenis peserta": "kind",
    "segmen": "kind",
    "status kepesertaan": "status",
    "status peserta": "status",
    "status": "status",
    "jumlah peserta": "count",
    "jumlah": "count",
    "jumlah penduduk": "population",
    "penduduk": "population",
    "satuan": "unit",
    "tahun": "year",
    "id": "id",
    "cakupan": "cakupan",
    "cakupan kepesertaan": "cakupan",
    "persentase cakupan": "cakupan",
}
POPULATION_KINDS = {"jumlah penduduk", "penduduk", "total penduduk"}
ACTIVE_KINDS = {"aktif", "peserta aktif"}
INACTIVE_KINDS = {"non aktif", "nonaktif", "tidak aktif", "peserta non aktif", "peserta tidak aktif"}
UNREGISTERED_KINDS = {"belum terdaftar", "belum tercover", "penduduk belum terdaftar"}
PERSONS = {"", "orang", "jiwa", "peserta", "penduduk", "org"}
CAKUPAN_MEANINGS = ("registered", "active")


def score_header(cells: list[str]) -> int:
    roles = {COLUMNS.get(norm(c)) for c in cells}
    if not {"count", "year"} <= roles or not roles & {"code", "name"}:
        return 0
    return len(roles - {None})


def import_opendata(
    table: RawTable, header: int, rec, allow_missing_segments: bool, cakupan: str | None = None
) -> pd.DataFrame:
    file = table.file
    names = [str(c).strip() for c in table.cells.iloc[header].tolist()]
    refuse_extra_cells(table, header, names)
    role_of = {}
    for n in names:
        if n:
            role = COLUMNS.get(norm(n))
            role_of.setdefault(role or n, n)
            rec.columns[n] = role or "not recognised (left out)"
    body = frame_below(table, header, names)
    problems: list[Problem] = []
    emit = _Emit(file, problems)
    col = role_of.get
    header_row = int(table.rows[header])
    if col("cakupan"):
        if cakupan not in CAKUPAN_MEANINGS:
            raise PanelValidationError(
                [
                    Problem(
                        file,
                        header_row,
                        col("cakupan"),
                        "'cakupan' means different ratios in different regencies (registered or active ÷ population; "
                        "Dharmasraya calls activity 'cakupan'): declare which one it is with --cakupan registered or "
                        "--cakupan active (uhc brief, batch, validate and import take it; it is then checked against "
                        "the counts), or remove the column",
                    )
                ]
            )
        rec.columns[col("cakupan")] = f"cakupan = {cakupan} ÷ population (declared; checked, then dropped)"
    for needed, label in (("count", "jumlah_peserta"), ("year", "tahun"), ("kind", "jenis_kepesertaan")):
        if not col(needed):
            problems.append(Problem(file, None, label, f"required column {label!r} is missing"))
    if problems:
        raise PanelValidationError(problems)
    label_col = col("name") or col("code")
    totals = [r for r in body.index if is_total_label(body.at[r, label_col])]  # a province's JUMLAH rows
    data = body.drop(index=totals)
    _check_province_totals(body, data, totals, col, emit, rec)
    if data.empty:
        raise PanelValidationError([Problem(file, None, None, "the file has no data rows")])
    count, convention = parse_numbers(data[col("count")], col("count"), emit, int)
    if convention != MIXED:
        text = data[col("count")].str.strip()
        for r in text.index[(text != "") & count.isna()]:
            emit(r, col("count"), f"{text[r]!r} is not a number")
        for r in text.index[text == ""]:
            emit(r, col("count"), "missing value")
    if col("unit"):
        for r in data.index:
            if norm(data.at[r, col("unit")]) not in PERSONS:
                emit(r, col("unit"), f"satuan {data.at[r, col('unit')]!r}: this importer reads counts of persons only")
    years = {}
    for r in data.index:
        text = data.at[r, col("year")].strip()
        if re.fullmatch(r"\d{4}", text) and 1990 <= int(text) <= 2100:
            years[r] = int(text)
        else:
            emit(r, col("year"), f"{text!r} is not a year (YYYY)" if text else "missing year")
    codes, moved = {}, []
    cache = {}
    for r in data.index:
        key = tuple(data.at[r, c] if c else "" for c in (col("code"), col("name"), col("province_name")))
        if key not in cache:
            cache[key] = resolve(*key)
        found = cache[key]
        if found.code is None:
            emit(r, col("code") or col("name"), found.problem)
        else:
            codes[r] = found.code
            if found.how == "bps":
                moved.append(f"{key[0]} {key[1]} -> {found.code}")
    moved = list(dict.fromkeys(moved))
    if moved:
        rec.notes.append(
            f"{len(moved)} BPS code(s) differ from Kemendagri's (Papua since 2022), matched by name: "
            + "; ".join(moved[:6])
            + (" ..." if len(moved) > 6 else "")
        )

    # each row: what it counts
    kinds, segs, status = {}, {}, {}
    for r in data.index:
        kind = norm(data.at[r, col("kind")])
        if kind in POPULATION_KINDS:
            kinds[r] = "population"
        elif kind in ACTIVE_KINDS:
            kinds[r] = "active_total"
        elif kind in INACTIVE_KINDS:
            kinds[r] = "inactive_total"
        elif kind in UNREGISTERED_KINDS:
            kinds[r] = "unregistered"
        elif is_total_label(kind) or kind in {"total peserta", "jumlah peserta"}:
            kinds[r] = "registered_total"
        elif kind in labels():
            kinds[r] = "segment"
            segs[r] = labels()[kind]
        else:
            emit(r, col("kind"), f"unknown jenis_kepesertaan {data.at[r, col('kind')]!r}")
        if col("status"):
            s = norm(data.at[r, col("status")])
            status[r] = "inactive" if s in INACTIVE_KINDS else "active" if s in ACTIVE_KINDS else s
            if kinds.get(r) == "segment" and status[r] not in ("active", "inactive"):
                emit(r, col("status"), f"status {data.at[r, col('status')]!r}: expected AKTIF or TIDAK AKTIF")
    if problems:
        raise PanelValidationError(sorted(dict.fromkeys(problems), key=lambda p: (p.row or 0, p.column or "")))

    frame = pd.DataFrame(
        {
            "row": list(data.index),
            "code": [codes[r] for r in data.index],
            "year": [years[r] for r in data.index],
            "kind": [kinds[r] for r in data.index],
            "segment": [segs.get(r, ("", ""))[0] for r in data.index],
            "part": [segs.get(r, ("", ""))[1] for r in data.index],
            "status": [status.get(r, "") for r in data.index],
            "count": count.loc[data.index].to_numpy(),
        }
    )
    population = _population(frame, data, col, emit)
    long, rows, columns = _to_long(frame, population, col, emit, rec)
    if col("cakupan"):
        _check_cakupan(data, frame, population, col("cakupan"), cakupan, emit)
    if problems:
        raise PanelValidationError(sorted(dict.fromkeys(problems), key=lambda p: (p.row or 0, p.column or "")))
    rec.annual = True
    rec.notes.append("yearly figures: each year is read as its December (the panel is marked annual)")
    panel = validate_panel(
        long, file, 0, rows=pd.Series(rows), columns=columns, allow_missing_segments=allow_missing_segments
    )
    panel.attrs["annual"] = True
    return panel


def _check_province_totals(body, data, totals, col, emit, rec) -> None:
    """A JUMLAH/TOTAL row in place of a region: its count must be the sum of the regions' rows of the same year,
    jenis_kepesertaan (and status); it is then left out."""
    if not totals:
        return
    keys = [c for c in (col("year"), col("kind"), col("status")) if c]
    counts, _ = parse_numbers(data[col("count")], col("count"), lambda *a: None, int)
    sums = counts.groupby([data[c].str.strip().str.upper() for c in keys]).sum()
    for r in totals:
        key = tuple(str(body.at[r, c]).strip().upper() for c in keys)
        stated, _ = parse_numbers(body.loc[[r], col("count")], col("count"), lambda *a: None, int)
        summed = sums.get(key if len(key) > 1 else key[0], 0)
        if stated.iloc[0] != stated.iloc[0] or int(stated.iloc[0]) != int(summed):
            emit(
                r,
                col("count"),
                f"row {r} ({body.at[r, col('name') or col('code')]!r}) looks like a totals row, but "
                f"its {body.at[r, col('count')]} is not the sum of the regions' rows ({int(summed):,}) for "
                f"{' '.join(key)}; remove the row, or correct the figures (rows may be missing)",
            )
    if not emit.problems:
        rec.notes.append(f"{len(totals)} totals row(s) (rows {', '.join(map(str, totals[:5]))}): checked, left out")


def _population(frame: pd.DataFrame, data: pd.DataFrame, col, emit) -> dict:
    """(code, year) -> (population, row)."""
    out = {}
    if col("population"):
        pop, _ = parse_numbers(data[col("population")], col("population"), emit, int)
        for r, code, year in zip(frame["row"], frame["code"], frame["year"], strict=True):
            value = pop[r]
            if value == value:
                if (code, year) in out and out[(code, year)][0] != value:
                    emit(r, col("population"), f"population differs from row {out[(code, year)][1]} of {code} {year}")
                out.setdefault((code, year), (value, r))
    for row in frame[frame["kind"] == "population"].itertuples():
        out.setdefault((row.code, row.year), (row.count, row.row))
    return out


def _to_long(frame, population, col, emit, rec):
    long, rows, columns = [], [], {}
    with_status = bool(col("status")) and (frame["status"].isin(["active", "inactive"])).any()
    for (code, year), group in frame.groupby(["code", "year"], sort=True):
        first = int(group["row"].min())
        if (code, year) not in population:
            emit(first, col("population") or col("kind"), f"{code} {year} has no population (JUMLAH PENDUDUK)")
            continue
        pop, pop_row = population[(code, year)]
        seg = group[group["kind"] == "segment"]
        stated = group[group["kind"] == "registered_total"]["count"].sum(min_count=1)
        act_total = group[group["kind"] == "active_total"]["count"].sum(min_count=1)
        inact_total = group[group["kind"] == "inactive_total"]["count"].sum(min_count=1)
        registered = seg["count"].sum()
        if stated == stated and int(stated) != int(registered):
            r = int(group[group["kind"] == "registered_total"]["row"].iloc[0])
            emit(
                r,
                col("count"),
                f"the total {int(stated):,} is not the sum of {code} {year}'s segments ({int(registered):,})",
            )
        unreg = group[group["kind"] == "unregistered"]
        if len(unreg) and int(unreg["count"].iloc[0]) != int(pop - registered):
            emit(
                int(unreg["row"].iloc[0]),
                col("count"),
                f"belum terdaftar {int(unreg['count'].iloc[0]):,} is not "
                f"population - registered ({int(pop - registered):,})",
            )
        period = f"{year}-12"
        if with_status:
            for segment, rows_of in seg.groupby("segment", sort=False):
                act = rows_of[rows_of["status"] == "active"]["count"].sum()
                reg = rows_of["count"].sum()
                i = len(long)
                row = {
                    "region_code": code,
                    "period": period,
                    "segment": segment,
                    "population": _text(pop),
                    "registered": _text(reg),
                    "active": _text(act),
                }
                parts = rows_of[rows_of["part"] != ""]
                if len(parts) and set(parts["part"]) == {"pn", "bu"} and len(parts) == len(rows_of):
                    for part in ("pn", "bu"):
                        p = parts[parts["part"] == part]
                        row[f"ppu_{part}_registered"] = _text(p["count"].sum())
                        row[f"ppu_{part}_active"] = _text(p[p["status"] == "active"]["count"].sum())
                long.append(row)
                rows.append(int(rows_of["row"].min()))
                columns[(i, "registered")] = col("count")
                columns[(i, "active")] = col("count")
            if act_total == act_total and int(act_total) != int(seg[seg["status"] == "active"]["count"].sum()):
                r = int(group[group["kind"] == "active_total"]["row"].iloc[0])
                emit(r, col("count"), f"AKTIF {int(act_total):,} is not the sum of the segments' active participants")
        else:
            active = act_total if act_total == act_total else registered - inact_total
            if active != active:
                emit(
                    first,
                    col("kind"),
                    f"{code} {year} has no active participants: add rows AKTIF and NON AKTIF "
                    "or a column status_kepesertaan (AKTIF / TIDAK AKTIF); a brief needs them",
                )
                continue
            i = len(long)
            long.append(
                {
                    "region_code": code,
                    "period": period,
                    "population": _text(pop),
                    "registered": _text(registered),
                    "active": _text(active),
                }
            )
            rows.append(first)
            columns[(i, "active")] = col("count")
            columns[(i, "registered")] = col("count")
    if not with_status:
        rec.notes.append("active participants given as region totals: one total row per region and year")
    frame_long = pd.DataFrame(long).fillna("") if long else pd.DataFrame(columns=["region_code", "period"])
    columns.update({(i, "population"): col("population") or col("kind") for i in range(len(frame_long))})
    columns.update({(i, "region_code"): col("code") or col("name") for i in range(len(frame_long))})
    columns.update({(i, "period"): col("year") for i in range(len(frame_long))})
    return frame_long, rows, columns


def _check_cakupan(data, frame, population, column, meaning, emit) -> None:
    by_key = frame.assign(active=np.where(frame["status"] == "active", frame["count"], 0))
    seg = by_key[by_key["kind"] == "segment"].groupby(["code", "year"])[["count", "active"]].sum()
    for r, code, year in zip(frame["row"], frame["code"], frame["year"], strict=True):
        text = str(data.at[r, column]).strip().replace("%", "").replace(",", ".")
        if not text or (code, year) not in population or (code, year) not in seg.index:
            continue
        try:
            stated = float(text)
        except ValueError:
            emit(r, column, f"{data.at[r, column]!r} is not a percentage")
            continue
        numerator = seg.loc[(code, year), "count" if meaning == "registered" else "active"]
        computed = 100 * numerator / population[(code, year)][0]
        decimals = len(text.split(".")[1]) if "." in text else 0
        if abs(stated - computed) > 0.5 * 10**-decimals + 1e-9:
            emit(r, column, f"cakupan {data.at[r, column]} is not {meaning} ÷ population ({computed:.2f}) as declared")
