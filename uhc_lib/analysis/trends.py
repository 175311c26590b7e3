"""Change against the previous month and year, and the month a target is reached at the current pace."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

CHANGE_COLUMNS = ["coverage_pct", "activity_pct", "registered", "active", "population"]


def _lagged(ind: pd.DataFrame, months: int) -> pd.DataFrame:
    """Values of CHANGE_COLUMNS ``months`` earlier, aligned to ``ind``'s rows (NA where that month is absent)."""
    earlier = ind[["region_code", "period", *CHANGE_COLUMNS]].copy()
    earlier["period"] = earlier["period"] + months
    aligned = ind[["region_code", "period"]].merge(earlier, on=["region_code", "period"], how="left")
    aligned.index = ind.index
    return aligned[CHANGE_COLUMNS]


def add_changes(ind: pd.DataFrame) -> pd.DataFrame:
    """Add ``<col>_change_mom`` and ``<col>_change_yoy`` (percentage points for %, persons for counts)."""
    out = ind.copy()
    for suffix, months in (("mom", 1), ("yoy", 12)):
        lag = _lagged(ind, months)
        for col in CHANGE_COLUMNS:
            out[f"{col}_change_{suffix}"] = ind[col] - lag[col]
    return out


def pace(ind: pd.DataFrame, column: str, window: int = 6) -> pd.Series:
    """Average change of ``column`` per month over the last ``window`` months (NA without that history)."""
    earlier = ind[["region_code", "period", column]].copy()
    earlier["period"] = earlier["period"] + window
    aligned = ind[["region_code", "period"]].merge(earlier, on=["region_code", "period"], how="left")[column]
    return pd.Series((ind[column].to_numpy() - aligned.to_numpy()) / window, index=ind.index)


def months_to_reach(current: float, target: float, monthly_pace: float) -> int | None:
    """Whole months until ``current`` reaches ``target`` at ``monthly_pace``; 0 if already there, None if never."""
    if current >= target:
        return 0
    if monthly_pace is None or not np.isfinite(monthly_pace) or monthly_pace <= 0:
        return None
    return math.ceil((target - current) / monthly_pace - 1e-9)


def projected_period(period: pd.Period, current: float, target: float, monthly_pace: float) -> pd.Period | None:
    """The month ``target`` is reached at the current pace, or None if the pace never gets there."""
    months = months_to_reach(current, target, monthly_pace)
    return None if months is None else period + months


def project_targets(
    ind: pd.DataFrame, coverage_pct: float | None, activity_pct: float | None, window: int = 6
) -> pd.DataFrame:
    """For every row: pace of coverage and activity, and the month each minimum is reached at that pace."""
    out = ind[["region_code", "period"]].copy()
    for name, col, target in (("coverage", "coverage_pct", coverage_pct), ("activity", "activity_pct", activity_pct)):
        p = pace(ind, col, window)
        out[f"{name}_pace_pp"] = p
        out[f"{name}_reached"] = [
            None if target is None else projected_period(per, cur, target, pp)
            for per, cur, pp in zip(ind["period"], ind[col], p, strict=True)
        ]
    return out
