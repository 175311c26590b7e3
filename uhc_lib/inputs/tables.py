"""A header row among title rows, totals rows below the data, and labels compared as people write them.

A spreadsheet often has a title (``REKAPITULASI KEPESERTAAN JKN ...``) above its header and a ``JUMLAH`` row below
its data. The header is the first row whose cells name enough known columns; a totals row is one whose label says
so. A totals row is kept out of the data only when its figures are the sums of the rows above; otherwise it is
refused with its row number (a total that does not add up means rows are missing or figures were typed over).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import numpy as np
import pandas as pd

from uhc_lib.common.problems import Problem
from uhc_lib.inputs.dialects import RawTable
from uhc_lib.inputs.schema import PanelValidationError

HEADER_SEARCH_ROWS = 30
TOTAL_LABEL = re.compile(r"^(grand\s*)?(total|jumlah|jml\.?|sub\s*total|subtotal)\b.*$|^(total|jumlah)$", re.I)
MONTHS_ID = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "nopember": 11, "desember": 12, "des": 12, "dec": 12, "may": 5, "june": 6, "july": 7, "august": 8,
    "january": 1, "february": 2, "march": 3, "october": 10, "december": 12,
}  # fmt: skip


def norm(label: object) -> str:
    """A label compared as written by people: lower case, accents and punctuation as spaces, spaces collapsed."""
    text = unicodedata.normalize("NFKD", str(label)).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9%]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def find_header(table: RawTable, score: Callable[[list[str]], int], minimum: int) -> int | None:
    """Grid position of the first row (among the first rows) scoring at least ``minimum``; the best when none."""
    best, best_score = None, 0
    for position in range(min(HEADER_SEARCH_ROWS, len(table.cells))):
        cells = [c for c in table.cells.iloc[position].tolist() if str(c).strip()]
        if not cells:
            continue
        s = score(cells)
        if s >= minimum:
            return position
        if s > best_score:
            best, best_score = position, s
    return best


def first_filled_row(table: RawTable) -> int | None:
    filled = table.cells.apply(lambda col: col.astype(str).str.strip() != "").any(axis=1)
    return int(np.flatnonzero(filled.to_numpy())[0]) if filled.any() else None


def title_rows(table: RawTable, header: int) -> list[tuple[int, str]]:
    """(row number, text) of the filled rows above the header."""
    out = []
    for position in range(header):
        text = " ".join(c for c in table.cells.iloc[position].tolist() if str(c).strip())
        if text:
            out.append((int(table.rows[position]), text))
    return out


def frame_below(table: RawTable, header: int, names: list[str]) -> pd.DataFrame:
    """The rows below the header as a frame with ``names`` as columns, indexed by row number, blank rows dropped."""
    body = table.cells.iloc[header + 1 :].copy()
    body.columns = names
    body.index = table.rows[header + 1 :]
    body = body.loc[:, [n for n in dict.fromkeys(names) if n]]
    blank = body.apply(lambda col: col.astype(str).str.strip() == "").all(axis=1)
    return body[~blank]


def is_total_label(text: str) -> bool:
    return bool(TOTAL_LABEL.match(str(text).strip()))


def check_totals_row(
    file: str, row: int, label: str, stated: dict[str, float], sums: dict[str, float], unit: str = ""
) -> Problem | None:
    """A problem when a totals row's figures are not the sums of the data rows (None when they all are)."""
    wrong = [(c, v, sums[c]) for c, v in stated.items() if c in sums and v == v and int(v) != int(sums[c])]
    if not wrong:
        return None
    c, v, s = wrong[0]
    return Problem(
        file,
        row,
        c,
        f"row {row} ({label!r}) looks like a totals row, but its {c} ({int(v):,}) is not the sum of the rows above "
        f"({int(s):,}){unit}; remove the row, or correct the figures (rows may be missing)",
    )


def period_from_text(text: str) -> pd.Period | None:
    """A month from ``2024-07``, ``2024-07-31``, ``Juli 2024``, ``JULI 2024``, ``Jul-24`` or ``07/2024``."""
    t = norm(text)
    m = re.search(r"\b(\d{4}) (\d{1,2})\b", t)
    if m and 1 <= int(m.group(2)) <= 12 and re.match(r"^\d{4}[-/.]\d{1,2}", str(text).strip()):
        return pd.Period(year=int(m.group(1)), month=int(m.group(2)), freq="M")
    m = re.search(r"\b(\d{1,2}) (\d{4})\b", t)
    if m and 1 <= int(m.group(1)) <= 12 and re.match(r"^\d{1,2}[-/.]\d{4}$", str(text).strip()):
        return pd.Period(year=int(m.group(2)), month=int(m.group(1)), freq="M")
    for word, month in MONTHS_ID.items():
        m = re.search(rf"\b{word}\b\s*(\d{{4}}|\d{{2}})\b", t)
        if m:
            year = int(m.group(1))
            return pd.Period(year=year + 2000 if year < 100 else year, month=month, freq="M")
    return None


def refuse_extra_cells(table: RawTable, header: int, names: list[str]) -> None:
    """Refuse rows below the header (grid position ``header``, its column ``names``) with a value right of the
    last named column: a delimiter inside a value or a column without a name, never silently left out."""
    width = max((i + 1 for i, n in enumerate(names) if str(n).strip()), default=0)
    extra = table.cells.iloc[header + 1 :, width:]
    filled = extra.apply(lambda col: col.astype(str).str.strip() != "").any(axis=1)
    if filled.any():
        rows = table.rows[header + 1 :][filled.to_numpy()]
        raise PanelValidationError(
            [
                Problem(
                    table.file,
                    int(r),
                    None,
                    f"row {r} has more cells than the header's {width} columns (a delimiter inside a value, "
                    "or a column without a name); quote the value or name the column",
                )
                for r in rows[:20]
            ]
        )
