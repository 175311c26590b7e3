"""Two ways to execute the brief notebook, both through papermill (same parameter injection and metadata):

- ``papermill``: the reference. A fresh kernel per notebook (about 2.5 s of start-up and imports each time).
- ``warm``: a kernel kept alive per worker (thread or process) and reused for brief after brief. Between runs the
  kernel is reset (namespace cleared, figures closed, matplotlib defaults and the inline backend restored, working
  directory restored); it is restarted every ``restart_every`` briefs and after any crash. One client (its channels
  opened and the kernel found ready once) serves every run of the kernel and is closed with it, so file descriptors
  do not grow (nbclient leaves the channels of a kernel it does not own open: nbclient issue 348) and a brief does
  not pay for connecting again.
"""

from __future__ import annotations

import atexit
import contextvars
import inspect
import logging
import multiprocessing.util
import threading
from pathlib import Path

import nbformat
import papermill as pm
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

from uhc_lib.reports.kernels import IPCKernelManager

ENGINES = ("warm", "papermill")
FREEZE_BEFORE_RUN = 2  # the kernel's second notebook (``runs`` counts the one about to run)

# Like %reset -f (user variables gone, output cache emptied) without its full garbage collection, which costs
# 0.14 s a brief: Python's own collector keeps a kernel at about 280 MB over 200 briefs (measured), and the kernel
# is restarted every ``restart_every`` briefs anyway (a restart and the imports after it cost about 1.1 s of CPU).
# Before the second brief, once the first has imported every module and filled the month's caches, the collector is
# run and what is left is frozen (``gc.freeze``): later collections no longer walk those 185,000 objects, which cost
# about 0.07 s of CPU a brief. Frozen objects are still freed when nothing refers to them.
RESET_CODE = """\
def _uhc_reset(cwd, freeze):
    import gc, os, matplotlib, matplotlib.pyplot as plt
    ip = get_ipython()
    for name in [n for n in ip.user_ns if n not in ip.user_ns_hidden]:
        del ip.user_ns[name]
    ip.user_ns["Out"].clear()
    plt.close("all")
    matplotlib.rcdefaults()
    ip.run_line_magic("matplotlib", "inline")
    os.chdir(cwd)
    if freeze:
        gc.collect()
        gc.freeze()
_uhc_reset({cwd!r}, {freeze!r})
"""


async def _awaited(value):
    return await value if inspect.isawaitable(value) else value


def _wait(value):
    """The result of a kernel-manager call, awaited if the manager is async."""
    return run_sync(_awaited)(value)


class _ResettingClient(PapermillNotebookClient):
    """papermill's client that first resets the (reused) kernel, silently, over the run's own channels."""

    reset_code = ""

    def papermill_execute_cells(self):
        if self.reset_code:
            reply = self.wait_for_reply(self.kc.execute(self.reset_code, silent=True, store_history=False))
            if reply is None or reply["content"]["status"] != "ok":
                evalue = None if reply is None else reply["content"].get("evalue")
                raise RuntimeError(f"kernel reset failed: {evalue}")
        super().papermill_execute_cells()


class WarmClientEngine(NBClientEngine):
    """papermill engine that runs against a kernel it is given (``km=``) through its open client (``kc=``; else one
    opened and closed for this run), resetting the kernel first (``reset_code=``)."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        log_output=False,
        stdout_file=None,
        stderr_file=None,
        start_timeout=60,
        execution_timeout=None,
        km=None,
        kc=None,
        reset_code="",
        **kwargs,
    ):
        client = _ResettingClient(
            nb_man,
            km=km,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logging.getLogger("papermill"),
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        client.reset_code = reset_code
        client.kc = kc  # the warm kernel's open client; None: nbclient opens one for this run
        try:
            return client.execute()
        finally:
            if kc is None and client.kc is not None:
                client.kc.stop_channels()
            client.kc = None


papermill_engines.register("uhc-warm", WarmClientEngine)


class WarmKernel:
    """One long-lived kernel, reset between notebooks and restarted every ``restart_every`` runs or after a crash."""

    def __init__(
        self, kernel_name: str = "python3", cwd: str | Path = ".", restart_every: int = 500, startup_timeout: int = 60
    ):
        self.kernel_name, self.cwd = kernel_name, str(Path(cwd).resolve())
        self.restart_every, self.startup_timeout = restart_every, startup_timeout
        self.km: IPCKernelManager | None = None
        self.kc = None  # the kernel's client, open while the kernel lives
        self.runs = 0
        self.restarts = 0

    def _start(self) -> None:
        # nbclient needs an async manager: with a blocking client it cannot notice a dead kernel while it waits
        self.km = IPCKernelManager(kernel_name=self.kernel_name)
        _wait(self.km.start_kernel(cwd=self.cwd))
        self.kc = self.km.client()
        self.kc.start_channels()
        _wait(self.kc.wait_for_ready(timeout=self.startup_timeout))
        self.kc.allow_stdin = False
        self.runs = 0

    def shutdown(self) -> None:
        """Close the client and stop the kernel (idempotent)."""
        if self.kc is not None:
            try:
                self.kc.stop_channels()
            except Exception:  # noqa: BLE001 - a dead kernel's channels may already be gone
                pass
            self.kc = None
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

    def ready(self) -> IPCKernelManager:
        """A live kernel for the next notebook (started or restarted when needed); run ``reset_code`` first."""
        if not self.alive():
            self.shutdown()
            self._start()
        elif self.runs >= self.restart_every:
            self.restart()
        self.runs += 1
        return self.km

    @property
    def reset_code(self) -> str:
        """Code that returns the kernel to a fresh state (run silently before each notebook); before the kernel's
        second notebook it also freezes what the first left for the collector."""
        return RESET_CODE.format(cwd=self.cwd, freeze=self.runs == FREEZE_BEFORE_RUN)


_local = threading.local()
_all_kernels: list[WarmKernel] = []
_lock = threading.Lock()


def _thread_context() -> contextvars.Context:
    """A context of this thread's own, kept for its lifetime.

    jupyter_core keeps its event loop in a context variable. Pools that copy the submitting thread's context into
    their worker threads (Dask does) would otherwise hand several threads the same loop ("This event loop is
    already running"). Running each brief in the thread's own context gives every thread its own loop.
    """
    context = getattr(_local, "context", None)
    if context is None:
        context = _local.context = contextvars.Context()
    return context


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


def execute(
    notebook: str | Path,
    output: str | Path,
    parameters: dict,
    engine: str = "warm",
    kernel_name: str = "python3",
    timeout: int = 600,
    restart_every: int = 500,
) -> nbformat.NotebookNode:
    """Execute ``notebook`` with ``parameters`` into ``output`` with the chosen engine and return the executed
    notebook, the one written to ``output`` (raises on cell errors, after writing the failed notebook there)."""
    return _thread_context().run(_execute, notebook, output, parameters, engine, kernel_name, timeout, restart_every)


def _execute(
    notebook: str | Path,
    output: str | Path,
    parameters: dict,
    engine: str,
    kernel_name: str,
    timeout: int,
    restart_every: int,
) -> nbformat.NotebookNode:
    cwd = str(Path(notebook).resolve().parent)
    common = dict(
        parameters=parameters,
        kernel_name=kernel_name,
        progress_bar=False,
        log_output=False,
        execution_timeout=timeout,
        cwd=cwd,
        request_save_on_cell_execute=False,
    )
    if engine == "papermill":
        return pm.execute_notebook(str(notebook), str(output), kernel_manager_class=IPCKernelManager, **common)
    if engine != "warm":
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    kernel = warm_kernel(kernel_name, cwd, restart_every)
    try:
        km = kernel.ready()
        return pm.execute_notebook(
            str(notebook),
            str(output),
            engine_name="uhc-warm",
            km=km,
            kc=kernel.kc,
            reset_code=kernel.reset_code,
            **common,
        )
    finally:
        if not kernel.alive():
            kernel.shutdown()  # crashed: the next brief starts a new kernel
