"""Peers and inequality: ranks of each kab/kota in its province and in Indonesia, coverage-versus-activity
quadrants against the year's criteria, and inequality between the regions of a province (or between provinces).

Everything is computed for **one month** of the indicators frame (:func:`uhc_lib.rules.indicators.indicators`).

Ranks: rank 1 is the highest value; ties share the lowest rank of their group (pandas ``method="min"``: values
90, 85, 85, 80 rank 1, 2, 2, 4). Coverage is ranked capped at 100 percent: a coverage above 100 percent is a
data-quality problem (participants no longer counted as residents), not a better result, so every region at or above
100 percent shares the first rank. Percentiles: the percent of the *other* regions of the group whose value is
strictly lower (100 = highest, 0 = lowest, NaN for a region alone in its group).

Inequality measures follow the WHO Health Equity Assessment Toolkit (HEAT), Technical Notes (WHO, Geneva,
2016/2017, section "Summary measures"), and Schlotheuber & Hosseinpoor (2022), "Summary measures of health
inequality: a review of existing measures and their application", Int. J. Environ. Res. Public Health 19(6):3697.
With subgroups j (regions of a province, or provinces of Indonesia), estimates y_j (percent of population),
population shares p_j = N_j / sum N and the setting average mu = sum_j p_j y_j:

- D = y_max - y_min (difference, percentage points) and R = y_max / y_min (ratio);
- BGV = sum_j p_j (y_j - mu)^2 (between-group variance, squared percentage points; population-weighted);
- MDM = sum_j p_j |y_j - mu| (mean difference from mean, percentage points; population-weighted, HEAT's MDM);
- IDIS = 100 / n * sum_j |y_j - mu| / mu (index of disparity, unweighted: every subgroup counts once; percent).

Because y_j = 100 * count_j / N_j, mu equals the pooled rate 100 * sum count / sum N: the setting average is the
province's (or Indonesia's) own total, computed here from the counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from uhc_lib.inputs import reference
from uhc_lib.rules import criteria
from uhc_lib.rules.indicators import meets

METRICS = ("coverage_pct", "activity_pct")
RANK_CAP_PCT = 100.0  # coverage is ranked capped here: above 100 percent is a data-quality problem
COUNT_OF = {"coverage_pct": "registered", "activity_pct": "active"}
QUADRANTS = ("both", "coverage_only", "activity_only", "neither")
_BASE = ["region_code", "population", "registered", "active", "coverage_pct", "activity_pct"]


def _check_metric(metric: str) -> str:
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {METRICS}, got {metric!r}")
    return metric


def one_period(ind: pd.DataFrame, period: str | pd.Period | None = None) -> pd.DataFrame:
    """Rows of one month (``None``: the latest month in ``ind``) with region and province names added.

    Raises ``ValueError`` when the month is absent or a region appears twice in it, ``KeyError`` for codes that are
    not Kemendagri kab/kota codes.
    """
    missing = [c for c in ("period", *_BASE) if c not in ind.columns]
    if missing:
        raise ValueError(
            f"indicators frame lacks column(s) {missing}; build it with uhc_lib.rules.indicators.indicators()"
        )
    p = ind["period"].max() if period is None else pd.Period(period, "M")
    rows = ind[ind["period"] == p]
    if rows.empty:
        raise ValueError(f"no rows for period {p} (the frame covers {ind['period'].min()} to {ind['period'].max()})")
    dup = rows["region_code"][rows["region_code"].duplicated()]
    if not dup.empty:
        raise ValueError(f"region_code {dup.iloc[0]!r} appears more than once in period {p}")
    unknown = sorted(set(rows["region_code"]) - reference.region_codes())
    if unknown:
        raise KeyError(f"unknown kabupaten/kota code(s) {unknown[:5]} in period {p}")
    names = reference.regions()[["region_code", "region_name", "kind", "province_code", "province_name"]]
    rows = rows.drop(columns=[c for c in names.columns if c != "region_code" and c in rows.columns])
    out = rows.merge(names, on="region_code", how="left", validate="one_to_one")
    return out.sort_values("region_code", ignore_index=True)


def _percentile(values: pd.Series, groups: pd.Series | None) -> pd.Series:
    """Percent of the other members of the group with a strictly lower value."""
    grouped = values.groupby(groups) if groups is not None else values.groupby(np.zeros(len(values)))
    below = grouped.rank(method="min", ascending=True) - 1
    n = grouped.transform("count")
    return (100 * below / (n - 1)).where(n > 1)


def peer_ranks(ind: pd.DataFrame, period: str | pd.Period | None = None) -> pd.DataFrame:
    """Every region of one month with its ranks and percentiles in its province and in Indonesia.

    Adds, for ``m`` in ``coverage`` and ``activity``: ``{m}_rank_province``, ``{m}_rank_national`` (1 = highest,
    ties ``min``), ``{m}_percentile_province``, ``{m}_percentile_national``; and ``n_province`` / ``n_national``,
    the number of regions ranked (regions with a missing value are not ranked and not counted).
    """
    out = one_period(ind, period)
    prov = out["province_code"]
    for metric in METRICS:
        m = metric.removesuffix("_pct")
        values = ranked_values(out, metric)
        out[f"{m}_rank_province"] = values.groupby(prov).rank(method="min", ascending=False).astype("Int64")
        out[f"{m}_rank_national"] = values.rank(method="min", ascending=False).astype("Int64")
        out[f"{m}_percentile_province"] = _percentile(values, prov)
        out[f"{m}_percentile_national"] = _percentile(values, None)
    valid = out[list(METRICS)].notna().all(axis=1)
    out["n_province"] = valid.groupby(prov).transform("sum").astype("int64")
    out["n_national"] = int(valid.sum())
    return out


def ranked_values(frame: pd.DataFrame, metric: str) -> pd.Series:
    """The values ``metric`` is ranked by: activity as it is, coverage capped at 100 percent (see the module)."""
    values = frame[_check_metric(metric)]
    return values.clip(upper=RANK_CAP_PCT) if metric == "coverage_pct" else values


def criteria_lines(year: int) -> tuple[float, float | None, str]:
    """Coverage and activity minimums drawn as the quadrant lines in ``year``, and the criterion they come from.

    The headline criterion's minimums (2023-24: 95/75 non cut-off; 2025: 98/80 Prioritas); a minimum the headline
    lacks is taken from the lowest-ranked criterion of the year that has one. A year whose criteria have no activity
    minimum at all (2022: UHC at 95 percent registered) has no activity line (``None``): every region meets it.
    """
    t = criteria.targets(year)
    head = criteria.headline(year)
    ordered = pd.concat([head.to_frame().T, t[t["criterion"] != head["criterion"]]])
    lines = []
    for col in ("min_coverage_pct", "min_activity_pct"):
        have = ordered[col].dropna()
        if have.empty and col == "min_coverage_pct":
            raise ValueError(f"the {criteria.rules_year(year)} criteria have no {col}: no quadrant line to draw")
        lines.append(None if have.empty else float(have.iloc[0]))
    return lines[0], lines[1], str(head["criterion"])


@dataclass(frozen=True)
class Quadrants:
    """All regions of one month classified against the year's coverage and activity lines.

    ``regions``: the :func:`peer_ranks` frame plus ``meets_coverage_line``, ``meets_activity_line`` and
    ``quadrant`` (one of :data:`QUADRANTS`); ``counts``: ``quadrant``, ``count`` in :data:`QUADRANTS` order.
    Comparisons are exact on counts (:func:`uhc_lib.rules.indicators.meets`), as in :mod:`uhc_lib.rules.criteria`.
    """

    period: pd.Period
    criteria_year: int
    criterion: str
    coverage_line: float
    activity_line: float | None  # None: the year's criteria have no activity minimum (2022)
    regions: pd.DataFrame = field(repr=False)
    counts: pd.DataFrame = field(repr=False)

    @property
    def total(self) -> int:
        """Number of regions classified."""
        return int(self.counts["count"].sum())

    def count(self, quadrant: str) -> int:
        """Number of regions in ``quadrant``."""
        return int(self.counts.set_index("quadrant").loc[quadrant, "count"])


def _classify(frame: pd.DataFrame, cov_line: float, act_line: float | None) -> pd.DataFrame:
    out = frame.copy()
    cov = meets(out["registered"], out["population"], cov_line)
    if act_line is None:  # no activity minimum that year: nobody misses it
        act = pd.Series(True, index=out.index)
    else:
        act = meets(out["active"], out["population"], act_line)
    out["meets_coverage_line"] = cov
    out["meets_activity_line"] = act
    out["quadrant"] = np.select([cov & act, cov, act], list(QUADRANTS[:3]), default="neither")
    return out


def quadrants(ind: pd.DataFrame, period: str | pd.Period | None = None, year: int | None = None) -> Quadrants:
    """Quadrant of every region of one month against the lines of ``year`` (default: the month's year)."""
    ranked = peer_ranks(ind, period)
    p = ranked["period"].iloc[0]
    y = p.year if year is None else year
    cov_line, act_line, criterion = criteria_lines(y)
    regions = _classify(ranked, cov_line, act_line)
    counts = regions["quadrant"].value_counts().reindex(list(QUADRANTS), fill_value=0)
    counts = counts.rename_axis("quadrant").reset_index(name="count")
    return Quadrants(p, criteria.rules_year(y), criterion, cov_line, act_line, regions, counts)


def measures(values: np.ndarray, population: np.ndarray, counts: np.ndarray) -> dict[str, float]:
    """HEAT summary measures of one setting (formulas in the module docstring).

    Args:
        values: y_j, percent of population of each subgroup.
        population: N_j of each subgroup (the weights).
        counts: registered or active persons of each subgroup (so ``mu`` is the pooled rate from counts).

    Returns:
        ``mu`` (pooled percent), ``difference``, ``ratio`` (NaN when y_min is 0), ``bgv``, ``mdm``, ``idis``.
    """
    y = np.asarray(values, dtype="float64")
    n_j = np.asarray(population, dtype="float64")
    p = n_j / n_j.sum()
    mu = 100 * float(np.sum(counts)) / float(n_j.sum())
    hi, lo = float(y.max()), float(y.min())
    return {
        "mu": mu,
        "difference": hi - lo,
        "ratio": hi / lo if lo > 0 else float("nan"),
        "bgv": float(np.sum(p * (y - mu) ** 2)),
        "mdm": float(np.sum(p * np.abs(y - mu))),
        "idis": float(100 / len(y) * np.sum(np.abs(y - mu)) / mu) if mu > 0 else float("nan"),
    }


_INEQUALITY_COLUMNS = [
    "n",
    "population",
    "pooled_pct",
    "best_code",
    "best_name",
    "best_pct",
    "worst_code",
    "worst_name",
    "worst_pct",
    "difference",
    "ratio",
    "bgv",
    "mdm",
    "idis",
]


def _inequality_row(g: pd.DataFrame, metric: str, code_col: str, name_col: str) -> dict[str, object]:
    g = g.dropna(subset=[metric])
    best = g.loc[g[metric].idxmax()]  # first in code order among equal values
    worst = g.loc[g[metric].idxmin()]
    m = measures(g[metric].to_numpy(), g["population"].to_numpy(), g[COUNT_OF[metric]].to_numpy())
    return {
        "n": len(g),
        "population": int(g["population"].sum()),
        "pooled_pct": m["mu"],
        "best_code": best[code_col],
        "best_name": best[name_col],
        "best_pct": float(best[metric]),
        "worst_code": worst[code_col],
        "worst_name": worst[name_col],
        "worst_pct": float(worst[metric]),
        **{k: m[k] for k in ("difference", "ratio", "bgv", "mdm", "idis")},
    }


def province_inequality(
    ind: pd.DataFrame, period: str | pd.Period | None = None, metric: str = "activity_pct"
) -> pd.DataFrame:
    """Inequality between the kab/kota of each province for ``metric``: one row per province.

    Columns: province_code, province_name, metric, n (regions), population, pooled_pct (mu: the province total
    from counts), best_/worst_ code, name and pct (highest and lowest region), difference (D, points), ratio (R),
    bgv, mdm, idis (see the module docstring for the formulas and the HEAT reference).
    """
    return _province_inequality(one_period(ind, period), _check_metric(metric))


def _province_inequality(frame: pd.DataFrame, metric: str) -> pd.DataFrame:
    rows = []
    for (code, name), g in frame.groupby(["province_code", "province_name"], sort=True):
        row = _inequality_row(g, metric, "region_code", "region_name")
        rows.append({"province_code": code, "province_name": name, "metric": metric, **row})
    return pd.DataFrame(rows, columns=["province_code", "province_name", "metric", *_INEQUALITY_COLUMNS])


def national_inequality(
    ind: pd.DataFrame, period: str | pd.Period | None = None, metric: str = "activity_pct", between: str = "provinces"
) -> pd.Series:
    """Inequality in Indonesia for ``metric``: between the 38 provinces (their pooled rates, weighted by province
    population) or, with ``between="regions"``, between all kab/kota. Same fields as :func:`province_inequality`;
    best/worst codes are province codes or region codes accordingly."""
    metric = _check_metric(metric)
    if between == "provinces":
        groups = province_totals(ind, period)
        row = _inequality_row(groups, metric, "province_code", "province_name")
    elif between == "regions":
        row = _inequality_row(one_period(ind, period), metric, "region_code", "region_name")
    else:
        raise ValueError(f"between must be 'provinces' or 'regions', got {between!r}")
    return pd.Series({"between": between, "metric": metric, **row})


def province_totals(ind: pd.DataFrame, period: str | pd.Period | None = None) -> pd.DataFrame:
    """Per province: n_regions, population, registered, active and the pooled coverage_pct / activity_pct."""
    frame = one_period(ind, period)
    sums = frame.groupby(["province_code", "province_name"], sort=True).agg(
        n_regions=("region_code", "size"),
        population=("population", "sum"),
        registered=("registered", "sum"),
        active=("active", "sum"),
    )
    sums = sums.reset_index()
    pop = sums["population"].astype("float64")
    sums["coverage_pct"] = 100 * sums["registered"] / pop
    sums["activity_pct"] = 100 * sums["active"] / pop
    sums.insert(0, "period", frame["period"].iloc[0])
    return sums


def province_summary(ind: pd.DataFrame, period: str | pd.Period | None = None, year: int | None = None) -> pd.DataFrame:
    """One row per province: pooled totals and rates, their rank among the 38 provinces, the province's own quadrant
    (pooled counts against the lines), and how many of its regions meet each line, each quadrant and each
    criterion of ``year`` (``n_meets_<criterion>``, from :func:`uhc_lib.rules.criteria.evaluate`)."""
    q = quadrants(ind, period, year)
    out = _classify(province_totals(ind, period), q.coverage_line, q.activity_line)
    out = out.rename(columns={"meets_coverage_line": "pooled_meets_coverage_line"})
    out = out.rename(columns={"meets_activity_line": "pooled_meets_activity_line"})
    for metric in METRICS:
        m = metric.removesuffix("_pct")
        out[f"{m}_rank"] = out[metric].rank(method="min", ascending=False).astype("Int64")
    r = q.regions
    by = r.groupby("province_code")
    extra = pd.DataFrame(
        {
            "n_meets_coverage_line": by["meets_coverage_line"].sum(),
            "n_meets_activity_line": by["meets_activity_line"].sum(),
        }
    )
    quad = pd.crosstab(r["province_code"], r["quadrant"]).reindex(columns=list(QUADRANTS), fill_value=0)
    extra = extra.join(quad.add_prefix("n_"))
    evaluated = criteria.evaluate(r, q.criteria_year)
    for criterion in criteria.targets(q.criteria_year)["criterion"]:
        extra[f"n_meets_{criterion}"] = evaluated.groupby("province_code")[f"meets_{criterion}"].sum()
    out = out.merge(extra.astype("int64"), left_on="province_code", right_index=True, how="left")
    out["share_both_pct"] = 100 * out["n_both"] / out["n_regions"]
    out["criteria_year"] = q.criteria_year
    return out


@dataclass(frozen=True)
class PeerPosition:
    """Where one kab/kota stands among the regions of its province and of Indonesia in one month."""

    region_code: str
    region_name: str
    province_code: str
    province_name: str
    period: pd.Period
    criteria_year: int
    coverage_pct: float
    activity_pct: float
    coverage_rank_province: int
    activity_rank_province: int
    n_province: int
    coverage_rank_national: int
    activity_rank_national: int
    n_national: int
    coverage_percentile_province: float
    activity_percentile_province: float
    quadrant: str
    coverage_line: float
    activity_line: float | None  # None: the year's criteria have no activity minimum (2022)
    province_coverage_pct: float
    province_activity_pct: float
    province_n_both: int
    province: pd.DataFrame = field(repr=False)  # the province's regions, ranked, by activity (highest first)
    coverage_inequality: pd.Series = field(repr=False)  # province_inequality row for coverage_pct
    activity_inequality: pd.Series = field(repr=False)  # province_inequality row for activity_pct
    criterion: str = ""  # the criterion the lines come from (the year's headline)
    n_provinces_ranked: int = 0  # provinces with a region in the month's data
    n_provinces_nation: int = 0  # provinces of Indonesia (reference)
    coverage_ties_province: int = 0  # other regions of the province sharing the coverage rank (capped at 100 %)
    coverage_ties_national: int = 0  # other regions of the data sharing the coverage rank

    @property
    def nationwide(self) -> bool:
        """True when the month's data holds every province, so a rank among its regions is a national rank."""
        return self.n_provinces_ranked >= self.n_provinces_nation > 0

    @property
    def coverage_capped(self) -> bool:
        """True when the region's coverage is above the rank cap (ranked as 100 percent)."""
        return self.coverage_pct > RANK_CAP_PCT

    def rank(self, metric: str, scope: str = "province") -> int:
        """Rank for ``metric`` (``coverage_pct``/``activity_pct``) in ``scope`` (``province``/``national``)."""
        return int(getattr(self, f"{_check_metric(metric).removesuffix('_pct')}_rank_{scope}"))

    def inequality(self, metric: str) -> pd.Series:
        """The province's inequality row for ``metric``."""
        return self.coverage_inequality if _check_metric(metric) == "coverage_pct" else self.activity_inequality


def peer_position(
    ind: pd.DataFrame,
    region_code: str,
    period: str | pd.Period | None = None,
    year: int | None = None,
    q: Quadrants | None = None,
) -> PeerPosition:
    """Ranks, quadrant and province context of ``region_code`` in one month (for the regency brief).

    ``q``: the month's :func:`quadrants` when already computed (then ``ind``, ``period`` and ``year`` are not read).
    """
    q = q if q is not None else quadrants(ind, period, year)
    r = q.regions
    if region_code not in set(r["region_code"]):
        reference.region_name(region_code)  # raises a clear KeyError for a code that does not exist
        raise KeyError(f"region {region_code!r} has no data in period {q.period}")
    row = r[r["region_code"] == region_code].iloc[0]
    prov = r[r["province_code"] == row["province_code"]]
    ineq = {m: _province_inequality(prov, m).iloc[0] for m in METRICS}
    own_cov = min(float(row["coverage_pct"]), RANK_CAP_PCT)
    ties_prov = int((ranked_values(prov, "coverage_pct") == own_cov).sum()) - 1
    ties_nat = int((ranked_values(r, "coverage_pct") == own_cov).sum()) - 1
    return PeerPosition(
        region_code=region_code,
        region_name=str(row["region_name"]),
        province_code=str(row["province_code"]),
        province_name=str(row["province_name"]),
        period=q.period,
        criteria_year=q.criteria_year,
        coverage_pct=float(row["coverage_pct"]),
        activity_pct=float(row["activity_pct"]),
        coverage_rank_province=int(row["coverage_rank_province"]),
        activity_rank_province=int(row["activity_rank_province"]),
        n_province=int(row["n_province"]),
        coverage_rank_national=int(row["coverage_rank_national"]),
        activity_rank_national=int(row["activity_rank_national"]),
        n_national=int(row["n_national"]),
        coverage_percentile_province=float(row["coverage_percentile_province"]),
        activity_percentile_province=float(row["activity_percentile_province"]),
        quadrant=str(row["quadrant"]),
        coverage_line=q.coverage_line,
        activity_line=q.activity_line,
        province_coverage_pct=float(ineq["coverage_pct"]["pooled_pct"]),
        province_activity_pct=float(ineq["activity_pct"]["pooled_pct"]),
        province_n_both=int((prov["quadrant"] == "both").sum()),
        province=prov.sort_values(["activity_pct", "region_code"], ascending=[False, True], ignore_index=True),
        coverage_inequality=ineq["coverage_pct"],
        activity_inequality=ineq["activity_pct"],
        criterion=q.criterion,
        n_provinces_ranked=int(r["province_code"].nunique()),
        n_provinces_nation=len(reference.provinces()),
        coverage_ties_province=ties_prov,
        coverage_ties_national=ties_nat,
    )


@dataclass(frozen=True)
class ProvincePeers:
    """All kab/kota of one province in one month, ranked, with the lines and the province's pooled rates."""

    province_code: str
    province_name: str
    period: pd.Period
    criteria_year: int
    coverage_line: float
    activity_line: float | None
    pooled_coverage_pct: float
    pooled_activity_pct: float
    regions: pd.DataFrame = field(repr=False)  # quadrants().regions rows of the province, sorted by code


def province_peers(
    ind: pd.DataFrame,
    province_code: str,
    period: str | pd.Period | None = None,
    year: int | None = None,
    q: Quadrants | None = None,
) -> ProvincePeers:
    """The regions of ``province_code`` (e.g. ``"32"``) with ranks and quadrants, for the province deep dive.

    ``q``: the month's :func:`quadrants` when already computed (then ``ind``, ``period`` and ``year`` are not read).
    """
    q = q if q is not None else quadrants(ind, period, year)
    r = q.regions[q.regions["province_code"] == province_code].reset_index(drop=True)
    if r.empty:
        known = sorted(reference.provinces()["province_code"])
        raise KeyError(
            f"no regions for province {province_code!r} in {q.period} (province codes: {known[0]}..{known[-1]})"
        )
    pop = float(r["population"].sum())
    return ProvincePeers(
        province_code=province_code,
        province_name=str(r["province_name"].iloc[0]),
        period=q.period,
        criteria_year=q.criteria_year,
        coverage_line=q.coverage_line,
        activity_line=q.activity_line,
        pooled_coverage_pct=100 * float(r["registered"].sum()) / pop,
        pooled_activity_pct=100 * float(r["active"].sum()) / pop,
        regions=r,
    )
