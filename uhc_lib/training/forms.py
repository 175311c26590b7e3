"""How an Indonesian learner writes a number, and what Python makes of it: the readings a check tries.

Python reads ``74,88`` as the pair ``(74, 88)`` and ``42.000`` as ``42.0``; a brief prints ``"74,88 persen"``,
``"Rp42.000"`` and ``"713.852"``. :func:`readings` lists what an answer may have meant, the plain reading first and
then the Indonesian ones, each with a note saying how it was read, so a check can accept the right value in the
wrong form and say what the better form is.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from decimal import Decimal

WHOLE_KINDS = ("persons", "rupiah", "count", "row")
"""Kinds whose value is a whole number: a decimal point in them is a thousands separator."""

_WORDS = re.compile(
    r"\brp\.?|\b(?:idr|rupiah|persen|percent|pct|poin|points?|jiwa|orang|people|persons|baris|row|wilayah)\b\.?", re.I
)
_ID_NUMBER = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+-]?\d+(?:,\d+)?")
_EN_NUMBER = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?")
_FALL = re.compile(r"\b(?:turun|berkurang|down|fell|minus)\b", re.I)
_RISE = re.compile(r"\b(?:naik|bertambah|up|rose|plus)\b", re.I)


@dataclass(frozen=True)
class Reading:
    """One way to read an answer: the number and, unless it is the plain reading, the note explaining it."""

    value: float
    note: str | None = None
    """Key of the form note (``comma_pair``, ``thousands_dot``, ``text``), None for the plain reading."""


def _plain_number(answer: object) -> float | None:
    if isinstance(answer, bool) or not isinstance(answer, (numbers.Real, Decimal)):
        return None
    value = float(answer)
    return value if math.isfinite(value) else None


def _pair(answer: object, kind: str) -> float | None:
    """``74,88`` typed without quotes is the tuple ``(74, 88)``: a decimal comma, or thousands for whole kinds."""
    if not (isinstance(answer, tuple) and 2 <= len(answer) <= 4):
        return None
    if not all(isinstance(p, int) and not isinstance(p, bool) for p in answer):
        return None
    head, *rest = answer
    if any(p < 0 for p in rest):
        return None
    if kind in WHOLE_KINDS:  # 713,852 or 1,234,567: thousands groups
        if all(0 <= p <= 999 for p in rest):
            return float(int(str(abs(head)) + "".join(f"{p:03d}" for p in rest)) * (-1 if head < 0 else 1))
        return None
    if len(answer) != 2:
        return None
    sign = "-" if head < 0 else ""
    return float(f"{sign}{abs(head)}.{rest[0]}")


def _thousands_dot(value: float, kind: str) -> float | None:
    """``42.000`` or ``52.298`` typed without quotes: Python reads 42.0 / 52.298, the learner meant 42000 / 52298."""
    if kind not in WHOLE_KINDS or value == 0:
        return None
    scaled = value * 1000
    return float(round(scaled)) if abs(scaled - round(scaled)) < 1e-6 else None


def _text_numbers(text: str, kind: str) -> list[float]:
    """Numbers a text may hold, Indonesian reading first (``.`` thousands, ``,`` decimals), then English."""
    cleaned = _WORDS.sub(" ", text.replace("\u2212", "-").replace("\xa0", " ")).replace("%", " ")
    cleaned = cleaned.strip().strip(":").strip()
    negative = bool(_FALL.search(cleaned))
    cleaned = _RISE.sub(" ", _FALL.sub(" ", cleaned)).replace(" ", "")
    out: list[float] = []
    if _ID_NUMBER.fullmatch(cleaned):
        out.append(float(cleaned.replace(".", "").replace(",", ".")))
    if _EN_NUMBER.fullmatch(cleaned) and not (kind in WHOLE_KINDS and "," not in cleaned):
        value = float(cleaned.replace(",", ""))
        if value not in out:
            out.append(value)
    if kind in WHOLE_KINDS and any(v.is_integer() for v in out):
        out = [v for v in out if v.is_integer()]
    return [-abs(v) if negative else v for v in out]


def readings(answer: object, kind: str) -> list[Reading]:
    """Every plausible number ``answer`` stands for, the plain reading first; empty when it is no number at all."""
    plain = _plain_number(answer)
    if plain is not None:
        out = [Reading(plain)]
        dot = _thousands_dot(plain, kind)
        if dot is not None and dot != plain:
            out.append(Reading(dot, "thousands_dot"))
        return out
    pair = _pair(answer, kind)
    if pair is not None:
        return [Reading(pair, "comma_pair")]
    if isinstance(answer, str):
        return [Reading(v, "text") for v in _text_numbers(answer, kind)]
    return []


def typed(answer: object) -> str:
    """How the learner most likely typed ``answer`` (``(74, 88)`` -> ``74,88``)."""
    if isinstance(answer, tuple):
        return ",".join(str(p) for p in answer)
    if isinstance(answer, str):
        return f'"{answer}"'
    return repr(answer)
