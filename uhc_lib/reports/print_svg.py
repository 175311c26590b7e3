"""A chart's SVG made lean for WeasyPrint: the same drawing with fewer nodes and no CSS to parse.

Matplotlib writes every mark with a ``style="..."`` attribute, wraps marks in ``<g id=...>`` groups, puts tick marks
and markers behind ``<defs>``/``<use>``, adds RDF metadata and a ``*{...}`` stylesheet. WeasyPrint parses each style
attribute with tinycss2, matches the stylesheet against every node and saves/restores the graphics state for every
node, so the same picture drawn from a flatter tree with plain presentation attributes costs much less to print.
Every ``<text>`` and drawn shape is kept with its computed style; the browser brief keeps matplotlib's SVG.
"""

from __future__ import annotations

from functools import lru_cache
from xml.etree import ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_INHERITED = {"stroke", "stroke-linecap", "stroke-linejoin", "stroke-width", "fill", "font-family", "font-size"}
_TEXT_TAGS = {f"{SVG}text", f"{SVG}tspan", f"{SVG}textPath", f"{SVG}a"}


class NotLean(ValueError):
    """The SVG uses something this folding does not reproduce exactly (it is then printed as it is)."""


@lru_cache(maxsize=512)
def _declarations(style: str) -> tuple[tuple[str, str], ...]:
    """``"fill: #fff; stroke: none"`` as ``(("fill", "#fff"), ("stroke", "none"))`` (matplotlib's simple form)."""
    if any(mark in style for mark in ("!", "/*", "\\", '"')) or style.count("'") % 2:
        raise NotLean(style)
    pairs = []
    for item in style.split(";"):
        if not item.strip():
            continue
        name, colon, value = item.partition(":")
        if not colon or not name.strip() or not value.strip():
            raise NotLean(style)
        pairs.append((name.strip().lower(), value.strip()))
    return tuple(pairs)


def _stylesheet(root: ET.Element) -> tuple[tuple[str, str], ...]:
    """The declarations of matplotlib's ``*{...}`` rule (each ``<style>`` removed); other rules are not folded."""
    star: list[tuple[str, str]] = []
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == f"{SVG}style":
                text = (child.text or "").strip()
                if not (text.startswith("*{") and text.endswith("}") and text.count("{") == 1):
                    raise NotLean(text)
                star.extend(_declarations(text[2:-1]))
                parent.remove(child)
    return tuple(star)


def _inline_uses(root: ET.Element) -> None:
    """``<use href="#m" x= y=>`` of a defined path as that path translated to (x, y), inheriting the use's style."""
    defined = {el.get("id"): el for defs in root.iter(f"{SVG}defs") for el in defs.iter(f"{SVG}path") if el.get("id")}
    for parent in list(root.iter()):
        for index, use in enumerate(list(parent)):
            if use.tag != f"{SVG}use" or len(use) or set(use.attrib) - {XLINK_HREF, "href", "x", "y", "style"}:
                continue
            inherited = _declarations(use.get("style", ""))  # what the path inherits from the use
            if any(not name.startswith(("fill", "stroke")) for name, _ in inherited):
                continue
            target = defined.get((use.get(XLINK_HREF) or use.get("href") or "")[1:])
            if target is None or target.get("transform") or len(target):
                continue
            attrib = dict(inherited)
            attrib.update({k: v for k, v in target.attrib.items() if k not in ("id", "style")})
            attrib.update(dict(_declarations(target.get("style", ""))))
            attrib["transform"] = f"translate({use.get('x', '0')} {use.get('y', '0')})"
            path = ET.Element(f"{SVG}path", attrib)
            path.tail = use.tail
            parent[index] = path


def _flatten(element: ET.Element, referenced: set[str]) -> None:
    """Lift the children of attribute-less ``<g>`` groups into their parent; drop metadata, unreferenced ids,
    definitions nothing refers to any more, empty ``<defs>`` and the whitespace between shapes."""
    children: list[ET.Element] = []
    for child in element:
        if child.get("id") not in referenced:
            child.attrib.pop("id", None)
        if child.tag == f"{SVG}metadata" or (element.tag == f"{SVG}defs" and "id" not in child.attrib):
            continue
        if child.tag not in _TEXT_TAGS:
            _flatten(child, referenced)
        if child.tag == f"{SVG}g" and not child.attrib:
            children.extend(child)
        elif child.tag != f"{SVG}defs" or len(child):
            children.append(child)
    if element.tag not in _TEXT_TAGS:
        element.text = None
        for child in children:
            child.tail = None
    element[:] = children


def _fold_styles(element: ET.Element, star: tuple[tuple[str, str], ...], inherited: dict[str, str]) -> None:
    """Each ``style`` attribute as presentation attributes, and the ``*`` rule's declarations where the element's
    own style does not set them (CSS precedence: style attribute, then the rule, then attributes); a rule value is
    written only where the parent's would not be inherited the same."""
    own = dict(_declarations(element.attrib.pop("style", "")))
    for name, value in star:
        if name not in own and (name not in _INHERITED or inherited.get(name) != value):
            element.set(name, value)
    element.attrib.update(own)
    final = {**inherited, **element.attrib}
    for child in element:
        _fold_styles(child, star, final)


def _referenced_ids(root: ET.Element) -> set[str]:
    ids = set()
    for element in root.iter():
        for key, value in element.attrib.items():
            if key in (XLINK_HREF, "href") and value.startswith("#"):
                ids.add(value[1:])
            elif "url(#" in value:
                ids.update(part.split(")", 1)[0] for part in value.split("url(#")[1:])
    return ids


def lean_svg(svg: str) -> str:
    """The chart drawn the same with a lean tree; the SVG unchanged if it uses anything not folded exactly."""
    try:
        root = ET.fromstring(svg.encode("utf-8"))
        if root.tag != f"{SVG}svg":
            return svg
        star = _stylesheet(root)
        _inline_uses(root)
        _flatten(root, _referenced_ids(root))
        _fold_styles(root, star, {})
    except (ET.ParseError, NotLean):
        return svg
    for element in root.iter():  # written back with SVG as the default namespace (ElementTree would write ns0:)
        if element.tag.startswith(SVG):
            element.tag = element.tag[len(SVG) :]
    root.set("xmlns", SVG[1:-1])
    return ET.tostring(root, encoding="unicode")
