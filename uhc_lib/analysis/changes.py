"""What changed this month for the regions of a run: statuses gained or lost since the previous month and since
December of the previous year, the biggest movers in activity, and data-quality flags raised this month that were
not raised the month before. Each month's status is judged as the briefs judge it
(:func:`uhc_lib.analysis.brief.status_history`: each month under its own year's rules, or all under
``criteria_year``); a status is gained or lost when its standing (best, lower, not UHC) changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from uhc_lib.analysis import quality
from uhc_lib.inputs import reference
from uhc_lib.rules import criteria, indicators

MOVERS = 10
STANDING = {tone: i for i, tone in enumerate(reversed(criteria.TONES))}
"""Standing of a status tone: not UHC 0, a lower UHC status 1, the year's best status 2."""

STATUS_COLUMNS = [
    "region_code", "region_name", "province_name", "direction", "before", "before_year", "before_label_id",
    "before_label_en", "after", "after_year", "after_label_id", "after_label_en", "rules_changed",
]  # fmt: skip
MOVER_COLUMNS = ["region_code", "region_name", "province_name", "activity_pct_before", "activity_pct", "change_pp"]
FLAG_COLUMNS = ["region_code", "region_name", "province_name", "flag", "value"]


@dataclass(frozen=True)
class MonthChanges:
    """The changes of ``period`` for a run's regions.

    ``previous`` / ``december``: the month compared with (None when the data does not hold it; then the matching
    tables are empty). ``status_vs_previous`` / ``status_vs_december``: one row per region whose standing changed
    (``direction`` ``gained`` or ``lost``), gained first. ``movers_up`` / ``movers_down``: at most :data:`MOVERS`
    regions each, by activity change in percentage points against the previous month. ``new_flags``: flags raised in
    ``period`` and not in ``previous``. ``regions``: how many regions were compared.
    """

    period: pd.Period
    previous: pd.Period | None
    december: pd.Period | None
    status_vs_previous: pd.DataFrame
    status_vs_december: pd.DataFrame
    movers_up: pd.DataFrame
    movers_down: pd.DataFrame
    new_flags: pd.DataFrame
    regions: int

    @property
    def any_status_change(self) -> bool:
        return not (self.status_vs_previous.empty and self.status_vs_december.empty)


def month_statuses(ind: pd.DataFrame, criteria_year: int | None = None) -> pd.DataFrame:
    """``region_code``, ``period``, ``status``, ``criteria_year`` and ``tone`` of every row of ``ind`` (region
    totals with indicators), each month under its own year's rules or all under ``criteria_year``."""
    if ind.empty:
        return pd.DataFrame(columns=["region_code", "period", "status", "criteria_year", "tone"])
    years = ind["period"].dt.year if criteria_year is None else pd.Series(criteria_year, index=ind.index)
    parts = [
        criteria.evaluate(ind.loc[years == y], int(y))[["region_code", "period", "status", "criteria_year"]]
        for y in sorted(years.unique())
    ]
    out = pd.concat(parts, ignore_index=True)
    tones = {
        (s, int(y)): criteria.tone(s, int(y)) for s, y in set(zip(out["status"], out["criteria_year"], strict=True))
    }
    out["tone"] = [tones[(s, int(y))] for s, y in zip(out["status"], out["criteria_year"], strict=True)]
    return out


def _names(codes: pd.Series) -> pd.DataFrame:
    regions = reference.regions().set_index("region_code")
    return pd.DataFrame(
        {
            "region_code": codes.to_numpy(),
            "region_name": regions["region_name"].reindex(codes).to_numpy(),
            "province_name": regions["province_name"].reindex(codes).to_numpy(),
        }
    )


def status_changes(
    statuses: pd.DataFrame, now: pd.Period, then: pd.Period, then_by_now_rules: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Regions whose standing differs between ``then`` and ``now`` (both in ``statuses``, from
    :func:`month_statuses`): gained first, then lost, each by region code.

    ``rules_changed`` is True when ``then``'s figures judged by ``now``'s rules (``then_by_now_rules``) already have
    ``now``'s standing: the change came from the new criteria, not from the region's figures."""
    a = statuses[statuses["period"] == then].set_index("region_code")
    b = statuses[statuses["period"] == now].set_index("region_code")
    both = a.index.intersection(b.index)
    a, b = a.loc[both], b.loc[both]
    diff = a["tone"].map(STANDING) - b["tone"].map(STANDING)
    moved = diff[diff != 0].index.sort_values()
    if len(moved) == 0:
        return pd.DataFrame(columns=STATUS_COLUMNS)
    a, b = a.loc[moved], b.loc[moved]
    out = _names(pd.Series(moved))
    out["direction"] = ["gained" if d < 0 else "lost" for d in diff.loc[moved]]
    out["before"] = a["status"].to_numpy()
    out["before_year"] = a["criteria_year"].astype(int).to_numpy()
    out["after"] = b["status"].to_numpy()
    out["after_year"] = b["criteria_year"].astype(int).to_numpy()
    for side in ("before", "after"):
        for lang in ("id", "en"):
            out[f"{side}_label_{lang}"] = [
                criteria.label(s, int(y), lang).split(" (")[0]
                for s, y in zip(out[side], out[f"{side}_year"], strict=True)
            ]
    out["rules_changed"] = False
    if then_by_now_rules is not None and not then_by_now_rules.empty:
        same = then_by_now_rules.set_index("region_code")["tone"].reindex(moved).to_numpy() == b["tone"].to_numpy()
        differ = out["before_year"].map(criteria.rules_year) != out["after_year"].map(criteria.rules_year)
        out["rules_changed"] = same & differ.to_numpy()
    out = out.sort_values(["direction", "region_code"], key=lambda s: s.map({"gained": 0, "lost": 1})
                          if s.name == "direction" else s, kind="stable")  # fmt: skip
    return out[STATUS_COLUMNS].reset_index(drop=True)


def activity_movers(ind: pd.DataFrame, now: pd.Period, then: pd.Period, n: int = MOVERS) -> tuple[pd.DataFrame, ...]:
    """The ``n`` regions whose activity rose most and the ``n`` whose activity fell most from ``then`` to ``now``, in
    percentage points (only rises in the first table, only falls in the second; ties by region code)."""
    a = ind[ind["period"] == then].set_index("region_code")["activity_pct"]
    b = ind[ind["period"] == now].set_index("region_code")["activity_pct"]
    both = a.index.intersection(b.index).sort_values()
    table = _names(pd.Series(both))
    table["activity_pct_before"] = a.loc[both].to_numpy()
    table["activity_pct"] = b.loc[both].to_numpy()
    table["change_pp"] = table["activity_pct"] - table["activity_pct_before"]
    up = table[table["change_pp"] > 0].sort_values("change_pp", ascending=False, kind="stable").head(n)
    down = table[table["change_pp"] < 0].sort_values("change_pp", kind="stable").head(n)
    return up[MOVER_COLUMNS].reset_index(drop=True), down[MOVER_COLUMNS].reset_index(drop=True)


def new_flags(ind: pd.DataFrame, now: pd.Period, then: pd.Period) -> pd.DataFrame:
    """Data-quality flags (:mod:`uhc_lib.analysis.quality`) raised in ``now`` that were not raised in ``then``, for
    regions present in both months; ``value`` as in the recap (coverage %, active minus registered, population
    change %)."""
    ind = ind.reset_index(drop=True)
    flags = quality.quality_flags(ind)
    flags["active_over_registered_by"] = ind["active"] - ind["registered"]
    flags["coverage_pct"] = ind["coverage_pct"]
    cur = flags[flags["period"] == now].set_index("region_code")
    old = flags[flags["period"] == then].set_index("region_code")
    both = cur.index.intersection(old.index).sort_values()
    cur, old = cur.loc[both], old.loc[both]
    value_of = {"coverage_over_100": "coverage_pct", "active_over_registered": "active_over_registered_by",
                "population_jump": "population_change_pct"}  # fmt: skip
    rows = []
    for flag in quality.FLAG_COLUMNS:
        raised = cur[flag].astype(bool) & ~old[flag].astype(bool)
        rows += [[code, flag, float(cur.loc[code, value_of[flag]])] for code in raised.index[raised.to_numpy()]]
    if not rows:
        return pd.DataFrame(columns=FLAG_COLUMNS)
    found = pd.DataFrame(rows, columns=["region_code", "flag", "value"]).sort_values("region_code", kind="stable")
    out = _names(found["region_code"])
    out["flag"] = found["flag"].to_numpy()
    out["value"] = found["value"].to_numpy()
    return out[FLAG_COLUMNS]


def month_changes(
    panel: pd.DataFrame, codes: Iterable[str], period: str | pd.Period, criteria_year: int | None = None
) -> MonthChanges:
    """The changes of ``period`` for the regions ``codes`` of ``panel`` (see :class:`MonthChanges`)."""
    period = pd.Period(period, "M")
    codes = sorted(set(codes))
    rows = panel[panel["region_code"].isin(codes) & (panel["period"] <= period)]
    ind = indicators.indicators(rows) if not rows.empty else rows
    months = set(ind["period"]) if not ind.empty else set()
    previous = period - 1 if period - 1 in months else None
    december = pd.Period(f"{period.year - 1}-12", "M")
    december = december if december in months else None
    wanted = [p for p in (period, previous, december) if p is not None]
    statuses = month_statuses(ind[ind["period"].isin(wanted)], criteria_year) if wanted else pd.DataFrame()
    empty_status = pd.DataFrame(columns=STATUS_COLUMNS)
    now_year = criteria_year if criteria_year is not None else period.year

    def compared(then: pd.Period | None) -> pd.DataFrame:
        if then is None:
            return empty_status
        return status_changes(statuses, period, then, month_statuses(ind[ind["period"] == then], now_year))

    empty_movers = pd.DataFrame(columns=MOVER_COLUMNS)
    up, down = (empty_movers, empty_movers) if previous is None else activity_movers(ind, period, previous)
    return MonthChanges(
        period=period,
        previous=previous,
        december=december,
        status_vs_previous=compared(previous),
        status_vs_december=compared(december),
        movers_up=up,
        movers_down=down,
        new_flags=pd.DataFrame(columns=FLAG_COLUMNS) if previous is None else new_flags(ind, period, previous),
        regions=int((ind["period"] == period).sum()) if not ind.empty else 0,
    )
