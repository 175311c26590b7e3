"""The values exercises expect, each computed from the lesson's data with uhc_lib, by name.

``exercises.toml`` names these functions as an exercise's ``answer``, a mistake's ``value`` or a status ``label``;
each takes the lesson's :class:`~uhc_lib.training.checker.Checker`. A new exercise that needs a new computation adds
one function here under the name its record uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from uhc_lib.analysis import budget, scenarios
from uhc_lib.render.text.narrative import HORIZON_MONTHS
from uhc_lib.rules import criteria, premiums

if TYPE_CHECKING:
    from uhc_lib.training.checker import Checker

ANSWERS: dict[str, Callable[[Checker], object]] = {}


def answer(fn: Callable[[Checker], object]) -> Callable[[Checker], object]:
    """Register ``fn`` under its name (without the leading underscore)."""
    ANSWERS[fn.__name__.lstrip("_")] = fn
    return fn


# -- lesson 0: a table like a spreadsheet --


@answer
def months_of_region(c: Checker) -> int:
    return int(c.panel.loc[c.panel["region_code"] == c.region_code, "period"].nunique())


@answer
def rows_of_region(c: Checker) -> int:
    return int((c.panel["region_code"] == c.region_code).sum())


@answer
def registered_total(c: Checker) -> int:
    return int(c.panel.loc[_rows_of(c), "registered"].sum())


@answer
def registered_first_row(c: Checker) -> int:
    return int(c.panel.loc[_rows_of(c), "registered"].iloc[0])


# -- lesson 1: loading and checking data --


def _rows_of(c: Checker) -> pd.Series:
    return (c.panel["region_code"] == c.region_code) & (c.panel["period"] == c.month)


def _broken(c: Checker, column: str) -> int:
    return next(p.row for p in c.broken_problems if p.column == column)


@answer
def regions_in_panel(c: Checker) -> int:
    return int(c.panel["region_code"].nunique())


@answer
def panel_rows(c: Checker) -> int:
    return len(c.panel)


@answer
def population(c: Checker) -> int:
    return int(c.value("population"))


@answer
def population_of_every_row(c: Checker) -> int:
    return int(c.panel.loc[_rows_of(c), "population"].sum())


@answer
def problem_count(c: Checker) -> int:
    return len(c.broken_problems)


@answer
def broken_active_row(c: Checker) -> int:
    return _broken(c, "active")


# -- lesson 2: coverage and activity --


@answer
def coverage(c: Checker) -> float:
    return float(c.value("coverage_pct"))


@answer
def activity(c: Checker) -> float:
    return float(c.value("activity_pct"))


@answer
def active_of_registered(c: Checker) -> float:
    return float(c.value("active_of_registered_pct"))


@answer
def inactive(c: Checker) -> float:
    return float(c.value("inactive_pct"))


# -- lesson 3: UHC status and gaps --


def _year(c: Checker) -> int:
    return int(c.params.get("criteria_year", c.month.year))


def _target_year(c: Checker) -> int:
    return int(c.params.get("target_year", c.month.year + 1))


def _target_gap(c: Checker, column: str) -> int:
    return int(c.gap(_target_year(c), criteria.headline(_target_year(c))["criterion"])[column])


@answer
def status(c: Checker) -> str:
    return str(criteria.evaluate(c.row, _year(c)).iloc[0]["status"])


@answer
def status_target_year(c: Checker) -> str:
    return str(criteria.evaluate(c.row, _target_year(c)).iloc[0]["status"])


@answer
def enrol_needed(c: Checker) -> int:
    return _target_gap(c, "enrol_needed")


@answer
def activate_needed(c: Checker) -> int:
    return _target_gap(c, "activate_needed")


@answer
def reactivate_needed_target_year(c: Checker) -> int:
    return _target_gap(c, "reactivate_needed")


@answer
def status_with_arrears(c: Checker) -> str:
    """The status under the target year's criteria if the Pemda owed PBPU Pemda premiums (Prioritas then fails)."""
    row = c.row.copy()
    row[criteria.ARREARS_COLUMN] = 1_000_000_000
    return str(criteria.evaluate(row, _target_year(c)).iloc[0]["status"])


LABEL_YEARS: dict[str, Callable[[Checker], int]] = {
    "status": _year,
    "status_target_year": _target_year,
    "status_with_arrears": _target_year,
}
"""For an answer that is a status code: the year whose criteria name it (``label`` in ``exercises.toml``)."""


def status_label(c: Checker, name: str, lang: str) -> str:
    """The readable label of the status answer ``name`` in ``lang``."""
    return criteria.label(str(ANSWERS[name](c)), LABEL_YEARS[name](c), lang)


# -- lesson 4: reading a brief --


@answer
def brief_inactive(c: Checker) -> int:
    return int(c.figures.inactive)


@answer
def brief_activity_month(c: Checker) -> pd.Period | None:
    return c.figures.headline_target.activity_reached


@answer
def brief_activity_yoy(c: Checker) -> float | None:
    return c.figures.changes["activity_pct_yoy"]


@answer
def brief_activity_mom(c: Checker) -> float | None:
    return c.figures.changes["activity_pct_mom"]


def _goal(c: Checker):
    """The first goal the brief says is unmet (its gap and trend paragraphs name it)."""
    return next((t for t in c.figures.goals if not t.met), None)


@answer
def brief_goal_activity_month(c: Checker) -> pd.Period | None:
    """The month the trend paragraph says activity reaches the goal's minimum (None: not within five years)."""
    t = _goal(c)
    if t is None or not t.activate_needed or t.activity_reached is None:
        return None
    return t.activity_reached if (t.activity_reached - c.figures.period).n <= HORIZON_MONTHS else None


@answer
def brief_goal_activate(c: Checker) -> int:
    t = _goal(c)
    return 0 if t is None else int(t.activate_needed)


@answer
def brief_goal_enrol(c: Checker) -> int:
    t = _goal(c)
    return 0 if t is None else int(t.enrol_needed)


@answer
def brief_reactivate_next(c: Checker) -> int | None:
    t = c.figures.next_headline_target
    return None if t is None else t.reactivate_needed


@answer
def brief_activate_next(c: Checker) -> int | None:
    t = c.figures.next_headline_target
    return None if t is None else t.activate_needed


# -- lesson 5: planning scenarios --


def _scenario_reached(c: Checker, target) -> pd.Period | None:
    value = c.scenario_comparison[scenarios.reached_column(target.year, target.criterion)].iloc[-1]
    return None if pd.isna(value) else value


@answer
def pemda_premium(c: Checker) -> int:
    return premiums.pemda_premium(c.month)


@answer
def enrolment_cost(c: Checker) -> int:
    return budget.enrolment_cost(int(c.params["enrol_count"]), c.month)


@answer
def enrolment_cost_one_month(c: Checker) -> int:
    return int(c.params["enrol_count"]) * premiums.pemda_premium(c.month)


@answer
def combined_reached(c: Checker) -> pd.Period | None:
    return _scenario_reached(c, budget.default_target(c.figures))


@answer
def scenario_reached_headline(c: Checker) -> pd.Period | None:
    return _scenario_reached(c, c.figures.headline_target)


@answer
def combined_yearly_cost(c: Checker) -> int:
    return int(c.scenario_comparison["regency_yearly_rp"].iloc[-1])


@answer
def combined_first_year_cost(c: Checker) -> int:
    return int(c.scenario_comparison["regency_first_year_rp"].iloc[-1])
