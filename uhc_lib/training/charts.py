"""Charts a lesson shows, made readable without colour: each data series gets its own line style and marker.

The brief's charts tell series apart by colour; on a black-and-white handout or for a colour-blind participant that
is not enough. :func:`readable` gives every series (all lines of one colour, across the figure's panels) a line
style and a marker, and updates the legends to match.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.colors import to_hex

STYLES = [("-", "o"), ("--", "s"), ("-.", "^"), (":", "D"), ((0, (5, 1, 1, 1)), "v"), ((0, (1, 1)), "P")]


def _is_series(line) -> bool:
    """A data series, not a threshold line (those have two points) or a single marked point."""
    return len(line.get_xdata()) > 2


def readable(figure=None):
    """Give each colour of ``figure`` (default: the current one) a line style and marker; returns the figure."""
    figure = figure if figure is not None else plt.gcf()
    order: dict[str, tuple] = {}
    for ax in figure.axes:
        for line in ax.get_lines():
            if not _is_series(line):
                continue
            colour = to_hex(line.get_color())
            style, marker = order.setdefault(colour, STYLES[len(order) % len(STYLES)])
            n = len(line.get_xdata())
            line.set_linestyle(style)
            line.set_marker(marker)
            line.set_markevery(max(1, n // 8))
            line.set_markersize(5)
    legends = [ax.get_legend() for ax in figure.axes] + list(figure.legends)
    for legend in filter(None, legends):
        for handle in legend.get_lines():
            colour = to_hex(handle.get_color())
            if colour in order:
                style, marker = order[colour]
                handle.set_linestyle(style)
                handle.set_marker(marker)
                handle.set_markersize(5)
    return figure
