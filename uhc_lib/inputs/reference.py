"""Reference regions (Kemendagri codes) and Dukcapil population, read as strings-first tables."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from uhc_lib.common.config import REFERENCE_DIR


@lru_cache(maxsize=1)
def _wilayah() -> pd.DataFrame:
    return pd.read_csv(REFERENCE_DIR / "wilayah_prov_kabkota.csv", dtype=str, keep_default_na=False)


def regions() -> pd.DataFrame:
    """The 514 kabupaten/kota: region_code, region_name, kind, province_code, province_name."""
    w = _wilayah()
    out = w[w["level"] == "2"].rename(
        columns={
            "kode": "region_code",
            "nama": "region_name",
            "jenis": "kind",
            "kode_provinsi": "province_code",
            "nama_provinsi": "province_name",
        }
    )
    return out[["region_code", "region_name", "kind", "province_code", "province_name"]].reset_index(drop=True)


def provinces() -> pd.DataFrame:
    """The 38 provinces: province_code, province_name."""
    w = _wilayah()
    out = w[w["level"] == "1"].rename(columns={"kode": "province_code", "nama": "province_name"})
    return out[["province_code", "province_name"]].reset_index(drop=True)


@lru_cache(maxsize=1)
def region_codes() -> frozenset[str]:
    """The set of valid kab/kota codes (``NN.NN`` strings)."""
    return frozenset(regions()["region_code"])


def region_name(code: str) -> str:
    """Official name of a kab/kota code; ``KeyError`` with a clear message for an unknown code."""
    r = regions().set_index("region_code")["region_name"]
    if code not in r.index:
        raise KeyError(f"unknown kabupaten/kota code {code!r} (expected a Kemendagri code such as '17.07')")
    return str(r[code])


def population_semester_ii_2024() -> pd.DataFrame:
    """Dukcapil population, Semester II (December) 2024, per kab/kota: region_code, male, female, population."""
    p = pd.read_csv(REFERENCE_DIR / "penduduk_prov_kabkota.csv", dtype={"kode": str})
    p = p[p["kode"].str.contains(".", regex=False)]
    p = p.rename(columns={"kode": "region_code", "pria": "male", "wanita": "female", "total": "population"})
    return p[["region_code", "male", "female", "population"]].reset_index(drop=True)


def population_by_semester() -> pd.DataFrame:
    """Dukcapil populations by semester: ``region_code``, ``semester`` (``S2-2024``...), ``population``, ``source``.

    The Semester II 2024 file (every kab/kota) and the denominators published for other semesters
    (``data/reference/penduduk_published.csv``, each with its source). A region-month's own population is its
    denominator; this table is what the semesters are known to have been.
    """
    s2 = population_semester_ii_2024()[["region_code", "population"]].assign(
        semester="S2-2024", source="Dukcapil Semester II 2024 (cahyadsn/wilayah, MIT)"
    )
    published = pd.read_csv(REFERENCE_DIR / "penduduk_published.csv", dtype={"region_code": str})
    out = pd.concat([s2[["region_code", "semester", "population", "source"]], published], ignore_index=True)
    return out.sort_values(["region_code", "semester"]).reset_index(drop=True)


def published_figures() -> pd.DataFrame:
    """Every published coverage/activity figure we know (see data/reference/published_figures.csv)."""
    return pd.read_csv(REFERENCE_DIR / "published_figures.csv", dtype={"region_code": str, "as_of": str})
