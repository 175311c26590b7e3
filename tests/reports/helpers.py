"""Brief notebooks with an extra cell (to make one region fail, or its kernel die) for the report-layer tests."""

import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest

BRIEF_PAGE = re.compile(r"\d{2}\.\d{2}\.html")

FAILING = "11.01"  # fails in the notebooks made by failing_notebook (every region code must be in the data)


def brief_pages(folder: Path) -> list[Path]:
    """The brief pages of a month folder (``17.07.html``), not its index or changes page."""
    return sorted(p for p in Path(folder).glob("*.html") if BRIEF_PAGE.fullmatch(p.name))


def brief_notebook_with(folder: Path, source: str, name: str = "brief.ipynb") -> Path:
    """A copy of the brief notebook with ``source`` run right after the parameters cell."""
    from uhc_lib.common.config import BRIEF_NOTEBOOK

    nb = nbformat.read(BRIEF_NOTEBOOK, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell(source))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


def failing_notebook(folder: Path, code: str = FAILING) -> Path:
    """The brief notebook, failing (a cell error) for region ``code``."""
    return brief_notebook_with(
        folder, f'if region_code == "{code}":\n    raise RuntimeError("deliberate failure for the test")'
    )


def brief_folder(root: Path, summaries: dict[str, dict], failed: tuple[str, ...] = (), basis: str = "b") -> Path:
    """A month and language folder as a batch leaves it, without running a kernel: for each code a brief page
    (``<h1>`` its name), its notebook and record (``summaries``: the fields a brief's summary has), and a
    ``.failed.ipynb`` with its record for each code of ``failed``."""
    import json

    nb_dir = root / "notebooks"
    nb_dir.mkdir(parents=True, exist_ok=True)
    for code, summary in summaries.items():
        full = {"region_code": code, "period": "2024-07", "criteria_year": 2024, **summary}
        (root / f"{code}.html").write_text(
            f"<!DOCTYPE html><html><head><title>{full['region_name']}</title></head>"
            f"<body><h1>{full['region_name']}</h1></body></html>",
            encoding="utf-8",
        )
        nbformat.write(nbformat.v4.new_notebook(), nb_dir / f"{code}.ipynb")
        record = {"region_code": code, "period": "2024-07", "basis": basis, "summary": full}
        (nb_dir / f"{code}.brief.json").write_text(json.dumps(record), encoding="utf-8")
    for code in failed:
        nbformat.write(nbformat.v4.new_notebook(), nb_dir / f"{code}.failed.ipynb")
        (nb_dir / f"{code}.failed.json").write_text(
            json.dumps({"period": "2024-07", "error": "RuntimeError: deliberate", "basis": basis}), encoding="utf-8"
        )
    return root


def summary(name: str, province: str, coverage: float, activity: float, tone: str) -> dict:
    """The summary fields the index reads, with the 2024 statuses of ``tone`` (best, lower, none)."""
    labels = {
        "best": ("UHC non cut-off (cakupan 95 persen dan keaktifan 75 persen)", "UHC non cut-off (coverage 95 ...)"),
        "lower": ("UHC (cakupan kepesertaan minimal 95 persen)", "UHC (coverage at least 95 percent)"),
        "none": ("Belum UHC", "Not UHC"),
    }[tone]
    return {
        "region_name": name,
        "province_name": province,
        "coverage_pct": coverage,
        "activity_pct": activity,
        "status": tone,
        "status_label_id": labels[0],
        "status_label_en": labels[1],
        "status_tone": tone,
        "met_headline": tone == "best",
    }


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_or_skip() -> str:
    """Debian's Chromium, or the calling test module skipped (a failure when UHC_REQUIRE_BROWSER is set, as in CI)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("UHC_REQUIRE_BROWSER"):
            raise RuntimeError("UHC_REQUIRE_BROWSER is set but no chromium is installed (apt-get install chromium)")
        pytest.skip("no chromium on this machine (CI installs it)", allow_module_level=True)
    return found
