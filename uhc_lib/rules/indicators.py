"""Coverage, activity and inactivity from registered/active counts, for every region and month at once."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

PEMDA_SEGMENT = "pbpu_pemda"
ARREARS_COLUMN = "pemda_arrears_rp"
"""Optional panel column: PBPU Pemda premium arrears in rupiah (blank: not known); UHC Prioritas needs none."""


def region_totals(panel: pd.DataFrame) -> pd.DataFrame:
    """One row per region and month: population, registered, active and registered by the Pemda (PBPU Pemda).

    ``pemda_registered`` is missing (NA) when the data has no segment breakdown. When the panel has the optional
    ``pemda_arrears_rp`` column, the region's PBPU Pemda arrears (the largest figure on its rows; NA when none).
    """
    grouped = panel.groupby(["region_code", "period"], sort=True)
    out = grouped.agg(population=("population", "first"), registered=("registered", "sum"), active=("active", "sum"))
    pemda = panel[panel["segment"] == PEMDA_SEGMENT].groupby(["region_code", "period"])["registered"].sum()
    has_segments = (panel["segment"] != "total").groupby([panel["region_code"], panel["period"]]).any()
    out["pemda_registered"] = pemda.reindex(out.index).fillna(0).astype("int64").astype("Int64")
    out.loc[~has_segments.reindex(out.index), "pemda_registered"] = pd.NA
    if ARREARS_COLUMN in panel:  # a region figure: given on one segment row or repeated on each
        out[ARREARS_COLUMN] = grouped[ARREARS_COLUMN].max().astype("Int64")
    return out.reset_index()


def add_indicators(totals: pd.DataFrame) -> pd.DataFrame:
    """Add inactive, coverage_pct, activity_pct, inactive_pct, active_of_registered_pct and pemda_pct.

    coverage_pct = registered / population; activity_pct = active / **population** (the UHC criteria's ratio);
    active_of_registered_pct = active / registered (the other ratio used in the press). inactive_pct equals
    coverage_pct - activity_pct up to floating-point rounding (Lebong: 100.71 - 75.41 = 25.30).
    """
    out = totals.copy()
    pop = out["population"].astype("float64")
    out["inactive"] = out["registered"] - out["active"]
    out["coverage_pct"] = 100 * out["registered"] / pop
    out["activity_pct"] = 100 * out["active"] / pop
    out["inactive_pct"] = 100 * out["inactive"] / pop
    out["active_of_registered_pct"] = 100 * out["active"] / out["registered"].where(out["registered"] > 0)
    if "pemda_registered" in out:
        out["pemda_pct"] = 100 * out["pemda_registered"].astype("Float64") / pop
    return out


def indicators(panel: pd.DataFrame) -> pd.DataFrame:
    """Region totals with all indicators, from a tidy panel."""
    return add_indicators(region_totals(panel))


def national(ind: pd.DataFrame) -> pd.DataFrame:
    """Indonesia-wide totals per month (sums of the regions present) with the same indicators."""
    sums = ind.groupby("period")[["population", "registered", "active"]].sum().reset_index()
    sums.insert(0, "region_code", "0")
    return add_indicators(sums)


def required_count(population: pd.Series | np.ndarray | int, pct: float) -> np.ndarray | int:
    """Smallest whole number of persons that is at least ``pct`` percent of ``population`` (exact integers).

    ``pct`` is read as the decimal it is written as (74.999 is 74999/100000, not its binary approximation).
    """
    num, den = (Decimal(str(pct)) / 100).as_integer_ratio()
    return -(-np.asarray(population, dtype="int64") * num // den)


def meets(count: pd.Series | np.ndarray, population: pd.Series | np.ndarray, pct: float) -> np.ndarray:
    """Whether ``count`` is at least ``pct`` percent of ``population``, compared exactly (no float rounding)."""
    return np.asarray(count, dtype="int64") >= required_count(population, pct)
