"""Kecamatan (district) and desa/kelurahan (village) codes from ``data/reference/wilayah_kecamatan_desa.csv``.

Codes per Kepmendagri No. 300.2.2-2430 Tahun 2025 (transcribed by cahyadsn/wilayah, MIT; see
``data/reference/SOURCE.md``). Codes are strings: ``"17.07.01"`` (kecamatan), ``"17.07.01.2001"`` (desa).
Codes retired since (region splits) are in ``data/reference/former_kecamatan_codes.csv`` (:func:`former_codes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from uhc_lib.common.config import REFERENCE_DIR
from uhc_lib.inputs import reference

AREAS_FILE = REFERENCE_DIR / "wilayah_kecamatan_desa.csv"
FORMER_CODES_FILE = REFERENCE_DIR / "former_kecamatan_codes.csv"
FORMER_COLUMNS = ("former_code", "level", "former_name", "current_code", "current_region_code", "changed_in", "source")
_CODE_PATTERN = {"kecamatan": r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}", "kabkota": r"[0-9]{2}\.[0-9]{2}"}


@lru_cache(maxsize=1)
def _areas() -> pd.DataFrame:
    return pd.read_csv(AREAS_FILE, dtype=str, keep_default_na=False)


def _in_region(frame: pd.DataFrame, region_code: str | None) -> pd.DataFrame:
    if region_code is None:
        return frame
    return frame[frame["kode"].str.startswith(region_code + ".")]


def kecamatan(region_code: str | None = None) -> pd.DataFrame:
    """Kecamatan of one kab/kota or province (``"17.07"``, ``"17"``) or of Indonesia.

    Columns: kecamatan_code, name, region_code.
    """
    a = _in_region(_areas()[_areas()["level"] == "3"], region_code)
    out = a.rename(columns={"kode": "kecamatan_code", "nama": "name", "kode_kabkota": "region_code"})
    return out[["kecamatan_code", "name", "region_code"]].reset_index(drop=True)


def area_names(region_code: str) -> dict[str, str]:
    """Names by code of a kab/kota (``"17.07"``) and of its kecamatan, for labelling tables."""
    from uhc_lib.inputs.reference import region_name

    k = kecamatan(region_code)
    names = dict(zip(k["kecamatan_code"], k["name"], strict=True))
    names[region_code] = region_name(region_code)
    return names


def desa(region_code: str | None = None) -> pd.DataFrame:
    """Desa/kelurahan of one kab/kota, province or kecamatan (or of Indonesia): desa_code, name, kind, kecamatan_code,
    region_code."""
    a = _in_region(_areas()[_areas()["level"] == "4"], region_code)
    out = a.rename(
        columns={
            "kode": "desa_code",
            "nama": "name",
            "jenis": "kind",
            "kode_kecamatan": "kecamatan_code",
            "kode_kabkota": "region_code",
        }
    )
    return out[["desa_code", "name", "kind", "kecamatan_code", "region_code"]].reset_index(drop=True)


@lru_cache(maxsize=1)
def kecamatan_codes() -> frozenset[str]:
    """All 7,285 kecamatan codes (``NN.NN.NN``)."""
    return frozenset(kecamatan()["kecamatan_code"])


@lru_cache(maxsize=1)
def desa_codes() -> frozenset[str]:
    """All desa/kelurahan codes (``NN.NN.NN.NNNN``)."""
    return frozenset(desa()["desa_code"])


@lru_cache(maxsize=1)
def nik_prefixes() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Known NIK prefixes without dots: (2-digit provinces, 4-digit kab/kota, 6-digit kecamatan).

    Only today's codes: codes retired since (for example Merauke ``9101`` before the 2022 Papua split, now ``9301``)
    are in :func:`former_nik_prefixes`.
    """
    provinces = frozenset(reference.provinces()["province_code"])
    regencies = frozenset(c.replace(".", "") for c in reference.region_codes())
    kec = frozenset(c.replace(".", "") for c in kecamatan_codes())
    return provinces, regencies, kec


def _check_former(frame: pd.DataFrame) -> None:
    """Raise ``ValueError`` naming file, row and column of the first bad cell of the former-codes table."""
    name = FORMER_CODES_FILE.name
    missing = [c for c in FORMER_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {', '.join(missing)}")
    current = kecamatan_codes() | frozenset(reference.region_codes())
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        if row.level not in _CODE_PATTERN:
            raise ValueError(f"{name}, row {i}, column 'level': expected 'kecamatan' or 'kabkota'")
        if not re.fullmatch(_CODE_PATTERN[row.level], row.former_code):
            raise ValueError(f"{name}, row {i}, column 'former_code': not a {row.level} code like '91.01.01'/'91.01'")
        if row.former_code in current:
            raise ValueError(f"{name}, row {i}, column 'former_code': {row.former_code} is a current code")
        for column in ("current_code", "current_region_code"):
            value = getattr(row, column)
            if value and value not in current:
                raise ValueError(f"{name}, row {i}, column '{column}': {value} is not a current code")
    if frame["former_code"].duplicated().any():
        first = int(frame.index[frame["former_code"].duplicated()][0]) + 2
        raise ValueError(f"{name}, row {first}, column 'former_code': code repeated")


@lru_cache(maxsize=1)
def former_codes() -> pd.DataFrame:
    """Kecamatan and kab/kota codes retired since 2015 (and Kalimantan Utara's of 2012) with their successors.

    Columns (all text): former_code (``91.01.01`` or ``91.01``), level (``kecamatan``/``kabkota``), former_name,
    current_code (the same kecamatan/kab-kota today, blank when not determined), current_name, current_region_code
    (its kab/kota today, blank when unknown), last_listed_in, changed_in, changed_year, evidence
    (``release_history``/``curated``), source. Built by ``tools/build_former_codes.py``; see
    ``data/reference/SOURCE.md``.
    """
    frame = pd.read_csv(FORMER_CODES_FILE, dtype=str, keep_default_na=False)
    _check_former(frame)
    return frame


@dataclass(frozen=True)
class FormerPrefixes:
    """NIK prefixes (digits, no dots) known only as retired codes.

    Attributes:
        provinces: 2-digit province codes that exist only as part of a former code.
        regencies: 4-digit former kab/kota codes (and those implied by former kecamatan codes).
        kecamatan: 6-digit former kecamatan codes.
        open_regencies: former kab/kota whose kecamatan codes are not known (hand-curated rows): any kecamatan part
            is accepted under them.
        region_of: former 6-digit kecamatan or open 4-digit kab/kota -> today's kab/kota (4 digits), when known.
    """

    provinces: frozenset[str]
    regencies: frozenset[str]
    kecamatan: frozenset[str]
    open_regencies: frozenset[str]
    region_of: dict[str, str]


@lru_cache(maxsize=1)
def former_nik_prefixes() -> FormerPrefixes:
    """Retired codes as NIK prefixes (see :class:`FormerPrefixes`); never overlaps :func:`nik_prefixes`."""
    table = former_codes()
    digits = table["former_code"].str.replace(".", "", regex=False)
    region = table["current_region_code"].str.replace(".", "", regex=False)
    is_kec = table["level"] == "kecamatan"
    kec = frozenset(digits[is_kec])
    listed = frozenset(d[:4] for d in kec)
    open_regencies = frozenset(d for d in digits[~is_kec] if d not in listed)
    current_provinces, current_regencies, _ = nik_prefixes()
    regencies = (frozenset(digits[~is_kec]) | listed) - current_regencies
    provinces = frozenset(d[:2] for d in regencies) - current_provinces
    region_of = {d: r for d, r, k in zip(digits, region, is_kec, strict=True) if r and (k or d in open_regencies)}
    return FormerPrefixes(provinces, regencies, kec, open_regencies, region_of)
