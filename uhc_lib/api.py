"""The Python front door: what notebooks, the CLI and tests call."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from uhc_lib.analysis.brief import BriefFigures, brief_figures, summary
from uhc_lib.analysis.changes import MonthChanges, month_changes
from uhc_lib.analysis.outlook import Outlook, month_quadrants, outlook
from uhc_lib.analysis.peers import Quadrants
from uhc_lib.analysis.recap import Recap, recap, rules_used
from uhc_lib.inputs.importers import LAYOUTS, Imported, Recognition, import_file, save_panel
from uhc_lib.inputs.panel import read_panel
from uhc_lib.inputs.schema import PanelValidationError

_LAST: dict[tuple, pd.DataFrame] = {}


def load_panel(data_path: str | Path | None = None) -> pd.DataFrame:
    """The validated panel from ``data_path`` (CSV, Excel, Parquet) or the embedded illustrative data.

    The last panel read is kept in memory while its file is unchanged (same path, size and modification time), so a
    kernel that runs brief after brief reads it once. Callers get their own (copy-on-write) frame.
    """
    from uhc_lib.common.config import EMBEDDED_PANEL

    path = Path(data_path if data_path is not None else EMBEDDED_PANEL).resolve()
    try:
        stat = path.stat()
    except OSError:
        return read_panel(data_path)  # read_panel names the missing file
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _LAST:
        _LAST.clear()
        _LAST[key] = read_panel(data_path)
    return _LAST[key].copy(deep=False)


_ILLUSTRATIVE: dict[tuple, bool] = {}


def is_illustrative(data_path: str | Path | None) -> bool:
    """Whether figures come from the embedded generated panel (reports must say so), judged from the data's content
    (:mod:`uhc_lib.inputs.provenance`): a copy of the illustrative panel under any name keeps its label."""
    from uhc_lib.common.config import EMBEDDED_PANEL
    from uhc_lib.inputs.provenance import is_illustrative_panel

    if data_path is None or Path(data_path).resolve() == EMBEDDED_PANEL.resolve():
        return True
    path = Path(data_path).resolve()
    try:
        stat = path.stat()
    except OSError:
        return False
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _ILLUSTRATIVE:
        _ILLUSTRATIVE.clear()
        _ILLUSTRATIVE[key] = is_illustrative_panel(load_panel(data_path))
    return _ILLUSTRATIVE[key]


def figures_for(
    region_code: str, period: str | None = None, criteria_year: int | None = None, data_path: str | Path | None = None
) -> BriefFigures:
    """All figures of one brief, reading (and validating) the data."""
    panel = load_panel(data_path)
    return brief_figures(panel, region_code, period, criteria_year, illustrative=is_illustrative(data_path))


_QUADRANTS: dict[tuple, Quadrants] = {}


def outlook_for(fig: BriefFigures, data_path: str | Path | None = None, lang: str = "id") -> Outlook:
    """Peers, budget and scenarios of a brief (``fig`` from :func:`figures_for` on the same data).

    The month's ranks and quadrants are the same for every region: they are kept while the data file is unchanged.
    """
    panel = load_panel(data_path)
    key = (*_LAST, fig.period, fig.criteria_year)
    if key not in _QUADRANTS:
        _QUADRANTS.clear()
        _QUADRANTS[key] = month_quadrants(fig, panel)
    return outlook(fig, panel, lang, q=_QUADRANTS[key])


def recap_for(
    codes: list[str],
    period: str,
    criteria_year: int | None = None,
    data_path: str | Path | None = None,
    lang: str = "id",
) -> Recap:
    """The month's recap of ``codes`` (:mod:`uhc_lib.analysis.recap`): the figures of their briefs as tables."""
    return recap(load_panel(data_path), codes, period, criteria_year, lang, illustrative=is_illustrative(data_path))


def changes_for(
    codes: list[str], period: str, criteria_year: int | None = None, data_path: str | Path | None = None
) -> MonthChanges:
    """What changed in ``period`` for ``codes`` (:mod:`uhc_lib.analysis.changes`)."""
    return month_changes(load_panel(data_path), codes, period, criteria_year)


def import_panel(
    path: str | Path,
    layout: str | None = None,
    sheet: str | None = None,
    allow_missing_segments: bool = False,
    cakupan: str | None = None,
) -> Imported:
    """A user's file (long panel, BPJS segment recap, Open Data yearly CSV) read into the validated panel, with what
    was recognised; :class:`PanelValidationError` (with ``.recognition`` when the layout was found) otherwise."""
    return import_file(path, layout, sheet, allow_missing_segments, cakupan)


__all__ = [
    "LAYOUTS",
    "Imported",
    "Recognition",
    "import_panel",
    "save_panel",
    "load_panel",
    "read_panel",
    "PanelValidationError",
    "figures_for",
    "recap_for",
    "changes_for",
    "rules_used",
    "Recap",
    "MonthChanges",
    "outlook_for",
    "is_illustrative",
    "brief_figures",
    "summary",
    "BriefFigures",
    "Outlook",
]


def region_names() -> dict[str, str]:
    """Kemendagri kab/kota code -> official name, for every one of the 514 (reference data, not the panel)."""
    from uhc_lib.inputs import reference

    return dict(zip(reference.regions()["region_code"], reference.regions()["region_name"], strict=True))


def province_names() -> dict[str, str]:
    """Kemendagri province code -> name (the 38 provinces)."""
    from uhc_lib.inputs import reference

    p = reference.provinces()
    return dict(zip(p["province_code"], p["province_name"], strict=True))


def criteria_years() -> list[int]:
    """The years that have UHC criteria rows in ``data/rules/uhc_criteria.csv`` (a later year keeps the latest)."""
    from uhc_lib.rules import criteria

    return sorted(int(y) for y in criteria.criteria_table()["criteria_year"].unique())


def display_region_name(name: str, lang: str = "id") -> str:
    """``Kabupaten Lebong`` (id) / ``Lebong Regency`` (en), see :func:`uhc_lib.render.text.names.region_name`."""
    from uhc_lib.render.text.names import region_name

    return region_name(name, lang)


def region_map_svg(items: dict, default, label: str, names: dict[str, str] | None = None) -> str:
    """The inline SVG map of the 514 kab/kota for an HTML page (:func:`uhc_lib.render.charts.svg_map.svg`):
    ``items`` maps a region code to a :class:`~uhc_lib.render.charts.svg_map.MapItem`, ``default`` draws the
    others, titled with their name from ``names`` (default: the official names of the reference data)."""
    from uhc_lib.render.charts import svg_map

    return svg_map.svg(items, default, label, names=names or region_names())


def map_item(css_class: str, title: str, href: str | None = None):
    """One region of :func:`region_map_svg` (its colour class, hover title, link)."""
    from uhc_lib.render.charts.svg_map import MapItem

    return MapItem(css_class, title, href)


def province_boxes() -> dict[str, tuple[int, int, int, int]]:
    """Province code -> ``(x, y, width, height)`` of its kab/kota on :func:`region_map_svg` (for zooming)."""
    from uhc_lib.render.charts import svg_map

    return dict(svg_map.shapes().boxes)


def map_attribution(lang: str = "id") -> str:
    """The boundaries' source note, shown under every map."""
    from uhc_lib.render.charts import svg_map

    return svg_map.ATTRIBUTION[lang]
