"""The national overview's tables: how the kab/kota spread over classes of coverage and activity, and inequality
in Indonesia as one table (between provinces and between all kab/kota, for both indicators).

Classes are cut at given edges (the maps use :data:`uhc_lib.maps.CLASS_EDGES`, the criteria minimums) and a region
is placed by exact comparison on counts (:func:`uhc_lib.indicators.meets`), as the criteria are: a region counted
"98 or more" on coverage is one that meets a 98 percent minimum.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from uhc_lib import fmt, peers
from uhc_lib.indicators import meets

COUNT_OF = {"coverage_pct": "registered", "activity_pct": "active"}
TOTAL = {"id": "Jumlah", "en": "Total"}


def class_labels(edges: tuple[float, ...], lang: str = "en") -> list[str]:
    """``< 90``, ``90–95``, ..., ``≥ 100``: one label per class cut at ``edges`` (ascending)."""
    p = [fmt.pct(e, fmt.check_lang(lang)) for e in edges]
    return [f"< {p[0]}", *(f"{a}–{b}" for a, b in zip(p[:-1], p[1:], strict=True)), f"≥ {p[-1]}"]


def class_index(frame: pd.DataFrame, metric: str, edges: tuple[float, ...]) -> np.ndarray:
    """For each row, the number of ``edges`` its count reaches (0 = below the first edge), compared exactly."""
    if list(edges) != sorted(edges):
        raise ValueError(f"class edges must be ascending, got {edges}")
    count = frame[COUNT_OF[metric]].to_numpy(dtype="int64")
    pop = frame["population"].to_numpy(dtype="int64")
    return sum((meets(count, pop, e).astype("int64") for e in edges), np.zeros(len(frame), dtype="int64"))


def class_table(
    frame: pd.DataFrame,
    coverage_edges: tuple[float, ...],
    activity_edges: tuple[float, ...],
    lang: str = "en",
) -> pd.DataFrame:
    """Number of regions in each coverage class (rows) and activity class (columns), with totals.

    ``frame``: one row per region with population, registered and active (e.g. ``peers.quadrants(...).regions``).
    Every class appears, also when empty.
    """
    rows, cols = class_labels(coverage_edges, lang), class_labels(activity_edges, lang)
    cov = pd.Categorical.from_codes(class_index(frame, "coverage_pct", coverage_edges), rows)
    act = pd.Categorical.from_codes(class_index(frame, "activity_pct", activity_edges), cols)
    table = pd.crosstab(cov, act, margins=True, margins_name=TOTAL[lang], dropna=False)
    table.index.name = "coverage_pct"
    table.columns.name = "activity_pct"
    return table


def national_inequality_table(ind: pd.DataFrame, period: str | pd.Period | None = None) -> pd.DataFrame:
    """:func:`uhc_lib.peers.national_inequality` between provinces and between kab/kota, for coverage and activity:
    four rows (between, metric) with the pooled rate, best and worst, D, R, BGV, MDM and IDIS."""
    rows = [
        peers.national_inequality(ind, period, metric, between)
        for between in ("provinces", "regions")
        for metric in peers.METRICS
    ]
    return pd.DataFrame(rows).reset_index(drop=True)
