"""Reference data: Dukcapil populations versioned by semester, each with its source."""

from uhc_lib.inputs import reference


def test_population_by_semester_holds_the_semester_ii_2024_file_and_the_published_denominators():
    table = reference.population_by_semester()
    assert list(table.columns) == ["region_code", "semester", "population", "source"]
    s2 = table[table["semester"] == "S2-2024"]
    assert len(s2) == 514 and s2["population"].sum() == 284_973_643
    lebong = table[table["region_code"] == "17.07"].set_index("semester")["population"].to_dict()
    assert lebong == {"S1-2023": 112_982, "S1-2025": 116_169, "S2-2024": 115_520}
    assert table["source"].str.len().gt(10).all()  # every figure names where it comes from
    assert not table.duplicated(["region_code", "semester"]).any()
    assert set(table["region_code"]) <= set(reference.region_codes())
