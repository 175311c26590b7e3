"""The month's recap agrees with the briefs' own figures and outlook."""

import pandas as pd
import pytest

from uhc_lib import api
from uhc_lib.analysis.recap import recap, rules_used


@pytest.mark.parametrize(("code", "period"), [("17.07", "2024-07"), ("32.03", "2026-11"), ("11.10", "2026-11")])
def test_a_region_row_is_its_brief(code, period):
    fig = api.figures_for(code, period)
    o = api.outlook_for(fig)
    r = recap(api.load_panel(), [code, "17.01"], period)
    row = r.regions.set_index("region_code").loc[code]
    assert row["region_name"] == fig.region_name and row["province_name"] == fig.province_name
    assert (row["population"], row["registered"], row["active"], row["inactive"]) == (
        fig.population, fig.registered, fig.active, fig.inactive)  # fmt: skip
    assert row["coverage_pct"] == fig.coverage_pct and row["activity_pct"] == fig.activity_pct
    assert row["status"] == fig.status and row["status_label_id"] == fig.status_label("id").split(" (")[0]
    since = fig.status_change.since if fig.status_change else fig.history["period"].iloc[0]
    assert row["status_since"] == since
    for t in fig.goals:
        key = f"{t.when}_{t.criterion}"
        assert (row[f"enrol_{key}"], row[f"activate_{key}"]) == (t.enrol_needed, t.activate_needed)
    assert row["target_key"] == f"{o.target.when}_{o.target.criterion}"
    if o.budget is not None:
        assert row["regency_yearly_rp"] == o.budget.regency_yearly
    best = o.first_to_reach
    assert row["fastest_scenario"] == (None if best is None else best["scenario"])
    assert [g.key for g in r.goals] == [f"{t.when}_{t.criterion}" for t in fig.goals]


def test_lebong_july_2024_published_figures_and_flags():
    r = recap(api.load_panel(), ["17.07"], "2024-07")
    row = r.regions.iloc[0]
    assert round(row["coverage_pct"], 2) == 100.71 and round(row["activity_pct"], 2) == 75.41
    assert row["status_label_id"] == "UHC non cut-off" and row["status_since"] == pd.Period("2024-02", "M")
    assert row["status_before_id"] == "UHC" and row["target_label_id"] == "UHC Prioritas (2025)"
    assert row["payers"] == ("regency",) and row["province_yearly_rp"] == 0
    assert list(r.quality["flag"]) == ["coverage_over_100"] and round(r.quality["value"].iloc[0], 2) == 100.71
    seg = r.segments
    assert seg["registered"].sum() == row["registered"] and set(seg["region_code"]) == {"17.07"}
    assert seg["segment_label_id"].iloc[0] == "PBI APBN"


def test_the_province_pays_its_share_where_it_shares_the_premium():
    r = recap(api.load_panel(), api.load_panel().query("region_code.str.startswith('14.')")["region_code"].unique(),
              "2026-11")  # fmt: skip
    paying = r.regions[r.regions["province_yearly_rp"].fillna(0) > 0]
    assert not paying.empty and all(p == ("regency", "province") for p in paying["payers"])


def test_rules_used_name_their_source():
    rules = rules_used(2026, "2026-11")
    assert rules["label_id"].str.startswith("UHC Prioritas (cakupan 98 persen").any()
    assert rules["source"].notna().all()
    assert rules["monthly_rp"].dropna().tolist() == [42000]
