"""Resume skips briefs already up to date; a killed batch leaves no half-written files; writes are atomic."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tests.reports.helpers import brief_pages
from uhc_lib.reports.export import remove_stale_temporaries, write_atomic
from uhc_lib.reports.run import run_brief

pytestmark = pytest.mark.notebook
DATA = Path(__file__).resolve().parents[1] / "data"


def test_resume_skips_up_to_date_and_reruns_on_change(tmp_path):
    first = run_brief("17.07", tmp_path, period="2024-07", resume=True)
    assert first.ok and not first.skipped
    html = Path(first.html)
    stamp = html.stat().st_mtime_ns
    again = run_brief("17.07", tmp_path, period="2024-07", resume=True)
    assert again.ok and again.skipped and again.summary == first.summary
    assert html.stat().st_mtime_ns == stamp
    other_lang = run_brief("17.07", tmp_path, period="2024-07", lang="en", resume=True)
    assert not other_lang.skipped  # different parameters
    html.unlink()
    missing = run_brief("17.07", tmp_path, period="2024-07", lang="id", resume=True)
    assert not missing.skipped and html.exists()  # an output file was missing
    without = run_brief("17.07", tmp_path, period="2024-07")
    assert not without.skipped  # resume is opt-in


def test_executed_notebooks_are_kept_only_on_request(tmp_path):
    notebook, record = tmp_path / "notebooks" / "17.07.ipynb", tmp_path / "notebooks" / "17.07.brief.json"
    plain = run_brief("17.07", tmp_path, period="2024-07", resume=True)
    assert plain.ok and plain.notebook is None and not notebook.exists() and record.exists()
    assert run_brief("17.07", tmp_path, period="2024-07", resume=True).skipped  # up to date from its record alone
    kept = run_brief("17.07", tmp_path, period="2024-07", resume=True, keep_notebook=True)
    assert not kept.skipped and kept.notebook == str(notebook)  # a notebook was asked for and missing: run again
    assert nbformat.read(notebook, as_version=4).metadata["papermill"]["parameters"]["region_code"] == "17.07"
    assert run_brief("17.07", tmp_path, period="2024-07", resume=True, keep_notebook=True).skipped
    again = run_brief("17.07", tmp_path, period="2024-07")  # not kept this time: the old one would not match
    assert again.ok and again.notebook is None and not notebook.exists()


def test_resume_reruns_when_the_data_changes(tmp_path):
    data = tmp_path / "panel.csv"
    data.write_text((DATA / "panel_valid_segments.csv").read_text())
    first = run_brief("17.07", tmp_path / "out", period="2024-01", data_path=data, resume=True)
    assert first.ok, first.error
    assert run_brief("17.07", tmp_path / "out", period="2024-01", data_path=data, resume=True).skipped
    data.write_text(
        data.read_text().replace(
            "17.07,2024-01,pbi_apbn,110000,50000,48000", "17.07,2024-01,pbi_apbn,110000,50000,47999"
        )
    )
    assert not run_brief("17.07", tmp_path / "out", period="2024-01", data_path=data, resume=True).skipped


def test_write_atomic_leaves_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "brief.html"
    target.write_text("old")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.html"]


def test_killed_batch_leaves_only_complete_briefs_and_resume_finishes(tmp_path):
    cmd = [
        sys.executable,
        "-m",
        "uhc_lib.cli",
        "batch",
        "--province",
        "11",
        "--period",
        "2024-07",
        "--jobs",
        "2",
        "--quiet",
        "--out",
        str(tmp_path),
    ]
    log = (tmp_path / "batch.log").open("w")
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=log, stderr=log)
    out = tmp_path / "2024-07" / "id"
    deadline = time.time() + 180
    while time.time() < deadline and len(brief_pages(out)) < 3:
        assert proc.poll() is None, (tmp_path / "batch.log").read_text()[-2000:]
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)  # the batch, its workers and their kernels
    proc.wait()
    done = brief_pages(out)
    assert 3 <= len(done) < 23  # killed part-way (Aceh has 23 kab/kota)
    for page in done:
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert "23 briefs written" in resumed.stdout and "already up to date" in resumed.stdout
    assert len(brief_pages(out)) == 23
    assert (out / "changes.html").exists() and (out / "index.html").exists()  # written once the briefs are done
    assert not list(out.rglob("*.tmp")) and not list(out.rglob("*.running.ipynb"))
    assert remove_stale_temporaries(out) == 0
