"""All figures of one regency brief, computed once: narrative, tables and charts only read them."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from uhc_lib.analysis import gaps, quality, trends
from uhc_lib.inputs import reference
from uhc_lib.inputs.schema import DETAIL_COLUMNS
from uhc_lib.rules import awards, criteria, indicators, segments


@dataclass(frozen=True)
class Target:
    """One criterion as a target: its minimums, whether it is met, the gaps and the month it is reached at pace."""

    year: int
    criterion: str
    label_id: str
    label_en: str
    min_coverage_pct: float | None
    min_activity_pct: float | None
    met: bool
    enrol_needed: int
    activate_needed: int
    reactivate_needed: int
    coverage_reached: pd.Period | None
    activity_reached: pd.Period | None
    kind: str = "status"
    """``status`` (a status BPJS gives) or ``award`` (a UHC Awards tier above the statuses)."""
    award_year: int | None = None

    def label(self, lang: str = "id") -> str:
        return self.label_en if lang == "en" else self.label_id

    @property
    def when(self) -> int:
        """The year the target is named by: its criteria year, or the Awards year of a tier."""
        return self.award_year if self.award_year is not None else self.year

    def rules_name(self, lang: str = "id") -> str:
        """``kriteria 2025`` / ``2025 criteria``, or ``UHC Awards 2026`` for a tier."""
        if self.kind == "award":
            return f"UHC Awards {self.award_year}"
        return f"{self.year} criteria" if lang == "en" else f"kriteria {self.year}"

    def short_label(self, lang: str = "id") -> str:
        """The label without its parenthesised minimums: ``UHC Prioritas``."""
        return self.label(lang).split(" (")[0]


@dataclass(frozen=True)
class StatusChange:
    """The month a region's status last changed, and the status it held before (each month under its year's rules)."""

    since: pd.Period
    before: str
    before_year: int
    before_label_id: str
    before_label_en: str
    lost: bool
    """True when the status before stood higher (e.g. Prioritas lost, now Cut Off or not UHC)."""
    rules_changed: bool
    """True when the change came with a new year's rules, not with the region's own figures."""

    def before_label(self, lang: str = "id") -> str:
        return self.before_label_en if lang == "en" else self.before_label_id


@dataclass(frozen=True)
class AwardResult:
    """A region's result in one UHC Awards year (an assessment of its reference month, not the status)."""

    award_year: int
    reference_month: pd.Period
    tier: str
    label_id: str
    label_en: str
    coverage_pct: float
    activity_pct: float
    prioritas: bool
    """Whether the region held UHC Prioritas in the reference month (every tier needs it)."""

    def label(self, lang: str = "id") -> str:
        return self.label_en if lang == "en" else self.label_id


@dataclass(frozen=True)
class NationalTarget:
    """A national coverage target (RPJMN) for a year: a target, not a status."""

    year: int
    min_coverage_pct: float
    name_id: str
    name_en: str
    met: bool

    def name(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" else self.name_id


@dataclass(frozen=True)
class BriefFigures:
    """Figures of one kab/kota in one month (percentages of population unless named otherwise)."""

    region_code: str
    region_name: str
    province_name: str
    period: pd.Period
    criteria_year: int
    population: int
    registered: int
    active: int
    inactive: int
    coverage_pct: float
    activity_pct: float
    inactive_pct: float
    active_of_registered_pct: float
    pemda_pct: float | None
    status: str
    status_label_id: str
    status_label_en: str
    status_tone: str
    """``best`` (the year's best status), ``lower`` (another UHC status) or ``none`` (not UHC)."""
    status_change: StatusChange | None
    arrears_rp: int | None
    """The PBPU Pemda premium arrears the data states for the month (None: not stated)."""
    arrears_assumed: bool
    """Whether the status rests on assuming no PBPU Pemda arrears (the data states none, and Prioritas is met)."""
    uncertain: list[str]
    """Criteria whose uncertain reading would change the status (their notes are in the rules)."""
    award: AwardResult | None
    national_targets: list[NationalTarget]
    """The national coverage targets of the brief's year and later (RPJMN), with whether coverage meets them."""
    changes: dict[str, float | None]
    targets: list[Target]
    next_targets: list[Target]
    flags: list[str]
    history: pd.DataFrame = field(repr=False)
    segments: pd.DataFrame = field(repr=False)
    illustrative: bool = False
    pace_months: int = 6
    missing_segments: list[str] = field(default_factory=list)
    """Segments this month's data lacks though other months have them (accepted with --allow-missing-segments)."""
    annual: bool = False
    """The data is yearly (each year read as its December): no month-on-month change, no pace."""
    subsplits: dict[str, int] = field(default_factory=dict)
    """The month's sub-splits the data gives (``ppu_pn_registered``, ``pemda_province_registered``,
    ``bp_state_active``...; schema.DETAIL_COLUMNS), summed over the region's segment rows; absent ones left out."""

    def status_label(self, lang: str = "id") -> str:
        return self.status_label_en if lang == "en" else self.status_label_id

    @property
    def headline_target(self) -> Target:
        """The criterion this year's brief is about (e.g. non cut-off 95/75 in 2024)."""
        return _headline_of(self.targets)

    @property
    def next_headline_target(self) -> Target | None:
        """Next year's headline criterion when next year's rules differ (e.g. UHC Prioritas in a 2024 brief)."""
        return _headline_of(self.next_targets) if self.next_targets else None

    @property
    def goals(self) -> list[Target]:
        """Targets in the order a regency pursues them: this year's headline, next year's headline (unless its
        minimums are the same), then the higher tiers of this year and of next year."""
        head = self.headline_target
        out = [head, *_above(head, self.targets)]
        if self.next_targets:
            nxt_head = _headline_of(self.next_targets)
            if _minimums(nxt_head) != _minimums(head):
                out.insert(1, nxt_head)
            out += [t for t in _above(nxt_head, self.next_targets) if _minimums(t) not in map(_minimums, out)]
        return out

    @property
    def met_headline(self) -> bool:
        return self.headline_target.met


def _headline_of(targets: list[Target]) -> Target:
    head = criteria.headline(targets[0].year)["criterion"]
    return next(t for t in targets if t.criterion == head)


def _above(head: Target, targets: list[Target]) -> list[Target]:
    """Targets listed after ``head`` (criteria are ordered by rank)."""
    return targets[[t.criterion for t in targets].index(head.criterion) + 1 :]


def _minimums(t: Target) -> tuple[float | None, float | None]:
    return (t.min_coverage_pct, t.min_activity_pct)


def _period_or_none(value: object) -> pd.Period | None:
    return None if value is None or pd.isna(value) else value


def _none_if_na(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _targets(row: pd.DataFrame, history: pd.DataFrame, year: int, pace_window: int) -> list[Target]:
    evaluated = criteria.evaluate(row, year).iloc[0]
    g = gaps.gaps(row, year)
    last = history.iloc[-1]
    # the month each minimum is reached at the pace of the last ``pace_window`` months (as trends.project_targets)
    paces = {col: float(trends.pace(history, col, pace_window).iloc[-1]) for col in ("coverage_pct", "activity_pct")}

    def reached(col: str, minimum: float | None) -> pd.Period | None:
        if minimum is None:
            return None
        return trends.projected_period(last["period"], float(last[col]), minimum, paces[col])

    out = []
    for t in criteria.targets(year).itertuples():
        cov = _none_if_na(t.min_coverage_pct)
        act = _none_if_na(t.min_activity_pct)
        proj = {"coverage_reached": reached("coverage_pct", cov), "activity_reached": reached("activity_pct", act)}
        gap = g[g["criterion"] == t.criterion].iloc[0]
        met = bool(evaluated[f"meets_{t.criterion}"])
        if met:  # met through any alternative: nothing is needed (the gaps are to the first alternative)
            gap = gap.copy()
            gap[["enrol_needed", "activate_needed", "reactivate_needed"]] = 0
        out.append(
            Target(
                year=criteria.rules_year(year),
                criterion=t.criterion,
                label_id=t.label_id,
                label_en=t.label_en,
                min_coverage_pct=cov,
                min_activity_pct=act,
                met=met,
                enrol_needed=int(gap["enrol_needed"]),
                activate_needed=int(gap["activate_needed"]),
                reactivate_needed=int(gap["reactivate_needed"]),
                coverage_reached=_period_or_none(proj["coverage_reached"]),
                activity_reached=_period_or_none(proj["activity_reached"]),
                kind=str(t.kind),
                award_year=None if t.kind != "award" else int(t.award_year),
            )
        )
    return out


def status_history(history: pd.DataFrame, criteria_year: int | None = None) -> pd.DataFrame:
    """``period``, ``status``, ``criteria_year`` and ``tone`` of every month of ``history``, each month under its
    own year's rules (or all under ``criteria_year``)."""
    years = history["period"].dt.year if criteria_year is None else pd.Series(criteria_year, index=history.index)
    parts = [
        criteria.evaluate(history.loc[years == y], int(y))[["period", "status", "criteria_year"]]
        for y in sorted(years.unique())
    ]
    out = pd.concat(parts).sort_values("period").reset_index(drop=True)
    out["tone"] = [criteria.tone(s, int(y)) for s, y in zip(out["status"], out["criteria_year"], strict=True)]
    return out


def _status_change(statuses: pd.DataFrame) -> StatusChange | None:
    """The last change of status in the months up to the last one of ``statuses``, if any. The same status under the
    next year's rules (Prioritas in December 2025 and January 2026) is no change."""
    if len(statuses) < 2:
        return None
    now = statuses.iloc[-1]
    differs = (statuses["status"] != now["status"]) | (statuses["tone"] != now["tone"])
    changed = statuses.index[differs]
    if len(changed) == 0:
        return None
    before = statuses.loc[changed[-1]]
    start = statuses.loc[changed[-1] + 1]
    year = int(before["criteria_year"])
    order = {tone: i for i, tone in enumerate(reversed(criteria.TONES))}
    return StatusChange(
        since=start["period"],
        before=str(before["status"]),
        before_year=year,
        before_label_id=criteria.label(str(before["status"]), year, "id"),
        before_label_en=criteria.label(str(before["status"]), year, "en"),
        lost=order[str(before["tone"])] > order[str(now["tone"])],
        rules_changed=int(start["criteria_year"]) != year,
    )


def award_result(rows: pd.DataFrame, period: pd.Period) -> AwardResult | None:
    """The Awards result a brief of ``period`` mentions: the Awards whose reference month is at or before ``period``
    and whose year is not over, for the region's ``rows`` (its panel rows); None when none applies or the reference
    month is not in the data."""
    for award_year in reversed(awards.award_years()):
        ref = awards.reference_month(award_year)
        if ref <= period and period.year <= award_year:
            month = rows[rows["period"] == ref]
            if month.empty:
                return None
            ind = criteria.evaluate(indicators.indicators(month), ref.year)
            tier = str(awards.assess(ind, award_year).iloc[0]["tier"])
            return AwardResult(
                award_year=award_year,
                reference_month=ref,
                tier=tier,
                label_id=awards.tier_label(tier, award_year, "id"),
                label_en=awards.tier_label(tier, award_year, "en"),
                coverage_pct=float(ind.iloc[0]["coverage_pct"]),
                activity_pct=float(ind.iloc[0]["activity_pct"]),
                prioritas=bool(ind.iloc[0]["meets_prioritas"]),
            )
    return None


def latest_period(panel: pd.DataFrame) -> pd.Period:
    """The most recent month in the panel."""
    return panel["period"].max()


def brief_figures(
    panel: pd.DataFrame,
    region_code: str,
    period: str | pd.Period | None = None,
    criteria_year: int | None = None,
    illustrative: bool = False,
    pace_window: int = 6,
) -> BriefFigures:
    """Compute everything a brief shows for ``region_code`` in ``period`` (default: the latest month).

    ``criteria_year`` defaults to the period's year; the brief also shows the next year's criteria when they differ.
    """
    region_code = str(region_code)
    name = reference.region_name(region_code)
    regions = reference.regions().set_index("region_code")
    rows = panel[panel["region_code"] == region_code]
    if rows.empty:
        raise ValueError(f"no data for {region_code} ({name}) in the panel")
    period = latest_period(rows) if period is None else pd.Period(period, "M")
    if period not in set(rows["period"]):
        raise ValueError(
            f"no data for {region_code} ({name}) in {period}; the data covers "
            f"{rows['period'].min()} to {rows['period'].max()}"
        )
    year = int(criteria_year) if criteria_year is not None else period.year

    history = trends.add_changes(indicators.indicators(rows))
    history = history[history["period"] <= period].reset_index(drop=True)
    current = history[history["period"] == period]
    row = current.iloc[0]
    evaluated = criteria.evaluate(current, year).iloc[0]
    status = str(evaluated["status"])
    statuses = status_history(history, criteria_year)
    needs_no_arrears = any(
        "no_pemda_arrears" in str(r.requires) for r in criteria.statuses(year).itertuples() if r.criterion == status
    )
    arrears_known = bool(criteria.arrears_known(current)[0])
    flags_row = quality.quality_flags(history).iloc[-1]
    next_year = criteria.next_year_with_new_rules(year)
    changes = {
        f"{c}_{k}": _none_if_na(row[f"{c}_change_{k}"])
        for c in ("coverage_pct", "activity_pct", "registered", "active")
        for k in ("mom", "yoy")
    }
    return BriefFigures(
        region_code=region_code,
        region_name=name,
        province_name=str(regions.loc[region_code, "province_name"]),
        period=period,
        criteria_year=criteria.rules_year(year),
        population=int(row["population"]),
        registered=int(row["registered"]),
        active=int(row["active"]),
        inactive=int(row["inactive"]),
        coverage_pct=float(row["coverage_pct"]),
        activity_pct=float(row["activity_pct"]),
        inactive_pct=float(row["inactive_pct"]),
        active_of_registered_pct=float(row["active_of_registered_pct"]),
        pemda_pct=_none_if_na(row.get("pemda_pct")),
        status=status,
        status_label_id=criteria.label(status, year, "id"),
        status_label_en=criteria.label(status, year, "en"),
        status_tone=criteria.tone(status, year),
        status_change=_status_change(statuses),
        arrears_rp=int(current.iloc[0][criteria.ARREARS_COLUMN]) if arrears_known else None,
        arrears_assumed=needs_no_arrears and not arrears_known,
        uncertain=criteria.uncertainties(current, year),
        award=award_result(rows, period),
        national_targets=[
            NationalTarget(
                int(n.year),
                float(n.min_coverage_pct),
                str(n.name_id),
                str(n.name_en),
                bool(indicators.meets(current["registered"], current["population"], float(n.min_coverage_pct))[0]),
            )
            for n in criteria.national_targets().itertuples()
            if n.year >= period.year
        ],  # fmt: skip
        changes=changes,
        targets=_targets(current, history, year, pace_window),
        next_targets=_targets(current, history, next_year, pace_window) if next_year else [],
        flags=[f for f in quality.FLAG_COLUMNS if bool(flags_row[f])],
        history=history,
        segments=segments.breakdown(panel, region_code, period),
        illustrative=illustrative,
        pace_months=pace_window,
        missing_segments=_missing_segments(panel, region_code, period),
        annual=bool(panel.attrs.get("annual", False)),
        subsplits=_subsplits(panel, region_code, period),
    )


def _subsplits(panel: pd.DataFrame, region_code: str, period: pd.Period) -> dict[str, int]:
    """Sub-split columns given for this region and month (blank on every row: left out)."""
    present = [c for c in DETAIL_COLUMNS if c in panel.columns]
    if not present:
        return {}
    rows = panel.loc[(panel["region_code"] == region_code) & (panel["period"] == period), present]
    return {c: int(rows[c].sum()) for c in present if rows[c].notna().any()}


def _missing_segments(panel: pd.DataFrame, region_code: str, period: pd.Period) -> list[str]:
    """The segments the data accepted as missing for this region and month (``panel.attrs``, set by the reader)."""
    prefix = f"{region_code} {period} "
    found = [g for g in panel.attrs.get("missing_segments", []) if g.startswith(prefix)]
    return found[0][len(prefix) :].split() if found else []


def summary(fig: BriefFigures) -> dict[str, object]:
    """Small JSON-ready record of a brief (for the batch index)."""
    return {
        "region_code": fig.region_code,
        "region_name": fig.region_name,
        "province_name": fig.province_name,
        "period": str(fig.period),
        "criteria_year": fig.criteria_year,
        "coverage_pct": round(fig.coverage_pct, 2),
        "activity_pct": round(fig.activity_pct, 2),
        "status": fig.status,
        "status_label_id": fig.status_label_id,
        "status_label_en": fig.status_label_en,
        "status_tone": fig.status_tone,
        "status_since": None if fig.status_change is None else str(fig.status_change.since),
        "status_lost": None if fig.status_change is None or not fig.status_change.lost else fig.status_change.before,
        "award_tier": None if fig.award is None else fig.award.tier,
        "met_headline": fig.met_headline,
    }
