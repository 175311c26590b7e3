"""Lesson 1's helpers: the course's files, the problems a broken file has, and what each problem means in plain words.

The explanations and the column glossary are data (``course.toml``).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path

import pandas as pd

from uhc_lib.common.config import NOTEBOOKS_DIR
from uhc_lib.common.lang import check_lang
from uhc_lib.inputs.panel import read_panel
from uhc_lib.inputs.schema import COLUMN_ALIASES, REQUIRED_COLUMNS, PanelValidationError

COURSE_DIR = NOTEBOOKS_DIR / "training"
COURSE_DATA_DIR = COURSE_DIR / "data"


@cache
def _course() -> dict:
    return tomllib.loads(files("uhc_lib.training").joinpath("course.toml").read_text(encoding="utf-8"))


def course_file(name: str | Path) -> Path:
    """A file of the course: ``name`` itself if it exists, else that name in ``notebooks/training/data/``."""
    path = Path(name)
    return path if path.exists() else COURSE_DATA_DIR / path


def validation_error(path: str | Path) -> PanelValidationError | None:
    """The validation error reading ``path`` raises, or None if the file is valid (nothing is cached)."""
    try:
        read_panel(path, cache=False)
    except PanelValidationError as err:
        return err
    return None


_PROBLEM_COLUMNS = {
    "id": ["baris", "kolom", "pesan", "penjelasan"],
    "en": ["row", "column", "message", "explanation"],
}


def explain(message: str, lang: str = "id") -> str:
    """A plain-language explanation of a validation message (empty if none is known)."""
    check_lang(lang)
    for record in _course()["explanation"]:
        if record["match"] in message:
            return record[lang]
    return ""


def problems_table(error: PanelValidationError | None, lang: str = "id") -> pd.DataFrame:
    """The problems of a validation error as a table: row (as a spreadsheet shows it), column, message, explanation."""
    names = _PROBLEM_COLUMNS[check_lang(lang)]
    problems = [] if error is None else error.problems
    rows = [(p.row, p.column, p.message, explain(p.message, lang)) for p in problems]
    table = pd.DataFrame(rows, columns=names)
    table[names[0]] = table[names[0]].astype("Int64")
    table.index = pd.RangeIndex(1, len(table) + 1)
    return table


def column_glossary(lang: str = "id") -> pd.DataFrame:
    """Standard column names, the other names a file may use, and what each means."""
    check_lang(lang)
    meanings = {r["name"]: r for r in _course()["column"]}
    rows = []
    for col in [*REQUIRED_COLUMNS[:2], "segment", *REQUIRED_COLUMNS[2:]]:
        aliases = ", ".join(a for a, c in COLUMN_ALIASES.items() if c == col)
        rows.append((col, aliases, meanings[col][lang]))
    names = ["kolom standar", "nama lain yang diterima", "arti"] if lang == "id" else ["column", "also", "meaning"]
    return pd.DataFrame(rows, columns=names)
