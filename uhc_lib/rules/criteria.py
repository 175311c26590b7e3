"""UHC criteria by year (rules as data: ``data/rules/uhc_criteria.csv``) and each region's status under them.

Rows with the same ``criterion`` in a year are alternatives (any one suffices); inside a row every minimum must hold.
A year without rows uses the latest earlier year that has them (before the first year: the first year).
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
import pandas as pd

from uhc_lib.common.config import RULES_DIR
from uhc_lib.common.lang import check_lang
from uhc_lib.rules.indicators import meets

NOT_MET = "none"


@lru_cache(maxsize=1)
def criteria_table() -> pd.DataFrame:
    """All criteria rows, typed."""
    t = pd.read_csv(RULES_DIR / "uhc_criteria.csv", dtype={"criterion": str})
    t["headline"] = t["headline"].astype(str).str.lower().eq("true")
    return t.sort_values(["criteria_year", "rank", "alternative"]).reset_index(drop=True)


def rules_year(year: int) -> int:
    """The year whose rule rows apply in ``year``."""
    years = sorted(criteria_table()["criteria_year"].unique())
    earlier = [y for y in years if y <= year]
    return int(earlier[-1] if earlier else years[0])


def criteria_for(year: int) -> pd.DataFrame:
    """The criteria rows in force for ``year``, ordered by rank then alternative."""
    return _rows_of(rules_year(year)).copy()


@cache
def _rows_of(rules_year: int) -> pd.DataFrame:
    t = criteria_table()
    return t[t["criteria_year"] == rules_year].reset_index(drop=True)


def reload_rules() -> None:
    """Forget the rules read so far, so the next lookup reads ``uhc_criteria.csv`` again."""
    criteria_table.cache_clear()
    _rows_of.cache_clear()
    _rule_sets.cache_clear()


def targets(year: int) -> pd.DataFrame:
    """One row per criterion of ``year`` (its first alternative): criterion, rank, headline, minimums, labels."""
    return criteria_for(year).drop_duplicates("criterion").reset_index(drop=True)


def headline(year: int) -> pd.Series:
    """The criterion a brief treats as *the* target of ``year``."""
    t = targets(year)
    marked = t[t["headline"]]
    return (marked if not marked.empty else t).iloc[0]


def next_year_with_new_rules(year: int) -> int | None:
    """The first later year whose rules differ from ``year``'s, if any (e.g. 2024 -> 2025)."""
    current = rules_year(year)
    later = sorted(y for y in criteria_table()["criteria_year"].unique() if y > current)
    return int(later[0]) if later else None


Minimums = tuple[float | None, float | None, float | None]  # coverage, activity, Pemda share (None: no minimum)


@cache
def _rule_sets(rules_year: int) -> tuple[tuple[str, int, tuple[Minimums, ...]], ...]:
    """(criterion, rank, alternatives) of one rules year, each alternative its three minimums, in table order."""

    def value(v: object) -> float | None:
        return None if pd.isna(v) else float(v)

    out = []
    for criterion, rows in _rows_of(rules_year).groupby("criterion", sort=False):
        alternatives = tuple(
            (value(c), value(a), value(p))
            for c, a, p in zip(rows["min_coverage_pct"], rows["min_activity_pct"], rows["min_pemda_pct"], strict=True)
        )
        out.append((str(criterion), int(rows["rank"].iloc[0]), alternatives))
    return tuple(out)


def _met(ind: pd.DataFrame, minimums: Minimums) -> np.ndarray:
    cov, act, pemda_pct = minimums
    population = ind["population"].to_numpy(dtype="int64")
    ok = np.ones(len(ind), dtype=bool)
    if cov is not None:
        ok &= meets(ind["registered"].to_numpy(dtype="int64"), population, cov)
    if act is not None:
        ok &= meets(ind["active"].to_numpy(dtype="int64"), population, act)
    if pemda_pct is not None:
        if "pemda_registered" in ind:
            pemda = ind["pemda_registered"].astype("Int64").fillna(-1).to_numpy(dtype="int64")
            ok &= (pemda >= 0) & meets(np.maximum(pemda, 0), population, pemda_pct)
        else:
            ok &= False
    return ok


def evaluate(ind: pd.DataFrame, year: int) -> pd.DataFrame:
    """Add ``meets_<criterion>`` for each criterion of ``year`` and ``status``: the highest-ranked one met, or 'none'.

    Comparisons are exact on counts, so 74.996 % active does not meet a 75 % minimum.
    """
    rules_year_ = rules_year(year)
    columns: dict[str, object] = {}
    status = np.full(len(ind), NOT_MET, dtype=object)
    best_rank = np.zeros(len(ind), dtype="int64")
    for criterion, rank, alternatives in _rule_sets(rules_year_):
        met = np.zeros(len(ind), dtype=bool)
        for minimums in alternatives:
            met |= _met(ind, minimums)
        columns[f"meets_{criterion}"] = met
        better = met & (rank > best_rank)
        status[better] = criterion
        best_rank[better] = rank
    columns["status"] = status
    columns["criteria_year"] = rules_year_
    out = ind.drop(columns=[c for c in columns if c in ind.columns])
    return out.assign(**columns)


def label(criterion: str, year: int, lang: str = "id") -> str:
    """Readable name of a criterion (or of 'none') in ``id``/``en``."""
    check_lang(lang)
    if criterion == NOT_MET:
        return "belum memenuhi kriteria UHC" if lang == "id" else "does not meet the UHC criteria"
    t = targets(year).set_index("criterion")
    return str(t.loc[criterion, "label_en" if lang == "en" else "label_id"])
