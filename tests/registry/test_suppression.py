"""Small-cell suppression: hand cases and a hypothesis property (nothing small shown, nothing recoverable)."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uhc_lib.registry.suppression import recoverable_cells, relations, suppress

COLS = ["residents", "active", "inactive", "not_enrolled"]


def area_table(rows: dict[str, tuple[str | None, int, int, int]]) -> pd.DataFrame:
    """Leaf rows (code -> parent, active, inactive, not_enrolled); parents and the residents column are summed."""
    leaves = pd.DataFrame.from_dict(rows, orient="index", columns=["parent", "active", "inactive", "not_enrolled"])
    out = leaves.copy()
    level = leaves
    while level["parent"].notna().any():
        sums = level.dropna(subset=["parent"]).groupby("parent")[["active", "inactive", "not_enrolled"]].sum()
        sums.index.name = None
        sums["parent"] = [c[:-3] if len(c) > 5 else None for c in sums.index]
        sums = sums[~sums.index.isin(out.index)]
        out = pd.concat([sums, out])
        level = sums
    out["residents"] = out[["active", "inactive", "not_enrolled"]].sum(axis=1)
    return out[["parent", *COLS]]


def test_single_small_cell_in_a_row_gets_a_partner():
    t = pd.DataFrame({"a": [50, 3, 53], "b": [40, 60, 100], "parent": ["T", "T", None]}, index=["r1", "r2", "T"])
    t["total"] = t["a"] + t["b"]
    s = suppress(t, columns=["a", "b", "total"], total_column="total", parent="parent")
    # r2.a = 3 is primary; its row forces r2.b (60, smaller than the total 63), its column forces r1.a (50 < 53);
    # then r1 has one hidden cell: r1.b (40) is hidden too, a rectangle no relation can solve
    assert s.mask.loc["r2", "a"] and s.primary.loc["r2", "a"]
    assert s.mask.loc["r2", "b"] and s.mask.loc["r1", "a"] and s.mask.loc["r1", "b"]
    assert not s.mask.loc["T"].any() and not s.mask["total"].any()
    assert s.display.loc["r2", "a"] == "*" and s.display.loc["T", "total"] == "153"
    assert s.hidden == 4 and s.complementary == 3
    assert recoverable_cells(t, s.mask, total_column="total", parent="parent") == []


def test_zero_shown_and_thousands_formatted():
    t = pd.DataFrame({"a": [0, 1200], "b": [15, 3400]}, index=["x", "y"])
    s = suppress(t, columns=["a", "b"])
    assert s.display.loc["x", "a"] == "0" and s.display.loc["y", "b"] == "3.400"
    assert suppress(t, columns=["a", "b"], lang="en").display.loc["y", "a"] == "1,200"
    assert suppress(t, columns=["a", "b"], suppress_zeros=True).mask.loc["x", "a"]


def test_complement_prefers_a_nonzero_cell():
    t = pd.DataFrame({"a": [4], "b": [0], "c": [30]}, index=["r"])
    t["total"] = t[["a", "b", "c"]].sum(axis=1)
    s = suppress(t, columns=["a", "b", "c", "total"], total_column="total")
    assert s.mask.loc["r"].tolist() == [True, False, True, False]


def test_checker_finds_a_single_hidden_cell_and_chains():
    t = pd.DataFrame({"a": [5, 20], "b": [7, 30], "parent": ["T", None]}, index=["x", "T"])
    mask = pd.DataFrame({"a": [True, False], "b": [False, False]}, index=t.index)
    assert recoverable_cells(t, mask, parent="parent") == [("x", "a")]
    # a hidden rectangle cannot be solved
    t2 = area_table({"17.07.01": ("17.07", 5, 20, 30), "17.07.02": ("17.07", 8, 40, 50)})
    mask2 = pd.DataFrame(False, index=t2.index, columns=COLS)
    mask2.loc[["17.07.01", "17.07.02"], ["active", "inactive"]] = True
    assert recoverable_cells(t2, mask2, total_column="residents", parent="parent") == []
    # uncovering one corner of the rectangle gives away the three other corners through a chain of relations
    m = relations(t2, COLS, total_column="residents", parent="parent")
    assert m.shape == (3 + 4, 12)
    mask3 = mask2.copy()
    mask3.loc["17.07.02", "active"] = False  # leaves 17.07.02.inactive alone in its row
    assert set(recoverable_cells(t2, mask3, total_column="residents", parent="parent")) == {
        ("17.07.01", "active"),
        ("17.07.01", "inactive"),
        ("17.07.02", "inactive"),
    }


def test_desa_hierarchy_protects_across_levels():
    t = area_table(
        {
            "17.07.01.2001": ("17.07.01", 120, 30, 4),
            "17.07.01.2002": ("17.07.01", 200, 55, 26),
            "17.07.02.2001": ("17.07.02", 90, 12, 15),
        }
    )
    s = suppress(t, columns=COLS, total_column="residents", parent="parent")
    assert s.mask.loc["17.07.01.2001", "not_enrolled"]
    # the kecamatan 17.07.02 has one desa: hiding nothing there; 17.07.01 must hide a second desa cell
    assert s.mask.loc["17.07.01.2002", "not_enrolled"]
    assert recoverable_cells(t, s.mask, total_column="residents", parent="parent") == []


def test_inconsistent_table_is_refused():
    t = pd.DataFrame({"a": [5, 20], "parent": ["T", None]}, index=["x", "T"])
    with pytest.raises(ValueError, match="not consistent"):
        suppress(t, columns=["a"], parent="parent")


@st.composite
def hierarchical_tables(draw):
    n_kec = draw(st.integers(1, 4))
    rows = {}
    for k in range(n_kec):
        for d in range(draw(st.integers(1, 4))):
            counts = draw(st.tuples(*[st.integers(0, 40) | st.integers(0, 12) for _ in range(3)]))
            rows[f"17.07.{k + 1:02d}.{2001 + d}"] = (f"17.07.{k + 1:02d}", *counts)
    return area_table(rows)


@settings(max_examples=60, deadline=None)
@given(hierarchical_tables(), st.integers(2, 12))
def test_property_nothing_small_shown_nothing_recoverable(table, threshold):
    s = suppress(table, threshold, columns=COLS, total_column="residents", parent="parent")
    values = table[COLS]
    small = (values > 0) & (values < threshold)
    assert not (small & ~s.mask).any().any()
    assert recoverable_cells(table, s.mask, total_column="residents", parent="parent") == []
    shown = ~s.mask
    for col in COLS:
        for code in table.index[shown[col]]:
            assert s.display.loc[code, col] == f"{values.loc[code, col]:,}".replace(",", ".")


def test_audit_catches_a_cell_that_no_single_relation_gives_away():
    # two hidden rectangles joined by one hidden cell (r2, c3): every row and column holds two or three hidden cells,
    # yet r1 + r2 - c1 - c2 leaves only (r2, c3): the audit must find it, and suppress() must hide one more cell
    t = pd.DataFrame(
        [[1, 1, 50, 50], [1, 1, 1, 50], [50, 50, 1, 1], [50, 50, 1, 1]],
        index=["r1", "r2", "r3", "r4"],
        columns=["c1", "c2", "c3", "c4"],
    )
    t.loc["T"] = t.sum()
    t["total"] = t.sum(axis=1)
    t["parent"] = ["T", "T", "T", "T", None]
    cols = ["c1", "c2", "c3", "c4", "total"]
    mask = (t[cols] > 0) & (t[cols] < 10)
    assert recoverable_cells(t, mask, total_column="total", parent="parent") == [("r2", "c3")]
    s = suppress(t, columns=cols, total_column="total", parent="parent")
    assert s.hidden == 10
    assert recoverable_cells(t, s.mask, total_column="total", parent="parent") == []


def test_worklist_running_totals_never_give_a_hidden_decile_away():
    from uhc_lib.registry.match import MatchResult
    from uhc_lib.registry.worklist import worklist_counts

    summary = pd.DataFrame(
        {
            "desil": pd.array([1, 2, 3, 4, None], dtype="Int8"),
            "persons": [50, 3, 40, 12, 30],
            "families": [45, 3, 38, 12, 28],
        }
    )
    summary["yearly_cost"] = summary["persons"] * 504_000
    summary["cumulative_persons"] = summary["persons"].cumsum()
    summary["cumulative_cost"] = summary["yearly_cost"].cumsum()
    empty = pd.DataFrame()
    result = MatchResult("17.07", pd.Period("2024-07", "M"), 42_000, 0, 0, *[empty] * 5, summary, empty)
    t = worklist_counts(result, 10)
    # decile 2 (3 people) is hidden, and decile 4 (12, the smallest other) with it; their costs too
    assert t.mask["persons"].tolist() == [False, True, False, True, False, False]
    assert t.mask["yearly_cost"].tolist() == t.mask["persons"].tolist()
    # running totals between the hidden deciles are hidden (decile 3's would give decile 2 away); decile 4's
    # includes both hidden deciles and adds nothing to the published total
    assert t.mask["cumulative_persons"].tolist() == [False, True, True, False, False, False]
    assert t.display.loc["4", "cumulative_persons"] == "105" and t.display.loc["1", "cumulative_cost"] == "Rp25.200.000"
    assert t.display.loc["unknown", "persons"] == "30" and t.display.loc["total", "yearly_cost"] == "Rp68.040.000"
