"""Execute the brief notebook for one region through papermill and export it."""

from __future__ import annotations

import json
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
import papermill as pm

from uhc_lib.config import BRIEF_NOTEBOOK
from uhc_lib.reports.export import notebook_to_html, write_atomic
from uhc_lib.reports.engines import execute


@dataclass
class BriefResult:
    """Outcome of one brief: where its files are, its summary figures, or the error that stopped it."""

    region_code: str
    period: str | None
    ok: bool
    html: str | None = None
    notebook: str | None = None
    seconds: float = 0.0
    error: str | None = None
    summary: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def brief_stem(region_code: str, period: str | None, lang: str) -> str:
    """File name stem of a brief inside its period/language folder: ``17.07``."""
    return str(region_code)


def read_summary(nb: nbformat.NotebookNode) -> dict:
    """The JSON summary the brief notebook displays in its cell tagged ``summary``."""
    for cell in nb.cells:
        if "summary" in cell.get("metadata", {}).get("tags", []):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "application/json" in data:
                    value = data["application/json"]
                    return value if isinstance(value, dict) else json.loads(value)
    return {}


def run_brief(region_code: str, out_dir: str | Path, period: str | None = None, lang: str = "id",
              criteria_year: int | None = None, data_path: str | Path | None = None,
              notebook: str | Path = BRIEF_NOTEBOOK, kernel_name: str = "python3",
              timeout: int = 600, engine: str = "warm") -> BriefResult:
    """Run the brief for ``region_code`` into ``out_dir`` (HTML there, executed notebook in ``notebooks/``).

    Never raises for a failing region: the result says what went wrong, and the failed executed notebook is kept
    (``<stem>.failed.ipynb``) for inspection.
    """
    out_dir = Path(out_dir)
    stem = brief_stem(region_code, period, lang)
    nb_dir = out_dir / "notebooks"
    nb_dir.mkdir(parents=True, exist_ok=True)
    executed = nb_dir / f".{stem}.running.ipynb"
    params = {"region_code": str(region_code), "period": period, "criteria_year": criteria_year, "lang": lang,
              "data_path": None if data_path is None else str(Path(data_path).resolve())}
    start = time.perf_counter()
    try:
        execute(notebook, executed, params, engine=engine, kernel_name=kernel_name, timeout=timeout)
        nb = nbformat.read(executed, as_version=4)
        summary = read_summary(nb)
        html = out_dir / f"{stem}.html"
        title = f"{summary.get('region_name', region_code)} {summary.get('period', period or '')}".strip()
        write_atomic(html, notebook_to_html(nb, title=title, lang=lang))
        final_nb = nb_dir / f"{stem}.ipynb"
        executed.replace(final_nb)
        (nb_dir / f"{stem}.failed.ipynb").unlink(missing_ok=True)
        return BriefResult(region_code, summary.get("period", period), True, str(html), str(final_nb),
                           time.perf_counter() - start, summary=summary)
    except Exception as exc:  # noqa: BLE001 - a failing region must not stop a batch
        failed = nb_dir / f"{stem}.failed.ipynb"
        if executed.exists():
            executed.replace(failed)
        message = _short_error(exc)
        return BriefResult(region_code, period, False, None, str(failed) if failed.exists() else None,
                           time.perf_counter() - start, error=message)


def _short_error(exc: Exception) -> str:
    if isinstance(exc, pm.PapermillExecutionError):
        return f"{exc.ename}: {exc.evalue}"
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()
