"""Regions meeting a criterion per month, and projected at their own pace (hand-computed three-region case)."""

import pandas as pd
import pytest

from tests.helpers import make_panel
from uhc_lib.analysis import projections
from uhc_lib.rules.indicators import indicators


def _three_regions() -> pd.DataFrame:
    """2025 rules (98/80), population 1,000 each, Dec 2024-Jul 2025 (a six-month pace needs December)."""
    # 01.01 meets 98/80 throughout (990 registered, 850 active).
    # 01.02 gains 10 registered and 10 active a month from 940/730 in December (+1 point a month each): in June
    # 1,000 registered and 790 active (79 percent), so 80 percent is reached in July (1,010 / 800).
    # 01.03 loses 1 active a month: never reaches 80 percent activity.
    rows = []
    for i, month in enumerate(pd.period_range("2024-12", "2025-07", freq="M")):
        p = str(month)
        rows.append(("01.01", p, "total", 1000, 990, 850))
        rows.append(("01.02", p, "total", 1000, 940 + 10 * i, 730 + 10 * i))
        rows.append(("01.03", p, "total", 1000, 990, 700 - i))
    return indicators(make_panel(rows))


def test_attainment_counts_regions_per_month():
    a = projections.attainment(_three_regions(), 2025).set_index("period")
    assert list(a.columns) == ["regions", "cut_off", "prioritas", "madya", "utama"]
    assert a.loc[pd.Period("2025-01", "M"), "prioritas"] == 1  # 2024-12 is judged by 2025 rules too
    assert a.loc[pd.Period("2025-07", "M"), "prioritas"] == 2  # 01.02: 1,010 / 800 meets 98 / 80 exactly
    assert (a["regions"] == 3).all() and len(a) == 8


def test_reach_months_at_pace():
    r = projections.reach_months(_three_regions(), "2025-06", 2025).set_index("region_code")
    assert r.loc["01.01", "met_now"] and r.loc["01.01", "reached"] == pd.Period("2025-06", "M")
    # 01.02 in June: 1,000 registered (100 %), 790 active (79 %), pace +1 point a month -> July
    assert not r.loc["01.02", "met_now"]
    assert r.loc["01.02", "activity_pace_pp"] == pytest.approx(1.0)
    assert r.loc["01.02", "reached"] == pd.Period("2025-07", "M")
    assert pd.isna(r.loc["01.03", "reached"])  # falling activity never reaches 80 %
    assert set(r["criterion"]) == {"prioritas"}


def test_projected_attainment_is_cumulative():
    pa = projections.projected_attainment(_three_regions(), "2025-06", 2025, horizon=3)
    assert [str(p) for p in pa["period"]] == ["2025-06", "2025-07", "2025-08", "2025-09"]
    assert pa["regions_met"].tolist() == [1, 2, 2, 2]
    assert pa["share_pct"].iloc[1] == pytest.approx(200 / 3)


def test_embedded_panel_projection_starts_from_exact_status(panel):
    ind = indicators(panel)
    pa = projections.projected_attainment(ind, "2025-08", 2025, horizon=12)
    met_aug = projections.attainment(ind, 2025).set_index("period").loc[pd.Period("2025-08", "M"), "prioritas"]
    assert pa["regions_met"].iloc[0] == met_aug == 331  # the published count for 1 Aug 2025
    assert pa["regions_met"].is_monotonic_increasing


def test_region_paces_unknown_period():
    with pytest.raises(ValueError, match="no data for 2030-01"):
        projections.region_paces(_three_regions(), "2030-01")


def test_trend_findings_sentences():
    from uhc_lib.render.text import findings
    from uhc_lib.rules.indicators import national

    ind = _three_regions()
    reach = projections.reach_months(ind, "2025-06", 2025)
    projected = projections.projected_attainment(ind, "2025-06", 2025, horizon=1)
    observed = projections.attainment(ind, 2025)
    text = findings.trends(national(ind), observed, reach, projected, "98/80", "id")
    # national: (990 + 940 + 990) / 3,000 = 97.33 % in Dec 2024; Jul 2025: (990 + 1,010 + 990) / 3,000 = 99.67 %
    assert text[0].startswith("Secara nasional cakupan kepesertaan bergerak dari 97,33 persen (Desember 2024) ke 99,67")
    assert text[1] == "Pada Juli 2025 2 dari 3 kabupaten/kota memenuhi 98/80; tertinggi 2 pada Juli 2025."
    assert text[2].endswith("2 kabupaten/kota (66,7 persen) memenuhinya pada Juli 2025; 1 lainnya belum: "
                            "1 masih kurang keaktifannya dan 0 cakupannya (sebagian keduanya).")  # fmt: skip
    en = findings.trends(national(ind), observed, reach, projected, "98/80", "en")
    assert en[2].endswith("1 would not: 1 would still fall short on activity and 0 on coverage (some on both).")
