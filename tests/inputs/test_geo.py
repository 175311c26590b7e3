"""Boundaries: every kab/kota and province code has one polygon, codes in the project format, joins report gaps."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from uhc_lib.analysis import peers
from uhc_lib.inputs import geo, reference
from uhc_lib.rules.indicators import indicators


@pytest.fixture(scope="module")
def latest(panel):
    return peers.one_period(indicators(panel))


def test_regions_match_the_reference_exactly():
    g = geo.regions_geodataframe()
    assert len(g) == 514 and g.crs.to_epsg() == 4326
    assert all(re.fullmatch(r"\d{2}\.\d{2}", c) for c in g["region_code"])
    ref = reference.regions().set_index("region_code")
    assert set(g["region_code"]) == set(ref.index)
    assert (g.set_index("region_code")["region_name"] == ref["region_name"].reindex(g["region_code"])).all()
    assert not g.geometry.is_empty.any() and g.geometry.notna().all()
    assert (g["province_code"] == g["region_code"].str[:2]).all()


def test_provinces_match_the_reference_exactly():
    p = geo.provinces_geodataframe()
    assert len(p) == 38
    assert set(p["province_code"]) == set(reference.provinces()["province_code"])
    assert p.loc[p["province_code"] == "32", "province_name"].item() == "Jawa Barat"


def test_cached_reads_return_independent_copies():
    g = geo.regions_geodataframe()
    g.loc[0, "region_name"] = "changed"
    assert geo.regions_geodataframe().loc[0, "region_name"] == "Kabupaten Aceh Selatan"


def test_join_is_complete_for_the_embedded_panel(latest):
    j = geo.join(latest)
    assert j.complete and j.codes_without_data == [] and j.codes_without_geometry == []
    assert len(j.gdf) == 514 and j.gdf["activity_pct"].notna().all()
    prov = geo.join(peers.province_totals(latest), "province")
    assert prov.complete and len(prov.gdf) == 38


def test_join_reports_both_kinds_of_mismatch(latest):
    part = latest[~latest["region_code"].isin(["32.03", "17.07"])].copy()
    extra = part.iloc[:1].assign(region_code="99.99")
    j = geo.join(pd.concat([part, extra]))
    assert j.codes_without_data == ["17.07", "32.03"]
    assert j.codes_without_geometry == ["99.99"]
    assert not j.complete
    assert len(j.gdf) == 514  # every polygon kept; the two without data have NaN values
    assert j.gdf.loc[j.gdf["region_code"] == "32.03", "activity_pct"].isna().all()


def test_join_normalises_undotted_codes(latest):
    undotted = latest.assign(region_code=latest["region_code"].str.replace(".", "", regex=False))
    assert geo.join(undotted).complete


@pytest.mark.parametrize(
    ("value", "level", "expected"),
    [("11.10", "region", "11.10"), (" 1110 ", "region", "11.10"), ("11.1", "region", None), ("11", "province", "11"),
     ("11.10", "province", None), ("1", "province", None)],
)  # fmt: skip
def test_normalise_code(value, level, expected):
    assert geo.normalise_code(value, level) == expected


def test_join_errors_name_row_and_column(latest):
    bad = latest.copy()
    bad.loc[bad.index[4], "region_code"] = "11.5"
    with pytest.raises(ValueError, match=r"frame row 4, column 'region_code': '11.5' is not a region code"):
        geo.join(bad)
    twice = latest.assign(region_code="11.01")
    with pytest.raises(ValueError, match="'11.01' appears more than once"):
        geo.join(twice)
    with pytest.raises(ValueError, match="no column 'kode'"):
        geo.join(latest, code_column="kode")
    with pytest.raises(ValueError, match="level must be one of"):
        geo.join(latest, "kecamatan")


def test_bad_boundary_file_names_file_and_feature(tmp_path):
    feature = {"type": "Feature", "properties": {"kode": "11.1", "nama": "x"},
               "geometry": {"type": "Point", "coordinates": [100, 0]}}  # fmt: skip
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    with pytest.raises(ValueError, match=r"bad.geojson: feature 0, property 'kode': '11.1' is not a region code"):
        geo.regions_geodataframe(path)
    with pytest.raises(ValueError, match=r"bad.geojson: feature 0, property 'kode': '11.1' is not a region code"):
        geo.features("region", path)


def test_features_read_without_geopandas_hold_the_same_polygons():
    regions, provinces = geo.features("region"), geo.features("province")
    assert set(regions) == reference.region_codes() and len(provinces) == 38
    g = geo.regions_geodataframe().set_index("region_code")
    for code in ("11.10", "17.07", "31.01", "96.01"):
        rings = [ring for polygon in regions[code] for ring in polygon]
        shape = g.loc[code, "geometry"]
        parts = list(getattr(shape, "geoms", [shape]))
        assert len(rings) == sum(1 + len(p.interiors) for p in parts)
        assert sorted(tuple(map(tuple, r))[0] for r in rings) == sorted(
            tuple(c)[0] for p in parts for c in [p.exterior.coords, *(i.coords for i in p.interiors)]
        )


def test_features_refuse_a_geometry_that_is_not_a_polygon(tmp_path):
    feature = {"type": "Feature", "properties": {"kode": "11.10"}, "geometry": {"type": "Point", "coordinates": [1, 0]}}
    path = tmp_path / "point.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    with pytest.raises(ValueError, match=r"point.geojson: feature 0 \(11.10\) is a 'Point', expected Polygon"):
        geo.features("region", path)
    (tmp_path / "broken.geojson").write_text("{not json")
    with pytest.raises(ValueError, match="broken.geojson: not a readable GeoJSON FeatureCollection"):
        geo.features("region", tmp_path / "broken.geojson")
