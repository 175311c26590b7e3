"""Workers and kernels die with their parent, so a killed batch leaves no process writing briefs.

On Linux a process asks the kernel for a signal when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``):
the batch's pool workers do so in their initializer, and each Jupyter kernel does so first thing, through this
module used as its launcher (``python -m uhc_lib.reports.lifeline PARENT_PID -f connection.json`` instead of
``python -m ipykernel_launcher -f connection.json``). Elsewhere a watchdog thread polls the parent pid once a second.
Both check that the parent is still the one that started them, which closes the window before the request.
"""

from __future__ import annotations

import ctypes
import os
import runpy
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1


def _pdeathsig(sig: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watchdog(parent_pid: int, interval: float = 1.0) -> None:
    def watch() -> None:
        stop = threading.Event()
        while not stop.wait(interval):
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="uhc-lifeline", daemon=True).start()


def die_with_parent(parent_pid: int | None = None) -> None:
    """End this process (SIGKILL) as soon as its parent ``parent_pid`` (default: the current parent) dies."""
    parent_pid = os.getppid() if parent_pid is None else int(parent_pid)
    if not _pdeathsig(signal.SIGKILL):
        _watchdog(parent_pid)
    if os.getppid() != parent_pid:  # the parent died before we asked
        os._exit(1)


def kernel_command(cmd: list[str], parent_pid: int | None = None) -> list[str]:
    """A kernel command line started through this module, so the kernel dies with the process that starts it."""
    for i in range(len(cmd) - 1):
        if cmd[i] == "-m" and cmd[i + 1] == "ipykernel_launcher":
            return [*cmd[: i + 1], __name__, str(os.getpid() if parent_pid is None else parent_pid), *cmd[i + 2 :]]
    return cmd


def main() -> None:
    parent_pid = int(sys.argv.pop(1))
    die_with_parent(parent_pid)
    runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
