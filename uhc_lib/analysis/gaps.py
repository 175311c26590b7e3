"""Gaps in persons to each target: how many must enrol and how many more must be active."""

from __future__ import annotations

import numpy as np
import pandas as pd

from uhc_lib.rules.criteria import targets
from uhc_lib.rules.indicators import required_count


def gap_to(ind: pd.DataFrame, coverage_pct: float | None, activity_pct: float | None) -> pd.DataFrame:
    """Persons needed to reach the given minimums, for every row of ``ind``.

    - ``enrol_needed``: residents who must register (registered must reach coverage_pct of population);
    - ``activate_needed``: additional active participants needed (active must reach activity_pct);
    - ``reactivate_needed``: of those, how many must come from reactivating inactive participants, if new
      enrolees are active from the day they register (UHC non cut-off / Prioritas); never above ``inactive``.
    """
    pop = ind["population"].to_numpy(dtype="int64")
    reg = ind["registered"].to_numpy(dtype="int64")
    act = ind["active"].to_numpy(dtype="int64")
    enrol = (
        np.zeros(len(ind), dtype="int64")
        if coverage_pct is None
        else np.maximum(0, required_count(pop, coverage_pct) - reg)
    )
    activate = (
        np.zeros(len(ind), dtype="int64")
        if activity_pct is None
        else np.maximum(0, required_count(pop, activity_pct) - act)
    )
    reactivate = np.minimum(np.maximum(0, activate - enrol), reg - act)
    return pd.DataFrame(
        {"enrol_needed": enrol, "activate_needed": activate, "reactivate_needed": reactivate},
        index=ind.index,
    )


def gaps(ind: pd.DataFrame, year: int) -> pd.DataFrame:
    """Long table: one row per region, month and criterion of ``year`` with its minimums and the gaps."""
    parts = []
    keys = ind[["region_code", "period"]]
    for t in targets(year).itertuples():
        cov = None if pd.isna(t.min_coverage_pct) else float(t.min_coverage_pct)
        act = None if pd.isna(t.min_activity_pct) else float(t.min_activity_pct)
        g = gap_to(ind, cov, act)
        g.insert(0, "criterion", t.criterion)
        g.insert(1, "target_coverage_pct", cov)
        g.insert(2, "target_activity_pct", act)
        parts.append(pd.concat([keys, g], axis=1))
    return pd.concat(parts, ignore_index=True)
