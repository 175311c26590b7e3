"""Text sizes measured once per process instead of once per figure.

matplotlib measures every text it lays out (a freetype layout, about 0.3 ms each) and keeps the sizes only while the
renderer that asked lives: each new figure, and each save of it, measures its tick labels, titles and legend words
again. A text's size depends only on the renderer's kind and resolution, the string, the font and the dpi, so this
module keeps the sizes in a process-wide table keyed on exactly those. A month of briefs repeats the same tick labels,
titles and legend words on every chart: the table saves about a sixth of a chart's drawing time, and the drawn
charts are byte-for-byte the same (``tests/render/charts/test_text_metrics.py``).

:func:`share_between_figures` wraps ``matplotlib.text._get_text_metrics_with_cache`` (an internal function that has
kept its signature since matplotlib 3.6); where it is absent, nothing changes.
"""

from __future__ import annotations

import matplotlib.text as mtext

MAX_ENTRIES = 50_000  # about 10 MB; emptied when full (a month of briefs needs a few thousand)

_sizes: dict[tuple, tuple[float, float, float]] = {}


def _measured(original):
    def text_metrics(renderer, text, fontprop, ismath, dpi):
        key = (type(renderer), getattr(renderer, "dpi", None), text, fontprop.copy(), ismath, dpi)
        size = _sizes.get(key)
        if size is None:
            if len(_sizes) >= MAX_ENTRIES:
                _sizes.clear()
            size = _sizes[key] = original(renderer, text, fontprop, ismath, dpi)
        return size

    text_metrics.uhc_original = original  # type: ignore[attr-defined]
    return text_metrics


def share_between_figures() -> bool:
    """Keep text sizes for the whole process (idempotent); False when this matplotlib has no such function."""
    current = getattr(mtext, "_get_text_metrics_with_cache", None)
    if current is None:
        return False
    if not hasattr(current, "uhc_original"):
        mtext._get_text_metrics_with_cache = _measured(current)
    return True


def per_figure_only() -> None:
    """Back to matplotlib's own per-renderer sizes (tests compare the two)."""
    current = getattr(mtext, "_get_text_metrics_with_cache", None)
    if current is not None and hasattr(current, "uhc_original"):
        mtext._get_text_metrics_with_cache = current.uhc_original
    _sizes.clear()
