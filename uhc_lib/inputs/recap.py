"""A BPJS segment recap: one row per kab/kota (and month), a column per segment, as branches and Pemda write it.

Columns are recognised by their labels (FACTS §4; ``data/rules/segment_labels.csv``), case, spaces and punctuation
aside: the region (``Kode``/``Kab/Kota``: a Kemendagri or BPS code and/or a name), the month (a column, or a title
row such as ``REKAPITULASI ... BULAN JULI 2024``), ``Jumlah Penduduk``, a column per segment (``PBI APBN``,
``PBI APBD``, ``PPU PN``, ``PPU BU``, ``PBPU``, ``BP``...) with, when the recap has them, its active and inactive
participants (``PBI APBN Aktif``, or a second header row ``Aktif | Non Aktif | Jumlah`` under a merged segment),
totals (``Jumlah Peserta``, ``Aktif``, ``Non Aktif``) and ``Belum Terdaftar``.

What is checked: every stated total is the sum of its parts (segments, PN + BU, aktif + nonaktif), ``belum
terdaftar`` is the population minus the registered, a ``JUMLAH`` row is the sum of the rows above. Then ``belum
terdaftar`` and the totals are dropped (they are computed from the rest). PPU PN/BU, the Pemda's payers
(province, kab/kota) and BP paid by the state (veterans, perintis kemerdekaan, pensioners) against the other BP are
kept as sub-splits of their segment's row. A recap with active participants only as a
total (not by segment) becomes one total row per region and month: the segments are checked, not kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from uhc_lib.common.config import RULES_DIR
from uhc_lib.common.problems import Problem
from uhc_lib.inputs.dialects import RawTable
from uhc_lib.inputs.numbers import MIXED, parse_numbers
from uhc_lib.inputs.panel import validate_panel
from uhc_lib.inputs.region_match import resolve
from uhc_lib.inputs.schema import SUBSPLIT_ACTIVE, SUBSPLIT_PARTS, PanelValidationError
from uhc_lib.inputs.tables import (
    check_totals_row,
    frame_below,
    is_total_label,
    norm,
    period_from_text,
    refuse_extra_cells,
)
from uhc_lib.rules import segments

_INACTIVE = re.compile(r"\b(non ?aktif|tidak aktif|tdk aktif|nonaktif)\b")
_ACTIVE = re.compile(r"\baktif\b")
_REGISTERED = re.compile(r"\b(jumlah|jml|total|terdaftar)\b")
_FILLER = re.compile(r"\b(peserta|jkn|kis|jumlah|jml|total|terdaftar|orang|jiwa|segmen)\b")
_STATUS_WORDS = {"aktif", "non aktif", "nonaktif", "tidak aktif", "jumlah", "total", "terdaftar", "jml"}

REGION_CODE = {"kode", "kode wilayah", "kode kab kota", "kode kabupaten kota", "kode kemendagri", "kode bps", "kd"}
REGION_NAME = {
    "kab kota", "kabupaten kota", "nama kab kota", "nama kabupaten kota", "wilayah", "nama wilayah", "nama",
    "kabupaten", "kota", "daerah", "kab", "nama daerah",
}  # fmt: skip
PROVINCE = {"provinsi", "nama provinsi", "prov"}
PERIOD = {"periode", "bulan", "bulan tahun", "periode data", "posisi", "posisi data", "bulan laporan"}
POPULATION = {"penduduk", "jumlah penduduk", "jml penduduk", "total penduduk", "penduduk dukcapil"}
UNREGISTERED = {"belum terdaftar", "belum tercover", "penduduk belum terdaftar", "belum terdaftar jkn", "belum jkn"}
IGNORED = {"no", "nomor", "no urut", "keterangan", "ket"}


@lru_cache(maxsize=1)
def labels() -> dict[str, tuple[str, str]]:
    """Normalised segment label -> (segment, part); part is '' or a sub-split (schema.SUBSPLIT_PARTS)."""
    table = pd.read_csv(RULES_DIR / "segment_labels.csv", dtype=str, keep_default_na=False)
    out = {norm(r.label): (r.segment, r.part) for r in table.itertuples()}
    for code in segments.segment_codes():
        out.setdefault(norm(code), (code, ""))
    return out


@dataclass(frozen=True)
class Role:
    """What a recap column holds: kind (region_code, region_name, province, period, population, segment, total,
    unregistered, ignored), and for a segment or total its segment, part and status (registered/active/inactive)."""

    kind: str
    segment: str = ""
    part: str = ""
    status: str = "registered"


def classify(label: str) -> Role | None:
    text = norm(label)
    if not text:
        return None
    if text in IGNORED or "%" in text or "persen" in text or "cakupan" in text or "keaktifan" in text:
        return Role("ignored")
    for kind, names in (
        ("region_code", REGION_CODE),
        ("region_name", REGION_NAME),
        ("province", PROVINCE),
        ("period", PERIOD),
        ("population", POPULATION),
        ("unregistered", UNREGISTERED),
    ):
        if text in names:
            return Role(kind)
    status = "inactive" if _INACTIVE.search(text) else "active" if _ACTIVE.search(text) else "registered"
    rest = _INACTIVE.sub(" ", text) if status == "inactive" else _ACTIVE.sub(" ", text)
    rest = re.sub(r"\s+", " ", rest).strip()
    if rest in labels():
        segment, part = labels()[rest]
        return Role("segment", segment, part, status)
    bare = re.sub(r"\s+", " ", _FILLER.sub(" ", rest)).strip()
    if bare in labels():
        segment, part = labels()[bare]
        return Role("segment", segment, part, status)
    if not bare:
        return Role("total", status=status)
    return None


def score_header(cells: list[str]) -> int:
    """How recap-like a header row is: recognised segment columns plus region and population columns."""
    roles = [classify(c) for c in cells]
    seg = len({(r.segment, r.part) for r in roles if r is not None and r.kind == "segment"})
    region = any(r is not None and r.kind in ("region_code", "region_name") for r in roles)
    if seg < 2 or not region:
        return 0
    return seg + region + any(r is not None and r.kind == "population" for r in roles)


def _header_names(table: RawTable, header: int) -> tuple[list[str], int]:
    """Column labels (a second header row of Aktif / Non Aktif / Jumlah joined to the merged segment above it)
    and the grid position of the last header row."""
    upper = [str(c).strip() for c in table.cells.iloc[header].tolist()]
    if header + 1 >= len(table.cells):
        return upper, header
    lower = [str(c).strip() for c in table.cells.iloc[header + 1].tolist()]
    if sum(norm(c) in _STATUS_WORDS for c in lower) < 2:
        return upper, header
    names, current = [], ""
    for up, low in zip(upper, lower, strict=True):
        current = up or (current if low else "")
        names.append(f"{current} {low}".strip() if low else up)
    return names, header + 1


def import_recap(table: RawTable, header: int, rec, allow_missing_segments: bool) -> pd.DataFrame:
    """The validated panel of a recap; ``rec`` (a Recognition) is filled with what was read."""
    file = table.file
    names, last_header = _header_names(table, header)
    names = [n if n else "" for n in names]
    refuse_extra_cells(table, last_header, names)
    roles = {}
    for n in names:
        if n and n not in roles:
            role = classify(n)
            roles[n] = role
            rec.columns[n] = _describe(role)
    body = frame_below(table, last_header, names)
    problems: list[Problem] = []
    code_col = next((n for n, r in roles.items() if r and r.kind == "region_code"), None)
    name_col = next((n for n, r in roles.items() if r and r.kind == "region_name"), None)
    prov_col = next((n for n, r in roles.items() if r and r.kind == "province"), None)
    period_col = next((n for n, r in roles.items() if r and r.kind == "period"), None)
    pop_col = next((n for n, r in roles.items() if r and r.kind == "population"), None)
    if pop_col is None:
        problems.append(Problem(file, None, "Jumlah Penduduk", "the recap has no population column (Jumlah Penduduk)"))
    label_col = name_col or code_col

    # totals rows: their label says so; checked against the sums of the rows above, then left out
    total_rows = [r for r in body.index if is_total_label(body.at[r, label_col])] if label_col else []
    if code_col and name_col:
        total_rows += [r for r in body.index if r not in total_rows and is_total_label(body.at[r, code_col])]
    data = body.drop(index=total_rows)
    if data.empty:
        raise PanelValidationError([Problem(file, None, None, "the file has no data rows")])

    numbers: dict[str, pd.Series] = {}
    emit = _Emit(file, problems)
    for n, role in roles.items():
        if role is not None and role.kind in ("population", "segment", "total", "unregistered"):
            numbers[n], convention = parse_numbers(data[n], n, emit, int)
            if convention != MIXED:
                text = data[n].str.strip()
                for r in text.index[(text != "") & numbers[n].isna()]:
                    emit(r, n, f"{text[r]!r} is not a number")
    for r in total_rows:
        stated, sums = {}, {}
        for n in numbers:
            value, _ = parse_numbers(body.loc[[r], n], n, lambda *a: None, int)
            stated[n], sums[n] = value.iloc[0], numbers[n][data.index < r].sum()
        problem = check_totals_row(file, int(r), str(body.at[r, label_col]), stated, sums)
        if problem:
            problems.append(problem)
        else:
            rec.notes.append(f"row {r} ({body.at[r, label_col]!r}) is a totals row: its figures are the sums, left out")

    codes = _regions(data, code_col, name_col, prov_col, emit, rec)
    periods = _periods(table, header, data, period_col, emit, rec)
    seg_cols = _segment_columns(roles, emit)
    totals = {r.status: n for n, r in roles.items() if r and r.kind == "total"}
    unregistered = next((n for n, r in roles.items() if r and r.kind == "unregistered"), None)

    def num(col: str | None) -> pd.Series:
        return numbers[col] if col is not None else pd.Series(np.nan, index=data.index)

    by_segment = {}
    for seg, cols in seg_cols.items():
        by_segment[seg] = _segment_figures(seg, cols, num, emit, data.index)
    has_active = any(v["active_col"] is not None for v in by_segment.values())
    registered_sum = sum((v["registered"] for v in by_segment.values()), pd.Series(0.0, index=data.index))
    blank_all = pd.concat([v["registered"] for v in by_segment.values()], axis=1).isna().all(axis=1)
    reg_total = num(totals.get("registered"))
    act_total = num(totals.get("active"))
    inact_total = num(totals.get("inactive"))
    for r in data.index:
        _check_sum(emit, r, totals.get("registered"), reg_total[r], registered_sum[r], "the sum of the segments")
        if totals.get("active") and totals.get("inactive") and totals.get("registered"):
            _check_sum(emit, r, totals["registered"], reg_total[r], act_total[r] + inact_total[r], "aktif + nonaktif")
        if has_active:
            active_sum = sum(v["active"][r] for v in by_segment.values() if v["active"][r] == v["active"][r])
            _check_sum(emit, r, totals.get("active"), act_total[r], active_sum, "the sum of the segments' active")
        if unregistered is not None and pop_col is not None:
            reg = reg_total[r] if reg_total[r] == reg_total[r] else registered_sum[r]
            _check_sum(emit, r, unregistered, num(unregistered)[r], num(pop_col)[r] - reg, "penduduk - terdaftar")
    if unregistered is not None:
        rec.notes.append(f"'{unregistered}' checked against population - registered on every row, then dropped")

    if problems:
        raise PanelValidationError(sorted(dict.fromkeys(problems), key=lambda p: (p.row or 0, p.column or "")))

    long, rows, columns = [], [], {}
    population = num(pop_col)
    for r in data.index:
        base = {"region_code": codes[r], "period": periods[r], "population": _text(population[r])}
        if not has_active:
            active = act_total[r] if act_total[r] == act_total[r] else reg_total[r] - inact_total[r]
            registered = reg_total[r] if reg_total[r] == reg_total[r] else registered_sum[r]
            if blank_all[r] and reg_total[r] != reg_total[r]:
                registered = np.nan
            i = len(long)
            long.append({**base, "registered": _text(registered), "active": _text(active)})
            rows.append(r)
            columns[(i, "registered")] = totals.get("registered", "(sum of the segments)")
            columns[(i, "active")] = totals.get("active") or totals.get("inactive") or "Aktif"
            continue
        for seg, fig in by_segment.items():
            if fig["registered"][r] != fig["registered"][r] and fig["active"][r] != fig["active"][r]:
                continue  # a blank segment: missing for this month (checked by the panel's completeness)
            i = len(long)
            row = {**base, "segment": seg, "registered": _text(fig["registered"][r]), "active": _text(fig["active"][r])}
            for detail, series in fig["details"].items():
                row[detail] = _text(series[r])
            long.append(row)
            rows.append(r)
            columns[(i, "registered")] = fig["registered_col"]
            columns[(i, "active")] = fig["active_col"]
    if not has_active:
        rec.notes.append(
            "active participants are given only as a total, not by segment: the panel has one total row per "
            "region and month (the segments were checked against the total, not kept)"
        )
    frame = pd.DataFrame(long).fillna("")
    columns.update({(i, "population"): pop_col for i in range(len(frame))})
    columns.update({(i, "region_code"): code_col or name_col for i in range(len(frame))})
    columns.update({(i, "period"): period_col or "(title)" for i in range(len(frame))})
    return validate_panel(
        frame, file, 0, rows=pd.Series(rows), columns=columns, allow_missing_segments=allow_missing_segments
    )


class _Emit:
    def __init__(self, file: str, problems: list[Problem]):
        self.file, self.problems = file, problems

    def __call__(self, row, column, message):
        self.problems.append(Problem(self.file, None if row is None else int(row), column, message))


def _text(value: float) -> str:
    return "" if value != value else str(int(value)) if float(value).is_integer() else str(value)


def _describe(role: Role | None) -> str:
    if role is None:
        return "not recognised (left out)"
    if role.kind == "segment":
        part = f" ({role.part})" if role.part else ""
        return f"{role.status} {role.segment}{part}"
    if role.kind == "total":
        return f"{role.status} total (checked)"
    if role.kind == "unregistered":
        return "belum terdaftar (checked, dropped)"
    if role.kind == "ignored":
        return "left out (computed or a row number)"
    return role.kind


def _segment_columns(roles: dict[str, Role | None], emit) -> dict[str, dict]:
    """segment -> {(part, status): column}, in the segments' display order; two columns read the same way (e.g.
    ``Veteran`` and ``Pensiunan``, both BP paid by the state) are refused, never one silently dropped."""
    out: dict[str, dict] = {}
    for n, role in roles.items():
        if role is not None and role.kind == "segment":
            found = out.setdefault(role.segment, {})
            key = (role.part, role.status)
            if key in found:
                emit(
                    None,
                    n,
                    f"{n!r} and {found[key]!r} both read as {_describe(role)}; add them up into one column "
                    "or rename one",
                )
                continue
            found[key] = n
    order = segments.segment_codes()
    return {s: out[s] for s in order if s in out}


def _segment_figures(seg: str, cols: dict, num, emit, index) -> dict:
    """Registered and active of a segment from its columns (whole, parts, registered/active/inactive)."""

    def figures(part: str) -> tuple[pd.Series, pd.Series, str | None, str | None]:
        reg_col, act_col, inact_col = (cols.get((part, s)) for s in ("registered", "active", "inactive"))
        reg, act, inact = num(reg_col), num(act_col), num(inact_col)
        if reg_col is None and act_col is not None and inact_col is not None:
            reg = act + inact
            reg_col = f"{act_col} + {inact_col}"
        if act_col is None and inact_col is not None:
            act = reg - inact
            act_col = f"{reg_col} - {inact_col}"
        elif reg_col is not None and act_col is not None and inact_col is not None:
            for r in index:
                _check_sum(emit, r, reg_col, reg[r], act[r] + inact[r], f"{act_col} + {inact_col}")
        for r in index:
            if reg[r] == reg[r] and act[r] == act[r] and act[r] > reg[r]:
                emit(r, act_col, f"active ({int(act[r]):,}) is greater than registered ({int(reg[r]):,})")
        return reg, act, reg_col, act_col

    reg, act, reg_col, act_col = figures("")
    details: dict[str, pd.Series] = {}
    parts = sorted({p for p, _ in cols if p})
    prefix = SUBSPLIT_PARTS.get(seg, {})
    sub = list(prefix)
    if parts and set(parts) != set(sub):
        emit(
            None,
            cols[(parts[0], next(s for p, s in cols if p == parts[0]))],
            f"{seg} has a sub-split column for {', '.join(parts)} only; give every part ({', '.join(sub)}) or none",
        )
    elif parts:
        part_figs = {p: figures(p) for p in sub}
        part_reg = sum((f[0] for f in part_figs.values()), pd.Series(0.0, index=index))
        part_act = sum((f[1] for f in part_figs.values()), pd.Series(0.0, index=index))
        if reg_col is None:
            reg, reg_col = part_reg, " + ".join(str(f[2]) for f in part_figs.values())
        else:
            for r in index:
                _check_sum(emit, r, reg_col, reg[r], part_reg[r], " + ".join(str(f[2]) for f in part_figs.values()))
        has_part_active = all(f[3] is not None for f in part_figs.values())
        if act_col is None and has_part_active:
            act, act_col = part_act, " + ".join(str(f[3]) for f in part_figs.values())
        for p, f in part_figs.items():
            details[f"{prefix[p]}_registered"] = f[0]
            if seg in SUBSPLIT_ACTIVE and has_part_active:
                details[f"{prefix[p]}_active"] = f[1]
    return {"registered": reg, "active": act, "registered_col": reg_col, "active_col": act_col, "details": details}


def _check_sum(emit, row, column: str | None, stated: float, computed: float, what: str) -> None:
    if column is None or stated != stated or computed != computed:
        return
    if int(round(stated)) != int(round(computed)):
        emit(row, column, f"{int(stated):,} is not {what} ({int(computed):,}); correct the figures")


def _regions(data, code_col, name_col, prov_col, emit, rec) -> pd.Series:
    out = {}
    moved = []
    for r in data.index:
        code = data.at[r, code_col] if code_col else ""
        name = data.at[r, name_col] if name_col else ""
        province = data.at[r, prov_col] if prov_col else ""
        found = resolve(code, name, province)
        if found.code is None:
            emit(r, code_col or name_col, found.problem)
            out[r] = ""
        else:
            out[r] = found.code
            if found.how == "bps":
                moved.append(f"{code} {name} -> {found.code}")
    if moved:
        rec.notes.append(f"{len(moved)} BPS code(s) differ from Kemendagri's, matched by name: {'; '.join(moved[:5])}")
    return pd.Series(out)


def _periods(table, header, data, period_col, emit, rec) -> pd.Series:
    if period_col is not None:
        out = {}
        for r in data.index:
            text = data.at[r, period_col]
            found = period_from_text(text)
            if found is None:
                emit(
                    r, period_col, f"{text!r} is not a month (write 2024-07 or Juli 2024)" if text else "missing month"
                )
            out[r] = "" if found is None else str(found)
        return pd.Series(out)
    for position in range(header):
        text = " ".join(c for c in table.cells.iloc[position].tolist() if c)
        found = period_from_text(text)
        if found is not None:
            rec.notes.append(f"month {found} read from the title row {int(table.rows[position])}: {text!r}")
            return pd.Series(str(found), index=data.index)
    emit(
        None,
        None,
        "the recap names no month: add a column 'Periode' (2024-07) or a title row such as "
        "'REKAPITULASI KEPESERTAAN JKN BULAN JULI 2024'",
    )
    return pd.Series("", index=data.index)
