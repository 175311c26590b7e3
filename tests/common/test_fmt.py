"""Tests for uhc_lib.common.fmt: numbers, money and months as Indonesian and English readers write them."""

from __future__ import annotations

import pandas as pd
import pytest

from uhc_lib.common import fmt


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (2_638_825, "id", 0, "2.638.825"),
        (2_638_825, "en", 0, "2,638,825"),
        (999, "id", 0, "999"),
        (1_234.5, "id", 2, "1.234,5"),
        (1_234.5, "en", 2, "1,234.5"),
        (1_234.0, "id", 2, "1.234"),
    ],
)
def test_number(value, lang, decimals, expected):
    assert fmt.number(value, lang, decimals) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (75.4098, "id", "75,41"),  # Lebong July 2024 activity
        (75.4098, "en", "75.41"),
        (100 * 114_630 / 113_822, "id", "100,71"),
        (96.0, "id", "96"),  # trailing zeros dropped
        (96.0001, "id", "96"),
        (68.70, "id", "68,7"),
        (68.70, "en", "68.7"),
        (25.30, "id", "25,3"),
        (0.0, "id", "0"),
    ],
)
def test_pct(value, lang, expected):
    assert fmt.pct(value, lang) == expected


def test_pct_decimals():
    assert fmt.pct(75.4098, "id", decimals=1) == "75,4"
    assert fmt.pct(75.4098, "en", decimals=0) == "75"
    assert fmt.pct(83.8909, "id", decimals=3) == "83,891"


def test_percent():
    assert fmt.percent(75.4098) == "75,41 persen"
    assert fmt.percent(75.4098, "en") == "75.41 percent"
    assert fmt.percent(96.0, "id") == "96 persen"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (0.41, "id", "0,41 poin persen"),
        (-0.41, "id", "0,41 poin persen"),  # the size of a change; the direction is worded elsewhere
        (1.0, "id", "1 poin persen"),
        (0.41, "en", "0.41 percentage points"),
        (1.0, "en", "1 percentage point"),
        (-1.0, "en", "1 percentage point"),
        (1.004, "en", "1 percentage point"),  # shown as 1
        (1.01, "en", "1.01 percentage points"),
        (2.0, "en", "2 percentage points"),
        (0.0, "en", "0 percentage points"),
    ],
)
def test_points(value, lang, expected):
    assert fmt.points(value, lang) == expected


def test_persons():
    assert fmt.persons(2_638_825) == "2.638.825 jiwa"
    assert fmt.persons(28_797) == "28.797 jiwa"
    assert fmt.persons(28_797, "en") == "28,797 people"
    assert fmt.persons(52_298, "en") == "52,298 people"


def test_rupiah():
    assert fmt.rupiah(1_234_567) == "Rp1.234.567"
    assert fmt.rupiah(1_234_567, "en") == "IDR 1,234,567"
    assert fmt.rupiah(42_000) == "Rp42.000"
    assert fmt.rupiah(1_234_567.4) == "Rp1.234.567"  # whole rupiah
    assert fmt.rupiah(43_000_000_000, "en") == "IDR 43,000,000,000"


@pytest.mark.parametrize(
    ("period", "lang", "short", "expected"),
    [
        ("2024-07", "id", False, "Juli 2024"),
        ("2024-07", "id", True, "Jul 2024"),
        ("2024-07", "en", False, "July 2024"),
        ("2024-07", "en", True, "Jul 2024"),
        ("2024-12", "id", False, "Desember 2024"),
        ("2025-05", "id", False, "Mei 2025"),
        ("2024-08", "id", True, "Agu 2024"),
        (pd.Period("2024-07", "M"), "id", False, "Juli 2024"),
        (pd.Period("2023-03", "M"), "en", False, "March 2023"),
    ],
)
def test_month(period, lang, short, expected):
    assert fmt.month(period, lang, short=short) == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: fmt.number(1, "fr"),
        lambda: fmt.pct(75.41, "fr"),
        lambda: fmt.percent(75.41, "EN"),
        lambda: fmt.points(0.41, "de"),
        lambda: fmt.persons(1, "ms"),
        lambda: fmt.rupiah(1, "fr"),
        lambda: fmt.month("2024-07", "fr"),
        lambda: fmt.month("2024-07", "in"),
    ],
)
def test_invalid_language_raises(call):
    with pytest.raises(ValueError):
        call()


def test_large_rupiah_in_sentences_reads_as_the_press_writes_it():
    assert fmt.rupiah_short(148_912_000_000) == "Rp148,9 miliar"
    assert fmt.rupiah_short(148_912_000_000, "en") == "IDR 148.9 billion"
    assert fmt.rupiah_short(290_808_000) == "Rp290,8 juta"
    assert fmt.rupiah_short(1_234_000_000_000) == "Rp1,2 triliun"
    assert fmt.rupiah_short(999_999) == "Rp999.999"  # below a million: the exact amount


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (96, "id", "96,00"),
        (75.4, "id", "75,40"),
        (100.71, "en", "100.71"),
        (1234.5, "id", "1.234,50"),
        (-0.001, "id", "0,00"),
    ],
)
def test_fixed_keeps_every_decimal_of_a_column(value, lang, expected):
    assert fmt.fixed(value, lang) == expected
