"""Checks a learner's answer to an exercise against the value computed from the lesson's data; never raises.

:meth:`Checker.check` returns a :class:`CheckResult` whose message starts with "Benar!" / "Correct!" or
"Belum tepat:" / "Not yet:" and gives a hint, never the answer. Percentages are accepted within
:data:`PCT_TOLERANCE` points; persons, rupiah, counts and row numbers must be exact. The exercises themselves are data
(:mod:`uhc_lib.training.exercises`), so the same lesson works for any regency and month a trainer picks.
"""

from __future__ import annotations

import html
import numbers
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from uhc_lib.analysis import gaps, scenarios
from uhc_lib.analysis.brief import brief_figures
from uhc_lib.common import fmt
from uhc_lib.common.lang import LANGS, check_lang
from uhc_lib.inputs.panel import read_panel
from uhc_lib.rules import indicators
from uhc_lib.training import forms
from uhc_lib.training.data_help import course_file, validation_error
from uhc_lib.training.exercises import Exercise, load_exercises

PCT_TOLERANCE = 0.01  # percentage points: 75.41 is accepted for 75.40985
NUMERIC_KINDS = ("pct", "points", "persons", "rupiah", "count", "row")
WHOLE_KINDS = forms.WHOLE_KINDS


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
            f'font-size:1.05em">{mark} {message_html(self.message)}</div>'
        )


def message_html(text: str) -> str:
    """A message as HTML: escaped, with its `code` spans (names, ``...``) in code type instead of backticks."""
    return re.sub(r"`([^`\n]+)`", r"<code>\1</code>", html.escape(text))


# ---------------------------------------------------------------------------------------------------------------
# Message texts
# ---------------------------------------------------------------------------------------------------------------

MESSAGES = {
    "id": {
        "correct": "Benar! {what}: {shown}.",
        "not_yet": "Belum tepat: {detail}",
        "unfilled": "jawaban belum diisi. Ganti tanda `...` di sel latihan tepat di atas sel ini dengan perhitungan "
        "Anda, jalankan sel latihan itu (Shift+Enter), lalu jalankan lagi sel pemeriksaan ini.",
        "none": "jawaban bernilai None (kosong). Pastikan baris jawaban menghasilkan {expect}, bukan hasil print().",
        "many": "jawaban berisi {n} nilai. Pilih satu nilai saja (satu wilayah dan satu bulan).",
        "empty": "jawaban tidak berisi nilai apa pun. Periksa filter wilayah dan bulan Anda.",
        "not_number": "jawaban harus berupa {expect}, bukan {got}. Tulis angka tanpa tanda kutip, "
        "dengan titik sebagai tanda desimal (mis. 12.5).",
        "not_text": "jawaban harus berupa teks di antara tanda kutip, bukan {got}.",
        "not_number_text": "teks {got} tidak dapat dibaca sebagai angka. Tulis angkanya saja, tanpa tanda kutip dan "
        "dengan titik sebagai tanda desimal (mis. 74.88 atau 42000), atau salin angkanya dari ringkasan di antara "
        'tanda kutip (mis. "74,88" atau "Rp42.000").',
        "unquoted_month": "jawaban Anda adalah angka {got}: tanpa tanda kutip Python menghitung 2030-01 sebagai "
        'pengurangan 2030 − 1 = 2029. Tulis bulan di antara tanda kutip, mis. "2030-01".',
        "note_comma_pair": "Catatan: tanpa tanda kutip Python membaca {typed} sebagai beberapa angka; jawaban dibaca "
        "sebagai {shown}. Di Python tanda desimal adalah titik dan angka ribuan ditulis tanpa pemisah: {python}.",
        "note_thousands_dot": "Catatan: Python membaca titik sebagai tanda desimal, jadi {typed} berarti {plain}; "
        "jawaban dibaca sebagai {shown}. Tulis angka ribuan tanpa titik: {python}.",
        "note_text": "Catatan: jawaban berupa teks {typed} dan dibaca sebagai {shown}. Itu boleh; untuk menghitung "
        "lebih lanjut, tulis angka tanpa tanda kutip: {python}.",
        "not_period": 'jawaban harus berupa bulan dengan bentuk "YYYY-MM" (mis. "2030-01"), bukan {got}.',
        "not_whole": "jumlah {unit} selalu bilangan bulat.",
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
        "unfilled": "no answer yet. Replace the `...` in the exercise cell just above this one with your calculation, "
        "run that exercise cell (Shift+Enter), then run this check cell again.",
        "none": "the answer is None (empty). Make sure the answer line gives {expect}, not the result of print().",
        "many": "the answer holds {n} values. Pick a single value (one region and one month).",
        "empty": "the answer holds no value at all. Check your region and month filter.",
        "not_number": "the answer must be {expect}, not {got}. Write the number without quotes, "
        "with a dot as decimal mark (e.g. 12.5).",
        "not_text": "the answer must be text between quotes, not {got}.",
        "not_number_text": "the text {got} cannot be read as a number. Write the number alone, without quotes and "
        "with a dot as decimal mark (e.g. 74.88 or 42000), or copy the figure from the brief between quotes "
        '(e.g. "74,88" or "Rp42.000").',
        "unquoted_month": "your answer is the number {got}: without quotes Python computes 2030-01 as the "
        'subtraction 2030 − 1 = 2029. Write the month between quotes, e.g. "2030-01".',
        "note_comma_pair": "Note: without quotes Python reads {typed} as several numbers; the answer was read as "
        "{shown}. In Python the decimal mark is a dot and thousands have no separator: {python}.",
        "note_thousands_dot": "Note: Python reads a dot as the decimal mark, so {typed} means {plain}; the answer was "
        "read as {shown}. Write thousands without a dot: {python}.",
        "note_text": "Note: the answer is the text {typed}, read as {shown}. That is fine; to compute with it, write "
        "the number without quotes: {python}.",
        "not_period": 'the answer must be a month written "YYYY-MM" (e.g. "2030-01"), not {got}.',
        "not_whole": "a number of {unit} is always a whole number.",
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
        check_lang(self.lang)
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
        return brief_figures(self.panel, self.region_code, self.month)

    @cached_property
    def scenario_comparison(self) -> pd.DataFrame:
        """Compare table of the default scenarios from the brief's month (lesson 5; the last is the combination)."""
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
        return load_exercises()[exercise_id].expected(self)

    def check(self, exercise_id: str, answer: object) -> CheckResult:
        """Compare ``answer`` with the expected value of ``exercise_id``; never raises."""
        m = MESSAGES[self.lang]
        ex = load_exercises().get(str(exercise_id))
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


def _month_names() -> dict[str, int]:
    """Lower-case month names in Indonesian and English (as a brief writes them) -> month number."""
    return {
        fmt.month(pd.Period(year=2000, month=m, freq="M"), lang).split(" ")[0].lower(): m
        for lang in LANGS
        for m in range(1, 13)
    }


NOT_REACHED = {
    "none",
    "tidak",
    "tidak tercapai",
    "tidak akan tercapai",
    "belum tercapai",
    "tidak disebut",
    "never",
    "not reached",
    "not within five years",
    "tidak akan tercapai dalam lima tahun",
}
"""Words meaning "no month" (a target not reached within the brief's horizon), accepted for an expected None."""


def _period(answer: object, lang: str) -> pd.Period | None:
    """A month from a Period, a date, "YYYY-MM", "MM/YYYY" or "Juli 2026" / "July 2026"; None for "tidak tercapai"."""
    if isinstance(answer, pd.Period):
        return answer.asfreq("M")
    if isinstance(answer, (pd.Timestamp, date)):
        return pd.Period(year=answer.year, month=answer.month, freq="M")
    if isinstance(answer, str):
        text = " ".join(answer.strip().strip(".").lower().split())
        if text in NOT_REACHED:
            return None
        words = text.split()
        if len(words) == 2 and words[0] in _month_names() and words[1].isdigit():
            return pd.Period(year=int(words[1]), month=_month_names()[words[0]], freq="M")
        ymd = re.fullmatch(r"(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?", text)
        my = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", text)
        if ymd or my:
            year, month = (int(ymd[1]), int(ymd[2])) if ymd else (int(my[2]), int(my[1]))
            if 1 <= month <= 12:
                return pd.Period(year=year, month=month, freq="M")
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
        raise _Rejected(MESSAGES[lang]["unquoted_month"].format(got=answer))
    raise _Rejected(MESSAGES[lang]["not_period"].format(got=_type_name(answer, lang)))


def _words(text: object) -> str:
    """Lower case, letters and digits only: "UHC Cut-Off" and "uhc cut off" are the same answer."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text).lower()).split())


def _same(kind: str, answer: object, expected: object) -> bool:
    if expected is None or answer is None:
        return answer is None and expected is None
    if kind in ("pct", "points"):
        return abs(float(answer) - float(expected)) <= PCT_TOLERANCE + 1e-9
    if kind == "period":
        return answer == expected
    if kind == "text":
        return _words(answer) == _words(expected)
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
    if not isinstance(answer, str):
        raise _Rejected(MESSAGES[lang]["not_text"].format(got=_type_name(answer, lang)))
    return answer


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _python(value: float, kind: str) -> str:
    """How Python wants the number written: 74.88, 713852."""
    if kind in WHOLE_KINDS or float(value).is_integer():
        return str(int(round(value)))
    return f"{value:.10g}"


def _note(reading: forms.Reading, answer: object, kind: str, lang: str) -> str:
    """The form note of a reading that is not the plain one (empty for the plain one)."""
    if reading.note is None:
        return ""
    m = MESSAGES[lang]
    plain = forms.readings(answer, kind)[0].value if reading.note == "thousands_dot" else reading.value
    typed = f"{plain:.3f}" if reading.note == "thousands_dot" else forms.typed(answer)
    return m[f"note_{reading.note}"].format(
        typed=typed,
        plain=fmt.number(plain, lang, decimals=3).rstrip("0").rstrip(",."),
        shown=_shown(kind, reading.value, lang),
        python=_python(reading.value, kind),
    )


def _readings(ex: Exercise, answer: object, lang: str) -> list[forms.Reading]:
    """What a numeric answer may stand for; a wrong form is rejected saying what the form should be."""
    m = MESSAGES[lang]
    if not forms.readings(answer, ex.kind):  # a pair like (74, 88) is read before it is taken as "many values"
        answer = _single(answer, lang)
    found = forms.readings(answer, ex.kind)
    if found:
        return found
    if isinstance(answer, str):
        raise _Rejected(m["not_number_text"].format(got=repr(answer)))
    raise _Rejected(m["not_number"].format(expect=m[_EXPECT[ex.kind]], got=_type_name(answer, lang)))


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
    accepted = [expected, *ex.accepted(checker)]
    try:
        if answer is None or answer is pd.NaT:
            readings = [forms.Reading(None)]  # type: ignore[arg-type]
        elif ex.kind in NUMERIC_KINDS:
            readings = _readings(ex, answer, lang)
        else:
            readings = [forms.Reading(_normalise(ex.kind, _single(answer, lang), lang))]  # type: ignore[arg-type]
    except _Rejected as rejected:
        return not_yet(rejected.detail)
    for reading in readings:
        if any(_same(ex.kind, reading.value, a) for a in accepted):
            shown = ex.shown(checker, lang) or _shown(ex.kind, expected, lang)
            note = _note(reading, answer, ex.kind, lang)
            return CheckResult(
                True, " ".join(filter(None, [m["correct"].format(what=ex.what[lang], shown=shown), note]))
            )
    value = readings[0].value
    note = _note(readings[0], answer, ex.kind, lang)
    if value is None:
        return not_yet(m["none"].format(expect=m[_EXPECT[ex.kind]]))
    for mistake in ex.mistakes:
        wrong = mistake.value(checker)
        if wrong is None or _same(ex.kind, wrong, expected):
            continue
        if any(_same(ex.kind, r.value, wrong) for r in readings):
            return not_yet(" ".join(filter(None, [mistake.hint[lang], note])))
    if (
        ex.kind == "pct"
        and expected is not None
        and any(abs(float(r.value) * 100 - float(expected)) <= PCT_TOLERANCE for r in readings)
    ):
        return not_yet(m["fraction"])
    parts = [ex.hint[lang], note]
    if ex.kind in _UNIT and not float(value).is_integer():
        parts = [m["not_whole"].format(unit=m[_UNIT[ex.kind]]), _capital(ex.hint[lang]), note]
    return not_yet(" ".join(filter(None, parts)))
