"""Chart text never collides (issue 14): no two text boxes overlap, no line crosses a label or a legend, and a
scenario path that another one covers stays visible and is named. Checked on the briefs people read first (Lebong
July 2024, Cianjur December 2024) and on 2026 regions of other shapes, in both languages; the detector itself is
tested on a chart made to collide."""

import matplotlib.pyplot as plt
import pytest

from tests.render.charts.helpers import brief_chart_figures
from uhc_lib import api
from uhc_lib.render.charts import brief_charts, placement, scenario_chart, style

CASES = [
    ("17.07", "2024-07"),  # Lebong: coverage above 100 %, activity 75,41 next to the 75 % line
    ("32.03", "2024-12"),  # Cianjur: a long province title, coinciding scenario paths
    ("17.07", "2026-11"),
    ("31.71", "2026-11"),  # Jakarta: activity crossing the lower right corner
    ("94.01", "2026-11"),  # Papua: scenario paths through the activity line's label
    ("11.01", "2026-06"),
]


@pytest.fixture(autouse=True)
def _svg_and_close():
    with plt.rc_context(style.SVG_RC):  # as the brief notebook draws them
        yield
    plt.close("all")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("code", "period"), CASES)
def test_brief_charts_have_no_colliding_text(code, period, lang):
    for name, fig in brief_chart_figures(code, period, lang).items():
        found = placement.collisions(fig)
        assert found == [], f"{code} {period} {lang} {name}: " + "; ".join(map(str, found))


def test_the_detector_sees_overlapping_text_and_text_on_lines():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], label="data")
    ax.axhline(0.2, ls="--", label="criterion")
    ax.text(0.45, 0.48, "on the line")
    ax.text(0.05, 0.85, "first")
    ax.text(0.07, 0.86, "second")
    ax.text(0.6, 0.2, "on the criterion", va="center")
    ax.text(0.05, 0.6, "free")
    ax.legend(loc="center")
    found = {(c.kind, c.first, c.second) for c in placement.collisions(fig)}
    assert ("text/line", "on the line", "data") in found
    assert ("text/text", "first", "second") in found
    assert ("text/line", "on the criterion", "criterion") in found
    assert ("legend/line", "legend", "data") in found
    assert not any("free" in (c[1], c[2]) for c in found)


def test_place_takes_the_first_free_spot():
    fig, ax = plt.subplots()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.plot([0, 10], [5.3, 5.3])  # a line just above the criterion at 5
    label = ax.annotate("minimum 5", (0, 5), xycoords=ax.get_yaxis_transform(), xytext=(2, 3),
                        textcoords="offset points")  # fmt: skip
    assert placement.place(fig, label, brief_charts.LINE_LABEL_SPOTS)
    assert label.get_va() == "top"  # above was taken by the line: below the criterion
    assert placement.collisions(fig) == []


def test_coinciding_scenarios_are_both_visible_and_named():
    fig = api.figures_for("32.03", "2024-12")
    out = api.outlook_for(fig, None, "id")
    chart = scenario_chart.scenario_chart(out.paths, out.target, out.scenarios, "id", True)
    coverage = {line.get_label(): line for line in chart.axes[0].get_lines() if not line.get_label().startswith("_")}
    enrol, combined = coverage["Pemda mendaftarkan penduduk"], coverage["Kombinasi"]
    assert list(enrol.get_ydata()) == pytest.approx(list(combined.get_ydata()), abs=0.005)  # the same path
    assert enrol.get_linewidth() > combined.get_linewidth()  # drawn wider, underneath: both colours show
    notes = [t.get_text() for t in chart.texts]
    note = "Garis berimpit (garis lebar di bawah garis tipis): Pemda mendaftarkan penduduk = Kombinasi (cakupan)"
    assert note in notes
    activity = [line.get_linewidth() for line in chart.axes[1].get_lines() if not line.get_label().startswith("_")]
    assert len(set(activity)) == 1  # the activity paths differ: no line is widened there
