"""A user's file read with the options of ``uhc import`` (``--layout``, ``--sheet``, ``--allow-missing-segments``,
``--cakupan``) for ``uhc brief`` and ``uhc batch``: validated once, before any kernel starts, and kept as the
validated panel in Parquet (in the cache, named by the file's content and the options), which the briefs then read.
The same as ``uhc import FILE ... --to panel.parquet`` followed by ``--data panel.parquet``, in one step.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from uhc_lib import api
from uhc_lib.common.config import CACHE_DIR
from uhc_lib.reports.guard import check_data_path


def imported_data(
    path: str | Path,
    layout: str | None = None,
    sheet: str | None = None,
    allow_missing_segments: bool = False,
    cakupan: str | None = None,
) -> Path:
    """The validated panel of ``path`` read with these options, as a Parquet file (made once per content and
    options; :class:`~uhc_lib.api.PanelValidationError` for a file with problems, nothing written then)."""
    source = check_data_path(path)
    options = repr((layout, sheet, bool(allow_missing_segments), cakupan)).encode()
    digest = hashlib.sha256(source.read_bytes() + options).hexdigest()[:16]
    target = CACHE_DIR / "imported" / f"{source.stem}-{digest}.parquet"
    if not target.exists():
        imported = api.import_panel(source, layout, sheet, allow_missing_segments, cakupan)
        target.parent.mkdir(parents=True, exist_ok=True)
        api.save_panel(imported.panel, target)  # written under a temporary name, then renamed
    return target
