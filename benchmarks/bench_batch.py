"""Time the month's briefs with each engine and print, in one run: briefs per minute for each engine and their ratio,
CPU seconds per brief (whole batch, and split by stage), bytes per brief and for the month, and peak memory.

    python benchmarks/bench_batch.py                        # all 514 regions, latest month, both engines
    python benchmarks/bench_batch.py --regions 40           # the first 40 regions only (a quick look)
    python benchmarks/bench_batch.py --engines warm         # one engine
    python benchmarks/bench_batch.py --reference-jobs 1     # reference = sequential fresh-kernel papermill loop

Engines: ``warm`` (the default: one kernel per worker, reused; ``--jobs`` workers, one per core) and ``papermill``
(a fresh kernel per brief, run as a sequential loop: the reference). Both write HTML briefs, default options, into a
temporary folder. CPU seconds of a batch are this process's and all its (waited-for) descendants' user + system time
(workers and kernels). The stage split replays the brief notebook's calls in this process for ``--sample`` regions:
figures, outlook, text, each chart drawn and saved as the notebook's inline backend saves it (SVG), then the export
of the executed notebook to HTML and to PDF. Peak memory is the peak of the sum of this process and its descendants
(sampled every 0.2 s) and the largest single process (``resource.getrusage``).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat

from uhc_lib import api
from uhc_lib.render.charts import brief_charts, peer_charts, scenario_chart, style
from uhc_lib.render.text import narrative, outlook_text, tables
from uhc_lib.reports.batch import plan, run_batch
from uhc_lib.reports.export import notebook_to_html
from uhc_lib.reports.run import read_summary, run_brief


def _tree_rss_mb() -> float:
    """Resident memory of this process and all its descendants, from /proc (Linux), in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [os.getpid()]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total / 2**20


class PeakSampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self.stop = 0.0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, _tree_rss_mb())
            self.stop.wait(0.2)


def _cpu_seconds() -> float:
    """User + system CPU time of this process and of its descendants that have been waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _folder_bytes(folder: Path) -> dict[str, list[int]]:
    sizes: dict[str, list[int]] = {"html": [], "all": []}
    for path in folder.rglob("*"):
        if path.is_file():
            sizes["all"].append(path.stat().st_size)
            if path.suffix == ".html" and path.name != "index.html":
                sizes["html"].append(path.stat().st_size)
    return sizes


def run_engine(engine: str, codes: list[str], month: str, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        sampler = PeakSampler()
        sampler.start()
        cpu, start = _cpu_seconds(), time.perf_counter()
        report = run_batch(codes, month, reports_dir=Path(tmp), jobs=jobs, engine=engine, progress=sys.stderr.isatty())
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        sampler.stop.set()
        sampler.join()
        sizes = _folder_bytes(report.out_dir)
    ok = len(report.results) - len(report.failed)
    return {
        "engine": engine,
        "jobs": jobs,
        "ok": ok,
        "failed": len(report.failed),
        "seconds": seconds,
        "per_minute": ok / seconds * 60,
        "cpu_per_brief": cpu / max(ok, 1),
        "tree_peak_mb": sampler.peak,
        "html": sizes["html"],
        "folder": sum(sizes["all"]),
    }


def _save_svg(fig) -> int:
    """Save ``fig`` as the brief notebook's inline backend does (SVG, no bounding-box fitting); its size in bytes."""
    buffer = io.BytesIO()
    fig.canvas.print_figure(buffer, format="svg", bbox_inches=None, metadata={"Date": None})
    plt.close(fig)
    return len(buffer.getvalue())


PDF_FIRST = "export: PDF, first in a process"


def stage_times(codes: list[str], month: str, lang: str = "id") -> tuple[dict[str, float], dict[str, list[int]]]:
    """CPU seconds per brief of each stage (the calls of notebooks/regency_brief.ipynb, then the export), and the
    bytes of each sample brief's notebook and PDF. The first PDF of the process (WeasyPrint's import, fontconfig's
    start) is its own stage, paid once by a batch worker; "export: PDF" is the mean over the other briefs."""
    from uhc_lib.reports.pdf import notebook_to_pdf

    plt.rcParams.update(style.SVG_RC)
    illustrative = api.is_illustrative(None)
    api.figures_for(codes[0], month)  # the month's shared work (panel, ranks) once, as a batch worker does
    cpu: dict[str, float] = {}
    calls: dict[str, int] = {}
    sizes: dict[str, list[int]] = {"notebook": [], "pdf": [], "chart": []}

    def timed(stage: str, call):
        t = time.process_time()
        value = call()
        cpu[stage] = cpu.get(stage, 0.0) + time.process_time() - t
        calls[stage] = calls.get(stage, 0) + 1
        return value

    with tempfile.TemporaryDirectory() as tmp:
        for code in codes:
            fig = timed("figures", lambda code=code: api.figures_for(code, month))
            out = timed("outlook", lambda fig=fig: api.outlook_for(fig, None, lang))

            def texts(fig=fig, out=out) -> None:
                narrative.title(fig, lang), tables.headline_table(fig, lang), narrative.markdown(fig, lang)
                tables.goals_table(fig, lang), outlook_text.peers_markdown(out, lang)
                outlook_text.budget_markdown(out, lang), outlook_text.scenarios_intro(out, fig.population, lang)
                outlook_text.scenarios_markdown(out, lang)

            timed("text", texts)
            charts = {
                "chart: trend": lambda fig=fig: brief_charts.trend_chart(fig, lang),
                "chart: segments": lambda fig=fig: brief_charts.segment_chart(fig, lang),
                "chart: province ranking": lambda fig=fig, out=out: peer_charts.province_ranking_chart(
                    out.province, highlight=fig.region_code, lang=lang, illustrative=fig.illustrative
                ),
            }
            if out.paths:
                charts["chart: scenarios"] = lambda fig=fig, out=out: scenario_chart.scenario_chart(
                    out.paths, out.target, out.scenarios, lang, fig.illustrative
                )
            for stage, draw in charts.items():
                sizes["chart"].append(timed(stage, lambda draw=draw: _save_svg(draw())))
            result = run_brief(code, Path(tmp), month, lang, formats=("html",), keep_notebook=True)
            if not result.ok:
                raise SystemExit(f"sample brief {code} failed: {result.error}")
            nb = nbformat.read(result.notebook, as_version=4)
            sizes["notebook"].append(Path(result.notebook).stat().st_size)
            summary = read_summary(nb)
            timed("export: HTML", lambda nb=nb, code=code: notebook_to_html(nb, title=code, lang=lang))
            pdf_stage = "export: PDF" if sizes["pdf"] else PDF_FIRST
            pdf = timed(pdf_stage, lambda nb=nb, s=summary: notebook_to_pdf(nb, s, lang, illustrative))
            sizes["pdf"].append(len(pdf))
    per_brief = {"export: PDF", PDF_FIRST}  # a mean over the briefs that made one (the first, the others)
    return {
        stage: seconds / (calls[stage] if stage in per_brief else len(codes)) for stage, seconds in cpu.items()
    }, sizes


def _kb(values: list[int]) -> str:
    if not values:
        return "-"
    return f"mean {statistics.mean(values) / 1e3:6.1f} KB, max {max(values) / 1e3:6.1f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regions", "--limit", type=int, dest="regions", help="run only the first N regions")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="workers for the warm engine (default: cores)")
    parser.add_argument(
        "--reference-jobs",
        type=int,
        default=1,
        help="workers for the papermill reference (default 1: the sequential fresh-kernel loop)",
    )
    parser.add_argument("--engines", default="warm,papermill", help="comma-separated (default: warm,papermill)")
    parser.add_argument("--period", help="month YYYY-MM (default: latest)")
    parser.add_argument("--sample", type=int, default=20, help="regions for the CPU split by stage (default 20)")
    args = parser.parse_args(argv)

    codes, month = plan(period=args.period)
    if args.regions:
        codes = codes[: args.regions]
    load = os.getloadavg()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average before the run {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")  # fmt: skip
    print(f"briefs: {len(codes)} regions for {month}, HTML, default options")
    rows = []
    for engine in args.engines.split(","):
        jobs = args.jobs if engine == "warm" else args.reference_jobs
        row = run_engine(engine, codes, month, jobs)
        rows.append(row)
        print(
            f"{engine:>9} ({jobs} worker(s)): {row['seconds']:7.1f} s, {row['per_minute']:6.1f} briefs/min, "
            f"{row['cpu_per_brief']:.2f} s CPU a brief, {row['failed']} failed, "
            f"peak memory of all processes {row['tree_peak_mb']:.0f} MB",
            flush=True,
        )
    by = {r["engine"]: r for r in rows}
    if "warm" in by and "papermill" in by:
        print(f"ratio warm / papermill: {by['warm']['per_minute'] / by['papermill']['per_minute']:.1f}x")

    sample = codes[: max(1, min(args.sample, len(codes)))]
    per_stage, sizes = stage_times(sample, month)
    print(f"CPU seconds per brief by stage (in-process replay of {len(sample)} briefs):")
    for stage, seconds in per_stage.items():
        print(f"  {stage:<31} {seconds:6.3f} s")
    drawn = sum(v for k, v in per_stage.items() if not k.startswith("export"))
    print(f"  {'brief computed and drawn':<31} {drawn:6.3f} s (figures + outlook + text + charts)")
    first = rows[0] if rows else None
    print("bytes per brief:")
    if first:
        print(f"  HTML                 {_kb(first['html'])}")
    print(f"  PDF                  {_kb(sizes['pdf'])}")
    print(f"  notebook (if kept)   {_kb(sizes['notebook'])}")
    print(f"  chart (SVG)          {_kb(sizes['chart'])}")
    if first:
        n = len(codes)
        html_folder = first["folder"]
        pdf = statistics.mean(sizes["pdf"]) * n
        kept = statistics.mean(sizes["notebook"]) * n
        print(f"the month ({n} briefs, {first['engine']} run): folder {html_folder / 1e6:.1f} MB with default options "
              f"(HTML, records, index); with --format html,pdf about {(html_folder + pdf) / 1e6:.1f} MB; "
              f"with --keep-notebooks also about {kept / 1e6:.1f} MB more")  # fmt: skip
        if n < 514:
            scale = 514 / n
            print(f"  scaled to 514 briefs: about {html_folder * scale / 1e6:.0f} MB (HTML)")
    largest = (
        max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        / 1024
    )
    print(f"peak memory of the largest single process: {largest:.0f} MB")
    return 1 if any(r["failed"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
