"""Peers: ranks (ties 'min') in province and nation, quadrants against the year's lines, HEAT inequality measures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import make_panel
from uhc_lib.analysis import peers
from uhc_lib.rules import criteria
from uhc_lib.rules.indicators import indicators

# Jawa Barat (32) and Aceh (11): coverage / activity in percent of population, chosen to be exact.
#            code     pop   reg   act    cov  act
SMALL = [
    ("32.01", 1000, 990, 900),  # 99   90
    ("32.02", 1000, 990, 800),  # 99   80
    ("32.03", 2000, 1900, 1600),  # 95   80
    ("11.01", 500, 490, 350),  # 98   70
    ("11.02", 500, 400, 400),  # 80   80
    ("11.03", 1000, 900, 600),  # 90   60
]


def small_ind(period: str = "2025-12") -> pd.DataFrame:
    return indicators(make_panel([(c, period, "total", p, r, a) for c, p, r, a in SMALL]))


@pytest.fixture(scope="module")
def ind(panel):
    return indicators(panel)


def by_code(frame: pd.DataFrame, column: str) -> dict[str, object]:
    return dict(zip(frame["region_code"], frame[column], strict=True))


def test_ranks_with_ties_in_province_and_nation():
    r = peers.peer_ranks(small_ind())
    assert by_code(r, "coverage_rank_national") == {
        "11.01": 3, "11.02": 6, "11.03": 5, "32.01": 1, "32.02": 1, "32.03": 4,
    }  # fmt: skip
    assert by_code(r, "activity_rank_national") == {
        "11.01": 5, "11.02": 2, "11.03": 6, "32.01": 1, "32.02": 2, "32.03": 2,
    }  # fmt: skip
    assert by_code(r, "coverage_rank_province") == {
        "11.01": 1, "11.02": 3, "11.03": 2, "32.01": 1, "32.02": 1, "32.03": 3,
    }  # fmt: skip
    assert by_code(r, "activity_rank_province") == {
        "11.01": 2, "11.02": 1, "11.03": 3, "32.01": 1, "32.02": 2, "32.03": 2,
    }  # fmt: skip
    assert by_code(r, "n_province") == {"11.01": 3, "11.02": 3, "11.03": 3, "32.01": 3, "32.02": 3, "32.03": 3}
    assert set(r["n_national"]) == {6}


def test_percentiles_count_strictly_lower_peers():
    r = peers.peer_ranks(small_ind()).set_index("region_code")
    assert r.loc["32.01", "coverage_percentile_province"] == 50.0  # above 32.03 only; tied with 32.02
    assert r.loc["32.03", "coverage_percentile_province"] == 0.0
    assert r.loc["32.02", "activity_percentile_national"] == pytest.approx(40.0)  # above 11.01 and 11.03 of 5
    assert r.loc["32.01", "activity_percentile_national"] == 100.0


def test_quadrants_2025_and_2024_by_hand():
    q25 = peers.quadrants(small_ind("2025-12"))
    assert (q25.coverage_line, q25.activity_line, q25.criterion) == (98.0, 80.0, "prioritas")
    assert by_code(q25.regions, "quadrant") == {
        "11.01": "coverage_only", "11.02": "activity_only", "11.03": "neither",
        "32.01": "both", "32.02": "both", "32.03": "activity_only",
    }  # fmt: skip
    assert list(q25.counts["count"]) == [2, 1, 2, 1] and q25.total == 6
    q24 = peers.quadrants(small_ind("2024-12"))
    assert (q24.coverage_line, q24.activity_line) == (95.0, 75.0)
    assert [q24.count(k) for k in peers.QUADRANTS] == [3, 1, 1, 1]  # 32.03 at exactly 95/80 meets both


def test_criteria_lines_per_year():
    assert peers.criteria_lines(2023) == (95.0, 75.0, "non_cut_off")
    assert peers.criteria_lines(2025) == (98.0, 80.0, "prioritas")
    assert peers.criteria_lines(2026) == (98.0, 80.0, "prioritas")
    assert peers.criteria_lines(2022) == (95.0, None, "uhc")  # 2022: coverage only, no activity line


def test_inequality_by_hand_on_three_regions():
    row = peers.province_inequality(small_ind(), metric="activity_pct").set_index("province_code").loc["32"]
    # y = 90, 80, 80; p = .25, .25, .5; mu = 3300 / 4000 = 82.5
    assert row["pooled_pct"] == pytest.approx(82.5)
    assert row["difference"] == pytest.approx(10.0)
    assert row["ratio"] == pytest.approx(1.125)
    assert row["bgv"] == pytest.approx(0.25 * 7.5**2 + 0.25 * 2.5**2 + 0.5 * 2.5**2)  # 18.75
    assert row["mdm"] == pytest.approx(3.75)
    assert row["idis"] == pytest.approx(100 / 3 * 12.5 / 82.5)
    assert (row["best_code"], row["best_name"], row["best_pct"]) == ("32.01", "Kabupaten Bogor", pytest.approx(90))
    assert (row["worst_code"], row["worst_name"]) == ("32.02", "Kabupaten Sukabumi")  # tie: first code
    assert row["n"] == 3 and row["population"] == 4000


def test_national_inequality_between_provinces_uses_pooled_rates():
    s = peers.national_inequality(small_ind(), metric="coverage_pct")
    # provinces: 32 -> 3880/4000 = 97 %, 11 -> 1790/2000 = 89.5 %; Indonesia 5670/6000 = 94.5 %
    assert s["pooled_pct"] == pytest.approx(94.5)
    assert (s["best_code"], s["worst_code"]) == ("32", "11")
    assert s["difference"] == pytest.approx(7.5)
    assert s["mdm"] == pytest.approx(2 / 3 * 2.5 + 1 / 3 * 5.0)
    regions = peers.national_inequality(small_ind(), metric="coverage_pct", between="regions")
    assert regions["n"] == 6 and regions["difference"] == pytest.approx(19.0)
    with pytest.raises(ValueError, match="between"):
        peers.national_inequality(small_ind(), between="islands")


@given(
    st.lists(
        st.tuples(st.integers(1, 10_000_000), st.floats(0.01, 1.0), st.floats(0.0, 1.0)),
        min_size=1,
        max_size=12,
    )
)
def test_measures_properties(groups):
    pop = np.array([g[0] for g in groups], dtype="int64")
    count = np.floor(pop * np.array([g[1] for g in groups])).astype("int64")
    y = 100 * count / pop
    m = peers.measures(y, pop, count)
    assert m["mu"] == pytest.approx(float(np.sum(pop / pop.sum() * y)), rel=1e-9, abs=1e-9)
    assert y.min() - 1e-9 <= m["mu"] <= y.max() + 1e-9
    assert m["bgv"] >= 0 and m["mdm"] >= 0
    assert m["mdm"] <= m["difference"] + 1e-9
    assert m["bgv"] <= m["difference"] ** 2 + 1e-6


def test_measures_zero_without_inequality():
    m = peers.measures(np.array([80.0, 80.0]), np.array([10, 30]), np.array([8, 24]))
    assert (m["difference"], m["ratio"], m["bgv"], m["mdm"], m["idis"]) == (0, 1, 0, 0, 0)


def test_embedded_panel_ranks_all_regions_and_provinces(ind):
    r = peers.peer_ranks(ind, "2024-12")
    assert len(r) == 514 and set(r["n_national"]) == {514}
    assert r["activity_rank_national"].min() == 1 and r["activity_rank_national"].max() <= 514
    assert r["province_code"].nunique() == 38
    assert (r.groupby("province_code")["n_province"].first().sum()) == 514
    jabar = r[r["province_code"] == "32"].sort_values("activity_pct", ascending=False, ignore_index=True)
    cianjur = r[r["region_code"] == "32.03"].iloc[0]
    assert cianjur["n_province"] == 27
    assert cianjur["activity_rank_province"] == jabar.index[jabar["region_code"] == "32.03"][0] + 1
    national = r.sort_values("coverage_pct", ascending=False, ignore_index=True)
    assert cianjur["coverage_rank_national"] == national.index[national["region_code"] == "32.03"][0] + 1


def test_pooled_mean_equals_province_total_from_counts(ind):
    for metric, count in peers.COUNT_OF.items():
        ineq = peers.province_inequality(ind, "2025-12", metric).set_index("province_code")
        totals = peers.province_totals(ind, "2025-12").set_index("province_code")
        assert len(ineq) == 38
        expected = 100 * totals[count] / totals["population"]
        np.testing.assert_allclose(ineq["pooled_pct"], expected, rtol=1e-12)
        r = peers.one_period(ind, "2025-12")
        weighted = (r[metric] * r["population"]).groupby(r["province_code"]).sum() / r.groupby("province_code")[
            "population"
        ].sum()
        np.testing.assert_allclose(ineq["pooled_pct"], weighted, rtol=1e-12)


@pytest.mark.parametrize("period", ["2024-12", "2025-12"])
def test_both_quadrant_is_the_headline_criterion(ind, period):
    q = peers.quadrants(ind, period)
    evaluated = criteria.evaluate(peers.one_period(ind, period), q.criteria_year)
    assert (q.regions["quadrant"] == "both").tolist() == evaluated[f"meets_{q.criterion}"].tolist()
    assert q.total == 514


def test_province_summary_adds_up(ind):
    q = peers.quadrants(ind, "2025-12")
    s = peers.province_summary(ind, "2025-12")
    assert len(s) == 38 and s["n_regions"].sum() == 514
    for quad in peers.QUADRANTS:
        assert s[f"n_{quad}"].sum() == q.count(quad)
    assert (s["n_meets_prioritas"] == s["n_both"]).all()
    assert s["population"].sum() == peers.one_period(ind, "2025-12")["population"].sum()
    assert sorted(s["activity_rank"]) == list(range(1, 39))


def test_peer_position_of_cianjur(ind):
    pos = peers.peer_position(ind, "32.03", "2024-12")
    r = peers.peer_ranks(ind, "2024-12").set_index("region_code").loc["32.03"]
    assert (pos.activity_rank_province, pos.n_province, pos.province_name) == (
        r["activity_rank_province"],
        27,
        "Jawa Barat",
    )
    assert pos.rank("coverage_pct", "national") == r["coverage_rank_national"]
    assert pos.quadrant == "coverage_only"  # 96 % registered, 68.7 % active in Dec 2024
    assert pos.activity_inequality["worst_code"] == "32.03"
    assert len(pos.province) == 27 and pos.province["activity_pct"].is_monotonic_decreasing


def test_clear_errors(ind):
    with pytest.raises(ValueError, match="no rows for period 2030-01"):
        peers.peer_ranks(ind, "2030-01")
    doubled = pd.concat([small_ind(), small_ind().iloc[:1]])
    with pytest.raises(ValueError, match="'11.01' appears more than once"):
        peers.peer_ranks(doubled)
    with pytest.raises(KeyError, match="unknown kabupaten/kota code '99.99'"):
        peers.peer_position(ind, "99.99")
    with pytest.raises(KeyError, match="has no data"):
        peers.peer_position(small_ind(), "17.07")
    with pytest.raises(KeyError, match="no regions for province '99'"):
        peers.province_peers(ind, "99")
    with pytest.raises(ValueError, match="metric must be one of"):
        peers.province_inequality(ind, metric="inactive_pct")


def test_august_2025_matches_the_published_count(ind):
    # Republika, 26 Sep 2025: 331 kab/kota met 98/80 on 1 Aug 2025 (the embedded panel is matched to it)
    assert peers.quadrants(ind, "2025-08").count("both") == 331
