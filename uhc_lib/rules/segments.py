"""JKN participant segments (rules as data: ``data/rules/segments.csv``) and segment breakdowns."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from uhc_lib.common.config import RULES_DIR

TOTAL = "total"


@lru_cache(maxsize=1)
def segment_table() -> pd.DataFrame:
    """Segments in display order with Indonesian/English labels and accepted aliases."""
    return pd.read_csv(RULES_DIR / "segments.csv", dtype=str).sort_values("rank", key=lambda s: s.astype(int))


def segment_codes() -> list[str]:
    """Segment codes in display order."""
    return segment_table()["segment"].tolist()


@lru_cache(maxsize=1)
def alias_map() -> dict[str, str]:
    """Lower-cased code or alias -> segment code, for reading users' files."""
    out: dict[str, str] = {}
    for row in segment_table().itertuples():
        out[row.segment.lower()] = row.segment
        out[row.label_id.lower()] = row.segment
        for alias in str(row.aliases).split("|"):
            out[alias.strip().lower()] = row.segment
    return out


def label(segment: str, lang: str = "id") -> str:
    """Human label of a segment code in ``id`` or ``en``."""
    t = segment_table().set_index("segment")
    return str(t.loc[segment, "label_en" if lang == "en" else "label_id"])


def breakdown(panel: pd.DataFrame, region_code: str, period: pd.Period) -> pd.DataFrame:
    """Registered, active and inactive participants by segment for one region and month.

    Columns: segment, registered, active, inactive, share_of_registered_pct, active_of_registered_pct,
    registered_of_population_pct. Empty when the data has no segment breakdown.
    """
    rows = panel[(panel["region_code"] == region_code) & (panel["period"] == period)]
    rows = rows[rows["segment"] != TOTAL]
    if rows.empty:
        return pd.DataFrame(
            columns=[
                "segment",
                "registered",
                "active",
                "inactive",
                "share_of_registered_pct",
                "active_of_registered_pct",
                "registered_of_population_pct",
            ]
        )
    order = {s: i for i, s in enumerate(segment_codes())}
    out = rows[["segment", "population", "registered", "active"]].copy()
    out = out.sort_values("segment", key=lambda s: s.map(order)).reset_index(drop=True)
    out["inactive"] = out["registered"] - out["active"]
    out["share_of_registered_pct"] = 100 * out["registered"] / out["registered"].sum()
    out["active_of_registered_pct"] = 100 * out["active"] / out["registered"].where(out["registered"] > 0)
    out["registered_of_population_pct"] = 100 * out["registered"] / out["population"]
    return out.drop(columns="population")
