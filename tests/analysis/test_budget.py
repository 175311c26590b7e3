"""Budgets: persons x premium x months, by payer, with the segment split and the arrears cap; Cianjur by hand."""

import dataclasses

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from uhc_lib.analysis import budget

PEMDA_YEAR = 42_000 * 12


def test_enrolment_cost_is_persons_times_premium_times_twelve():
    assert budget.enrolment_cost(52_298, "2024-12") == 52_298 * 42_000 * 12 == 26_358_192_000
    assert budget.enrolment_cost(10, "2025-01", months=6) == 2_520_000
    with pytest.raises(ValueError, match="must not be negative"):
        budget.enrolment_cost(-1, "2024-12")


@given(st.integers(0, 10_000_000), st.integers(0, 10_000_000))
def test_cost_is_monotone_in_persons(a, b):
    low, high = sorted((a, b))
    assert budget.enrolment_cost(low, "2024-12") <= budget.enrolment_cost(high, "2024-12")


def test_split_by_inactive_largest_remainders():
    seg = pd.DataFrame({"segment": ["a", "b"], "inactive": [10, 30]})
    assert budget.split_by_inactive(seg, 7) == {"a": 2, "b": 5}  # 1.75 and 5.25: the larger remainder gets 1
    assert budget.split_by_inactive(seg, 40) == {"a": 10, "b": 30}
    assert budget.split_by_inactive(seg, 0) == {"a": 0, "b": 0}
    with pytest.raises(ValueError, match="cannot reactivate 41 persons: 40 participants are inactive"):
        budget.split_by_inactive(seg, 41)


@given(st.lists(st.integers(0, 500_000), min_size=1, max_size=5), st.data())
def test_split_adds_up_and_respects_each_segment(inactive, data):
    seg = pd.DataFrame({"segment": [f"s{i}" for i in range(len(inactive))], "inactive": inactive})
    persons = data.draw(st.integers(0, sum(inactive)))
    parts = budget.split_by_inactive(seg, persons)
    assert sum(parts.values()) == persons
    assert all(parts[f"s{i}"] <= n for i, n in enumerate(inactive))


def test_cianjur_default_target_is_2025_prioritas(cianjur):
    t = budget.default_target(cianjur)
    assert (t.year, t.criterion, t.min_coverage_pct, t.min_activity_pct) == (2025, "prioritas", 98.0, 80.0)
    assert (t.enrol_needed, t.reactivate_needed) == (52_298, 243_179)


def test_cianjur_budget_to_98_80_all_as_pemda(cianjur):
    b = budget.budget_to_target(cianjur, pbi_via_dinsos=0.0)
    table = b.table()
    enrol = table.iloc[0]
    assert (enrol["item"], enrol["persons"], enrol["monthly_rp"], enrol["months"]) == ("enrol", 52_298, 42_000, 12)
    assert enrol["rupiah"] == 26_358_192_000
    # reactivations spread by inactive: 243,179 x (111,918; 98,661; 38,829; 452,388; 12,056) / 713,852
    premiums_lines = table[(table["item"] != "enrol") & (table["item"] != "moved_arrears")]
    split = dict(zip(premiums_lines["segment"], premiums_lines["persons"], strict=True))
    assert split == {"pbi_apbn": 38_126, "pbpu_pemda": 33_610, "ppu": 13_227, "pbpu_mandiri": 154_109, "bp": 4_107}
    assert sum(split.values()) == 243_179
    assert set(table["payer"]) == {"regency", "participant"}
    assert b.regency_yearly == (52_298 + 243_179) * PEMDA_YEAR == 148_920_408_000
    # the arrears of the mandiri/BP moved to PBPU Pemda do not vanish: before the pemutihan the participant owes
    # 12 months x Rp35,000, in 12 REHAB instalments
    moved = [ln for ln in b.lines if ln.item == "moved_arrears"]
    assert [(ln.segment, ln.persons, ln.payer, ln.instalments) for ln in moved] == [
        ("pbpu_mandiri", 154_109, "participant", 12),
        ("bp", 4_107, "participant", 12),
    ]
    assert b.total("participant", recurring=False) == (154_109 + 4_107) * 35_000 * 12 == 66_450_720_000
    assert b.total() == b.regency_yearly + 66_450_720_000
    assert b.assumptions == (
        "enrol_as_pemda",
        "split_by_inactive",
        "takeover_as_pemda",
        "pemda_reactivated",
        "mandiri_to_pemda",
        "moved_arrears_owed",
        "rehab_instalments",
        "bp_all_flat",  # the embedded panel does not split BP: every BP priced at the class rates, and said so
        "premiums_of_month",
        "central_share_not_counted",
    )


def test_state_paid_bp_are_not_priced_as_mandiri(cianjur):
    # the 12,056 inactive BP: 9,000 veterans/pensioners (the state pays) and 3,056 others
    bp = cianjur.segments.set_index("segment").loc["bp"]
    state_reg = 20_000
    split = {
        "bp_state_registered": state_reg,
        "bp_state_active": state_reg - 9_000,
        "bp_other_registered": int(bp["registered"]) - state_reg,
        "bp_other_active": int(bp["active"]) - state_reg + 9_000,
    }
    fig = dataclasses.replace(cianjur, subsplits=split)
    before = budget.budget_for(cianjur, 0, 1_000, split={"bp": 1_000}, mandiri_to_pemda=0.0)
    b = budget.budget_for(fig, 0, 1_000, split={"bp": 1_000}, mandiri_to_pemda=0.0)
    state = [ln for ln in b.lines if ln.item == "bp_state"]
    assert [(ln.persons, ln.rupiah, ln.payer) for ln in state] == [(747, 0, "central")]  # 1,000 x 9,000 / 12,056
    assert sum(ln.persons for ln in b.lines if ln.item == "own_premium") == 253
    assert b.total("participant", recurring=False) == 253 * 35_000 * 12  # arrears of the other BP only
    assert before.total("participant", recurring=False) == 1_000 * 35_000 * 12
    assert "bp_state_not_mandiri" in b.assumptions and "bp_all_flat" not in b.assumptions
    assert "bp_all_flat" in before.assumptions
    assert "central" not in b.cash_flow().columns  # a zero line adds no payer column


def test_the_datas_pemda_payer_split_shares_the_premium(cianjur):
    fig = dataclasses.replace(cianjur, subsplits={"pemda_province_registered": 300, "pemda_regency_registered": 700})
    b = budget.budget_for(fig, 100, 0)
    assert [(ln.payer, ln.monthly_rp) for ln in b.lines] == [("regency", 29_400), ("province", 12_600)]
    assert b.province_share == 0.3
    assert "pemda_split_from_data" in b.assumptions and "pemda_cost_shared" not in b.assumptions
    given = budget.budget_for(fig, 100, 0, province_share=0.0)  # the user's option wins over the data
    assert [(ln.payer, ln.monthly_rp) for ln in given.lines] == [("regency", 42_000)]


def test_cianjur_budget_who_pays_what_and_its_cash_flow(cianjur):
    b = budget.budget_to_target(cianjur)  # half the inactive PBI APBN back through the Dinas Sosial
    dinsos = next(ln for ln in b.lines if ln.item == "pbi_dinsos")
    assert (dinsos.persons, dinsos.payer, dinsos.monthly_rp) == (19_063, "central", 42_000)  # half of 38,126
    totals = b.totals(every_payer=True).set_index("payer")
    assert list(totals.index) == ["regency", "province", "participant", "csr", "central"]
    assert totals.loc["regency", "yearly_rp"] == (52_298 + 243_179 - 19_063) * PEMDA_YEAR == 139_312_656_000
    assert totals.loc["central", "yearly_rp"] == 19_063 * PEMDA_YEAR
    assert totals.loc["participant", "one_off_rp"] == 66_450_720_000
    assert totals.loc["province", "total_rp"] == totals.loc["csr", "total_rp"] == 0  # Jawa Barat: no sharing rule
    flow = b.cash_flow()
    assert str(flow["period"].iloc[0]) == "2025-01" and len(flow) == 12
    assert (flow["regency"] == 139_312_656_000 // 12).all()
    assert (flow["participant"] == 66_450_720_000 // 12).all()  # REHAB: 12 equal instalments
    assert int(flow["total"].sum()) == b.total()


def test_pemda_premiums_shared_with_the_province_and_the_pemutihan(panel):
    from uhc_lib.analysis.brief import brief_figures

    riau = brief_figures(panel, "14.71", "2025-12")
    b = budget.budget_for(riau, 100, 10, split={"pbpu_mandiri": 10})
    enrol = [(ln.payer, ln.monthly_rp) for ln in b.lines if ln.item == "enrol"]
    assert enrol == [("regency", 18_900), ("province", 23_100)]  # Riau: 55 % province
    assert "pemda_cost_shared" in b.assumptions and b.province_share == 0.55
    moved = next(ln for ln in b.lines if ln.item == "moved_arrears")
    assert (moved.payer, moved.persons, moved.months) == ("central", 10, 12)  # written off from November 2025
    assert "moved_arrears_pemutihan" in b.assumptions
    alone = budget.budget_for(riau, 100, 0, province_share=0.0)
    assert [(ln.payer, ln.monthly_rp) for ln in alone.lines] == [("regency", 42_000)]


def test_mandiri_through_arrears_paid_by_csr_capped_at_24_months(cianjur):
    split = {"pbpu_mandiri": 1_000}
    b = budget.budget_for(cianjur, 0, 1_000, split=split, mandiri_to_pemda=0.0, arrears_months=30, arrears_payer="csr")
    lines = {ln.item: ln for ln in b.lines}
    assert lines["arrears"].rupiah == 1_000 * 35_000 * 24
    assert not lines["arrears"].recurring and lines["arrears"].payer == "csr"
    assert lines["own_premium"].rupiah == 1_000 * 35_000 * 12
    assert lines["regional_share"].rupiah == 1_000 * 2_800 * 12
    assert b.regency_yearly == 33_600_000
    assert b.total("csr", recurring=False) == 840_000_000
    assert "arrears_capped" in b.assumptions and b.arrears_months == 24
    totals = b.totals().set_index("payer")
    assert totals.loc["participant", "yearly_rp"] == 420_000_000


def test_mandiri_mix_half_to_pemda(cianjur):
    b = budget.budget_for(cianjur, 100, 11, split={"pbpu_mandiri": 10, "ppu": 1}, mandiri_to_pemda=0.5)
    items = [(ln.item, ln.segment, ln.persons) for ln in b.lines]
    assert items == [
        ("enrol", None, 100),
        ("mandiri_to_pemda", "pbpu_mandiri", 5),
        ("moved_arrears", "pbpu_mandiri", 5),
        ("arrears", "pbpu_mandiri", 5),
        ("own_premium", "pbpu_mandiri", 5),
        ("regional_share", "pbpu_mandiri", 5),
        ("takeover", "ppu", 1),
    ]
    assert b.regency_yearly == (100 + 5 + 1) * PEMDA_YEAR + 5 * 2_800 * 12
    assert b.total("participant", recurring=False) == (5 + 5) * 35_000 * 12  # arrears paid, and those of the moved


def test_target_as_minimums(cianjur):
    b = budget.budget_to_target(cianjur, (95, 75))
    assert (b.enrol_needed, b.reactivate_needed) == (0, 164_735)
    assert budget.target_gaps(cianjur, 98, 80) == (52_298, 295_477, 243_179)


def test_without_segment_breakdown_everything_is_pemda(cianjur):
    fig = dataclasses.replace(cianjur, segments=cianjur.segments.iloc[0:0])
    b = budget.budget_to_target(fig)
    assert b.regency_yearly == 148_920_408_000
    assert "no_segments" in b.assumptions


def test_lebong_only_reactivation(lebong):
    b = budget.budget_to_target(lebong)
    assert (b.enrol_needed, b.reactivate_needed) == (0, 5_225)
    assert b.regency_yearly + b.total("central", recurring=True) == 5_225 * PEMDA_YEAR  # some PBI via Dinas Sosial


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"split": {"ppu": 3}}, "adds up to 3, not to reactivate=10"),
        ({"mandiri_to_pemda": 1.5}, "between 0 and 1"),
        ({"pbi_via_dinsos": -0.1}, "between 0 and 1"),
        ({"province_share": 2}, "province_share is a share between 0 and 1"),
        ({"arrears_payer": "bank"}, "arrears_payer must be one of"),
        ({"split": {"xx": 10}}, "unknown segment 'xx'"),
    ],
)
def test_bad_options(cianjur, options, message):
    with pytest.raises(ValueError, match=message):
        budget.budget_for(cianjur, 0, 10, **options)


def test_pbid_enrolment_pays_the_participant_share_and_the_regional_assistance(cianjur):
    b = budget.budget_for(cianjur, 100, 0, enrol_as="pbid")
    assert [(ln.item, ln.monthly_rp, ln.payer) for ln in b.lines] == [
        ("enrol_pbid", 35_000, "regency"),
        ("regional_share", 2_800, "regency"),
        ("central_share", 4_200, "central"),
    ]
    assert b.enrolment == (100, 37_800, 100 * 37_800 * 12) and b.assumptions[0] == "enrol_as_pbid"
    assert budget.budget_for(cianjur, 100, 0).enrolment == (100, 42_000, 100 * 42_000 * 12)
    with pytest.raises(ValueError, match="enrol_as must be one of"):
        budget.budget_for(cianjur, 100, 0, enrol_as="pbi_apbd")
