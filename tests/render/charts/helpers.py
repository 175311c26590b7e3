"""What the chart tests share: the brief's four charts of a region and month as SVG bytes."""

import io

import matplotlib.pyplot as plt

from uhc_lib import api
from uhc_lib.render.charts import brief_charts, peer_charts, scenario_chart


def brief_chart_svgs(code: str, period: str, lang: str) -> dict[str, bytes]:
    """The trend, segment, ranking and (when drawn) scenario charts as the notebook saves them; figures closed."""
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
    drawn = {}
    for name, chart in charts.items():
        buffer = io.BytesIO()
        chart.savefig(buffer, format="svg", bbox_inches=None, metadata={"Date": None})
        drawn[name] = buffer.getvalue()
    plt.close("all")
    return drawn
