"""The 514 kab/kota as an inline SVG map for HTML pages (the month index): one path per region, province outlines
and the box of each province for zooming, built from the shipped simplified boundaries.

Plain Python on the GeoJSON (:func:`uhc_lib.inputs.geo.features`: no geopandas, shapely or CDN), so a light install
draws it and the page works from ``file://``. Longitude and latitude are projected plate carrée (Indonesia lies
across the equator, where a degree of longitude and of latitude are about the same length) to integer SVG units,
``SCALE`` per degree, then thinned (Douglas-Peucker) with a tolerance proportional to the region's province, so a
province zoomed to the map's width keeps its detail (``DETAIL``) while the national map stays small. Islands smaller
than the tolerance are left out, except each region's largest polygon. Paths are built once (about a second) and
kept in the cache folder (``UHC_CACHE_DIR``, as the validated panels), keyed by the boundary files and the settings
here, so a later process reads them in a few milliseconds.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from uhc_lib.common import config
from uhc_lib.inputs import geo

WEST, NORTH, EAST, SOUTH = 94.6, 6.4, 141.4, -11.4  # the national frame in degrees (as maps.INDONESIA_EXTENT)
SCALE = 400  # SVG units per degree: integer coordinates 0.0025 degree (about 280 m) apart
DETAIL = 1500  # a province shown at the map's width is drawn to 1/DETAIL of its extent
MIN_TOLERANCE = 0.5  # SVG units
ATTRIBUTION = geo.SOURCE_NOTE

Point = tuple[float, float]


@dataclass(frozen=True)
class MapShapes:
    """The map's geometry in SVG units: ``regions`` and ``provinces`` map a code (``"11.10"``, ``"11"``) to the
    ``d`` of its path; ``boxes`` a province code to its ``(x, y, width, height)``."""

    width: int
    height: int
    regions: dict[str, str]
    provinces: dict[str, str]
    boxes: dict[str, tuple[int, int, int, int]]


@dataclass(frozen=True)
class MapItem:
    """How one region is drawn: its CSS class (the colour), the text of its ``<title>`` (hover, screen readers)
    and, when given, the page it links to (the region is then a focusable ``<a>``)."""

    css_class: str
    title: str
    href: str | None = None


def project(lng: float, lat: float) -> Point:
    """SVG units (x to the east, y to the south) of a longitude and latitude."""
    return (lng - WEST) * SCALE, (NORTH - lat) * SCALE


def thin(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the points of an open line that stay within ``tolerance`` of it (first and last kept)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    limit = tolerance * tolerance
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        dx, dy = points[b][0] - ax, points[b][1] - ay
        length = dx * dx + dy * dy
        worst, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i][0] - ax, points[i][1] - ay
            d = px * px + py * py if length == 0 else (px * dy - py * dx) ** 2 / length
            if d > worst:
                worst, at = d, i
        if worst > limit:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _area(ring: list[tuple[int, int]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def _ring(coordinates: list[list[float]], tolerance: float) -> list[tuple[int, int]]:
    points = [project(lng, lat) for lng, lat, *_ in coordinates]
    if len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]
    ring: list[tuple[int, int]] = []
    for x, y in thin(points, tolerance):
        p = (round(x), round(y))
        if not ring or ring[-1] != p:
            ring.append(p)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring


def _path(rings: Iterable[list[tuple[int, int]]]) -> str:
    """``M x y l dx dy ... z`` per ring: relative moves keep the numbers short."""
    parts = []
    for ring in rings:
        steps = " ".join(f"{x1 - x0} {y1 - y0}" for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))
        parts.append(f"M{ring[0][0]} {ring[0][1]}l{steps}z".replace(" -", "-"))
    return "".join(parts)


def _rings(polygons, tolerance: float) -> list[list[tuple[int, int]]]:
    """Every ring of ``polygons`` thinned; rings smaller than the tolerance left out, but never the largest."""
    rings = [r for polygon in polygons for r in (_ring(c, tolerance) for c in polygon) if len(r) >= 3]
    if not rings:
        return []
    largest = max(rings, key=_area)
    return [r for r in rings if r is largest or _area(r) >= 4 * tolerance * tolerance]


def _extent(polygons) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for polygon in polygons:
        for lng, lat, *_ in polygon[0]:
            x, y = project(lng, lat)
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def cache_file() -> Path:
    """Where the built paths are kept: named by the boundary files' contents and the settings of this module."""
    digest = hashlib.sha256(f"v1 {SCALE} {DETAIL} {MIN_TOLERANCE} {WEST} {NORTH} {EAST} {SOUTH}".encode())
    for path in (geo.REGION_FILE, geo.PROVINCE_FILE):
        digest.update(path.read_bytes())
    return config.CACHE_DIR / f"svg-map-{digest.hexdigest()[:20]}.json"


def _read_cache(path: Path) -> MapShapes | None:
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
        found = MapShapes(d["width"], d["height"], d["regions"], d["provinces"],
                          {p: tuple(b) for p, b in d["boxes"].items()})  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if found.regions and all(isinstance(d, str) for d in found.regions.values()) else None


def _write_cache(path: Path, built: MapShapes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(asdict(built), separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # a read-only cache only costs the next process a rebuild
        pass


@lru_cache(maxsize=1)
def shapes() -> MapShapes:
    """The national map's paths and province boxes: read from the cache folder, else built and kept there."""
    path = cache_file()
    found = _read_cache(path)
    if found is None:
        found = build()
        _write_cache(path, found)
    return found


def build() -> MapShapes:
    """Project and thin every polygon of the shipped boundaries (about a second)."""
    regions, provinces = geo.features("region"), geo.features("province")
    extents: dict[str, list[float]] = {}
    for code, polygons in regions.items():
        x0, y0, x1, y1 = _extent(polygons)
        box = extents.setdefault(code[:2], [x0, y0, x1, y1])
        box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
    tolerance = {p: max(max(b[2] - b[0], b[3] - b[1]) / DETAIL, MIN_TOLERANCE) for p, b in extents.items()}
    region_paths, boxes = {}, {}
    for code, polygons in sorted(regions.items()):
        rings = _rings(polygons, tolerance[code[:2]])
        if rings:
            region_paths[code] = _path(rings)
    for p, (x0, y0, x1, y1) in sorted(extents.items()):
        boxes[p] = (int(x0), int(y0), int(x1 - x0) + 1, int(y1 - y0) + 1)
    province_paths = {
        p: _path(_rings(polygons, tolerance.get(p, MIN_TOLERANCE * 4))) for p, polygons in sorted(provinces.items())
    }
    width, height = project(EAST, SOUTH)
    return MapShapes(round(width), round(height), region_paths, province_paths, boxes)


def svg(
    items: Mapping[str, MapItem],
    default: MapItem,
    label: str,
    map_shapes: MapShapes | None = None,
    names: Mapping[str, str] | None = None,
) -> str:
    """The ``<svg>`` element: every region as a path (inside an ``<a>`` when its item links), its code in
    ``data-c``, its ``<title>``; province outlines on top (not clickable). A region without an item is drawn with
    ``default`` whose title is prefixed by the region's name from ``names``."""
    m = map_shapes or shapes()
    names = names or {}
    out = [
        f'<svg id="uhc-map" viewBox="0 0 {m.width} {m.height}" data-full="0 0 {m.width} {m.height}" '
        f'preserveAspectRatio="xMidYMid meet" role="group" aria-label="{html.escape(label, quote=True)}">',
        '<g class="regions">',
    ]
    for code, d in m.regions.items():
        item = items.get(code)
        if item is None:
            name = names.get(code, code)
            item = MapItem(default.css_class, f"{name}\n{default.title}" if default.title else name)
        title = f"<title>{html.escape(item.title)}</title>"
        if item.href:
            href = html.escape(item.href, quote=True)
            out.append(f'<a href="{href}" data-c="{code}" class="{item.css_class}">{title}<path d="{d}"/></a>')
        else:
            out.append(f'<path data-c="{code}" class="{item.css_class}" d="{d}">{title}</path>')
    out.append('</g><g class="provinces" aria-hidden="true">')
    out += [f'<path data-p="{p}" d="{d}"/>' for p, d in m.provinces.items() if d]
    out.append("</g></svg>")
    return "".join(out)
