"""Two ways to execute the brief notebook, both through papermill (same parameter injection and metadata):

- ``papermill``: the reference. A fresh kernel per notebook (about 2.5 s of start-up and imports each time).
- ``warm``: a kernel kept alive per worker (thread or process) and reused for brief after brief. Between runs the
  kernel is reset (namespace cleared, figures closed, matplotlib defaults and the inline backend restored, working
  directory restored); it is restarted every ``restart_every`` briefs and after any crash. The client channels of
  each run are closed (nbclient leaves them open when it does not own the kernel: nbclient issue 348).
"""

from __future__ import annotations

import atexit
import inspect
import multiprocessing.util
import logging
import threading
from pathlib import Path

import papermill as pm
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

from uhc_lib.reports.kernels import IPCKernelManager

ENGINES = ("warm", "papermill")
log = logging.getLogger(__name__)

RESET_CODE = """\
%reset -f
import os as _os, matplotlib as _mpl, matplotlib.pyplot as _plt
_plt.close("all")
_mpl.rcdefaults()
%matplotlib inline
_os.chdir({cwd!r})
del _os, _mpl, _plt
"""


async def _awaited(value):
    return await value if inspect.isawaitable(value) else value


def _wait(value):
    """The result of a kernel-manager call, awaited if the manager is async."""
    return run_sync(_awaited)(value)


class WarmClientEngine(NBClientEngine):
    """papermill engine that runs against a kernel it is given (``km=``) and closes its client afterwards."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                 start_timeout=60, execution_timeout=None, km=None, **kwargs):
        client = PapermillNotebookClient(
            nb_man, km=km, timeout=execution_timeout, startup_timeout=start_timeout, kernel_name=kernel_name,
            log=logging.getLogger("papermill"), log_output=log_output, stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        try:
            return client.execute()
        finally:
            if client.kc is not None:
                client.kc.stop_channels()
                client.kc = None


papermill_engines.register("uhc-warm", WarmClientEngine)


class WarmKernel:
    """One long-lived kernel, reset between notebooks and restarted every ``restart_every`` runs or after a crash."""

    def __init__(self, kernel_name: str = "python3", cwd: str | Path = ".", restart_every: int = 50,
                 startup_timeout: int = 60):
        self.kernel_name, self.cwd = kernel_name, str(Path(cwd).resolve())
        self.restart_every, self.startup_timeout = restart_every, startup_timeout
        self.km: IPCKernelManager | None = None
        self.runs = 0
        self.restarts = 0

    def _start(self) -> None:
        # nbclient needs an async manager: with a blocking client it cannot notice a dead kernel while it waits
        self.km = IPCKernelManager(kernel_name=self.kernel_name)
        _wait(self.km.start_kernel(cwd=self.cwd))
        kc = self.km.blocking_client()
        try:
            kc.start_channels()
            kc.wait_for_ready(timeout=self.startup_timeout)
        finally:
            kc.stop_channels()
        self.runs = 0

    def shutdown(self) -> None:
        """Stop the kernel (idempotent)."""
        if self.km is not None:
            try:
                _wait(self.km.shutdown_kernel(now=not self.alive()))
            except Exception:  # noqa: BLE001 - already dead is fine
                pass
            try:
                _wait(self.km.cleanup_resources())
            except Exception:  # noqa: BLE001
                pass
            self.km = None

    def alive(self) -> bool:
        """Whether the kernel process is running."""
        return self.km is not None and bool(_wait(self.km.is_alive()))

    def restart(self) -> None:
        self.shutdown()
        self._start()
        self.restarts += 1

    def _reset(self) -> None:
        kc = self.km.blocking_client()
        try:
            kc.start_channels()
            reply = kc.execute_interactive(RESET_CODE.format(cwd=self.cwd), timeout=30, store_history=False,
                                           output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"kernel reset failed: {reply['content'].get('evalue')}")
        finally:
            kc.stop_channels()

    def ready(self) -> IPCKernelManager:
        """A live, freshly reset kernel for the next notebook."""
        if not self.alive():
            self.shutdown()
            self._start()
        elif self.runs >= self.restart_every:
            self.restart()
        else:
            self._reset()
        self.runs += 1
        return self.km


_local = threading.local()
_all_kernels: list[WarmKernel] = []
_lock = threading.Lock()


def warm_kernel(kernel_name: str, cwd: str | Path, restart_every: int) -> WarmKernel:
    """This worker's (thread's) warm kernel, created on first use and stopped when the process exits."""
    kernel = getattr(_local, "kernel", None)
    if kernel is None:
        kernel = WarmKernel(kernel_name, cwd, restart_every)
        _local.kernel = kernel
        with _lock:
            _all_kernels.append(kernel)
        # pool workers leave through os._exit, which skips atexit; multiprocessing's finalizers still run
        multiprocessing.util.Finalize(kernel, kernel.shutdown, exitpriority=10)
    return kernel


@atexit.register
def shutdown_all() -> None:
    """Stop every warm kernel this process started."""
    with _lock:
        for kernel in _all_kernels:
            kernel.shutdown()
        _all_kernels.clear()
    if hasattr(_local, "kernel"):
        del _local.kernel


def execute(notebook: str | Path, output: str | Path, parameters: dict, engine: str = "warm",
            kernel_name: str = "python3", timeout: int = 600, restart_every: int = 50) -> None:
    """Execute ``notebook`` with ``parameters`` into ``output`` with the chosen engine (raises on cell errors)."""
    cwd = str(Path(notebook).resolve().parent)
    common = dict(parameters=parameters, kernel_name=kernel_name, progress_bar=False, log_output=False,
                  execution_timeout=timeout, cwd=cwd)
    if engine == "papermill":
        pm.execute_notebook(str(notebook), str(output), kernel_manager_class=IPCKernelManager, **common)
        return
    if engine != "warm":
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    kernel = warm_kernel(kernel_name, cwd, restart_every)
    try:
        pm.execute_notebook(str(notebook), str(output), engine_name="uhc-warm", km=kernel.ready(), **common)
    finally:
        if not kernel.alive():
            kernel.shutdown()  # crashed: the next brief starts a new kernel
