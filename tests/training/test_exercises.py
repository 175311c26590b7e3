"""The exercises are records: every one names a computation that exists, and a bad record is refused by name."""

import pytest

from uhc_lib.training import exercises as ex
from uhc_lib.training.answers import ANSWERS


def test_every_lesson_has_its_exercises_in_order():
    ids = ex.exercises()
    assert ids[0] == "0.1" and ids[-1] == "5.4" and len(ids) == 22
    assert ex.exercises(3) == ["3.1", "3.2", "3.3", "3.4"]


def test_every_record_names_existing_answers_and_both_languages():
    for e in ex.load_exercises().values():
        assert e.kind in ex.KINDS and e.answer in ANSWERS
        assert set(e.what) == set(e.hint) == {"id", "en"}
        for m in e.mistakes:
            assert m.value_name in ANSWERS and set(m.hint) == {"id", "en"}


def test_mistake_offsets_and_signs():
    three_two = ex.load_exercises()["3.2"].mistakes[0]
    assert (three_two.value_name, three_two.offset, three_two.negate) == ("enrol_needed", -1, False)
    four_three = ex.load_exercises()["4.3"].mistakes[0]
    assert four_three.negate and four_three.offset == 0


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "9.1", "kind": "percent", "answer": "coverage"}, "exercise '9.1': kind must be one of"),
        (
            {"id": "9.2", "kind": "pct", "answer": "no_such_value"},
            "exercise '9.2': no answer function named 'no_such_value'",
        ),
        (
            {"id": "9.3", "kind": "pct", "answer": "coverage", "mistake": [{"value": "typo", "hint": {}}]},
            "no answer function named 'typo'",
        ),
    ],
)
def test_a_bad_record_is_refused_naming_the_exercise(record, message):
    record = {"what": {"id": "", "en": ""}, "hint": {"id": "", "en": ""}, **record}
    with pytest.raises(ValueError, match=message):
        ex._exercise(record)
