"""The warm-kernel engine gives the same briefs as fresh papermill kernels, isolates runs and survives crashes."""

import re

import nbformat
import pytest

from uhc_lib.reports import engines
from uhc_lib.reports.run import run_brief

pytestmark = pytest.mark.notebook


def _normalised(html: str) -> str:
    return re.sub(r'id="cell-id=[0-9a-f-]+"', 'id="cell-id"', html)


def _notebook(path, *sources):
    cells = [nbformat.v4.new_code_cell("value = 0", metadata={"tags": ["parameters"]})]
    cells += [nbformat.v4.new_code_cell(src) for src in sources]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture
def fresh_warm_kernel():
    engines.shutdown_all()
    yield
    engines.shutdown_all()


def test_engines_give_identical_briefs(tmp_path, fresh_warm_kernel):
    for engine in ("warm", "papermill"):
        for code in ("17.07", "32.03"):  # the second warm brief runs in the kernel the first one used
            result = run_brief(code, tmp_path / engine, period="2024-12", engine=engine)
            assert result.ok, result.error
    for code in ("17.07", "32.03"):
        warm = (tmp_path / "warm" / f"{code}.html").read_text(encoding="utf-8")
        cold = (tmp_path / "papermill" / f"{code}.html").read_text(encoding="utf-8")
        assert _normalised(warm) == _normalised(cold)


def test_state_does_not_leak_between_runs(tmp_path, fresh_warm_kernel):
    first = _notebook(
        tmp_path / "first.ipynb", "import matplotlib\nleaked = 42\nmatplotlib.rcParams['lines.linewidth'] = 9"
    )
    second = _notebook(
        tmp_path / "second.ipynb",
        "import matplotlib\nassert 'leaked' not in globals()\nassert matplotlib.rcParams['lines.linewidth'] == 1.5",
    )
    engines.execute(first, tmp_path / "out1.ipynb", {"value": 1})
    engines.execute(second, tmp_path / "out2.ipynb", {"value": 2})
    assert engines.warm_kernel("python3", tmp_path, 50).runs == 2  # really the same kernel


def test_a_killed_kernel_is_replaced(tmp_path, fresh_warm_kernel):
    crash = _notebook(tmp_path / "crash.ipynb", "import os\nos._exit(1)")
    fine = _notebook(tmp_path / "fine.ipynb", "print(value * 2)")
    with pytest.raises(Exception):  # noqa: B017 - papermill/nbclient raise DeadKernelError or similar
        engines.execute(crash, tmp_path / "out1.ipynb", {"value": 1})
    engines.execute(fine, tmp_path / "out2.ipynb", {"value": 21})
    out = nbformat.read(tmp_path / "out2.ipynb", as_version=4)
    assert out.cells[-1].outputs[0]["text"].strip() == "42"


def test_restart_every_n_runs(tmp_path, fresh_warm_kernel):
    nb = _notebook(tmp_path / "nb.ipynb", "import os\nprint(os.getpid())")
    pids = []
    for i in range(3):
        engines.execute(nb, tmp_path / f"out{i}.ipynb", {"value": i}, restart_every=2)
        pids.append(nbformat.read(tmp_path / f"out{i}.ipynb", as_version=4).cells[-1].outputs[0]["text"])
    assert pids[0] == pids[1] != pids[2]


def test_the_second_run_freezes_what_the_first_left_and_its_garbage_is_collected(tmp_path, fresh_warm_kernel):
    """Before the kernel's second notebook the collector runs and the survivors are frozen; the first notebook's
    cyclic garbage is not among them, and a cycle made later is still collected."""
    first = _notebook(
        tmp_path / "first.ipynb",
        "import gc, weakref\nclass Node: pass\nnode = Node(); node.me = node\n"
        "import builtins; builtins._uhc_probe = weakref.ref(node)\nprint(gc.get_freeze_count())",
    )
    second = _notebook(
        tmp_path / "second.ipynb",
        "import builtins, gc\nprint(gc.get_freeze_count() > 1000, builtins._uhc_probe() is None)\n"
        "class Node: pass\nnode = Node(); node.me = node\nimport weakref; probe = weakref.ref(node); del node\n"
        "gc.collect(); print(probe() is None)",
    )
    outputs = []
    for i, nb in enumerate((first, second)):
        out = engines.execute(nb, tmp_path / f"out{i}.ipynb", {"value": i})
        outputs.append("".join(o["text"] for o in out.cells[-1].outputs))
    assert outputs == ["0\n", "True True\nTrue\n"]


def test_unknown_engine(tmp_path):
    with pytest.raises(ValueError, match="engine"):
        engines.execute(tmp_path / "x.ipynb", tmp_path / "y.ipynb", {}, engine="turbo")
