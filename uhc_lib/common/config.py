"""Paths the project owns: the rules, reference data and embedded panel, the notebooks, reports and the cache.

In a source checkout (and an editable install) they are the checkout's ``data/`` and ``notebooks/``. A built wheel
carries the same folders inside the package, under ``uhc_lib/_shipped/`` (see ``pyproject.toml``), so a
non-editable install runs ``uhc brief`` and ``uhc batch`` from anywhere; its reports go to ``./reports``.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
_SHIPPED = PACKAGE_DIR / "_shipped"
INSTALLED = _SHIPPED.is_dir()
PROJECT_ROOT = _SHIPPED if INSTALLED else PACKAGE_DIR.parent
"""Where ``data/`` and ``notebooks/`` are: the checkout, or the wheel's copy of them."""

DATA_DIR = PROJECT_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
RULES_DIR = DATA_DIR / "rules"
EMBEDDED_PANEL = DATA_DIR / "illustrative" / "jkn_panel_illustrative.csv"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
BRIEF_NOTEBOOK = NOTEBOOKS_DIR / "regency_brief.ipynb"
REPORTS_DIR = Path(os.environ.get("UHC_REPORTS_DIR", Path.cwd() / "reports" if INSTALLED else PROJECT_ROOT / "reports"))
CACHE_DIR = Path(
    os.environ.get("UHC_CACHE_DIR", Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "uhc_monitor")
)
