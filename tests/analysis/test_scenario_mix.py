"""Levers one by one: persons, effects and costs recomputed per lever add up to the simulation's totals."""

import pandas as pd
import pytest

from uhc_lib.analysis import scenario_mix, scenarios
from uhc_lib.analysis.scenarios import CleanData, CurrentPace, EnrolUnregistered, Scenario, State

START = State(period=pd.Period("2024-12", "M"), population=1000, registered=900, active=700)


def test_one_lever_by_hand():
    sc = Scenario("enrol", [EnrolUnregistered(pace=10, cap=25)])
    path = scenarios.simulate(START, sc, months=4)
    t = scenario_mix.lever_table(path, sc).iloc[0]
    assert t["persons"] == 25 and t["full_by"] == pd.Period("2025-03", "M")
    assert (t["registered_change"], t["active_change"]) == (25, 25)
    assert t["cost_regency_rp"] == (10 + 20 + 25 + 25) * 42_000 == 3_360_000
    assert t["regency_yearly_rp"] == 25 * 42_000 * 12
    active = scenario_mix.active_by_lever(path, sc)
    assert active[0].tolist() == [0, 10, 20, 25, 25]


def test_cleaning_lowers_registered_and_active_share():
    sc = Scenario("clean", [CleanData(pace=5, cap=5, active_share=0.5), CurrentPace(1.0, 1.0)])
    path = scenarios.simulate(START, sc, months=2)
    t = scenario_mix.lever_table(path, sc)
    assert (t.loc[0, "registered_change"], t.loc[0, "active_change"]) == (-5, -2)  # floor(5 x 0.5)
    assert pd.isna(t.loc[1, "persons"]) and t.loc[1, "cost_regency_rp"] == 0


def test_lever_costs_add_up_to_the_path(cianjur):
    sc = scenario_mix.mix_scenario(cianjur, arrears=60_000, csr=20_000, clean=10_000, lang="en")
    path = scenarios.simulate(cianjur, sc, months=24)
    t = scenario_mix.lever_table(path, sc)
    summary = scenarios.cost_summary(path)
    for payer in scenarios.COST_PAYERS:
        assert t[f"cost_{payer}_rp"].sum() == summary[f"total_{payer}_rp"]
    assert t["regency_yearly_rp"].sum() == summary["regency_yearly_rp"]
    assert int(t["registered_change"].sum()) == int(path["registered"].iloc[-1]) - cianjur.registered


def test_mix_is_sized_from_the_gaps(cianjur):
    # 98 % of 2,614,845 needs 2,562,549 registered; after removing 10,000: 2,562,549 - 2,500,251 = 62,298 to enrol.
    # Activity gap 295,477 = 62,298 enrolled + 60,000 arrears + 20,000 CSR + 153,179 taken over: all 111,918 inactive
    # PBI APBN, all 38,829 inactive PPU, then 2,432 PBPU Pemda.
    sc = scenario_mix.mix_scenario(cianjur, arrears=60_000, csr=20_000, clean=10_000, months=12, lang="id")
    caps = [(type(lv).__name__, lv.cap) for lv in sc.levers]
    assert caps == [
        ("CleanData", 10_000),
        ("EnrolUnregistered", 62_298),
        ("ReactivateArrears", 60_000),
        ("CsrSponsorship", 20_000),
        ("TakeOverInactive", 111_918),
        ("TakeOverInactive", 38_829),
        ("TakeOverInactive", 2_432),
    ]
    assert 111_918 + 38_829 + 2_432 == 153_179
    assert sc.name == "Campuran tuas sendiri" and sc.levers[1].pace == 5_192  # ceil(62,298 / 12)
    m = scenarios.milestones(scenarios.simulate(cianjur, sc, months=12))
    assert m.set_index("criterion").loc["prioritas", "reached"] == pd.Period("2025-12", "M")


def test_mix_without_optional_levers_and_errors(cianjur):
    sc = scenario_mix.mix_scenario(cianjur, lang="en")
    assert [type(lv).__name__ for lv in sc.levers] == ["EnrolUnregistered", "TakeOverInactive", "TakeOverInactive",
                                                       "TakeOverInactive"]  # fmt: skip
    with pytest.raises(ValueError, match="cannot clean 30000 bp"):
        scenario_mix.mix_scenario(cianjur, clean=30_000)
    with pytest.raises(ValueError, match="negative"):
        scenario_mix.mix_scenario(cianjur, arrears=-1)
    other = Scenario("other", [EnrolUnregistered(pace=1)])
    with pytest.raises(ValueError, match="not simulated from scenario 'other'"):
        scenario_mix.lever_table(scenarios.simulate(cianjur, sc, months=1), other)
