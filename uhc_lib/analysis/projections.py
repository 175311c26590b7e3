"""How many regions meet a criterion month by month, and how many will at their own recent pace.

The projection is the one a brief uses (:func:`uhc_lib.analysis.trends.project_targets`): each region's coverage and
activity move on at their average monthly change over the last ``window`` months, and a region counts from the later of
the two months in which its minimums are reached. Regions that already meet the criterion (compared exactly on counts)
count from the start; regions whose pace is flat or falling never do.
"""

from __future__ import annotations

import pandas as pd

from uhc_lib.analysis import trends
from uhc_lib.rules import criteria


def attainment(ind: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per month: the number of regions meeting each criterion of ``year``'s rules, and the number of regions.

    The same rules are applied to every month (``year`` fixes them), so a series shows progress against one yardstick.
    """
    met = criteria.evaluate(ind, year)
    columns = [c for c in met.columns if c.startswith("meets_")]
    out = met.groupby("period")[columns].sum().astype("int64")
    out.columns = [c.removeprefix("meets_") for c in columns]
    out.insert(0, "regions", met.groupby("period").size())
    return out.reset_index()


def region_paces(ind: pd.DataFrame, period: pd.Period | str, window: int = 6) -> pd.DataFrame:
    """One row per region in ``period``: coverage and activity, and their average change per month (points)."""
    period = pd.Period(period, "M")
    out = ind[["region_code", "period", "population", "registered", "active", "coverage_pct", "activity_pct"]].copy()
    out["coverage_pace_pp"] = trends.pace(ind, "coverage_pct", window)
    out["activity_pace_pp"] = trends.pace(ind, "activity_pct", window)
    out = out[out["period"] == period].reset_index(drop=True)
    if out.empty:
        raise ValueError(f"no data for {period} (the data covers {ind['period'].min()} to {ind['period'].max()})")
    return out


def _headline_minimums(year: int) -> tuple[str, float | None, float | None]:
    row = criteria.headline(year)
    cov = None if pd.isna(row["min_coverage_pct"]) else float(row["min_coverage_pct"])
    act = None if pd.isna(row["min_activity_pct"]) else float(row["min_activity_pct"])
    return str(row["criterion"]), cov, act


def reach_months(ind: pd.DataFrame, period: pd.Period | str, year: int | None = None, window: int = 6) -> pd.DataFrame:
    """For every region in ``period``: whether it meets ``year``'s headline criterion now, and when it would at pace.

    Columns: region_code, met_now, coverage_reached, activity_reached and ``reached`` (the later of the two, the period
    itself when met now, NaT when the pace never gets there).
    """
    period = pd.Period(period, "M")
    year = period.year if year is None else year
    criterion, cov, act = _headline_minimums(year)
    projected = trends.project_targets(ind, cov, act, window)
    now = ind["period"] == period
    met_now = criteria.evaluate(ind[now], year)[f"meets_{criterion}"].to_numpy()
    out = projected[now].reset_index(drop=True)
    out["met_now"] = met_now
    reached = []
    for ok, c, a in zip(met_now, out["coverage_reached"], out["activity_reached"], strict=True):
        if ok:
            reached.append(period)
        elif (cov is not None and pd.isna(c)) or (act is not None and pd.isna(a)):
            reached.append(pd.NaT)
        else:
            # not met on the exact counts: at least one more month, even if a float share already touches a minimum
            reached.append(max(period + 1, *(p for p in (c, a) if not pd.isna(p))))
    out["reached"] = pd.PeriodIndex(reached, freq="M")
    out["criterion"] = criterion
    return out


def projected_attainment(
    ind: pd.DataFrame, period: pd.Period | str, year: int | None = None, horizon: int = 24, window: int = 6
) -> pd.DataFrame:
    """Per month from ``period`` to ``horizon`` months later: regions meeting ``year``'s headline criterion at pace.

    Columns: period, regions_met, regions, share_pct.
    """
    period = pd.Period(period, "M")
    reach = reach_months(ind, period, year, window)
    months = pd.period_range(period, periods=horizon + 1, freq="M")
    reached = reach["reached"].dropna()
    counts = [int((reached <= m).sum()) for m in months]
    out = pd.DataFrame({"period": months, "regions_met": counts, "regions": len(reach)})
    out["share_pct"] = 100 * out["regions_met"] / out["regions"]
    return out
