"""The training course: answer keys pass every check, lessons as committed run to the end with every check "not yet",
every lesson and key follows its parameters cell to other regions and months (2026 included) with no name or figure
of another region in any output, and the committed notebooks are exactly what tools/make_training_notebooks.py
writes (no outputs, stable ids)."""

import copy
import importlib.util
import re
import shutil
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from uhc_lib import training
from uhc_lib.common.config import EMBEDDED_PANEL, NOTEBOOKS_DIR, PROJECT_ROOT
from uhc_lib.inputs import panel, reference
from uhc_lib.training import checker, data_help

pytestmark = pytest.mark.notebook

COURSE = data_help.COURSE_DIR
KEYS_DIR = NOTEBOOKS_DIR / "training_keys"
LESSONS = sorted(COURSE.glob("*.ipynb"))
SOLUTIONS = sorted(KEYS_DIR.glob("*.ipynb"))
UNFILLED = "Belum tepat: " + checker.MESSAGES["id"]["unfilled"]

# (region, month) runs of every key in one kernel: three regions, a 2025 and two 2026 months, statuses Prioritas,
# Cut Off and not UHC among them
COMBOS = [("35.28", "2026-03"), ("91.05", "2025-12"), ("13.05", "2026-11")]
DEFAULT_NAMES = ("Lebong", "Cianjur", "52.298", "52298")


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
    seeded with the embedded panel's cache entry when there is one (so no kernel validates the whole panel); the
    practice files and the progress record go to temporary folders too."""
    cache = tmp_path_factory.mktemp("cache")
    warm = panel._cache_path(EMBEDDED_PANEL)  # the validated embedded panel, if this process's cache has it
    if warm.exists():
        shutil.copy(warm, cache / warm.name)
    work = tmp_path_factory.mktemp("work")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("UHC_CACHE_DIR", str(cache))
        mp.setenv("MPLBACKEND", "Agg")
        mp.setenv("UHC_TRAINING_WORKDIR", str(work / "berkas_latihan"))
        mp.setenv("UHC_TRAINING_PROGRESS", str(work / "kemajuan_kursus.json"))
        yield


def execute(path, tmp_path) -> nbformat.NotebookNode:
    """Run a notebook as a participant would; raises if a cell fails, except lesson 0's deliberate typo (a cell
    tagged ``raises-exception``, which nbclient allows and papermill would not)."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


def check_messages(nb) -> list[str]:
    """The text each check cell displayed (one per check cell)."""
    messages = []
    for cell in nb.cells:
        if "check" in cell.metadata.get("tags", []):
            texts = [o.get("data", {}).get("text/plain", "") or o.get("text", "") for o in cell.outputs]
            messages.append("".join(texts))
    return messages


def output_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            parts += [o.get("text", ""), *(str(v) for v in o.get("data", {}).values())]
    return "\n".join(parts)


def exercise_ids(nb) -> list[str]:
    return [
        re.search(r'check\("([\d.]+)"', c.source).group(1) for c in nb.cells if "check" in c.metadata.get("tags", [])
    ]


def test_course_has_six_lessons_and_their_keys_outside_the_participants_folder():
    assert [p.name for p in LESSONS] == [p.name for p in SOLUTIONS]
    assert [p.name[:2] for p in LESSONS] == ["00", "01", "02", "03", "04", "05"]
    assert not (COURSE / "solutions").exists()
    for path in LESSONS:  # no lesson points participants to the keys
        assert "solutions" not in path.read_text(encoding="utf-8") and "training_keys" not in path.read_text()


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_key_passes_every_check(path, tmp_path):
    nb = execute(path, tmp_path)
    messages = check_messages(nb)
    assert len(messages) == len(exercise_ids(nb)) >= 2
    assert all(m.startswith("Benar!") for m in messages), messages
    assert not any("Belum tepat" in m for m in messages)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_as_committed_runs_to_the_end_with_every_check_not_yet(path, tmp_path):
    nb = execute(path, tmp_path)  # papermill raises if any cell fails (but lesson 0's deliberate typo)
    messages = check_messages(nb)
    assert len(messages) >= 2
    assert messages == [UNFILLED] * len(messages)
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")  # ran to the last cell


def _one_kernel_course(region: str, period: str) -> nbformat.NotebookNode:
    """Every key, one after another, in one notebook whose parameters cells name ``region`` and ``period``."""
    cells = []
    for path in SOLUTIONS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            cell = copy.deepcopy(cell)
            if "parameters" in cell.metadata.get("tags", []):
                cell.source = re.sub(r'kode_wilayah = "[^"]*"', f'kode_wilayah = "{region}"', cell.source)
                cell.source = re.sub(r'periode = "[^"]*"', f'periode = "{period}"', cell.source)
            cell.id = f"{path.name[:2]}-{cell.id}"
            cells.append(cell)
    course = nbformat.v4.new_notebook(cells=cells)
    course.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return course


@pytest.mark.parametrize(("region", "period"), COMBOS, ids=lambda v: v)
def test_every_key_follows_its_parameters_to_another_region_and_month(region, period, tmp_path):
    nb = _one_kernel_course(region, period)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    messages = check_messages(nb)
    assert len(messages) == len(training.exercises.exercises()) == 22
    assert all(m.startswith("Benar!") for m in messages), [m for m in messages if not m.startswith("Benar!")]
    text = output_text(nb)
    name = reference.region_name(region)
    assert name in text
    others = [reference.region_name(r) for r, _ in COMBOS if r != region]
    stale = [w for w in (*DEFAULT_NAMES, *others) if w in text]
    assert not stale, stale
    assert "Data ilustratif" in text and "dibangkit" not in text


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
    for name in ("kode_wilayah", "periode", "berkas_data", "lang"):
        assert re.search(rf"^{name} = ", params[0].source, re.M), name
    for line in params[0].source.splitlines():
        comment = line.split("#", 1)[1] if "#" in line else ""
        assert "=" not in comment and ";" not in comment, line


def test_no_markdown_cell_names_a_region_or_a_figure_of_one():
    """Sentences naming a region or its figures are computed (kursus.say); the markdown holds what is true anywhere."""
    names = set(reference.regions()["region_name"])
    for path in LESSONS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                found = [n for n in names if re.search(rf"\b{re.escape(n)}\b", cell.source)]
                assert not found, (path.name, found)
                assert not re.search(r"\b\d{2}\.\d{3}\b|\b\d{2,3}\.\d{3}\.\d{3}\b", cell.source), path.name
                for word in ("dengan tangan", "dibangkitkan", "galat", "tuas", "menahan", "--pdf"):
                    assert word not in cell.source, (path.name, word)


def test_lessons_and_keys_differ_only_in_exercise_cells_and_the_banner():
    for lesson_path, solution_path in zip(LESSONS, SOLUTIONS, strict=True):
        lesson, solution = (nbformat.read(p, as_version=4) for p in (lesson_path, solution_path))
        assert [c.id for c in lesson.cells] == [c.id for c in solution.cells]
        for a, b in zip(lesson.cells[1:], solution.cells[1:], strict=True):
            if "exercise" in a.metadata.get("tags", []):
                assert re.fullmatch(r"jawaban_\w+ = \.\.\.  # ganti \.\.\. dengan jawaban Anda", a.source)
                assert a.source.split(" = ")[0] + " = " in b.source and "..." not in b.source.split("#")[0]
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
