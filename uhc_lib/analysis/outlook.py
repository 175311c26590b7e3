"""What a brief adds beyond the region's own figures: its place among its province's regions, the budget to its
next unmet target and the scenarios that would reach it. Computed once; the brief's texts and charts read it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from uhc_lib.analysis import budget, peers, scenarios
from uhc_lib.analysis.brief import BriefFigures, Target
from uhc_lib.rules.indicators import indicators

SCENARIO_MONTHS = 24


@dataclass(frozen=True)
class Outlook:
    """Peers, budget and scenarios of one brief.

    ``budget`` is None and ``scenarios`` empty when every goal of the brief is already met. The scenarios are the policy
    levers of :func:`uhc_lib.analysis.scenarios.default_scenarios` without the "current pace" baseline: that one holds
    the population fixed and so would disagree with the brief's own projection at the percentage pace.
    """

    target: Target
    position: peers.PeerPosition
    province: peers.ProvincePeers
    budget: budget.Budget | None
    scenarios: pd.DataFrame
    paths: dict[str, pd.DataFrame] = field(repr=False)
    descriptions: dict[str, str] = field(default_factory=dict)
    months: int = SCENARIO_MONTHS

    @property
    def reached_column(self) -> str:
        return scenarios.reached_column(self.target.year, self.target.criterion)

    @property
    def first_to_reach(self) -> pd.Series | None:
        """The scenario that reaches the target first (the cheaper one for the regency on a tie), if any does."""
        if self.scenarios.empty:
            return None
        reached = self.scenarios.dropna(subset=[self.reached_column])
        if reached.empty:
            return None
        return reached.sort_values([self.reached_column, "regency_yearly_rp"], kind="stable").iloc[0]


def _policy_scenarios(fig: BriefFigures, target: Target, lang: str) -> list[scenarios.Scenario]:
    every = scenarios.default_scenarios(fig, lang, target)
    baseline = [s for s in every if any(isinstance(lever, scenarios.CurrentPace) for lever in s.levers)]
    idle = [s for s in every if all(getattr(lever, "cap", None) == 0 for lever in s.levers)]  # e.g. nobody to enrol
    return [s for s in every if s not in baseline and s not in idle]


def month_quadrants(fig: BriefFigures, panel: pd.DataFrame) -> peers.Quadrants:
    """Every region of ``fig``'s month, ranked and placed against the lines of ``fig``'s criteria year."""
    month = indicators(panel[panel["period"] == fig.period])
    return peers.quadrants(month, fig.period, fig.criteria_year)


def outlook(
    fig: BriefFigures,
    panel: pd.DataFrame,
    lang: str = "id",
    months: int = SCENARIO_MONTHS,
    q: peers.Quadrants | None = None,
) -> Outlook:
    """Peers in ``fig``'s month, and the budget and scenarios for its next unmet target (``budget.default_target``).

    ``q``: the month's :func:`month_quadrants` when already computed (a batch shares it between its briefs).
    """
    q = q if q is not None else month_quadrants(fig, panel)
    position = peers.peer_position(q.regions, fig.region_code, q=q)
    province = peers.province_peers(q.regions, position.province_code, q=q)
    target = budget.default_target(fig)
    if target.met:
        return Outlook(target, position, province, None, pd.DataFrame(), {}, {}, months)
    chosen = _policy_scenarios(fig, target, lang)
    paths = scenarios.run(chosen, fig, months)
    table = scenarios.compare_paths(paths)
    described = {s.name: s.description for s in chosen}
    return Outlook(target, position, province, budget.budget_to_target(fig, target), table, paths, described, months)
