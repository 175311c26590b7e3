"""Boundaries of the 514 kab/kota and 38 provinces (simplified GeoJSON shipped in ``data/reference/``) and the join
of any per-region frame to them.

The polygons come from ``cahyadsn/wilayah_boundaries`` (MIT, Cahya DSN), converted and simplified as described in
``data/reference/SOURCE.md``: they are not official BIG boundaries, fine for choropleths, not for areas. The
simplification does not preserve topology (45 kab/kota and 21 province polygons are not valid in the OGC sense);
drawing does not need validity, so the geometry is left as shipped.

geopandas is imported only by the functions that return GeoDataFrames: :func:`features` reads the same files with
:mod:`json` alone (the month index's SVG map, a light install).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from uhc_lib.common.config import REFERENCE_DIR
from uhc_lib.inputs import reference

if TYPE_CHECKING:
    import geopandas as gpd

REGION_FILE = REFERENCE_DIR / "kabkota_lite.geojson"
PROVINCE_FILE = REFERENCE_DIR / "provinsi_lite.geojson"
LEVELS = ("region", "province")

SOURCE_NOTE = {
    "id": "Batas wilayah: cahyadsn/wilayah_boundaries (MIT), disederhanakan; bukan batas resmi BIG",
    "en": "Boundaries: cahyadsn/wilayah_boundaries (MIT), simplified; not official BIG boundaries",
}

_REGION_CODE = re.compile(r"^\d{2}\.\d{2}$")
_PROVINCE_CODE = re.compile(r"^\d{2}$")


def normalise_code(value: object, level: str = "region") -> str | None:
    """A Kemendagri code in the project format (``"11.10"``, province ``"11"``), or ``None`` if it is not one.

    Accepts the dotted form, surrounding spaces and the undotted four-digit form (``"1110"``). A float-looking
    ``"11.1"`` is **not** repaired: it could be 11.10 or 11.01 read as a number upstream.
    """
    text = str(value).strip()
    if level == "region" and re.fullmatch(r"\d{4}", text):
        text = f"{text[:2]}.{text[2:]}"
    pattern = _REGION_CODE if level == "region" else _PROVINCE_CODE
    return text if pattern.fullmatch(text) else None


def _checked_codes(path: Path, values: list, level: str) -> list[str]:
    """The features' ``kode`` values as project codes; ``ValueError`` naming the file and feature otherwise."""
    codes = [normalise_code(v, level) for v in values]
    bad = [i for i, c in enumerate(codes) if c is None]
    if bad:
        raise ValueError(f"{path}: feature {bad[0]}, property 'kode': {values[bad[0]]!r} is not a {level} code")
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise ValueError(f"{path}: code {code!r} has more than one feature")
        seen.add(code)
    return codes  # type: ignore[return-value]


def _read(path: Path, level: str) -> gpd.GeoDataFrame:
    import geopandas as gpd

    gdf = gpd.read_file(path)
    if "kode" not in gdf.columns:
        raise ValueError(f"{path}: no 'kode' property (expected Kemendagri codes such as '11.10')")
    codes = _checked_codes(path, list(gdf["kode"]), level)
    gdf["kode"] = pd.Series(codes, index=gdf.index, dtype=str)
    if gdf.crs is None:
        gdf = gdf.set_crs(4326)
    return gdf


Rings = list[list[list[float]]]  # a polygon: exterior ring then holes, each a list of [lng, lat]


@lru_cache(maxsize=4)
def _features(path: Path, level: str) -> dict[str, tuple[Rings, ...]]:
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
        items = collection["features"]
        props = [f.get("properties") or {} for f in items]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: not a readable GeoJSON FeatureCollection ({exc})") from None
    if any("kode" not in p for p in props):
        raise ValueError(f"{path}: no 'kode' property (expected Kemendagri codes such as '11.10')")
    codes = _checked_codes(path, [p["kode"] for p in props], level)
    out: dict[str, tuple[Rings, ...]] = {}
    for i, (code, feature) in enumerate(zip(codes, items, strict=True)):
        geometry = feature.get("geometry") or {}
        kind, coordinates = geometry.get("type"), geometry.get("coordinates")
        if kind == "Polygon":
            out[code] = (coordinates,)
        elif kind == "MultiPolygon":
            out[code] = tuple(coordinates)
        else:
            raise ValueError(f"{path}: feature {i} ({code}) is a {kind!r}, expected Polygon or MultiPolygon")
    return out


def features(level: str = "region", path: str | Path | None = None) -> dict[str, tuple[Rings, ...]]:
    """The polygons of each code (``"11.10"``, province ``"11"``) in lng/lat, read with :mod:`json` only (no
    geopandas): code -> polygons, each a list of rings. Read once per process; do not modify the result."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    default = REGION_FILE if level == "region" else PROVINCE_FILE
    return _features(Path(path) if path else default, level)


@lru_cache(maxsize=2)
def _regions(path: Path) -> gpd.GeoDataFrame:
    gdf = _read(path, "region").rename(columns={"kode": "region_code"})
    names = reference.regions()
    out = names.merge(gdf[["region_code", "geometry"]], on="region_code", how="right", validate="one_to_one")
    import geopandas as gpd

    return gpd.GeoDataFrame(out, geometry="geometry", crs=gdf.crs).sort_values("region_code", ignore_index=True)


@lru_cache(maxsize=2)
def _provinces(path: Path) -> gpd.GeoDataFrame:
    gdf = _read(path, "province").rename(columns={"kode": "province_code"})
    names = reference.provinces()
    out = names.merge(gdf[["province_code", "geometry"]], on="province_code", how="right", validate="one_to_one")
    import geopandas as gpd

    return gpd.GeoDataFrame(out, geometry="geometry", crs=gdf.crs).sort_values("province_code", ignore_index=True)


def regions_geodataframe(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """Kab/kota polygons (EPSG:4326): region_code ("11.10"), region_name, kind, province_code, province_name,
    geometry. Read once per process (a copy is returned, so callers may modify it)."""
    return _regions(Path(path) if path else REGION_FILE).copy()


def provinces_geodataframe(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """Province polygons (EPSG:4326): province_code ("11"), province_name, geometry. Read once per process."""
    return _provinces(Path(path) if path else PROVINCE_FILE).copy()


@dataclass(frozen=True)
class GeoJoin:
    """A per-region (or per-province) frame joined to the polygons.

    ``gdf`` has every polygon (left join from the geometry: a polygon without data keeps NaN values and is drawn
    as "no data"); ``codes_without_geometry`` are codes of the data that no polygon carries (not drawn);
    ``codes_without_data`` are polygons whose code is not in the data.
    """

    level: str
    gdf: gpd.GeoDataFrame = field(repr=False)
    codes_without_geometry: list[str]
    codes_without_data: list[str]

    @property
    def complete(self) -> bool:
        """Every data row has a polygon and every polygon has a data row."""
        return not self.codes_without_geometry and not self.codes_without_data


def join(frame: pd.DataFrame, level: str = "region", code_column: str | None = None) -> GeoJoin:
    """Join ``frame`` (one row per code) to the polygons of ``level`` (``"region"`` or ``"province"``).

    ``code_column`` defaults to ``region_code`` / ``province_code``; codes are normalised with
    :func:`normalise_code` first. Columns of ``frame`` that the polygons also carry (names) are taken from the
    polygons. Raises ``ValueError`` for a missing column or a code that appears twice.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    key = f"{level}_code"
    column = code_column or key
    if column not in frame.columns:
        raise ValueError(f"frame has no column {column!r} to join on (columns: {list(frame.columns)[:8]}...)")
    data = frame.copy()
    codes = data[column].map(lambda v: normalise_code(v, level))
    bad = codes.isna()
    if bad.any():
        i = bad.to_numpy().nonzero()[0][0]
        raise ValueError(f"frame row {i}, column {column!r}: {data[column].iloc[i]!r} is not a {level} code")
    data = data.drop(columns=[column]).assign(**{key: codes.astype(str)})
    dup = data[key][data[key].duplicated()]
    if not dup.empty:
        raise ValueError(f"code {dup.iloc[0]!r} appears more than once in the frame (select one period first)")
    shapes = regions_geodataframe() if level == "region" else provinces_geodataframe()
    shared = [c for c in data.columns if c in shapes.columns and c != key]
    merged = shapes.merge(data.drop(columns=shared), on=key, how="left", indicator=True)
    without_data = sorted(merged.loc[merged["_merge"] == "left_only", key])
    without_geometry = sorted(set(data[key]) - set(shapes[key]))
    import geopandas as gpd

    gdf = gpd.GeoDataFrame(merged.drop(columns="_merge"), geometry="geometry", crs=shapes.crs)
    return GeoJoin(level, gdf, without_geometry, without_data)
