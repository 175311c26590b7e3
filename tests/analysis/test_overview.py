"""Classes of coverage and activity placed on exact counts, and Indonesia's inequality table."""

import pytest

from tests.helpers import make_panel
from uhc_lib.analysis import overview, peers
from uhc_lib.rules.indicators import indicators


def test_classes_compare_counts_exactly():
    ind = indicators(
        make_panel(
            [
                ("32.03", "2025-12", "total", 1000, 980, 800),  # exactly 98 / 80: counted in the upper classes
                ("32.01", "2025-12", "total", 1000, 979, 799),
                ("17.07", "2025-12", "total", 1000, 1010, 500),
            ]
        )
    )
    assert ind["region_code"].tolist() == ["17.07", "32.01", "32.03"]
    assert overview.class_index(ind, "coverage_pct", (95.0, 98.0, 100.0)).tolist() == [3, 1, 2]
    counts = overview.class_counts(ind, (95.0, 98.0, 100.0), (75.0, 80.0))
    assert counts.loc[2, 2] == 1 and counts.loc[1, 1] == 1 and counts.loc[3, 0] == 1
    assert counts.to_numpy().sum() == 3 and counts.loc[0].sum() == 0  # empty classes are kept
    assert counts.shape == (4, 3)
    with pytest.raises(ValueError, match="ascending"):
        overview.class_index(ind, "coverage_pct", (98.0, 95.0))


def test_table_agrees_with_quadrants(panel):
    ind = indicators(panel[panel["period"] == panel["period"].max()])
    q = peers.quadrants(ind)
    counts = overview.class_counts(q.regions, (95.0, 98.0), (80.0,))
    assert counts.loc[2, 1] == q.count("both")
    assert counts.loc[2].sum() == q.count("both") + q.count("coverage_only")
    nat = overview.national_inequality_table(ind)
    assert nat[["between", "metric"]].values.tolist() == [
        ["provinces", "coverage_pct"],
        ["provinces", "activity_pct"],
        ["regions", "coverage_pct"],
        ["regions", "activity_pct"],
    ]
    assert nat.loc[3, "n"] == 514 and nat.loc[1, "n"] == 38
