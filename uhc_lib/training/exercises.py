"""The course's exercises as data: ``exercises.toml`` read into :class:`Exercise` records by :func:`load_exercises`.

Adding an exercise is adding a record to ``exercises.toml`` (and, for a new computation, a function to
:mod:`uhc_lib.training.answers`). Records are checked when read: an unknown kind or answer name is an error that
names the exercise.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from uhc_lib.training.answers import ANSWERS, LABEL_YEARS, status_label

if TYPE_CHECKING:
    from uhc_lib.training.checker import Checker

STATUS_SYNONYMS = {
    "prioritas": ("Prioritas",),
    "cut_off": ("Cut Off", "UHC Non Prioritas", "Non Prioritas"),
    "non_cut_off": ("non cut-off",),
    "uhc": ("UHC cut-off",),
    "none": ("belum UHC", "tidak UHC", "bukan UHC", "not UHC", "belum memenuhi kriteria"),
}
"""Other ways people write a status (the press's words), accepted as the status."""

KINDS = ("pct", "points", "persons", "rupiah", "count", "row", "period", "text")
"""Kinds of answer: percentages and percentage points (within PCT_TOLERANCE), whole numbers (exact), months, text."""

Text = dict[str, str]


@dataclass(frozen=True)
class Mistake:
    """A common wrong answer (computed like the expected one, then shifted by ``offset`` or negated) and its hint."""

    value_name: str
    hint: Text
    offset: int = 0
    negate: bool = False

    def value(self, checker: Checker) -> object:
        v = ANSWERS[self.value_name](checker)
        if v is None or not (self.negate or self.offset):
            return v
        return (-v if self.negate else v) + self.offset


@dataclass(frozen=True)
class Exercise:
    """One exercise: what kind of answer, how to compute the expected value, what it is called, and a hint.

    ``label``: the expected value is a status code whose readable label (either language) is also right, and the label
    is what a correct answer is shown as.
    """

    id: str
    kind: str
    answer: str
    what: Text
    hint: Text
    mistakes: tuple[Mistake, ...] = ()
    label: str | None = None

    def expected(self, checker: Checker) -> object:
        return ANSWERS[self.answer](checker)

    def accepted(self, checker: Checker) -> list[object]:
        """Other spellings of the expected value that are also right."""
        if self.label is None:
            return []
        labels = [status_label(checker, self.label, lang) for lang in ("id", "en")]
        code = str(self.expected(checker))
        return [*labels, *(x.split(" (")[0] for x in labels), *STATUS_SYNONYMS.get(code, ())]

    def shown(self, checker: Checker, lang: str) -> str | None:
        """How a correct answer is written back, when not as the formatted expected value."""
        return None if self.label is None else status_label(checker, self.label, lang)


def _exercise(record: dict) -> Exercise:
    where = f"exercises.toml, exercise {record.get('id')!r}"
    if record.get("kind") not in KINDS:
        raise ValueError(f"{where}: kind must be one of {KINDS}, got {record.get('kind')!r}")
    names = [record["answer"], *(m["value"] for m in record.get("mistake", []))]
    unknown = [n for n in names if n not in ANSWERS]
    if unknown or (record.get("label") and record["label"] not in LABEL_YEARS):
        raise ValueError(f"{where}: no answer function named {(unknown or [record.get('label')])[0]!r} in answers.py")
    mistakes = tuple(
        Mistake(m["value"], m["hint"], int(m.get("offset", 0)), bool(m.get("negate", False)))
        for m in record.get("mistake", [])
    )
    return Exercise(
        str(record["id"]), record["kind"], record["answer"], record["what"], record["hint"], mistakes,
        record.get("label"),
    )  # fmt: skip


@cache
def load_exercises() -> dict[str, Exercise]:
    """Every exercise of ``exercises.toml`` by id, in lesson order."""
    records = tomllib.loads(files("uhc_lib.training").joinpath("exercises.toml").read_text(encoding="utf-8"))
    out = {e.id: e for e in map(_exercise, records["exercise"])}
    return dict(sorted(out.items(), key=lambda kv: tuple(int(p) for p in kv[0].split("."))))


def exercises(lesson: int | None = None) -> list[str]:
    """Exercise ids, all or of one lesson, in order."""
    return [i for i in load_exercises() if lesson is None or i.split(".")[0] == str(lesson)]
