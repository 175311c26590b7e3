"""A kernel killed mid-brief: the brief is run once more on a fresh kernel, and kept as <region>.failed.ipynb when
its kernel dies again (issue 12). The kernels here really die (SIGKILL from inside the notebook)."""

import nbformat
import pytest

from tests.reports.helpers import brief_notebook_with
from uhc_lib.reports import engines
from uhc_lib.reports.run import run_brief

pytestmark = pytest.mark.notebook


@pytest.fixture
def fresh_warm_kernel():
    engines.shutdown_all()
    yield
    engines.shutdown_all()


@pytest.mark.parametrize("engine", ["warm"])  # the retry is the same for both engines (run_brief)
def test_a_brief_whose_kernel_dies_is_run_again(tmp_path, fresh_warm_kernel, engine):
    marks = tmp_path / "marks"
    marks.mkdir()
    notebook = brief_notebook_with(
        tmp_path / "nb",
        "import os, signal, pathlib\n"
        f"_mark = pathlib.Path({str(marks)!r}) / region_code\n"
        "if region_code == '32.03' or (region_code == '17.07' and not _mark.exists()):\n"
        "    _mark.touch()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)",
    )
    out = tmp_path / "out"
    once = run_brief("17.07", out, period="2024-07", notebook=notebook, engine=engine)
    assert once.ok and once.retried, once.error  # died once, then made on a fresh kernel
    assert (out / "17.07.html").exists() and not (out / "notebooks" / "17.07.failed.ipynb").exists()
    twice = run_brief("32.03", out, period="2024-07", notebook=notebook, engine=engine)
    assert not twice.ok and twice.retried
    assert "Kernel died" in twice.error or "DeadKernelError" in twice.error
    assert twice.notebook.endswith("32.03.failed.ipynb")
    kept = nbformat.read(twice.notebook, as_version=4)
    assert "32.03" in str(kept.metadata.get("uhc_monitor", {})) or "32.03" in kept.cells[0].source
    assert not (out / "32.03.html").exists()
    after = run_brief("17.08", out, period="2024-07", engine=engine)  # and the next brief runs normally
    assert after.ok and not after.retried
