"""Beginners' errors explained in plain Indonesian inside IPython, and lesson parameters checked in plain words."""

import pytest
from IPython.core.interactiveshell import InteractiveShell

from uhc_lib import training
from uhc_lib.training import beginner, texts
from uhc_lib.training.course import Course, CourseError, CourseInvalidFile


@pytest.fixture
def shell(monkeypatch):
    """An in-process IPython with the course's hook, recording the explanations it would display."""
    sh = InteractiveShell.instance()
    shown = []
    monkeypatch.setattr(beginner, "_show", lambda s, err: shown.append(beginner.explain_error(err, s.user_ns, "id")))
    beginner.install("id", sh)
    yield sh, shown
    sh.set_custom_exc((), None)
    beginner.STATE["lang"] = "id"


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("panel = 1\npandel", "maksud Anda `panel`"),  # a one-letter typo
        ("jawaban_cakupan", "sel latihan yang membuatnya"),  # the check run before its exercise cell
        ("nama_yang_tidak_ada", "sel yang membuat nama itu belum dijalankan"),
        ("x = 74,05", "tanda desimal adalah titik"),  # SyntaxError: leading zero after a decimal comma
        ("x = 1.234.567", "tanda desimal adalah titik"),
        ('x = "17.07', "tanda kutip yang dibuka"),
        ("print((1 + 2)", "kurung"),
        ("'100' / 2", "angka di antara tanda kutip"),
        ("x = 5\nx(3)", "bukan fungsi"),
        ("{'a': 1}['b']", "Kolom atau kunci 'b' tidak ada"),
        ("[][0]", "Tabel yang dipilih kosong"),
    ],
)
def test_a_beginners_error_gets_an_indonesian_explanation(shell, code, fragment):
    sh, shown = shell
    sh.run_cell(code)
    assert len(shown) == 1 and fragment in shown[0], shown


def test_a_region_code_typed_as_a_number_is_explained_not_an_index_error(shell):
    sh, shown = shell
    sh.run_cell("from uhc_lib import training\nkursus = training.setup(2, 17.07, '2024-07')")
    assert len(shown) == 1 and 'kode_wilayah = "17.07"' in shown[0] and "teks" in shown[0]


def test_explanations_in_english():
    assert "did you mean `panel`" in beginner.explain_error(NameError("name 'panle' is not defined", name="panle"),
                                                            {"panel": 1}, "en").lower()  # fmt: skip


@pytest.mark.parametrize(
    ("code", "period", "fragment"),
    [
        (17.07, "2024-07", 'tulis di antara tanda kutip, mis. kode_wilayah = "17.07"'),
        (3201, "2024-07", 'kode_wilayah = "32.01"'),
        ("3201", "2024-07", "ditulis 32.01"),
        ("99.99", "2024-07", "tidak ada dalam daftar kabupaten/kota"),
        ("17.07", "Juli 2024", "tidak berbentuk YYYY-MM"),
        ("17.07", "2031-01", "Data wilayah ini mencakup Januari 2023 sampai"),
    ],
)
def test_lesson_parameters_are_checked_in_plain_indonesian(code, period, fragment):
    with pytest.raises(CourseError, match=None) as err:
        Course(2, code, period)
    assert fragment in str(err.value)


def test_an_own_data_file_with_problems_is_explained_row_by_row(tmp_path):
    bad = tmp_path / "data_dinkes.csv"
    bad.write_text("kode_wilayah,periode,penduduk,terdaftar,aktif\n17.07,2024-07,1000,900,1.200\n", encoding="utf-8")
    with pytest.raises(CourseInvalidFile) as err:
        Course(2, "17.07", "2024-07", bad)
    assert "data_dinkes.csv belum dapat dipakai: 1 masalah" in str(err.value)
    table = err.value.table()
    assert table["baris"].tolist() == [2] and table["penjelasan"].str.len().gt(0).all()
    with pytest.raises(CourseError, match="tidak ditemukan"):
        Course(2, "17.07", "2024-07", tmp_path / "tidak_ada.csv")


def test_an_own_data_file_is_named_under_every_table_instead_of_the_illustrative_note(tmp_path):
    practice = training.setup(1, "17.07", "2024-07")
    own = Course(2, "17.07", "2024-07", practice.params["fixed_file"])
    assert not own.illustrative and own.source_note() == f"Data dari berkas {practice.params['fixed_file'].name}."
    html = own.table(own.panel)._repr_html_()
    assert "Data dari berkas" in html and "white-space: normal" in html
    assert "dibuat secara simulasi" in practice.table(practice.panel.head())._repr_html_()


@pytest.mark.parametrize(("lang", "population"), [("id", "2.614.845"), ("en", "2,614,845")])
def test_tables_group_thousands_but_not_years(lang, population):
    course = Course(3, "32.03", "2024-12", lang=lang)
    html = course.table(texts.status_rules(lang).head(2))._repr_html_()
    assert ">2023<" in html and "2.023" not in html and "2,023" not in html
    rows = course.panel[(course.panel["region_code"] == "32.03") & (course.panel["period"] == course.month)]
    assert population in course.table(rows.head(1))._repr_html_()


def test_practice_files_are_made_from_the_lessons_own_region(tmp_path):
    course = Course(1, "35.28", "2026-03")
    broken, fixed = training.practice_files(course, tmp_path)
    assert broken.name == "35_28_2026-03_rusak.csv" and fixed.name == "35_28_2026-03.csv"
    problems = training.validation_error(broken).problems
    assert [(p.row, p.column) for p in problems] == [
        (3, "region_code"), (5, "period"), (6, "registered"), (7, "active"),
    ]  # fmt: skip
    assert training.validation_error(fixed) is None


def test_progress_is_kept_across_lessons_and_printable(tmp_path, monkeypatch):
    monkeypatch.setenv("UHC_TRAINING_PROGRESS", str(tmp_path / "kemajuan.json"))
    course = Course(0, "32.03", "2024-12")
    assert not course.check("0.1", 3).ok
    assert course.check("0.1", course.checker.expected("0.1")).ok
    assert not course.check("0.1", 3).ok  # a later wrong try keeps the exercise right
    course.check("0.2", ...)  # not filled in: not a try
    table = training.progress_table("id")
    row = table.set_index("latihan").loc["0.1"]
    assert (row["hasil"], row["percobaan"]) == ("benar", 3)
    assert table.set_index("latihan").loc["0.2", "hasil"] == "belum dikerjakan"
    page = training.progress_html("id", name="Siti")
    assert "Siti" in page and "1 dari 22 latihan benar" in page and "@page{size:A4" in page
