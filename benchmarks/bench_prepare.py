"""Time synthetic extract generation and preparation (validate + pseudonymise) at regency-to-province scale.

Usage: ``.venv/bin/python benchmarks/bench_prepare.py [residents] [--csv]`` (default 5,000,000 residents, Parquet).
Each step runs in its own process so its peak resident memory (RSS) is its own. Everything is synthetic and written
to a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KEY = b"benchmark-key-not-secret-0123456789"


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step(name: str, residents: int, fmt: str, folder: Path) -> dict:
    """Run one step in this process and return its figures."""
    from uhc_lib.registry import generate_extracts, prepare_participants, prepare_registry

    t = time.perf_counter()
    if name == "generate":
        made = generate_extracts("17.07", residents, folder, fmt=fmt)
        rows = made.counts["registry_rows"] + made.counts["participants"]
    else:
        func = prepare_registry if name == "prepare_registry" else prepare_participants
        source = next(folder.glob(f"{'registry' if name == 'prepare_registry' else 'participants'}_17_07.{fmt}"))
        rows = func(source, folder / f"{name}.parquet", KEY, "17.07").rows
    seconds = time.perf_counter() - t
    return {"step": name, "rows": rows, "seconds": seconds, "peak_rss_mb": peak_rss_mb()}


def main() -> None:
    if "--step" in sys.argv:
        _, _, name, residents, fmt, folder = sys.argv
        print(json.dumps(step(name, int(residents), fmt, Path(folder))))
        return
    residents = int(next((a for a in sys.argv[1:] if a.isdigit()), 5_000_000))
    fmt = "csv" if "--csv" in sys.argv else "parquet"
    print(f"{residents:,} residents, {fmt}, region 17.07 (synthetic)")
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("generate", "prepare_registry", "prepare_participants"):
            args = [sys.executable, __file__, "--step", name, str(residents), fmt, tmp]
            result = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
            rate = result["rows"] / result["seconds"]
            print(
                f"{name:22s} {result['rows']:>12,} rows {result['seconds']:8.1f} s {rate:>10,.0f} rows/s "
                f"peak RSS {result['peak_rss_mb']:>7,.0f} MB"
            )


if __name__ == "__main__":
    main()
