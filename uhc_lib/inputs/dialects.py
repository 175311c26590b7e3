"""Spreadsheet files as users save them, read into a grid of text cells with the row numbers a user sees.

CSV: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 (cp1252, Latin-1's superset) when the bytes are
not UTF-8; a byte that neither reads is refused with its row. Delimiter ``,``, ``;``, tab or ``|``, found from the
file. Excel (.xlsx): one sheet, or the sheet named by ``sheet`` when there are several with data; an empty,
truncated or password-protected file is refused in one sentence naming it. Parquet: its columns are the header.

Nothing is interpreted here: no header is chosen, no number is read. Problems are :class:`Problem` records raised
as :class:`~uhc_lib.inputs.schema.PanelValidationError`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from uhc_lib.common.problems import Problem
from uhc_lib.inputs.schema import PanelValidationError

CSV_SUFFIXES = {".csv", ".csv.gz", ".txt", ".tsv"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


@dataclass
class RawTable:
    """Every cell of a file as text (``""`` when empty), one grid row per file row, and where it came from.

    ``rows[i]`` is the row number a user sees for grid row ``i`` (a CSV line, an Excel row; for Parquet the
    header is 0 and records count from 1). ``numeric`` marks cells an Excel or Parquet file stored as numbers.
    """

    file: str
    kind: str
    cells: pd.DataFrame
    rows: np.ndarray
    numeric: pd.DataFrame | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)
    attrs: dict = field(default_factory=dict)

    def refuse(self, message: str, row: int | None = None, column: str | None = None) -> PanelValidationError:
        return PanelValidationError([Problem(self.file, row, column, message)])


def file_kind(path: Path) -> str:
    """'csv', 'excel' or 'parquet' from the file name; ``ValueError`` naming the file otherwise."""
    suffix = "".join(path.suffixes[-2:]).lower() if path.suffix.lower() == ".gz" else path.suffix.lower()
    for kind, suffixes in (("csv", CSV_SUFFIXES), ("excel", EXCEL_SUFFIXES), ("parquet", PARQUET_SUFFIXES)):
        if suffix in suffixes:
            return kind
    raise ValueError(f"{path}: unsupported file type {path.suffix!r}; use CSV, Excel (.xlsx) or Parquet")


def read_table(path: str | Path, sheet: str | None = None) -> RawTable:
    """The file's cells as text; :class:`PanelValidationError` for a file that cannot be read, in one sentence."""
    path = Path(path)
    kind = file_kind(path)
    if kind == "csv":
        return _read_csv(path)
    if kind == "excel":
        return _read_excel(path, sheet)
    return _read_parquet(path)


# --- CSV ---------------------------------------------------------------------------------------------------------


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """Text and the encoding's name."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(path, data[3:], "utf-8"), "UTF-8 (with BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(path, data, "utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as err:
        if _UTF8_MULTIBYTE.search(data):  # real UTF-8 text beside a stray byte: not a Windows-1252 file
            raise _undecodable(path, data, err.start, "UTF-8") from None
    return _strict(path, data, "cp1252"), "Windows-1252 (cp1252)"


def _strict(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise _undecodable(
            path, data, err.start, "UTF-8 or Windows-1252" if encoding == "cp1252" else encoding
        ) from None


def _undecodable(path: Path, data: bytes, offset: int, tried: str) -> PanelValidationError:
    row = data.count(b"\n", 0, offset) + 1
    position = offset - data.rfind(b"\n", 0, offset)
    return PanelValidationError(
        [
            Problem(
                str(path),
                row,
                None,
                f"byte 0x{data[offset]:02x} (byte {position} of the row) cannot be "
                f"read as {tried} text; save the file again as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8)",
            )
        ]
    )


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the most of the first lines into the same number (more than one) of fields."""
    sample = [line for line in lines[:50] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(r) for r in csv.reader(sample, delimiter=delimiter)]
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        score = (wide.count(mode), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path) -> RawTable:
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        import gzip

        data = gzip.decompress(data)
    text, encoding = _decode(path, data)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    delimiter = sniff_delimiter(lines)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, rows, start = [], [], 1
    try:
        for record in reader:
            records.append([c.strip() for c in record])
            rows.append(start)
            start = reader.line_num + 1
    except csv.Error as err:
        problem = Problem(str(path), start, None, f"the file cannot be read as CSV here: {err}")
        raise PanelValidationError([problem]) from None
    width = max((len(r) for r in records), default=0)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in records], dtype=object)
    return RawTable(str(path), "csv", cells, np.asarray(rows, dtype=int), encoding=encoding, delimiter=delimiter)


# --- Excel -------------------------------------------------------------------------------------------------------


def _read_excel(path: Path, sheet: str | None) -> RawTable:
    if path.stat().st_size == 0:
        raise _excel_refusal(path, "is empty (0 bytes): it was not saved completely; save it again from Excel")
    if path.suffix.lower() == ".xls":
        raise _excel_refusal(path, "is an old Excel 97-2003 workbook (.xls); save it as .xlsx or as CSV UTF-8")
    if not zipfile.is_zipfile(path):
        raise _excel_refusal(
            path,
            "is not a complete Excel workbook (truncated, damaged or password-protected); "
            "save it again from Excel as .xlsx, or as CSV UTF-8",
        )
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise _excel_refusal(path, f"cannot be opened as an Excel workbook ({err}); save it again from Excel") from None
    try:
        grids = {ws.title: _sheet_values(ws) for ws in book.worksheets}
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as err:
        raise _excel_refusal(path, f"is damaged and cannot be read ({err}); save it again from Excel") from None
    finally:
        book.close()
    with_data = [name for name, grid in grids.items() if any(any(v is not None for v in row) for row in grid)]
    if sheet is not None:
        if sheet not in grids:
            raise _excel_refusal(path, f"has no sheet {sheet!r}; its sheets are {_names(list(grids))}")
        chosen = sheet
    elif len(with_data) > 1:
        raise _excel_refusal(
            path,
            f"has {len(with_data)} sheets with data ({_names(with_data)}); say which one to read with --sheet "
            f"NAME (uhc brief, batch, validate and import take it), for example --sheet {_quoted(with_data[0])}",
        )
    elif not with_data:
        raise _excel_refusal(path, "has no data in any sheet")
    else:
        chosen = with_data[0]
    grid = grids[chosen]
    width = max((len(r) for r in grid), default=0)
    padded = [list(r) + [None] * (width - len(r)) for r in grid]
    values = pd.DataFrame(padded, dtype=object)
    numeric = values.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
    cells = values.map(_cell_text)
    notes = [f"sheet {chosen!r}"] if len(grids) > 1 else []
    return RawTable(str(path), "excel", cells, np.arange(1, len(cells) + 1), numeric=numeric, sheet=chosen, notes=notes)


def _sheet_values(ws) -> list[tuple]:
    return [tuple(row) for row in ws.iter_rows(min_row=1, min_col=1, values_only=True)]


def _quoted(text: object) -> str:
    """``text`` as a shell word (quoted when it holds spaces or quotes)."""
    import shlex

    return shlex.quote(str(text))


def _names(names: list[str]) -> str:
    return ", ".join(repr(n) for n in names)


def _excel_refusal(path: Path, what: str) -> PanelValidationError:
    return PanelValidationError([Problem(str(path), None, None, f"this file {what}")])


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        if value != value:
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    return str(value).strip()


# --- Parquet -----------------------------------------------------------------------------------------------------


def _read_parquet(path: Path) -> RawTable:
    try:
        frame = pd.read_parquet(path)
    except Exception as err:  # noqa: BLE001 - pyarrow raises many kinds; the user gets one sentence
        raise PanelValidationError(
            [Problem(str(path), None, None, f"this file cannot be read as Parquet ({type(err).__name__})")]
        ) from None
    frame.columns = [str(c) for c in frame.columns]
    numeric = frame.map(lambda v: isinstance(v, (int, float, np.integer, np.floating)) and v == v)
    cells = frame.map(_cell_text_any)
    header = pd.DataFrame([list(frame.columns)], dtype=object)
    cells = pd.concat([header, pd.DataFrame(cells.to_numpy(dtype=object))], ignore_index=True)
    numeric = pd.concat([pd.DataFrame([[False] * frame.shape[1]]), pd.DataFrame(numeric.to_numpy())], ignore_index=True)
    return RawTable(str(path), "parquet", cells, np.arange(0, len(cells)), numeric=numeric, attrs=dict(frame.attrs))


def _cell_text_any(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    if isinstance(value, pd.Period):
        return str(value)
    if isinstance(value, (np.integer,)):
        return str(int(value))
    if isinstance(value, np.floating):
        return _cell_text(float(value))
    return _cell_text(value)
