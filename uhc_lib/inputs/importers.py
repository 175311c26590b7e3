"""Files people hold, recognised and mapped onto the one validated panel.

Three layouts (see ``README.md``, *Your own data*):

- ``long``: the panel schema itself (``uhc_lib.inputs.schema``), one row per region, month (and segment);
- ``recap``: a BPJS segment recap, one row per kab/kota (and month), a column per segment (``uhc_lib.inputs.recap``);
- ``opendata``: an Open Data / Satu Data yearly CSV, one row per kab/kota, segment and year
  (``uhc_lib.inputs.opendata``).

The layout is found from the header (the first row, below any title rows, that names enough known columns), or
given (``layout=``). Every file goes through the same reading of cells (:mod:`uhc_lib.inputs.dialects`) and the
same validation (:func:`uhc_lib.inputs.panel.validate_panel`); what was recognised is returned beside the panel
(:class:`Recognition`) so a user sees it before anything is computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from uhc_lib.common.problems import Problem
from uhc_lib.inputs import opendata, recap
from uhc_lib.inputs.dialects import RawTable, read_table
from uhc_lib.inputs.panel import _canonical_columns, validate_panel
from uhc_lib.inputs.schema import REQUIRED_COLUMNS, PanelValidationError
from uhc_lib.inputs.tables import (
    find_header,
    first_filled_row,
    frame_below,
    is_total_label,
    refuse_extra_cells,
    title_rows,
)

LAYOUTS = ("long", "recap", "opendata")


@dataclass
class Recognition:
    """What was read from a file: its layout, dialect, header, the columns and how each was read, and notes."""

    file: str
    layout: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    title_rows: list[tuple[int, str]] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    """The file's column -> what it was read as (``population``, ``registered pbi_apbn``, ``ignored: ...``)."""
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What a brief made from this data must say (segments allowed to be missing)."""
    annual: bool = False
    periods: list[str] = field(default_factory=list)
    regions: int = 0
    rows: int = 0


@dataclass
class Imported:
    panel: pd.DataFrame
    recognition: Recognition


def _long_score(cells: list[str]) -> int:
    found = _canonical_columns(cells)
    return sum(c in found for c in REQUIRED_COLUMNS)


SCORERS = {"long": (_long_score, 3), "recap": (recap.score_header, 3), "opendata": (opendata.score_header, 3)}


def detect(table: RawTable) -> tuple[str, int | None]:
    """(layout, grid position of its header) of a table; ``long`` with its first filled row when none fits."""
    best = ("long", None, 0)
    for layout, (score, minimum) in SCORERS.items():
        header = find_header(table, score, minimum)
        if header is None:
            continue
        s = score([c for c in table.cells.iloc[header].tolist() if str(c).strip()])
        if s >= minimum and (s > best[2] or best[1] is None or (s == best[2] and header < best[1])):
            best = (layout, header, s)
    if best[1] is None or best[2] < SCORERS[best[0]][1]:
        return "long", first_filled_row(table)
    return best[0], best[1]


def import_table(
    table: RawTable, layout: str | None = None, allow_missing_segments: bool = False, cakupan: str | None = None
) -> Imported:
    """The validated panel of a table read by :func:`read_table`, and what was recognised."""
    if layout is not None and layout not in LAYOUTS:
        raise ValueError(f"--layout must be one of {', '.join(LAYOUTS)}; got {layout!r}")
    if layout is None:
        layout, header = detect(table)
    else:
        score, minimum = SCORERS[layout]
        header = find_header(table, score, minimum)
        if header is None:
            header = first_filled_row(table)
    allow = allow_missing_segments or bool(table.attrs.get("allow_missing_segments"))
    rec = Recognition(
        table.file,
        layout,
        table.encoding,
        table.delimiter,
        table.sheet,
        None if header is None else int(table.rows[header]),
    )
    rec.notes.extend(table.notes)
    if header is None:  # an empty file: report its missing columns like any other
        panel = validate_panel(pd.DataFrame(), table.file)
        return Imported(panel, rec)
    rec.title_rows = title_rows(table, header)
    try:
        if layout == "long":
            panel = _import_long(table, header, rec, allow)
        elif layout == "recap":
            panel = recap.import_recap(table, header, rec, allow)
        else:
            panel = opendata.import_opendata(table, header, rec, allow, cakupan)
    except PanelValidationError as err:
        err.recognition = rec  # what was recognised before the problems, for the user
        raise
    gaps = panel.attrs.get("missing_segments", [])
    if gaps:
        rec.warnings.append(
            f"{len(gaps)} region-month(s) lack segments their other months have (accepted with "
            f"--allow-missing-segments): " + "; ".join(gaps[:5]) + (" ..." if len(gaps) > 5 else "")
        )
    if rec.annual:
        panel.attrs["annual"] = True
    if allow:
        panel.attrs["allow_missing_segments"] = True
    panel.attrs["layout"] = layout
    rec.periods = sorted({str(p) for p in panel["period"].unique()})
    rec.regions = int(panel["region_code"].nunique())
    rec.rows = len(panel)
    return Imported(panel, rec)


def import_file(
    path: str | Path,
    layout: str | None = None,
    sheet: str | None = None,
    allow_missing_segments: bool = False,
    cakupan: str | None = None,
) -> Imported:
    """Read ``path`` (CSV, Excel, Parquet) in any known layout into the validated panel; see :func:`import_table`."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"data file not found: {path}")
    return import_table(read_table(path, sheet), layout, allow_missing_segments, cakupan)


def _import_long(table: RawTable, header: int, rec: Recognition, allow: bool) -> pd.DataFrame:
    names = [str(c).strip() for c in table.cells.iloc[header].tolist()]
    refuse_extra_cells(table, header, names)
    while names and not names[-1]:
        names.pop()
    names += [""] * (table.cells.shape[1] - len(names))
    body = frame_below(table, header, names)
    found = _canonical_columns([n for n in names if n])
    for canonical, col in found.items():
        rec.columns[col] = canonical
    code_col = found.get("region_code")
    if code_col is not None and len(body):
        totals = body.index[body[code_col].map(is_total_label)]
        body = _drop_long_totals(table, body, totals, found, rec)
    numeric = None
    if table.numeric is not None and code_col is not None:
        position = names.index(code_col)
        mask = table.numeric.iloc[header + 1 :, position]
        mask.index = table.rows[header + 1 :]
        numeric = mask.loc[body.index]
    panel = validate_panel(body, table.file, 0, numeric, allow_missing_segments=allow)
    checked = panel.attrs.pop("checked_totals", [])
    if checked:
        shown = ", ".join(map(str, checked[:6])) + (" ..." if len(checked) > 6 else "")
        rec.notes.append(f"{len(checked)} total row(s) beside segment rows (rows {shown}): checked, left out")
    attrs = dict(panel.attrs)
    panel.attrs = {**{k: v for k, v in table.attrs.items() if k in ("annual",)}, **attrs}
    rec.annual = bool(panel.attrs.get("annual"))
    return panel


def _drop_long_totals(table: RawTable, body: pd.DataFrame, totals, found: dict, rec: Recognition) -> pd.DataFrame:
    from uhc_lib.inputs.numbers import parse_numbers
    from uhc_lib.inputs.tables import check_totals_row

    problems: list[Problem] = []
    data = body.drop(index=totals)
    for row in totals:
        stated, sums = {}, {}
        for c in ("registered", "active"):
            if c in found:
                col = found[c]
                values, _ = parse_numbers(body.loc[[row], col], col, lambda *a: None, int)
                stated[c] = values.iloc[0]
                above, _ = parse_numbers(data.loc[data.index < row, col], col, lambda *a: None, int)
                sums[c] = above.sum()
        problem = check_totals_row(table.file, int(row), str(body.at[row, found["region_code"]]), stated, sums)
        if problem:
            problems.append(problem)
        else:
            rec.notes.append(
                f"row {row} ({body.at[row, found['region_code']]!r}) is a totals row: checked and left out"
            )
    if problems:
        raise PanelValidationError(problems)
    return data


def save_panel(panel: pd.DataFrame, target: str | Path) -> Path:
    """Write a validated panel as Parquet (period as ``YYYY-MM`` text, the reader's notes in its metadata),
    under a temporary name first, so an interrupted write leaves no half file."""
    import os

    target = Path(target)
    if target.suffix.lower() not in (".parquet", ".pq"):
        raise ValueError(f"--to {target}: write the panel as .parquet")
    out = panel.assign(period=panel["period"].astype(str))
    out.attrs = {k: v for k, v in panel.attrs.items() if k in ("annual", "allow_missing_segments", "layout")}
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        out.to_parquet(tmp, index=False)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
