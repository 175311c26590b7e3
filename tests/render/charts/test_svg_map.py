"""Tests for uhc_lib.render.charts.svg_map: the 514 kab/kota as SVG paths (codes as text), province boxes, the
<svg> element, and no geopandas or shapely needed to build it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from uhc_lib.inputs import reference
from uhc_lib.render.charts import svg_map
from uhc_lib.render.charts.svg_map import MapItem


def _points(d: str) -> list[tuple[int, int]]:
    """Absolute points of a path made of ``M x y l dx dy ... z`` rings."""
    out = []
    for ring in re.findall(r"M([^l]+)l([^z]*)z", d):
        numbers = [int(n) for n in re.findall(r"-?\d+", " ".join(ring))]
        x, y = numbers[0], numbers[1]
        out.append((x, y))
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            out.append((x, y))
    return out


@pytest.fixture(scope="module")
def shapes():
    return svg_map.shapes()


def test_every_kab_kota_has_one_path_under_its_code_as_text(shapes):
    assert set(shapes.regions) == reference.region_codes() and len(shapes.regions) == 514
    assert "11.10" in shapes.regions and "11.1" not in shapes.regions  # Kabupaten Aceh Singkil, not a float
    assert shapes.regions["11.10"] != shapes.regions["11.01"]
    assert len(shapes.provinces) == 38 and set(shapes.boxes) == {c[:2] for c in shapes.regions}


def test_paths_lie_in_the_frame_and_inside_their_province_box(shapes):
    for code, d in shapes.regions.items():
        points = _points(d)
        assert len(points) >= 3, code
        x, y, w, h = shapes.boxes[code[:2]]
        assert all(x - 1 <= px <= x + w + 1 and y - 1 <= py <= y + h + 1 for px, py in points), code
        assert all(0 <= px <= shapes.width and 0 <= py <= shapes.height for px, py in points), code
    # Lebong (17.07) lies inland in Bengkulu, near 102.2 E 3.2 S
    xs, ys = zip(*_points(shapes.regions["17.07"]), strict=True)
    lng, lat = svg_map.WEST + sum(xs) / len(xs) / svg_map.SCALE, svg_map.NORTH - sum(ys) / len(ys) / svg_map.SCALE
    assert 101.9 < lng < 102.6 and -3.6 < lat < -2.8


def test_the_map_stays_small_enough_for_an_index_page(shapes):
    size = sum(map(len, shapes.regions.values())) + sum(map(len, shapes.provinces.values()))
    assert 150_000 < size < 700_000


def test_thin_drops_points_within_the_tolerance_and_keeps_the_ones_beyond():
    line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 0.0)]
    assert svg_map.thin(line, 0.5) == [(0.0, 0.0), (3.0, 0.0)]
    bent = [(0.0, 0.0), (1.0, 2.0), (2.0, 0.0)]
    assert svg_map.thin(bent, 0.5) == bent
    assert svg_map.project(svg_map.WEST, svg_map.NORTH) == (0.0, 0.0)


def test_svg_links_the_given_regions_and_draws_the_others_with_the_default():
    items = {"17.07": MapItem("s-best", "Kabupaten Lebong <Bengkulu>", "17.07.html"), "11.10": MapItem("s-none", "x")}
    page = svg_map.svg(items, MapItem("s-nobrief", "belum dibuat"), "Peta", names={"11.01": "Kabupaten Aceh Selatan"})
    assert page.startswith("<svg") and page.endswith("</svg>")
    assert len(re.findall(r'data-c="\d\d\.\d\d"', page)) == 514
    assert page.count('data-c="11.10"') == 1 and 'data-c="11.1"' not in page
    assert re.findall(r'<a href="([^"]+)" data-c="([^"]+)"', page) == [("17.07.html", "17.07")]
    assert "<title>Kabupaten Lebong &lt;Bengkulu&gt;</title>" in page
    assert re.search(r'<path data-c="11.01" class="s-nobrief" d="M[^"]+"><title>Kabupaten Aceh Selatan\nbelum', page)
    assert re.search(r'<path data-c="11.10" class="s-none" d="M[^"]+"><title>x</title>', page)


def test_building_the_map_needs_neither_geopandas_nor_shapely():
    code = (
        "import sys\nfrom uhc_lib.render.charts import svg_map\n"
        "assert len(svg_map.shapes().regions) == 514\n"
        "print(sorted(m for m in ('geopandas', 'shapely', 'pyogrio', 'fiona') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"


def test_built_paths_are_kept_in_the_cache_folder_and_rebuilt_when_unreadable(tmp_path, monkeypatch, shapes):
    monkeypatch.setattr(svg_map.config, "CACHE_DIR", tmp_path)
    svg_map.shapes.cache_clear()
    try:
        assert svg_map.shapes() == shapes  # built, then kept
        kept = svg_map.cache_file()
        assert kept.parent == tmp_path and kept.exists() and not list(tmp_path.glob(".*.tmp"))
        svg_map.shapes.cache_clear()
        monkeypatch.setattr(svg_map, "build", lambda: pytest.fail("built again although the cache holds the paths"))
        assert svg_map.shapes() == shapes  # read back, equal
        kept.write_text('{"width": 1', encoding="utf-8")  # a truncated cache file
        svg_map.shapes.cache_clear()
        monkeypatch.undo()
        monkeypatch.setattr(svg_map.config, "CACHE_DIR", tmp_path)
        assert svg_map.shapes() == shapes and json_ok(kept)
    finally:
        svg_map.shapes.cache_clear()


def json_ok(path) -> bool:
    import json

    return len(json.loads(path.read_text(encoding="utf-8"))["regions"]) == 514
