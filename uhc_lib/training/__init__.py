"""Wing: the training course for health-office staff (``notebooks/training/``).

``setup`` is each lesson's first call: it checks the lesson's parameters (region code, month, data file, language),
explains beginners' error messages in plain words (``beginner``) and returns the lesson's :class:`Course`, whose
``check`` compares a learner's answer with the value computed from the same parameters (``checker``, accepting the
forms Indonesians write numbers in: ``forms``) and records it for the progress summary. ``texts`` holds the lesson
sentences that name a region or a figure; ``exercises.toml`` the exercises as records (read by ``exercises``),
``answers`` the computations they name; ``data_help`` and ``course.toml`` explain lesson 1's validation problems;
``handouts`` writes the trainer's printable pack. May import ``common``, ``rules``, ``inputs``, ``analysis`` and
``render``; never ``registry``, ``reports`` or the CLI.
"""

from uhc_lib.training import beginner
from uhc_lib.training.charts import readable
from uhc_lib.training.checker import Checker, CheckResult
from uhc_lib.training.course import (
    Course,
    CourseError,
    practice_files,
    progress_html,
    progress_table,
)
from uhc_lib.training.data_help import column_glossary, course_file, explain, problems_table, validation_error


def setup(lesson: int, kode_wilayah, periode, berkas_data=None, lang="id", **params) -> Course:
    """Start a lesson: beginners' errors explained in ``lang``, the parameters checked, the lesson's course made.

    A parameter written wrongly (a region code typed as a number, a month not in the data, a file with problems)
    raises :class:`CourseError` with a plain message, shown without a traceback in Jupyter.
    """
    beginner.install(lang if lang in ("id", "en") else "id")
    course = Course(lesson, kode_wilayah, periode, berkas_data, lang, params)
    if lesson == 5:
        given = params.get("enrol_count") is not None
        course.params["enrol_given"] = given
        if not given:
            course.params["enrol_count"] = course.target.enrol_needed or 1000
        course.params["enrol_count"] = int(course.params["enrol_count"])
        course.__dict__.pop("checker", None)
    if lesson == 1 and "broken_file" not in params:
        broken, fixed = practice_files(course)
        course.params.update(broken_file=broken, fixed_file=fixed)
    return course


__all__ = [
    "Checker",
    "CheckResult",
    "Course",
    "CourseError",
    "column_glossary",
    "course_file",
    "explain",
    "practice_files",
    "problems_table",
    "progress_html",
    "progress_table",
    "readable",
    "setup",
    "validation_error",
]
