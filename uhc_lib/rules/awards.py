"""The UHC Awards as rules (``data/rules/uhc_awards.csv``): an assessment of one reference month, not a status.

The UHC Awards 2026 judged December 2025 (PBPU Pemda premiums paid to September 2025). Rows with the same ``tier`` are
alternatives (any one suffices); inside a row every minimum must hold; every tier needs UHC Prioritas in the reference
month. A new Awards year is new rows.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from uhc_lib.common.config import RULES_DIR
from uhc_lib.common.lang import check_lang

NOT_AWARDED = "none"


@cache
def awards_table() -> pd.DataFrame:
    """All Awards rows, typed, ordered by year, rank and alternative."""
    t = pd.read_csv(RULES_DIR / "uhc_awards.csv", dtype={"tier": str, "requires": str})
    t["reference_month"] = pd.PeriodIndex(t["reference_month"], freq="M")
    t["premiums_paid_to"] = pd.PeriodIndex(t["premiums_paid_to"], freq="M")
    return t.sort_values(["award_year", "rank", "alternative"]).reset_index(drop=True)


def award_years() -> list[int]:
    return sorted(int(y) for y in awards_table()["award_year"].unique())


def rows_of(award_year: int) -> pd.DataFrame:
    """The tier rows of one Awards year."""
    t = awards_table()
    rows = t[t["award_year"] == award_year]
    if rows.empty:
        raise ValueError(f"no UHC Awards rules for {award_year}; the rules know {award_years()}")
    return rows.reset_index(drop=True)


def reference_month(award_year: int) -> pd.Period:
    """The month an Awards year judges (2026: December 2025)."""
    return rows_of(award_year)["reference_month"].iloc[0]


def awards_for_status_year(year: int) -> int | None:
    """The Awards whose tiers are the goals above the statuses of ``year``: those judging that year, else the latest
    earlier ones (2025 and 2026: the 2026 Awards); None before the first."""
    judged = {int(reference_month(y).year): y for y in award_years()}
    earlier = [ref for ref in judged if ref <= year]
    return judged[max(earlier)] if earlier else None


def tier_label(tier: str, award_year: int, lang: str = "id") -> str:
    check_lang(lang)
    if tier == NOT_AWARDED:
        return "tidak mendapat penghargaan" if lang == "id" else "no award"
    rows = rows_of(award_year)
    return str(rows.loc[rows["tier"] == tier, "label_en" if lang == "en" else "label_id"].iloc[0])


def assess(ind: pd.DataFrame, award_year: int) -> pd.DataFrame:
    """The Awards tier of every row of ``ind`` (indicators of the reference month, with ``meets_prioritas`` from
    :func:`uhc_lib.rules.criteria.evaluate`): ``meets_<tier>`` for each tier and ``tier``, the highest met or 'none'.

    A tier needs its minimums (exact comparison on counts) and UHC Prioritas; the Pemda share minimum needs the
    segment breakdown.
    """
    from uhc_lib.rules.criteria import minimums_met  # the same exact comparison as the statuses

    rows = rows_of(award_year)
    if "meets_prioritas" not in ind:
        raise ValueError("assess needs meets_prioritas: evaluate the reference month under its criteria first")
    prioritas = ind["meets_prioritas"].to_numpy(dtype=bool)
    out = {}
    tier = np.full(len(ind), NOT_AWARDED, dtype=object)
    for name, group in rows.groupby("tier", sort=False):
        met = np.zeros(len(ind), dtype=bool)
        for r in group.itertuples():
            met |= minimums_met(ind, (_value(r.min_coverage_pct), _value(r.min_activity_pct), _value(r.min_pemda_pct)))
        met &= prioritas
        out[f"meets_{name}"] = met
        tier[met] = name  # rows are ordered by rank: a higher tier overwrites a lower one
    return ind.assign(**out, tier=tier, award_year=award_year)


def _value(v: object) -> float | None:
    return None if pd.isna(v) else float(v)
