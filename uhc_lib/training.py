"""Exercise checks for the training course (``notebooks/training/``), in Indonesian (default) or English.

Every exercise has an id (``"2.1"``), a kind of answer and a way to compute the expected value **from the data with
uhc_lib**, so the same lesson works for any regency and month a trainer picks. :meth:`Checker.check` never raises: it
returns a :class:`CheckResult` whose message starts with "Benar!" / "Correct!" or "Belum tepat:" / "Not yet:" and
gives a hint, never the answer. Percentages are accepted within :data:`PCT_TOLERANCE` points; persons, rupiah,
counts and row numbers must be exact.
"""

from __future__ import annotations

import html
import math
import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from uhc_lib import criteria, fmt, gaps, indicators
from uhc_lib.config import NOTEBOOKS_DIR
from uhc_lib.io import read_panel
from uhc_lib.schema import COLUMN_ALIASES, REQUIRED_COLUMNS, PanelValidationError

COURSE_DIR = NOTEBOOKS_DIR / "training"
COURSE_DATA_DIR = COURSE_DIR / "data"
PCT_TOLERANCE = 0.01  # percentage points: 75.41 is accepted for 75.40985

KINDS = ("pct", "points", "persons", "rupiah", "count", "row", "period", "text")
"""Kinds of answer: percentages and percentage points (within PCT_TOLERANCE), whole numbers (exact), months, text."""


@dataclass(frozen=True)
class CheckResult:
    """Outcome of one check: ``ok`` and the message shown to the learner (plain text, or a coloured box in Jupyter)."""

    ok: bool
    message: str

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour, border, mark = ("#e8f5e9", "#2e7d32", "✔") if self.ok else ("#fff3e0", "#ef6c00", "✎")
        return (
            f'<div style="background:{colour};border-left:6px solid {border};padding:8px 12px;margin:4px 0;'
            f'font-size:1.05em">{mark} {html.escape(self.message)}</div>'
        )


# ---------------------------------------------------------------------------------------------------------------
# Message texts
# ---------------------------------------------------------------------------------------------------------------

MESSAGES = {
    "id": {
        "correct": "Benar! {what}: {shown}.",
        "not_yet": "Belum tepat: {detail}",
        "unfilled": "jawaban belum diisi. Ganti tanda `...` dengan perhitungan Anda, lalu jalankan sel ini lagi.",
        "none": "jawaban bernilai None (kosong). Pastikan baris jawaban menghasilkan {expect}, bukan hasil print().",
        "many": "jawaban berisi {n} nilai. Pilih satu nilai saja (satu wilayah dan satu bulan).",
        "empty": "jawaban tidak berisi nilai apa pun. Periksa filter wilayah dan bulan Anda.",
        "not_number": "jawaban harus berupa {expect}, bukan {got}. Tulis angka tanpa tanda kutip, "
        "dengan titik sebagai tanda desimal (mis. 12.5).",
        "not_text": "jawaban harus berupa teks di antara tanda kutip, bukan {got}.",
        "not_period": 'jawaban harus berupa bulan dengan bentuk "YYYY-MM" (mis. "2030-01"), bukan {got}.',
        "not_whole": "jumlah {unit} selalu bilangan bulat. ",
        "fraction": "sepertinya Anda menulis pecahan (antara 0 dan 1). Kalikan dengan 100 agar menjadi persen.",
        "cannot_check": "jawaban tidak dapat diperiksa ({error}). Tanyakan kepada pelatih.",
        "unknown_exercise": "tidak ada latihan bernomor {exercise!r}. Periksa nomor latihan pada sel ini.",
        "expect_number": "angka",
        "expect_persons": "jumlah orang (bilangan bulat)",
        "expect_rupiah": "jumlah rupiah (bilangan bulat)",
        "expect_period": 'bulan ("YYYY-MM")',
        "expect_text": "teks",
        "unit_persons": "orang",
        "unit_rupiah": "rupiah",
        "unit_count": "wilayah atau masalah",
        "unit_row": "baris",
        "none_expected": "tidak ada (None)",
    },
    "en": {
        "correct": "Correct! {what}: {shown}.",
        "not_yet": "Not yet: {detail}",
        "unfilled": "no answer yet. Replace the `...` with your calculation and run this cell again.",
        "none": "the answer is None (empty). Make sure the answer line gives {expect}, not the result of print().",
        "many": "the answer holds {n} values. Pick a single value (one region and one month).",
        "empty": "the answer holds no value at all. Check your region and month filter.",
        "not_number": "the answer must be {expect}, not {got}. Write the number without quotes, "
        "with a dot as decimal mark (e.g. 12.5).",
        "not_text": "the answer must be text between quotes, not {got}.",
        "not_period": 'the answer must be a month written "YYYY-MM" (e.g. "2030-01"), not {got}.',
        "not_whole": "a number of {unit} is always a whole number. ",
        "fraction": "it looks like you wrote a fraction (between 0 and 1). Multiply by 100 to get a percentage.",
        "cannot_check": "the answer could not be checked ({error}). Ask your trainer.",
        "unknown_exercise": "there is no exercise numbered {exercise!r}. Check the exercise number in this cell.",
        "expect_number": "a number",
        "expect_persons": "a number of people (a whole number)",
        "expect_rupiah": "an amount in rupiah (a whole number)",
        "expect_period": 'a month ("YYYY-MM")',
        "expect_text": "text",
        "unit_persons": "people",
        "unit_rupiah": "rupiah",
        "unit_count": "regions or problems",
        "unit_row": "a row",
        "none_expected": "none (None)",
    },
}

_EXPECT = {
    "pct": "expect_number",
    "points": "expect_number",
    "count": "expect_number",
    "row": "expect_number",
    "persons": "expect_persons",
    "rupiah": "expect_rupiah",
    "period": "expect_period",
    "text": "expect_text",
}
_UNIT = {"persons": "unit_persons", "rupiah": "unit_rupiah", "count": "unit_count", "row": "unit_row"}


def _type_name(value: object, lang: str) -> str:
    if isinstance(value, str):
        return ("teks " if lang == "id" else "text ") + repr(value)
    if isinstance(value, bool):
        return ("nilai benar/salah " if lang == "id" else "a true/false value ") + repr(value)
    return ("objek " if lang == "id" else "an object of type ") + type(value).__name__


# ---------------------------------------------------------------------------------------------------------------
# Exercises
# ---------------------------------------------------------------------------------------------------------------

Text = dict[str, str]


@dataclass(frozen=True)
class Mistake:
    """A common wrong answer (computed like the expected one) and the hint it deserves."""

    value: Callable[[Checker], object]
    hint: Text


@dataclass(frozen=True)
class Exercise:
    """One exercise: what kind of answer, how to compute the expected value, what it is called, and a hint."""

    id: str
    kind: str
    expected: Callable[[Checker], object]
    what: Text
    hint: Text
    mistakes: tuple[Mistake, ...] = ()
    accept: Callable[[Checker], list[object]] | None = None
    show: Callable[[Checker, str], str] | None = None
    """``accept``: other spellings of the expected value that are also right (e.g. a status label for its code);
    ``show(checker, lang)``: how a correct answer is written back (default: the formatted expected value)."""


EXERCISES: dict[str, Exercise] = {}


def exercise(
    id: str,
    kind: str,
    what: Text,
    hint: Text,
    mistakes: tuple[Mistake, ...] = (),
    accept: Callable[[Checker], list[object]] | None = None,
    show: Callable[[Checker, str], str] | None = None,
) -> Callable[[Callable[[Checker], object]], Callable[[Checker], object]]:
    """Register the decorated function as the expected value of exercise ``id``."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")

    def register(fn: Callable[[Checker], object]) -> Callable[[Checker], object]:
        EXERCISES[id] = Exercise(id, kind, fn, what, hint, mistakes, accept, show)
        return fn

    return register


def exercises(lesson: int | None = None) -> list[str]:
    """Exercise ids, all or of one lesson, in order."""
    ids = sorted(EXERCISES, key=lambda i: tuple(int(p) for p in i.split(".")))
    return [i for i in ids if lesson is None or i.split(".")[0] == str(lesson)]


@dataclass
class Checker:
    """Checks the exercises of a lesson for one regency and month (the lesson's parameters).

    Args:
        region_code: Kemendagri kab/kota code as text, e.g. ``"17.07"``.
        period: month ``"YYYY-MM"``.
        lang: ``"id"`` or ``"en"`` for the messages.
        data_path: panel file, or None for the embedded illustrative panel.
        broken_file: the deliberately broken file of lesson 1.
        params: further lesson parameters (e.g. ``enrol_count`` for lesson 5).
    """

    region_code: str
    period: str
    lang: str = "id"
    data_path: str | Path | None = None
    broken_file: str | Path | None = None
    params: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        fmt.check_lang(self.lang)
        self.region_code = str(self.region_code)

    # -- data the expected values come from (computed once per checker) --
    @cached_property
    def panel(self) -> pd.DataFrame:
        return read_panel(self.data_path)

    @cached_property
    def month(self) -> pd.Period:
        return pd.Period(self.period, "M")

    @cached_property
    def history(self) -> pd.DataFrame:
        """Indicators of the region, every month."""
        return indicators.indicators(self.panel[self.panel["region_code"] == self.region_code])

    @cached_property
    def row(self) -> pd.DataFrame:
        """Indicators of the region in the period (one row)."""
        row = self.history[self.history["period"] == self.month]
        if len(row) != 1:
            raise ValueError(f"no data for {self.region_code} in {self.period}")
        return row.reset_index(drop=True)

    @cached_property
    def figures(self):
        """The brief's figures of the region and period (lesson 4)."""
        from uhc_lib.brief import brief_figures

        return brief_figures(self.panel, self.region_code, self.month)

    @cached_property
    def scenario_comparison(self) -> pd.DataFrame:
        """Compare table of the default scenarios from the brief's month (lesson 5; the last is the combination)."""
        from uhc_lib import scenarios

        months = int(self.params.get("months", 24))
        return scenarios.compare(scenarios.default_scenarios(self.figures, self.lang), self.figures, months=months)

    @cached_property
    def broken_problems(self) -> list:
        err = validation_error(course_file(self.broken_file)) if self.broken_file is not None else None
        if err is None:
            raise ValueError("no validation problems in the broken file")
        return err.problems

    def value(self, column: str) -> float:
        """One indicator of the region and period."""
        return self.row.iloc[0][column]

    def gap(self, year: int, criterion: str) -> pd.Series:
        """Gaps of the region and period to ``criterion`` of ``year``."""
        g = gaps.gaps(self.row, year)
        return g[g["criterion"] == criterion].iloc[0]

    # -- the learner's side --
    def expected(self, exercise_id: str) -> object:
        """The value an exercise expects, computed from the data (for trainers and tests)."""
        return EXERCISES[exercise_id].expected(self)

    def check(self, exercise_id: str, answer: object) -> CheckResult:
        """Compare ``answer`` with the expected value of ``exercise_id``; never raises."""
        m = MESSAGES[self.lang]
        ex = EXERCISES.get(str(exercise_id))
        if ex is None:
            return CheckResult(False, m["not_yet"].format(detail=m["unknown_exercise"].format(exercise=exercise_id)))
        try:
            return _check(ex, answer, self)
        except Exception as exc:  # noqa: BLE001 - a check must never stop the lesson
            detail = m["cannot_check"].format(error=f"{type(exc).__name__}: {exc}")
            return CheckResult(False, m["not_yet"].format(detail=detail))


# ---------------------------------------------------------------------------------------------------------------
# Comparing an answer with the expected value
# ---------------------------------------------------------------------------------------------------------------


class _Rejected(Exception):
    """The answer's form is wrong; ``detail`` says how."""

    def __init__(self, detail: str):
        self.detail = detail


def _single(answer: object, lang: str) -> object:
    """A one-element Series/DataFrame/array/list becomes its element (learners often get a one-row Series)."""
    m = MESSAGES[lang]
    if isinstance(answer, (pd.Series, pd.DataFrame, pd.Index, np.ndarray, list, tuple)):
        values = np.asarray(answer, dtype=object).ravel()
        if len(values) == 0:
            raise _Rejected(m["empty"])
        if len(values) > 1:
            raise _Rejected(m["many"].format(n=len(values)))
        return values[0]
    if isinstance(answer, np.generic):
        return answer.item()
    return answer


def _number(answer: object, kind: str, lang: str) -> float:
    m = MESSAGES[lang]
    if isinstance(answer, bool) or not isinstance(answer, (numbers.Real, Decimal)):
        raise _Rejected(m["not_number"].format(expect=m[_EXPECT[kind]], got=_type_name(answer, lang)))
    value = float(answer)
    if not math.isfinite(value):
        raise _Rejected(m["not_number"].format(expect=m[_EXPECT[kind]], got=repr(answer)))
    return value


def _month_names() -> dict[str, int]:
    """Lower-case month names in Indonesian and English (as a brief writes them) -> month number."""
    return {
        fmt.month(pd.Period(year=2000, month=m, freq="M"), lang).split(" ")[0].lower(): m
        for lang in fmt.LANGS
        for m in range(1, 13)
    }


def _period(answer: object, lang: str) -> pd.Period:
    """A month from a Period, "YYYY-MM" or "Juli 2026" / "July 2026"."""
    if isinstance(answer, pd.Period):
        return answer.asfreq("M")
    if isinstance(answer, str):
        words = answer.strip().lower().split()
        if len(words) == 2 and words[0] in _month_names() and words[1].isdigit():
            return pd.Period(year=int(words[1]), month=_month_names()[words[0]], freq="M")
        if len(words) == 1 and re.fullmatch(r"\d{4}-\d{1,2}", words[0]) and 1 <= int(words[0][5:]) <= 12:
            return pd.Period(words[0], "M")
    raise _Rejected(MESSAGES[lang]["not_period"].format(got=_type_name(answer, lang)))


def _same(kind: str, answer: object, expected: object) -> bool:
    if expected is None or answer is None:
        return answer is None and expected is None
    if kind in ("pct", "points"):
        return abs(float(answer) - float(expected)) <= PCT_TOLERANCE + 1e-9
    if kind == "period":
        return answer == expected
    if kind == "text":
        return str(answer).strip().lower() == str(expected).strip().lower()
    return float(answer) == float(expected)


def _shown(kind: str, value: object, lang: str) -> str:
    if value is None:
        return MESSAGES[lang]["none_expected"]
    if kind == "pct":
        return fmt.percent(float(value), lang)
    if kind == "points":
        return ("-" if round(float(value), 2) < 0 else "") + fmt.points(float(value), lang)
    if kind == "persons":
        return fmt.persons(int(value), lang)
    if kind == "rupiah":
        return fmt.rupiah(float(value), lang)
    if kind == "period":
        return fmt.month(value, lang)
    if kind in ("count", "row"):
        return fmt.number(int(value), lang)
    return str(value)


def _normalise(kind: str, answer: object, lang: str) -> object:
    if answer is pd.NaT:  # a month that is not reached within the horizon
        return None
    if kind == "period":
        return _period(answer, lang)
    if kind == "text":
        if not isinstance(answer, str):
            raise _Rejected(MESSAGES[lang]["not_text"].format(got=_type_name(answer, lang)))
        return answer
    return _number(answer, kind, lang)


def _check(ex: Exercise, answer: object, checker: Checker) -> CheckResult:
    lang = checker.lang
    m = MESSAGES[lang]

    def not_yet(detail: str) -> CheckResult:
        return CheckResult(False, m["not_yet"].format(detail=detail))

    if answer is Ellipsis:  # not filled in yet: nothing to compute
        return not_yet(m["unfilled"])
    expected = ex.expected(checker)
    if expected is not None and ex.kind == "period":
        expected = pd.Period(expected, "M")
    if answer is None and expected is not None:
        return not_yet(m["none"].format(expect=m[_EXPECT[ex.kind]]))
    try:
        value = None if answer is None else _normalise(ex.kind, _single(answer, lang), lang)
    except _Rejected as rejected:
        return not_yet(rejected.detail)
    accepted = [expected, *(ex.accept(checker) if ex.accept else [])]
    if any(_same(ex.kind, value, a) for a in accepted):
        shown = ex.show(checker, lang) if ex.show else _shown(ex.kind, expected, lang)
        return CheckResult(True, m["correct"].format(what=ex.what[lang], shown=shown))
    if value is None:
        return not_yet(m["none"].format(expect=m[_EXPECT[ex.kind]]))
    for mistake in ex.mistakes:
        wrong = mistake.value(checker)
        if wrong is not None and _same(ex.kind, value, wrong) and not _same(ex.kind, wrong, expected):
            return not_yet(mistake.hint[lang])
    if ex.kind == "pct" and expected is not None and abs(float(value) * 100 - float(expected)) <= PCT_TOLERANCE:
        return not_yet(m["fraction"])
    prefix = ""
    if ex.kind in _UNIT and not float(value).is_integer():
        prefix = m["not_whole"].format(unit=m[_UNIT[ex.kind]])
    return not_yet(prefix + ex.hint[lang])


# ---------------------------------------------------------------------------------------------------------------
# Lesson 1: loading and checking data
# ---------------------------------------------------------------------------------------------------------------


def course_file(name: str | Path) -> Path:
    """A file of the course: ``name`` itself if it exists, else that name in ``notebooks/training/data/``."""
    path = Path(name)
    return path if path.exists() else COURSE_DATA_DIR / path


def validation_error(path: str | Path) -> PanelValidationError | None:
    """The validation error reading ``path`` raises, or None if the file is valid (nothing is cached)."""
    try:
        read_panel(path, cache=False)
    except PanelValidationError as err:
        return err
    return None


EXPLANATIONS: list[tuple[str, Text]] = [
    (
        "lost digits",
        {
            "id": "Kode wilayah kehilangan angka nol di belakang (mis. 17.7 seharusnya 17.07), biasanya karena "
            "spreadsheet menyimpannya sebagai angka. Simpan kolom kode sebagai teks.",
            "en": "The region code lost a trailing zero (e.g. 17.7 should be 17.07), usually because a spreadsheet "
            "stored it as a number. Store the code column as text.",
        },
    ),
    (
        "stored as a number",
        {
            "id": "Kode wilayah tersimpan sebagai angka. Simpan kolom kode sebagai teks, mis. '17.07'.",
            "en": "The region code is stored as a number. Store the code column as text, e.g. '17.07'.",
        },
    ),
    (
        "unknown kabupaten/kota code",
        {
            "id": "Kode ini tidak ada dalam daftar kabupaten/kota Kemendagri. Periksa kodenya.",
            "en": "This code is not in the Kemendagri list of regencies and cities. Check the code.",
        },
    ),
    (
        "not a kab/kota code",
        {
            "id": "Kode wilayah harus berbentuk NN.NN (dua angka, titik, dua angka), mis. 17.07.",
            "en": "A region code has the form NN.NN (two digits, a dot, two digits), e.g. 17.07.",
        },
    ),
    (
        "not a month",
        {
            "id": "Periode harus ditulis tahun-bulan dengan angka, mis. 2024-04 (bukan 'April 2024').",
            "en": "The period must be written year-month in digits, e.g. 2024-04 (not 'April 2024').",
        },
    ),
    (
        "not a whole number",
        {
            "id": "Jumlah orang harus bilangan bulat. Sering terjadi karena titik pemisah ribuan (114.158 dibaca "
            "sebagai 114,158): simpan angka tanpa pemisah ribuan.",
            "en": "A number of people must be whole. This often comes from a thousands separator (114.158 read as "
            "114 point 158): store numbers without separators.",
        },
    ),
    (
        "is not a number",
        {
            "id": "Isi sel ini bukan angka (ada huruf atau tanda lain). Tulis angka saja.",
            "en": "This cell is not a number (it has letters or other signs). Write digits only.",
        },
    ),
    (
        "greater than registered",
        {
            "id": "Peserta aktif tidak mungkin lebih banyak daripada peserta terdaftar. Periksa apakah kolom "
            "terdaftar dan aktif tertukar.",
            "en": "There cannot be more active than registered participants. Check whether the registered and "
            "active columns were swapped.",
        },
    ),
    (
        "duplicate row",
        {
            "id": "Wilayah dan bulan yang sama muncul dua kali. Hapus salah satu baris.",
            "en": "The same region and month appear twice. Remove one of the rows.",
        },
    ),
    (
        "population differs",
        {
            "id": "Jumlah penduduk harus sama pada setiap baris segmen wilayah dan bulan yang sama.",
            "en": "The population must be the same on every segment row of a region and month.",
        },
    ),
    (
        "missing",
        {
            "id": "Sel atau kolom wajib ini kosong atau tidak ada. Lengkapi datanya.",
            "en": "This required cell or column is empty or absent. Complete the data.",
        },
    ),
    (
        "larger than any population",
        {
            "id": "Angka ini terlalu besar untuk jumlah orang. Periksa satuannya.",
            "en": "This number is too large for a number of people. Check the units.",
        },
    ),
    (
        "segment",
        {
            "id": "Nama segmen tidak dikenal. Gunakan PBI APBN, PBPU Pemda, PPU, PBPU mandiri atau BP.",
            "en": "Unknown segment name. Use PBI APBN, PBPU Pemda, PPU, PBPU mandiri or BP.",
        },
    ),
    (
        "negative",
        {"id": "Jumlah orang tidak boleh negatif.", "en": "A number of people cannot be negative."},
    ),
]

_PROBLEM_COLUMNS = {
    "id": ["baris", "kolom", "pesan", "penjelasan"],
    "en": ["row", "column", "message", "explanation"],
}


def explain(message: str, lang: str = "id") -> str:
    """A plain-language explanation of a validation message (empty if none is known)."""
    fmt.check_lang(lang)
    for key, text in EXPLANATIONS:
        if key in message:
            return text[lang]
    return ""


def problems_table(error: PanelValidationError | None, lang: str = "id") -> pd.DataFrame:
    """The problems of a validation error as a table: row (as a spreadsheet shows it), column, message, explanation."""
    names = _PROBLEM_COLUMNS[fmt.check_lang(lang)]
    problems = [] if error is None else error.problems
    rows = [(p.row, p.column, p.message, explain(p.message, lang)) for p in problems]
    table = pd.DataFrame(rows, columns=names)
    table[names[0]] = table[names[0]].astype("Int64")
    table.index = pd.RangeIndex(1, len(table) + 1)
    return table


_MEANINGS = {
    "region_code": {"id": "kode kabupaten/kota Kemendagri (teks), mis. 17.07", "en": "Kemendagri code (text), 17.07"},
    "period": {"id": "bulan data, YYYY-MM", "en": "month of the figures, YYYY-MM"},
    "segment": {"id": "segmen peserta (boleh tidak ada)", "en": "participant segment (optional)"},
    "population": {"id": "jumlah penduduk Dukcapil (penyebut)", "en": "Dukcapil population (denominator)"},
    "registered": {"id": "peserta JKN terdaftar", "en": "registered JKN participants"},
    "active": {"id": "peserta JKN aktif", "en": "active JKN participants"},
}


def column_glossary(lang: str = "id") -> pd.DataFrame:
    """Standard column names, the other names a file may use, and what each means."""
    fmt.check_lang(lang)
    rows = []
    for col in [*REQUIRED_COLUMNS[:2], "segment", *REQUIRED_COLUMNS[2:]]:
        aliases = ", ".join(a for a, c in COLUMN_ALIASES.items() if c == col)
        rows.append((col, aliases, _MEANINGS[col][lang]))
    names = ["kolom standar", "nama lain yang diterima", "arti"] if lang == "id" else ["column", "also", "meaning"]
    return pd.DataFrame(rows, columns=names)


def _broken(checker: Checker, column: str) -> int:
    return next(p.row for p in checker.broken_problems if p.column == column)


@exercise(
    "1.1",
    "count",
    what={"id": "Jumlah kabupaten/kota dalam panel", "en": "Number of regencies and cities in the panel"},
    hint={
        "id": "hitung kode wilayah yang berbeda di kolom region_code (petunjuk: .nunique()), bukan jumlah baris.",
        "en": "count the distinct codes in the region_code column (hint: .nunique()), not the rows.",
    },
    mistakes=(
        Mistake(
            lambda c: len(c.panel),
            {
                "id": "itu jumlah baris. Satu wilayah punya banyak baris (bulan dan segmen); hitung kode wilayah "
                "yang berbeda.",
                "en": "that is the number of rows. A region has many rows (months and segments); count the distinct "
                "region codes.",
            },
        ),
    ),
)
def _regions_in_panel(c: Checker) -> int:
    return int(c.panel["region_code"].nunique())


@exercise(
    "1.2",
    "persons",
    what={"id": "Jumlah penduduk", "en": "Population"},
    hint={
        "id": "ambil kolom population dari baris wilayah dan bulan yang diminta (semua baris segmen berisi angka "
        "penduduk yang sama; jangan dijumlahkan).",
        "en": "take the population column of the requested region and month (every segment row holds the same "
        "population; do not add them up).",
    },
    mistakes=(
        Mistake(
            lambda c: int(c.panel.loc[_rows_of(c), "population"].sum()),
            {
                "id": "Anda menjumlahkan penduduk dari semua baris segmen. Angka penduduk sama di setiap baris; "
                "ambil satu saja.",
                "en": "you added the population of every segment row. Each row holds the same population; take one.",
            },
        ),
    ),
)
def _population(c: Checker) -> int:
    return int(c.value("population"))


def _rows_of(c: Checker) -> pd.Series:
    return (c.panel["region_code"] == c.region_code) & (c.panel["period"] == c.month)


@exercise(
    "1.3",
    "count",
    what={"id": "Jumlah masalah dalam berkas rusak", "en": "Number of problems in the broken file"},
    hint={
        "id": 'baca baris pertama pesan galat ("... problem(s) in the input data") atau hitung baris tabel masalah.',
        "en": 'read the first line of the error ("... problem(s) in the input data") or count the problem table\'s '
        "rows.",
    },
)
def _problem_count(c: Checker) -> int:
    return len(c.broken_problems)


@exercise(
    "1.4",
    "row",
    what={"id": "Baris dengan masalah pada kolom active", "en": "Row with a problem in the active column"},
    hint={
        "id": "cari masalah yang menyebut column 'active' dan baca nomor barisnya (row ...).",
        "en": "find the problem that names column 'active' and read its row number (row ...).",
    },
    mistakes=(
        Mistake(
            lambda c: _broken(c, "active") - 2,
            {
                "id": "itu nomor indeks pandas (dimulai dari 0). Pesan galat memakai nomor baris seperti di "
                "spreadsheet: baris judul kolom adalah baris 1.",
                "en": "that is the pandas index (counting from 0). The error uses row numbers as a spreadsheet "
                "shows them: the header is row 1.",
            },
        ),
    ),
)
def _active_problem_row(c: Checker) -> int:
    return _broken(c, "active")


# ---------------------------------------------------------------------------------------------------------------
# Lesson 2: coverage and activity
# ---------------------------------------------------------------------------------------------------------------


@exercise(
    "2.1",
    "pct",
    what={"id": "Cakupan kepesertaan (terdaftar ÷ penduduk)", "en": "Coverage (registered ÷ population)"},
    hint={
        "id": "cakupan = 100 × peserta terdaftar ÷ jumlah penduduk, untuk wilayah dan bulan yang diminta.",
        "en": "coverage = 100 × registered participants ÷ population, for the requested region and month.",
    },
)
def _coverage(c: Checker) -> float:
    return float(c.value("coverage_pct"))


@exercise(
    "2.2",
    "pct",
    what={"id": "Keaktifan (aktif ÷ penduduk)", "en": "Activity (active ÷ population)"},
    hint={
        "id": "keaktifan = 100 × peserta aktif ÷ jumlah penduduk (penyebutnya penduduk, seperti pada kriteria UHC).",
        "en": "activity = 100 × active participants ÷ population (the denominator is the population, as in the UHC "
        "criteria).",
    },
    mistakes=(
        Mistake(
            lambda c: float(c.value("active_of_registered_pct")),
            {
                "id": "itu aktif ÷ peserta terdaftar. Kriteria UHC memakai penduduk sebagai penyebut: "
                "aktif ÷ penduduk.",
                "en": "that is active ÷ registered. The UHC criteria divide by the population: active ÷ population.",
            },
        ),
    ),
)
def _activity(c: Checker) -> float:
    return float(c.value("activity_pct"))


@exercise(
    "2.3",
    "pct",
    what={
        "id": "Aktif dari peserta terdaftar (aktif ÷ terdaftar)",
        "en": "Active among registered (active ÷ registered)",
    },
    hint={
        "id": "di sini penyebutnya peserta terdaftar: 100 × peserta aktif ÷ peserta terdaftar.",
        "en": "here the denominator is the registered participants: 100 × active ÷ registered.",
    },
    mistakes=(
        Mistake(
            lambda c: float(c.value("activity_pct")),
            {
                "id": "itu aktif ÷ penduduk (keaktifan menurut kriteria UHC). Soal ini meminta aktif ÷ terdaftar.",
                "en": "that is active ÷ population (activity as in the UHC criteria). This exercise asks for active "
                "÷ registered.",
            },
        ),
    ),
)
def _active_of_registered(c: Checker) -> float:
    return float(c.value("active_of_registered_pct"))


@exercise(
    "2.4",
    "pct",
    what={"id": "Penduduk yang terdaftar tetapi tidak aktif", "en": "Population registered but inactive"},
    hint={
        "id": "lihat kolom inactive_pct pada tabel uhc_lib.indicators, atau hitung 100 × (terdaftar − aktif) ÷ "
        "penduduk.",
        "en": "read the inactive_pct column of the uhc_lib.indicators table, or compute 100 × (registered − active) ÷ "
        "population.",
    },
)
def _inactive(c: Checker) -> float:
    return float(c.value("inactive_pct"))


# ---------------------------------------------------------------------------------------------------------------
# Lesson 3: UHC status and gaps
# ---------------------------------------------------------------------------------------------------------------


def _year(c: Checker) -> int:
    return int(c.params.get("criteria_year", c.month.year))


def _target_year(c: Checker) -> int:
    return int(c.params.get("target_year", c.month.year + 1))


def _target(c: Checker) -> pd.Series:
    return criteria.headline(_target_year(c))


@exercise(
    "3.1",
    "text",
    accept=lambda c: [criteria.label(_status(c), _year(c), lang) for lang in fmt.LANGS],
    show=lambda c, lang: criteria.label(_status(c), _year(c), lang),
    what={"id": "Status UHC", "en": "UHC status"},
    hint={
        "id": "jalankan criteria.evaluate(...) untuk tahun kriteria yang diminta dan salin isi kolom status apa "
        "adanya, sebagai teks di antara tanda kutip.",
        "en": "run criteria.evaluate(...) for the requested criteria year and copy the status column as it is, as "
        "text between quotes.",
    },
)
def _status(c: Checker) -> str:
    return str(criteria.evaluate(c.row, _year(c)).iloc[0]["status"])


@exercise(
    "3.2",
    "persons",
    what={"id": "Penduduk yang perlu didaftarkan", "en": "Residents who must enrol"},
    hint={
        "id": "target terdaftar = penduduk × minimal cakupan ÷ 100, dibulatkan ke atas; kurangi dengan peserta yang "
        "sudah terdaftar (atau lihat kolom enrol_needed dari gaps.gaps).",
        "en": "registered target = population × minimum coverage ÷ 100, rounded up; subtract those already registered "
        "(or read enrol_needed from gaps.gaps).",
    },
    mistakes=(
        Mistake(
            lambda c: int(c.gap(_target_year(c), _target(c)["criterion"])["enrol_needed"]) - 1,
            {
                "id": "hampir! Jumlah orang harus dibulatkan ke atas agar target benar-benar tercapai "
                "(gunakan math.ceil).",
                "en": "almost! Round the number of people up so the target is really reached (use math.ceil).",
            },
        ),
    ),
)
def _enrol_needed(c: Checker) -> int:
    return int(c.gap(_target_year(c), _target(c)["criterion"])["enrol_needed"])


@exercise(
    "3.3",
    "persons",
    what={"id": "Tambahan peserta aktif yang diperlukan", "en": "Additional active participants needed"},
    hint={
        "id": "target aktif = penduduk × minimal keaktifan ÷ 100, dibulatkan ke atas; kurangi dengan peserta aktif "
        "sekarang (atau lihat kolom activate_needed dari gaps.gaps).",
        "en": "active target = population × minimum activity ÷ 100, rounded up; subtract the current active "
        "participants (or read activate_needed from gaps.gaps).",
    },
    mistakes=(
        Mistake(
            lambda c: int(c.gap(_target_year(c), _target(c)["criterion"])["activate_needed"]) - 1,
            {
                "id": "hampir! Jumlah orang harus dibulatkan ke atas agar target benar-benar tercapai "
                "(gunakan math.ceil).",
                "en": "almost! Round the number of people up so the target is really reached (use math.ceil).",
            },
        ),
        Mistake(
            lambda c: int(c.gap(_target_year(c), _target(c)["criterion"])["reactivate_needed"]),
            {
                "id": "itu hanya bagian yang harus berasal dari pengaktifan kembali (reactivate_needed). Soal ini "
                "meminta seluruh tambahan peserta aktif.",
                "en": "that is only the part that must come from reactivation (reactivate_needed). This exercise "
                "asks for all additional active participants.",
            },
        ),
    ),
)
def _activate_needed(c: Checker) -> int:
    return int(c.gap(_target_year(c), _target(c)["criterion"])["activate_needed"])


@exercise(
    "3.4",
    "text",
    accept=lambda c: [criteria.label(_status_target(c), _target_year(c), lang) for lang in fmt.LANGS],
    show=lambda c, lang: criteria.label(_status_target(c), _target_year(c), lang),
    what={"id": "Status UHC menurut kriteria tahun target", "en": "UHC status under the target year's criteria"},
    hint={
        "id": "jalankan criteria.evaluate(...) dengan tahun target (bukan tahun berjalan) dan salin isi kolom status "
        "apa adanya, sebagai teks di antara tanda kutip.",
        "en": "run criteria.evaluate(...) with the target year (not the current year) and copy the status column "
        "as it is, as text between quotes.",
    },
    mistakes=(
        Mistake(
            lambda c: _status(c),
            {
                "id": "itu status menurut kriteria tahun berjalan. Soal ini memakai kriteria tahun target.",
                "en": "that is the status under the current year's criteria. This exercise uses the target year's.",
            },
        ),
    ),
)
def _status_target(c: Checker) -> str:
    return str(criteria.evaluate(c.row, _target_year(c)).iloc[0]["status"])


# ---------------------------------------------------------------------------------------------------------------
# Lesson 4: reading a brief
# ---------------------------------------------------------------------------------------------------------------


@exercise(
    "4.1",
    "persons",
    what={"id": "Penduduk terdaftar tetapi tidak aktif", "en": "People registered but inactive"},
    hint={
        "id": 'cari kalimat "terdaftar sebagai peserta tetapi tidak aktif" pada paragraf pertama ringkasan; '
        "tulis jumlah jiwanya tanpa titik ribuan.",
        "en": 'find "registered but not active" in the brief\'s first paragraph; write the number of people '
        "without separators.",
    },
)
def _brief_inactive(c: Checker) -> int:
    return int(c.figures.inactive)


@exercise(
    "4.2",
    "period",
    what={
        "id": "Bulan keaktifan mencapai target utama dengan laju saat ini",
        "en": "Month activity reaches the headline target at the current pace",
    },
    hint={
        "id": 'baca kalimat "Dengan laju rata-rata ... akan tercapai pada ..." di paragraf tren, lalu tulis '
        'bulannya sebagai "YYYY-MM".',
        "en": 'read the sentence "At the average pace ... would reach ... in ..." in the trend paragraph and write '
        'the month as "YYYY-MM".',
    },
)
def _brief_activity_month(c: Checker) -> pd.Period | None:
    return c.figures.headline_target.activity_reached


@exercise(
    "4.3",
    "points",
    what={
        "id": "Perubahan keaktifan dibanding setahun sebelumnya (poin persen)",
        "en": "Change in activity against a year earlier (percentage points)",
    },
    hint={
        "id": 'baca kalimat "dibandingkan <bulan tahun lalu>, ... keaktifan naik/turun ... poin persen". '
        "Tulis penurunan sebagai angka negatif.",
        "en": 'read "compared with <last year\'s month>, ... activity up/down ... percentage points". Write a fall '
        "as a negative number.",
    },
    mistakes=(
        Mistake(
            lambda c: None if (v := c.figures.changes["activity_pct_yoy"]) is None else -v,
            {
                "id": "periksa tandanya: naik ditulis positif, turun ditulis negatif.",
                "en": "check the sign: a rise is positive, a fall negative.",
            },
        ),
        Mistake(
            lambda c: c.figures.changes["activity_pct_mom"],
            {
                "id": "itu perubahan dibanding bulan sebelumnya. Soal ini meminta perubahan dibanding setahun "
                "sebelumnya.",
                "en": "that is the change against the previous month. This exercise asks for the change against a "
                "year earlier.",
            },
        ),
    ),
)
def _brief_activity_yoy(c: Checker) -> float | None:
    return c.figures.changes["activity_pct_yoy"]


@exercise(
    "4.4",
    "persons",
    what={
        "id": "Tambahan peserta aktif dari pengaktifan kembali untuk target tahun berikutnya",
        "en": "Additional active participants from reactivation for next year's target",
    },
    hint={
        "id": 'pada paragraf kesenjangan, cari angka "... di antaranya dengan mengaktifkan kembali peserta '
        'nonaktif" untuk kriteria tahun berikutnya.',
        "en": 'in the gap paragraph, find "... of them by reactivating inactive participants" for next year\'s '
        "criteria.",
    },
    mistakes=(
        Mistake(
            lambda c: None if (t := _next_headline(c)) is None else t.activate_needed,
            {
                "id": "itu seluruh tambahan peserta aktif. Soal ini meminta bagian yang berasal dari pengaktifan "
                "kembali peserta nonaktif.",
                "en": "that is all additional active participants. This exercise asks for the part that comes from "
                "reactivating inactive participants.",
            },
        ),
    ),
)
def _brief_reactivate_next(c: Checker) -> int | None:
    t = _next_headline(c)
    return None if t is None else t.reactivate_needed


def _next_headline(c: Checker):
    """Next year's headline target in the brief (e.g. UHC Prioritas 2025 in a 2024 brief), if any."""
    nxt = c.figures.next_targets
    if not nxt:
        return None
    head = criteria.headline(nxt[0].year)["criterion"]
    return next(t for t in nxt if t.criterion == head)


# ---------------------------------------------------------------------------------------------------------------
# Lesson 5: planning scenarios (uhc_lib.premiums, uhc_lib.budget, uhc_lib.scenarios)
# ---------------------------------------------------------------------------------------------------------------


def _scenario_table(c: Checker) -> pd.DataFrame:
    return c.scenario_comparison


def _scenario_reached(c: Checker, target) -> pd.Period | None:
    from uhc_lib import scenarios

    value = _scenario_table(c)[scenarios.reached_column(target.year, target.criterion)].iloc[-1]
    return None if pd.isna(value) else value


def _default_target(c: Checker):
    from uhc_lib import budget

    return budget.default_target(c.figures)


def _pemda_premium(c: Checker) -> int:
    from uhc_lib import budget

    return budget.pemda_premium(c.month)


@exercise(
    "5.1",
    "rupiah",
    what={
        "id": "Iuran sebulan yang dibayar Pemda untuk satu peserta PBPU Pemda",
        "en": "Monthly premium the regency pays for one PBPU Pemda participant",
    },
    hint={
        "id": 'gunakan premiums.monthly_premium("pbpu_pemda", 3, periode, payer="regency"), atau baca baris '
        "pbpu_pemda pada tabel iuran.",
        "en": 'use premiums.monthly_premium("pbpu_pemda", 3, periode, payer="regency"), or read the pbpu_pemda '
        "row of the premium table.",
    },
)
def _premium(c: Checker) -> int:
    return _pemda_premium(c)


@exercise(
    "5.2",
    "rupiah",
    what={
        "id": "Biaya setahun mendaftarkan penduduk sebagai PBPU Pemda",
        "en": "Yearly cost of enrolling residents as PBPU Pemda",
    },
    hint={
        "id": "biaya setahun = jumlah penduduk yang didaftarkan × iuran sebulan × 12 bulan.",
        "en": "yearly cost = residents enrolled × monthly premium × 12 months.",
    },
    mistakes=(
        Mistake(
            lambda c: int(c.params["enrol_count"]) * _pemda_premium(c),
            {
                "id": "itu biaya satu bulan. Soal ini meminta biaya setahun (12 bulan).",
                "en": "that is the cost of one month. This exercise asks for a year (12 months).",
            },
        ),
    ),
)
def _enrolment_cost(c: Checker) -> int:
    from uhc_lib import budget

    return budget.enrolment_cost(int(c.params["enrol_count"]), c.month)


@exercise(
    "5.3",
    "period",
    what={
        "id": "Bulan skenario kombinasi memenuhi target tahun berikutnya",
        "en": "Month the combined scenario meets next year's target",
    },
    hint={
        "id": "pada tabel perbandingan, lihat baris skenario kombinasi (baris terakhir) dan kolom bulan target "
        '(reached_...) untuk kriteria tahun berikutnya; tulis sebagai "YYYY-MM".',
        "en": "in the compare table, look at the combined scenario (last row) and the reached_... column of next "
        'year\'s criterion; write it as "YYYY-MM".',
    },
    mistakes=(
        Mistake(
            lambda c: _scenario_reached(c, c.figures.headline_target),
            {
                "id": "itu bulan tercapainya kriteria tahun berjalan. Soal ini meminta kriteria tahun berikutnya "
                "(mis. UHC Prioritas 98/80).",
                "en": "that is the month this year's criterion is met. This exercise asks for next year's criterion "
                "(e.g. UHC Prioritas 98/80).",
            },
        ),
    ),
)
def _combined_reached(c: Checker) -> pd.Period | None:
    return _scenario_reached(c, _default_target(c))


@exercise(
    "5.4",
    "rupiah",
    what={
        "id": "Biaya Pemda setahun setelah semua tuas skenario kombinasi berjalan",
        "en": "The regency's yearly cost once every lever of the combined scenario is in place",
    },
    hint={
        "id": "pada tabel perbandingan, ambil kolom regency_yearly_rp dari baris skenario kombinasi (baris terakhir).",
        "en": "in the compare table, take the regency_yearly_rp column of the combined scenario (last row).",
    },
    mistakes=(
        Mistake(
            lambda c: int(_scenario_table(c)["regency_first_year_rp"].iloc[-1]),
            {
                "id": "itu biaya 12 bulan pertama, saat tuas belum berjalan penuh. Soal ini meminta biaya setahun "
                "setelah semua tuas berjalan (regency_yearly_rp).",
                "en": "that is the cost of the first 12 months, before the levers are fully in place. This exercise "
                "asks for a year once they all are (regency_yearly_rp).",
            },
        ),
    ),
)
def _combined_yearly_cost(c: Checker) -> int:
    return int(_scenario_table(c)["regency_yearly_rp"].iloc[-1])
