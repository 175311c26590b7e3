"""The national overview's tables: how the kab/kota spread over classes of coverage and activity, and inequality
in Indonesia as one table (between provinces and between all kab/kota, for both indicators).

Classes are cut at given edges (the maps use :data:`uhc_lib.render.charts.maps.CLASS_EDGES`, the criteria minimums) and
a region is placed by exact comparison on counts (:func:`uhc_lib.rules.indicators.meets`), as the criteria are: a region
counted "98 or more" on coverage is one that meets a 98 percent minimum.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from uhc_lib.analysis import peers
from uhc_lib.rules.indicators import meets

COUNT_OF = {"coverage_pct": "registered", "activity_pct": "active"}


def class_index(frame: pd.DataFrame, metric: str, edges: tuple[float, ...]) -> np.ndarray:
    """For each row, the number of ``edges`` its count reaches (0 = below the first edge), compared exactly."""
    if list(edges) != sorted(edges):
        raise ValueError(f"class edges must be ascending, got {edges}")
    count = frame[COUNT_OF[metric]].to_numpy(dtype="int64")
    pop = frame["population"].to_numpy(dtype="int64")
    return sum((meets(count, pop, e).astype("int64") for e in edges), np.zeros(len(frame), dtype="int64"))


def class_counts(
    frame: pd.DataFrame, coverage_edges: tuple[float, ...], activity_edges: tuple[float, ...]
) -> pd.DataFrame:
    """Number of regions in each coverage class (rows) and activity class (columns), without totals.

    Class ``k`` holds the regions that reach ``k`` of the edges (0: below the first); every class appears, also when
    empty. ``frame``: one row per region with population, registered and active (e.g. ``peers.quadrants(...).regions``).
    The words for the classes are :func:`uhc_lib.render.text.classes.class_table`'s.
    """
    rows = pd.Categorical(class_index(frame, "coverage_pct", coverage_edges), categories=range(len(coverage_edges) + 1))
    cols = pd.Categorical(class_index(frame, "activity_pct", activity_edges), categories=range(len(activity_edges) + 1))
    table = pd.crosstab(rows, cols, dropna=False)
    table.index.name = "coverage_pct"
    table.columns.name = "activity_pct"
    return table


def national_inequality_table(ind: pd.DataFrame, period: str | pd.Period | None = None) -> pd.DataFrame:
    """:func:`uhc_lib.analysis.peers.national_inequality` between provinces and between kab/kota, for coverage and
    activity:
    four rows (between, metric) with the pooled rate, best and worst, D, R, BGV, MDM and IDIS."""
    rows = [
        peers.national_inequality(ind, period, metric, between)
        for between in ("provinces", "regions")
        for metric in peers.METRICS
    ]
    return pd.DataFrame(rows).reset_index(drop=True)
