"""Numbers as spreadsheets write them: Indonesian (``137.000``, ``75,41``) or English (``137,000``, ``75.41``).

A column is read with one convention. Values that tell the convention apart (``1.234.567``, ``75,41``: Indonesian;
``1,234,567``, ``75.41``: English) decide it; a column holding both is refused with the rows of each. A value that
fits both (``137.000``) is read as the column's convention, and as thousands in a column of persons (a count has
no decimals), so ``137.000`` persons are 137,000, never 137.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

ID, EN, MIXED = "id", "en", "mixed"
_CONVENTION_NAMES = {
    ID: "Indonesian style (dot for thousands, comma for decimals: 1.234.567 or 75,41)",
    EN: "English style (comma for thousands, dot for decimals: 1,234,567 or 75.41)",
}

_PLAIN = re.compile(r"^[+-]?\d+$")
_DOT_GROUPS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")  # 137.000 or 1.234.567
_COMMA_GROUPS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+$")  # 137,000 or 1,234,567
_ID_DECIMAL = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$")  # 1.234,5 or 75,41
_EN_DECIMAL = re.compile(r"^[+-]?\d{1,3}(,\d{3})*\.\d+$|^[+-]?\d+\.\d+$")  # 1,234.5 or 75.41
_SPACE_GROUPS = re.compile(r"^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+$")  # 137 000

Emit = Callable[[int | None, str | None, str], None]


def _kind(text: str) -> str:
    """'plain', 'dots' / 'commas' (groups of three: either convention), 'id', 'en' or 'other'."""
    if _PLAIN.match(text) or _SPACE_GROUPS.match(text):
        return "plain"
    if _DOT_GROUPS.match(text):
        return ID if text.count(".") > 1 else "dots"
    if _COMMA_GROUPS.match(text):
        return EN if text.count(",") > 1 else "commas"
    if _ID_DECIMAL.match(text):
        return ID
    if _EN_DECIMAL.match(text):
        return EN
    return "other"


def _value(text: str, convention: str) -> str:
    """``text`` rewritten as a plain number (``1234567.5``) under ``convention``."""
    text = re.sub(r"[ \u00a0\u202f]", "", text)
    if convention == ID:
        return text.replace(".", "").replace(",", ".")
    return text.replace(",", "")


def _rows(index: pd.Index, row_of: Callable[[int], int]) -> str:
    shown = [str(row_of(i)) for i in index[:8]]
    more = f" and {len(index) - 8} more" if len(index) > 8 else ""
    return ", ".join(shown) + more


def parse_numbers(
    text: pd.Series, column: str, emit: Emit, row_of: Callable[[int], int], whole: bool = True
) -> tuple[pd.Series, str | None]:
    """Numbers of one column (float64, NaN where blank or unreadable) and the convention read (``id``/``en``/None,
    ``mixed`` when the column was refused).

    A column mixing conventions is reported once, at the first row of the less common one, naming its rows and the
    other convention's first row, and none of its values is read. Unreadable values are left NaN for the caller.
    ``whole``: the column holds persons (or rupiah), so a value with groups of three digits is thousands.
    """
    stripped = text.str.strip()
    if stripped.str.fullmatch(r"[+-]?\d{1,15}").all():  # plain digits, the common case: nothing to decide
        return pd.to_numeric(stripped).astype("float64"), None
    distinct = pd.Series(stripped.unique())
    kinds = dict(zip(distinct, distinct.map(_kind), strict=True))
    kind = stripped.map(kinds)
    ids, ens = kind.isin([ID]), kind.isin([EN])
    dots, commas = kind == "dots", kind == "commas"
    id_side = ids | (dots if whole else ids)
    en_side = ens | (commas if whole else ens)
    if not whole:  # a ratio column: 137.000 and 137,000 each fit both conventions; decided by the others
        id_side, en_side = ids | (commas & ~ens.any()), ens | (dots & ~ids.any())
    convention = None
    if id_side.any() and en_side.any():
        minority, majority = (id_side, en_side) if id_side.sum() <= en_side.sum() else (en_side, id_side)
        names = (ID, EN) if minority is id_side else (EN, ID)
        first_other = row_of(stripped.index[majority][0])
        emit(
            stripped.index[minority][0],
            column,
            f"this column mixes number styles: rows {_rows(stripped.index[minority], row_of)} are written in "
            f"{_CONVENTION_NAMES[names[0]]}, row {first_other} and others in {_CONVENTION_NAMES[names[1]]}; "
            "write every number of the column the same way (or as plain digits) and save again",
        )
        return pd.Series(np.nan, index=text.index), MIXED
    if id_side.any():
        convention = ID
    elif en_side.any():
        convention = EN
    rewritten = {t: _value(t, convention or (ID if k == "dots" else EN)) for t, k in kinds.items() if k != "other"}
    numbers = pd.to_numeric(stripped.map(lambda t: rewritten.get(t, t)), errors="coerce")
    numbers = numbers.astype("float64")
    return numbers.where(np.isfinite(numbers)), convention
