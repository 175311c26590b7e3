"""Scenario levers on a tiny made-up region (months computed by hand), composition, caps, pools, and Cianjur."""

import dataclasses

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uhc_lib.analysis import scenarios as S
from uhc_lib.analysis.scenarios import (
    CleanData,
    CsrSponsorship,
    CurrentPace,
    EnrolUnregistered,
    ReactivateArrears,
    Scenario,
    State,
    TakeOverInactive,
)

P = pd.Period


def tiny(**kw) -> State:
    """1,000 residents in Dec 2024, 950 registered (95 %), 700 active (70 %)."""
    return State(**({"period": P("2024-12", "M"), "population": 1000, "registered": 950, "active": 700} | kw))


def at(path: pd.DataFrame, month: str) -> pd.Series:
    return path.loc[path["period"] == P(month, "M")].iloc[0]


def test_enrol_and_reactivate_reach_98_80_in_april_2025():
    # 98 % of 1,000 = 980 registered (+30), 80 % = 800 active (+100).
    # Enrol 10 a month (cap 30): Jan 960/710+20, Feb 970, Mar 980. Reactivate 20 a month: active
    # Jan 730, Feb 760, Mar 790, Apr 810 -> 98/80 first met in April 2025.
    sc = Scenario("both", [EnrolUnregistered(pace=10, cap=30), ReactivateArrears(pace=20)])
    path = S.simulate(tiny(), sc, months=6)
    assert path["registered"].tolist() == [950, 960, 970, 980, 980, 980, 980]
    assert path["active"].tolist() == [700, 730, 760, 790, 810, 830, 850]
    m = S.milestones(path).set_index(["criteria_year", "criterion"])
    assert m.loc[(2025, "prioritas"), "reached"] == P("2025-04", "M")
    assert m.loc[(2025, "prioritas"), "months"] == 4
    assert m.loc[(2025, "prioritas"), "coverage_reached"] == P("2025-03", "M")
    assert m.loc[(2025, "prioritas"), "activity_reached"] == P("2025-04", "M")
    assert m.loc[(2024, "uhc"), "reached"] == P("2024-12", "M") and m.loc[(2024, "uhc"), "months"] == 0
    assert path["status"].tolist()[:5] == ["uhc", "none", "none", "cut_off", "prioritas"]  # March: 98 % registered
    assert path["criteria_year"].tolist()[:2] == [2024, 2025]


def test_costs_by_payer_month_by_month():
    sc = Scenario("both", [EnrolUnregistered(pace=10, cap=30), ReactivateArrears(pace=20)])
    path = S.simulate(tiny(), sc, months=2)
    jan, feb = at(path, "2025-01"), at(path, "2025-02")
    assert jan["cost_regency_rp"] == 10 * 42_000 + 20 * 2_800  # PBPU Pemda premium + regional class III share
    assert jan["cost_participant_rp"] == 20 * 35_000 + 20 * 35_000 * 12  # own premium + 12 months of arrears
    assert feb["cost_regency_rp"] == 20 * 42_000 + 40 * 2_800
    assert feb["cum_cost_regency_rp"] == jan["cost_regency_rp"] + feb["cost_regency_rp"]
    costs = S.cost_summary(path)
    assert costs["regency_yearly_rp"] == (20 * 42_000 + 40 * 2_800) * 12
    assert costs["regency_first_year_rp"] == jan["cost_regency_rp"] + feb["cost_regency_rp"]


def test_two_levers_add():
    one = S.simulate(tiny(), Scenario("a", [EnrolUnregistered(pace=7)]), months=5)
    two = S.simulate(tiny(), Scenario("b", [EnrolUnregistered(pace=7), EnrolUnregistered(pace=5)]), months=5)
    assert (two["registered"] - 950).tolist() == [0, 12, 24, 36, 48, 60]
    assert (two["registered"] - 950 - (one["registered"] - 950)).tolist() == [0, 5, 10, 15, 20, 25]
    assert two["cost_regency_rp"].iloc[-1] == 60 * 42_000


def test_cap_and_start_month():
    sc = Scenario("x", [EnrolUnregistered(pace=100, cap=30, start="2025-03")])
    path = S.simulate(tiny(), sc, months=5)
    assert path["registered"].tolist() == [950, 950, 950, 980, 980, 980]
    assert path["persons_0"].tolist() == [0, 0, 0, 30, 30, 30]
    assert path["cost_regency_rp"].tolist() == [0, 0, 0, 30 * 42_000, 30 * 42_000, 30 * 42_000]


def test_reactivation_is_limited_by_the_segment_pool_and_by_inactive():
    state = tiny(inactive_by_segment={"pbpu_mandiri": 15, "pbi_apbn": 500})
    path = S.simulate(state, Scenario("x", [ReactivateArrears(pace=10)]), months=3)
    assert path["active"].tolist() == [700, 710, 715, 715]
    path = S.simulate(tiny(), Scenario("y", [CsrSponsorship(pace=100)]), months=4)
    assert path["active"].tolist() == [700, 800, 900, 950, 950]  # never above registered
    assert at(path, "2025-01")["cost_csr_rp"] == 100 * 35_000


def test_take_over_counts_as_registered_by_the_pemda():
    state = tiny(pemda_registered=100, inactive_by_segment={"pbi_apbn": 40})
    path = S.simulate(state, Scenario("x", [TakeOverInactive(pace=25, segment="pbi_apbn")]), months=2)
    assert path["pemda_registered"].tolist() == [100, 125, 140]
    assert path["active"].tolist() == [700, 725, 740]
    assert path["registered"].tolist() == [950, 950, 950]
    assert path["cost_regency_rp"].tolist() == [0, 25 * 42_000, 40 * 42_000]


def test_clean_data_lowers_coverage_and_leaves_activity():
    state = tiny(registered=1050, active=800)
    path = S.simulate(state, Scenario("clean", [CleanData(pace=25, cap=50)]), months=3)
    assert path["coverage_pct"].tolist() == [105.0, 102.5, 100.0, 100.0]
    assert path["activity_pct"].tolist() == [80.0, 80.0, 80.0, 80.0]
    assert path["inactive"].tolist() == [250, 225, 200, 200]


def test_clean_data_of_paid_pemda_participants_saves_the_regency_their_premium():
    state = tiny(registered=1050, active=800, pemda_registered=300)
    lever = CleanData(pace=20, cap=40, segment="pbpu_pemda", active_share=0.5)
    path = S.simulate(state, Scenario("clean", [lever]), months=2)
    assert path["registered"].tolist() == [1050, 1030, 1010]
    assert path["active"].tolist() == [800, 790, 780]
    assert path["pemda_registered"].tolist() == [300, 280, 260]
    assert path["cost_regency_rp"].tolist() == [0, -10 * 42_000, -20 * 42_000]


def test_current_pace_accumulates_fractions():
    path = S.simulate(tiny(), Scenario("trend", [CurrentPace(1.5, 2.25)]), months=4)
    assert path["registered"].tolist() == [950, 952, 953, 954, 956]  # round(1.5 k): 2, 3, 4 (half to even), 6
    assert path["active"].tolist() == [700, 702, 704, 707, 709]
    assert path["cost_regency_rp"].sum() == 0


def test_criteria_year_fixed():
    sc = Scenario("both", [EnrolUnregistered(pace=10, cap=30), ReactivateArrears(pace=20)])
    path = S.simulate(tiny(), sc, months=4, criteria_year=2024)
    assert set(path["criteria_year"]) == {2024}
    assert path["status"].iloc[-1] == "non_cut_off"
    assert S.relevant_years(path, 2024) == [2024]


def test_compare_table():
    scs = [
        Scenario("none", []),
        Scenario("enrol", [EnrolUnregistered(pace=10, cap=30)]),
        Scenario("both", [EnrolUnregistered(pace=10, cap=30), ReactivateArrears(pace=20)]),
    ]
    table = S.compare(scs, tiny(), months=6)
    assert table["scenario"].tolist() == ["none", "enrol", "both"]
    col = S.reached_column(2025, "prioritas")
    assert col == "reached_2025_prioritas"
    assert table[col].isna().tolist() == [True, True, False]
    assert table[col].iloc[2] == P("2025-04", "M")
    assert table["registered_end"].tolist() == [950, 980, 980]
    assert table["regency_yearly_rp"].tolist() == [0, 30 * 42_000 * 12, (30 * 42_000 + 120 * 2_800) * 12]
    assert table["horizon_months"].tolist() == [6, 6, 6]
    with pytest.raises(ValueError, match="two scenarios are named 'none'"):
        S.compare([scs[0], scs[0]], tiny())


@settings(max_examples=25, deadline=None)
@given(
    st.integers(1, 10**6).flatmap(
        lambda pop: st.tuples(st.just(pop), st.integers(0, 2 * pop)).flatmap(
            lambda pr: st.tuples(st.just(pr[0]), st.just(pr[1]), st.integers(0, pr[1]))
        )
    ),
    st.integers(0, 10_000),
    st.one_of(st.none(), st.integers(0, 50_000)),
)
def test_enrol_only_never_lowers_coverage_and_cost_follows_persons(counts, pace, cap):
    pop, reg, act = counts
    path = S.simulate(
        tiny(population=pop, registered=reg, active=act), Scenario("e", [EnrolUnregistered(pace, cap=cap)]), 12
    )
    assert path["coverage_pct"].is_monotonic_increasing
    assert path["activity_pct"].is_monotonic_increasing
    assert (path["cost_regency_rp"] == path["persons_0"] * 42_000).all()


def test_bad_levers():
    with pytest.raises(ValueError, match="pace and cap must not be negative"):
        EnrolUnregistered(pace=-1)
    with pytest.raises(ValueError, match="payer must be one of"):
        ReactivateArrears(pace=1, payer="bank")
    with pytest.raises(ValueError, match="active_share"):
        CleanData(pace=1, active_share=2)


def test_cianjur_start_state(cianjur):
    st_ = S.start_state(cianjur)
    assert (st_.population, st_.registered, st_.active, st_.pemda_registered) == (
        2_614_845,
        2_510_251,
        1_796_399,
        662_634,
    )
    assert st_.inactive_by_segment["pbpu_mandiri"] == 452_388


def test_cianjur_current_pace_is_the_six_month_average(cianjur):
    lever = S.current_pace(cianjur)
    h = cianjur.history
    assert lever.registered_per_month == pytest.approx((2_510_251 - h["registered"].iloc[-7]) / 6)
    assert lever.active_per_month == pytest.approx((1_796_399 - h["active"].iloc[-7]) / 6)


def test_cianjur_default_scenarios(cianjur):
    scs = S.default_scenarios(cianjur, "id")
    assert [s.name for s in scs] == [
        "Laju saat ini",
        "Pemda mendaftarkan penduduk",
        "Reaktivasi mandiri dan CSR",
        "Kombinasi",
    ]
    enrol = scs[1].levers[0]
    assert (enrol.pace, enrol.cap) == (8_717, 52_298)  # 52,298 over 6 months
    mandiri, csr = scs[2].levers
    assert mandiri.cap == 226_194 and csr.cap == 24_318  # half of 452,388 inactive mandiri; 10 % of 243,179
    assert [lv.cap for lv in scs[3].levers] == [52_298, 226_194, 243_179 - 226_194]
    table = S.compare(scs, cianjur, months=24).set_index("scenario")
    col = S.reached_column(2025, "prioritas")
    assert table.loc["Kombinasi", col] == P("2025-12", "M")
    assert table.loc["Kombinasi", "active_end"] == 2_091_876 == 1_796_399 + 295_477
    assert table.loc["Pemda mendaftarkan penduduk", "registered_end"] == 2_562_549
    assert table[col].isna().sum() == 3
    # the regency's yearly cost once in place: enrolled and taken-over PBI x 42,000 + reactivated mandiri x 2,800
    # ... and the last 16,985 are poor PBI APBN back through the Dinas Sosial: the central government pays them
    assert table.loc["Kombinasi", "regency_yearly_rp"] == (52_298 * 42_000 + 226_194 * 2_800) * 12
    kinds = [type(lv).__name__ for lv in scs[3].levers]
    assert kinds == ["EnrolUnregistered", "ReactivateArrears", "ReactivatePbiDinsos"]
    assert scs[3].levers[2].cap == 16_985 and scs[3].levers[2].pace == 2_831  # over 6 months
    assert table.loc["Kombinasi", "total_central_rp"] > 0
    assert table.loc["Pemda mendaftarkan penduduk", "regency_yearly_rp"] == 26_358_192_000
    assert [s.name for s in S.default_scenarios(cianjur, "en")][3] == "Combination"


def test_lebong_without_segment_breakdown(lebong):
    # Lebong (Jul 2024): nothing to enrol (100.71 %), 5,225 to reactivate for 80 %; without segments the
    # combination reactivates ceil(5,225 / 2) = 2,613 mandiri and takes over the other 2,612 as PBPU Pemda.
    fig = dataclasses.replace(lebong, segments=lebong.segments.iloc[0:0])
    scs = S.default_scenarios(fig, "en")
    assert [(lv.pace, lv.cap) for lv in scs[3].levers] == [(0, 0), (218, 2_613), (218, 2_612)]
    table = S.compare(scs, fig, months=12).set_index("scenario")
    assert table.loc["Combination", S.reached_column(2025, "prioritas")] == P("2025-07", "M")
    assert table.loc["Combination", "active_end"] == 85_833 + 5_225
    assert table.loc["Combination", "regency_yearly_rp"] == (2_612 * 42_000 + 2_613 * 2_800) * 12 == 1_404_244_800
    assert table.loc["Regency enrols residents", "registered_end"] == 114_630


def test_province_shares_the_pbpu_pemda_premium_not_the_mandiri_regional_share():
    # Riau (14.xx): the province pays 55 % of the PBPU Pemda premium. 10 enrolled + 20 taken over = 30 x Rp42,000;
    # the Rp2,800 regional share of 20 reactivated mandiri class III stays the regency's.
    sc = Scenario(
        "riau",
        [EnrolUnregistered(pace=10), TakeOverInactive(pace=20, segment="ppu"), ReactivateArrears(pace=20)],
    )
    path = S.simulate(tiny(region_code="14.71"), sc, months=1)
    jan = at(path, "2025-01")
    pemda = 30 * 42_000
    assert jan["cost_province_rp"] == round(pemda * 0.55)
    assert jan["cost_regency_rp"] == pemda - round(pemda * 0.55) + 20 * 2_800
    assert jan["recurring_province_rp"] == jan["cost_province_rp"]
    assert path.attrs["province_share"] == 0.55
    costs = S.cost_summary(path)
    assert costs["province_yearly_rp"] == 12 * round(pemda * 0.55)
    assert costs["regency_yearly_rp"] == 12 * (pemda - round(pemda * 0.55) + 20 * 2_800)


def test_province_split_keeps_the_total_and_the_lever_table_adds_up():
    from uhc_lib.analysis import scenario_mix

    sc = Scenario("dki", [EnrolUnregistered(pace=10), CleanData(pace=5, segment="pbpu_pemda", active_share=1.0)])
    whole = S.simulate(tiny(), sc, months=3)  # no region code: the regency pays all
    dki = S.simulate(tiny(region_code="31.71"), sc, months=3)  # DKI Jakarta: the province pays all
    assert (whole["cost_province_rp"] == 0).all()
    assert (dki["cost_regency_rp"] == 0).all()
    assert dki["cost_province_rp"].tolist() == whole["cost_regency_rp"].tolist()
    table = scenario_mix.lever_table(dki, sc)
    assert table["cost_province_rp"].sum() == dki["cost_province_rp"].sum()
    assert (table["cost_regency_rp"] == 0).all()


def test_province_share_outside_0_1_is_refused():
    with pytest.raises(ValueError, match="province_share"):
        S.simulate(tiny(), Scenario("x", [EnrolUnregistered(pace=1)]), months=1, province_share=1.5)


def test_indonesian_descriptions_say_iuran_not_premi():
    """One word for the contribution in Indonesian: iuran (BPJS's own), never premi beside it."""
    import re

    from uhc_lib.analysis.scenarios import DESCRIPTIONS

    assert not [k for k, text in DESCRIPTIONS["id"].items() if re.search(r"\bpremi\b", text)]
