"""UHC criteria by year (rules as data: ``data/rules/uhc_criteria.csv``) and each region's status under them.

Rows with the same ``criterion`` in a year are alternatives (any one suffices); inside a row every minimum must hold.
A year without rows uses the latest earlier year that has them (before the first year: the first year).
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
import pandas as pd

from uhc_lib.config import RULES_DIR
from uhc_lib.fmt import check_lang
from uhc_lib.indicators import meets

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


def _row_met(ind: pd.DataFrame, row: pd.Series) -> np.ndarray:
    ok = np.ones(len(ind), dtype=bool)
    if pd.notna(row["min_coverage_pct"]):
        ok &= meets(ind["registered"], ind["population"], float(row["min_coverage_pct"]))
    if pd.notna(row["min_activity_pct"]):
        ok &= meets(ind["active"], ind["population"], float(row["min_activity_pct"]))
    if pd.notna(row["min_pemda_pct"]):
        if "pemda_registered" in ind:
            pemda = ind["pemda_registered"].astype("Int64").fillna(-1).to_numpy(dtype="int64")
            ok &= (pemda >= 0) & meets(np.maximum(pemda, 0), ind["population"], float(row["min_pemda_pct"]))
        else:
            ok &= False
    return ok


def evaluate(ind: pd.DataFrame, year: int) -> pd.DataFrame:
    """Add ``meets_<criterion>`` for each criterion of ``year`` and ``status``: the highest-ranked one met, or 'none'.

    Comparisons are exact on counts, so 74.996 % active does not meet a 75 % minimum.
    """
    out = ind.copy()
    rules = criteria_for(year)
    status = pd.Series(NOT_MET, index=out.index, dtype=object)
    best_rank = pd.Series(0, index=out.index)
    for criterion, rows in rules.groupby("criterion", sort=False):
        met = np.zeros(len(out), dtype=bool)
        for _, row in rows.iterrows():
            met |= _row_met(out, row)
        out[f"meets_{criterion}"] = met
        rank = int(rows["rank"].iloc[0])
        better = met & (rank > best_rank.to_numpy())
        status[better] = criterion
        best_rank[better] = rank
    out["status"] = status
    out["criteria_year"] = rules_year(year)
    return out


def label(criterion: str, year: int, lang: str = "id") -> str:
    """Readable name of a criterion (or of 'none') in ``id``/``en``."""
    check_lang(lang)
    if criterion == NOT_MET:
        return "belum memenuhi kriteria UHC" if lang == "id" else "does not meet the UHC criteria"
    t = targets(year).set_index("criterion")
    return str(t.loc[criterion, "label_en" if lang == "en" else "label_id"])
