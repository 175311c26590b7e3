"""Seconds per map: build (join + plot) and PNG export, median of 5, after one warm-up."""

import io
import statistics
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from uhc_lib.analysis import peers
from uhc_lib.inputs import geo
from uhc_lib.inputs.panel import read_panel
from uhc_lib.render.charts import maps, peer_charts
from uhc_lib.rules.indicators import indicators

t = time.perf_counter()
geo.regions_geodataframe()
geo.provinces_geodataframe()
print(f"first read of both GeoJSON files: {time.perf_counter() - t:.2f} s")
ind = indicators(read_panel())
q = peers.quadrants(ind, "2025-12")
ps = peers.province_summary(ind, "2025-12")
cases = {
    "activity, 514 kab/kota": lambda: maps.activity_map(q.regions, illustrative=True),
    "status, 514 kab/kota": lambda: maps.status_map(q.regions, q.coverage_line, q.activity_line, q.criteria_year),
    "activity, 38 provinces": lambda: maps.activity_map(ps, level="province"),
    "zoom Jawa Barat (27, labels)": lambda: maps.activity_map(q.regions, province_code="32"),
    "quadrant chart (514 points)": lambda: peer_charts.quadrant_chart(q, highlight="32.03"),
}
for name, f in cases.items():
    plt.close(f())
    build, png = [], []
    for _ in range(5):
        t0 = time.perf_counter()
        fig = f()
        t1 = time.perf_counter()
        fig.savefig(io.BytesIO(), format="png")
        t2 = time.perf_counter()
        plt.close(fig)
        build.append(t1 - t0)
        png.append(t2 - t1)
    print(f"{name:32s} build {statistics.median(build):.2f} s  + png {statistics.median(png):.2f} s")
