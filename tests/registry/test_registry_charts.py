"""The worklist chart draws exactly the worklist table's shown values (read back from the Axes), on the hand-made
case of ``tests/registry/helpers.py``: bars 300 / * / 150 / 45 / 30 / * people for deciles 1, 2, 3, 4, 7 and
unknown, running yearly premium shown after decile 1 (Rp151.200.000) and after the unknown decile (Rp279.720.000)."""

import math

import matplotlib.pyplot as plt
import pytest

from tests.registry.helpers import YEARLY, build
from uhc_lib.registry import worklist
from uhc_lib.registry.registry_charts import worklist_chart


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return build(tmp_path_factory.mktemp("registry_charts")).result


@pytest.fixture(scope="module")
def table(result):
    return worklist.worklist_counts(result)


@pytest.fixture
def draw():
    figures = []

    def _draw(*args, **kwargs):
        fig = worklist_chart(*args, **kwargs)
        figures.append(fig)
        return fig

    yield _draw
    for fig in figures:
        plt.close(fig)


def test_bars_and_line_are_the_tables_shown_values(table, draw):
    ax, ax2 = draw(table).axes
    shown_bars, hidden_bars = ax.containers
    rows = list(table.values.index[:-1])  # without the total
    assert [(rows[round(b.get_x() + b.get_width() / 2)], b.get_height()) for b in shown_bars] == [
        ("1", 300),
        ("3", 150),
        ("4", 45),
        ("7", 30),
    ]
    for b in shown_bars:
        row = rows[round(b.get_x() + b.get_width() / 2)]
        assert b.get_height() == table.values.loc[row, "persons"] and not table.mask.loc[row, "persons"]
    # hidden deciles: an empty stub of a fixed height with the marker, never their value
    assert [round(b.get_x() + b.get_width() / 2) for b in hidden_bars] == [1, 5]
    assert {b.get_height() for b in hidden_bars} == {300 * 0.04}
    assert [t.get_text() for t in ax.texts[:2]] == ["*", "*"]
    line = ax2.lines[0].get_xydata()
    points = [(int(x), y) for x, y in line if not math.isnan(y)]
    assert points == [(0, 300 * YEARLY), (5, 555 * YEARLY)]
    assert [p[1] for p in points] == list(table.values["cumulative_cost"][~table.mask["cumulative_cost"]][:-1])
    assert len(line) == 6  # one x per decile: the hidden running totals are gaps in the line


def test_labels_in_indonesian(table, draw):
    fig = draw(table, budget_rp=200_000_000)
    fig.canvas.draw()  # tick labels are formatted when drawn
    ax, ax2 = fig.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3", "4", "7", "tak\ndiketahui"]
    assert ax.get_xlabel() == "desil kesejahteraan (keluarga termiskin dahulu)"
    assert (ax.get_ylabel(), ax2.get_ylabel()) == ("jiwa belum terdaftar", "iuran kumulatif setahun")
    assert ax.get_title(loc="left") == "Penduduk belum terdaftar menurut desil, dan iuran PBPU Pemda kumulatif"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "jiwa belum terdaftar",
        "disembunyikan (*)",
        "iuran kumulatif setahun",
    ]
    assert [t.get_text() for t in ax2.get_yticklabels()][:3] == ["Rp0", "Rp50 jt", "Rp100 jt"]
    budget = ax2.lines[1]
    assert set(budget.get_ydata()) == {200_000_000}
    assert [t.get_text() for t in ax2.texts] == ["anggaran Rp200 jt"]


def test_labels_in_english(table, draw):
    ax, ax2 = draw(table, "en", budget_rp=1_500_000_000).axes
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "unknown"
    assert ax.get_xlabel() == "welfare decile (poorest families first)"
    assert (ax.get_ylabel(), ax2.get_ylabel()) == ("people not enrolled", "yearly premium, running total")
    assert ax.get_title(loc="left") == "Residents not enrolled by decile, and the running PBPU Pemda premium"
    assert [t.get_text() for t in ax.get_legend().get_texts()][1] == "hidden (*)"
    assert [t.get_text() for t in ax2.texts] == ["budget IDR 1.5bn"]


def test_synthetic_note_only_when_asked(table, draw):
    def notes(fig):
        return [t.get_text() for t in fig.axes[0].texts if "ynthetic" in t.get_text() or "sintetis" in t.get_text()]

    assert notes(draw(table)) == []
    assert notes(draw(table, synthetic=True)) == ["Data sintetis (ilustratif)"]
    assert notes(draw(table, "en", synthetic=True)) == ["Synthetic data (illustrative)"]
    assert len(draw(table).axes[1].lines) == 1  # no budget line unless a budget is given


def test_nothing_hidden_draws_every_decile(result, draw):
    open_table = worklist.worklist_counts(result, threshold=1)
    ax, ax2 = draw(open_table).axes
    assert len(ax.containers) == 1
    assert [b.get_height() for b in ax.containers[0]] == [300, 6, 150, 45, 30, 24]
    assert [y / YEARLY for y in ax2.lines[0].get_ydata()] == [300, 306, 456, 501, 531, 555]
