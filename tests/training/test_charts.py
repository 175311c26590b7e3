"""Lesson charts readable without colour: every series its own line style and marker, legends to match."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from uhc_lib import training  # noqa: E402


def test_each_colour_gets_its_own_style_and_marker_across_panels_and_in_the_legend():
    fig, (a, b) = plt.subplots(1, 2)
    for ax in (a, b):
        ax.plot(range(10), color="tab:blue", label="satu")
        ax.plot(range(10), [x * 2 for x in range(10)], color="tab:orange", label="dua")
        ax.axhline(5, color="grey", linestyle=":")  # a threshold line keeps its style
    fig.legend(*a.get_legend_handles_labels())
    training.readable(fig)
    styles = {(line.get_linestyle(), line.get_marker()) for line in a.get_lines()[:2]}
    assert len(styles) == 2 and all(m not in ("None", "") for _, m in styles)
    assert [(x.get_linestyle(), x.get_marker()) for x in a.get_lines()[:2]] == [
        (x.get_linestyle(), x.get_marker()) for x in b.get_lines()[:2]
    ]
    assert a.get_lines()[2].get_linestyle() == ":" and a.get_lines()[2].get_marker() in ("None", "")
    handles = fig.legends[0].get_lines()
    assert {(h.get_linestyle(), h.get_marker()) for h in handles} == styles
    plt.close(fig)
