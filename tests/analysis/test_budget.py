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
    b = budget.budget_to_target(cianjur)
    table = b.table()
    enrol = table.iloc[0]
    assert (enrol["item"], enrol["persons"], enrol["monthly_rp"], enrol["months"]) == ("enrol", 52_298, 42_000, 12)
    assert enrol["rupiah"] == 26_358_192_000
    # reactivations spread by inactive: 243,179 x (111,918; 98,661; 38,829; 452,388; 12,056) / 713,852
    split = dict(zip(table["segment"].iloc[1:], table["persons"].iloc[1:], strict=True))
    assert split == {"pbi_apbn": 38_126, "pbpu_pemda": 33_610, "ppu": 13_227, "pbpu_mandiri": 154_109, "bp": 4_107}
    assert sum(split.values()) == 243_179
    assert set(table["payer"]) == {"regency"}
    assert b.regency_yearly == (52_298 + 243_179) * PEMDA_YEAR == 148_920_408_000
    assert b.total() == b.regency_yearly
    assert b.assumptions == (
        "enrol_as_pemda",
        "split_by_inactive",
        "takeover_as_pemda",
        "pemda_reactivated",
        "mandiri_to_pemda",
        "premiums_of_month",
        "central_share_not_counted",
    )


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
        ("arrears", "pbpu_mandiri", 5),
        ("own_premium", "pbpu_mandiri", 5),
        ("regional_share", "pbpu_mandiri", 5),
        ("takeover", "ppu", 1),
    ]
    assert b.regency_yearly == (100 + 5 + 1) * PEMDA_YEAR + 5 * 2_800 * 12
    assert b.total("participant", recurring=False) == 5 * 35_000 * 12


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
    assert b.regency_yearly == 5_225 * PEMDA_YEAR


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"split": {"ppu": 3}}, "adds up to 3, not to reactivate=10"),
        ({"mandiri_to_pemda": 1.5}, "share between 0 and 1"),
        ({"arrears_payer": "bank"}, "arrears_payer must be one of"),
        ({"split": {"xx": 10}}, "unknown segment 'xx'"),
    ],
)
def test_bad_options(cianjur, options, message):
    with pytest.raises(ValueError, match=message):
        budget.budget_for(cianjur, 0, 10, **options)
