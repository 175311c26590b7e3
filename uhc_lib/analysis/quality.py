"""Data-quality flags a reader should see next to the figures."""

from __future__ import annotations

import pandas as pd

FLAG_COLUMNS = ["coverage_over_100", "active_over_registered", "population_jump"]


def quality_flags(ind: pd.DataFrame, jump_pct: float = 5.0) -> pd.DataFrame:
    """Flag coverage above 100 %, more active than registered, and population changes above ``jump_pct`` %.

    A population jump is measured against the region's previous month in the data.
    """
    out = ind[["region_code", "period"]].copy()
    out["coverage_over_100"] = ind["registered"] > ind["population"]
    out["active_over_registered"] = ind["active"] > ind["registered"]
    previous = ind[["region_code", "period", "population"]].copy()
    previous["period"] = previous["period"] + 1
    prev = out[["region_code", "period"]].merge(previous, on=["region_code", "period"], how="left")["population"]
    change = 100 * (ind["population"].to_numpy() - prev.to_numpy()) / prev.to_numpy()
    out["population_jump"] = pd.Series(abs(change) > jump_pct, index=out.index).fillna(False).astype(bool)
    out["population_change_pct"] = change
    return out
