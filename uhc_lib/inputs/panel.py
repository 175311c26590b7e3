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
from uhc_lib.inputs.schema import (
    ARREARS_COLUMN,
    CHECK_MESSAGES,
    COLUMN_ALIASES,
    COUNT_COLUMNS,
    KEY_COLUMNS,
    REQUIRED_COLUMNS,
    PanelValidationError,
    panel_schema,
)
from uhc_lib.rules import segments

_CODE = re.compile(r"^\d{2}\.\d{2}$")
_NUMBER_LIKE_CODE = re.compile(r"^\d{1,2}(\.\d)?$|^\d+\.\d+$")
_PERIOD = re.compile(r"^(\d{4})-(\d{1,2})(-\d{1,2}([ T].*)?)?$")


class _ProblemLog:
    """Collects problems; called as ``log(index, column, message)`` with a 0-based frame index."""

    def __init__(self, file: str, row_offset: int):
        self.file, self.row_offset, self.problems = file, row_offset, []

    def row(self, index: int) -> int:
        return int(index) + self.row_offset

    def __call__(self, index: int | None, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, None if index is None else self.row(index), column, message))


CSV_SUFFIXES = {".csv", ".csv.gz", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
MAX_COUNT = 10**10  # more persons than any region (or country) has: a unit or typing error


def file_kind(path: Path) -> str:
    """'csv', 'excel' or 'parquet' from the file name; ``ValueError`` naming the file otherwise."""
    suffix = "".join(path.suffixes[-2:]).lower() if path.suffix.lower() == ".gz" else path.suffix.lower()
    for kind, suffixes in (("csv", CSV_SUFFIXES), ("excel", EXCEL_SUFFIXES), ("parquet", PARQUET_SUFFIXES)):
        if suffix in suffixes:
            return kind
    raise ValueError(f"{path}: unsupported file type {path.suffix!r}; use CSV, Excel (.xlsx) or Parquet")


def _read_raw(path: Path) -> tuple[pd.DataFrame, pd.Series | None, int]:
    """Raw cells as strings, a mask of region codes stored as numbers, and the row offset for messages.

    Blank lines are kept while reading (so row numbers match what an editor shows) and then dropped.
    """
    kind = file_kind(path)
    if kind == "csv":
        try:
            raw = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True, skip_blank_lines=False)
        except pd.errors.EmptyDataError:  # a 0-byte file: report its missing columns like any other
            raw = pd.DataFrame()
        return _drop_blank_rows(raw), None, 2
    if kind == "excel":
        raw = pd.read_excel(path, dtype=object, keep_default_na=False)
        offset = 2
    else:
        raw = pd.read_parquet(path)
        offset = 1
    raw.columns = [str(c) for c in raw.columns]
    code_col = _canonical_columns(list(raw.columns)).get("region_code")
    numeric_codes = None
    if code_col is not None:
        numeric_codes = raw[code_col].map(lambda v: isinstance(v, (int, float, np.integer, np.floating)) and v == v)
    raw = raw.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else _cell_text(v))
    raw = _drop_blank_rows(raw)
    return raw, None if numeric_codes is None else numeric_codes.loc[raw.index], offset


def _drop_blank_rows(raw: pd.DataFrame) -> pd.DataFrame:
    """Rows whose cells are all empty, dropped; the index (hence row numbers) of the others is kept."""
    if raw.empty:
        return raw
    blank = raw.apply(lambda col: col.astype(str).str.strip() == "").all(axis=1)
    return raw[~blank]


def _cell_text(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (float, np.floating)) and float(value).is_integer() and abs(value) > 1e3:
        return str(int(value))
    return str(value)


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
    numbers = pd.to_numeric(text, errors="coerce")
    numbers = numbers.where(np.isfinite(numbers.astype("float64")))  # 'inf' is not a count
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
    numbers = pd.to_numeric(text, errors="coerce")
    numbers = numbers.where(np.isfinite(numbers.astype("float64")))
    for i in text.index[(text != "") & numbers.isna()]:
        emit(i, column, f"{text[i]!r} is not a number of rupiah")
    fractional = numbers.notna() & (numbers != np.floor(numbers.fillna(0)))
    for i in numbers.index[fractional]:
        emit(i, column, f"{text[i]!r} is not a whole number of rupiah")
    negative = numbers.notna() & (numbers < 0)
    for i in numbers.index[negative]:
        emit(i, column, f"rupiah must not be negative (got {text[i]})")
    return numbers.where(~fractional & ~negative).round().astype("Int64")


def _segments(values: pd.Series, emit) -> pd.Series:
    aliases = segments.alias_map()
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


def validate_panel(
    raw: pd.DataFrame, file: str, row_offset: int = 2, numeric_codes: pd.Series | None = None
) -> pd.DataFrame:
    """Turn raw string cells into the tidy typed panel, or raise with every problem found."""
    emit = _ProblemLog(file, row_offset)
    problems = emit.problems

    columns = _canonical_columns(list(raw.columns))
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    for c in missing:
        emit(None, c, f"required column {c!r} is missing (columns found: {', '.join(map(str, raw.columns))})")
    if missing:
        raise PanelValidationError(problems)
    if raw.empty:
        raise PanelValidationError([Problem(file, None, None, "the file has no data rows")])

    typed = pd.DataFrame(index=raw.index)
    typed["region_code"] = _parse_codes(raw[columns["region_code"]], numeric_codes, emit)
    typed["period"] = _parse_periods(raw[columns["period"]], emit)
    typed["segment"] = _segments(raw[columns["segment"]], emit) if "segment" in columns else segments.TOTAL
    for c in COUNT_COLUMNS:
        typed[c] = _parse_counts(raw[columns[c]], c, emit)
    if ARREARS_COLUMN in columns:
        typed[ARREARS_COLUMN] = _parse_rupiah(raw[columns[ARREARS_COLUMN]], ARREARS_COLUMN, emit)

    bad_rows = {p.row - row_offset for p in problems if p.row is not None}
    good = typed.drop(index=sorted(bad_rows)).astype({c: "int64" for c in COUNT_COLUMNS})
    import pandera.pandas as pa

    schema = panel_schema(reference.region_codes(), segments.segment_codes())
    try:
        schema.validate(good, lazy=True)
    except pa.errors.SchemaErrors as err:
        _translate(err.failure_cases, good, emit)
    _check_duplicates(typed, emit)
    _check_population_consistent(good, emit)

    if problems:
        problems.sort(key=lambda p: (p.row if p.row is not None else -1, p.column or ""))
        raise PanelValidationError(_unique(problems))
    return good.sort_values(KEY_COLUMNS).reset_index(drop=True)


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


def _cache_path(path: Path) -> Path:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:24]
    return CACHE_DIR / f"panel-v1-{digest}.parquet"


def read_panel(path: str | Path | None = None, cache: bool = True) -> pd.DataFrame:
    """Read and validate a panel file (CSV, Excel or Parquet); ``None`` reads the embedded illustrative panel.

    Returns columns region_code (str), period (``Period[M]``), segment, population, registered, active (int64).
    A validated file is cached (Parquet, keyed by its content hash) so a batch of briefs validates it once.
    """
    path = Path(path) if path is not None else EMBEDDED_PANEL
    if not path.exists():
        raise FileNotFoundError(f"data file not found: {path}")
    file_kind(path)  # an unsupported file is refused even if equal bytes were cached before
    cached = _cache_path(path) if cache else None
    if cached is not None and cached.exists():
        try:
            panel = pd.read_parquet(cached)
            panel["period"] = pd.PeriodIndex.from_ordinals(panel["period"].to_numpy(), freq="M")
            return panel
        except Exception:  # a damaged cache entry is simply rebuilt
            cached.unlink(missing_ok=True)
    raw, numeric_codes, offset = _read_raw(path)
    panel = validate_panel(raw, str(path), offset, numeric_codes)
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
