"""The month index of 514 briefs: seconds to write it (first in a process, with the map's paths built, then again)
and its size, plain and gzipped. Briefs are stand-ins made without a kernel (tests.reports.helpers.brief_folder)."""

import gzip
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reports.helpers import brief_folder, summary  # noqa: E402
from uhc_lib import api  # noqa: E402
from uhc_lib.reports.index import write_folder_index  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    names, provinces = api.region_names(), api.province_names()
    tones = ("best", "lower", "none")
    every = {c: summary(n, provinces[c[:2]], 97.5 + i % 5, 78.25 + i % 7, tones[i % 3])
             for i, (c, n) in enumerate(names.items())}  # fmt: skip
    folder = brief_folder(Path(tmp) / "2026-11" / "id", every)
    for run in ("first (paths built)", "second"):
        t = time.perf_counter()
        index = write_folder_index(folder, "2026-11", "id", True, "b")
        print(f"write index, {run}: {time.perf_counter() - t:.2f} s")
    page = index.read_bytes()
    text = page.decode("utf-8")
    svg = text.index("</svg>") - text.index("<svg")
    print(f"index of {len(every)} briefs: {len(page) / 1e3:,.0f} KB ({svg / 1e3:,.0f} KB map), "
          f"gzip {len(gzip.compress(page)) / 1e3:,.0f} KB")  # fmt: skip
