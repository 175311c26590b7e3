"""Text sizes kept for the whole process (render/charts/text_metrics): the charts drawn with the shared table are
byte-for-byte the charts matplotlib draws measuring every text again, and a second drawing measures nothing new."""

import matplotlib.pyplot as plt
import pytest

from tests.render.charts.helpers import brief_chart_svgs as _svgs
from uhc_lib.render.charts import style, text_metrics


@pytest.fixture
def shared_sizes():
    with plt.rc_context(style.SVG_RC):
        yield
    text_metrics.share_between_figures()  # as every chart module leaves it
    plt.close("all")


@pytest.mark.parametrize(("code", "period", "lang"), [("17.07", "2024-07", "id"), ("32.03", "2026-11", "en")])
def test_charts_are_the_same_bytes_with_and_without_the_shared_sizes(shared_sizes, code, period, lang):
    text_metrics.per_figure_only()
    plain = _svgs(code, period, lang)
    assert text_metrics.share_between_figures()
    _svgs("94.01", "2026-11", lang)  # the table already holds another region's texts
    shared = _svgs(code, period, lang)
    assert shared.keys() == plain.keys() and len(plain) >= 3
    for name in plain:
        assert shared[name] == plain[name], name


def test_a_second_drawing_measures_no_text_again(shared_sizes):
    assert text_metrics.share_between_figures()
    _svgs("17.07", "2026-11", "id")
    known = len(text_metrics._sizes)
    assert known > 50
    _svgs("17.07", "2026-11", "id")
    assert len(text_metrics._sizes) == known
