"""The import contracts of ``pyproject.toml`` hold on the package, and each fails when a wrong import is planted."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "uhc_lib", root / "uhc_lib", ignore=shutil.ignore_patterns("__pycache__", "_shipped"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_package_keeps_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "planted", "broken"),
    [
        ("analysis/gaps.py", "from uhc_lib.render.text import narrative", "Layers of uhc_lib"),
        ("rules/criteria.py", "from uhc_lib.analysis import budget", "Layers of uhc_lib"),
        ("analysis/budget.py", "from uhc_lib.common import fmt", "Calculations never format"),
        ("inputs/reference.py", "import matplotlib.pyplot", "Calculations never format"),
        ("render/text/narrative.py", "from uhc_lib.render.charts import style", "Render: text never draws"),
        ("reports/index.py", "from uhc_lib.registry import nik", "Personal data stays in the registry wing"),
        ("reports/batch.py", "from uhc_lib.analysis import peers", "Reports and CLI reach figures"),
        ("training/answers.py", "from uhc_lib.registry import match", "Personal data stays in the registry wing"),
        ("registry/nik.py", "from uhc_lib.registry import worklist", "Registry wing layers"),
    ],
)
def test_a_planted_wrong_import_breaks_its_contract(package_copy, module, planted, broken):
    path = package_copy / "uhc_lib" / module
    original = path.read_text()
    path.write_text(original + f"\n{planted}  # planted\n")
    try:
        result = lint_imports(package_copy)
    finally:
        path.write_text(original)
    assert result.returncode == 1, result.stdout
    broken_lines = [line for line in result.stdout.splitlines() if " BROKEN" in line]  # "BROKEN (1 ignored import)"
    assert any(line.startswith(broken) for line in broken_lines), result.stdout
