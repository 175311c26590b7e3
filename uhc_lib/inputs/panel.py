"""Read a participation panel from CSV, Excel or Parquet, validate it and return the tidy panel.

Every problem in the file is collected and raised at once as :class:`PanelValidationError`, each naming the file,
the row as a spreadsheet shows it (header = row 1) and the column. Nothing is written.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from uhc_lib.common.config import CACHE_DIR, EMBEDDED_PANEL
from uhc_lib.common.problems import Problem
from uhc_lib.inputs import reference
from uhc_lib.inputs.dialects import file_kind
from uhc_lib.inputs.numbers import MIXED, parse_numbers
from uhc_lib.inputs.schema import (
    ARREARS_COLUMN,
    CHECK_MESSAGES,
    COLUMN_ALIASES,
    COUNT_COLUMNS,
    DETAIL_COLUMNS,
    INDONESIAN_NAMES,
    KEY_COLUMNS,
    REQUIRED_COLUMNS,
    SUBSPLITS,
    PanelValidationError,
    panel_schema,
)
from uhc_lib.rules import segments

_CODE = re.compile(r"^\d{2}\.\d{2}$")
_NUMBER_LIKE_CODE = re.compile(r"^\d{1,2}(\.\d)?$|^\d+\.\d+$")
_PERIOD = re.compile(r"^(\d{4})-(\d{1,2})(-\d{1,2}([ T].*)?)?$")


class _ProblemLog:
    """Collects problems; called as ``log(index, column, message)`` with a frame index.

    The row a user sees is ``index + row_offset``, or ``rows[index]`` when the frame's rows were made from other
    rows of the file (an importer's wide row becomes several panel rows), ``columns`` renaming a panel column to the
    file's own name for that row.
    """

    def __init__(self, file: str, row_offset: int, rows=None, columns=None):
        self.file, self.row_offset, self.problems = file, row_offset, []
        self.rows, self.columns = rows, columns
        self.bad: set = set()

    def row(self, index: int) -> int:
        return int(self.rows[index]) if self.rows is not None else int(index) + self.row_offset

    def column(self, index: int | None, column: str | None) -> str | None:
        if self.columns is None or index is None or column is None:
            return column
        return self.columns.get((index, column), column)

    def __call__(self, index: int | None, column: str | None, message: str) -> None:
        if index is not None:
            self.bad.add(index)
        row = None if index is None else self.row(index)
        self.problems.append(Problem(self.file, row, self.column(index, column), message))


MAX_COUNT = 10**10  # more persons than any region (or country) has: a unit or typing error


def _canonical_columns(columns: list[str]) -> dict[str, str]:
    """canonical name -> column name in the file (case-insensitive, Indonesian aliases accepted)."""
    out: dict[str, str] = {}
    for col in columns:
        key = col.strip().lower().replace(" ", "_")
        key = COLUMN_ALIASES.get(key, key)
        out.setdefault(key, col)
    return out


def _parse_codes(values: pd.Series, numeric: pd.Series | None, emit) -> pd.Series:
    codes = values.str.strip()
    well_formed = codes.str.fullmatch(_CODE.pattern)
    as_number = numeric.astype(bool) if numeric is not None else pd.Series(False, index=codes.index)
    bad = as_number | ~well_formed | ~codes.isin(reference.region_codes())
    for i in codes.index[bad]:
        code = codes[i]
        if as_number[i]:
            emit(
                i,
                "region_code",
                f"code {code!r} is stored as a number; store region codes as text (e.g. '11.10', not 11.1)",
            )
        elif code == "":
            emit(i, "region_code", "missing region code")
        elif not well_formed[i]:
            if _NUMBER_LIKE_CODE.match(code):
                emit(
                    i,
                    "region_code",
                    f"code {code!r} looks like a number that lost digits (a trailing zero?); "
                    "write codes as text 'NN.NN', e.g. '11.10'",
                )
            else:
                emit(i, "region_code", f"{code!r} is not a kab/kota code of the form 'NN.NN'")
        else:
            emit(i, "region_code", f"unknown kabupaten/kota code {code!r}")
    return codes


def _period_or_none(text: str) -> pd.Period | None:
    m = _PERIOD.match(text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return pd.Period(year=int(m.group(1)), month=int(m.group(2)), freq="M")


def _parse_periods(values: pd.Series, emit) -> pd.Series:
    text = values.str.strip()
    lookup = {t: _period_or_none(t) for t in text.unique()}  # a panel has few distinct months
    parsed = text.map(lookup)
    for i in text.index[parsed.isna()]:
        emit(i, "period", f"{text[i]!r} is not a month of the form YYYY-MM" if text[i] else "missing period")
    return parsed.astype("period[M]")


def _parse_counts(values: pd.Series, column: str, emit) -> pd.Series:
    text = values.str.strip()
    numbers, convention = parse_numbers(text, column, emit, emit.row)
    if convention == MIXED:
        emit.bad.update(text.index)  # the column was refused as a whole
        return numbers
    for i in text.index[text == ""]:
        emit(i, column, "missing value")
    for i in text.index[(text != "") & numbers.isna()]:
        emit(i, column, f"{text[i]!r} is not a number")
    huge = numbers.abs() > MAX_COUNT
    for i in numbers.index[huge]:
        emit(i, column, f"{text[i]!r} is larger than any population (more than {MAX_COUNT:,}); check the units")
    numbers = numbers.where(~huge)
    fractional = numbers.notna() & (numbers != np.floor(numbers.fillna(0)))
    for i in numbers.index[fractional]:
        emit(i, column, f"{text[i]!r} is not a whole number of persons")
    return numbers.where(~fractional)


def _parse_rupiah(values: pd.Series, column: str, emit) -> pd.Series:
    """Whole rupiah, blank allowed (not known)."""
    text = values.str.strip()
    numbers, convention = parse_numbers(text, column, emit, emit.row)
    if convention == MIXED:
        emit.bad.update(text.index)
        return numbers.astype("Int64")
    for i in text.index[(text != "") & numbers.isna()]:
        emit(i, column, f"{text[i]!r} is not a number of rupiah")
    fractional = numbers.notna() & (numbers != np.floor(numbers.fillna(0)))
    for i in numbers.index[fractional]:
        emit(i, column, f"{text[i]!r} is not a whole number of rupiah")
    negative = numbers.notna() & (numbers < 0)
    for i in numbers.index[negative]:
        emit(i, column, f"rupiah must not be negative (got {text[i]})")
    return numbers.where(~fractional & ~negative).round().astype("Int64")


TOTAL_LABELS = {"total", "jumlah", "semua", "semua segmen", "total peserta", "jumlah peserta", "grand total"}


def _segments(values: pd.Series, emit) -> pd.Series:
    aliases = {**segments.alias_map(), **dict.fromkeys(TOTAL_LABELS, segments.TOTAL)}
    cleaned = values.str.strip().str.lower()
    out = cleaned.map(aliases)
    for i in out.index[out.isna()]:
        emit(
            i,
            "segment",
            f"unknown segment {values[i]!r} (expected one of {', '.join(segments.segment_codes())})"
            if values[i].strip()
            else "missing segment",
        )
    return out


def _stated_totals(typed: pd.DataFrame, emit) -> list:
    """Total rows beside a region-month's segment rows: checked against the segments' sum, then left out."""
    is_total = typed["segment"] == segments.TOTAL
    if not is_total.any() or is_total.all():
        return []
    parts = typed[~is_total].groupby(["region_code", "period"])[["registered", "active"]].sum()
    out = []
    for i in typed.index[is_total]:
        key = (typed.at[i, "region_code"], typed.at[i, "period"])
        if key not in parts.index:
            continue  # the region-month's only figures
        out.append(i)
        for c in ("registered", "active"):
            stated, summed = int(typed.at[i, c]), int(parts.at[key, c])
            if stated != summed:
                emit(
                    i,
                    c,
                    f"the total row of {key[0]} {key[1]} says {stated:,} {c}, but its segment rows add up to "
                    f"{summed:,}; correct the figures (a segment row may be missing)",
                )
    return out


def validate_panel(
    raw: pd.DataFrame,
    file: str,
    row_offset: int = 2,
    numeric_codes: pd.Series | None = None,
    rows: pd.Series | None = None,
    columns: dict | None = None,
    allow_missing_segments: bool = False,
) -> pd.DataFrame:
    """Turn raw string cells into the tidy typed panel, or raise with every problem found.

    ``rows`` (index -> row number) and ``columns`` ((index, panel column) -> the file's column) let an importer
    name the cells of its own file. A region-month without a segment that the region's other months have is a
    problem unless ``allow_missing_segments``; then it is listed in ``panel.attrs["missing_segments"]``.
    """
    emit = _ProblemLog(file, row_offset, rows, columns)
    problems = emit.problems
    raw = raw.fillna("").astype("str")

    found = _canonical_columns(list(raw.columns))
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    indonesian = _indonesian_headers(list(raw.columns))
    for c in missing:
        name = INDONESIAN_NAMES[c] if indonesian else c
        what = f"{name!r} ({c})" if indonesian else repr(c)
        emit(None, name, f"required column {what} is missing (columns found: {', '.join(map(str, raw.columns))})")
    if missing:
        raise PanelValidationError(problems)
    if raw.empty:
        raise PanelValidationError([Problem(file, None, None, "the file has no data rows")])

    typed = pd.DataFrame(index=raw.index)
    typed["region_code"] = _parse_codes(raw[found["region_code"]], numeric_codes, emit)
    typed["period"] = _parse_periods(raw[found["period"]], emit)
    typed["segment"] = _segments(raw[found["segment"]], emit) if "segment" in found else segments.TOTAL
    for c in COUNT_COLUMNS:
        typed[c] = _parse_counts(raw[found[c]], c, emit)
    if ARREARS_COLUMN in found:
        typed[ARREARS_COLUMN] = _parse_rupiah(raw[found[ARREARS_COLUMN]], ARREARS_COLUMN, emit)
    details = [c for c in DETAIL_COLUMNS if c in found]
    for c in details:
        typed[c] = _parse_optional_counts(raw[found[c]], c, emit)

    good = typed.drop(index=sorted(emit.bad)).astype({c: "int64" for c in COUNT_COLUMNS})
    import pandera.pandas as pa

    schema = panel_schema(reference.region_codes(), segments.segment_codes())
    try:
        schema.validate(good, lazy=True)
    except pa.errors.SchemaErrors as err:
        _translate(err.failure_cases, good, emit)
    _check_duplicates(typed, emit)
    _check_population_consistent(good, emit)
    _check_details(good, details, emit)
    stated = _stated_totals(good, emit)
    good = good.drop(index=stated)
    typed = typed.drop(index=stated)
    gaps = _missing_segments(typed.dropna(subset=["region_code", "period", "segment"]))
    if not allow_missing_segments:
        _report_missing_segments(typed, gaps, emit)

    if problems:
        problems.sort(key=lambda p: (p.row if p.row is not None else -1, p.column or ""))
        raise PanelValidationError(_unique(problems))
    out = good.sort_values(KEY_COLUMNS).reset_index(drop=True)
    if stated:
        out.attrs["checked_totals"] = [emit.row(i) for i in stated]
    if gaps:
        out.attrs["missing_segments"] = [f"{code} {period} {' '.join(segs)}" for (code, period), segs in gaps.items()]
    return out


def _indonesian_headers(columns: list[str]) -> bool:
    """Whether the file's recognised headers are Indonesian aliases rather than the English names."""
    keys = [str(c).strip().lower().replace(" ", "_") for c in columns]
    return any(k in COLUMN_ALIASES for k in keys) and not any(k in REQUIRED_COLUMNS for k in keys)


def _parse_optional_counts(values: pd.Series, column: str, emit) -> pd.Series:
    """Whole persons, blank allowed (a sub-split given on some rows only)."""
    text = values.str.strip()
    numbers, convention = parse_numbers(text, column, emit, emit.row)
    if convention == MIXED:
        emit.bad.update(text.index)
    else:
        for i in text.index[(text != "") & numbers.isna()]:
            emit(i, column, f"{text[i]!r} is not a number")
        bad = numbers.notna() & ((numbers != np.floor(numbers.fillna(0))) | (numbers < 0) | (numbers > MAX_COUNT))
        for i in numbers.index[bad]:
            emit(i, column, f"{text[i]!r} is not a whole, non-negative number of persons")
        numbers = numbers.where(~bad)
    return numbers.round().astype("Int64")


def _check_details(typed: pd.DataFrame, details: list[str], emit) -> None:
    """A sub-split (PPU PN/BU, the Pemda's payers) is on its segment's rows and adds up to the row's count."""
    for segment, parts in SUBSPLITS.items():
        for measure in ("registered", "active"):
            cols = [f"{part}_{measure}" for part in parts]
            if not all(c in details for c in cols):
                if any(c in details for c in cols):
                    given = next(c for c in cols if c in details)
                    emit(None, given, f"{given} is given without {', '.join(c for c in cols if c not in details)}")
                continue
            given = typed[cols].notna().any(axis=1)
            for i in typed.index[given & (typed["segment"] != segment)]:
                emit(i, cols[0], f"a {segment} sub-split ({', '.join(cols)}) on a {typed.at[i, 'segment']} row")
            rows = typed.index[given & (typed["segment"] == segment)]
            for i in rows:
                parts_sum = typed.loc[i, cols]
                if parts_sum.isna().any() or int(parts_sum.sum()) != int(typed.at[i, measure]):
                    shown = " + ".join("blank" if pd.isna(v) else f"{int(v):,}" for v in parts_sum)
                    emit(
                        i,
                        cols[0],
                        f"{' + '.join(cols)} ({shown}) is not the row's {measure} ({typed.at[i, measure]:,})",
                    )


def _missing_segments(typed: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """(region, month) -> segments the region has in other months but not in this one."""
    keys = typed.loc[typed["segment"] != segments.TOTAL, ["region_code", "period", "segment"]].drop_duplicates()
    if keys.empty:
        return {}
    keys = keys.assign(period=keys["period"].astype(str))
    expected = keys[["region_code", "segment"]].drop_duplicates()
    months = keys[["region_code", "period"]].drop_duplicates()
    full = months.merge(expected, on="region_code")
    if len(full) == len(keys):
        return {}
    absent = full.merge(keys, how="left", indicator=True)
    absent = absent[absent["_merge"] == "left_only"]
    order = {s: i for i, s in enumerate(segments.segment_codes())}
    absent = absent.assign(rank=absent["segment"].map(order)).sort_values(["region_code", "period", "rank"])
    return {k: list(g["segment"]) for k, g in absent.groupby(["region_code", "period"], sort=True)}


def _report_missing_segments(typed: pd.DataFrame, gaps: dict, emit) -> None:
    for (code, period), absent in gaps.items():
        rows = typed[(typed["region_code"] == code) & (typed["period"].astype(str) == period)]
        emit(
            rows.index.min(),
            "segment",
            f"{code} {period} has no figures for {', '.join(absent)}, which its other months have: its coverage and "
            "activity would be too low; add the missing segment rows (0 if there was nobody), or accept the gap "
            "with --allow-missing-segments (uhc brief, batch, validate and import take it; briefs from that data "
            "say so)",
        )


def _translate(cases: pd.DataFrame, typed: pd.DataFrame, emit) -> None:
    for case in cases.itertuples():
        check = str(case.check)
        if check == "multiple_fields_uniqueness":
            continue  # reported with the rows it duplicates by _check_duplicates
        if check == "active_le_registered":
            i = case.index
            emit(
                i,
                "active",
                f"active ({typed.at[i, 'active']}) is greater than registered ({typed.at[i, 'registered']})",
            )
            continue
        message = CHECK_MESSAGES.get(check, f"failed check {check}: {{value!r}}")
        emit(case.index, case.column if isinstance(case.column, str) else None, message.format(value=case.failure_case))


def _check_duplicates(typed: pd.DataFrame, emit) -> None:
    keyed = typed.dropna(subset=["region_code", "period", "segment"])
    dup = keyed[keyed.duplicated(KEY_COLUMNS, keep=False)]
    for _, group in dup.groupby(KEY_COLUMNS, sort=False):
        first = int(group.index[0])
        for i in group.index[1:]:
            emit(
                i,
                "region_code",
                f"duplicate row for {group.at[i, 'region_code']} {group.at[i, 'period']}"
                f"{'' if group.at[i, 'segment'] == 'total' else ' ' + group.at[i, 'segment']}"
                f" (first seen in row {emit.row(first)})",
            )


def _check_population_consistent(typed: pd.DataFrame, emit) -> None:
    spread = typed.groupby(["region_code", "period"])["population"].transform("nunique")
    for i in typed.index[spread > 1]:
        emit(
            i,
            "population",
            f"population differs between segment rows of {typed.at[i, 'region_code']} "
            f"{typed.at[i, 'period']} (it is the region's population, the same on every row)",
        )


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


DEFAULT_OPTIONS = (None, None, False, None)  # layout, sheet, allow_missing_segments, cakupan


def _cache_path(path: Path, options: tuple = DEFAULT_OPTIONS) -> Path:
    digest = hashlib.sha256(path.read_bytes() + repr(options).encode()).hexdigest()[:24]
    return CACHE_DIR / f"panel-v2-{digest}.parquet"


def _parse(path: Path, *options) -> pd.DataFrame:
    from uhc_lib.inputs.importers import import_file

    return import_file(path, *options).panel


def read_panel(
    path: str | Path | None = None,
    cache: bool = True,
    layout: str | None = None,
    sheet: str | None = None,
    allow_missing_segments: bool = False,
    cakupan: str | None = None,
) -> pd.DataFrame:
    """Read and validate a panel file (CSV, Excel or Parquet); ``None`` reads the embedded illustrative panel.

    Any known layout (the long schema, a BPJS segment recap, an Open Data yearly CSV) is recognised, or named by
    ``layout``; a workbook with several sheets needs ``sheet`` (see :mod:`uhc_lib.inputs.importers`).
    Returns columns region_code (str), period (``Period[M]``), segment, population, registered, active (int64).
    A validated file is cached (Parquet, keyed by its content hash) so a batch of briefs validates it once.
    """
    path = Path(path) if path is not None else EMBEDDED_PANEL
    if not path.exists():
        raise FileNotFoundError(f"data file not found: {path}")
    file_kind(path)  # an unsupported file is refused even if equal bytes were cached before
    options = (layout, sheet, allow_missing_segments, cakupan)
    cached = _cache_path(path, options) if cache else None
    if cached is not None and cached.exists():
        try:
            panel = pd.read_parquet(cached)
            panel["period"] = pd.PeriodIndex.from_ordinals(panel["period"].to_numpy(), freq="M")
            return panel
        except Exception:  # a damaged cache entry is simply rebuilt
            cached.unlink(missing_ok=True)
    panel = _parse(path, *options)
    if cached is not None:
        _write_cache(panel, cached)
    return panel


def _write_cache(panel: pd.DataFrame, target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        out = panel.assign(period=panel["period"].array.asi8)  # month ordinals: fast to restore
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        out.to_parquet(tmp, index=False)
        os.replace(tmp, target)
    except OSError:
        pass  # caching is an optimisation; a read-only disk must not stop a brief
