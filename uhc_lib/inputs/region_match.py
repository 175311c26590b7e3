"""Kab/kota codes and names as files write them, matched to today's Kemendagri codes.

A Kemendagri code is ``NN.NN``. Open Data portals write BPS codes, four digits (``3201``): they coincide digit for digit
with Kemendagri's (``32.01``) except in Papua, where BPS numbers the provinces differently and the 2022 split moved
regions to new provinces. So a four-digit code is taken as its Kemendagri twin only when the name on the row agrees;
otherwise the name decides (``9401 MERAUKE`` is Kabupaten Merauke, ``93.01``), within the row's province when one is
named. Names are compared without ``Kabupaten``/``Kab.``/``Kota`` prefixes, case, spaces and punctuation
(``FAK FAK`` = ``Fakfak``), with the prefix deciding between a kabupaten and a kota of the same name (Bogor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from uhc_lib.inputs import reference
from uhc_lib.inputs.tables import norm

_KEMENDAGRI = re.compile(r"^\d{2}\.\d{2}$")
_FOUR = re.compile(r"^\d{4}$")
_PREFIXES = [
    ("kota administrasi ", "kota"),
    ("kota adm ", "kota"),
    ("kabupaten administrasi ", "kabupaten"),
    ("kab adm ", "kabupaten"),
    ("kabupaten ", "kabupaten"),
    ("kab ", "kabupaten"),
    ("kota ", "kota"),
]


def split_name(name: str) -> tuple[str | None, str]:
    """(kind or None, comparable name) of a kab/kota name as written."""
    text = norm(name)
    for prefix, kind in _PREFIXES:
        if text.startswith(prefix):
            return kind, _key(text[len(prefix) :])
    return None, _key(text)


def _key(text: str) -> str:
    text = re.sub(r"\bkep\b", "kepulauan", text)
    return re.sub(r"[^a-z0-9]", "", text)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, list[tuple[str, str, str]]]:
    """comparable name -> [(code, kind, comparable province name)]."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for r in reference.regions().itertuples():
        kind, key = split_name(r.region_name)
        out.setdefault(key, []).append((r.region_code, kind or r.kind, _key(norm(r.province_name))))
    return out


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return dict(zip(reference.regions()["region_code"], reference.regions()["region_name"], strict=True))


@dataclass(frozen=True)
class Match:
    """A row's region: the Kemendagri code, or why there is none; ``how`` says what decided."""

    code: str | None
    how: str
    problem: str | None = None


def by_name(name: str, province: str = "") -> Match:
    kind, key = split_name(name)
    candidates = _by_name().get(key, [])
    if kind is not None:
        candidates = [c for c in candidates if c[1] == kind]
    if province and len(candidates) > 1:
        prov = _key(norm(province))
        candidates = [c for c in candidates if c[2] == prov] or candidates
    if len(candidates) == 1:
        return Match(candidates[0][0], "name")
    if not candidates:
        return Match(None, "name", f"no kabupaten/kota is named {name!r}")
    listed = ", ".join(f"{c[0]} {_names()[c[0]]}" for c in candidates)
    return Match(None, "name", f"{name!r} could be {listed}: write 'Kabupaten …' or 'Kota …', or give the code")


def resolve(code: str, name: str = "", province: str = "") -> Match:
    """The Kemendagri code of a row from its code (Kemendagri ``NN.NN`` or BPS ``NNNN``) and/or its name."""
    code, name = str(code).strip(), str(name).strip()
    if _KEMENDAGRI.match(code):
        if code in _names():
            return Match(code, "code")
        return Match(None, "code", f"unknown kabupaten/kota code {code!r}")
    if _FOUR.match(code):
        twin = f"{code[:2]}.{code[2:]}"
        if twin in _names() and (not name or split_name(_names()[twin])[1] == split_name(name)[1]):
            return Match(twin, "code")
        if not name:
            return Match(None, "code", f"{code!r} is not a kab/kota code known to Kemendagri; add the region's name")
        found = by_name(name, province)
        if found.code is None:
            return Match(None, "name", f"code {code!r}: {found.problem}")
        return Match(found.code, "bps")
    if code:
        return Match(None, "code", f"{code!r} is not a kab/kota code (Kemendagri NN.NN or BPS NNNN)")
    if name:
        return by_name(name, province)
    return Match(None, "code", "missing kab/kota code and name")


def region_names() -> pd.Series:
    return reference.regions().set_index("region_code")["region_name"]
