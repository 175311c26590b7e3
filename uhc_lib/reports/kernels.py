"""Kernel managers for running many notebooks at once.

Parallel papermill runs that start kernels on TCP ports race for free ports ("Address already in use"); kernels here
talk over IPC sockets in a private temporary folder instead, so concurrent starts cannot collide.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager


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
