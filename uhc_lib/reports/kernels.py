"""Kernel managers for running many notebooks at once.

Parallel papermill runs that start kernels on TCP ports race for free ports ("Address already in use"); kernels here
talk over IPC sockets in a private temporary folder instead, so concurrent starts cannot collide. Each kernel is
started through :mod:`uhc_lib.reports.lifeline`, so it dies with the process that started it.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

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

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """The kernel spec's command, launched through the lifeline (the kernel dies with this process)."""
        return kernel_command(super().format_kernel_cmd(extra_arguments))
