"""Disk space: a batch that would not fit is refused before it starts; a full disk mid-batch stops it cleanly,
keeping every complete brief, removing partial files, indexing what exists, with one sentence (issue 12). The full
disk is simulated by a writer raising OSError(ENOSPC), as a real one does."""

import errno
import os
import re
import threading
from collections import namedtuple

import pytest

from uhc_lib.cli import main
from uhc_lib.reports import batch, run

Usage = namedtuple("Usage", "total used free")


def test_a_batch_that_would_not_fit_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(batch.shutil, "disk_usage", lambda path: Usage(10**9, 10**9 - 5_000_000, 5_000_000))
    assert main(["batch", "--province", "17", "--period", "2024-07", "--quiet", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"uhc batch: not enough free space in {tmp_path / '2024-07' / 'id'}: 10 briefs need about 22 MB and 5 MB "
        "are free; free some space or write elsewhere with --out."
    )
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    assert batch.bytes_needed(514, ("html",)) < 100_000_000  # a national batch: about 50 MB (issue 16: <= 100 MB)
    kept = batch.bytes_needed(514, ("html",), keep_notebooks=True) - batch.bytes_needed(514, ("html",))
    assert kept == 514 * batch.BYTES_PER_BRIEF["notebook"]  # --keep-notebooks is counted


@pytest.mark.notebook
def test_a_full_disk_stops_the_batch_cleanly(tmp_path, monkeypatch, capsys):
    real = run.write_atomic
    written = []

    def filling_up(path, text):
        if path.suffix == ".html" and written:  # the disk fills while the second brief is written
            tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(str(text)[:1000])  # half a file left behind, as a real full disk does
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp))
        real(path, text)
        if path.suffix == ".html":
            written.append(path.name)

    monkeypatch.setattr(run, "write_atomic", filling_up)  # the worker (forked) inherits it
    argv = ["batch", "--regions", "17.01,17.02,17.03,17.04", "--period", "2024-07", "--jobs", "1", "--quiet"]
    assert main([*argv, "--out", str(tmp_path)]) == 1
    out = tmp_path / "2024-07" / "id"
    err = capsys.readouterr().err.strip()
    assert err == (
        f"uhc batch: cannot write in {out}: the disk is full; the batch stopped after 1 of 4 briefs, keeping every "
        "complete brief (listed in the index)."
    )
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["17.01.html", "batch.json", "index.html", "notebooks/17.01.brief.json"]  # no --keep-notebooks
    index = (out / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'href="([0-9.]+)\.html"', index)) == {"17.01"}  # linked from the map and the table
    assert re.findall(r'<tr data-c="([0-9.]+)"', index) == ["17.01"]  # the one complete brief, no other row
