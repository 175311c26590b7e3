"""The panel schema: Problem, PanelValidationError, column names and the pandera schema of the tidy panel."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from uhc_lib.common.problems import Problem
from uhc_lib.inputs import reference
from uhc_lib.inputs.schema import (
    CHECK_MESSAGES,
    COLUMN_ALIASES,
    COUNT_COLUMNS,
    KEY_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    PanelValidationError,
    panel_schema,
)
from uhc_lib.rules import segments

# --- Problem -----------------------------------------------------------------------------------------------------


def test_problem_str_with_row_and_column():
    p = Problem("data/panel.csv", 7, "active", "active (2000) is greater than registered (1000)")
    assert str(p) == "data/panel.csv, row 7, column 'active': active (2000) is greater than registered (1000)"


def test_problem_str_without_row():
    p = Problem("panel.xlsx", None, "population", "required column 'population' is missing")
    assert str(p) == "panel.xlsx, column 'population': required column 'population' is missing"


def test_problem_str_without_row_or_column():
    assert str(Problem("panel.csv", None, None, "the file has no data rows")) == "panel.csv: the file has no data rows"


def test_problem_str_with_row_only_and_row_zero_is_shown():
    assert str(Problem("f.csv", 0, None, "x")) == "f.csv, row 0: x"


def test_problem_is_frozen_hashable_and_compares_by_value():
    a = Problem("f.csv", 3, "period", "missing period")
    assert a == Problem("f.csv", 3, "period", "missing period")
    assert a != Problem("f.csv", 4, "period", "missing period")
    assert len({a, Problem("f.csv", 3, "period", "missing period")}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.row = 4  # type: ignore[misc]


# --- PanelValidationError ----------------------------------------------------------------------------------------


def make_problems(n: int) -> list[Problem]:
    return [Problem("panel.csv", i + 2, "active", f"problem number {i}") for i in range(n)]


def test_error_lists_every_problem_and_keeps_them():
    problems = make_problems(3)
    err = PanelValidationError(problems)
    assert isinstance(err, ValueError)
    assert err.problems is problems
    assert str(err) == (
        "3 problem(s) in the input data:\n"
        "  - panel.csv, row 2, column 'active': problem number 0\n"
        "  - panel.csv, row 3, column 'active': problem number 1\n"
        "  - panel.csv, row 4, column 'active': problem number 2"
    )


def test_error_truncates_after_limit():
    err = PanelValidationError(make_problems(7), limit=3)
    lines = str(err).splitlines()
    assert lines[0] == "7 problem(s) in the input data:"
    assert lines[1:4] == [f"  - {p}" for p in make_problems(3)]
    assert lines[4] == "  ... and 4 more"
    assert len(lines) == 5
    assert "problem number 3" not in str(err)
    assert len(err.problems) == 7  # all problems stay available even when the message is cut


def test_error_default_limit_is_50():
    text = str(PanelValidationError(make_problems(60)))
    assert text.startswith("60 problem(s)")
    assert "problem number 49\n" in text
    assert "problem number 50" not in text
    assert text.endswith("  ... and 10 more")


def test_error_exactly_at_limit_is_not_truncated():
    text = str(PanelValidationError(make_problems(50)))
    assert "more" not in text
    assert text.endswith("problem number 49")


@given(n=st.integers(min_value=1, max_value=80), limit=st.integers(min_value=1, max_value=60))
def test_error_message_shows_min_of_n_and_limit(n, limit):
    lines = str(PanelValidationError(make_problems(n), limit=limit)).splitlines()
    assert lines[0] == f"{n} problem(s) in the input data:"
    shown = [line for line in lines if line.startswith("  - ")]
    assert len(shown) == min(n, limit)
    if n > limit:
        assert lines[-1] == f"  ... and {n - limit} more"
    else:
        assert not lines[-1].startswith("  ...")


# --- column names ------------------------------------------------------------------------------------------------


def test_column_lists():
    assert REQUIRED_COLUMNS == ["region_code", "period", "population", "registered", "active"]
    assert OPTIONAL_COLUMNS == ["segment", "pemda_arrears_rp"]
    assert COUNT_COLUMNS == ["population", "registered", "active"]
    assert KEY_COLUMNS == ["region_code", "period", "segment"]


def test_indonesian_headers_map_to_canonical_columns():
    for indonesian, canonical in {
        "kode_wilayah": "region_code",
        "periode": "period",
        "segmen": "segment",
        "penduduk": "population",
        "terdaftar": "registered",
        "aktif": "active",
    }.items():
        assert COLUMN_ALIASES[indonesian] == canonical
    assert set(COLUMN_ALIASES.values()) <= set(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
    assert all(alias == alias.lower() and " " not in alias for alias in COLUMN_ALIASES)


# --- the pandera schema ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema():
    return panel_schema(reference.region_codes(), segments.segment_codes())


def tidy(**overrides) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "region_code": ["17.07", "17.07", "32.03"],
            "period": pd.PeriodIndex(["2024-01", "2024-01", "2024-01"], freq="M"),
            "segment": ["pbi_apbn", "ppu", "total"],
            "population": [110000, 110000, 2500000],
            "registered": [50000, 8000, 2300000],
            "active": [48000, 7000, 1800000],
        }
    ).astype({c: "int64" for c in COUNT_COLUMNS})
    for column, values in overrides.items():
        frame[column] = values
    return frame


def failures(schema, frame: pd.DataFrame) -> pd.DataFrame:
    import pandera.errors

    with pytest.raises(pandera.errors.SchemaErrors) as info:
        schema.validate(frame, lazy=True)
    return info.value.failure_cases


def test_schema_accepts_a_tidy_panel(schema):
    frame = tidy()
    pd.testing.assert_frame_equal(schema.validate(frame), frame)


def test_schema_rejects_unknown_region_and_segment(schema):
    cases = failures(schema, tidy(region_code=["17.07", "99.99", "32.03"], segment=["pbi_apbn", "ppu", "asing"]))
    assert set(cases["failure_case"].astype(str)) >= {"99.99", "asing"}
    assert set(cases["column"]) >= {"region_code", "segment"}


def test_schema_rejects_active_above_registered(schema):
    cases = failures(schema, tidy(active=[48000, 9000, 1800000]))
    assert set(cases["check"]) == {"active_le_registered"}
    assert set(cases["index"]) == {1}


def test_schema_rejects_duplicate_keys(schema):
    cases = failures(schema, tidy(segment=["ppu", "ppu", "total"], registered=[5, 5, 5], active=[1, 1, 1]))
    assert "multiple_fields_uniqueness" in set(cases["check"].astype(str))


def test_schema_rejects_extra_columns_and_float_counts(schema):
    with_extra = tidy()
    with_extra["note"] = "x"
    assert len(failures(schema, with_extra)) > 0
    assert len(failures(schema, tidy(active=[1.0, 2.0, 3.0]))) > 0


def test_failure_cases_name_checks_as_check_messages_expects(schema):
    cases = failures(schema, tidy(population=[0, 0, 2500000], registered=[50000, 8000, -1], active=[48000, 7000, -2]))
    assert set(cases["check"].astype(str)) >= {"population_positive", "not_negative"}
    assert {"population_positive", "not_negative"} <= set(CHECK_MESSAGES)
