"""WeasyPrint's SVG ``<text>`` drawn as one run when it is a plain label (one x, one y, no per-letter placement).

WeasyPrint 70 lays out and draws every letter of an SVG text separately (for per-letter x/dx/rotate lists), two
Pango layouts a letter: about half the cost of printing the brief's charts. A chart label from matplotlib has one
position and one string, so it is laid out once and drawn as a single text run (the letters then keep Pango's own
advances and kerning, as in the HTML text). Any other text goes to WeasyPrint's own drawer. Installed only for the
WeasyPrint major version it was written against.
"""

from __future__ import annotations

from math import inf

_PER_LETTER = ("dx", "dy", "rotate", "letter-spacing", "textLength", "display-anchor", "dominant-baseline",
               "alignment-baseline")  # fmt: skip
_VERSION = "70."
_TAGS = ("text", "textPath", "tspan")


def _plain(node) -> bool:
    """A text with one x, one y, a string and nothing placed per letter."""
    x, y = node.attrib.get("x", ""), node.attrib.get("y", "")
    return (
        node.tag == "text"
        and bool(node.text)
        and len(node._etree_node) == 0
        and len(x.split()) == 1
        and len(y.split()) == 1
        and "," not in x + y
        and not any(name in node.attrib for name in _PER_LETTER)
        and node.get("direction") not in ("ltr", "rtl")
    )


def install() -> bool:
    """Route WeasyPrint's SVG text drawing through the one-run drawer; False (nothing changed) on another version."""
    import importlib

    import weasyprint
    from weasyprint import svg
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.matrix import Matrix
    from weasyprint.svg.bounding_box import extend_bounding_box
    from weasyprint.svg.utils import size
    from weasyprint.text.line_break import split_first_line

    svg_text = importlib.import_module("weasyprint.svg.text")  # the module (weasyprint.svg.text is its function)
    original = svg_text.text
    if getattr(svg.text, "one_run", False):
        return True
    if not weasyprint.__version__.startswith(_VERSION) or any(svg.TAGS.get(t) is not original for t in _TAGS):
        return False

    def text(drawing, node, font_size):
        """``svg.text.text`` for a plain label, without the per-letter loop; other texts to the original."""
        if not _plain(node):
            return original(drawing, node, font_size)
        from weasyprint.css.properties import INITIAL_VALUES

        style = svg_text.Style()
        style.update(INITIAL_VALUES)
        style.font_config = drawing.font_config
        style["font_family"] = [font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")]
        style["font_style"] = node.get("font-style", "normal")
        weight = node.get("font-weight", 400)
        weight = {"normal": 400, "bold": 700}.get(weight, weight)
        try:
            style["font_weight"] = int(weight)
        except ValueError:
            style["font_weight"] = 400
        style["font_size"] = font_size
        layout, _, _, width, height, baseline = split_first_line(node.text, style, drawing.context, inf, 0)
        x = size(node.attrib["x"], font_size, drawing.inner_width)
        y = size(node.attrib["y"], font_size, drawing.inner_height)
        if x:
            drawing.cursor_d_position[0] = 0
        if y:
            drawing.cursor_d_position[1] = 0
        drawing.cursor_position = x + width, y
        x_position, y_position = x + drawing.cursor_d_position[0], y + drawing.cursor_d_position[1]
        points = ((x_position, y_position - baseline), (x_position + width, y_position - baseline + height))
        node.text_bounding_box = extend_bounding_box(node.text_bounding_box, points)

        drawing.stream.push_state()
        fill, stroke = drawing.set_graphical_state(node, font_size)
        drawing.stream.begin_text()
        layout.reactivate(style)
        drawing.fill_stroke(fill, stroke, text=True)
        text_box = svg_text.TextBox(layout, style)
        text_box.baseline = baseline
        emojis = draw_first_line(drawing.stream, text_box, "none", "none", Matrix(d=-1, e=x_position, f=y_position))
        drawing.stream.end_text()
        drawing.stream.pop_state()
        draw_emojis(drawing.stream, style, x, y, emojis)

    text.one_run = True
    svg.text = text  # draw_node recognises text elements by ``TAGS[tag] == text``
    svg.TAGS.update(dict.fromkeys(_TAGS, text))
    return True
