"""Classes of coverage and activity placed on exact counts, and Indonesia's inequality table."""

import pytest

from tests.helpers import make_panel
from uhc_lib import overview, peers
from uhc_lib.indicators import indicators


def test_class_labels_both_languages():
    assert overview.class_labels((90.0, 95.0, 97.5), "id") == ["< 90", "90–95", "95–97,5", "≥ 97,5"]
    assert overview.class_labels((90.0, 97.5), "en") == ["< 90", "90–97.5", "≥ 97.5"]


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
    table = overview.class_table(ind, (95.0, 98.0, 100.0), (75.0, 80.0), "en")
    assert table.loc["98–100", "≥ 80"] == 1 and table.loc["95–98", "75–80"] == 1 and table.loc["≥ 100", "< 75"] == 1
    assert table.loc["Total", "Total"] == 3 and table.loc["< 95", "Total"] == 0  # empty classes are kept
    with pytest.raises(ValueError, match="ascending"):
        overview.class_index(ind, "coverage_pct", (98.0, 95.0))


def test_table_agrees_with_quadrants(panel):
    ind = indicators(panel[panel["period"] == panel["period"].max()])
    q = peers.quadrants(ind)
    table = overview.class_table(q.regions, (95.0, 98.0), (80.0,), "id")
    assert table.loc["≥ 98", "≥ 80"] == q.count("both")
    assert table.loc["≥ 98", "Jumlah"] == q.count("both") + q.count("coverage_only")
    nat = overview.national_inequality_table(ind)
    assert nat[["between", "metric"]].values.tolist() == [
        ["provinces", "coverage_pct"],
        ["provinces", "activity_pct"],
        ["regions", "coverage_pct"],
        ["regions", "activity_pct"],
    ]
    assert nat.loc[3, "n"] == 514 and nat.loc[1, "n"] == 38
