"""Paths the project owns: package data, rules, the embedded panel, notebooks and reports."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
RULES_DIR = DATA_DIR / "rules"
EMBEDDED_PANEL = DATA_DIR / "illustrative" / "jkn_panel_illustrative.csv"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
BRIEF_NOTEBOOK = NOTEBOOKS_DIR / "regency_brief.ipynb"
REPORTS_DIR = Path(os.environ.get("UHC_REPORTS_DIR", PROJECT_ROOT / "reports"))
CACHE_DIR = Path(
    os.environ.get("UHC_CACHE_DIR", Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "uhc_monitor")
)
