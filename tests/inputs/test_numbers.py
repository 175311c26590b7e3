"""Numbers as Indonesian and English spreadsheets write them."""

from __future__ import annotations

import pandas as pd

from uhc_lib.inputs.numbers import EN, ID, MIXED, parse_numbers


def read(values, whole=True):
    problems = []
    numbers, convention = parse_numbers(
        pd.Series(values, index=range(2, 2 + len(values))), "c", lambda *p: problems.append(p), int, whole
    )
    return numbers.tolist(), convention, problems


def test_indonesian_thousands_are_thousands():
    assert read(["137.000", "1.234.567", "500"])[:2] == ([137000.0, 1234567.0, 500.0], ID)
    assert read(["137.000"])[0] == [137000.0]  # a count has no decimals: never 137


def test_english_thousands_and_decimals():
    assert read(["137,000", "1,234,567"])[:2] == ([137000.0, 1234567.0], EN)
    assert read(["100.5", "7"])[:2] == ([100.5, 7.0], EN)


def test_indonesian_decimals():
    assert read(["75,41", "1.234,5"], whole=False)[:2] == ([75.41, 1234.5], ID)


def test_a_column_mixing_styles_is_refused_once_with_the_rows_of_each():
    numbers, convention, problems = read(["1.234.567", "2.000.000", "1,234,567"])
    assert convention == MIXED and all(n != n for n in numbers)
    ((row, column, message),) = problems
    assert (row, column) == (4, "c")
    assert "rows 4 are written in English style" in message and "row 2 and others in Indonesian style" in message


def test_plain_and_scientific_and_blank():
    numbers, convention, problems = read(["12", "1e30", "", "abc"])
    assert numbers[:2] == [12.0, 1e30] and numbers[2] != numbers[2] and numbers[3] != numbers[3]
    assert convention is None and not problems
