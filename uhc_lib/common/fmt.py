"""Numbers, money and months as Indonesians (``id``) or English readers (``en``) write them, via babel."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_currency, format_decimal

from uhc_lib.common.lang import check_lang


def number(value: float | int, lang: str = "id", decimals: int = 0) -> str:
    """Grouped number: ``2.638.825`` (id) / ``2,638,825`` (en); up to ``decimals`` decimals, trailing zeros dropped."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    value = round(value, decimals) + 0  # + 0 turns -0.0 into 0.0, so nothing prints as "-0"
    return format_decimal(value, format=pattern, locale=check_lang(lang))


def fixed(value: float, lang: str = "id", decimals: int = 2) -> str:
    """Exactly ``decimals`` decimals, for a table column where every figure has the same form: ``96,00`` /
    ``96.00``, ``1.234,50`` (id)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round(float(value), decimals) + 0, format=pattern, locale=check_lang(lang))


def pct(value: float, lang: str = "id", decimals: int = 2) -> str:
    """A percentage figure without the word: ``75,41`` / ``75.41``; ``96`` for 96.00 (as the press writes it)."""
    return number(round(float(value), decimals), lang, decimals)


def percent(value: float, lang: str = "id", decimals: int = 2) -> str:
    """``75,41 persen`` / ``75.41 percent``."""
    return f"{pct(value, lang, decimals)} {'persen' if lang == 'id' else 'percent'}"


def points(value: float, lang: str = "id", decimals: int = 2) -> str:
    """Percentage points: ``0,41 poin persen`` / ``0.41 percentage points``."""
    shown = pct(abs(value), lang, decimals)
    if lang == "id":
        return f"{shown} poin persen"
    return f"{shown} percentage point{'' if shown == '1' else 's'}"


def persons(value: int, lang: str = "id") -> str:
    """``28.797 jiwa`` / ``28,797 people``."""
    return f"{number(int(value), lang)} {'jiwa' if lang == 'id' else 'people'}"


def rupiah(value: float, lang: str = "id") -> str:
    """``Rp1.234.567`` / ``IDR 1,234,567`` (whole rupiah)."""
    if check_lang(lang) == "id":
        return format_currency(round(value), "IDR", locale="id", format="¤#,##0", currency_digits=False)
    return "IDR " + number(round(value), "en")


def rupiah_short(value: float, lang: str = "id") -> str:
    """A large amount as a sentence writes it: ``Rp148,9 miliar``, ``Rp290,8 juta``, ``Rp1,2 triliun`` /
    ``IDR 148.9 billion``; below a million the exact amount (:func:`rupiah`). Tables keep the exact figure."""
    if abs(round(value)) < 1_000_000:
        return rupiah(value, lang)
    shown = format_compact_decimal(round(value), format_type="long", locale=check_lang(lang), fraction_digits=1)
    return f"Rp{shown}" if lang == "id" else f"IDR {shown}"


def month(period: pd.Period | str, lang: str = "id", short: bool = False) -> str:
    """``Juli 2024`` / ``July 2024``; ``short``: ``Jul 2024``."""
    p = pd.Period(period, "M")
    return format_date(dt.date(p.year, p.month, 1), "MMM yyyy" if short else "MMMM yyyy", locale=check_lang(lang))
