"""What each lever of a simulated scenario contributed: persons, change in registered and active, and costs.

:func:`uhc_lib.analysis.scenarios.simulate` keeps, per lever ``i``, the persons it has added so far (``persons_<i>``)
but adds the levers' costs together. Here each lever's costs are recomputed from those persons with the lever's own cost
rules (the same calls the simulation makes), so the levers' costs add up to the path's totals exactly.
:class:`uhc_lib.analysis.scenarios.CurrentPace` adds no persons of its own (it moves the counts directly): its row has
no persons and no cost.
"""

from __future__ import annotations

import math

import pandas as pd

from uhc_lib.analysis import budget, gaps
from uhc_lib.analysis.brief import BriefFigures, Target
from uhc_lib.analysis.scenarios import (
    COST_PAYERS,
    TAKEOVER_ORDER,
    CleanData,
    CsrSponsorship,
    CurrentPace,
    EnrolUnregistered,
    ReactivateArrears,
    Scenario,
    TakeOverInactive,
    lever_costs,
)
from uhc_lib.common.lang import check_lang

MIX_NAMES = {"id": "Campuran tuas sendiri", "en": "Own mix of levers"}


def _changes(lever, persons: int) -> tuple[int, int]:
    """(registered, active) change caused by ``persons`` added by ``lever``."""
    if isinstance(lever, CleanData):
        return -persons, -math.floor(persons * lever.active_share)
    return lever.registered_effect * persons, lever.active_effect * persons


def _check(path: pd.DataFrame, scenario: Scenario) -> None:
    missing = [f"persons_{i}" for i in range(len(scenario.levers)) if f"persons_{i}" not in path]
    if missing or path.attrs.get("scenario", scenario.name) != scenario.name:
        raise ValueError(
            f"the path was not simulated from scenario {scenario.name!r} (missing {missing or 'nothing'}, "
            f"path of {path.attrs.get('scenario')!r})"
        )


def lever_table(path: pd.DataFrame, scenario: Scenario) -> pd.DataFrame:
    """One row per lever of ``scenario`` (in its order) from its simulated ``path``.

    Columns: lever (class name), segment, pace, cap, persons (added by the end), full_by (first month the cap is
    reached, None if not), registered_change and active_change (by the end), ``cost_<payer>_rp`` (over the whole
    path, one-off costs included) and regency_yearly_rp (the lever's recurring regency cost of the last month x 12).
    """
    _check(path, scenario)
    projected = path[path["month"] > 0]
    rows = []
    for i, lever in enumerate(scenario.levers):
        row: dict[str, object] = {"lever": type(lever).__name__, "segment": getattr(lever, "segment", None)}
        if isinstance(lever, CurrentPace):
            row |= {"pace": None, "cap": None, "persons": None, "full_by": None}
            row |= {"registered_change": None, "active_change": None}
            row |= {f"cost_{p}_rp": 0 for p in COST_PAYERS} | {"regency_yearly_rp": 0}
            rows.append(row)
            continue
        cum = projected[f"persons_{i}"].astype("int64").to_numpy()
        added = cum - [int(path[f"persons_{i}"].iloc[0]), *cum[:-1]]
        costs = dict.fromkeys(COST_PAYERS, 0)
        last_recurring = 0
        share = float(path.attrs.get("province_share", 0.0))
        for period, c, a in zip(projected["period"], cum, added, strict=True):
            recurring, one_off = lever_costs(lever, period, int(c), int(a), share)
            for payer, rp in recurring.items():
                costs[payer] += rp
            for payer, rp in one_off.items():
                costs[payer] += rp
            last_recurring = recurring.get("regency", 0)
        persons = int(cum[-1]) if len(cum) else 0
        full = [p for p, c in zip(projected["period"], cum, strict=True) if lever.cap is not None and c >= lever.cap]
        reg, act = _changes(lever, persons)
        row |= {"pace": lever.pace, "cap": lever.cap, "persons": persons, "full_by": full[0] if full else None}
        row |= {"registered_change": reg, "active_change": act}
        row |= {f"cost_{p}_rp": int(costs[p]) for p in COST_PAYERS} | {"regency_yearly_rp": 12 * int(last_recurring)}
        rows.append(row)
    out = pd.DataFrame(rows)
    for col in ("pace", "cap", "persons", "registered_change", "active_change"):
        out[col] = out[col].astype("Int64")
    return out


def active_by_lever(path: pd.DataFrame, scenario: Scenario) -> pd.DataFrame:
    """Month by month (index: period, from month 0), the change in active participants each lever has caused so
    far; one column per lever, named by its position in the scenario (0, 1, ...). CurrentPace columns are 0."""
    _check(path, scenario)
    data = {}
    for i, lever in enumerate(scenario.levers):
        if isinstance(lever, CurrentPace):
            data[i] = [0] * len(path)
        else:
            data[i] = [_changes(lever, int(n))[1] for n in path[f"persons_{i}"]]
    return pd.DataFrame(data, index=pd.PeriodIndex(path["period"], freq="M", name="period"))


def _over(persons: int, months: int) -> int:
    return -(-persons // months) if persons else 0


def mix_scenario(
    fig: BriefFigures,
    target: Target | None = None,
    arrears: int = 0,
    csr: int = 0,
    clean: int = 0,
    clean_segment: str = "bp",
    months: int = 12,
    lang: str = "id",
) -> Scenario:
    """A scenario that uses every kind of lever and closes both gaps to ``target`` (default
    :func:`uhc_lib.analysis.budget.default_target`), sized from the region's own counts, all levers spread over
    ``months``:

    1. ``clean`` inactive participants of ``clean_segment`` removed from the register (:class:`CleanData`);
    2. the residents to enrol as PBPU Pemda: the coverage gap **after** the cleaning (cleaning lowers coverage);
    3. up to ``arrears`` self-paying participants reactivated by paying their arrears, then up to ``csr`` by CSR,
       both within the inactive PBPU mandiri and within what the activity gap still needs;
    4. the rest of the activity gap taken over as PBPU Pemda from the inactive PBI APBN, then PPU, then PBPU Pemda
       (as far as each segment's inactive participants go).

    Levers that would add no one are left out. Raises ``ValueError`` when ``clean`` exceeds the segment's inactive
    participants or a count is negative.
    """
    check_lang(lang)
    if min(arrears, csr, clean) < 0 or months < 1:
        raise ValueError("arrears, csr and clean must not be negative and months must be at least 1")
    t = target or budget.default_target(fig)
    pools = {str(s): int(n) for s, n in zip(fig.segments["segment"], fig.segments["inactive"], strict=True)}
    if clean and clean > pools.get(clean_segment, fig.inactive):
        raise ValueError(
            f"cannot clean {clean} {clean_segment} participants: {pools.get(clean_segment, fig.inactive)} are inactive"
        )
    if clean_segment in pools:
        pools[clean_segment] -= clean
    row = pd.DataFrame({"population": [fig.population], "registered": [fig.registered - clean], "active": [fig.active]})
    enrol = int(gaps.gap_to(row, t.min_coverage_pct, None)["enrol_needed"].iloc[0])
    rest = max(0, t.activate_needed - enrol)
    mandiri = pools.get("pbpu_mandiri", rest)
    n_arrears = min(arrears, rest, mandiri)
    n_csr = min(csr, rest - n_arrears, mandiri - n_arrears)
    rest -= n_arrears + n_csr
    levers: list = []
    if clean:
        levers.append(CleanData(pace=_over(clean, months), cap=clean, segment=clean_segment))
    if enrol:
        levers.append(EnrolUnregistered(pace=_over(enrol, months), cap=enrol))
    if n_arrears:
        levers.append(ReactivateArrears(pace=_over(n_arrears, months), cap=n_arrears))
    if n_csr:
        levers.append(CsrSponsorship(pace=_over(n_csr, months), cap=n_csr))
    for segment in TAKEOVER_ORDER:
        n = min(rest, pools.get(segment, rest))
        if n > 0:
            levers.append(TakeOverInactive(pace=_over(n, months), cap=n, segment=segment))
            rest -= n
    return Scenario(MIX_NAMES[lang], levers)
