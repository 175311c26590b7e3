"""National bill of enrolment: hand-computed gaps and rupiah, and Cianjur as the budget computes it."""

import pandas as pd
import pytest

from tests.helpers import make_panel
from uhc_lib.analysis import national_budget
from uhc_lib.rules.indicators import indicators


@pytest.fixture
def small():
    # 32.03: 98 % of 1,001 is 980.98 -> 981 must be registered, 950 are: 31 to enrol; 32.01 already at 99.5 %
    return indicators(
        make_panel(
            [
                ("32.03", "2024-12", "total", 1001, 950, 800),
                ("32.01", "2024-12", "total", 200, 199, 150),
                ("17.07", "2024-12", "total", 100, 90, 80),
            ]
        )
    )


def test_enrolment_costs_by_hand(small):
    costs = national_budget.enrolment_costs(small, "2024-12")
    row = costs.set_index("region_code")
    assert row.loc["32.03", "enrol_needed"] == 31
    assert row.loc["32.03", "cost_rp"] == 31 * 42_000 * 12 == 15_624_000
    assert row.loc["32.01", "enrol_needed"] == 0 and row.loc["32.01", "cost_rp"] == 0
    assert row.loc["17.07", "enrol_needed"] == 8  # 98 of 100 minus 90
    assert list(costs["region_code"]) == ["17.07", "32.01", "32.03"]
    assert row["cost_rank"].to_dict() == {"17.07": 2, "32.01": 3, "32.03": 1}
    assert row.loc["32.03", "region_name"] == "Kabupaten Cianjur"


def test_months_and_minimum_change_the_bill(small):
    half = national_budget.enrolment_costs(small, "2024-12", coverage_pct=95.0, months=6).set_index("region_code")
    assert half.loc["32.03", "enrol_needed"] == 1  # 95 % of 1,001 = 950.95 -> 951
    assert half.loc["32.03", "cost_rp"] == 1 * 42_000 * 6


def test_national_totals_and_provinces(small):
    n = national_budget.national_enrolment(small, "2024-12")
    assert (n.n_regions, n.n_below, n.enrol_needed) == (3, 2, 39)
    assert n.cost_rp == 39 * 42_000 * 12
    prov = n.provinces.set_index("province_code")
    assert prov.loc["32", ["n_regions", "n_below", "enrol_needed"]].tolist() == [2, 1, 31]
    assert list(n.provinces["province_code"]) == ["32", "17"]  # largest bill first
    assert n.largest(1)["region_code"].tolist() == ["32.03"]
    assert n.region("17.07")["enrol_needed"] == 8


def test_errors_name_the_problem(small):
    with pytest.raises(ValueError, match="no rows for period 2023-01"):
        national_budget.enrolment_costs(small, "2023-01")
    with pytest.raises(KeyError, match="'11.01'"):
        national_budget.national_enrolment(small).region("11.01")
    with pytest.raises(ValueError, match="months"):
        national_budget.enrolment_costs(small, months=-1)


def test_cianjur_matches_the_budget(panel, cianjur):
    from uhc_lib.analysis import budget

    ind = indicators(panel[panel["period"] == pd.Period("2024-12", "M")])
    n = national_budget.national_enrolment(ind, "2024-12")
    row = n.region("32.03")
    assert row["enrol_needed"] == 52_298
    assert row["cost_rp"] == budget.budget_to_target(cianjur).lines[0].rupiah == 26_358_192_000
    assert n.cost_rp == int(n.regions["cost_rp"].sum()) == int(n.provinces["cost_rp"].sum())
