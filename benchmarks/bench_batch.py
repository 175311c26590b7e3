"""Time the batch of briefs with each engine on this machine and print briefs per minute and their ratio.

    python benchmarks/bench_batch.py                        # all 514 regions, latest month, both engines
    python benchmarks/bench_batch.py --limit 40             # the first 40 regions only (a quick look)
    python benchmarks/bench_batch.py --engines warm         # one engine
    python benchmarks/bench_batch.py --reference-jobs 1     # reference = sequential fresh-kernel papermill loop

Engines: ``warm`` (one kernel per worker, reused) and ``papermill`` (a fresh kernel per brief). Output goes to a
temporary folder. Peak memory is the peak resident size of the largest single process (this one, a worker or a
kernel), from ``resource.getrusage``, and the peak of their sum sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

from uhc_lib.reports.batch import plan, run_batch


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


def run_engine(engine: str, codes: list[str], month: str, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        sampler = PeakSampler()
        sampler.start()
        start = time.perf_counter()
        report = run_batch(codes, month, reports_dir=Path(tmp), jobs=jobs, engine=engine, progress=sys.stderr.isatty())
        seconds = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
    ok = len(report.results) - len(report.failed)
    return {
        "engine": engine,
        "jobs": jobs,
        "ok": ok,
        "failed": len(report.failed),
        "seconds": seconds,
        "per_minute": ok / seconds * 60,
        "tree_peak_mb": sampler.peak,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="run only the first N regions")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="workers for the warm engine (default: cores)")
    parser.add_argument(
        "--reference-jobs",
        type=int,
        default=1,
        help="workers for the papermill reference (default 1: the sequential fresh-kernel loop)",
    )
    parser.add_argument("--engines", default="warm,papermill", help="comma-separated (default: warm,papermill)")
    parser.add_argument("--period", help="month YYYY-MM (default: latest)")
    args = parser.parse_args(argv)

    codes, month = plan(period=args.period)
    if args.limit:
        codes = codes[: args.limit]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"briefs: {len(codes)} regions for {month}")
    rows = []
    for engine in args.engines.split(","):
        jobs = args.jobs if engine == "warm" else args.reference_jobs
        row = run_engine(engine, codes, month, jobs)
        rows.append(row)
        print(
            f"{engine:>9} ({jobs} worker(s)): {row['seconds']:7.1f} s, {row['per_minute']:6.1f} briefs/min, "
            f"{row['failed']} failed, peak memory of all processes {row['tree_peak_mb']:.0f} MB",
            flush=True,
        )
    largest = (
        max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        / 1024
    )
    print(f"peak memory of the largest single process: {largest:.0f} MB")
    by = {r["engine"]: r for r in rows}
    if "warm" in by and "papermill" in by:
        print(f"ratio warm / papermill: {by['warm']['per_minute'] / by['papermill']['per_minute']:.1f}x")
    return 1 if any(r["failed"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
