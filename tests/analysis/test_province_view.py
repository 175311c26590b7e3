"""A province's inequality rows, criteria met and gaps in persons (Bengkulu, December 2025, by hand)."""

import pytest

from uhc_lib.analysis import peers, province_view
from uhc_lib.rules.indicators import indicators, required_count


@pytest.fixture(scope="module")
def bengkulu(panel):
    ind = indicators(panel[panel["period"] == panel["period"].max()])
    return peers.province_peers(ind, "17"), ind


def test_inequality_rows(bengkulu):
    pp, _ = bengkulu
    rows = province_view.inequality(pp)
    assert rows["metric"].tolist() == ["coverage_pct", "activity_pct"]
    act = rows.iloc[1]
    r = pp.regions
    assert act["best_pct"] == pytest.approx(r["activity_pct"].max())
    assert act["difference"] == pytest.approx(r["activity_pct"].max() - r["activity_pct"].min())
    assert act["pooled_pct"] == pytest.approx(100 * r["active"].sum() / r["population"].sum())


def test_criteria_and_gaps_by_hand(bengkulu):
    pp, _ = bengkulu
    table = province_view.criteria_and_gaps(pp)
    assert table.attrs["criterion"] == "prioritas"
    assert table["activity_rank_province"].tolist() == sorted(table["activity_rank_province"])
    r = pp.regions.set_index("region_code")
    row = table.set_index("region_code").loc["17.71"]  # Kota Bengkulu
    need = int(required_count(int(r.loc["17.71", "population"]), 80.0)) - int(r.loc["17.71", "active"])
    assert row["activate_needed"] == need == 7_303
    assert not row["meets_prioritas"] and row["status"] == "cut_off"  # 98 % registered, activity below 80 %
    totals = province_view.gap_totals(table)
    assert totals["regions"] == 10 and totals["regions_met"] == int(table["meets_prioritas"].sum()) == 7
    assert totals["activate_needed"] == int(table["activate_needed"].sum()) == 2_201 + 7_303 + 3_069 == 12_573
