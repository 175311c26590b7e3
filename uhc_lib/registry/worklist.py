"""Publishable tables of a match (small cells suppressed) and the key figures the notebook's sentences print.

Every table here is a :class:`~uhc_lib.registry.suppression.Suppressed` (or has its ``display`` and ``mask``) keyed by
codes; :mod:`uhc_lib.registry.registry_text` only puts labels on them. Counts in sentences go through
:func:`key_figures`, which marks the ones below the threshold, so a sentence never prints what a table hides.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from uhc_lib.common import fmt
from uhc_lib.registry.match import COUNTS, INACTIVE_REASONS, NO_REASON, NOT_RESIDENT_REASONS, MatchResult
from uhc_lib.registry.suppression import DEFAULT_THRESHOLD, MARKER, Suppressed, suppress
from uhc_lib.rules import segments

TOTAL = "total"
HIDDEN = "hidden"  # key of key_figures: names of the figures a published table hides
UNKNOWN_DESIL = "unknown"
POOR_DECILES = 4  # desil 1-4: the poorest 40 percent, the usual target of subsidised enrolment


def area_counts(
    result: MatchResult, threshold: int = DEFAULT_THRESHOLD, level: str = "kecamatan", lang: str = "id"
) -> Suppressed:
    """Residents, enrolled active/inactive and not enrolled per area of ``level`` with the rows above it, suppressed
    together (publish a desa table only from ``level="desa"``, so kecamatan and desa cells protect each other)."""
    table = result.area_table(level)
    return suppress(table, threshold, columns=COUNTS, total_column="residents", parent="parent", lang=lang)


def _cross(
    frame: pd.DataFrame, rows: str, cols: str, values: str, row_order, col_order, complete: bool = False
) -> pd.DataFrame:
    """A count cross table with a total row and a total column, and a ``parent`` column pointing at the total row.

    ``complete``: every row of ``row_order`` and column of ``col_order`` appears, with zeros where the data has none
    (for tables whose rows a text names); otherwise only those present, in that order.
    """
    out = frame.pivot_table(index=rows, columns=cols, values=values, aggfunc="sum", fill_value=0)
    rows_present = [r for r in row_order if complete or r in out.index] + [r for r in out.index if r not in row_order]
    cols_present = [c for c in col_order if complete or c in out.columns] + [
        c for c in out.columns if c not in col_order
    ]
    out = out.reindex(index=rows_present, columns=cols_present, fill_value=0).astype("int64")
    out[TOTAL] = out.sum(axis=1)
    out.loc[TOTAL] = out.sum()
    out.columns.name = None
    out.index.name = None
    out["parent"] = [TOTAL] * (len(out) - 1) + [None]
    return out


def inactive_counts(result: MatchResult, threshold: int = DEFAULT_THRESHOLD, lang: str = "id") -> Suppressed:
    """Enrolled-inactive residents of the regency by segment (rows) and reason (columns), with totals, suppressed."""
    cross = _cross(
        result.inactive, "segment", "reason", "persons", segments.segment_codes(), [*INACTIVE_REASONS, NO_REASON]
    )
    cols = [c for c in cross.columns if c != "parent"]
    return suppress(cross, threshold, columns=cols, total_column=TOTAL, parent="parent", lang=lang)


def not_resident_counts(result: MatchResult, threshold: int = DEFAULT_THRESHOLD, lang: str = "id") -> Suppressed:
    """Participant records without an alive resident behind them, by reason (rows) and status (columns), with totals,
    suppressed."""
    cross = _cross(
        result.not_resident, "reason", "status", "records", NOT_RESIDENT_REASONS, ["active", "inactive"], complete=True
    )
    return suppress(
        cross, threshold, columns=["active", "inactive", TOTAL], total_column=TOTAL, parent="parent", lang=lang
    )


def exclusion_counts(result: MatchResult, threshold: int = DEFAULT_THRESHOLD, lang: str = "id") -> Suppressed:
    """Rows left out of matching by why (``invalid_nik:<problem>`` or ``duplicate``) and file, with totals,
    suppressed (record counts, but a rare NIK problem in a small file is still a small cell)."""
    ex = result.exclusions.assign(
        why=lambda d: np.where(d["reason"] == "invalid_nik", "invalid_nik:" + d["problem"], d["reason"])
    )
    order = sorted(ex["why"].unique(), key=lambda w: (w == "duplicate", w))
    cross = _cross(ex, "why", "source", "rows", order, ["registry", "participants"])
    for source in ("registry", "participants"):
        if source not in cross.columns:
            cross.insert(0 if source == "registry" else 1, source, 0)
    return suppress(
        cross, threshold, columns=["registry", "participants", TOTAL], total_column=TOTAL, parent="parent", lang=lang
    )


@dataclass(frozen=True)
class WorklistTable:
    """The worklist summary by priority decile, ready to publish.

    ``values`` holds the numbers (index: ``1``..``10``, ``unknown``, ``total``; columns persons, families,
    yearly_cost, cumulative_persons, cumulative_cost); ``mask`` says which are hidden; ``display`` the strings
    (costs as ``Rp1.234.567``).
    """

    values: pd.DataFrame
    mask: pd.DataFrame
    display: pd.DataFrame
    threshold: int


def worklist_counts(result: MatchResult, threshold: int = DEFAULT_THRESHOLD, lang: str = "id") -> WorklistTable:
    """Alive residents not enrolled by priority decile (poorest first, unknown last) with the yearly premium cost of
    enrolling them as PBPU Pemda and the running totals, suppressed.

    Persons and families are suppressed as counts with a total row. A cost is hidden with its persons cell. A running
    total after hidden deciles would give them away one at a time, so running totals are shown only before the first
    hidden decile and from the last hidden decile on (where they add nothing to the published total).
    """
    s = result.worklist_summary.copy()
    s.index = [UNKNOWN_DESIL if pd.isna(d) else str(int(d)) for d in s["desil"]]
    counts = s[["persons", "families"]].astype("int64")
    counts.loc[TOTAL] = counts.sum()
    counts["parent"] = [TOTAL] * (len(counts) - 1) + [None]
    sup = suppress(counts, threshold, columns=["persons", "families"], parent="parent", lang=lang)
    values = counts[["persons", "families"]].copy()
    values["yearly_cost"] = values["persons"] * result.yearly_premium
    values["cumulative_persons"] = list(s["cumulative_persons"]) + [int(s["persons"].sum())]
    values["cumulative_cost"] = values["cumulative_persons"] * result.yearly_premium
    mask = pd.DataFrame(False, index=values.index, columns=values.columns)
    mask[["persons", "families"]] = sup.mask
    mask["yearly_cost"] = sup.mask["persons"]
    hidden_persons = sup.mask["persons"].to_numpy()
    hidden = np.flatnonzero(hidden_persons[:-1])
    if hidden.size:
        between = np.zeros(len(values), dtype=bool)
        # the running total of the last row is the total: when that is hidden, hide every running total from the
        # first hidden decile on
        between[hidden[0] : len(values) if hidden_persons[-1] else hidden[-1]] = True
        mask["cumulative_persons"] = between
        mask["cumulative_cost"] = between
    display = pd.DataFrame(index=values.index, columns=values.columns, dtype=object)
    for col in values.columns:
        money = col.endswith("cost")
        display[col] = [
            MARKER if h else (fmt.rupiah(v, lang) if money else fmt.number(int(v), lang))
            for v, h in zip(values[col], mask[col], strict=True)
        ]
    return WorklistTable(values=values, mask=mask, display=display, threshold=threshold)


def count_text(n: int, threshold: int = DEFAULT_THRESHOLD, lang: str = "id") -> str:
    """A count as a sentence prints it: ``1.234``, ``0``, or ``kurang dari 10`` / ``fewer than 10`` when small."""
    if 0 < n < threshold:
        return f"kurang dari {threshold}" if lang == "id" else f"fewer than {threshold}"
    return fmt.number(int(n), lang)


def key_figures(result: MatchResult, threshold: int = DEFAULT_THRESHOLD) -> dict[str, int | float | tuple]:
    """The figures the findings print, computed once: totals, the excess decomposition, deceased and moved records
    still active (and those paid by the regency), the poorest deciles of the worklist and their yearly cost, and
    under ``hidden`` the names of those a published table hides (sentences print the marker for them)."""
    nr = result.not_resident
    active_nr = nr[nr["status"] == "active"]
    ws = result.worklist_summary
    poor = ws[ws["desil"].notna() & (ws["desil"] <= POOR_DECILES)]
    reactivation = result.reactivation_summary
    out: dict[str, int | float | tuple] = {
        "participants": result.participants,
        "residents": result.residents,
        "active_records": result.active_records,
        "coverage_pct": result.coverage_pct,
        "activity_pct": result.activity_pct,
        "resident_enrolled_pct": result.resident_enrolled_pct,
        "resident_active_pct": result.resident_active_pct,
        **result.excess,
        "other_region_nik": int(nr.loc[nr["reason"] == "not_in_registry", "other_region_nik"].sum()),
        "deceased_active": int(active_nr.loc[active_nr["reason"] == "deceased", "records"].sum()),
        "deceased_active_pemda": int(
            active_nr.loc[(active_nr["reason"] == "deceased") & (active_nr["segment"] == "pbpu_pemda"), "records"].sum()
        ),
        "moved_active": int(active_nr.loc[active_nr["reason"] == "moved", "records"].sum()),
        "inactive_residents": int(result.total["inactive"]),
        "arrears_residents": int(reactivation.loc[reactivation["reason"] == "arrears", "persons"].sum()),
        "worklist_persons": int(ws["persons"].sum()),
        "worklist_families": int(ws["families"].sum()),
        "worklist_cost": int(ws["yearly_cost"].sum()),
        "poor_persons": int(poor["persons"].sum()),
        "poor_cost": int(poor["yearly_cost"].sum()),
        "yearly_premium": result.yearly_premium,
        "threshold": threshold,
    }
    out["deceased_active_pemda_cost"] = out["deceased_active_pemda"] * result.yearly_premium
    out[HIDDEN] = _hidden_figures(result, threshold)
    return out


def _hidden_figures(result: MatchResult, threshold: int) -> tuple[str, ...]:
    """The figures of :func:`key_figures` that a published table hides (complementary suppression hides counts of
    10 and more too): a sentence printing one would give the hidden cells away."""

    def cell(sup: Suppressed, row: str, col: str) -> bool:
        return bool(sup.mask.at[row, col]) if row in sup.mask.index and col in sup.mask.columns else False

    areas, nr = area_counts(result, threshold), not_resident_counts(result, threshold)
    inactive, wl = inactive_counts(result, threshold), worklist_counts(result, threshold)
    region = result.region_code
    poor_rows = [d for d in wl.values.index if d not in (TOTAL, UNKNOWN_DESIL) and int(d) <= POOR_DECILES]
    flags = {
        "not_enrolled": cell(areas, region, "not_enrolled") or bool(wl.mask.at[TOTAL, "persons"]),
        "inactive_residents": cell(areas, region, "inactive") or cell(inactive, TOTAL, TOTAL),
        "deceased_active": cell(nr, "deceased", "active"),
        "moved_active": cell(nr, "moved", "active"),
        "arrears_residents": cell(inactive, TOTAL, "arrears"),
        "worklist_persons": bool(wl.mask.at[TOTAL, "persons"]),
        # the poorest deciles' sum is the running total after decile 4: printed only where the table shows it
        "poor_persons": bool(poor_rows) and bool(wl.mask.at[poor_rows[-1], "cumulative_persons"]),
    }
    flags["deceased_active_pemda"] = flags["deceased_active"]
    return tuple(name for name, hidden in flags.items() if hidden)


def deciles_within_budget(table: WorklistTable, budget_rp: float) -> int | None:
    """How many deciles of the worklist (in order, from the poorest) a yearly budget pays for in full, among the rows
    whose running cost is shown; None when not even the first shown running total fits."""
    rows = table.values.drop(index=TOTAL)
    shown = ~table.mask.loc[rows.index, "cumulative_cost"]
    fits = rows.index[shown & (rows["cumulative_cost"] <= budget_rp)]
    if len(fits) == 0:
        return None
    return int(list(rows.index).index(fits[-1]) + 1)


def summary(figures: dict, synthetic: bool = False) -> dict:
    """The key figures as a JSON-ready dict (counts and rounded percentages only), for tests and batch runs."""
    out = {k: (round(v, 2) if isinstance(v, float) else int(v)) for k, v in figures.items() if k != HIDDEN}
    out["synthetic"] = bool(synthetic)
    return out
