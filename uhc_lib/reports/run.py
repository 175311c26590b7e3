"""Execute the brief notebook for one region through papermill and export it (HTML, optionally PDF).

Every output is written under a temporary name and renamed, so a killed run leaves no half-written brief. The
executed notebook records a fingerprint of what made it (data, parameters, notebook, code and rules); with
``resume=True`` a brief whose fingerprint and files are already there is not run again.
"""

from __future__ import annotations

import hashlib
import json
import time
import traceback
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import nbformat
import papermill as pm

from uhc_lib.api import is_illustrative
from uhc_lib.common.config import BRIEF_NOTEBOOK, EMBEDDED_PANEL, PACKAGE_DIR, REFERENCE_DIR, RULES_DIR
from uhc_lib.reports.engines import execute
from uhc_lib.reports.export import notebook_to_html, write_atomic

FORMATS = ("html", "pdf")


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
    pdf: str | None = None
    skipped: bool = False  # up to date (resume): not run again

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


@lru_cache(maxsize=8)
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _digest(path: Path) -> str:
    st = path.stat()
    return _file_digest(str(path.resolve()), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of everything in the project that shapes a brief: the package, its templates and the rules."""
    h = hashlib.sha256()
    parts = ((PACKAGE_DIR, ("**/*.py", "**/*.j2", "**/*.json", "**/*.toml")), (RULES_DIR, ("*.csv",)),
             (REFERENCE_DIR, ("*.csv",)))  # fmt: skip
    for base, patterns in parts:
        for pattern in patterns:
            for path in sorted(p for p in base.glob(pattern) if "_shipped" not in p.relative_to(base).parts):
                h.update(path.relative_to(base).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def fingerprint(params: dict, notebook: Path, data_path: Path | None) -> str:
    """What a brief depends on: parameters, the notebook, the data file's content and the code/rules."""
    parts = {
        "params": params,
        "notebook": _digest(notebook),
        "data": _digest(data_path or EMBEDDED_PANEL),
        "code": code_digest(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _up_to_date(final_nb: Path, outputs: dict[str, Path], stamp: str) -> dict | None:
    """The summary of an existing brief if it was made with the same fingerprint and all outputs exist."""
    if not final_nb.exists() or not all(p.exists() for p in outputs.values()):
        return None
    try:
        nb = nbformat.read(final_nb, as_version=4)
    except Exception:  # noqa: BLE001 - unreadable means: run again
        return None
    if nb.metadata.get("uhc_monitor", {}).get("fingerprint") != stamp:
        return None
    return read_summary(nb)


def run_brief(region_code: str, out_dir: str | Path, period: str | None = None, lang: str = "id",
              criteria_year: int | None = None, data_path: str | Path | None = None,
              notebook: str | Path = BRIEF_NOTEBOOK, kernel_name: str = "python3",
              timeout: int = 600, engine: str = "warm", formats: tuple[str, ...] = ("html",),
              resume: bool = False) -> BriefResult:
    """Run the brief for ``region_code`` into ``out_dir`` (HTML/PDF there, executed notebook in ``notebooks/``).

    Never raises for a failing region: the result says what went wrong, and the failed executed notebook is kept
    (``<stem>.failed.ipynb``) for inspection.
    """
    out_dir = Path(out_dir)
    notebook = Path(notebook)
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise ValueError(f"formats must be some of {FORMATS}, got {formats!r}")
    stem = brief_stem(region_code, period, lang)
    nb_dir = out_dir / "notebooks"
    nb_dir.mkdir(parents=True, exist_ok=True)
    executed = nb_dir / f".{stem}.running.ipynb"
    final_nb = nb_dir / f"{stem}.ipynb"
    outputs = {fmt: out_dir / f"{stem}.{fmt}" for fmt in formats}
    data = None if data_path is None else Path(data_path).resolve()
    params = {"region_code": str(region_code), "period": period, "criteria_year": criteria_year, "lang": lang,
              "data_path": None if data is None else str(data)}
    start = time.perf_counter()
    try:
        stamp = fingerprint(params, notebook, data)
        if resume and (summary := _up_to_date(final_nb, outputs, stamp)) is not None:
            return _result(region_code, period, summary, outputs, final_nb, start, skipped=True)
        execute(notebook, executed, params, engine=engine, kernel_name=kernel_name, timeout=timeout)
        nb = nbformat.read(executed, as_version=4)
        nb.metadata["uhc_monitor"] = {"fingerprint": stamp}
        summary = read_summary(nb)
        title = f"{summary.get('region_name', region_code)} {summary.get('period', period or '')}".strip()
        if "html" in outputs:
            write_atomic(outputs["html"], notebook_to_html(nb, title=title, lang=lang))
        if "pdf" in outputs:
            from uhc_lib.reports.pdf import notebook_to_pdf

            write_atomic(outputs["pdf"], notebook_to_pdf(nb, summary, lang, illustrative=is_illustrative(data)))
        write_atomic(final_nb, nbformat.writes(nb))
        executed.unlink(missing_ok=True)
        (nb_dir / f"{stem}.failed.ipynb").unlink(missing_ok=True)
        return _result(region_code, period, summary, outputs, final_nb, start)
    except Exception as exc:  # noqa: BLE001 - a failing region must not stop a batch
        failed = nb_dir / f"{stem}.failed.ipynb"
        if executed.exists():
            executed.replace(failed)
        message = _short_error(exc)
        return BriefResult(region_code, period, False, None, str(failed) if failed.exists() else None,
                           time.perf_counter() - start, error=message)


def _result(region_code: str, period: str | None, summary: dict, outputs: dict[str, Path], final_nb: Path,
            start: float, skipped: bool = False) -> BriefResult:
    return BriefResult(
        region_code, summary.get("period", period), True,
        html=str(outputs["html"]) if "html" in outputs else None,
        notebook=str(final_nb), seconds=time.perf_counter() - start, summary=summary,
        pdf=str(outputs["pdf"]) if "pdf" in outputs else None, skipped=skipped,
    )


def _short_error(exc: Exception) -> str:
    if isinstance(exc, pm.PapermillExecutionError):
        return f"{exc.ename}: {exc.evalue}"
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()
