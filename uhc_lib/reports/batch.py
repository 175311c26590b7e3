"""Briefs for many regions in parallel, with a progress bar, a JSON record and an index page."""

from __future__ import annotations

import html
import json
import os
import re
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from tqdm.auto import tqdm

from uhc_lib import api
from uhc_lib.common.config import REPORTS_DIR
from uhc_lib.reports.export import remove_stale_temporaries, write_atomic
from uhc_lib.reports.index import write_index
from uhc_lib.reports.run import BriefResult, run_brief


@dataclass
class BatchReport:
    """What a batch produced: one result per region, the index page and the folder."""

    results: list[BriefResult]
    index: Path
    out_dir: Path
    period: str

    @property
    def failed(self) -> list[BriefResult]:
        return [r for r in self.results if not r.ok]

    @property
    def skipped(self) -> list[BriefResult]:
        return [r for r in self.results if r.skipped]


def output_dir(period: str, lang: str, reports_dir: str | Path | None = None) -> Path:
    """``reports/<period>/<lang>/``."""
    return Path(reports_dir or REPORTS_DIR) / str(period) / lang


def plan(data_path: str | Path | None = None, regions: list[str] | None = None, province: str | None = None,
         period: str | None = None) -> tuple[list[str], str]:
    """Validate the data once and return the region codes to run and the month (default: the latest)."""
    panel = api.load_panel(data_path)
    month = str(panel["period"].max()) if period is None else str(period)
    codes = sorted(panel["region_code"].unique().tolist())
    if province:
        codes = [c for c in codes if c.split(".")[0] == str(province)]
    if regions:
        codes = [str(c) for c in regions]
    return codes, month


def run_batch(regions: list[str] | None = None, period: str | None = None, lang: str = "id",
              criteria_year: int | None = None, data_path: str | Path | None = None,
              reports_dir: str | Path | None = None, jobs: int | None = None, province: str | None = None,
              executor: Executor | None = None, progress: bool = True, engine: str = "warm",
              formats: tuple[str, ...] = ("html",), resume: bool = False,
              scheduler: str | None = None) -> BatchReport:
    """Run the brief for every region (or the given ones) and write the index; failures are recorded, not raised.

    ``executor`` may be any ``concurrent.futures.Executor``; by default a process pool of ``jobs`` workers
    (one per core). ``engine="warm"`` keeps one kernel alive per worker and resets it between briefs;
    ``engine="papermill"`` starts a fresh kernel per brief (the reference; slower). ``scheduler`` is the address
    of a Dask distributed scheduler (``tcp://host:8786``) whose workers run the briefs instead; they must see the
    same project, data and ``reports_dir`` paths. ``resume`` skips briefs already up to date.
    """
    codes, month = plan(data_path, regions, province, period)
    out_dir = output_dir(month, lang, reports_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out_dir)
    dask_client = None
    if executor is None and scheduler:
        from distributed import Client

        dask_client = Client(scheduler)
        executor = dask_client.get_executor()
    own = executor is None
    pool = executor or ProcessPoolExecutor(max_workers=jobs or os.cpu_count() or 1)
    results: list[BriefResult] = []
    try:
        futures = {
            pool.submit(run_brief, code, out_dir, month, lang, criteria_year, data_path, engine=engine,
                        formats=tuple(formats), resume=resume): code
            for code in codes
        }
        with tqdm(total=len(futures), desc=f"briefs {month} ({lang})", unit="brief", disable=not progress) as bar:
            for future in as_completed(futures):
                try:
                    result = future.result()
                except Exception as exc:  # noqa: BLE001 - e.g. a worker process that died
                    result = BriefResult(futures[future], month, False, error=f"{type(exc).__name__}: {exc}")
                results.append(result)
                bar.update()
                if not result.ok:
                    bar.write(f"FAILED {result.region_code}: {result.error}")
    finally:
        if own:
            pool.shutdown(cancel_futures=True)
        if dask_client is not None:
            dask_client.close()
    results.sort(key=lambda r: r.region_code)
    write_atomic(out_dir / "batch.json", json.dumps([r.to_dict() for r in results], indent=1, default=str))
    index = write_index(results, out_dir, month, lang, api.is_illustrative(data_path))
    write_reports_home(Path(reports_dir or REPORTS_DIR))
    return BatchReport(results, index, out_dir, month)


def write_reports_home(reports_dir: Path) -> Path:
    """``reports/index.html``: links to every month's brief index, and to the exploratory and matching reports."""
    reports_dir = Path(reports_dir)

    def items(paths: list[Path], label) -> str:
        rows = []
        for path in paths:
            rel = html.escape(path.relative_to(reports_dir).as_posix(), quote=True)
            rows.append(f'<li><a href="{rel}">{html.escape(label(path))}</a></li>')
        return "".join(rows)

    months = [
        idx
        for idx in sorted(reports_dir.glob("*/*/index.html"), reverse=True)
        if re.fullmatch(r"\d{4}-\d{2}", idx.parent.parent.name)
    ]
    sections = [
        ("Ringkasan kabupaten/kota per bulan", items(months, lambda p: f"{p.parent.parent.name} ({p.parent.name})")),
        (
            "Analisis eksplorasi",
            items(sorted(reports_dir.glob("explore/*/*.html")), lambda p: f"{p.stem} ({p.parent.name})"),
        ),
        (
            "Pemadanan registrasi (matching)",
            items(sorted(reports_dir.glob("matching/*/*.html")), lambda p: f"{p.stem} ({p.parent.name})"),
        ),
    ]
    body = "".join(f"<h2>{title}</h2><ul>{links}</ul>" for title, links in sections if links)
    page = (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>UHC Monitor: laporan</title></head>"
        "<body style='font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto'>"
        f"<h1>UHC Monitor: laporan</h1>{body}</body></html>"
    )
    path = reports_dir / "index.html"
    write_atomic(path, page)
    return path
