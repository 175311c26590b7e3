"""The UHC Awards 2026 as rules: tiers exactly as FACTS §2, judged on December 2025, every tier needing Prioritas."""

import pandas as pd
import pytest

from tests.helpers import make_panel
from uhc_lib.rules import awards, criteria
from uhc_lib.rules.indicators import indicators


def tier_of(population, registered, active, pemda=None, arrears=None):
    if pemda is None:
        rows = [("01.01", "2025-12", "total", population, registered, active)]
    else:
        other_active = max(active - pemda, 0)
        rows = [
            ("01.01", "2025-12", "pbpu_pemda", population, pemda, active - other_active),
            ("01.01", "2025-12", "pbi_apbn", population, registered - pemda, other_active),
        ]
    ind = indicators(make_panel(rows))
    if arrears is not None:
        ind = ind.assign(pemda_arrears_rp=arrears)
    return awards.assess(criteria.evaluate(ind, 2025), 2026).loc[0, "tier"]


def test_the_2026_awards_judge_december_2025():
    assert awards.award_years() == [2026]
    assert str(awards.reference_month(2026)) == "2025-12"
    assert awards.awards_for_status_year(2025) == 2026 and awards.awards_for_status_year(2026) == 2026
    assert awards.awards_for_status_year(2024) is None
    assert awards.tier_label("madya", 2026) == "UHC Awards Madya (98 persen dan 85 persen)"
    assert awards.tier_label("none", 2026, "en") == "no award"


def test_tiers_by_activity():
    assert tier_of(10_000, 9_800, 8_000) == "pratama"
    assert tier_of(10_000, 9_800, 7_999) == "none"
    assert tier_of(10_000, 9_799, 9_000) == "none"  # below 98 % coverage: not Prioritas, no tier
    assert tier_of(10_000, 9_800, 8_500) == "madya"
    # utama needs 18 % registered by the Pemda when activity is below 100 %
    assert tier_of(10_000, 9_950, 9_600, pemda=1_800) == "utama"
    assert tier_of(10_000, 9_950, 9_600, pemda=1_799) == "madya"


def test_madya_via_the_pemda_alternative():
    # 98.5 % coverage, 81 % activity: not Madya by 85 % activity, but >= 25 % registered by the Pemda (Bangka)
    assert tier_of(10_000, 9_850, 8_100, pemda=2_500) == "madya"
    assert tier_of(10_000, 9_850, 8_100, pemda=2_499) == "pratama"
    assert tier_of(10_000, 9_850, 7_999, pemda=5_000) == "none"  # still needs 80 % activity
    assert tier_of(10_000, 9_850, 8_100) == "pratama"  # no segment breakdown: the Pemda share is unknown


def test_utama_pemda_waived_at_full_activity():
    assert tier_of(10_000, 10_050, 10_000, pemda=0) == "utama"
    assert tier_of(10_000, 10_050, 10_000) == "utama"  # the waiver needs no Pemda figure
    assert tier_of(10_000, 10_050, 9_999, pemda=0) == "madya"


def test_every_tier_needs_prioritas_hence_no_arrears():
    assert tier_of(10_000, 10_050, 10_000, arrears=5_000_000) == "none"
    assert tier_of(10_000, 10_050, 10_000, arrears=0) == "utama"


def test_assess_refuses_a_month_not_evaluated():
    ind = indicators(make_panel([("01.01", "2025-12", "total", 10, 10, 10)]))
    with pytest.raises(ValueError, match="meets_prioritas"):
        awards.assess(ind, 2026)
    with pytest.raises(ValueError, match="no UHC Awards rules for 2024"):
        awards.rows_of(2024)


def test_every_tier_row_label_says_what_the_row_requires():
    """Each Awards row is its own way to the tier: its label names that row's minimums (the Madya row by the Pemda's
    25 percent once read "98 persen dan 85 persen", the other Madya row's figures; FACTS §2)."""
    t = awards.awards_table()
    for r in t.itertuples():
        cov, act = int(r.min_coverage_pct), int(r.min_activity_pct)
        assert f"({cov} persen dan {act} persen" in r.label_id and f"({cov} percent and {act} percent" in r.label_en
        if pd.isna(r.min_pemda_pct):
            assert "Pemda" not in r.label_id + r.label_en
        else:
            assert f"minimal {int(r.min_pemda_pct)} persen penduduk didaftarkan Pemda" in r.label_id
            assert f"at least {int(r.min_pemda_pct)} percent of the population registered by the Pemda" in r.label_en
    assert not t.duplicated(["award_year", "label_id"]).any() and not t.duplicated(["award_year", "label_en"]).any()
    madya = t[(t["tier"] == "madya") & (t["alternative"] == 2)].iloc[0]
    assert madya["label_id"] == (
        "UHC Awards Madya (98 persen dan 80 persen, minimal 25 persen penduduk didaftarkan Pemda)"
    )
