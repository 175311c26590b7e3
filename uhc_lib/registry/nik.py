"""NIK (Nomor Induk Kependudukan) rules, vectorised over Arrow arrays.

A NIK has 16 digits: digits 1-6 are the kecamatan code (province 2, kab/kota 2, kecamatan 2, no dots) where the
person was **first** registered; digits 7-12 the birth date ``DDMMYY`` with 40 added to the day for women (41-71);
digits 13-16 a serial from 0001. A NIK never changes, so a prefix of another regency (the person moved in) or a date
that disagrees with the registry is **normal** and only reported as a note, never as invalid (see
the project's domain facts, FACTS.md).

Problems (the first that applies, in this order): ``length`` (not exactly 16 digits after trimming spaces),
``province``, ``regency``, ``kecamatan`` (prefix neither a current nor a former code), ``date`` (impossible
day/month), ``serial`` (0000).

The two-digit year leaves the century open, so 29 February is accepted when either 19YY or 20YY is a leap year,
which is when YY is divisible by 4 (``290200`` is valid because 2000 was a leap year; ``290201`` is not).
Known prefixes are today's codes (:func:`uhc_lib.registry.areas.nik_prefixes`) and codes retired by region splits
(:func:`uhc_lib.registry.areas.former_nik_prefixes`, e.g. Merauke ``9101..`` now ``9301..``): a former code is valid and
gets the note ``former_code``; the ``other_region`` note then compares the kab/kota the code belongs to today.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from uhc_lib.registry.areas import former_nik_prefixes, nik_prefixes

PROBLEMS = ("length", "province", "regency", "kecamatan", "date", "serial")
NOTES = ("other_region", "birth_date_mismatch", "sex_mismatch", "former_code")
_DAYS_IN_MONTH = np.array([0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int16)
_SIXTEEN_DIGITS = r"^[0-9]{16}$"


def as_strings(values: Iterable | pa.Array | pa.ChunkedArray | pd.Series) -> pa.StringArray:
    """Values as one Arrow string array with surrounding whitespace trimmed (nulls stay null)."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pd.Series):
        values = pa.array(values.astype(object).where(values.notna(), None), type=pa.string(), from_pandas=True)
    elif not isinstance(values, pa.Array):
        values = pa.array(list(values), type=pa.string())
    if not pa.types.is_string(values.type):
        values = values.cast(pa.string())
    return pc.utf8_trim_whitespace(values)


def clean(values) -> pa.StringArray:
    """Identifiers as typed into a spreadsheet, made plain: whitespace (also inside, as in ``1707 0115 1290 0001``, and
    non-breaking spaces) removed and a leading apostrophe (Excel's "keep as text" mark) dropped. Numbers a spreadsheet
    made of the column (``1.70702E+15``, ``...0001.0``) are not repaired here: :func:`spreadsheet_signs` finds them.
    Tokens are computed from the cleaned text, so preparing and re-identifying must both use this function."""
    text = pc.replace_substring_regex(as_strings(values), r"[\s\x{00a0}\x{200b}]+", "")
    return pc.replace_substring_regex(text, r"^[\x{2019}']+", "")


SPREADSHEET_SIGNS = ("scientific", "decimal", "thousands")
_SIGN_PATTERNS = {
    "scientific": r"^[0-9]([.,][0-9]+)?[eE][+-]?[0-9]+$",  # 1.70702E+15, 1,70702E+15 (Indonesian Excel)
    "decimal": r"^[0-9]+[.,]0+$",  # 1707011512900001.0: written from a number (float) column
    "thousands": r"^[0-9]{1,3}([.,][0-9]{3}){3,}$",  # 1.707.011.512.900.000: a number shown with separators
}


def spreadsheet_signs(cleaned: pa.StringArray) -> dict[str, np.ndarray]:
    """Boolean masks of cells written the way a spreadsheet writes a *number*, by sign (:data:`SPREADSHEET_SIGNS`).

    A 16-digit NIK stored as a number keeps at most 15 significant digits (the last one becomes 0), so any of these
    signs means the column's digits can no longer be trusted."""
    return {
        sign: pc.fill_null(pc.match_substring_regex(cleaned, pattern), False).to_numpy(zero_copy_only=False)
        for sign, pattern in _SIGN_PATTERNS.items()
    }


def ends_in_zero(cleaned: pa.StringArray) -> tuple[np.ndarray, np.ndarray]:
    """Masks of 16-digit values, and of those ending in 0 (a column cut to 15 significant digits ends in 0 almost
    always; real serials end in 0 about one time in ten)."""
    formed = well_formed(cleaned)
    zero = pc.fill_null(pc.ends_with(cleaned, "0"), False).to_numpy(zero_copy_only=False)
    return formed, formed & zero


def well_formed(nik: pa.Array) -> np.ndarray:
    """Boolean mask: exactly 16 digits."""
    return pc.fill_null(pc.match_substring_regex(nik, _SIXTEEN_DIGITS), False).to_numpy(zero_copy_only=False)


class _Parsed:
    """Digits of well-formed NIKs as integers (0 where a NIK is not 16 digits)."""

    def __init__(self, nik: pa.Array):
        self.formed = well_formed(nik)
        digits = np.zeros((len(nik), 16), dtype=np.uint8)
        if self.formed.any():
            sub = nik.filter(pa.array(self.formed))
            offsets = np.frombuffer(sub.buffers()[1], dtype=np.int32)[sub.offset : sub.offset + len(sub) + 1]
            data = np.frombuffer(sub.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[0] + 16 * len(sub)]
            if self.formed.all():
                digits = data.reshape(-1, 16) - ord("0")
            else:
                digits[self.formed] = data.reshape(-1, 16) - ord("0")
        column = [digits[:, i].astype(np.int32) for i in range(16)]

        def number(start: int, stop: int) -> np.ndarray:
            out = np.zeros(len(nik), dtype=np.int32)
            for i in range(start, stop):
                out = out * 10 + column[i]
            return out

        self.province, self.regency, self.kecamatan = number(0, 2), number(0, 4), number(0, 6)
        self.raw_day, self.month, self.yy, self.serial = number(6, 8), number(8, 10), number(10, 12), number(12, 16)
        self.woman = self.raw_day > 40
        self.day = np.where(self.woman, self.raw_day - 40, self.raw_day)

    def date_ok(self) -> np.ndarray:
        month_ok = (self.month >= 1) & (self.month <= 12)
        limit = _DAYS_IN_MONTH[np.where(month_ok, self.month, 0)]
        raw = self.raw_day
        day_ok = ((raw >= 1) & (raw <= 31)) | ((raw >= 41) & (raw <= 71))
        leap_ok = ~((self.month == 2) & (self.day == 29) & (self.yy % 4 != 0))
        return month_ok & day_ok & (self.day >= 1) & (self.day <= limit) & leap_ok

    def former(self) -> np.ndarray:
        """Boolean mask: the prefix is a retired code (never a current one)."""
        known = _prefix_sets()
        return np.isin(self.kecamatan, known.former_kecamatan) | np.isin(self.regency, known.open_regencies)

    def home_region(self, former: np.ndarray) -> np.ndarray:
        """4-digit kab/kota of each prefix as of today: a former code's successor where known, else its own."""
        known = _prefix_sets()
        region = self.regency.copy()
        successor = _lookup(known.kecamatan_keys, known.kecamatan_region, self.kecamatan[former])
        by_regency = _lookup(known.regency_keys, known.regency_region, self.regency[former])
        successor = np.where(successor > 0, successor, by_regency)
        region[former] = np.where(successor > 0, successor, self.regency[former])
        return region

    def problems(self) -> np.ndarray:
        known = _prefix_sets()
        open_kecamatan = np.isin(self.regency, known.open_regencies) & (self.kecamatan % 100 != 0)
        checks = [
            ("length", self.formed),
            ("province", np.isin(self.province, known.provinces)),
            ("regency", np.isin(self.regency, known.regencies)),
            ("kecamatan", np.isin(self.kecamatan, known.kecamatan) | open_kecamatan),
            ("date", self.date_ok()),
            ("serial", self.serial != 0),
        ]
        out = np.full(len(self.formed), None, dtype=object)
        undecided = np.ones(len(self.formed), dtype=bool)
        for name, ok in checks:
            bad = undecided & ~ok
            out[bad] = name
            undecided &= ~bad
        return out


class _Known(NamedTuple):
    """Known prefixes as sorted integer arrays (current and former codes together, then former ones alone)."""

    provinces: np.ndarray
    regencies: np.ndarray
    kecamatan: np.ndarray
    former_kecamatan: np.ndarray
    open_regencies: np.ndarray
    kecamatan_keys: np.ndarray
    kecamatan_region: np.ndarray
    regency_keys: np.ndarray
    regency_region: np.ndarray


def _ints(codes) -> np.ndarray:
    return np.array(sorted(int(c) for c in codes), dtype=np.int64)


@lru_cache(maxsize=1)
def _prefix_sets() -> _Known:
    provinces, regencies, kecamatan = nik_prefixes()
    former = former_nik_prefixes()
    pairs = sorted((int(k), int(r)) for k, r in former.region_of.items())
    kec_pairs = np.array([p for p in pairs if p[0] > 9999] or np.empty((0, 2)), dtype=np.int64).reshape(-1, 2)
    reg_pairs = np.array([p for p in pairs if p[0] <= 9999] or np.empty((0, 2)), dtype=np.int64).reshape(-1, 2)
    return _Known(
        _ints(provinces | former.provinces),
        _ints(regencies | former.regencies),
        _ints(kecamatan | former.kecamatan),
        _ints(former.kecamatan),
        _ints(former.open_regencies),
        kec_pairs[:, 0],
        kec_pairs[:, 1],
        reg_pairs[:, 0],
        reg_pairs[:, 1],
    )


def _lookup(keys: np.ndarray, values: np.ndarray, query: np.ndarray) -> np.ndarray:
    """``values`` at the position of each ``query`` in sorted ``keys``; 0 where absent."""
    if len(keys) == 0:
        return np.zeros(len(query), dtype=np.int64)
    at = np.clip(np.searchsorted(keys, query), 0, len(keys) - 1)
    return np.where(keys[at] == query, values[at], 0)


def birth_parts(nik) -> dict[str, np.ndarray]:
    """Day (1-31, women's +40 removed), month, two-digit year and sex (``True`` = woman) coded in each NIK.

    Rows that are not 16 digits get zeros.
    """
    parsed = _Parsed(as_strings(nik))
    return {"day": parsed.day, "month": parsed.month, "yy": parsed.yy, "woman": parsed.woman}


def problems(values) -> pa.StringArray:
    """The problem of each NIK (one of :data:`PROBLEMS`), null when valid."""
    return pa.array(_Parsed(as_strings(values)).problems(), type=pa.string())


def problem(nik: str | None) -> str | None:
    """The problem of one NIK (see :func:`problems`), ``None`` when valid."""
    return problems([nik])[0].as_py()


def region_digits(region_code: str) -> str:
    """``"17.07"`` -> ``"1707"``; a province ``"17"`` stays ``"17"``."""
    digits = region_code.replace(".", "")
    if not digits.isdigit() or len(digits) not in (2, 4):
        raise ValueError(f"region_code must be a province ('17') or kab/kota code ('17.07'), got {region_code!r}")
    return digits


def notes(
    values,
    region_code: str,
    birth_date: pa.Array | None = None,
    sex: pa.Array | None = None,
) -> pa.StringArray:
    """Information about valid NIKs, comma-joined, null when nothing to say.

    ``other_region``: the prefix is not ``region_code`` (the person was first registered elsewhere; a former code is
    compared as the kab/kota it belongs to today, where known);
    ``former_code``: the prefix is a code retired since (region split), see
    :func:`uhc_lib.registry.areas.former_codes`;
    ``birth_date_mismatch``: day, month or two-digit year differ from ``birth_date`` (date32; the century is open);
    ``sex_mismatch``: the NIK's sex (day > 40 = woman) differs from ``sex`` (``"L"``/``"P"``).
    Invalid NIKs get no notes.
    """
    return check(values, region_code, birth_date, sex)[2]


def check(
    values, region_code: str, birth_date: pa.Array | None = None, sex: pa.Array | None = None
) -> tuple[pa.StringArray, np.ndarray, pa.StringArray]:
    """Problems, validity mask and notes of each NIK in one pass (see :func:`problems` and :func:`notes`)."""
    nik = as_strings(values)
    parsed = _Parsed(nik)
    problem = parsed.problems()
    valid = np.equal(problem, None)
    digits = region_digits(region_code)
    former = valid & parsed.former()
    region = parsed.home_region(former)
    home = region if len(digits) == 4 else region // 100
    found = {"other_region": valid & (home != int(digits)), "former_code": former}
    if birth_date is not None:
        known = pc.is_valid(birth_date).to_numpy(zero_copy_only=False)
        day = pc.fill_null(pc.day(birth_date), 0).to_numpy(zero_copy_only=False)
        month = pc.fill_null(pc.month(birth_date), 0).to_numpy(zero_copy_only=False)
        yy = pc.fill_null(pc.year(birth_date), 0).to_numpy(zero_copy_only=False) % 100
        differs = (day != parsed.day) | (month != parsed.month) | (yy != parsed.yy)
        found["birth_date_mismatch"] = valid & known & differs
    if sex is not None:
        said_woman = pc.fill_null(pc.equal(sex, "P"), False).to_numpy(zero_copy_only=False)
        known = pc.is_valid(sex).to_numpy(zero_copy_only=False)
        found["sex_mismatch"] = valid & known & (said_woman != parsed.woman)
    code = np.zeros(len(nik), dtype=np.int64)
    for bit, name in enumerate(NOTES):
        if name in found:
            code |= found[name].astype(np.int64) << bit
    combos = [",".join(n for bit, n in enumerate(NOTES) if c >> bit & 1) or None for c in range(2 ** len(NOTES))]
    note = pa.array(np.array(combos, dtype=object)[code], type=pa.string())
    return pa.array(problem, type=pa.string()), valid, note
