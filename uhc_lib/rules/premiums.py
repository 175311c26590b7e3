"""JKN monthly contributions (iuran) by segment, class, payer and month (rules as data: ``data/rules/premiums.csv``).

One row of the file is one payer's share for a (segment, class) over a period of months: either a flat
``monthly_rp`` or a ``wage_pct`` of the wage up to ``wage_ceiling_rp`` (PPU). ``effective_to`` empty = still in force.
A later regulation is new rows (close the old ones with ``effective_to``). The file is validated when read: every
problem is reported at once, naming the file, the row (header = row 1) and the column.

Payers and the segments they pay for (any other payer's share is 0):

- ``pbi_apbn`` (class III): ``central``.
- ``pbpu_pemda`` (class III, PBI APBD): ``regency``.
- ``pbpu_mandiri`` and ``bp`` (classes I-III): ``participant``; for class III also ``central`` (Jul 2020 on) and
  ``regency`` (2021 on), the government assistance of Perpres 64/2020.
- ``ppu`` (any class, wage-based): ``employer`` and ``worker`` (see :func:`ppu_monthly_premium`).
- ``total`` is the sum of all payers' shares.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

import pandas as pd

from uhc_lib.common.config import RULES_DIR
from uhc_lib.common.problems import Problem
from uhc_lib.rules import segments

PREMIUMS_FILE = RULES_DIR / "premiums.csv"
PAYERS = ("participant", "central", "regency", "employer", "worker")
TOTAL = "total"
CLASSES = (1, 2, 3)
WAGE_SEGMENT = "ppu"
COLUMNS = [
    "effective_from",
    "effective_to",
    "segment",
    "class",
    "payer",
    "monthly_rp",
    "wage_pct",
    "wage_ceiling_rp",
    "source",
]
KEY = ["segment", "class", "payer"]


class PremiumRulesError(ValueError):
    """Raised with every problem found in a premium rules file."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the premium rules:\n{shown}")


def _month(text: str) -> pd.Period | None:
    try:
        return pd.Period(text, "M") if len(text) == 7 and text[4] == "-" else None
    except ValueError:
        return None


def _whole(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None


def _parse(raw: pd.DataFrame, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed rules and the problems of each cell (row numbers as a spreadsheet shows them)."""
    problems: list[Problem] = []
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        return raw, [Problem(file, None, c, "required column is missing") for c in missing]
    known_segments = set(segments.segment_codes())
    rows = []
    for i, r in raw.iterrows():
        line = int(i) + 2

        def bad(column: str, message: str, line: int = line) -> None:
            problems.append(Problem(file, line, column, message))

        start, end = _month(r["effective_from"]), _month(r["effective_to"]) if r["effective_to"] else None
        if start is None:
            bad("effective_from", f"{r['effective_from']!r} is not a month written YYYY-MM")
        if r["effective_to"] and end is None:
            bad("effective_to", f"{r['effective_to']!r} is not a month written YYYY-MM (or empty: still in force)")
        if start is not None and end is not None and end < start:
            bad("effective_to", f"{end} is before effective_from {start}")
        if r["segment"] not in known_segments:
            bad("segment", f"unknown segment {r['segment']!r}; known: {sorted(known_segments)}")
        klass = _whole(r["class"]) if r["class"] else None
        if r["class"] and klass not in CLASSES:
            bad("class", f"{r['class']!r} is not a class 1, 2 or 3 (or empty: any class)")
        if r["payer"] not in PAYERS:
            bad("payer", f"unknown payer {r['payer']!r}; known: {list(PAYERS)}")
        monthly = _whole(r["monthly_rp"]) if r["monthly_rp"] else None
        pct = _number(r["wage_pct"]) if r["wage_pct"] else None
        ceiling = _whole(r["wage_ceiling_rp"]) if r["wage_ceiling_rp"] else None
        if r["monthly_rp"] and monthly is None:
            bad("monthly_rp", f"{r['monthly_rp']!r} is not a whole number of rupiah")
        if r["wage_pct"] and pct is None:
            bad("wage_pct", f"{r['wage_pct']!r} is not a percentage between 0 and 100")
        if r["wage_ceiling_rp"] and ceiling is None:
            bad("wage_ceiling_rp", f"{r['wage_ceiling_rp']!r} is not a whole number of rupiah")
        if bool(r["monthly_rp"]) == bool(r["wage_pct"]):
            bad("monthly_rp", "give exactly one of monthly_rp and wage_pct")
        if r["wage_ceiling_rp"] and not r["wage_pct"]:
            bad("wage_ceiling_rp", "a wage ceiling needs wage_pct")
        if not r["source"].strip():
            bad("source", "the legal source is missing")
        rows.append(
            {
                "row": line,
                "effective_from": start,
                "effective_to": end,
                "segment": r["segment"],
                "class": klass,
                "payer": r["payer"],
                "monthly_rp": monthly,
                "wage_pct": pct,
                "wage_ceiling_rp": ceiling,
                "source": r["source"],
            }
        )
    return pd.DataFrame(rows), problems


def _end(period: object) -> pd.Period:
    return pd.Period("9999-12", "M") if pd.isna(period) else period


def _label(period: object) -> str:
    return "open" if pd.isna(period) else str(period)


def _overlaps(rules: pd.DataFrame, file: str) -> list[Problem]:
    """Rows of the same (segment, class, payer) whose periods overlap (a class-less row covers every class)."""
    problems = []
    valid = rules.dropna(subset=["effective_from"]).to_dict("records")
    for i, a in enumerate(valid):
        for b in valid[i + 1 :]:
            same = a["segment"] == b["segment"] and a["payer"] == b["payer"]
            classes = pd.isna(a["class"]) or pd.isna(b["class"]) or a["class"] == b["class"]
            if (
                same
                and classes
                and a["effective_from"] <= _end(b["effective_to"])
                and b["effective_from"] <= _end(a["effective_to"])
            ):
                klass = "any" if pd.isna(b["class"]) else int(b["class"])
                problems.append(
                    Problem(
                        file,
                        b["row"],
                        "effective_from",
                        f"period {b['effective_from']}..{_label(b['effective_to'])} overlaps row {a['row']} "
                        f"({a['effective_from']}..{_label(a['effective_to'])}) for segment {a['segment']}, "
                        f"class {klass}, payer {a['payer']}",
                    )
                )
    return problems


def read_premium_rules(path: str | Path = PREMIUMS_FILE) -> pd.DataFrame:
    """Read and validate a premium rules file; raise :class:`PremiumRulesError` listing every problem."""
    path = Path(path)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True)
    raw.columns = [c.strip() for c in raw.columns]
    raw = raw.apply(lambda col: col.str.strip())
    rules, problems = _parse(raw, str(path))
    if not problems:
        problems = _overlaps(rules, str(path))
    if problems:
        raise PremiumRulesError(problems)
    rules["class"] = rules["class"].astype("Int64")
    for col in ("monthly_rp", "wage_ceiling_rp"):
        rules[col] = rules[col].astype("Int64")
    rules["wage_pct"] = rules["wage_pct"].astype("Float64")
    return rules


@lru_cache(maxsize=1)
def _rules() -> pd.DataFrame:
    return read_premium_rules()


def premium_table() -> pd.DataFrame:
    """The project's premium rules (a copy): one row per period, segment, class and payer, with its source."""
    return _rules().copy()


def _check_payer(payer: str) -> None:
    if payer != TOTAL and payer not in PAYERS:
        raise ValueError(f"unknown payer {payer!r}; use one of {[TOTAL, *PAYERS]}")


def _rows_on(segment: str, on: pd.Period | str, klass: int | None) -> pd.DataFrame:
    """Rules of ``segment`` (and ``klass`` if given) in force in month ``on``; clear errors when there are none."""
    rules = _rules()
    if segment not in set(rules["segment"]):
        raise ValueError(f"unknown segment {segment!r}; premiums are defined for {sorted(set(rules['segment']))}")
    seg = rules[rules["segment"] == segment]
    if klass is not None:
        classes = {int(c) for c in seg["class"].dropna()}
        if klass not in classes:
            raise ValueError(f"segment {segment!r} has no class {klass} premium; its classes: {sorted(classes)}")
        seg = seg[seg["class"].isna() | (seg["class"] == klass)]
    month = pd.Period(on, "M")
    end = seg["effective_to"].map(_end)
    active = seg[(seg["effective_from"] <= month) & (end >= month)]
    if active.empty:
        first = seg["effective_from"].min()
        raise ValueError(
            f"no {segment} premium rule covers {month}; the rules in {PREMIUMS_FILE.name} start in {first}"
        )
    return active


@lru_cache(maxsize=4096)
def _flat_shares(segment: str, klass: int, month: pd.Period) -> tuple[tuple[str, int], ...]:
    """(payer, rupiah) of a flat-rate segment and class in one month (cached: simulations ask month after month)."""
    if segment == WAGE_SEGMENT:
        raise ValueError("PPU premiums are a share of the wage: use ppu_monthly_premium(wage, on, payer)")
    rows = _rows_on(segment, month, int(klass))
    return tuple((str(p), int(v)) for p, v in rows.groupby("payer")["monthly_rp"].sum().items())


def monthly_premium(segment: str, klass: int, on: pd.Period | str, payer: str = TOTAL) -> int:
    """Monthly premium in rupiah for one participant of ``segment`` in class ``klass`` in month ``on``.

    ``payer`` is ``total`` or one payer's share (see the module docstring); a payer with no share is 0.
    Examples: ``monthly_premium("pbpu_pemda", 3, "2024-07", payer="regency") == 42000``;
    ``monthly_premium("pbpu_mandiri", 3, "2024-07", payer="participant") == 35000``.
    PPU premiums depend on the wage: use :func:`ppu_monthly_premium`.
    """
    _check_payer(payer)
    shares = _flat_shares(segment, int(klass), pd.Period(on, "M"))
    return sum(v for p, v in shares if payer in (TOTAL, p))


@lru_cache(maxsize=1)
def _cost_sharing() -> dict[str, float]:
    t = pd.read_csv(RULES_DIR / "pemda_cost_sharing.csv", dtype={"region_code": str})
    return {str(r.region_code): float(r.province_pct) / 100 for r in t.itertuples()}


def province_share(region_code: str) -> float:
    """The province's share (0..1) of a kab/kota's PBPU Pemda premiums (``data/rules/pemda_cost_sharing.csv``): the
    region's own row, else its province's, else the default (0: the regency pays in full)."""
    shares = _cost_sharing()
    for key in (str(region_code), str(region_code).split(".")[0], "*"):
        if key in shares:
            return shares[key]
    return 0.0


@lru_cache(maxsize=1)
def _arrears_rules() -> dict[str, str]:
    t = pd.read_csv(RULES_DIR / "arrears_rules.csv", dtype=str)
    return dict(zip(t["rule"], t["value"], strict=True))


def arrears_rule(name: str) -> int:
    """A number of ``data/rules/arrears_rules.csv`` (caps, REHAB instalments, denda layanan), as an integer."""
    return int(float(_arrears_rules()[name]))


def pemutihan_from() -> pd.Period:
    """The first month the pemutihan (arrears written off for ex-mandiri moved to PBI or PBPU Pemda) applies."""
    return pd.Period(_arrears_rules()["pemutihan_from"], "M")


def pemda_premium(on: pd.Period | str) -> int:
    """The regency's monthly premium for one PBPU Pemda participant (class III) in month ``on``."""
    return monthly_premium("pbpu_pemda", 3, on, payer="regency")


def _share(base: Decimal, pct: float) -> int:
    return int((base * Decimal(str(pct)) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def ppu_monthly_premium(wage: float, on: pd.Period | str, payer: str = TOTAL, floor: float | None = None) -> int:
    """Monthly PPU premium in rupiah for a monthly ``wage``: 5% (4% employer, 1% worker) of the wage capped at the
    ceiling (Rp12,000,000) and, when ``floor`` (the regency minimum wage, UMK) is given, raised to it.

    Each payer's share is rounded to whole rupiah; ``total`` is the sum of the shares.
    """
    _check_payer(payer)
    if wage < 0 or (floor is not None and floor < 0):
        raise ValueError(f"wage and floor must not be negative (wage={wage}, floor={floor})")
    rows = _rows_on(WAGE_SEGMENT, on, None)
    if payer != TOTAL:
        rows = rows[rows["payer"] == payer]
    total = 0
    for r in rows.itertuples():
        base = max(Decimal(str(wage)), Decimal(str(floor or 0)))
        if not pd.isna(r.wage_ceiling_rp):
            base = min(base, Decimal(int(r.wage_ceiling_rp)))
        total += _share(base, float(r.wage_pct))
    return total


def premium_breakdown(segment: str, klass: int, on: pd.Period | str) -> dict[str, int]:
    """Every payer's share of the monthly premium (payers with no share omitted)."""
    return dict(_flat_shares(segment, int(klass), pd.Period(on, "M")))
