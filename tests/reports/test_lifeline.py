"""kill -9 of `uhc batch` takes its workers and their kernels with it: nothing keeps writing briefs, the next run
finds no orphan, takes over the folder's lock and indexes every complete brief (issue 12)."""

import os
import re
import signal
import subprocess
import sys
import time

import psutil
import pytest

from tests.reports.helpers import brief_pages

pytestmark = pytest.mark.notebook


def _briefs(folder):
    return [p.name for p in brief_pages(folder)]


def test_kill_9_of_a_batch_leaves_no_process_behind(tmp_path):
    out = tmp_path / "2024-07" / "id"
    uhc = [sys.executable, "-m", "uhc_lib.cli"]
    log = (tmp_path / "batch.log").open("w")
    # Jawa Barat's 27 briefs: enough that the batch is still running after the second run below is refused
    batch = subprocess.Popen([*uhc, "batch", "--province", "32", "--period", "2024-07", "--jobs", "2", "--quiet",
                              "--out", str(tmp_path)], stdout=log, stderr=log)  # fmt: skip
    deadline = time.time() + 120
    while time.time() < deadline and not _briefs(out):
        assert batch.poll() is None, (tmp_path / "batch.log").read_text()[-2000:]
        time.sleep(0.1)
    tree = psutil.Process(batch.pid).children(recursive=True)
    kernels = [p for p in tree if re.search(r"ipykernel|lifeline", " ".join(p.cmdline()))]
    assert len(tree) >= 4 and len(kernels) == 2, [p.cmdline() for p in tree]  # 2 workers, 2 kernels

    # while it runs, a second batch into the same folder is refused, naming the folder and the process
    second = subprocess.run([*uhc, "batch", "--regions", "32.01", "--period", "2024-07", "--quiet", "--out",
                             str(tmp_path)], capture_output=True, text=True, timeout=60)  # fmt: skip
    assert second.returncode == 3
    assert f"{out} is in use by process {batch.pid}" in second.stderr and "Traceback" not in second.stderr

    killed_at = time.perf_counter()
    os.kill(batch.pid, signal.SIGKILL)  # the batch only, not its process group
    batch.wait()
    gone, alive = psutil.wait_procs(tree, timeout=5)
    assert alive == [], [p.cmdline() for p in alive]
    assert time.perf_counter() - killed_at < 5
    written = _briefs(out)
    time.sleep(1.5)
    assert _briefs(out) == written  # nobody is writing any more
    assert len(written) < 27  # Jawa Barat has 27 kab/kota: killed part-way

    # the next run takes over the dead batch's lock and indexes what the folder holds
    brief = subprocess.run([*uhc, "brief", "17.07", "--period", "2024-07", "--out", str(tmp_path)],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
    assert brief.returncode == 0, brief.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in {*written, "17.07.html"}:
        assert f'href="{name}"' in index
