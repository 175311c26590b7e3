"""Charts shown in a notebook carry their title as alternative text, so exported briefs describe every image.

Call :func:`enable` (or ``%load_ext uhc_lib.render.charts.alt_text``) after ``%matplotlib inline``: it wraps the inline
backend's PNG and SVG formatters so each figure's output also carries ``{"alt": <title>}`` metadata, which the brief
template writes into the ``<img alt="...">`` or the inline ``<svg role="img" aria-label="...">``.
"""

from __future__ import annotations

from matplotlib.figure import Figure


def title_of(fig: Figure) -> str:
    """The figure's title: its suptitle, else the titles of its axes (left, centre, right), joined."""
    if fig._suptitle is not None and fig._suptitle.get_text():  # noqa: SLF001 - matplotlib has no public getter
        return fig._suptitle.get_text()
    titles = []
    for ax in fig.axes:
        titles += [t for t in (ax.get_title(loc=loc) for loc in ("left", "center", "right")) if t]
    return "; ".join(titles)


def enable() -> None:
    """Add the title of every displayed figure as ``alt`` metadata of its PNG and SVG outputs (no-op outside
    IPython or for a format the inline backend does not render)."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return
    for mime in ("image/png", "image/svg+xml"):
        _wrap(shell.display_formatter.formatters[mime])


def _wrap(formatter) -> None:
    try:
        inner = formatter.lookup_by_type(Figure)
    except KeyError:
        return  # the inline backend does not render this format
    if getattr(inner, "adds_alt_text", False):
        return

    def with_alt(fig: Figure):
        data = inner(fig)
        if data is None:
            return None
        title = title_of(fig)
        return (data, {"alt": title}) if title else data

    with_alt.adds_alt_text = True  # type: ignore[attr-defined]
    formatter.for_type(Figure, with_alt)


def load_ipython_extension(ipython) -> None:  # noqa: ARG001 - IPython's extension hook
    """``%load_ext uhc_lib.render.charts.alt_text``: the same as :func:`enable`."""
    enable()
