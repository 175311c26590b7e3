"""Small builders shared by the unit tests (import as ``from tests.helpers import ...``)."""

import pandas as pd
from hypothesis import strategies as st

COLUMNS = ["region_code", "period", "segment", "population", "registered", "active"]
COUNTS = ("population", "registered", "active")


def make_frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A frame from tuples with ``period`` as monthly Periods and the counts as int64."""
    df = pd.DataFrame(rows, columns=columns)
    df["period"] = pd.PeriodIndex(df["period"], freq="M")
    for col in COUNTS:
        df[col] = df[col].astype("int64")
    return df


def make_panel(rows: list[tuple]) -> pd.DataFrame:
    """Tidy panel from (region_code, 'YYYY-MM', segment, population, registered, active) tuples."""
    return make_frame(rows, COLUMNS)


def row_at(df: pd.DataFrame, region: str, period: str) -> pd.Series:
    """The single row of ``region`` in ``period``."""
    row = df[(df["region_code"] == region) & (df["period"] == pd.Period(period, "M"))]
    assert len(row) == 1
    return row.iloc[0]


PCTS = st.integers(min_value=0, max_value=10_000).map(lambda bp: bp / 100)  # 0.00 .. 100.00


@st.composite
def count_rows(draw, max_regions: int = 8):
    """Panel rows (one month, totals) with random counts: registered at most twice the population (coverage up to
    200 %, beyond anything real), active never above registered."""
    rows = []
    for i in range(draw(st.integers(min_value=1, max_value=max_regions))):
        population = draw(st.integers(min_value=1, max_value=50_000_000))
        registered = draw(st.integers(min_value=0, max_value=2 * population))
        active = draw(st.integers(min_value=0, max_value=registered))
        rows.append((f"{i + 1:02d}.01", "2024-07", "total", population, registered, active))
    return rows
