"""What enrolling every kab/kota's missing residents would cost the regencies: the national view of a budget.

For each region in one month: the residents it must enrol to reach a coverage minimum (``gaps.gap_to``, exact on
counts) and what enrolling them as PBPU Pemda costs the regency over ``months`` (persons x the regency's class III
premium in force that month x months, :func:`uhc_lib.analysis.budget.enrolment_cost`). Activity is left out on purpose:
enrolment is the one lever whose cost is known without knowing who the inactive participants are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from uhc_lib.analysis import gaps
from uhc_lib.inputs import reference
from uhc_lib.rules import premiums

COLUMNS = [
    "region_code",
    "region_name",
    "province_code",
    "province_name",
    "population",
    "registered",
    "active",
    "coverage_pct",
    "enrol_needed",
    "monthly_rp",
    "months",
    "cost_rp",
    "cost_rank",
]


def enrolment_costs(
    ind: pd.DataFrame, period: pd.Period | str | None = None, coverage_pct: float = 98.0, months: int = 12
) -> pd.DataFrame:
    """One row per region of ``period`` (default: the latest month of ``ind``): the residents to enrol to reach
    ``coverage_pct`` and the regency's cost of enrolling them as PBPU Pemda for ``months`` months.

    Columns: see :data:`COLUMNS`; ``cost_rank`` is 1 for the largest cost (ties share the lowest rank), sorted by
    region code. Raises ``ValueError`` when the month is not in the data.
    """
    if months < 0:
        raise ValueError(f"months must not be negative, got {months}")
    p = ind["period"].max() if period is None else pd.Period(period, "M")
    rows = ind[ind["period"] == p]
    if rows.empty:
        raise ValueError(f"no rows for period {p} (the data covers {ind['period'].min()} to {ind['period'].max()})")
    names = reference.regions()[["region_code", "region_name", "province_code", "province_name"]]
    out = rows[["region_code", "population", "registered", "active", "coverage_pct"]].merge(
        names, on="region_code", how="left", validate="one_to_one"
    )
    out["enrol_needed"] = gaps.gap_to(out, coverage_pct, None)["enrol_needed"].to_numpy()
    out["monthly_rp"] = premiums.pemda_premium(p)
    out["months"] = int(months)
    out["cost_rp"] = out["enrol_needed"].astype("int64") * out["monthly_rp"] * out["months"]
    out["cost_rank"] = out["cost_rp"].rank(method="min", ascending=False).astype("int64")
    out = out.sort_values("region_code", ignore_index=True)[COLUMNS]
    out.attrs.update(period=p, coverage_pct=float(coverage_pct))
    return out


def province_costs(costs: pd.DataFrame) -> pd.DataFrame:
    """Per province, from :func:`enrolment_costs`: n_regions, n_below (regions with residents to enrol),
    enrol_needed and cost_rp (sums), sorted by cost, largest first (then by code)."""
    by = costs.groupby(["province_code", "province_name"], sort=True)
    out = by.agg(
        n_regions=("region_code", "size"),
        n_below=("enrol_needed", lambda s: int((s > 0).sum())),
        enrol_needed=("enrol_needed", "sum"),
        cost_rp=("cost_rp", "sum"),
    ).reset_index()
    return out.sort_values(["cost_rp", "province_code"], ascending=[False, True], ignore_index=True)


@dataclass(frozen=True)
class NationalEnrolment:
    """The national bill of enrolling every region's missing residents, with its parts."""

    period: pd.Period
    coverage_pct: float
    monthly_rp: int
    months: int
    n_regions: int
    n_below: int
    enrol_needed: int
    cost_rp: int
    regions: pd.DataFrame = field(repr=False)  # enrolment_costs
    provinces: pd.DataFrame = field(repr=False)  # province_costs

    def region(self, region_code: str) -> pd.Series:
        """The row of one region (``KeyError`` naming the code when it is not in the month)."""
        hit = self.regions[self.regions["region_code"] == region_code]
        if hit.empty:
            raise KeyError(f"region {region_code!r} has no data in {self.period}")
        return hit.iloc[0]

    def largest(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` regions with the largest cost (ties in code order)."""
        return self.regions.sort_values(["cost_rank", "region_code"], ignore_index=True).head(n)


def national_enrolment(
    ind: pd.DataFrame, period: pd.Period | str | None = None, coverage_pct: float = 98.0, months: int = 12
) -> NationalEnrolment:
    """:func:`enrolment_costs` of every region, its province sums and national totals."""
    costs = enrolment_costs(ind, period, coverage_pct, months)
    p = costs.attrs["period"]
    return NationalEnrolment(
        period=p,
        coverage_pct=float(coverage_pct),
        monthly_rp=premiums.pemda_premium(p),
        months=int(months),
        n_regions=len(costs),
        n_below=int((costs["enrol_needed"] > 0).sum()),
        enrol_needed=int(costs["enrol_needed"].sum()),
        cost_rp=int(costs["cost_rp"].sum()),
        regions=costs,
        provinces=province_costs(costs),
    )
