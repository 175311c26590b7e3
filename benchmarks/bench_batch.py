"""Time the full batch of briefs and print briefs per minute.

    python benchmarks/bench_batch.py                 # all 514 regions, latest month, into a temporary folder
    python benchmarks/bench_batch.py --limit 40      # the first 40 regions only (quick look)
    python benchmarks/bench_batch.py --jobs 2 --out reports-bench

Prints the machine (cores), regions run, wall time, briefs per minute, failures and the peak memory of the
largest single process (parent or one worker/kernel), from ``resource.getrusage``.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

from uhc_lib.reports.batch import plan, run_batch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="run only the first N regions")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="parallel workers (default: cores)")
    parser.add_argument("--period", help="month YYYY-MM (default: latest)")
    parser.add_argument("--out", type=Path, help="reports folder to keep (default: a temporary one)")
    args = parser.parse_args(argv)

    codes, month = plan(period=args.period)
    if args.limit:
        codes = codes[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        start = time.perf_counter()
        report = run_batch(codes, month, reports_dir=out, jobs=args.jobs, progress=sys.stderr.isatty())
        seconds = time.perf_counter() - start
    ok = len(report.results) - len(report.failed)
    peak_mb = (
        max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        / 1024
    )
    per_brief = [r.seconds for r in report.results if r.ok]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"engine: papermill, fresh kernel per brief, {args.jobs} worker process(es)")
    print(f"regions: {len(codes)} for {month}; briefs written: {ok}; failed: {len(report.failed)}")
    print(f"wall time: {seconds:.1f} s")
    print(f"briefs per minute: {ok / seconds * 60:.1f}")
    if per_brief:
        per_brief.sort()
        print(f"seconds per brief in a worker: median {per_brief[len(per_brief) // 2]:.2f}, max {per_brief[-1]:.2f}")
    print(f"peak memory of the largest single process: {peak_mb:.0f} MB")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
