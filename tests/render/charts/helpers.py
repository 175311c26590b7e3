"""What the chart tests share: the brief's four charts of a region and month, as figures or as SVG bytes."""

import io

import matplotlib.pyplot as plt

from uhc_lib import api
from uhc_lib.render.charts import brief_charts, peer_charts, scenario_chart


def brief_chart_figures(code: str, period: str, lang: str) -> dict:
    """The brief's trend, segment, ranking and (when drawn) scenario charts of ``code`` in ``period``, as figures."""
    fig = api.figures_for(code, period)
    out = api.outlook_for(fig, None, lang)
    charts = {
        "trend": brief_charts.trend_chart(fig, lang),
        "segments": brief_charts.segment_chart(fig, lang),
        "ranking": peer_charts.province_ranking_chart(
            out.province, highlight=fig.region_code, lang=lang, illustrative=fig.illustrative
        ),
    }
    if out.paths:
        charts["scenarios"] = scenario_chart.scenario_chart(out.paths, out.target, out.scenarios, lang, True)
    return charts


def brief_chart_svgs(code: str, period: str, lang: str) -> dict[str, bytes]:
    """The same charts as the notebook saves them (SVG bytes); figures closed."""
    drawn = {}
    for name, chart in brief_chart_figures(code, period, lang).items():
        buffer = io.BytesIO()
        chart.savefig(buffer, format="svg", bbox_inches=None, metadata={"Date": None})
        drawn[name] = buffer.getvalue()
    plt.close("all")
    return drawn
