"""Publishable tables and key figures of a match, on the hand-made case of ``tests/registry/helpers.py``.

Hand counts (premium Rp42.000 a month, Rp504.000 a year): 1.058 alive residents (D1 555, D2 352, D3 151), of whom
463 enrolled active, 40 enrolled inactive (25 mandiri in arrears in D1, 3 mandiri without reason in D2, 12 PBI
deactivated in D3) and 555 not enrolled. 1.137 participant records = 503 kept records of alive residents + 14
deceased + 5 moved + 12 duplicates + 600 not in the registry + 3 invalid NIKs; 585 of them active (463 + 14 + 5 +
100 + 3). Worklist by family decile: 300 / 6 / 150 / 45 / 30 (desil 7) / 24 (unknown) persons in 100 / 2 / 50 / 15
/ 10 / 8 families.
"""

import dataclasses
import json

import pandas as pd
import pytest

from tests.registry.helpers import D1, D2, D3, K1, K2, YEARLY, build
from uhc_lib.registry import worklist
from uhc_lib.registry.suppression import recoverable_cells
from uhc_lib.registry.worklist import (
    TOTAL,
    count_text,
    deciles_within_budget,
    key_figures,
    worklist_counts,
)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return build(tmp_path_factory.mktemp("worklist")).result


def cross_table(rows: dict[str, list[int]], columns: list[str]) -> pd.DataFrame:
    """Hand counts with a total column, a total row and the ``parent`` column the suppressed tables use."""
    out = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    out[TOTAL] = out.sum(axis=1)
    out.loc[TOTAL] = out.sum()
    out["parent"] = [TOTAL] * len(rows) + [None]
    return out


def hidden(mask: pd.DataFrame) -> set:
    return {(row, col) for row in mask.index for col in mask.columns if mask.at[row, col]}


def test_key_figures(result):
    k = key_figures(result)
    assert k.pop("coverage_pct") == pytest.approx(100 * 1137 / 1058)  # 107.47
    assert k.pop("activity_pct") == pytest.approx(100 * 585 / 1058)
    assert k.pop("resident_enrolled_pct") == pytest.approx(100 * 503 / 1058)
    assert k.pop("resident_active_pct") == pytest.approx(100 * 463 / 1058)
    assert k == {
        "participants": 1137,
        "residents": 1058,
        "active_records": 585,
        "deceased": 14,
        "moved": 5,
        "duplicate": 12,
        "not_in_registry": 600,
        "invalid_nik": 3,
        "not_resident_total": 634,
        "not_enrolled": 555,
        "participants_minus_residents": 79,  # = 634 - 555
        "other_region_nik": 7,
        "deceased_active": 14,
        "deceased_active_pemda": 6,
        "moved_active": 5,
        "inactive_residents": 40,
        "arrears_residents": 25,
        "worklist_persons": 555,
        "worklist_families": 185,
        "worklist_cost": 555 * YEARLY,  # 279.720.000
        "poor_persons": 501,  # deciles 1-4: 300 + 6 + 150 + 45
        "poor_cost": 501 * YEARLY,
        "yearly_premium": 504_000,
        "threshold": 10,
        "deceased_active_pemda_cost": 6 * YEARLY,
        # cells the published tables hide: moved/active (5) is small; arrears (25) is hidden to protect the 3
        # without reason; deciles 1-4 sum to the running total after decile 4, hidden to protect decile 2
        "hidden": ("moved_active", "arrears_residents", "poor_persons"),
    }


def test_key_figures_hide_nothing_at_threshold_one(result):
    assert key_figures(result, threshold=1)["hidden"] == ()


@pytest.mark.parametrize(
    ("n", "threshold", "lang", "text"),
    [
        (0, 10, "id", "0"),
        (1, 10, "id", "kurang dari 10"),
        (9, 10, "en", "fewer than 10"),
        (10, 10, "id", "10"),
        (1058, 10, "id", "1.058"),
        (1058, 10, "en", "1,058"),
        (4, 5, "id", "kurang dari 5"),
        (5, 5, "en", "5"),
    ],
)
def test_count_text(n, threshold, lang, text):
    assert count_text(n, threshold, lang) == text


def test_area_counts_by_kecamatan_show_everything(result):
    sup = worklist.area_counts(result)
    assert sup.hidden == 0
    assert sup.display.loc["17.07"].tolist() == ["1.058", "463", "40", "555"]
    assert sup.display.loc[K1].tolist() == ["907", "363", "28", "516"]
    assert sup.display.loc[K2].tolist() == ["151", "100", "12", "39"]
    assert worklist.area_counts(result, lang="en").display.loc["17.07", "residents"] == "1,058"


def test_area_counts_by_desa_protect_a_small_cell(result):
    sup = worklist.area_counts(result, level="desa")
    # D2 has 3 inactive residents (primary); its row then hides D2 active (163, the smallest other), the column of
    # kecamatan 17.07.01 hides D1 inactive (25), whose row hides D1 active (200): a rectangle no total can solve
    assert hidden(sup.primary) == {(D2, "inactive")}
    assert hidden(sup.mask) == {(D1, "active"), (D1, "inactive"), (D2, "active"), (D2, "inactive")}
    assert sup.display.loc[D2].tolist() == ["352", "*", "*", "186"]
    assert sup.display.loc[D3].tolist() == ["151", "100", "12", "39"]
    table = result.area_table("desa")
    assert recoverable_cells(table, sup.mask, total_column="residents", parent="parent") == []


def test_inactive_counts(result):
    sup = worklist.inactive_counts(result)
    assert sup.display.to_dict("index") == {
        "pbi_apbn": {"arrears": "0", "pbi_deactivated": "*", "unknown": "0", "total": "*"},
        "pbpu_mandiri": {"arrears": "*", "pbi_deactivated": "0", "unknown": "*", "total": "*"},
        "total": {"arrears": "*", "pbi_deactivated": "*", "unknown": "*", "total": "40"},
    }
    assert hidden(sup.primary) == {("pbpu_mandiri", "unknown"), ("total", "unknown")}  # 3 and 3
    assert sup.complementary == 6
    values = cross_table(
        {"pbi_apbn": [0, 12, 0], "pbpu_mandiri": [25, 0, 3]}, ["arrears", "pbi_deactivated", "unknown"]
    )
    assert recoverable_cells(values, sup.mask, total_column=TOTAL, parent="parent") == []


def test_not_resident_counts(result):
    sup = worklist.not_resident_counts(result)
    assert sup.display.to_dict("index") == {
        "deceased": {"active": "14", "inactive": "0", "total": "14"},
        "moved": {"active": "*", "inactive": "0", "total": "*"},
        "duplicate": {"active": "0", "inactive": "12", "total": "12"},
        "not_in_registry": {"active": "100", "inactive": "500", "total": "600"},
        "invalid_nik": {"active": "*", "inactive": "0", "total": "*"},
        "total": {"active": "122", "inactive": "512", "total": "634"},
    }
    # moved (5) and invalid NIK (3) protect each other: only their sum (8) is known
    assert sup.mask.equals(sup.primary)
    rows = {"deceased": [14, 0], "moved": [5, 0], "duplicate": [0, 12], "not_in_registry": [100, 500]}
    values = cross_table(rows | {"invalid_nik": [3, 0]}, ["active", "inactive"])
    assert recoverable_cells(values, sup.mask, total_column=TOTAL, parent="parent") == []


def test_exclusion_counts(result):
    sup = worklist.exclusion_counts(result)
    assert sup.display.to_dict("index") == {
        "invalid_nik:length": {"registry": "*", "participants": "*", "total": "14"},
        "duplicate": {"registry": "*", "participants": "*", "total": "14"},
        "total": {"registry": "13", "participants": "15", "total": "28"},
    }
    assert hidden(sup.primary) == {("invalid_nik:length", "participants"), ("duplicate", "registry")}  # 3, 2
    values = cross_table({"invalid_nik:length": [11, 3], "duplicate": [2, 12]}, ["registry", "participants"])
    assert recoverable_cells(values, sup.mask, total_column=TOTAL, parent="parent") == []


def test_worklist_counts(result):
    table = worklist_counts(result)
    assert table.values.to_dict("list") == {
        "persons": [300, 6, 150, 45, 30, 24, 555],
        "families": [100, 2, 50, 15, 10, 8, 185],
        "yearly_cost": [n * YEARLY for n in (300, 6, 150, 45, 30, 24, 555)],
        "cumulative_persons": [300, 306, 456, 501, 531, 555, 555],
        "cumulative_cost": [n * YEARLY for n in (300, 306, 456, 501, 531, 555, 555)],
    }
    assert list(table.values.index) == ["1", "2", "3", "4", "7", "unknown", "total"]
    # decile 2 is small; the smallest other decile (unknown: 24 persons, 8 families) protects it; running totals
    # from decile 2 up to the last hidden decile would give decile 2 away
    assert table.display.to_dict("index") == {
        "1": dict(zip(table.display.columns, ["300", "100", "Rp151.200.000", "300", "Rp151.200.000"], strict=True)),
        "2": dict.fromkeys(table.display.columns, "*"),
        "3": dict(zip(table.display.columns, ["150", "50", "Rp75.600.000", "*", "*"], strict=True)),
        "4": dict(zip(table.display.columns, ["45", "15", "Rp22.680.000", "*", "*"], strict=True)),
        "7": dict(zip(table.display.columns, ["30", "10", "Rp15.120.000", "*", "*"], strict=True)),
        "unknown": dict(zip(table.display.columns, ["*", "*", "*", "555", "Rp279.720.000"], strict=True)),
        "total": dict(zip(table.display.columns, ["555", "185", "Rp279.720.000", "555", "Rp279.720.000"], strict=True)),
    }
    counts = table.values[["persons", "families"]].assign(parent=[TOTAL] * 6 + [None])
    assert recoverable_cells(counts, table.mask[["persons", "families"]], parent="parent") == []
    assert worklist_counts(result, lang="en").display.loc["1", "yearly_cost"] == "IDR 151,200,000"


def test_worklist_running_totals_give_nothing_away(result):
    """Moving one person from decile 2 to the unknown decile changes no published cell."""
    s = result.worklist_summary.copy()
    s["persons"] = [300, 7, 150, 45, 30, 23]
    s["yearly_cost"] = s["persons"] * YEARLY
    s["cumulative_persons"] = s["persons"].cumsum()
    s["cumulative_cost"] = s["yearly_cost"].cumsum()
    other = worklist_counts(dataclasses.replace(result, worklist_summary=s))
    table = worklist_counts(result)
    assert other.values.loc["2", "persons"] == 7
    assert other.display.equals(table.display)


def test_deciles_within_budget(result):
    table = worklist_counts(result)
    assert deciles_within_budget(table, 100_000_000) is None
    assert deciles_within_budget(table, 300 * YEARLY) == 1  # exactly the first decile
    assert deciles_within_budget(table, 250_000_000) == 1  # deciles 2-4 fit, but their running totals are hidden
    assert deciles_within_budget(table, 555 * YEARLY) == 6  # every row, unknown decile included
    open_table = worklist_counts(result, threshold=1)  # nothing hidden
    assert deciles_within_budget(open_table, 230_000_000) == 3  # 456 x 504.000 = 229.824.000
    assert deciles_within_budget(open_table, 229_823_999) == 2


def test_summary_is_json_ready(result):
    out = worklist.summary(key_figures(result), synthetic=True)
    assert "hidden" not in out and out["synthetic"] is True
    assert out["coverage_pct"] == 107.47 and out["worklist_cost"] == 279_720_000
    assert json.loads(json.dumps(out)) == out
