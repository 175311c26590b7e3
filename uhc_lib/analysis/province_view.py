"""One province's kab/kota in one month: its inequality measures for both indicators, which criteria each region
meets and the gaps in persons to the year's headline criterion (for the province deep dive)."""

from __future__ import annotations

import pandas as pd

from uhc_lib.analysis import gaps, peers
from uhc_lib.analysis.peers import ProvincePeers
from uhc_lib.rules import criteria


def inequality(pp: ProvincePeers) -> pd.DataFrame:
    """The HEAT measures between the province's kab/kota (:func:`uhc_lib.analysis.peers.province_inequality` columns):
    row 0 for coverage_pct, row 1 for activity_pct."""
    frame = pp.regions
    return pd.concat([peers._province_inequality(frame, m) for m in peers.METRICS], ignore_index=True)


def criteria_and_gaps(pp: ProvincePeers) -> pd.DataFrame:
    """One row per kab/kota of the province, by activity rank (then code): coverage and activity, the best
    criterion met (``status``), ``meets_<criterion>`` for every criterion of the year, and the persons to enrol,
    to make active and to reactivate for the year's headline criterion (:func:`uhc_lib.analysis.gaps.gap_to`)."""
    year = pp.criteria_year
    evaluated = criteria.evaluate(pp.regions, year)
    head = criteria.headline(year)
    cov = None if pd.isna(head["min_coverage_pct"]) else float(head["min_coverage_pct"])
    act = None if pd.isna(head["min_activity_pct"]) else float(head["min_activity_pct"])
    g = gaps.gap_to(evaluated, cov, act)
    keep = ["region_code", "region_name", "population", "coverage_pct", "activity_pct", "activity_rank_province"]
    meets = [c for c in evaluated.columns if c.startswith("meets_") and not c.endswith("_line")]
    out = pd.concat([evaluated[keep + ["status", *meets]], g], axis=1)
    out.attrs["criterion"] = str(head["criterion"])
    return out.sort_values(["activity_rank_province", "region_code"], ignore_index=True)


def gap_totals(table: pd.DataFrame) -> dict[str, int]:
    """Sums of :func:`criteria_and_gaps`: regions, regions meeting the headline criterion, enrol_needed,
    activate_needed and reactivate_needed."""
    met = table[f"meets_{table.attrs['criterion']}"]
    return {
        "regions": len(table),
        "regions_met": int(met.sum()),
        **{c: int(table[c].sum()) for c in ("enrol_needed", "activate_needed", "reactivate_needed")},
    }
