"""Execute the brief notebook for one region through papermill and export it (HTML, optionally PDF).

Every output is written under a temporary name and renamed, so a killed run leaves no half-written brief. A small
record per brief (``notebooks/<stem>.brief.json``: summary, formats, the fingerprint of what made it, i.e. data,
parameters, notebook, code and rules, and the *basis*, the fingerprint without the region) lets ``resume=True`` skip
a brief whose fingerprint and files are already there, and the month's index list every brief in the folder and tell
which were made from other data, parameters or code. The executed notebook (150 KB a brief) is kept only with
``keep_notebook=True`` (``--keep-notebooks``); a failed one is always kept.

A kernel that dies mid-brief (killed, out of memory) is replaced and the brief run once more; if it fails again it
is kept as ``<stem>.failed.ipynb``. An OS error while writing (disk full, read-only) is returned with its ``errno``,
with the brief's partial files removed, so a batch can stop cleanly.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import nbformat
import papermill as pm

from uhc_lib.api import is_illustrative
from uhc_lib.common.config import BRIEF_NOTEBOOK, EMBEDDED_PANEL, PACKAGE_DIR, REFERENCE_DIR, RULES_DIR
from uhc_lib.reports.engines import execute
from uhc_lib.reports.export import notebook_to_html, write_atomic
from uhc_lib.reports.guard import (
    FORMATS,
    STOPPING_ERRNOS,
    check_formats,
    check_lang,
    check_period,
    check_region_code,
    error_sentence,
)

__all__ = ["FORMATS", "BriefResult", "run_brief", "fingerprint", "basis", "brief_stem", "read_summary"]


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
    stale: bool = False  # (index) made from other data, parameters or code than the run that wrote the index
    errno: int | None = None  # an OS error while writing its files (disk full, read-only): stops a batch
    retried: bool = False  # its kernel died and it was run a second time on a fresh one

    def to_dict(self) -> dict:
        return asdict(self)


def brief_stem(region_code: str, period: str | None, lang: str) -> str:
    """File name stem of a brief inside its period/language folder: ``17.07`` (a checked region code)."""
    return check_region_code(region_code)


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
    parts = ((PACKAGE_DIR, ("**/*.py", "**/*.j2", "**/*.css", "**/*.json", "**/*.toml")), (RULES_DIR, ("*.csv",)),
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


def _params(
    region_code: str | None, period: str | None, criteria_year: int | None, lang: str, data: Path | None
) -> dict:
    return {
        "region_code": None if region_code is None else str(region_code),
        "period": period,
        "criteria_year": criteria_year,
        "lang": lang,
        "data_path": None if data is None else str(data),
    }


def basis(
    period: str | None,
    lang: str = "id",
    criteria_year: int | None = None,
    data_path: str | Path | None = None,
    notebook: str | Path = BRIEF_NOTEBOOK,
) -> str:
    """The fingerprint of a brief without its region: equal for every brief of one run (data, parameters, notebook,
    code and rules); a brief in the folder with another basis is stale."""
    data = None if data_path is None else Path(data_path).resolve()
    params = _params(None, period, criteria_year, lang, data)
    del params["region_code"]
    return fingerprint(params, Path(notebook), data)


def record_path(nb_dir: Path, stem: str, failed: bool = False) -> Path:
    """The small JSON record beside a brief's notebook (``<stem>.brief.json``, ``<stem>.failed.json``)."""
    return nb_dir / f"{stem}.{'failed' if failed else 'brief'}.json"


def _dead_kernel(exc: BaseException) -> bool:
    return type(exc).__name__ == "DeadKernelError" or "kernel died" in str(exc).lower()


def _up_to_date(record: Path, final_nb: Path, outputs: dict[str, Path], stamp: str, keep_notebook: bool) -> dict | None:
    """The summary of an existing brief if its record says it was made with the same fingerprint and all outputs
    (and the executed notebook, when it is to be kept) exist."""
    if not all(p.exists() for p in outputs.values()) or (keep_notebook and not final_nb.exists()):
        return None
    try:
        made = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no record (an earlier version) or unreadable: run again
        return None
    if not isinstance(made, dict) or made.get("fingerprint") != stamp:
        return None
    return made.get("summary") or None


def run_brief(
    region_code: str,
    out_dir: str | Path,
    period: str | None = None,
    lang: str = "id",
    criteria_year: int | None = None,
    data_path: str | Path | None = None,
    notebook: str | Path = BRIEF_NOTEBOOK,
    kernel_name: str = "python3",
    timeout: int = 600,
    engine: str = "warm",
    formats: tuple[str, ...] = ("html",),
    resume: bool = False,
    keep_notebook: bool = False,
) -> BriefResult:
    """Run the brief for ``region_code`` into ``out_dir`` (HTML/PDF there; its record and, with ``keep_notebook``,
    the executed notebook in ``notebooks/``).

    Never raises for a failing region: the result says what went wrong, and the failed executed notebook is kept
    (``<stem>.failed.ipynb``) for inspection. Values that would become paths are checked first (``BadInput``).
    Without ``keep_notebook`` an executed notebook an earlier run kept is removed (it would not match the brief).
    """
    out_dir = Path(out_dir)
    notebook = Path(notebook)
    formats = check_formats(formats)
    lang = check_lang(lang)
    if period is not None:
        period = check_period(period)
    stem = brief_stem(region_code, period, lang)
    region_code = stem
    nb_dir = out_dir / "notebooks"
    executed = nb_dir / f".{stem}.running.ipynb"
    final_nb = nb_dir / f"{stem}.ipynb"
    failed = nb_dir / f"{stem}.failed.ipynb"
    outputs = {fmt: out_dir / f"{stem}.{fmt}" for fmt in formats}
    data = None if data_path is None else Path(data_path).resolve()
    params = _params(region_code, period, criteria_year, lang, data)
    start = time.perf_counter()
    retried = False
    stamp = run_basis = None
    try:
        nb_dir.mkdir(parents=True, exist_ok=True)
        stamp = fingerprint(params, notebook, data)
        run_basis = basis(period, lang, criteria_year, data, notebook)
        if resume and (summary := _up_to_date(record_path(nb_dir, stem), final_nb, outputs, stamp, keep_notebook)):
            return _result(region_code, period, summary, outputs, final_nb, start, skipped=True)
        try:
            nb = execute(notebook, executed, params, engine=engine, kernel_name=kernel_name, timeout=timeout)
        except Exception as exc:  # noqa: BLE001 - only a dead kernel is tried again
            if not _dead_kernel(exc):
                raise
            retried = True
            executed.unlink(missing_ok=True)
            nb = execute(notebook, executed, params, engine=engine, kernel_name=kernel_name, timeout=timeout)
        nb.metadata["uhc_monitor"] = {"fingerprint": stamp, "basis": run_basis}
        summary = read_summary(nb)
        title = f"{summary.get('region_name', region_code)} {summary.get('period', period or '')}".strip()
        if "html" in outputs:
            write_atomic(outputs["html"], notebook_to_html(nb, title=title, lang=lang))
        if "pdf" in outputs:
            from uhc_lib.reports.pdf import notebook_to_pdf

            write_atomic(outputs["pdf"], notebook_to_pdf(nb, summary, lang, illustrative=is_illustrative(data)))
        if keep_notebook:
            write_atomic(final_nb, nbformat.writes(nb))
        else:
            final_nb.unlink(missing_ok=True)
        record = {
            "region_code": region_code,
            "period": summary.get("period", period),
            "lang": lang,
            "formats": list(formats),
            "basis": run_basis,
            "fingerprint": stamp,
            "summary": summary,
        }
        write_atomic(record_path(nb_dir, stem), json.dumps(record, default=str))
        executed.unlink(missing_ok=True)
        failed.unlink(missing_ok=True)
        record_path(nb_dir, stem, failed=True).unlink(missing_ok=True)
        result = _result(region_code, period, summary, outputs, final_nb, start)
        result.retried = retried
        return result
    except Exception as exc:  # noqa: BLE001 - a failing region must not stop a batch
        message = _short_error(exc)
        code = exc.errno if isinstance(exc, OSError) and exc.errno in STOPPING_ERRNOS else None
        if code is not None:  # disk full or not writable: remove what this brief left half-made
            for part in (executed, *_temporaries(out_dir, stem)):
                part.unlink(missing_ok=True)
            return BriefResult(
                region_code,
                period,
                False,
                None,
                None,
                time.perf_counter() - start,
                error=message,
                errno=code,
                retried=retried,
            )
        try:
            if executed.exists():
                executed.replace(failed)
            elif _dead_kernel(exc):
                _keep_source(notebook, failed, params, message)
            write_atomic(record_path(nb_dir, stem, failed=True),
                         json.dumps({"region_code": region_code, "period": period, "lang": lang, "error": message,
                                     "basis": run_basis}))  # fmt: skip
        except OSError:
            pass
        return BriefResult(
            region_code,
            period,
            False,
            None,
            str(failed) if failed.exists() else None,
            time.perf_counter() - start,
            error=message,
            retried=retried,
        )


def _temporaries(out_dir: Path, stem: str) -> list[Path]:
    return [*out_dir.glob(f".{stem}.*.tmp"), *out_dir.glob(f"notebooks/.{stem}.*.tmp")]


def _keep_source(notebook: Path, failed: Path, params: dict, message: str) -> None:
    """The notebook a dead kernel left nothing of: its source with the parameters and the error, for inspection."""
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"**This brief failed twice: {message}** Parameters: `{params}`"))
    nb.metadata["uhc_monitor"] = {"error": message, "parameters": params}
    write_atomic(failed, nbformat.writes(nb))


def _result(
    region_code: str,
    period: str | None,
    summary: dict,
    outputs: dict[str, Path],
    final_nb: Path,
    start: float,
    skipped: bool = False,
) -> BriefResult:
    return BriefResult(
        region_code,
        summary.get("period", period),
        True,
        html=str(outputs["html"]) if "html" in outputs else None,
        notebook=str(final_nb) if final_nb.exists() else None,
        seconds=time.perf_counter() - start,
        summary=summary,
        pdf=str(outputs["pdf"]) if "pdf" in outputs else None,
        skipped=skipped,
    )


def _short_error(exc: Exception) -> str:
    """The error of a failed brief as the user reads it: the message, never the Python exception name."""
    if isinstance(exc, pm.PapermillExecutionError):
        return error_sentence(exc.ename, exc.evalue)
    return error_sentence(type(exc).__name__, str(exc))
