"""This month's changes on small panels whose answer is known by construction (2026 rules: Cut Off 98 percent,
Prioritas 98/80)."""

import pandas as pd

from uhc_lib.analysis.changes import activity_movers, month_changes

# region: {month: (registered, active)}, population 100,000 throughout
FIGURES = {
    "17.01": {"2025-12": (99_000, 81_000), "2026-10": (99_000, 81_000), "2026-11": (99_000, 79_000)},  # loses it
    "17.02": {"2025-12": (97_000, 70_000), "2026-10": (97_000, 70_000), "2026-11": (98_500, 81_000)},  # none->best
    "17.03": {"2025-12": (96_000, 70_000), "2026-10": (98_500, 75_000), "2026-11": (98_500, 75_500)},  # Cut Off
    "17.04": {"2025-12": (99_000, 85_000), "2026-10": (99_000, 85_000), "2026-11": (101_000, 85_000)},  # new flag
}


def panel(figures=FIGURES, months=None):
    rows = [
        {"region_code": code, "period": pd.Period(month, "M"), "segment": "total", "population": 100_000,
         "registered": reg, "active": act}
        for code, by_month in figures.items()
        for month, (reg, act) in by_month.items()
        if months is None or month in months
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_statuses_gained_and_lost_against_the_previous_month_and_december():
    c = month_changes(panel(), list(FIGURES), "2026-11")
    assert c.previous == pd.Period("2026-10", "M") and c.december == pd.Period("2025-12", "M") and c.regions == 4
    prev = c.status_vs_previous
    assert list(zip(prev["region_code"], prev["direction"], prev["before"], prev["after"], strict=True)) == [
        ("17.02", "gained", "none", "prioritas"),
        ("17.01", "lost", "prioritas", "cut_off"),
    ]
    assert list(prev["after_label_id"]) == ["UHC Prioritas", "UHC Cut Off"]
    assert list(prev["region_name"]) == ["Kabupaten Rejang Lebong", "Kabupaten Bengkulu Selatan"]
    dec = c.status_vs_december
    assert list(zip(dec["region_code"], dec["direction"], dec["after"], strict=True)) == [
        ("17.02", "gained", "prioritas"),
        ("17.03", "gained", "cut_off"),
        ("17.01", "lost", "cut_off"),
    ]
    assert not dec["rules_changed"].any()  # 2025 and 2026 have the same minimums: the figures moved


def test_activity_movers_in_percentage_points():
    c = month_changes(panel(), list(FIGURES), "2026-11")
    assert list(c.movers_up["region_code"]) == ["17.02", "17.03"]
    assert c.movers_up["change_pp"].tolist() == [11.0, 0.5]
    assert list(c.movers_down["region_code"]) == ["17.01"] and c.movers_down["change_pp"].iloc[0] == -2.0
    ind = pd.DataFrame(
        {"region_code": [f"17.0{i}" for i in range(1, 4)] * 2, "period": [pd.Period("2026-10", "M")] * 3
         + [pd.Period("2026-11", "M")] * 3, "activity_pct": [80, 80, 80, 81, 83, 79]}
    )  # fmt: skip
    up, down = activity_movers(ind, pd.Period("2026-11", "M"), pd.Period("2026-10", "M"), n=1)
    assert list(up["region_code"]) == ["17.02"] and list(down["region_code"]) == ["17.03"]


def test_new_quality_flags_are_those_absent_last_month():
    c = month_changes(panel(), list(FIGURES), "2026-11")
    assert list(zip(c.new_flags["region_code"], c.new_flags["flag"], strict=True)) == [("17.04", "coverage_over_100")]
    assert c.new_flags["value"].iloc[0] == 101.0
    again = {**FIGURES, "17.04": {m: (101_000, 85_000) for m in FIGURES["17.04"]}}  # over 100 % last month too
    assert month_changes(panel(again), list(again), "2026-11").new_flags.empty


def test_the_first_month_one_month_data_and_no_change():
    first = month_changes(panel(), list(FIGURES), "2025-12")
    assert first.previous is None and first.december is None
    assert first.status_vs_previous.empty and first.movers_up.empty and first.new_flags.empty
    one = month_changes(panel(months={"2026-11"}), list(FIGURES), "2026-11")
    assert one.previous is None and one.december is None and one.regions == 4 and not one.any_status_change
    same = {code: {"2026-10": m["2026-10"], "2026-11": m["2026-10"]} for code, m in FIGURES.items()}
    none = month_changes(panel(same), list(same), "2026-11")
    assert none.previous is not None and none.status_vs_previous.empty and none.december is None
    assert none.movers_up.empty and none.movers_down.empty


def test_only_the_run_regions_are_compared():
    c = month_changes(panel(), ["17.01", "17.03"], "2026-11")
    assert c.regions == 2 and list(c.status_vs_previous["region_code"]) == ["17.01"]


def test_a_change_that_comes_with_new_rules_is_marked_on_the_embedded_panel():
    from uhc_lib import api

    c = month_changes(api.load_panel(), ["17.07", "32.03"], "2025-01")  # December 2024 judged by the 2024 rules
    lost = c.status_vs_previous.set_index("region_code")
    assert "17.07" in lost.index and lost.loc["17.07", "direction"] == "lost"
    assert lost.loc["17.07", "before"] == "non_cut_off" and bool(lost.loc["17.07", "rules_changed"])
