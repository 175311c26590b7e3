"""Wing: the training course for health-office staff (``notebooks/training/``).

``checker`` compares a learner's answer with the value computed from the lesson's data; ``exercises.toml`` holds the
exercises as records (read by ``exercises``), ``answers`` the computations they name; ``data_help`` and
``course.toml`` explain lesson 1's validation problems. May import ``common``, ``rules``, ``inputs``, ``analysis``
and ``render``; never ``registry``, ``reports`` or the CLI. The lessons call the names below.
"""

from uhc_lib.training.checker import Checker, CheckResult
from uhc_lib.training.data_help import column_glossary, course_file, explain, problems_table, validation_error

__all__ = [
    "Checker",
    "CheckResult",
    "column_glossary",
    "course_file",
    "explain",
    "problems_table",
    "validation_error",
]
