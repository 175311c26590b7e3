"""The training course: answer keys pass every check, lessons as committed run to the end with every check "not yet",
every lesson and key follows its parameters cell to other regions and months (2026 included) with no name or figure
of another region in any output, and the committed notebooks are exactly what tools/make_training_notebooks.py
writes (no outputs, stable ids). The English lessons and keys (``en/`` beside each folder) do the same in English, in
one kernel per run, and match the Indonesian ones cell for cell (the same code once comments are stripped)."""

import copy
import importlib.util
import io
import re
import shutil
import sys
import tokenize

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
EN_LESSONS = sorted((COURSE / "en").glob("*.ipynb"))
EN_KEYS = sorted((KEYS_DIR / "en").glob("*.ipynb"))
EN_UNFILLED = "Not yet: " + checker.MESSAGES["en"]["unfilled"]
EN_CORRECT = checker.MESSAGES["en"]["correct"].split("{")[0]  # "Correct! "
INDONESIAN_WORDS = (" dan ", " yang ", " untuk ", " dengan ", " tidak ", " atau ", " ini ", " di ", " dari ", " ke ")
INDONESIAN_WORDS += ("Latihan", "Pelajaran", "Tujuan", "Ringkasan", "Cara memakai", "jawaban", "Benar", "Belum tepat")
"""Common Indonesian words that an English markdown cell holds only inside code spans (removed before the check)."""

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
    assert [p.name for p in EN_LESSONS] == [p.name for p in EN_KEYS]
    assert [p.name[:2] for p in LESSONS] == [p.name[:2] for p in EN_LESSONS] == ["00", "01", "02", "03", "04", "05"]
    assert EN_LESSONS[0].name == "00_jupyter_for_excel_users.ipynb"
    assert not (COURSE / "solutions").exists() and not (COURSE / "en" / "solutions").exists()
    for path in LESSONS + EN_LESSONS:  # no lesson points participants to the keys
        text = path.read_text(encoding="utf-8")
        assert "solutions" not in text and "training_keys" not in text and "answer key" not in text.lower(), path


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


def _one_kernel_course(region: str | None, period: str | None, paths=SOLUTIONS) -> nbformat.NotebookNode:
    """Every notebook of ``paths`` (the keys), one after another, in one notebook whose parameters cells name
    ``region`` and ``period`` (None: each notebook's own)."""
    cells = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            cell = copy.deepcopy(cell)
            if region and "parameters" in cell.metadata.get("tags", []):
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


def _run(nb, tmp_path) -> nbformat.NotebookNode:
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


def test_english_keys_as_committed_pass_every_check_in_english(tmp_path):
    nb = _run(_one_kernel_course(None, None, EN_KEYS), tmp_path)
    messages = check_messages(nb)
    assert len(messages) == len(training.exercises.exercises()) == 22
    assert all(m.startswith(EN_CORRECT) for m in messages), [m for m in messages if not m.startswith(EN_CORRECT)]
    text = output_text(nb)
    assert "Illustrative data" in text and "What this error means" in text  # lesson 0's typo, explained in English
    indonesian = ("Benar!", "Belum tepat", "Data ilustratif", "Penjelasan pesan kesalahan", " persen", "cakupan ")
    assert not [w for w in indonesian if w in text]  # e.g. lesson 5's own plan in Indonesian labels


def test_english_lessons_as_committed_run_to_the_end_with_every_check_not_yet_in_english(tmp_path):
    nb = _run(_one_kernel_course(None, None, EN_LESSONS), tmp_path)
    messages = check_messages(nb)
    assert messages == [EN_UNFILLED] * 22
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")  # ran to the last cell
    progress = output_text(nb)
    assert "not yet" in progress and "tries" in progress and "belum" not in progress  # the progress summary


def test_english_keys_follow_their_parameters_to_another_region_and_a_2026_month(tmp_path):
    region, period = COMBOS[0]
    nb = _run(_one_kernel_course(region, period, EN_KEYS), tmp_path)
    messages = check_messages(nb)
    assert len(messages) == 22 and all(m.startswith(EN_CORRECT) for m in messages), messages
    text = output_text(nb)
    assert reference.region_name(region) in text and "March 2026" in text
    stale = [w for w in (*DEFAULT_NAMES, *(reference.region_name(r) for r, _ in COMBOS[1:])) if w in text]
    assert not stale, stale


def _comments(source: str) -> list[str]:
    return [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]


def _strip_comments(source: str) -> str:
    """The code of a cell without its comments and trailing spaces, ``lang`` set to one value."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
    lines = source.split("\n")
    for tok in reversed(tokens):
        (row, col) = tok.start
        lines[row - 1] = lines[row - 1][:col]
    return "\n".join(line.rstrip() for line in lines).replace('lang = "en"', 'lang = "id"')


def _markdown_outside_code(text: str) -> str:
    return re.sub(r"`[^`]*`", "", text)


@pytest.mark.parametrize("pair", range(6), ids=lambda i: f"lesson {i}")
def test_english_notebooks_match_the_indonesian_ones_cell_for_cell(pair):
    for id_path, en_path in ((LESSONS[pair], EN_LESSONS[pair]), (SOLUTIONS[pair], EN_KEYS[pair])):
        ind, eng = (nbformat.read(p, as_version=4) for p in (id_path, en_path))
        assert [(c.id, c.cell_type, c.metadata.get("tags")) for c in ind.cells] == [
            (c.id, c.cell_type, c.metadata.get("tags")) for c in eng.cells
        ]
        for a, b in zip(ind.cells, eng.cells, strict=True):
            if a.cell_type == "code":
                assert _strip_comments(a.source) == _strip_comments(b.source), (en_path.name, b.id)
                if _comments(a.source) and "noqa" not in a.source:
                    assert a.source != b.source, (en_path.name, b.id, "comment not translated")
            else:
                assert a.source != b.source, (en_path.name, b.id, "markdown not translated")
        params = next(c for c in eng.cells if "parameters" in c.metadata.get("tags", []))
        assert re.search(r'^lang = "en"  #', params.source, re.M)


@pytest.mark.parametrize("path", EN_LESSONS + EN_KEYS, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_english_notebooks_hold_no_indonesian_text_outside_code_spans_and_names(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        text = _markdown_outside_code(cell.source) if cell.cell_type == "markdown" else ""
        if cell.cell_type == "code":  # comments only: the code's names stay Indonesian
            text = " ".join(_comments(cell.source))
        found = [w for w in INDONESIAN_WORDS if w in f" {text} "]
        assert not found, (path.name, cell.id, found)
    glossary = nbformat.read(EN_LESSONS[0], as_version=4).cells[1].source
    for name in ("kode_wilayah", "periode", "berkas_data", "kursus", "jawaban_", "penduduk", "terdaftar", "aktif"):
        assert f"`{name}" in glossary, name


def test_every_exercise_is_in_its_lesson_once():
    ids = []
    for path in LESSONS:
        nb = nbformat.read(path, as_version=4)
        found = exercise_ids(nb)
        assert all(i.split(".")[0] == str(int(path.name[:2])) for i in found), path
        ids += found
    assert ids == training.exercises.exercises()


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS + EN_LESSONS + EN_KEYS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_committed_without_outputs_with_stable_ids_and_a_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids) and not any(re.fullmatch(r"[0-9a-f-]{36}|[0-9a-f]{8}", i) for i in ids)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None
    first = nb.cells[0]
    title, how = ("# Lesson", "How to use") if path.parent.name == "en" else ("# Pelajaran", "Cara memakai")
    assert first.cell_type == "markdown" and first.source.startswith(title) and how in first.source
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
    for path in LESSONS + EN_LESSONS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                found = [n for n in names if re.search(rf"\b{re.escape(n)}\b", cell.source)]
                assert not found, (path.name, found)
                assert not re.search(r"\b\d{2}\.\d{3}\b|\b\d{2,3}\.\d{3}\.\d{3}\b", cell.source), path.name
                for word in ("dengan tangan", "dibangkitkan", "galat", "tuas", "menahan", "--pdf"):
                    assert word not in cell.source, (path.name, word)


@pytest.mark.parametrize(
    ("lessons", "keys", "unfilled", "banner"),
    [
        (LESSONS, SOLUTIONS, r"# ganti \.\.\. dengan jawaban Anda", "Kunci jawaban"),
        (EN_LESSONS, EN_KEYS, r"# replace \.\.\. with your answer", "Answer key"),
    ],
    ids=["id", "en"],
)
def test_lessons_and_keys_differ_only_in_exercise_cells_and_the_banner(lessons, keys, unfilled, banner):
    for lesson_path, solution_path in zip(lessons, keys, strict=True):
        lesson, solution = (nbformat.read(p, as_version=4) for p in (lesson_path, solution_path))
        assert [c.id for c in lesson.cells] == [c.id for c in solution.cells]
        for a, b in zip(lesson.cells[1:], solution.cells[1:], strict=True):
            if "exercise" in a.metadata.get("tags", []):
                assert re.fullmatch(rf"jawaban_\w+ = \.\.\.  {unfilled}", a.source)
                assert a.source.split(" = ")[0] + " = " in b.source and "..." not in b.source.split("#")[0]
            else:
                assert a.source == b.source
        assert banner in solution.cells[0].source and banner not in lesson.cells[0].source


def test_rerunning_the_generator_changes_nothing():
    gen = _generator()
    assert len(gen.LESSONS) == len(LESSONS)
    written = gen.notebooks()
    assert sorted(p for p, _ in written) == sorted(LESSONS + SOLUTIONS + EN_LESSONS + EN_KEYS)  # nothing stray
    for path, nb in written:
        assert path.read_text(encoding="utf-8") == gen.notebook_text(nb), path


def test_a_comment_without_english_stops_the_generator():
    gen = _generator()
    with pytest.raises(KeyError, match="COMMENTS_EN"):
        gen.english_code("x = 1  # komentar baru tanpa terjemahan")
    assert gen.english_code(gen.params().source).endswith(
        'lang = "en"  # language of texts, tables and messages: "en" or "id"'
    )


def test_readme_lists_every_lesson_with_its_duration():
    readme = (COURSE / "README.md").read_text(encoding="utf-8")
    gen = _generator()
    english = readme.split("## English version", 1)[1]
    for lesson in gen.LESSONS:
        assert f"{lesson.stem}.ipynb" in readme and f"{lesson.minutes} menit" in readme
        assert f"{lesson.file_name('en')}" in english and f"{lesson.minutes} min" in english
