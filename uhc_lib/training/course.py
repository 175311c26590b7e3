"""One lesson's context: its parameters checked in Indonesian, its data, its checker, its tables and its progress.

``Course(lesson, kode_wilayah, periode, berkas_data, lang)`` is what every lesson's setup cell makes. Every figure a
lesson shows comes from it (nothing is typed into the lesson text), so a trainer who changes the parameters cell gets
a lesson about another regency, month or data file, with the checks following.
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

import pandas as pd

from uhc_lib.analysis import budget
from uhc_lib.analysis.brief import BriefFigures, Target, brief_figures
from uhc_lib.common import fmt
from uhc_lib.common.config import EMBEDDED_PANEL
from uhc_lib.common.lang import check_lang
from uhc_lib.inputs import reference
from uhc_lib.inputs.panel import read_panel
from uhc_lib.inputs.schema import PanelValidationError
from uhc_lib.rules import indicators
from uhc_lib.training.checker import Checker, CheckResult
from uhc_lib.training.data_help import course_file, problems_table
from uhc_lib.training.exercises import load_exercises

PROGRESS_FILE = "kemajuan_kursus.json"
"""Where a participant's results are kept (in the folder the lessons run in, or ``UHC_TRAINING_PROGRESS``)."""
YEAR_COLUMNS = frozenset({"year", "tahun", "criteria_year"})
"""Columns of years, shown without a thousands separator in the lessons' tables."""

ILLUSTRATIVE = {
    "id": "Data ilustratif: dibuat secara simulasi oleh proyek UHC Monitor, bukan data resmi BPJS Kesehatan.",
    "en": "Illustrative data: made by simulation by the UHC Monitor project, not official BPJS Kesehatan data.",
}
OWN_DATA = {"id": "Data dari berkas {name}.", "en": "Data from the file {name}."}


class CourseError(ValueError):
    """A lesson parameter a beginner got wrong; the message says in plain words what to write instead."""


_WORDS = {
    "id": {
        "code_number": "Kode wilayah ditulis sebagai angka ({got}). Kode wilayah adalah teks: tulis di antara tanda "
        'kutip, mis. kode_wilayah = "{example}". Sebagai angka, nol di belakang hilang (32.10 menjadi 32.1).',
        "code_form": 'Kode wilayah "{got}" tidak berbentuk NN.NN (dua angka, titik, dua angka), mis. "17.07". '
        "Kode BPS empat angka seperti 3201 ditulis 32.01.",
        "code_unknown": 'Kode wilayah "{got}" tidak ada dalam daftar kabupaten/kota Kemendagri. Periksa kodenya, '
        "mis. di daftar wilayah pada berkas data atau di situs Kemendagri.",
        "code_absent": 'Berkas data tidak memuat wilayah "{got}" ({name}). Wilayah dalam berkas: {some}.',
        "period_form": 'Periode "{got}" tidak berbentuk YYYY-MM (tahun, tanda minus, bulan dua angka), mis. '
        '"2025-06". Tulis di antara tanda kutip.',
        "period_absent": "Berkas data tidak memuat {name} pada {got}. Data wilayah ini mencakup {first} sampai "
        "{last}; pilih bulan di antaranya.",
        "file_missing": "Berkas data {got} tidak ditemukan. Periksa nama berkas dan foldernya (berkas di folder "
        "notebook cukup ditulis namanya), atau tulis None untuk memakai data ilustratif proyek.",
        "file_invalid": "Berkas data {got} belum dapat dipakai: {n} masalah. Tabel di bawah menyebut baris, kolom "
        "dan penjelasannya; perbaiki berkasnya lalu jalankan sel ini lagi.",
        "lang": 'Bahasa harus "id" (Indonesia) atau "en" (English), bukan {got}.',
    },
    "en": {
        "code_number": "The region code is written as a number ({got}). A region code is text: write it between "
        'quotes, e.g. kode_wilayah = "{example}". As a number, trailing zeros are lost (32.10 becomes 32.1).',
        "code_form": 'The region code "{got}" is not of the form NN.NN (two digits, a dot, two digits), e.g. '
        '"17.07". A four-digit BPS code such as 3201 is written 32.01.',
        "code_unknown": 'The region code "{got}" is not in the Kemendagri list of regencies and cities. Check it.',
        "code_absent": 'The data file has no region "{got}" ({name}). Regions in the file: {some}.',
        "period_form": 'The period "{got}" is not of the form YYYY-MM, e.g. "2025-06". Write it between quotes.',
        "period_absent": "The data file has no figures for {name} in {got}. This region's data covers {first} to "
        "{last}; pick a month in between.",
        "file_missing": "The data file {got} was not found. Check its name and folder, or write None for the "
        "project's illustrative data.",
        "file_invalid": "The data file {got} cannot be used yet: {n} problems. The table below names the row, the "
        "column and what to do; fix the file and run this cell again.",
        "lang": 'The language must be "id" or "en", not {got}.',
    },
}


def _lang_of(lang: object) -> str:
    if lang not in ("id", "en"):
        raise CourseError(_WORDS["id"]["lang"].format(got=repr(lang)))
    return str(lang)


def check_region_code(code: object, lang: str = "id") -> str:
    """The code as text ``NN.NN``, or a :class:`CourseError` saying how to write it (a number, a BPS code...)."""
    w = _WORDS[lang]
    if isinstance(code, (int, float)) and not isinstance(code, bool):
        example = f"{code:.2f}" if isinstance(code, float) else f"{code // 100:02d}.{code % 100:02d}"
        raise CourseError(w["code_number"].format(got=code, example=example))
    text = str(code).strip()
    if not re.fullmatch(r"\d{2}\.\d{2}", text):
        raise CourseError(w["code_form"].format(got=text))
    if text not in set(reference.regions()["region_code"]):
        raise CourseError(w["code_unknown"].format(got=text))
    return text


def check_period(period: object, lang: str = "id") -> pd.Period:
    text = str(period).strip()
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        raise CourseError(_WORDS[lang]["period_form"].format(got=text))
    return pd.Period(text, "M")


@dataclass
class Course:
    """A lesson's parameters and everything computed from them.

    Args:
        lesson: the lesson number (0-5).
        region_code: Kemendagri code as text, ``"17.07"``.
        period: month ``"YYYY-MM"``.
        data_file: the participant's or trainer's panel file, None for the embedded illustrative data.
        lang: ``"id"`` or ``"en"`` (texts, tables and check messages).
        params: further lesson parameters (``enrol_count``, ``months``).
    """

    lesson: int
    region_code: str
    period: str
    data_file: str | Path | None = None
    lang: str = "id"
    params: dict = field(default_factory=dict)
    progress_path: Path | None = None

    def __post_init__(self) -> None:
        self.lang = _lang_of(self.lang)
        w = _WORDS[self.lang]
        self.region_code = check_region_code(self.region_code, self.lang)
        self.month = check_period(self.period, self.lang)
        self.period = str(self.month)
        if self.data_file is not None:
            path = course_file(self.data_file)
            if not path.exists():
                raise CourseError(w["file_missing"].format(got=str(self.data_file)))
            self.data_file = path
        rows = self.panel[self.panel["region_code"] == self.region_code]
        if rows.empty:
            some = ", ".join(sorted(self.panel["region_code"].unique())[:8])
            raise CourseError(w["code_absent"].format(got=self.region_code, name=self.region_name, some=some))
        if self.month not in set(rows["period"]):
            raise CourseError(
                w["period_absent"].format(
                    got=fmt.month(self.month, self.lang),
                    name=self.region_name,
                    first=fmt.month(rows["period"].min(), self.lang),
                    last=fmt.month(rows["period"].max(), self.lang),
                )
            )
        check_lang(self.lang)

    # -- data --
    @cached_property
    def panel(self) -> pd.DataFrame:
        try:
            return read_panel(self.data_file)
        except PanelValidationError as err:
            raise CourseInvalidFile(self.data_file, err, self.lang) from None

    @property
    def illustrative(self) -> bool:
        return self.data_file is None or Path(self.data_file).resolve() == EMBEDDED_PANEL.resolve()

    @cached_property
    def region_name(self) -> str:
        return reference.region_name(self.region_code)

    @cached_property
    def row(self) -> pd.Series:
        """The region's totals and indicators in the month."""
        ind = indicators.indicators(self.panel[self.panel["region_code"] == self.region_code])
        return ind[ind["period"] == self.month].iloc[0]

    @cached_property
    def figures(self) -> BriefFigures:
        return brief_figures(self.panel, self.region_code, self.month, illustrative=self.illustrative)

    @cached_property
    def target(self) -> Target:
        """The status the lessons aim at: UHC Prioritas (next year's in a 2024 month, else this year's)."""
        return self.figures.next_headline_target or self.figures.headline_target

    @cached_property
    def goal(self) -> Target | None:
        """The first goal the brief says is not met yet (its gap and trend paragraphs speak of it)."""
        return next((t for t in self.figures.goals if not t.met), None)

    @cached_property
    def budget_target(self) -> Target:
        return budget.default_target(self.figures)

    @cached_property
    def checker(self) -> Checker:
        checker = Checker(
            self.region_code,
            self.period,
            self.lang,
            data_path=self.data_file,
            broken_file=self.params.get("broken_file"),
            params={"target_year": self.target.year, **self.params},
        )
        checker.__dict__["panel"] = self.panel  # the same data, read once
        checker.__dict__["figures"] = self.figures
        return checker

    def say(self, key: str):
        """A sentence of the lesson that names the region, month or figures (:mod:`uhc_lib.training.texts`)."""
        from IPython.display import Markdown

        from uhc_lib.training.texts import say

        return Markdown(say(self, key))

    def text(self, key: str) -> str:
        """The same sentence as plain markdown text."""
        from uhc_lib.training.texts import say

        return say(self, key)

    # -- the learner's side --
    def check(self, exercise_id: str, answer: object) -> CheckResult:
        """Check an answer (see :class:`Checker`) and record the result in the progress file."""
        result = self.checker.check(exercise_id, answer)
        if answer is not Ellipsis:
            record_progress(exercise_id, result, self, self.progress_path)
        return result

    def source_note(self) -> str:
        """Where the figures come from; said under every table and figure."""
        if self.illustrative:
            return ILLUSTRATIVE[self.lang]
        return OWN_DATA[self.lang].format(name=Path(self.data_file).name)

    def table(self, df: pd.DataFrame, caption: str | None = None, index: bool = False):
        """A table that fits the page: no cut-off text, long cells wrapped, and the data's source under it."""
        styler = df.style if index else df.style.hide(axis="index")
        figures = [c for c in df.columns if str(c) not in YEAR_COLUMNS]  # a year is 2025, never "2,025"
        styler = styler.format(precision=2, thousands="." if self.lang == "id" else ",",
                               decimal="," if self.lang == "id" else ".", na_rep="–", subset=figures)  # fmt: skip
        styler = styler.set_table_styles(
            [
                {
                    "selector": "td, th",
                    "props": "white-space: normal; text-align: left; max-width: 28em; "
                    "vertical-align: top; padding: 3px 8px;",
                },
                {
                    "selector": "caption",
                    "props": "caption-side: bottom; font-style: italic; text-align: left; "
                    "color: #444; padding-top: 4px;",
                },
            ]  # fmt: skip
        )
        note = self.source_note()
        return styler.set_caption(html.escape(f"{caption} {note}" if caption else note))


class CourseInvalidFile(CourseError):
    """The lesson's data file has validation problems: the message in plain words, the problems as a table."""

    def __init__(self, path: object, error: PanelValidationError, lang: str = "id"):
        self.error = error
        self.lang = lang
        super().__init__(_WORDS[lang]["file_invalid"].format(got=Path(str(path)).name, n=len(error.problems)))

    def table(self) -> pd.DataFrame:
        return problems_table(self.error, self.lang)


# ---------------------------------------------------------------------------------------------------------------
# Progress: which exercises a participant got right, kept across lessons (each lesson runs in its own kernel)
# ---------------------------------------------------------------------------------------------------------------


def progress_file(path: str | Path | None = None) -> Path:
    return Path(path or os.environ.get("UHC_TRAINING_PROGRESS") or Path.cwd() / PROGRESS_FILE)


def load_progress(path: str | Path | None = None) -> dict[str, dict]:
    file = progress_file(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def record_progress(exercise_id: str, result: CheckResult, course: Course, path: str | Path | None = None) -> None:
    """Keep the latest result of an exercise (a right answer stays right when a later try is wrong)."""
    file = progress_file(path)
    data = load_progress(file)
    before = data.get(exercise_id, {})
    tries = int(before.get("tries", 0)) + 1
    ok = bool(result.ok or before.get("ok"))
    data[exercise_id] = {
        "ok": ok,
        "tries": tries,
        "when": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "region_code": course.region_code,
        "period": course.period,
    }
    try:
        tmp = file.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(file)
    except OSError:  # a read-only folder must not stop the lesson
        pass


def progress_table(lang: str = "id", path: str | Path | None = None) -> pd.DataFrame:
    """One row per exercise of the course: what it asks, whether it was answered right, after how many tries."""
    data = load_progress(path)
    words = {
        "id": ("latihan", "isi", "hasil", "percobaan", "wilayah dan bulan", "benar", "belum tepat", "belum dikerjakan"),
        "en": ("exercise", "about", "result", "tries", "region and month", "right", "not yet", "not done"),
    }[lang]
    rows = []
    for ex_id, ex in load_exercises().items():
        rec = data.get(ex_id)
        result = words[7] if rec is None else (words[5] if rec["ok"] else words[6])
        where = "" if rec is None else f"{rec['region_code']} {rec['period']}"
        rows.append((ex_id, ex.what[lang], result, 0 if rec is None else rec["tries"], where))
    return pd.DataFrame(rows, columns=list(words[:5]))


def progress_html(lang: str = "id", path: str | Path | None = None, name: str = "") -> str:
    """A printable page (A4) with the participant's results, for the end of the course."""
    table = progress_table(lang, path)
    right = int((table.iloc[:, 2] == ("benar" if lang == "id" else "right")).sum())
    title = "Ringkasan kemajuan kursus UHC Monitor" if lang == "id" else "UHC Monitor course: progress summary"
    who = html.escape(name) if name else "……………………………………"
    line = (
        f"Peserta: {who} · {right} dari {len(table)} latihan benar · dicetak {datetime.now():%d-%m-%Y}"
        if lang == "id"
        else f"Participant: {who} · {right} of {len(table)} exercises right · printed {datetime.now():%Y-%m-%d}"
    )
    body = table.to_html(index=False, border=0, escape=True)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + title + "</title><style>"
        "@page{size:A4;margin:15mm} body{font-family:'DejaVu Sans',sans-serif;font-size:10pt}"
        "table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #999;padding:3px 6px;"
        "text-align:left;vertical-align:top}</style></head><body>"
        f"<h1 style='font-size:15pt'>{title}</h1><p>{line}</p>{body}</body></html>"
    )


# ---------------------------------------------------------------------------------------------------------------
# Lesson 1's practice files, made from the lesson's own region
# ---------------------------------------------------------------------------------------------------------------


def work_folder() -> Path:
    """Where lessons write the files participants open (``UHC_TRAINING_WORKDIR``, else ``berkas_latihan/``)."""
    return Path(os.environ.get("UHC_TRAINING_WORKDIR") or Path.cwd() / "berkas_latihan")


def practice_files(course: Course, folder: str | Path | None = None) -> tuple[Path, Path]:
    """A broken and a fixed CSV of the region's totals over the seven months up to the lesson's month.

    The broken one has the four mistakes of copied spreadsheets, on file rows 3, 5, 6 and 7: a code that lost a
    digit, a month written in words, a count with decimals (a thousands dot is no mistake: ``114.158`` reads as
    114158) and the registered and active columns swapped.
    """
    folder = Path(folder) if folder is not None else work_folder()
    folder.mkdir(parents=True, exist_ok=True)
    totals = indicators.region_totals(course.panel[course.panel["region_code"] == course.region_code])
    totals = totals[totals["period"] <= course.month].tail(7).reset_index(drop=True)
    if len(totals) < 6:
        raise CourseError(
            "Pelajaran 1 memerlukan data paling sedikit enam bulan sampai bulan pelajaran; pilih bulan yang lebih "
            "akhir."
            if course.lang == "id"
            else "Lesson 1 needs at least six months of data up to the lesson's month; pick a later month."
        )
    rows = [
        [course.region_code, str(p), str(int(pop)), str(int(reg)), str(int(act))]
        for p, pop, reg, act in totals[["period", "population", "registered", "active"]].itertuples(index=False)
    ]
    header = "kode_wilayah,periode,penduduk,terdaftar,aktif"
    stem = f"{course.region_code.replace('.', '_')}_{course.month}"
    fixed = folder / f"{stem}.csv"
    fixed.write_text("\n".join([header, *(",".join(r) for r in rows)]) + "\n", encoding="utf-8")
    broken_rows = [list(r) for r in rows]
    code = course.region_code
    broken_rows[1][0] = code.replace(".0", ".") if ".0" in code else code[:-1]
    broken_rows[3][1] = fmt.month(pd.Period(broken_rows[3][1], "M"), "id")
    reg = int(broken_rows[4][3])
    broken_rows[4][3] = f"{reg}.5"
    broken_rows[5][3], broken_rows[5][4] = broken_rows[5][4], broken_rows[5][3]
    broken = folder / f"{stem}_rusak.csv"
    broken.write_text("\n".join([header, *(",".join(r) for r in broken_rows)]) + "\n", encoding="utf-8")
    return broken, fixed
