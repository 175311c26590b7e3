"""Where a chart's text lands once drawn: text boxes that overlap each other or sit on a line, and moving a label to
the first free spot of a few candidates. Charts use it to place their labels; tests use it to check every chart.

Boxes and lines are compared in display coordinates after the figure has been laid out (``fig.canvas.draw``); a
line is any visible ``Line2D`` of an axes (data series, criterion lines), grid lines excepted. A label does not
collide with the line it labels (``labels=`` pairs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

PAD = 1.0  # display pixels: boxes that only touch do not overlap


@dataclass(frozen=True)
class Collision:
    """Two things drawn on top of each other: ``kind`` is ``text/text``, ``text/line`` or ``legend/line``."""

    kind: str
    first: str
    second: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.first!r} x {self.second!r}"


def texts(fig: Figure) -> list[Text]:
    """Every visible, non-empty text of ``fig``: titles, tick labels, labels, annotations, legend texts."""
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and (t.axes is None or t.axes.get_visible()) and _drawn(t)
    ]


def _drawn(text: Text) -> bool:
    """Tick labels of ticks outside the view limits are kept by matplotlib but not drawn."""
    fig = text.get_figure(root=True)
    for ax in fig.axes if fig is not None else []:
        for axis, limits in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if text is tick.label1 or text is tick.label2:
                    low, high = sorted(limits)
                    tolerance = (high - low) * 1e-9
                    return tick.get_visible() and low - tolerance <= tick.get_loc() <= high + tolerance
    return True


def lines(fig: Figure) -> list[Line2D]:
    """The visible lines drawn in the axes of ``fig`` (data and criterion lines; no grid, ticks or legend handles)."""
    # grid lines belong to the axes' ticks, never to ``ax.get_lines()``: asking for them would run the tick locators
    return [
        line
        for ax in fig.axes
        for line in ax.get_lines()
        if line.get_visible() and len(line.get_xdata()) and line.get_linestyle() != "None"
    ]


def _box(artist: Text, renderer) -> Bbox:
    return artist.get_window_extent(renderer).expanded(1.0, 1.0)


def _overlap(a: Bbox, b: Bbox) -> bool:
    return a.x0 + PAD < b.x1 and b.x0 + PAD < a.x1 and a.y0 + PAD < b.y1 and b.y0 + PAD < a.y1


def _crosses(line: Line2D, box: Bbox) -> bool:
    """Whether ``line``, with its width, passes through ``box`` (display pixels)."""
    path = line.get_transform().transform_path(line.get_path())
    dpi = line.get_figure(root=True).dpi if line.get_figure(root=True) is not None else 72
    half = line.get_linewidth() * dpi / 72 / 2
    return bool(path.intersects_bbox(box.padded(half - PAD), filled=False))


def _label(artist: Artist) -> str:
    if isinstance(artist, Text):
        return artist.get_text()
    return str(artist.get_label())


def collisions(fig: Figure, labels: Mapping[Text, Line2D] | None = None) -> list[Collision]:
    """What overlaps in ``fig`` once drawn: pairs of text boxes, texts crossed by a line of their axes (except the
    line a text labels: ``labels``, or what the chart recorded with :func:`labels_line`) and legends crossed by a
    line."""
    labels = {**getattr(fig, "_uhc_labels", {}), **(labels or {})}
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found = []
    items = [(t, _box(t, renderer)) for t in texts(fig)]
    for i, (a, box_a) in enumerate(items):
        for b, box_b in items[i + 1 :]:
            if _overlap(box_a, box_b) and not _inside_same_legend(a, b):
                found.append(Collision("text/text", a.get_text(), b.get_text()))
    drawn = lines(fig)
    for text, box in items:
        if _in_legend(text):
            continue
        for line in drawn:
            if labels.get(text) is line or line.axes is None:
                continue
            if _same_axes(text, line) and _crosses(line, box):
                found.append(Collision("text/line", text.get_text(), _label(line)))
    for legend in fig.findobj(Legend):
        box = legend.get_window_extent(renderer)
        for line in drawn:
            if _crosses(line, box):
                found.append(Collision("legend/line", "legend", _label(line)))
    return found


def labels_line(fig: Figure, text: Text, line: Line2D) -> None:
    """Record that ``text`` labels ``line`` (it may sit on it, as a criterion line's label does)."""
    if not hasattr(fig, "_uhc_labels"):
        fig._uhc_labels = {}  # type: ignore[attr-defined]
    fig._uhc_labels[text] = line  # type: ignore[attr-defined]


def _in_legend(text: Text) -> bool:
    return any(text in legend.get_texts() for legend in _legends(text))


def _legends(text: Text) -> Iterable[Legend]:
    fig = text.get_figure(root=True)
    return fig.findobj(Legend) if fig is not None else []


def _inside_same_legend(a: Text, b: Text) -> bool:
    return any(a in legend.get_texts() and b in legend.get_texts() for legend in _legends(a))


def _same_axes(text: Text, line: Line2D) -> bool:
    """Whether ``text`` is drawn over ``line``'s axes (texts of other axes or of the figure margins are not)."""
    return text.axes is line.axes or text.axes is None


def place(
    fig: Figure,
    label: Annotation,
    spots: Sequence[tuple[float, float, float, str, str]],
    avoid: Iterable[Text] = (),
    own: Line2D | None = None,
) -> bool:
    """Move ``label`` (an annotation whose x is in its ``xycoords`` and text offset in points) to the first of
    ``spots`` (x, dx, dy, ha, va) where its box stays inside its axes and overlaps no text of ``avoid`` and no line
    of its axes but ``own``; True when one was free, else the first spot is kept. Needs no full draw."""
    renderer = fig.canvas.get_renderer()
    boxes = [_box(t, renderer) for t in avoid if t is not label and t.get_visible()]
    drawn = [line for line in lines(fig) if line is not own and line.axes is label.axes]
    frame = label.axes.get_window_extent(renderer) if label.axes is not None else None
    for x, dx, dy, ha, va in spots:
        _move(label, x, dx, dy, ha, va)
        box = _box(label, renderer)
        if frame is not None and not (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0
                                      and box.y1 <= frame.y1):  # fmt: skip
            continue
        if not any(_overlap(box, other) for other in boxes) and not any(_crosses(line, box) for line in drawn):
            return True
    _move(label, *spots[0])
    return False


def _move(label: Annotation, x: float, dx: float, dy: float, ha: str, va: str) -> None:
    label.xy = (x, label.xy[1])
    label.set_position((dx, dy))
    label.set_ha(ha)
    label.set_va(va)


def place_legend(fig: Figure, legend: Legend, locs: Sequence[str], avoid: Iterable[Text] = ()) -> bool:
    """Put ``legend`` at the first of ``locs`` where no line of its axes crosses it and it covers no text of
    ``avoid``; True when one was free, else the first is kept."""
    renderer = fig.canvas.get_renderer()
    boxes = [_box(t, renderer) for t in avoid if t.get_visible()]
    drawn = [line for line in lines(fig) if line.axes is legend.axes]
    for loc in locs:
        legend.set_loc(loc)
        box = legend.get_window_extent(renderer)
        if not any(_overlap(box, other) for other in boxes) and not any(_crosses(line, box) for line in drawn):
            return True
    legend.set_loc(locs[0])
    return False
