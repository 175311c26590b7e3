"""The month's recap of many regions, as tables: one row per region (the figures its brief shows: counts, shares,
status and since when, gaps to each goal, the budget to the next target and who pays it, the fastest scenario), one
row per region and segment, and the month's data-quality flags. The same functions as the briefs
(:func:`~uhc_lib.analysis.brief.brief_figures`, :func:`~uhc_lib.analysis.outlook.outlook`), so the recap agrees
with them. Values only: labels in both languages where the rules give them, no formatting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from uhc_lib.analysis import quality
from uhc_lib.analysis.brief import BriefFigures, Target, brief_figures
from uhc_lib.analysis.outlook import Outlook, month_quadrants, outlook
from uhc_lib.inputs import reference
from uhc_lib.rules import criteria, indicators, premiums, segments

PAYERS_SHOWN = ("regency", "province")


@dataclass(frozen=True)
class Goal:
    """A goal column of the region table: ``key`` (``<year>_<criterion>``) and its labels."""

    key: str
    label_id: str
    label_en: str

    def label(self, lang: str = "id") -> str:
        return self.label_en if lang == "en" else self.label_id


@dataclass(frozen=True)
class Recap:
    """The month's tables for the regions of a run (see the module docstring).

    ``regions``: one row per region; gap columns ``enrol_<goal>`` and ``activate_<goal>`` for each of ``goals``.
    ``segments``: one row per region and segment. ``quality``: one row per region and flag raised this month.
    ``failed``: region code -> why its row could not be computed (the other rows are kept).
    """

    period: pd.Period
    criteria_year: int
    regions: pd.DataFrame
    segments: pd.DataFrame
    quality: pd.DataFrame
    goals: list[Goal]
    failed: dict[str, str] = field(default_factory=dict)


def goal_key(t: Target) -> str:
    return f"{t.when}_{t.criterion}"


def _goal(t: Target) -> Goal:
    suffix = f" ({t.when})"
    return Goal(goal_key(t), t.short_label("id") + suffix, t.short_label("en") + suffix)


def region_row(fig: BriefFigures, o: Outlook) -> dict[str, object]:
    """The recap row of one brief: its figures and outlook as plain values."""
    change = fig.status_change
    first = fig.history["period"].iloc[0]
    row: dict[str, object] = {
        "region_code": fig.region_code,
        "region_name": fig.region_name,
        "province_name": fig.province_name,
        "population": fig.population,
        "registered": fig.registered,
        "active": fig.active,
        "inactive": fig.inactive,
        "coverage_pct": fig.coverage_pct,
        "activity_pct": fig.activity_pct,
        "status": fig.status,
        "status_label_id": fig.status_label("id").split(" (")[0],
        "status_label_en": fig.status_label("en").split(" (")[0],
        "status_tone": fig.status_tone,
        "status_since": first if change is None else change.since,
        # the same status in every month of the data up to this one: ``status_since`` is the data's first month
        "status_since_start": change is None,
        "status_before_id": None if change is None else change.before_label("id").split(" (")[0],
        "status_before_en": None if change is None else change.before_label("en").split(" (")[0],
        "status_lost": bool(change is not None and change.lost),
    }
    for t in fig.goals:
        row[f"enrol_{goal_key(t)}"] = t.enrol_needed
        row[f"activate_{goal_key(t)}"] = t.activate_needed
    target = o.target
    row["target_key"] = goal_key(target)
    row["target_label_id"] = f"{target.short_label('id')} ({target.when})"
    row["target_label_en"] = f"{target.short_label('en')} ({target.when})"
    row["target_met"] = target.met
    b = o.budget
    row["regency_yearly_rp"] = None if b is None else b.total("regency", recurring=True)
    row["province_yearly_rp"] = None if b is None else b.total("province", recurring=True)
    row["payers"] = () if b is None else tuple(p for p in PAYERS_SHOWN if b.total(p, recurring=True))
    best = o.first_to_reach
    row["fastest_scenario"] = None if best is None else str(best["scenario"])
    row["fastest_month"] = None if best is None else best[o.reached_column]
    return row


def segment_rows(fig: BriefFigures) -> pd.DataFrame:
    """The brief's segment table with the region and the segment's labels."""
    seg = fig.segments.copy()
    seg.insert(0, "region_code", fig.region_code)
    seg.insert(1, "region_name", fig.region_name)
    seg.insert(2, "province_name", fig.province_name)
    seg.insert(4, "segment_label_id", [segments.label(s, "id") for s in seg["segment"]])
    seg.insert(5, "segment_label_en", [segments.label(s, "en") for s in seg["segment"]])
    return seg


QUALITY_COLUMNS = ["region_code", "region_name", "province_name", "flag", "value"]


def quality_rows(panel: pd.DataFrame, codes: Iterable[str], period: pd.Period) -> pd.DataFrame:
    """One row per region and data-quality flag raised in ``period`` (:func:`uhc_lib.analysis.quality.quality_flags`):
    ``flag`` and its ``value`` (coverage %, active minus registered, or the population change %)."""
    codes = list(codes)
    rows = panel[panel["region_code"].isin(codes) & (panel["period"] <= period)]
    if rows.empty:
        return pd.DataFrame(columns=QUALITY_COLUMNS)
    ind = indicators.indicators(rows)
    flags = quality.quality_flags(ind)
    now = ind["period"] == period
    ind, flags = ind[now], flags[now]
    names = reference.regions().set_index("region_code")
    out = []
    values = {
        "coverage_over_100": ind["coverage_pct"],
        "active_over_registered": ind["active"] - ind["registered"],
        "population_jump": flags["population_change_pct"],
    }
    for flag in quality.FLAG_COLUMNS:
        raised = flags[flag].to_numpy()
        for code, value in zip(ind["region_code"][raised], values[flag][raised], strict=True):
            out.append([code, names.loc[code, "region_name"], names.loc[code, "province_name"], flag, float(value)])
    table = pd.DataFrame(out, columns=QUALITY_COLUMNS)
    order = {f: i for i, f in enumerate(quality.FLAG_COLUMNS)}
    return table.sort_values(["region_code", "flag"], key=lambda s: s.map(order) if s.name == "flag" else s,
                             kind="stable").reset_index(drop=True)  # fmt: skip


def recap(
    panel: pd.DataFrame,
    codes: Iterable[str],
    period: str | pd.Period,
    criteria_year: int | None = None,
    lang: str = "id",
    illustrative: bool = False,
) -> Recap:
    """The recap of ``codes`` in ``period``: every region's brief figures and outlook (scenario names in ``lang``).

    A region whose figures cannot be computed is left out and named in ``failed``.
    """
    period = pd.Period(period, "M")
    rows, segs, failed = [], [], {}
    goals: dict[str, Goal] = {}
    quadrants = None
    year = None
    for code in sorted(set(codes)):
        try:
            fig = brief_figures(panel, code, period, criteria_year, illustrative=illustrative)
            if quadrants is None:
                quadrants = month_quadrants(fig, panel)
            o = outlook(fig, panel, lang, q=quadrants)
        except (ValueError, KeyError, IndexError) as exc:
            failed[code] = str(exc)
            continue
        year = fig.criteria_year
        for t in fig.goals:
            goals.setdefault(goal_key(t), _goal(t))
        rows.append(region_row(fig, o))
        segs.append(segment_rows(fig))
    regions = pd.DataFrame(rows)
    seg_table = pd.concat(segs, ignore_index=True) if segs else pd.DataFrame()
    return Recap(
        period=period,
        criteria_year=year if year is not None else int(criteria_year or period.year),
        regions=regions,
        segments=seg_table,
        quality=quality_rows(panel, [r["region_code"] for r in rows], period),
        goals=list(goals.values()),
        failed=failed,
    )


RULES_COLUMNS = ["criteria_year", "label_id", "label_en", "source"]


def rules_used(criteria_year: int, period: str | pd.Period) -> pd.DataFrame:
    """The rule rows the recap rests on: each goal of ``criteria_year`` (and of the next year with new rules), with
    its labels and legal source, and the PBPU Pemda premium of the month (``monthly_rp``; :mod:`uhc_lib.rules`)."""
    period = pd.Period(period, "M")
    years = [criteria_year]
    nxt = criteria.next_year_with_new_rules(criteria_year)
    if nxt:
        years.append(nxt)
    parts = [criteria.criteria_for(y)[RULES_COLUMNS] for y in years]
    rules = pd.concat(parts, ignore_index=True).drop_duplicates(["criteria_year", "label_id"])
    rules["monthly_rp"] = None
    table = premiums.premium_table()
    pemda = table[(table["segment"] == "pbpu_pemda") & (table["payer"] == "regency")]
    pemda = pemda[pemda["effective_from"] <= period]
    if not pemda.empty:
        row = pemda.iloc[-1]
        rules.loc[len(rules)] = [period.year, "Iuran PBPU Pemda kelas III per orang per bulan",
                                 "PBPU Pemda class III premium a person a month", row["source"],
                                 premiums.pemda_premium(period)]  # fmt: skip
    return rules.reset_index(drop=True)
