"""One run at a time per month and language folder: a second one is refused naming the folder and the process; the
lock of a dead process is taken over; a folder that cannot be written gets a sentence (issue 12)."""

import errno
import json
import os
import subprocess
import sys

import psutil
import pytest

from uhc_lib.cli import main
from uhc_lib.reports.guard import FolderBusy, OutputError
from uhc_lib.reports.lock import LOCK_NAME, FolderLock, pid_alive

HOLD = """
import sys, time
from uhc_lib.reports.lock import FolderLock
with FolderLock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(60)
"""


@pytest.fixture
def held(tmp_path):
    """A real process holding the lock of tmp/2024-07/id."""
    folder = tmp_path / "2024-07" / "id"
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    yield folder, proc
    proc.kill()
    proc.wait()


def test_a_second_run_into_the_same_folder_is_refused(held, tmp_path, capsys):
    folder, proc = held
    with pytest.raises(FolderBusy, match=f"{folder} is in use by process {proc.pid}"):
        FolderLock(folder).acquire()
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    assert main(["batch", "--regions", "17.07", "--period", "2024-07", "--out", str(tmp_path), "--quiet"]) == 3
    assert main(["brief", "17.07", "--period", "2024-07", "--out", str(tmp_path)]) == 3
    assert {p.pid for p in psutil.Process().children(recursive=True)} <= before  # no worker, no kernel started
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(f"{folder} is in use by process {proc.pid}" in line for line in err)
    assert sorted(p.name for p in folder.iterdir()) == [LOCK_NAME]  # nothing written beside the lock
    # another language is another folder: not locked
    with FolderLock(tmp_path / "2024-07" / "en"):
        pass


def test_the_lock_of_a_dead_process_is_taken_over(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    assert not pid_alive(pid)
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / LOCK_NAME).write_text(json.dumps({"pid": pid, "host": os.uname().nodename, "command": "uhc batch"}))
    with FolderLock(tmp_path) as lock:
        assert json.loads(lock.path.read_text())["pid"] == os.getpid()
        with pytest.raises(FolderBusy, match=f"in use by process {os.getpid()}"):
            FolderLock(tmp_path).acquire()  # held, even within one process
    assert not (tmp_path / LOCK_NAME).exists()  # released and removed
    with FolderLock(tmp_path):  # and free again
        pass


def test_a_read_only_folder_gets_a_sentence(tmp_path, monkeypatch, capsys):
    out = tmp_path / "reports"
    out.mkdir()
    if os.geteuid() != 0:
        out.chmod(0o555)
    else:  # root writes anyway: the folder refuses through the lock file

        def read_only(self):
            raise PermissionError(errno.EACCES, "Permission denied", str(self.path))

        monkeypatch.setattr(FolderLock, "_open", read_only)
    try:
        with pytest.raises(OutputError, match="read-only or you may not write there"):
            FolderLock(out / "2024-07" / "id").acquire()
        for argv in (["batch", "--regions", "17.07", "--quiet"], ["brief", "17.07"]):
            assert main([*argv, "--period", "2024-07", "--out", str(out)]) == 1
            err = capsys.readouterr().err.strip()
            assert err.endswith("the folder is read-only or you may not write there."), err
            assert "Traceback" not in err and "Error" not in err
    finally:
        out.chmod(0o755)
