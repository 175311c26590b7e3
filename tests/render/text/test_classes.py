"""One set of words for classes of coverage and activity: the maps' legends and the national overview's table."""

from tests.helpers import make_panel
from uhc_lib.analysis import overview
from uhc_lib.render.text.classes import class_labels, class_table
from uhc_lib.rules.indicators import indicators


def test_class_labels_both_languages():
    assert class_labels((90, 95, 98, 100), "en") == [
        "below 90",
        "90 to < 95",
        "95 to < 98",
        "98 to < 100",
        "100 or more",
    ]
    assert class_labels((90.0, 97.5), "id") == ["di bawah 90", "90 sampai < 97,5", "97,5 atau lebih"]


def test_class_table_names_the_counts_and_adds_totals():
    ind = indicators(
        make_panel(
            [
                ("32.03", "2025-12", "total", 1000, 980, 800),  # exactly 98 / 80: counted in the upper classes
                ("32.01", "2025-12", "total", 1000, 979, 799),
                ("17.07", "2025-12", "total", 1000, 1010, 500),
            ]
        )
    )
    edges_cov, edges_act = (95.0, 98.0, 100.0), (75.0, 80.0)
    table = class_table(overview.class_counts(ind, edges_cov, edges_act), edges_cov, edges_act, "en")
    assert table.loc["98 to < 100", "80 or more"] == 1 and table.loc["95 to < 98", "75 to < 80"] == 1
    assert table.loc["100 or more", "below 75"] == 1
    assert table.loc["Total", "Total"] == 3 and table.loc["below 95", "Total"] == 0  # empty classes are kept
    indonesian = class_table(overview.class_counts(ind, edges_cov, edges_act), edges_cov, edges_act, "id")
    assert indonesian.loc["Jumlah", "Jumlah"] == 3 and "di bawah 95" in indonesian.index
