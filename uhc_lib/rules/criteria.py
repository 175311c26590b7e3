"""UHC statuses by period (rules as data: ``data/rules/uhc_criteria.csv``) and each region's status under them.

Each year's rows are the statuses BPJS gives, in rank order (2023-24: UHC, non cut-off; 2025-26: Cut Off,
Prioritas); a region holds the highest-ranked one it meets, else it is not UHC. Rows with the same ``criterion`` are
alternatives (any one suffices); inside a row every minimum must hold, and ``requires`` names an extra condition
(``no_pemda_arrears``: no PBPU Pemda premium arrears, read from the optional ``pemda_arrears_rp`` column and assumed
when the data has none). A year without rows uses the latest earlier year that has them.

Above the statuses, a year's **goals** also hold the UHC Awards tiers that judge it (:mod:`uhc_lib.rules.awards`;
a tier with the same minimums as a status is left out): Awards are an assessment, never a status.

Uncertain rules carry a note (``certainty_id``/``certainty_en``) and the other reading (``alt_min_coverage_pct``, or
``uncertain_before``: the previous year's rules may still apply before that month); :func:`uncertainties` says which
of them would change a region's status.
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
import pandas as pd

from uhc_lib.common.config import RULES_DIR
from uhc_lib.common.lang import check_lang
from uhc_lib.rules import awards
from uhc_lib.rules.indicators import ARREARS_COLUMN, meets

NOT_MET = "none"
NO_PEMDA_ARREARS = "no_pemda_arrears"
TONES = ("best", "lower", "none")
"""A status's standing in its year: the best status, a lower UHC status, or not UHC (badge green, amber, red)."""


@lru_cache(maxsize=1)
def criteria_table() -> pd.DataFrame:
    """All status rows, typed."""
    t = pd.read_csv(
        RULES_DIR / "uhc_criteria.csv",
        dtype={
            c: str
            for c in (
                "criterion",
                "requires",
                "uncertain_before",
                "certainty_id",
                "certainty_en",
                "certainty_before_id",
                "certainty_before_en",
            )
        },
    )
    t["headline"] = t["headline"].astype(str).str.lower().eq("true")
    t["kind"] = "status"
    return t.sort_values(["criteria_year", "rank", "alternative"]).reset_index(drop=True)


def rules_year(year: int) -> int:
    """The year whose rule rows apply in ``year``."""
    years = sorted(criteria_table()["criteria_year"].unique())
    earlier = [y for y in years if y <= year]
    return int(earlier[-1] if earlier else years[0])


def criteria_for(year: int) -> pd.DataFrame:
    """The goal rows in force for ``year`` (statuses, then Awards tiers), ordered by rank then alternative."""
    return _rows_of(rules_year(year)).copy()


@cache
def _rows_of(rules_year: int) -> pd.DataFrame:
    t = criteria_table()
    statuses = t[t["criteria_year"] == rules_year]
    award_year = awards.awards_for_status_year(rules_year)
    if award_year is None:
        return statuses.reset_index(drop=True)
    tiers = awards.rows_of(award_year)
    status_minimums = {_minimums(r) for r in statuses.itertuples()}
    keep = [t for t, g in tiers.groupby("tier", sort=False) if _minimums(next(g.itertuples())) not in status_minimums]
    tiers = tiers[tiers["tier"].isin(keep) & tiers["requires"].isin(set(statuses["criterion"]))]
    if tiers.empty:  # the tiers need a status this year does not have (e.g. Prioritas)
        return statuses.reset_index(drop=True)
    top = int(statuses["rank"].max())
    goal_rows = pd.DataFrame(
        {
            "criteria_year": rules_year,
            "criterion": tiers["tier"],
            "rank": top + tiers["rank"],
            "alternative": tiers["alternative"],
            "headline": False,
            "min_coverage_pct": tiers["min_coverage_pct"],
            "min_activity_pct": tiers["min_activity_pct"],
            "min_pemda_pct": tiers["min_pemda_pct"],
            "requires": tiers["requires"],
            "label_id": tiers["label_id"],
            "label_en": tiers["label_en"],
            "source": tiers["source"],
            "kind": "award",
            "award_year": award_year,
        }
    )
    return pd.concat([statuses, goal_rows], ignore_index=True)


def _minimums(r) -> tuple:
    return tuple(None if pd.isna(v) else float(v) for v in (r.min_coverage_pct, r.min_activity_pct, r.min_pemda_pct))


def reload_rules() -> None:
    """Forget the rules read so far, so the next lookup reads the rule files again."""
    criteria_table.cache_clear()
    for cached in (_targets, _statuses, _status_ranks):
        cached.cache_clear()
    _rows_of.cache_clear()
    _rule_sets.cache_clear()
    national_targets.cache_clear()
    awards.awards_table.cache_clear()


@lru_cache(maxsize=64)
def _targets(year: int) -> pd.DataFrame:
    return criteria_for(year).drop_duplicates("criterion").reset_index(drop=True)


@lru_cache(maxsize=64)
def _statuses(year: int) -> pd.DataFrame:
    t = _targets(year)
    return t[t["kind"] == "status"].reset_index(drop=True)


@lru_cache(maxsize=64)
def _status_ranks(year: int) -> dict[str, int]:
    return {str(c): int(r) for c, r in zip(_statuses(year)["criterion"], _statuses(year)["rank"], strict=True)}


def targets(year: int) -> pd.DataFrame:
    """One row per goal of ``year`` (its first alternative): criterion, kind, rank, headline, minimums, labels.

    Read once per year (a brief asks a few hundred times); each caller gets its own copy."""
    return _targets(int(year)).copy()


def statuses(year: int) -> pd.DataFrame:
    """The statuses of ``year`` (no Awards tiers), lowest rank first."""
    return _statuses(int(year)).copy()


def headline(year: int) -> pd.Series:
    """The criterion a brief treats as *the* target of ``year`` (its best status)."""
    t = _targets(int(year))
    marked = t[t["headline"]]
    return (marked if not marked.empty else t).iloc[0].copy()


def next_year_with_new_rules(year: int) -> int | None:
    """The first later year whose rules differ from ``year``'s, if any (e.g. 2024 -> 2025)."""
    current = rules_year(year)
    later = sorted(y for y in criteria_table()["criteria_year"].unique() if y > current)
    for y in later:
        if _comparable(statuses(y)) != _comparable(statuses(current)):
            return int(y)
    return None


def _comparable(t: pd.DataFrame) -> list[tuple]:
    return [(r.criterion, *_minimums(r), r.requires if isinstance(r.requires, str) else "") for r in t.itertuples()]


Minimums = tuple[float | None, float | None, float | None]  # coverage, activity, Pemda share (None: no minimum)
RuleSet = tuple[tuple[str, int, str, tuple[str, ...], tuple[Minimums, ...]], ...]


@cache
def _rule_sets(rules_year: int, alt: str | None = None) -> RuleSet:
    """(criterion, rank, kind, requirements, alternatives) of one rules year, in table order; with ``alt``, that
    criterion's coverage minimum is its other reading (``alt_min_coverage_pct``)."""

    def value(v: object) -> float | None:
        return None if pd.isna(v) else float(v)

    out = []
    for criterion, rows in _rows_of(rules_year).groupby("criterion", sort=False):
        cov = rows["min_coverage_pct"]
        if alt == criterion:
            cov = rows["alt_min_coverage_pct"]
        alternatives = tuple(
            (value(c), value(a), value(p))
            for c, a, p in zip(cov, rows["min_activity_pct"], rows["min_pemda_pct"], strict=True)
        )
        req = str(rows["requires"].iloc[0]) if isinstance(rows["requires"].iloc[0], str) else ""
        requires = tuple(r for r in req.split("|") if r)
        out.append((str(criterion), int(rows["rank"].iloc[0]), str(rows["kind"].iloc[0]), requires, alternatives))
    return tuple(out)


def minimums_met(ind: pd.DataFrame, minimums: Minimums) -> np.ndarray:
    """Whether each row meets the coverage, activity and Pemda-share minimums (None: none), exactly on counts.

    A Pemda-share minimum needs ``pemda_registered`` (the segment breakdown); without it that minimum is not met.
    """
    cov, act, pemda_pct = minimums
    population = ind["population"].to_numpy(dtype="int64")
    ok = np.ones(len(ind), dtype=bool)
    if cov is not None:
        ok &= meets(ind["registered"].to_numpy(dtype="int64"), population, cov)
    if act is not None:
        ok &= meets(ind["active"].to_numpy(dtype="int64"), population, act)
    if pemda_pct is not None:
        if "pemda_registered" in ind:
            pemda = ind["pemda_registered"].astype("Int64").fillna(-1).to_numpy(dtype="int64")
            ok &= (pemda >= 0) & meets(np.maximum(pemda, 0), population, pemda_pct)
        else:
            ok &= False
    return ok


def no_pemda_arrears(ind: pd.DataFrame) -> np.ndarray:
    """Whether each row has no PBPU Pemda premium arrears; rows without the figure are assumed to have none."""
    if ARREARS_COLUMN not in ind:
        return np.ones(len(ind), dtype=bool)
    return ~(pd.to_numeric(ind[ARREARS_COLUMN], errors="coerce").fillna(0).to_numpy(dtype="float64") > 0)


def arrears_known(ind: pd.DataFrame) -> np.ndarray:
    """Whether each row states its PBPU Pemda arrears (else :func:`no_pemda_arrears` assumed none)."""
    if ARREARS_COLUMN not in ind:
        return np.zeros(len(ind), dtype=bool)
    return pd.to_numeric(ind[ARREARS_COLUMN], errors="coerce").notna().to_numpy()


def _evaluate(ind: pd.DataFrame, rule_set: RuleSet) -> tuple[dict[str, np.ndarray], np.ndarray]:
    met_by: dict[str, np.ndarray] = {}
    status = np.full(len(ind), NOT_MET, dtype=object)
    best_rank = np.zeros(len(ind), dtype="int64")
    arrears_ok = None
    for criterion, rank, kind, requires, alternatives in rule_set:
        met = np.zeros(len(ind), dtype=bool)
        for minimums in alternatives:
            met |= minimums_met(ind, minimums)
        for requirement in requires:
            if requirement == NO_PEMDA_ARREARS:
                arrears_ok = no_pemda_arrears(ind) if arrears_ok is None else arrears_ok
                met &= arrears_ok
            else:  # another goal that must be met, e.g. an Awards tier needs Prioritas
                met &= met_by[requirement]
        met_by[criterion] = met
        if kind == "status":
            better = met & (rank > best_rank)
            status[better] = criterion
            best_rank[better] = rank
    return met_by, status


def evaluate(ind: pd.DataFrame, year: int) -> pd.DataFrame:
    """Add ``meets_<criterion>`` for each goal of ``year`` and ``status``: the highest-ranked status met, or 'none'.

    Comparisons are exact on counts, so 74.996 % active does not meet a 75 % minimum.
    """
    rules_year_ = rules_year(year)
    met_by, status = _evaluate(ind, _rule_sets(rules_year_))
    columns: dict[str, object] = {f"meets_{c}": m for c, m in met_by.items()}
    columns["status"] = status
    columns["criteria_year"] = rules_year_
    out = ind.drop(columns=[c for c in columns if c in ind.columns])
    return out.assign(**columns)


def tone(status: str, year: int) -> str:
    """``best`` for the year's best status, ``lower`` for another UHC status, ``none`` for not UHC."""
    if status == NOT_MET:
        return "none"
    ranks = _status_ranks(int(year))
    return "best" if ranks[status] == max(ranks.values()) else "lower"


def status_rank(status: str, year: int) -> int:
    """0 for not UHC, else the status's rank in ``year`` (higher is better)."""
    return 0 if status == NOT_MET else _status_ranks(int(year))[status]


def uncertainties(ind: pd.DataFrame, year: int) -> list[str]:
    """The uncertain rules of ``year`` that would change the status of the (single-row) ``ind`` under their other
    reading, as note keys for :func:`certainty_note`: ``<criterion>`` when its other coverage minimum gives another
    status, ``<criterion>:before`` when the row's period is before its ``uncertain_before`` month and the previous
    year's rules give a status of another standing."""
    rules_year_ = rules_year(year)
    rows = _rows_of(rules_year_)
    _, status = _evaluate(ind, _rule_sets(rules_year_))
    found = []
    for r in rows.drop_duplicates("criterion").itertuples():
        if r.kind != "status":
            continue
        if not pd.isna(r.alt_min_coverage_pct):
            _, other = _evaluate(ind, _rule_sets(rules_year_, r.criterion))
            if (other != status).any():
                found.append(r.criterion)
        if isinstance(r.uncertain_before, str) and r.uncertain_before:
            before = ind["period"] < pd.Period(r.uncertain_before, "M")
            previous = rules_year(rules_year_ - 1)
            if before.any() and previous != rules_year_:
                _, old = _evaluate(ind, _rule_sets(previous))
                if any(tone(a, rules_year_) != tone(b, previous) for a, b in zip(status, old, strict=True)):
                    found.append(f"{r.criterion}:before")
    return found


def certainty_note(key: str, year: int, lang: str = "id") -> str:
    """The note of an uncertain rule (a key from :func:`uncertainties`), in ``lang``."""
    check_lang(lang)
    criterion, _, part = key.partition(":")
    column = "certainty_before" if part == "before" else "certainty"
    return str(targets(year).set_index("criterion").loc[criterion, f"{column}_{lang}"])


@cache
def national_targets() -> pd.DataFrame:
    """The national coverage targets (``data/rules/national_targets.csv``: RPJMN 98.6 % in 2025, 99 % by 2029):
    targets a brief shows as such, never a status."""
    return pd.read_csv(RULES_DIR / "national_targets.csv").sort_values("year").reset_index(drop=True)


def label(criterion: str, year: int, lang: str = "id") -> str:
    """Readable name of a criterion (or of 'none') in ``id``/``en``."""
    check_lang(lang)
    if criterion == NOT_MET:
        return "belum memenuhi kriteria UHC" if lang == "id" else "does not meet the UHC criteria"
    t = targets(year).set_index("criterion")
    return str(t.loc[criterion, "label_en" if lang == "en" else "label_id"])
