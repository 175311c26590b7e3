"""Kernel managers for running many notebooks at once.

Parallel papermill runs that start kernels on TCP ports race for free ports ("Address already in use"); kernels here
talk over IPC sockets in a private temporary folder instead, so concurrent starts cannot collide. Each kernel is
started through :mod:`uhc_lib.reports.lifeline`, so it dies with the process that started it.

A kernel's own stdout and stderr (not a cell's output, which travels as messages into the notebook) go to a log
file beside its sockets, not to the user's console: ipykernel logs there ("[IPKernelApp] WARNING ..."), and the
interrupt jupyter_client sends before every shutdown can print a ``KeyboardInterrupt`` traceback. A cell's error
still fails the run and is reported in one sentence; the log is removed with the kernel's other files.
"""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager

from uhc_lib.reports.lifeline import kernel_command


def ipc_socket_path() -> str:
    """A unique path prefix for one kernel's IPC sockets (in a private folder under the temporary directory)."""
    socket_dir = Path(tempfile.gettempdir()) / "uhc-kernels"
    socket_dir.mkdir(mode=0o700, exist_ok=True)
    return str(socket_dir / uuid.uuid4().hex[:12])


class IPCKernelManager(AsyncKernelManager):
    """An ``AsyncKernelManager`` using the ``ipc`` transport with a unique socket path per kernel."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.transport = "ipc"
        self.ip = ipc_socket_path()

    @property
    def log_path(self) -> Path:
        """Where the kernel process's own output goes (``<socket prefix>.log``)."""
        return Path(f"{self.ip}.log")

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        if "stdout" not in kw and "stderr" not in kw:
            log = open(self.log_path, "ab")  # noqa: SIM115 - the kernel process holds it; closed here after start
            try:
                await super()._async_launch_kernel(kernel_cmd, **kw, stdout=log, stderr=log)
            finally:
                log.close()
            return
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            with contextlib.suppress(OSError):
                self.log_path.unlink(missing_ok=True)

    cleanup_resources = _async_cleanup_resources  # as AsyncKernelManager does, so callers reach the override

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """The kernel spec's command, launched through the lifeline (the kernel dies with this process)."""
        return kernel_command(super().format_kernel_cmd(extra_arguments))
