"""Where a panel's figures come from, judged from its content: the illustrative label follows the data, not the path.

A panel is illustrative when most of its rows (region, month, segment and the three counts) are rows of the
embedded generated panel: a copy of it under another name, converted to Excel or Parquet, or cut to one province
keeps the label; a user's own figures do not get it.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

ILLUSTRATIVE_SHARE = 0.5
"""Share of a panel's rows that must be rows of the embedded panel for it to be labelled illustrative."""


def row_hashes(panel: pd.DataFrame) -> np.ndarray:
    """One 64-bit hash per row of region_code, period, segment, population, registered and active."""
    key = pd.DataFrame(
        {
            "region_code": panel["region_code"].astype(str).to_numpy(),
            "period": panel["period"].astype(str).to_numpy(),
            "segment": panel["segment"].astype(str).to_numpy(),
            "population": panel["population"].astype("int64").to_numpy(),
            "registered": panel["registered"].astype("int64").to_numpy(),
            "active": panel["active"].astype("int64").to_numpy(),
        }
    )
    return pd.util.hash_pandas_object(key, index=False).to_numpy()


def fingerprint(panel: pd.DataFrame) -> str:
    """A content fingerprint of a panel (order of rows aside)."""
    import hashlib

    return hashlib.sha256(np.sort(row_hashes(panel)).tobytes()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _embedded_hashes() -> np.ndarray:
    from uhc_lib.inputs.panel import read_panel

    return np.unique(row_hashes(read_panel()))


def illustrative_share(panel: pd.DataFrame) -> float:
    """Share of the panel's rows that are rows of the embedded illustrative panel."""
    if panel.empty:
        return 0.0
    return float(np.isin(row_hashes(panel), _embedded_hashes(), assume_unique=False).mean())


def is_illustrative_panel(panel: pd.DataFrame) -> bool:
    return illustrative_share(panel) >= ILLUSTRATIVE_SHARE
