"""One run at a time per output month and language folder.

A run holds ``<folder>/.uhc-lock`` with ``fcntl.flock`` while it writes; the file names the process (pid, host,
command, start time) for the message a second run gets. The kernel drops a flock when its holder dies, so the lock
of a killed run is simply taken over; where flock is not available the recorded pid is checked instead (alive on
this host: busy; dead: taken over).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
import sys
import time
from pathlib import Path

from uhc_lib.reports.guard import FolderBusy, OutputError, os_error_sentence

LOCK_NAME = ".uhc-lock"


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` exists on this machine (zombies count as ended)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


class FolderLock:
    """``with FolderLock(folder):`` creates ``folder`` and holds its lock, or raises :class:`FolderBusy` /
    :class:`OutputError` (folder not writable) with one sentence."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)

    def acquire(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(os_error_sentence(self.folder, exc) + ".") from None
        for _ in range(20):
            try:
                fd = self._open()
            except OSError as exc:
                raise OutputError(os_error_sentence(self.folder, exc) + ".") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = self.holder()
                os.close(fd)
                raise FolderBusy(self._busy(holder)) from None
            except OSError as exc:  # no flock on this file system: trust the recorded pid
                if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
                    os.close(fd)
                    raise
                holder = self.holder()
                if holder and holder.get("host") == socket.gethostname() and pid_alive(int(holder.get("pid", 0))):
                    os.close(fd)
                    raise FolderBusy(self._busy(holder)) from None
            try:  # the last holder may have removed the file between our open and our lock: lock the new one
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if not same:
                os.close(fd)
                continue
            record = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                      "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])[:300]}  # fmt: skip
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps(record).encode())
            self.fd = fd
            return
        raise FolderBusy(f"{self.folder} is in use by another run; try again when it has finished.")

    def release(self) -> None:
        if self.fd is not None:
            self.path.unlink(missing_ok=True)
            os.close(self.fd)
            self.fd = None

    def holder(self) -> dict:
        """What the lock file says about the run holding it (empty if unreadable)."""
        try:
            value = json.loads(self.path.read_text(encoding="utf-8"))
            return value if isinstance(value, dict) else {}
        except (OSError, ValueError):
            return {}

    def _busy(self, holder: dict) -> str:
        pid = holder.get("pid")
        if not pid:
            return f"{self.folder} is in use by another run; try again when it has finished."
        host = holder.get("host")
        where = "" if host in (None, socket.gethostname()) else f" on {host}"
        what = f" ({holder['command']}, started {holder.get('started', '?')})" if holder.get("command") else ""
        if where or pid_alive(int(pid)):
            return (f"{self.folder} is in use by process {pid}{where}{what}; wait for it to finish or stop it "
                    f"before starting another run into the same folder.")  # fmt: skip
        return (f"{self.folder} is still held by the workers of process {pid}{what}, which has ended; "
                f"they stop after their current brief.")  # fmt: skip
