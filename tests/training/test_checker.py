"""Exercise checks of the training course: right answers accepted, wrong ones rejected with a hint, never raising."""

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uhc_lib import training
from uhc_lib.analysis import budget, scenarios
from uhc_lib.common import fmt
from uhc_lib.inputs.panel import read_panel
from uhc_lib.rules import indicators
from uhc_lib.training import Checker, CheckResult, data_help
from uhc_lib.training.checker import MESSAGES, _shown, _type_name
from uhc_lib.training.exercises import KINDS, load_exercises

EXERCISES = load_exercises()

BROKEN = "lebong_2024_rusak.csv"

# the default parameters of each lesson notebook (tools/make_training_notebooks.py)
CONTEXTS = {
    0: dict(region_code="32.03", period="2024-12"),
    1: dict(region_code="17.07", period="2024-07", broken_file=BROKEN),
    2: dict(region_code="17.07", period="2024-07"),
    3: dict(region_code="32.03", period="2024-12", params={"criteria_year": 2024, "target_year": 2025}),
    4: dict(region_code="32.03", period="2024-12"),
    5: dict(region_code="32.03", period="2024-12", params={"enrol_count": 52298, "months": 24}),
}

# hand-computed from the embedded panel (Lebong 17.07 Jul 2024: 113,822 / 114,630 / 85,833;
# Cianjur 32.03 Dec 2024: 2,614,845 / 2,510,251 / 1,796,399)
EXPECTED = {
    "0.1": 47,  # 2023-01 to 2026-11
    "0.2": 2_510_251,
    "1.1": 514,
    "1.2": 113_822,
    "1.3": 4,  # rows 3, 5, 6, 7 of the broken file
    "1.4": 7,
    "2.1": 100 * 114_630 / 113_822,  # 100.71
    "2.2": 100 * 85_833 / 113_822,  # 75.41
    "2.3": 100 * 85_833 / 114_630,  # 74.88
    "2.4": 100 * (114_630 - 85_833) / 113_822,  # 25.30
    "3.1": "uhc",
    "3.2": 2_562_549 - 2_510_251,  # ceil(0.98 x 2,614,845) - registered = 52,298
    "3.3": 2_091_876 - 1_796_399,  # 0.80 x 2,614,845 - active = 295,477
    "3.4": "none",  # under the 2025 criteria, arrears or not: 96 % is below 98 %
    "4.1": 2_510_251 - 1_796_399,  # 713,852
    "4.2": pd.Period("2027-10", "M"),
    "4.4": 164_735,  # the brief's gap paragraph: non cut-off 2024 (75 %) needs 164,735 more active
    "5.1": 42_000,
    "5.2": 52_298 * 42_000 * 12,  # Rp26,358,192,000
}

# a wrong answer for every exercise that is no common mistake (so the general hint is given)
WRONG = {
    "pct": lambda v: v + 1.5,
    "points": lambda v: v + 1.5,
    "persons": lambda v: v + 1000,
    "rupiah": lambda v: v + 1000,
    "count": lambda v: v + 10,
    "row": lambda v: v + 10,
    "period": lambda v: str(v + 3),
}
WRONG_TEXT = {"3.1": "madya", "3.4": "utama"}


def lesson_of(exercise_id: str) -> int:
    return int(exercise_id.split(".")[0])


@pytest.fixture(scope="module")
def checkers():
    return {(n, lang): Checker(**CONTEXTS[n], lang=lang) for n in CONTEXTS for lang in ("id", "en")}


def checker(checkers, exercise_id, lang="id") -> Checker:
    return checkers[(lesson_of(exercise_id), lang)]


ALL = training.exercises.exercises()
PREFIX = {"id": ("Benar! ", "Belum tepat: "), "en": ("Correct! ", "Not yet: ")}


def test_every_lesson_has_two_to_four_exercises():
    assert ALL == ["0.1", "0.2"] + [f"{n}.{i}" for n in range(1, 6) for i in range(1, 5)]
    assert {e.kind for e in EXERCISES.values()} <= set(KINDS)


@pytest.mark.parametrize("exercise_id", sorted(EXPECTED))
def test_expected_values_are_the_hand_computed_figures(checkers, exercise_id):
    got = checker(checkers, exercise_id).expected(exercise_id)
    want = EXPECTED[exercise_id]
    if isinstance(want, float):
        assert got == pytest.approx(want, abs=1e-9)
    else:
        assert got == want


def test_expected_values_of_the_figures_quoted_in_the_lessons(checkers):
    assert round(checker(checkers, "2.1").expected("2.1"), 2) == 100.71
    assert round(checker(checkers, "2.2").expected("2.2"), 2) == 75.41
    assert round(checker(checkers, "4.3").expected("4.3"), 2) == 1.62


def test_scenario_exercises_read_the_combined_scenario(checkers):
    c = checker(checkers, "5.3")
    fig = c.figures
    table = scenarios.compare(scenarios.default_scenarios(fig), fig, months=24)
    target = budget.default_target(fig)
    assert (target.year, target.min_coverage_pct, target.min_activity_pct) == (2025, 98.0, 80.0)
    assert c.expected("5.3") == table[scenarios.reached_column(2025, "prioritas")].iloc[-1] == pd.Period("2025-12")
    assert c.expected("5.4") == table["regency_yearly_rp"].iloc[-1]
    assert c.expected("5.4") > c.expected("5.2")  # the combination enrols the same residents and reactivates more


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("exercise_id", ALL)
def test_right_answer_is_accepted(checkers, exercise_id, lang):
    c = checker(checkers, exercise_id, lang)
    result = c.check(exercise_id, c.expected(exercise_id))
    assert result.ok and bool(result)
    assert result.message.startswith(PREFIX[lang][0])
    assert EXERCISES[exercise_id].what[lang] in result.message


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("exercise_id", ALL)
def test_wrong_answer_gets_the_hint_not_the_answer(checkers, exercise_id, lang):
    c = checker(checkers, exercise_id, lang)
    ex = EXERCISES[exercise_id]
    expected = c.expected(exercise_id)
    wrong = WRONG_TEXT[exercise_id] if ex.kind == "text" else WRONG[ex.kind](expected)
    result = c.check(exercise_id, wrong)
    assert not result.ok
    assert result.message == PREFIX[lang][1] + ex.hint[lang]
    shown = _shown(ex.kind, expected, lang)
    assert shown not in result.message
    if ex.kind in ("persons", "rupiah", "count", "row"):
        assert fmt.number(expected, lang) not in result.message and str(expected) not in result.message


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("exercise_id", ALL)
def test_unfilled_none_and_wrong_type_are_refused_without_raising(checkers, exercise_id, lang):
    c = checker(checkers, exercise_id, lang)
    ex = EXERCISES[exercise_id]
    m = MESSAGES[lang]
    unfilled = c.check(exercise_id, ...)
    assert not unfilled.ok and unfilled.message == PREFIX[lang][1] + m["unfilled"]
    none = c.check(exercise_id, None)
    assert not none.ok and none.message.startswith(PREFIX[lang][1]) and "None" in none.message
    if ex.kind == "text":
        wrong_type = c.check(exercise_id, 95)
        assert wrong_type.message == PREFIX[lang][1] + m["not_text"].format(got=_type_name(95, lang))
    else:
        wrong_type = c.check(exercise_id, {"a": 1})
        assert not wrong_type.ok and wrong_type.message.startswith(PREFIX[lang][1])
        assert ("dict" in wrong_type.message) and ("YYYY-MM" in wrong_type.message) == (ex.kind == "period")
    two = c.check(exercise_id, pd.Series([1, 2]))
    assert two.message == PREFIX[lang][1] + m["many"].format(n=2)


def test_messages_in_indonesian_and_english(checkers):
    assert str(checker(checkers, "2.1").check("2.1", 100.71)) == (
        "Benar! Cakupan kepesertaan (terdaftar ÷ penduduk): 100,71 persen."
    )
    assert str(checker(checkers, "2.1", "en").check("2.1", 100.71)) == (
        "Correct! Coverage (registered ÷ population): 100.71 percent."
    )
    assert str(checker(checkers, "3.2").check("3.2", 52298)) == "Benar! Penduduk yang perlu didaftarkan: 52.298 jiwa."
    assert str(checker(checkers, "5.2").check("5.2", 26_358_192_000)).endswith(": Rp26.358.192.000.")
    assert str(checker(checkers, "5.2", "en").check("5.2", 26_358_192_000)).endswith(": IDR 26,358,192,000.")
    assert str(checker(checkers, "3.1").check("3.1", "uhc")) == (
        "Benar! Status UHC: UHC (cakupan kepesertaan minimal 95 persen)."
    )
    unfilled = checker(checkers, "1.1").check("1.1", ...)
    assert str(unfilled) == (
        "Belum tepat: jawaban belum diisi. Ganti tanda `...` di sel latihan tepat di atas sel ini dengan perhitungan "
        "Anda, jalankan sel latihan itu (Shift+Enter), lalu jalankan lagi sel pemeriksaan ini."
    )


def test_percentages_within_a_hundredth_of_a_point(checkers):
    c = checker(checkers, "2.1")
    exact = c.expected("2.1")  # 100.70988
    assert c.check("2.1", 100.71).ok and c.check("2.1", exact + 0.0099).ok
    assert c.check("2.1", 100.7).ok  # 0.0099 points off: within the tolerance
    assert not c.check("2.1", exact + 0.011).ok and not c.check("2.1", exact - 0.011).ok
    assert not c.check("2.1", 100.69).ok


def test_persons_and_rupiah_are_exact(checkers):
    c = checker(checkers, "3.2")
    assert c.check("3.2", 52298).ok and c.check("3.2", 52298.0).ok and c.check("3.2", np.int64(52298)).ok
    assert not c.check("3.2", 52299).ok
    half = c.check("3.2", 52298.5)
    assert half.message.startswith("Belum tepat: jumlah orang selalu bilangan bulat.")
    c5 = checker(checkers, "5.1")
    assert not c5.check("5.1", 42001).ok and c5.check("5.1", 42000).ok


@pytest.mark.parametrize(
    ("exercise_id", "answer", "fragment"),
    [
        ("1.1", 514 * 47 * 5, "itu jumlah baris"),
        ("1.2", 113_822 * 5, "menjumlahkan penduduk"),
        ("1.4", 5, "indeks pandas"),
        ("2.1", 1.0070988, "pecahan"),
        ("2.2", 74.88, "aktif ÷ peserta terdaftar"),
        ("2.3", 75.41, "aktif ÷ penduduk"),
        ("3.2", 52_297, "dibulatkan ke atas"),
        ("3.3", 243_179, "reactivate_needed"),
        ("0.2", 34_338, "baris pertama"),
        ("3.4", "none" if False else "uhc", "Belum tepat"),
        ("4.3", -1.62, "tandanya"),
        ("0.1", 47 * 5, "jumlah baris"),
        ("5.2", 52_298 * 42_000, "biaya satu bulan"),
    ],
)
def test_common_mistakes_get_their_own_hint(checkers, exercise_id, answer, fragment):
    result = checker(checkers, exercise_id).check(exercise_id, answer)
    assert not result.ok and fragment in result.message, result.message


def test_months_in_any_usual_form(checkers):
    c = checker(checkers, "4.2")
    for answer in ("2027-10", " 2027-10 ", "Oktober 2027", "october 2027", pd.Period("2027-10", "M")):
        assert c.check("4.2", answer).ok, answer
    assert not c.check("4.2", "2027-13").ok and not c.check("4.2", 2027).ok
    assert "YYYY-MM" in c.check("4.2", "bulan depan").message
    assert not c.check("4.2", pd.NaT).ok  # "not reached" is wrong when the brief gives a month


def test_a_one_row_series_counts_as_its_value(checkers):
    c = checker(checkers, "2.1")
    assert c.check("2.1", pd.Series([c.expected("2.1")], index=[4374])).ok
    assert "tidak berisi nilai" in c.check("2.1", pd.Series([], dtype=float)).message
    assert c.check("2.1", "100,71").ok  # copied from a brief
    assert "tidak dapat dibaca sebagai angka" in c.check("2.1", "seratus").message
    assert "benar/salah" in c.check("2.1", True).message


def test_unknown_exercise_and_unusable_data_do_not_raise():
    c = Checker("17.07", "2024-07")
    assert (
        c.check("9.9", 1).message
        == "Belum tepat: tidak ada latihan bernomor '9.9'. Periksa nomor latihan pada sel ini."
    )
    bad = Checker("17.07", "2031-01")  # a month outside the data
    result = bad.check("2.1", 100.71)
    assert not result.ok and "tidak dapat diperiksa" in result.message and "2031-01" in result.message
    assert "could not be checked" in Checker("17.07", "2031-01", lang="en").check("2.1", 1).message


def test_checker_refuses_an_unknown_language():
    with pytest.raises(ValueError, match="language must be one of"):
        Checker("17.07", "2024-07", lang="fr")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    exercise_id=st.sampled_from(ALL),
    answer=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=12),
        st.lists(st.integers(), max_size=3),
        st.just(Ellipsis),
        st.just(pd.NaT),
    ),
)
def test_check_never_raises(checkers, exercise_id, answer):
    result = checker(checkers, exercise_id).check(exercise_id, answer)
    assert isinstance(result, CheckResult)
    assert result.message.startswith("Benar! " if result.ok else "Belum tepat: ")


def test_names_in_messages_show_in_code_type_not_between_backticks():
    unfilled = Checker("17.07", "2024-07", lang="en").check("1.1", ...)
    assert "<code>...</code>" in unfilled._repr_html_() and "`" not in unfilled._repr_html_()
    assert str(unfilled).count("`") == 2  # the plain text keeps its backticks
    from uhc_lib.training import beginner

    box = beginner.box("Python does not know `tabell` <b>", "en")
    assert "<code>tabell</code>" in box and "&lt;b&gt;" in box and "`" not in box


def test_result_displays_as_message_and_coloured_box():
    ok, no = CheckResult(True, "Benar! x <1>"), CheckResult(False, "Belum tepat: y")
    assert repr(ok) == "Benar! x <1>" and str(no) == "Belum tepat: y"
    assert "#2e7d32" in ok._repr_html_() and "x &lt;1&gt;" in ok._repr_html_()
    assert "#ef6c00" in no._repr_html_()


def test_problems_table_of_the_broken_file():
    err = training.validation_error(training.course_file(BROKEN))
    table = training.problems_table(err, "id")
    assert list(table.columns) == ["baris", "kolom", "pesan", "penjelasan"]
    assert table["baris"].tolist() == [3, 5, 6, 7]
    assert table["kolom"].tolist() == ["region_code", "period", "registered", "active"]
    assert table["penjelasan"].str.len().gt(0).all()
    assert "berdesimal" in table.loc[3, "penjelasan"]  # 114.158 is read as thousands: not a mistake any more
    english = training.problems_table(err, "en")
    assert list(english.columns) == ["row", "column", "message", "explanation"]
    assert "swapped" in english.loc[4, "explanation"]


def test_the_fixed_file_is_valid_and_equals_the_panel():
    assert training.validation_error(training.course_file("lebong_2024.csv")) is None
    assert training.problems_table(None).empty
    fixed = read_panel(training.course_file("lebong_2024.csv"), cache=False)
    panel = read_panel()
    totals = indicators.region_totals(panel[panel["region_code"] == "17.07"])
    totals = totals[totals["period"].between(pd.Period("2024-01"), pd.Period("2024-07"))]
    for col in ("population", "registered", "active"):
        assert fixed[col].tolist() == totals[col].tolist()


def test_explanations_and_glossary():
    assert training.explain("'2024-13' is not a month of the form YYYY-MM").startswith("Periode")
    assert training.explain("something new") == ""
    glossary = training.column_glossary("id")
    assert glossary.set_index("kolom standar").loc["region_code", "nama lain yang diterima"] == "kode_wilayah, kode"
    assert len(training.column_glossary("en")) == 6


def test_course_file_resolves_names_in_the_course_data_folder(tmp_path):
    assert training.course_file(BROKEN) == data_help.COURSE_DATA_DIR / BROKEN
    own = tmp_path / "x.csv"
    own.write_text("a\n")
    assert training.course_file(own) == own


# -- what an Indonesian types or copies from a brief --


@pytest.mark.parametrize(
    ("exercise_id", "answer", "note"),
    [
        ("2.3", (74, 88), "tanpa tanda kutip"),  # 74,88 typed without quotes: the tuple (74, 88)
        ("2.3", "74,88", "teks"),
        ("2.3", "74,88 persen", "teks"),
        ("2.3", "74,88%", "teks"),
        ("5.1", 42.000, "titik sebagai tanda desimal"),  # Python reads 42.000 as 42.0
        ("5.1", "Rp42.000", "teks"),
        ("5.1", "Rp 42.000", "teks"),
        ("3.2", 52.298, "titik sebagai tanda desimal"),
        ("3.2", "52.298", "teks"),
        ("3.2", "52.298 jiwa", "teks"),
        ("4.3", "1,62", "teks"),
        ("4.3", (1, 62), "tanpa tanda kutip"),
        ("4.3", "naik 1,62 poin persen", "teks"),
        ("4.1", "713.852", "teks"),
        ("4.1", 713.852, "titik sebagai tanda desimal"),
        ("4.1", (713, 852), "tanpa tanda kutip"),
        ("5.2", "Rp26.358.192.000", "teks"),
    ],
)
def test_indonesian_forms_are_accepted_and_the_form_is_explained(checkers, exercise_id, answer, note):
    result = checker(checkers, exercise_id).check(exercise_id, answer)
    assert result.ok, result.message
    assert result.message.startswith("Benar! ") and "Catatan:" in result.message and note in result.message


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [("5.1", "IDR 42,000"), ("5.1", "Rp42,000"), ("4.1", "713,852"), ("4.3", "up 1.62"), ("2.3", "74.88 percent")],
)
def test_figures_copied_from_an_english_brief_are_accepted(checkers, exercise_id, answer):
    """The English lessons tell participants to copy figures as the English brief prints them (``IDR 42,000``)."""
    result = checker(checkers, exercise_id, "en").check(exercise_id, answer)
    assert result.ok, result.message
    assert result.message.startswith("Correct! ") and "Note:" in result.message


def test_the_plain_python_form_gets_no_note(checkers):
    assert "Catatan" not in checker(checkers, "2.3").check("2.3", 74.88).message
    assert "Catatan" not in checker(checkers, "5.1").check("5.1", 42000).message


def test_a_wrong_value_in_an_indonesian_form_gets_the_hint_and_how_it_was_read(checkers):
    result = checker(checkers, "2.3").check("2.3", "70,12")
    assert not result.ok and EXERCISES["2.3"].hint["id"] in result.message and "70,12 persen" in result.message
    mistake = checker(checkers, "2.2").check("2.2", (74, 88))  # active ÷ registered typed with a comma
    assert "aktif ÷ peserta terdaftar" in mistake.message and "tanpa tanda kutip" in mistake.message


def test_a_wrong_form_is_named_as_the_form(checkers):
    text = checker(checkers, "5.1").check("5.1", "empat puluh dua ribu")
    assert not text.ok and "tidak dapat dibaca sebagai angka" in text.message
    month = checker(checkers, "4.2").check("4.2", 2027 - 10)  # 2027-10 typed without quotes
    assert not month.ok and "tanpa tanda kutip" in month.message and '"2030-01"' in month.message


@pytest.mark.parametrize("answer", ["UHC Prioritas", "prioritas", "Prioritas"])
def test_status_names_as_people_write_them(answer):
    c = Checker("35.28", "2025-12")
    assert c.expected("3.1") == "prioritas" and c.check("3.1", answer).ok
    cut = Checker("35.28", "2026-03")
    assert cut.expected("3.1") == "cut_off"
    for name in ("UHC Cut Off", "cut off", "UHC Non Prioritas", "UHC Cut-Off"):
        assert cut.check("3.1", name).ok, name


def test_a_month_not_reached_is_accepted_in_words():
    c = Checker("17.07", "2026-03")  # the brief: activity 85 percent would not be reached within five years
    assert c.expected("4.2") is None
    for answer in ("tidak tercapai", "Tidak akan tercapai", None, pd.NaT):
        assert c.check("4.2", answer).ok, answer


def test_hints_start_sentences_with_capitals():
    texts = [m for lang in MESSAGES for m in MESSAGES[lang].values()]
    for e in EXERCISES.values():
        texts += [*e.hint.values(), *(h for m in e.mistakes for h in m.hint.values())]
    for text in texts:
        for after in re.findall(r"[a-z)][.!?] +(\S)", text):
            assert not after.islower(), text
    for word in ("galat", "tuas", "dengan tangan"):
        assert not any(word in t for t in texts), word
    half = checker_for_wholes().check("3.2", 52298.5).message
    assert re.search(r"bulat\. [A-Z]", half), half


def checker_for_wholes():
    return Checker(**CONTEXTS[3])
