"""The training course: solutions pass every check, lessons as committed run to the end with every check "not yet",
and the committed notebooks are exactly what tools/make_training_notebooks.py writes (no outputs, stable ids)."""

import importlib.util
import re
import shutil
import sys

import nbformat
import papermill as pm
import pytest

from uhc_lib import training
from uhc_lib.common.config import EMBEDDED_PANEL, PROJECT_ROOT
from uhc_lib.inputs import panel
from uhc_lib.training import checker, data_help

pytestmark = pytest.mark.notebook

COURSE = data_help.COURSE_DIR
LESSONS = sorted(COURSE.glob("*.ipynb"))
SOLUTIONS = sorted((COURSE / "solutions").glob("*.ipynb"))
UNFILLED = "Belum tepat: " + checker.MESSAGES["id"]["unfilled"]


def _generator():
    spec = importlib.util.spec_from_file_location(
        "make_training_notebooks", PROJECT_ROOT / "tools" / "make_training_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", autouse=True)
def own_cache(tmp_path_factory):
    """Kernels inherit the environment: the panel cache goes to a temporary folder shared by this module's runs,
    seeded with the embedded panel's cache entry when there is one (so no kernel validates the whole panel)."""
    cache = tmp_path_factory.mktemp("cache")
    warm = panel._cache_path(EMBEDDED_PANEL)  # the validated embedded panel, if this process's cache has it
    if warm.exists():
        shutil.copy(warm, cache / warm.name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("UHC_CACHE_DIR", str(cache))
        mp.setenv("MPLBACKEND", "Agg")
        yield


def execute(path, tmp_path) -> nbformat.NotebookNode:
    out = tmp_path / path.name
    pm.execute_notebook(
        str(path), str(out), kernel_name="python3", cwd=str(path.parent), progress_bar=False, log_output=False
    )
    return nbformat.read(out, as_version=4)


def check_messages(nb) -> list[str]:
    """The text each check cell displayed (one per check cell)."""
    messages = []
    for cell in nb.cells:
        if "check" in cell.metadata.get("tags", []):
            texts = [o.get("data", {}).get("text/plain", "") or o.get("text", "") for o in cell.outputs]
            messages.append("".join(texts))
    return messages


def exercise_ids(nb) -> list[str]:
    return [
        re.search(r'check\("([\d.]+)"', c.source).group(1) for c in nb.cells if "check" in c.metadata.get("tags", [])
    ]


def test_course_has_five_lessons_and_their_solutions():
    assert [p.name for p in LESSONS] == [p.name for p in SOLUTIONS]
    assert [p.name[:2] for p in LESSONS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_solution_passes_every_check(path, tmp_path):
    nb = execute(path, tmp_path)
    messages = check_messages(nb)
    assert len(messages) == len(exercise_ids(nb)) >= 2
    assert all(m.startswith("Benar!") for m in messages), messages
    assert not any("Belum tepat" in m for m in messages)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_as_committed_runs_to_the_end_with_every_check_not_yet(path, tmp_path):
    nb = execute(path, tmp_path)  # papermill raises if any cell fails
    messages = check_messages(nb)
    assert len(messages) >= 2
    assert messages == [UNFILLED] * len(messages)
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")  # ran to the last cell


def test_every_exercise_is_in_its_lesson_once():
    ids = []
    for path in LESSONS:
        nb = nbformat.read(path, as_version=4)
        found = exercise_ids(nb)
        assert all(i.split(".")[0] == str(int(path.name[:2])) for i in found), path
        ids += found
    assert ids == training.exercises.exercises()


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_committed_without_outputs_with_stable_ids_and_a_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids) and not any(re.fullmatch(r"[0-9a-f-]{36}|[0-9a-f]{8}", i) for i in ids)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# Pelajaran") and "Cara memakai" in first.source
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    for line in params[0].source.splitlines():
        comment = line.split("#", 1)[1] if "#" in line else ""
        assert "=" not in comment and ";" not in comment, line


def test_lessons_and_solutions_differ_only_in_exercise_cells_and_the_banner():
    for lesson_path, solution_path in zip(LESSONS, SOLUTIONS, strict=True):
        lesson, solution = (nbformat.read(p, as_version=4) for p in (lesson_path, solution_path))
        assert [c.id for c in lesson.cells] == [c.id for c in solution.cells]
        for a, b in zip(lesson.cells[1:], solution.cells[1:], strict=True):
            if "exercise" in a.metadata.get("tags", []):
                assert re.fullmatch(r"jawaban_\w+ = \.\.\.  # ganti \.\.\. dengan jawaban Anda", a.source)
                assert b.source.startswith(a.source.split(" = ")[0] + " = ") and "..." not in b.source.split("#")[0]
            else:
                assert a.source == b.source
        assert "Kunci jawaban" in solution.cells[0].source and "Kunci jawaban" not in lesson.cells[0].source


def test_rerunning_the_generator_changes_nothing():
    gen = _generator()
    assert len(gen.LESSONS) == len(LESSONS)
    for lesson in gen.LESSONS:
        for folder, solved in ((gen.COURSE, False), (gen.SOLUTIONS, True)):
            path = folder / f"{lesson.stem}.ipynb"
            assert path.read_text(encoding="utf-8") == gen.notebook_text(gen.build(lesson, solved)), path


def test_readme_lists_every_lesson_with_its_duration():
    readme = (COURSE / "README.md").read_text(encoding="utf-8")
    gen = _generator()
    for lesson in gen.LESSONS:
        assert f"{lesson.stem}.ipynb" in readme and f"{lesson.minutes} menit" in readme
