"""Briefs for many regions in parallel, with a progress bar, a JSON record and an index page.

Before any kernel starts, every value is checked (:mod:`uhc_lib.reports.guard`), the month and language folder is
locked against a second run (:mod:`uhc_lib.reports.lock`) and the free space is compared with what the briefs need.
Pool workers and their kernels die with the batch (:mod:`uhc_lib.reports.lifeline`). A full disk or a folder that
turns read-only stops the batch cleanly: the complete briefs are kept and indexed, partial files removed.
"""

from __future__ import annotations

import json
import os
import shutil
from concurrent.futures import CancelledError, Executor, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from tqdm.auto import tqdm

from uhc_lib import api
from uhc_lib.common.config import BRIEF_NOTEBOOK, REPORTS_DIR
from uhc_lib.reports.changes_page import write_changes_page
from uhc_lib.reports.export import remove_stale_temporaries, write_atomic
from uhc_lib.reports.guard import (
    BATCH_FORMATS,
    OutputError,
    check_jobs,
    check_lang,
    check_period,
    check_request,
    os_error_sentence,
)
from uhc_lib.reports.home import write_home
from uhc_lib.reports.index import write_folder_index
from uhc_lib.reports.lifeline import die_with_parent
from uhc_lib.reports.lock import FolderLock
from uhc_lib.reports.run import BriefResult, basis, run_brief
from uhc_lib.reports.workbook import write_workbook

# What one brief takes on disk, from measured briefs (HTML 60-110 KB, PDF 70-100 KB, an executed notebook kept with
# --keep-notebooks 120-200 KB), rounded up; a batch needs this for every brief it will write, plus a margin.
BYTES_PER_BRIEF = {"html": 150_000, "pdf": 150_000, "notebook": 250_000}
SPACE_MARGIN = 20_000_000


@dataclass
class BatchReport:
    """What a batch produced: one result per region, the index page and the folder.

    ``stopped`` is the sentence saying why the batch stopped early (disk full, folder not writable), else None.
    """

    results: list[BriefResult]
    index: Path
    out_dir: Path
    period: str
    stopped: str | None = None
    changes: Path | None = None
    """``changes.html``: this month's changes for the batch's regions."""
    workbook: Path | None = None
    """The month's recap workbook (``--format xlsx``)."""

    @property
    def failed(self) -> list[BriefResult]:
        return [r for r in self.results if not r.ok]

    @property
    def skipped(self) -> list[BriefResult]:
        return [r for r in self.results if r.skipped]


def output_dir(period: str, lang: str, reports_dir: str | Path | None = None) -> Path:
    """``reports/<period>/<lang>/`` (both checked: no path is built from an unchecked value)."""
    return Path(reports_dir or REPORTS_DIR) / check_period(period) / check_lang(lang)


def plan(
    data_path: str | Path | None = None,
    regions: list[str] | None = None,
    province: str | None = None,
    period: str | None = None,
) -> tuple[list[str], str]:
    """Validate the data and the request once; return the region codes to run and the month (default: the latest)."""
    request = check_request(data_path, regions, province, period)
    return request.codes, request.period


def bytes_needed(n_briefs: int, formats: tuple[str, ...], keep_notebooks: bool = False) -> int:
    """Disk space ``n_briefs`` briefs in ``formats`` take (an estimate from measured briefs)."""
    kept = ("notebook",) if keep_notebooks else ()
    return n_briefs * sum(BYTES_PER_BRIEF[f] for f in (*formats, *kept))


def check_free_space(out_dir: Path, n_briefs: int, formats: tuple[str, ...], keep_notebooks: bool = False) -> None:
    """Refuse (:class:`OutputError`) a run whose briefs would not fit on the disk holding ``out_dir``."""
    if n_briefs <= 0:
        return
    need = bytes_needed(n_briefs, formats, keep_notebooks) + SPACE_MARGIN
    free = shutil.disk_usage(out_dir).free
    if free < need:
        raise OutputError(
            f"not enough free space in {out_dir}: {n_briefs} briefs need about {need / 1e6:,.0f} MB and "
            f"{free / 1e6:,.0f} MB are free; free some space or write elsewhere with --out."
        )


def _to_write(codes: list[str], out_dir: Path, formats: tuple[str, ...], resume: bool) -> int:
    if not resume:
        return len(codes)
    return sum(not all((out_dir / f"{c}.{f}").exists() for f in formats) for c in codes)


def _stop_sentence(out_dir: Path, result: BriefResult, done: int, total: int) -> str:
    exc = OSError(result.errno, os.strerror(result.errno or 0))
    return (f"{os_error_sentence(out_dir, exc)}; the batch stopped after {done} of {total} briefs, keeping every "
            f"complete brief (listed in the index).")  # fmt: skip


def run_batch(
    regions: list[str] | None = None,
    period: str | None = None,
    lang: str = "id",
    criteria_year: int | None = None,
    data_path: str | Path | None = None,
    reports_dir: str | Path | None = None,
    jobs: int | None = None,
    province: str | None = None,
    executor: Executor | None = None,
    progress: bool = True,
    engine: str = "warm",
    formats: tuple[str, ...] = ("html",),
    resume: bool = False,
    scheduler: str | None = None,
    notebook: str | Path = BRIEF_NOTEBOOK,
    keep_notebooks: bool = False,
    source_name: str | None = None,
) -> BatchReport:
    """Run the brief for every region (or the given ones) and write the index; failures are recorded, not raised.

    ``executor`` may be any ``concurrent.futures.Executor``; by default a process pool of ``jobs`` workers
    (one per core). ``engine="warm"`` keeps one kernel alive per worker and resets it between briefs;
    ``engine="papermill"`` starts a fresh kernel per brief (the reference; slower). ``scheduler`` is the address
    of a Dask distributed scheduler (``tcp://host:8786``) whose workers run the briefs instead; they must see the
    same project, data and ``reports_dir`` paths. ``resume`` skips briefs already up to date. ``keep_notebooks``
    keeps every executed notebook in ``notebooks/`` (failed ones are always kept).

    Raises :class:`~uhc_lib.reports.guard.UserError` (one sentence) before anything runs for a bad value
    (``BadInput``), a folder another run is writing (``FolderBusy``) or a folder that cannot take the briefs
    (``OutputError``).
    """
    request = check_request(data_path, regions, province, period, lang, formats, engine, criteria_year,
                            allowed_formats=BATCH_FORMATS)  # fmt: skip
    check_jobs(jobs)
    codes, month, formats, data_path = request.codes, request.period, request.formats, request.data_path
    brief_formats = tuple(f for f in formats if f != "xlsx")
    out_dir = output_dir(month, lang, reports_dir)
    made_from = basis(month, lang, criteria_year, data_path, notebook)
    changes = workbook = None
    with FolderLock(out_dir):
        results, stopped = [], None
        if brief_formats:  # --format xlsx alone writes the month's files without running briefs
            check_free_space(out_dir, _to_write(codes, out_dir, brief_formats, resume), brief_formats, keep_notebooks)
            remove_stale_temporaries(out_dir)
            results, stopped = _run_all(codes, out_dir, month, lang, criteria_year, data_path, jobs, executor,
                                        progress, engine, brief_formats, resume, scheduler, notebook,
                                        keep_notebooks)  # fmt: skip
        if stopped:
            remove_stale_temporaries(out_dir)
        results.sort(key=lambda r: r.region_code)
        index = out_dir / "index.html"
        try:
            if stopped is None:
                changes, workbook = write_month_files(out_dir, codes, month, lang, criteria_year, data_path,
                                                      "xlsx" in formats, source_name)  # fmt: skip
            if brief_formats:
                write_atomic(out_dir / "batch.json", json.dumps([r.to_dict() for r in results], indent=1,
                                                                 default=str))  # fmt: skip
            index = write_folder_index(out_dir, month, lang, api.is_illustrative(data_path), made_from, results)
            write_reports_home(Path(reports_dir or REPORTS_DIR))
        except OSError as exc:
            if stopped is None:
                raise OutputError(os_error_sentence(out_dir, exc) + ".") from None
            stopped = stopped.replace(" (listed in the index)", " (the index could not be updated)")
    return BatchReport(results, index, out_dir, month, stopped, changes, workbook)


def write_month_files(
    out_dir: Path,
    codes: list[str],
    month: str,
    lang: str,
    criteria_year: int | None,
    data_path: Path | None,
    xlsx: bool,
    source_name: str | None = None,
) -> tuple[Path, Path | None]:
    """``changes.html`` for ``codes`` and, with ``xlsx``, the month's recap workbook (the briefs' own figures).
    ``source_name``: the data file the workbook names (default: ``data_path``'s name; the CLI gives the user's file
    when it was read with import options into a cached panel)."""
    illustrative = api.is_illustrative(data_path)
    changes = api.changes_for(codes, month, criteria_year, data_path)
    page = write_changes_page(out_dir, changes, lang, illustrative)
    if not xlsx:
        return page, None
    recap = api.recap_for(codes, month, criteria_year, data_path, lang)
    rules = api.rules_used(recap.criteria_year, month)
    source = source_name or (None if data_path is None else Path(data_path).name)
    return page, write_workbook(out_dir, recap, changes, rules, lang, source, illustrative)


def _run_all(
    codes,
    out_dir,
    month,
    lang,
    criteria_year,
    data_path,
    jobs,
    executor,
    progress,
    engine,
    formats,
    resume,
    scheduler,
    notebook,
    keep_notebooks=False,
) -> tuple[list[BriefResult], str | None]:
    dask_client = None
    if executor is None and scheduler:
        from distributed import Client

        dask_client = Client(scheduler)
        executor = dask_client.get_executor()
    own = executor is None
    pool = executor or ProcessPoolExecutor(
        max_workers=jobs or os.cpu_count() or 1, initializer=die_with_parent, initargs=(os.getpid(),)
    )
    results: list[BriefResult] = []
    stop: BriefResult | None = None
    try:
        futures = {
            pool.submit(run_brief, code, out_dir, month, lang, criteria_year, data_path, notebook=notebook,
                        engine=engine, formats=tuple(formats), resume=resume, keep_notebook=keep_notebooks): code
            for code in codes
        }  # fmt: skip
        with tqdm(total=len(futures), desc=f"briefs {month} ({lang})", unit="brief", disable=not progress) as bar:
            for future in as_completed(futures):
                try:
                    result = future.result()
                except CancelledError:
                    continue
                except Exception as exc:  # noqa: BLE001 - e.g. a worker process that died
                    result = BriefResult(futures[future], month, False, error=f"{type(exc).__name__}: {exc}")
                bar.update()
                if result.errno is not None:  # disk full or not writable: every later brief would fail too
                    if stop is None:
                        stop = result
                        for other in futures:
                            other.cancel()
                    continue
                results.append(result)
                if not result.ok:
                    bar.write(f"FAILED {result.region_code}: {result.error}")
    finally:
        if own:
            pool.shutdown(cancel_futures=True)
        if dask_client is not None:
            dask_client.close()
    stopped = None if stop is None else _stop_sentence(out_dir, stop, sum(r.ok for r in results), len(codes))
    return results, stopped


def make_brief(
    region_code: str,
    period: str | None = None,
    lang: str = "id",
    criteria_year: int | None = None,
    data_path: str | Path | None = None,
    reports_dir: str | Path | None = None,
    engine: str = "warm",
    formats: tuple[str, ...] = ("html",),
    notebook: str | Path = BRIEF_NOTEBOOK,
    keep_notebooks: bool = False,
) -> BriefResult:
    """One brief (``uhc brief``): checked like a batch, in its locked folder, then the folder's index updated.

    Raises :class:`~uhc_lib.reports.guard.UserError` like :func:`run_batch`, also when the brief could not be
    written (disk full, read-only); a brief that fails in its notebook is returned (``ok`` False).
    """
    request = check_request(data_path, [region_code], None, period, lang, formats, engine, criteria_year)
    month, formats, data_path = request.period, request.formats, request.data_path
    out_dir = output_dir(month, lang, reports_dir)
    with FolderLock(out_dir):
        check_free_space(out_dir, 1, formats, keep_notebooks)
        result = run_brief(request.codes[0], out_dir, month, lang, criteria_year, data_path, notebook=notebook,
                           engine=engine, formats=formats, keep_notebook=keep_notebooks)  # fmt: skip
        try:
            if result.errno is not None:
                raise OSError(result.errno, os.strerror(result.errno))
            made_from = basis(month, lang, criteria_year, data_path, notebook)
            write_folder_index(out_dir, month, lang, api.is_illustrative(data_path), made_from, [result])
            write_reports_home(Path(reports_dir or REPORTS_DIR))
        except OSError as exc:
            raise OutputError(os_error_sentence(out_dir, exc) + ".") from None
    return result


def write_reports_home(reports_dir: Path) -> Path:
    """``reports/index.html``: the home page (:func:`uhc_lib.reports.home.write_home`)."""
    return write_home(Path(reports_dir))
