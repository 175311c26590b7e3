"""The two drawing shortcuts of render/charts/style change no chart: titles pinned at the top of their axes
(``axes.titley``) and empty axis labels given a fixed place give the same SVG bytes as matplotlib's automatic
placement, for the brief's four charts in both languages."""

import matplotlib.pyplot as plt
import pytest

from tests.render.charts.helpers import brief_chart_svgs as _svgs
from uhc_lib.render.charts import brief_charts, peer_charts, scenario_chart, style

AUTOMATIC = {k: v for k, v in style.SVG_RC.items() if k != "axes.titley"}


@pytest.mark.parametrize(("code", "period", "lang"), [("17.07", "2024-07", "id"), ("35.78", "2026-11", "en")])
def test_pinned_titles_and_labels_draw_the_same_bytes(monkeypatch, code, period, lang):
    assert style.SVG_RC["axes.titley"] == 1.0
    with plt.rc_context(style.SVG_RC):
        pinned = _svgs(code, period, lang)
    with monkeypatch.context() as mp:
        for module in (brief_charts, peer_charts, scenario_chart):
            mp.setattr(module, "fixed_empty_axis_labels", lambda fig: None)
        with plt.rc_context(AUTOMATIC):
            automatic = _svgs(code, period, lang)
    assert pinned.keys() == automatic.keys() and len(pinned) >= 3
    for name in pinned:
        assert pinned[name] == automatic[name], name


def test_an_empty_axis_label_is_pinned_and_a_written_one_is_not():
    fig, ax = plt.subplots()
    ax.set_ylabel("persen penduduk")
    style.fixed_empty_axis_labels(fig)
    assert ax.xaxis._autolabelpos is False  # no text: pinned
    assert ax.yaxis._autolabelpos is True  # placed beside its tick labels as usual
    plt.close(fig)
