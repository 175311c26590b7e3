"""Reproducible generator of the embedded *illustrative* JKN participation panel.

No public per-regency JKN series exists, so the project ships a generated one: every kab/kota, every month from
Jan 2023 to Nov 2026, by segment. It is built from the real Dukcapil population (Semester II 2024), plausible
levels and trends (fixed seed), and it passes exactly through every published figure in ``anchors.py``.

How: each region gets smooth coverage/activity paths (percent of population). At a few *knot* months the paths
are set to whole-number counts that satisfy the published figures and national totals; between knots a
piecewise-linear correction carries the base path through them. Counts are then split into segments.

Run ``uhc generate-data`` (or :func:`write_panel`) to rebuild ``data/illustrative/jkn_panel_illustrative.csv``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from uhc_lib.common.config import EMBEDDED_PANEL
from uhc_lib.inputs import reference
from uhc_lib.rules import segments
from uhc_lib.synthetic import anchors as A

SEED = 20_240_725  # the day of the Lebong account

PERIODS = pd.period_range(A.FIRST_PERIOD, A.LAST_PERIOD, freq="M")
KNOTS = [
    pd.Period(p, "M")
    for p in (
        "2023-01",
        "2023-03",
        "2023-12",
        "2024-03",
        "2024-04",
        "2024-07",
        "2024-12",
        "2025-08",
        "2025-09",
        "2025-12",
    )
]
SEMESTERS = ["S1-2022", "S2-2022", "S1-2023", "S2-2023", "S1-2024", "S2-2024", "S1-2025", "S2-2025"]
FIRST_RUN_MONTHS = 36  # Jan 2023 - Dec 2025: drawn as before the 2026 extension, so those months change least
EXTENSION_SEED_OFFSET = 2026  # the 2026 months come from a random stream of their own
SEGMENT_SEED_OFFSET = 5  # so do the segment shares
PAPUA = {"91", "92", "93", "94", "95", "96"}

# Baseline share of registered participants by segment, and the share of each segment that is active.
ACTIVE_RATE = {"pbi_apbn": 0.965, "pbpu_pemda": 0.95, "ppu": 0.92, "pbpu_mandiri": 0.52, "bp": 0.86}


def semester_of(period: pd.Period) -> str:
    """Dukcapil semester used as the denominator in ``period`` (published with a lag).

    December to May use Semester I of the year before June; June to November use Semester II of the
    previous year (Lebong 2024-03 uses Semester I 2023; 2026-01 uses Semester I 2025).
    """
    if period.month == 12:
        return f"S1-{period.year}"
    if period.month <= 5:
        return f"S1-{period.year - 1}"
    return f"S2-{period.year - 1}"


def semester_populations(rng: np.random.Generator, regions: pd.DataFrame) -> pd.DataFrame:
    """Population per region (rows) and semester (columns), ending at the real Semester II 2024 figures."""
    pop = reference.population_semester_ii_2024().set_index("region_code")["population"].reindex(regions.region_code)
    steps = np.array([SEMESTERS.index(s) - SEMESTERS.index("S2-2024") for s in SEMESTERS])
    growth = np.clip(rng.normal(0.0065, 0.0025, len(pop)), 0.0005, 0.02)
    growth[regions.province_code.isin(PAPUA).to_numpy()] += 0.004
    out = pd.DataFrame(index=pop.index, columns=SEMESTERS, dtype="float64")
    back = steps < 0

    def fill(g_back: np.ndarray, g_forward: np.ndarray) -> None:
        g = np.where(back[None, :], g_back[:, None], g_forward[:, None])
        out.loc[:, :] = pop.to_numpy()[:, None] * (1 + g) ** steps[None, :]

    pinned = [c for c in A.POPULATION_PINS if c in out.index]
    free = ~out.index.isin(pinned)

    def shift(semester: str, target: int, which: str) -> float:
        """A common shift of growth rates so the national total of ``semester`` is ``target``."""
        fitted = list(A.BACKCAST_PINS) if which == "back" else pinned
        fitted_free = ~out.index.isin(fitted)
        fitted_total = _pinned_totals(pop, fitted)[semester]
        lo, hi = -0.01, 0.02
        for _ in range(80):
            mid = (lo + hi) / 2
            fill(growth + (mid if which == "back" else 0), growth + (mid if which == "forward" else 0))
            total = out.loc[fitted_free, semester].round().sum() + fitted_total
            more_growth = (total > target) == (which == "back")  # back-casting: faster growth, smaller past
            lo, hi = (mid, hi) if more_growth else (lo, mid)
        return (lo + hi) / 2

    # backcast to the published Semester I 2023 total; forecast to the Semester I 2025 total that makes the
    # published 282.7 million registered in December 2025 read 98.62 %
    s1_2025 = round(A.NATIONAL_REGISTERED_2025_12 / (A.NATIONAL_COVERAGE_2025_12 / 100))
    g_back = growth + shift("S1-2023", A.NATIONAL_POPULATION_S1_2023, "back")
    g_forward = growth + shift("S1-2025", s1_2025, "forward")
    fill(g_back, g_forward)
    for code in pinned:
        out.loc[code] = _pinned_series(int(pop[code]), A.POPULATION_PINS[code], steps)
    out = out.round().astype("int64")
    for semester, target in (("S1-2023", A.NATIONAL_POPULATION_S1_2023), ("S1-2025", s1_2025)):
        biggest = out.loc[free, semester].idxmax()
        out.loc[biggest, semester] += target - out[semester].sum()
    return out


def _pinned_series(p0: int, pins: dict[str, int], steps: np.ndarray) -> np.ndarray:
    """Semester populations through the pinned values, geometric between (and beyond) them."""
    known = {0: float(p0)} | {int(steps[SEMESTERS.index(s)]): float(v) for s, v in pins.items()}
    ks = sorted(known)
    logs = np.interp(steps, ks, [np.log(known[k]) for k in ks])
    if len(ks) >= 2:  # extrapolate with the slope of the nearest pair instead of holding flat
        first_slope = (np.log(known[ks[1]]) - np.log(known[ks[0]])) / (ks[1] - ks[0])
        last_slope = (np.log(known[ks[-1]]) - np.log(known[ks[-2]])) / (ks[-1] - ks[-2])
        logs = np.where(steps < ks[0], np.log(known[ks[0]]) + (steps - ks[0]) * first_slope, logs)
        logs = np.where(steps > ks[-1], np.log(known[ks[-1]]) + (steps - ks[-1]) * last_slope, logs)
    return np.exp(logs)


def _pinned_totals(pop: pd.Series, pinned: list[str]) -> dict[str, float]:
    """National total of the pinned regions' populations, per semester."""
    steps = np.array([SEMESTERS.index(s) - SEMESTERS.index("S2-2024") for s in SEMESTERS])
    series = [np.round(_pinned_series(int(pop[c]), A.POPULATION_PINS[c], steps)) for c in pinned]
    totals = np.sum(series, axis=0) if series else np.zeros(len(SEMESTERS))
    return dict(zip(SEMESTERS, totals.tolist(), strict=True))


def smooth_populations(pops: np.ndarray) -> np.ndarray:
    """Monthly population interpolated between the months each semester figure comes into use.

    Registered counts follow people, not the denominator: paths are built on this smooth population, so
    coverage steps when the Dukcapil figure changes, as it does in the real reports.
    """
    switches = [0] + [m for m in range(1, len(PERIODS)) if semester_of(PERIODS[m]) != semester_of(PERIODS[m - 1])]
    months = np.arange(len(PERIODS))
    return np.vstack([np.interp(months, switches, row[switches]) for row in pops])


def base_paths(
    rng: np.random.Generator, regions: pd.DataFrame, t: int = FIRST_RUN_MONTHS
) -> tuple[np.ndarray, np.ndarray]:
    """Smooth coverage and activity paths (percent of population), regions x the first ``t`` months."""
    n = len(regions)
    provinces = regions.province_code.to_numpy()
    prov_effect = {p: rng.normal(0, 1.2) for p in np.unique(provinces)}
    effect = np.array([prov_effect[p] for p in provinces])
    papua = np.isin(provinces, list(PAPUA))
    end_cov = 99.0 + 0.5 * effect + rng.normal(0, 0.8, n)
    end_cov = np.where(papua, end_cov - rng.uniform(1, 8, n), end_cov)
    laggards = rng.random(n) < 0.03
    end_cov = np.where(laggards, rng.uniform(80, 95, n), end_cov)
    end_cov = np.clip(end_cov, 72, 104.5)
    rise = np.where(end_cov < 95, rng.uniform(4, 12, n), rng.uniform(1.5, 6, n))
    start_cov = end_cov - rise
    end_act = np.clip(end_cov - rng.uniform(13, 22, n) + 0.6 * effect, 55, end_cov - 3)
    start_act = end_act - rng.uniform(2, 8, n)
    x = np.linspace(0, 1, t)[None, :] ** 0.85
    cov = start_cov[:, None] + (end_cov - start_cov)[:, None] * x + _smooth_noise(rng, n, t, 0.12)
    act = start_act[:, None] + (end_act - start_act)[:, None] * x + _smooth_noise(rng, n, t, 0.18)
    act = np.minimum(act, cov - 3)
    return cov, act


def extend_paths(
    rng: np.random.Generator, cov: np.ndarray, act: np.ndarray, months: int
) -> tuple[np.ndarray, np.ndarray]:
    """The paths continued ``months`` further: each region's pace of its last year, halved and fading, with the same
    kind of wobble; activity stays at least 3 points below coverage and coverage at most 104.5 %."""
    n = cov.shape[0]
    steps = np.arange(1, months + 1)[None, :]
    fade = (1 - np.exp(-steps / 12)) * 12  # cumulative months of pace, slowing
    pace_cov = np.clip((cov[:, -1] - cov[:, -13]) / 12 / 2, -0.05, 0.15)[:, None]
    pace_act = np.clip((act[:, -1] - act[:, -13]) / 12 / 2, -0.05, 0.25)[:, None]
    ext_cov = np.minimum(cov[:, -1:] + pace_cov * fade + _smooth_noise(rng, n, months, 0.12), 104.5)
    ext_act = act[:, -1:] + pace_act * fade + _smooth_noise(rng, n, months, 0.18)
    ext_act = np.minimum(ext_act, ext_cov - 3)
    return np.hstack([cov, ext_cov]), np.hstack([act, ext_act])


def pbi_deactivation_points(base_cov: np.ndarray) -> np.ndarray:
    """Percentage points of population made inactive by the DTSEN PBI JK deactivations (May 2025, Feb 2026), each
    fading as the quota is refilled: deactivated share of the quota x a nominal PBI share of registered (40 %)."""
    share = np.zeros(len(PERIODS))
    for month, persons in A.PBI_DEACTIVATIONS.items():
        m0 = PERIODS.get_loc(pd.Period(month, "M"))
        for k in range(A.PBI_RECOVERY_MONTHS):
            if m0 + k < len(PERIODS):
                share[m0 + k] += persons / A.PBI_QUOTA * (1 - k / A.PBI_RECOVERY_MONTHS)
    return base_cov * 0.40 * share[None, :]


def _smooth_noise(rng: np.random.Generator, n: int, t: int, scale: float) -> np.ndarray:
    """AR(1) noise with persistence, so monthly changes look like reporting wobble rather than static."""
    e = rng.normal(0, scale, (n, t))
    out = np.zeros((n, t))
    for j in range(1, t):
        out[:, j] = 0.7 * out[:, j - 1] + e[:, j]
    return out


def _count_for_pct(pct: float, population: int) -> int:
    """A whole count whose share of ``population`` rounds (2 decimals) to ``pct``."""
    guess = round(pct * population / 100)
    for c in (guess, guess - 1, guess + 1, guess - 2, guess + 2):
        if round(100 * c / population, 2) == round(pct, 2):
            return c
    raise ValueError(f"no whole count gives {pct}% of {population}")


class _Knots:
    """Whole-number registered/active counts at knot months, regions x knots, with the 'fixed' marks."""

    def __init__(self, base_cov: np.ndarray, base_act: np.ndarray, pops: np.ndarray, smooth: np.ndarray):
        self.k = [PERIODS.get_loc(p) for p in KNOTS]
        self.pop = pops[:, self.k]  # denominators at the knots (regions x knots)
        self.smooth = smooth[:, self.k]  # the smooth population the paths are drawn on
        self.reg = np.rint(base_cov[:, self.k] * self.smooth / 100).astype("int64")
        self.act = np.rint(base_act[:, self.k] * self.smooth / 100).astype("int64")
        self.fixed = np.zeros(self.reg.shape, dtype=bool)

    def col(self, period: str) -> int:
        return KNOTS.index(pd.Period(period, "M"))


def _anchor_counts(pops: np.ndarray, index: dict[str, int]) -> dict[tuple[int, int], tuple[int | None, int | None]]:
    """(region row, month column) -> (registered or None, active or None) that reproduce each anchor exactly."""
    out: dict[tuple[int, int], tuple[int | None, int | None]] = {}
    for a in A.ANCHORS:
        r, m = index[a.region_code], PERIODS.get_loc(pd.Period(a.period, "M"))
        pop = int(pops[r, m])
        reg = (
            a.registered
            if a.registered is not None
            else (_count_for_pct(a.coverage_pct, pop) if a.coverage_pct is not None else None)
        )
        act = (
            a.active
            if a.active is not None
            else (_count_for_pct(a.activity_pct, pop) if a.activity_pct is not None else None)
        )
        out[(r, m)] = (reg, act)
    return out


def _bend_to_anchors(
    base_cov: np.ndarray,
    base_act: np.ndarray,
    smooth: np.ndarray,
    anchor_counts: dict[tuple[int, int], tuple[int, int | None]],
) -> None:
    """Bend each anchored region's whole path through its anchors (level shifts interpolated between them)."""
    months = np.arange(len(PERIODS))
    for r in sorted({r for r, _ in anchor_counts}):
        points = sorted((m, v) for (rr, m), v in anchor_counts.items() if rr == r)
        cov_points = [(m, 100 * reg / smooth[r, m] - base_cov[r, m]) for m, (reg, _) in points if reg is not None]
        cov_at = {m: s for m, s in cov_points}
        if cov_points:
            cov_shift_path = np.interp(months, [m for m, _ in cov_points], [s for _, s in cov_points])
        else:
            cov_shift_path = np.zeros(len(months))
        act_points = [
            (m, cov_at.get(m, cov_shift_path[m]) if act is None else 100 * act / smooth[r, m] - base_act[r, m])
            for m, (_, act) in points
        ]
        base_cov[r] += cov_shift_path
        base_act[r] += np.interp(months, [m for m, _ in act_points], [s for _, s in act_points])


def _apply_anchors(kn: _Knots, anchor_counts: dict[tuple[int, int], tuple[int, int | None]]) -> None:
    """Set the anchors' exact counts at their knots and mark them fixed."""
    for (r, m), (reg, act) in anchor_counts.items():
        if m not in kn.k:
            continue  # not a knot month: set on the finished path (:func:`_set_anchors`)
        j = kn.k.index(m)
        if reg is not None:
            kn.reg[r, j] = reg
        kn.act[r, j] = act if act is not None else min(kn.act[r, j], kn.reg[r, j] - int(0.03 * kn.pop[r, j]))
        kn.fixed[r, j] = True


def _set_anchors(
    reg: np.ndarray, active: np.ndarray, pops: np.ndarray, anchor_counts: dict[tuple[int, int], tuple]
) -> None:
    """The anchors' exact counts on the finished paths (the bent paths already pass within rounding of them)."""
    for (r, m), (a_reg, a_act) in anchor_counts.items():
        if a_reg is not None:
            reg[r, m] = a_reg
        active[r, m] = a_act if a_act is not None else min(active[r, m], reg[r, m] - int(0.03 * pops[r, m]))


def _meets(count: np.ndarray, pop: np.ndarray, pct: float) -> np.ndarray:
    return count * 10_000 >= pop * int(round(pct * 100))


def _fix_threshold_count(
    kn: _Knots, j: int, want: int, cov_min: float, act_min: float | None, rng: np.random.Generator
) -> None:
    """Move the marginal free regions across the threshold until exactly ``want`` regions meet it."""
    pop = kn.pop[:, j]
    for _ in range(1000):
        met = _meets(kn.reg[:, j], pop, cov_min)
        if act_min is not None:
            met &= _meets(kn.act[:, j], pop, act_min)
        diff = int(met.sum()) - want
        if diff == 0:
            return
        free = ~kn.fixed[:, j]
        margin_cov = 100 * kn.reg[:, j] / pop - cov_min
        margin = margin_cov if act_min is None else np.minimum(margin_cov, 100 * kn.act[:, j] / pop - act_min)
        if diff > 0:  # push the weakest of those meeting it just below
            r = np.where(met & free, margin, np.inf).argmin()
            if act_min is None or margin_cov[r] <= margin[r]:
                kn.reg[r, j] = int(pop[r] * (cov_min - rng.uniform(0.05, 0.6)) / 100)
                kn.act[r, j] = min(kn.act[r, j], kn.reg[r, j] - int(0.1 * pop[r]))
            else:
                kn.act[r, j] = int(pop[r] * (act_min - rng.uniform(0.05, 0.6)) / 100)
        else:  # lift the closest of those missing it just above
            r = np.where(~met & free, -margin, np.inf).argmin()
            kn.reg[r, j] = max(kn.reg[r, j], int(np.ceil(pop[r] * (cov_min + rng.uniform(0.05, 0.6)) / 100)))
            if act_min is not None:
                kn.act[r, j] = max(kn.act[r, j], int(np.ceil(pop[r] * (act_min + rng.uniform(0.05, 0.6)) / 100)))
        kn.fixed[r, j] = True
    raise RuntimeError("threshold count did not converge")


def _fix_total(counts: np.ndarray, pop: np.ndarray, movable: np.ndarray, target: int) -> None:
    """Spread ``target - sum`` over the movable regions in proportion to population; the last persons go to one."""
    residual = target - int(counts.sum())
    share = np.where(movable, pop, 0) / np.where(movable, pop, 0).sum()
    step = np.floor(share * residual).astype("int64")
    counts += step
    counts[np.where(movable, pop, -1).argmax()] += target - int(counts.sum())


def _steer_national(kn: _Knots, rng: np.random.Generator) -> None:
    """Reach the published national totals and threshold counts at their knot months."""
    j = kn.col("2023-12")
    _scale_to(kn.reg[:, j], kn.pop[:, j], ~kn.fixed[:, j], A.NATIONAL_REGISTERED_2023_12)
    _fix_threshold_count(kn, j, A.REGIONS_AT_95_2023_12, 95.0, None, rng)
    cov = 100 * kn.reg[:, j] / kn.pop[:, j]
    _fix_total(kn.reg[:, j], kn.pop[:, j], ~kn.fixed[:, j] & (np.abs(cov - 95) > 1.5), A.NATIONAL_REGISTERED_2023_12)
    kn.act[:, j] = np.minimum(kn.act[:, j], kn.reg[:, j] - (kn.pop[:, j] * 0.03).astype("int64"))

    j = kn.col("2025-08")
    _fix_threshold_count(kn, j, A.REGIONS_AT_98_80_2025_08, 98.0, 80.0, rng)

    j = kn.col("2025-12")
    free = ~kn.fixed[:, j]
    _scale_to(kn.reg[:, j], kn.pop[:, j], free, A.NATIONAL_REGISTERED_2025_12)
    _fix_total(kn.reg[:, j], kn.pop[:, j], free, A.NATIONAL_REGISTERED_2025_12)
    target_active = _count_for_pct(A.NATIONAL_ACTIVITY_2025_12, int(kn.pop[:, j].sum()))
    _scale_to(kn.act[:, j], kn.pop[:, j], free, target_active)
    _fix_total(kn.act[:, j], kn.pop[:, j], free, target_active)


def _scale_to(counts: np.ndarray, pop: np.ndarray, movable: np.ndarray, target: int) -> None:
    """Shift the movable regions' percentages by one common number of points so the total is near ``target``."""
    residual = target - int(counts.sum())
    points = residual / pop[movable].sum()
    counts[movable] += np.rint(points * pop[movable]).astype("int64")


def _level_to_national(base: np.ndarray, smooth: np.ndarray, targets: dict[str, int]) -> None:
    """Shift every region's path by common percentage points (interpolated in time) toward national totals."""
    months = [PERIODS.get_loc(pd.Period(p, "M")) for p in targets]
    deltas = [
        100 * (t - (base[:, m] * smooth[:, m] / 100).sum()) / smooth[:, m].sum()
        for m, t in zip(months, targets.values(), strict=True)
    ]
    base += np.interp(np.arange(len(PERIODS)), months, deltas)[None, :]


def _paths_through_knots(base: np.ndarray, knot_counts: np.ndarray, kn: _Knots) -> np.ndarray:
    """Base percentages plus a piecewise-linear correction that meets the knot counts exactly."""
    correction_at_knots = 100 * knot_counts / kn.smooth - base[:, kn.k]
    months = np.arange(len(PERIODS))
    corr = np.vstack([np.interp(months, kn.k, c) for c in correction_at_knots])
    return base + corr


def _split(total: np.ndarray, weights: np.ndarray, cap: np.ndarray | None = None) -> np.ndarray:
    """Split whole ``total`` per row in proportion to ``weights`` (largest remainder), never above ``cap``."""
    w = weights.astype("float64").copy()
    alloc = np.zeros_like(w)
    remaining = total.astype("float64").copy()
    open_ = np.ones_like(w, dtype=bool)
    for _ in range(w.shape[1]):
        ws = np.where(open_, w, 0)
        s = ws.sum(axis=1, keepdims=True)
        part = np.divide(ws, s, out=np.zeros_like(ws), where=s > 0) * remaining[:, None]
        if cap is None:
            alloc += part
            break
        over = open_ & (alloc + part > cap)
        if not over.any():
            alloc += part
            break
        alloc = np.where(over, cap, alloc)
        open_ &= ~over
        remaining = total - alloc.sum(axis=1)
    floor = np.floor(alloc + 1e-9).astype("int64")
    short = (total - floor.sum(axis=1)).astype("int64")
    frac = alloc - floor
    if cap is not None:
        frac = np.where(floor >= cap, -1, frac)
    order = np.argsort(-frac, axis=1)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(w.shape[1])[None, :].repeat(len(w), 0), axis=1)
    return floor + (ranks < short[:, None]).astype("int64")


def _inactive_rates(reg_s: np.ndarray, inactive: np.ndarray, base: np.ndarray) -> np.ndarray:
    """Inactive rate per segment: the baseline rates moved by one common log-odds shift per row, so segments keep
    their ordering (mandiri worst, PBI best) while the row's total inactive count is met."""
    logit = np.log(base / (1 - base))[None, :]
    lo, hi = np.full(len(reg_s), -12.0), np.full(len(reg_s), 12.0)
    for _ in range(60):
        mid = (lo + hi) / 2
        expected = (reg_s / (1 + np.exp(-(logit + mid[:, None])))).sum(axis=1)
        too_many = expected > inactive
        hi = np.where(too_many, mid, hi)
        lo = np.where(too_many, lo, mid)
    return 1 / (1 + np.exp(-(logit + ((lo + hi) / 2)[:, None])))


def _segment_shares(rng: np.random.Generator, regions: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Shares of registered by segment at the first and last month, regions x segments (codes' order)."""
    n = len(regions)
    kota = (regions.kind == "kota").to_numpy()
    papua = regions.province_code.isin(PAPUA).to_numpy()
    pbi = np.clip(np.where(kota, rng.normal(0.30, 0.05, n), rng.normal(0.46, 0.07, n)) + 0.12 * papua, 0.18, 0.70)
    pemda = np.clip(rng.normal(0.14, 0.05, n), 0.03, 0.30)
    ppu = np.clip(np.where(kota, rng.normal(0.36, 0.06, n), rng.normal(0.19, 0.05, n)), 0.06, 0.5)
    bp = np.clip(rng.normal(0.025, 0.007, n), 0.008, 0.05)
    mandiri = np.clip(1 - pbi - pemda - ppu - bp, 0.06, None)
    start = np.column_stack([pbi, pemda, ppu, mandiri, bp])
    start /= start.sum(axis=1, keepdims=True)
    end = start.copy()
    end[:, 1] += rng.uniform(0.01, 0.05, n)  # regencies enrol residents as PBPU Pemda to reach UHC
    end /= end.sum(axis=1, keepdims=True)
    return start, end


def generate(seed: int = SEED) -> pd.DataFrame:
    """Build the illustrative panel (tidy: region_code, period, segment, population, registered, active)."""
    rng = np.random.default_rng(seed)
    regions = reference.regions()
    codes = regions.region_code.tolist()
    index = {c: i for i, c in enumerate(codes)}
    sem = semester_populations(rng, regions)
    pops = np.column_stack([sem[semester_of(p)].to_numpy() for p in PERIODS])  # regions x months

    base_cov, base_act = base_paths(rng, regions)
    rng_ext = np.random.default_rng(seed + EXTENSION_SEED_OFFSET)
    base_cov, base_act = extend_paths(rng_ext, base_cov, base_act, len(PERIODS) - FIRST_RUN_MONTHS)
    smooth = smooth_populations(pops)
    nat_active = _count_for_pct(A.NATIONAL_ACTIVITY_2025_12, int(pops[:, PERIODS.get_loc(KNOTS[-1])].sum()))
    _level_to_national(
        base_cov, smooth, {"2023-12": A.NATIONAL_REGISTERED_2023_12, "2025-12": A.NATIONAL_REGISTERED_2025_12}
    )
    _level_to_national(base_act, smooth, {"2025-12": nat_active})
    anchor_counts = _anchor_counts(pops, index)
    dip_pp = pbi_deactivation_points(base_cov)
    base_act -= dip_pp
    _bend_to_anchors(base_cov, base_act, smooth, anchor_counts)
    base_act = np.minimum(base_act, base_cov - 3)
    kn = _Knots(base_cov, base_act, pops, smooth)
    _apply_anchors(kn, anchor_counts)
    r, j = index["17.07"], kn.col("2024-07")  # Lebong's inactive share reads 25.30 like its account
    assert round(100 * (kn.reg[r, j] - kn.act[r, j]) / kn.pop[r, j], 2) == 25.30
    _steer_national(kn, rng)
    lowest = index[A.LOWEST_2023_12]
    j = kn.col("2023-12")
    assert (kn.reg[:, j] * kn.pop[lowest, j] > kn.reg[lowest, j] * kn.pop[:, j]).sum() == len(codes) - 1

    cov = _paths_through_knots(base_cov, kn.reg, kn)
    act = _paths_through_knots(base_act, kn.act, kn)
    reg = np.rint(cov * smooth / 100).astype("int64")
    active = np.rint(act * smooth / 100).astype("int64")
    reg[:, kn.k], active[:, kn.k] = kn.reg, kn.act
    _set_anchors(reg, active, pops, anchor_counts)
    active = np.minimum(active, reg)
    dips = np.minimum(np.rint(dip_pp * smooth / 100).astype("int64"), active)  # PBI made inactive by DTSEN

    segs = segments.segment_codes()
    # segment shares from a stream of their own, so adding an anchor (which changes the steering's draws) does not
    # reshuffle every region's segments
    start, end = _segment_shares(np.random.default_rng(seed + SEGMENT_SEED_OFFSET), regions)
    _steer_pemda(start, end, kn, index)
    frac = np.minimum(np.arange(len(PERIODS)) / (FIRST_RUN_MONTHS - 1), 1.0)  # shares settle after 2025
    base_inactive = 1 - np.array([ACTIVE_RATE[s] for s in segs])
    rows = []
    for m, period in enumerate(PERIODS):
        share = start * (1 - frac[m]) + end * frac[m]
        pemda_pins = _pemda_pins(period, kn, index)
        reg_s = _split(reg[:, m], share)
        for r, count in pemda_pins.items():
            reg_s[r] = _with_pemda(int(reg[r, m]), share[r], count)
        # the DTSEN deactivations are PBI JK made inactive; the rest of the inactive spread by segment rates
        pbi = segs.index("pbi_apbn")
        dtsen = np.minimum(dips[:, m], reg_s[:, pbi])
        other_inactive = np.maximum(reg[:, m] - active[:, m] - dtsen, 0)
        dtsen = reg[:, m] - active[:, m] - other_inactive
        room = reg_s.copy()
        room[:, pbi] -= dtsen
        rates = _inactive_rates(room, other_inactive, base_inactive)
        inact_s = _split(other_inactive, room * rates, cap=room)
        inact_s[:, pbi] += dtsen
        act_s = reg_s - inact_s
        frame = pd.DataFrame(
            {
                "region_code": np.repeat(codes, len(segs)),
                "period": str(period),
                "segment": np.tile(segs, len(codes)),
                "population": np.repeat(pops[:, m], len(segs)),
                "registered": reg_s.ravel(),
                "active": act_s.ravel(),
            }
        )
        rows.append(frame)
    panel = pd.concat(rows, ignore_index=True)
    assert (panel.active >= 0).all() and (panel.active <= panel.registered).all()
    return panel


def _steer_pemda(start: np.ndarray, end: np.ndarray, kn: _Knots, index: dict[str, int]) -> None:
    """Give regions with a PBPU Pemda story a starting share consistent with it."""
    for a in A.ANCHORS:
        if a.pemda_pct is None:
            continue
        r = index[a.region_code]
        start[r, 1] = 0.17
        end[r, 1] = a.pemda_pct / 100 + 0.01
        for row in (start, end):
            others = [0, 2, 3, 4]
            row[r, others] *= (1 - row[r, 1]) / row[r, others].sum()


def _pemda_pins(period: pd.Period, kn: _Knots, index: dict[str, int]) -> dict[int, int]:
    out = {}
    for a in A.ANCHORS:
        if a.pemda_pct is not None and pd.Period(a.period, "M") == period:
            r = index[a.region_code]
            out[r] = round(a.pemda_pct / 100 * int(kn.pop[r, kn.col(a.period)]))
    return out


def _with_pemda(total: int, share: np.ndarray, pemda: int) -> list[int]:
    """Segment counts summing to ``total`` with exactly ``pemda`` in PBPU Pemda, others in proportion."""
    others = _split(np.array([total - pemda]), np.delete(share, 1)[None, :]).ravel().tolist()
    return [others[0], pemda, *others[1:]]


def write_panel(path: Path = EMBEDDED_PANEL, seed: int = SEED) -> Path:
    """Generate the panel and write it as CSV atomically (temporary file, then rename)."""
    panel = generate(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    panel.to_csv(tmp, index=False)
    tmp.replace(path)
    return path
