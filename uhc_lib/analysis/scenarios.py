"""Scenarios: levers a regency can pull (enrol, reactivate, CSR, clean data, take over) and where they lead.

A lever adds persons at a monthly ``pace`` from its ``start`` month until its ``cap`` (total persons) is reached.
Levers in a :class:`Scenario` add up; each month they act in the order listed, each seeing the state the previous
left. A simulation starts from one region-month (month 0) and projects ``months`` months; the population is held
at its start value (the Dukcapil semester updates are not modelled, unlike the brief's percentage-pace projection),
and nothing else changes unless a lever says so (the :class:`CurrentPace` lever carries on the recent trend).

Costs are rupiah per month by payer (regency, province, participant, csr, central): premiums from
``data/rules/premiums.csv`` in force in each projected month, for every person a lever has added so far (a person
added in a month is paid for from that month), plus one-off costs (arrears) in the month a person is added. Where the
province shares the PBPU Pemda premium (``data/rules/pemda_cost_sharing.csv``: Riau, DKI Jakarta, Kab. Serang) the
levers that pay it (enrolment, take-over, removed PBPU Pemda) are split between regency and province. The central
government's share of the mandiri class III premium is not counted.

Reactivation levers draw on the inactive participants of their segment (known when the start comes from a brief
with a segment breakdown) and never make active exceed registered.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from uhc_lib.analysis import budget, trends
from uhc_lib.analysis.brief import BriefFigures, Target
from uhc_lib.common.lang import check_lang
from uhc_lib.rules import criteria, premiums
from uhc_lib.rules.indicators import meets

PEMDA = "pbpu_pemda"
COST_PAYERS = ("regency", "province", "participant", "csr", "central")
ARREARS_CAP_MONTHS = budget.ARREARS_CAP_MONTHS


@dataclass(frozen=True)
class State:
    """Counts of one region in one month; ``inactive_by_segment`` is empty when the data has no breakdown."""

    period: pd.Period
    population: int
    registered: int
    active: int
    pemda_registered: int | None = None
    inactive_by_segment: Mapping[str, int] = field(default_factory=dict)
    region_code: str = ""
    region_name: str = ""
    illustrative: bool = False


def start_state(fig: BriefFigures) -> State:
    """The brief's month as a simulation start."""
    seg = fig.segments
    inactive = {str(s): int(n) for s, n in zip(seg["segment"], seg["inactive"], strict=True)} if len(seg) else {}
    pemda = int(seg.loc[seg["segment"] == PEMDA, "registered"].sum()) if len(seg) else None
    return State(
        period=fig.period,
        population=fig.population,
        registered=fig.registered,
        active=fig.active,
        pemda_registered=pemda,
        inactive_by_segment=inactive,
        region_code=fig.region_code,
        region_name=fig.region_name,
        illustrative=fig.illustrative,
    )


@dataclass
class _Running:
    """Mutable counts during a simulation."""

    registered: int
    active: int
    pemda: int | None
    pools: dict[str, int]

    @property
    def inactive(self) -> int:
        return self.registered - self.active


@dataclass(frozen=True)
class Lever:
    """Base of the levers: ``pace`` persons a month from ``start`` (default: the first projected month) until ``cap``
    persons in all (None: no cap). ``cost_per_person_month`` overrides the premium rules for the main payer."""

    pace: int
    start: pd.Period | str | None = None
    cap: int | None = None
    cost_per_person_month: int | None = None
    payer: str = "regency"

    segment = None  # the segment whose inactive participants the lever draws on (None: none)
    registered_effect, active_effect, pemda_effect = 0, 0, 0
    pays_pemda_premium = False  # the regency's cost is the PBPU Pemda premium, which a province may share

    def __post_init__(self) -> None:
        if self.pace < 0 or (self.cap is not None and self.cap < 0):
            raise ValueError(f"{type(self).__name__}: pace and cap must not be negative")
        if self.payer not in COST_PAYERS:
            raise ValueError(f"{type(self).__name__}: payer must be one of {COST_PAYERS}, got {self.payer!r}")
        if self.start is not None:
            object.__setattr__(self, "start", pd.Period(self.start, "M"))

    def available(self, s: _Running) -> int | None:
        """Most persons the lever can add this month given the state (None: no limit)."""
        return None

    def take(self, s: _Running, added: int, cum: int) -> None:
        """Apply ``added`` persons (``cum`` in all so far, including them) to the running counts."""
        s.registered += self.registered_effect * added
        s.active += self.active_effect * added
        if s.pemda is not None:
            s.pemda += self.pemda_effect * added

    def monthly_costs(self, period: pd.Period, cum: int) -> dict[str, int]:
        """Recurring rupiah this month for the ``cum`` persons added so far, by payer."""
        return {}

    def one_off_costs(self, period: pd.Period, added: int) -> dict[str, int]:
        """One-off rupiah for the persons added this month, by payer."""
        return {}

    def _main(self, rule: int) -> int:
        return rule if self.cost_per_person_month is None else int(self.cost_per_person_month)


def _pool(s: _Running, segment: str | None) -> int:
    """Inactive participants a reactivation can draw on: the segment's if known, never more than all inactive."""
    total = max(0, s.inactive)
    return total if segment is None or segment not in s.pools else min(total, max(0, s.pools[segment]))


@dataclass(frozen=True)
class EnrolUnregistered(Lever):
    """Residents not yet registered (e.g. found by matching with the social office, or enrolled when they come to a
    clinic, hospital or puskesmas) registered as PBPU Pemda: registered +n, active +n (same day under UHC
    Prioritas), the regency (``payer``) paying the class III premium from then on."""

    registered_effect, active_effect, pemda_effect = 1, 1, 1
    pays_pemda_premium = True

    def monthly_costs(self, period: pd.Period, cum: int) -> dict[str, int]:
        return {self.payer: cum * self._main(premiums.pemda_premium(period))}


@dataclass(frozen=True)
class _Reactivation(Lever):
    segment: str = "pbpu_mandiri"
    active_effect = 1

    def available(self, s: _Running) -> int | None:
        return _pool(s, self.segment)

    def take(self, s: _Running, added: int, cum: int) -> None:
        super().take(s, added, cum)
        if self.segment in s.pools:
            s.pools[self.segment] -= added


@dataclass(frozen=True)
class ReactivateArrears(_Reactivation):
    """Self-paying participants in arrears reactivated: active +n. The arrears, ``arrears_months`` (capped at 24,
    Perpres 64/2020) x the participant's share of the class premium, are paid once by ``payer`` (participant, csr or
    regency); then the participant pays their own share (main cost) and, for class III, the regency its regional
    share (Rp2,800 from 2021)."""

    payer: str = "participant"
    klass: int = 3
    arrears_months: int = 12

    def monthly_costs(self, period: pd.Period, cum: int) -> dict[str, int]:
        share = premiums.premium_breakdown(self.segment, self.klass, period)
        return {"participant": cum * self._main(share.get("participant", 0)), "regency": cum * share.get("regency", 0)}

    def one_off_costs(self, period: pd.Period, added: int) -> dict[str, int]:
        own = premiums.monthly_premium(self.segment, self.klass, period, payer="participant")
        return {self.payer: added * own * min(self.arrears_months, ARREARS_CAP_MONTHS)}


@dataclass(frozen=True)
class CsrSponsorship(_Reactivation):
    """Companies' CSR funds pay the participant's share of the premium for inactive self-paying residents:
    active +n; the cost is the company's (``payer`` csr), plus the regency's regional share for class III."""

    payer: str = "csr"
    klass: int = 3

    def monthly_costs(self, period: pd.Period, cum: int) -> dict[str, int]:
        share = premiums.premium_breakdown(self.segment, self.klass, period)
        return {self.payer: cum * self._main(share.get("participant", 0)), "regency": cum * share.get("regency", 0)}


@dataclass(frozen=True)
class TakeOverInactive(_Reactivation):
    """Inactive participants of ``segment`` taken over by the regency as PBPU Pemda (PBI APBN deactivated by the
    Ministry of Social Affairs, PPU whose employment ended), or inactive PBPU Pemda paid for again: active +n and,
    unless already PBPU Pemda, registered by the Pemda +n; the regency pays the class III premium."""

    segment: str = "pbi_apbn"
    pays_pemda_premium = True

    def take(self, s: _Running, added: int, cum: int) -> None:
        super().take(s, added, cum)
        if s.pemda is not None and self.segment != PEMDA:
            s.pemda += added

    def monthly_costs(self, period: pd.Period, cum: int) -> dict[str, int]:
        return {self.payer: cum * self._main(premiums.pemda_premium(period))}


@dataclass(frozen=True)
class ReactivatePbiDinsos(_Reactivation):
    """PBI JK deactivated in the DTSEN update who are poor go back through the Dinas Sosial (a health facility's
    letter, verified and submitted in SIKS-NG; active the same day when complete): active +n, the central government
    paying the PBI premium again; free to the regency. ``pace``: how many the Dinas Sosial processes a month."""

    segment: str = "pbi_apbn"
    payer: str = "central"

    def monthly_costs(self, period: pd.Period, cum: int) -> dict[str, int]:
        return {self.payer: cum * self._main(premiums.monthly_premium("pbi_apbn", 3, period, payer="central"))}


@dataclass(frozen=True)
class CleanData(Lever):
    """Participants who are no longer residents (deceased, moved away, registered twice) removed: registered -n; of
    them a share ``active_share`` was counted active (active falls by that many).

    The population does not change (it is Dukcapil's count), so cleaning **lowers coverage** by n/population and
    leaves activity unchanged when only inactive participants are removed (lower if active ones are): it does not
    help meet a criterion. It matters because coverage above 100 % hides residents who are not registered, raises
    the active share of registered, and, when the removed were paid-for PBPU Pemda participants (``segment``
    pbpu_pemda, counted active), saves the regency their premium (a negative cost). Removals of inactive
    participants draw on the segment's inactive pool.
    """

    segment: str | None = None
    active_share: float = 0.0
    pays_pemda_premium = True

    def __post_init__(self) -> None:
        super().__post_init__()
        if not 0 <= self.active_share <= 1:
            raise ValueError(f"CleanData: active_share is a share between 0 and 1, got {self.active_share}")

    def _active(self, cum: int) -> int:
        return math.floor(cum * self.active_share)

    def available(self, s: _Running) -> int | None:
        if self.active_share == 0:
            return _pool(s, self.segment)
        return max(0, s.registered)

    def take(self, s: _Running, added: int, cum: int) -> None:
        removed_active = self._active(cum) - self._active(cum - added)
        s.registered -= added
        s.active -= removed_active
        if s.pemda is not None and self.segment == PEMDA:
            s.pemda -= added
        if self.segment in s.pools:
            s.pools[self.segment] -= added - removed_active

    def monthly_costs(self, period: pd.Period, cum: int) -> dict[str, int]:
        if self.segment != PEMDA:
            return {}
        return {self.payer: -self._active(cum) * self._main(premiums.pemda_premium(period))}


def lever_costs(
    lever: Lever, period: pd.Period, cum: int, added: int, province_share: float = 0.0
) -> tuple[dict[str, int], dict[str, int]]:
    """A lever's recurring and one-off rupiah this month by payer, the PBPU Pemda premium it pays split between
    regency and province by ``province_share`` (0..1; the province's part rounded to the rupiah)."""
    recurring = dict(lever.monthly_costs(period, cum))
    if lever.pays_pemda_premium and province_share and "regency" in recurring:
        province = int(round(recurring["regency"] * province_share))
        recurring["regency"] -= province
        recurring["province"] = recurring.get("province", 0) + province
    return recurring, lever.one_off_costs(period, added)


def region_province_share(region_code: str) -> float:
    """The province's share of the region's PBPU Pemda premium (0 for a start without a region code)."""
    return premiums.province_share(region_code) if region_code else 0.0


@dataclass(frozen=True)
class CurrentPace:
    """The recent trend carried on: registered and active change by their average monthly change in persons
    (fractions accumulate and are rounded, so 1.5 a month adds 3 every two months). No cost is attributed."""

    registered_per_month: float
    active_per_month: float
    start: pd.Period | str | None = None
    segment = None

    def __post_init__(self) -> None:
        if self.start is not None:
            object.__setattr__(self, "start", pd.Period(self.start, "M"))


def current_pace(fig: BriefFigures, window: int | None = None) -> CurrentPace:
    """The brief's recent pace in persons a month (``trends.pace`` of registered and active over ``window`` months,
    default the brief's pace window); 0 where the history is too short."""
    w = window or fig.pace_months
    h = fig.history
    reg, act = (trends.pace(h, col, w).iloc[-1] for col in ("registered", "active"))
    return CurrentPace(0.0 if pd.isna(reg) else float(reg), 0.0 if pd.isna(act) else float(act))


@dataclass(frozen=True)
class Scenario:
    """A named set of levers that act together."""

    name: str
    levers: tuple = ()
    description: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "levers", tuple(self.levers))


def _as_state(start: BriefFigures | State) -> State:
    return start_state(start) if isinstance(start, BriefFigures) else start


def simulate(
    start: BriefFigures | State,
    scenario: Scenario,
    months: int = 24,
    criteria_year: int | None = None,
    province_share: float | None = None,
) -> pd.DataFrame:
    """Monthly path of ``scenario`` from ``start`` (month 0) for ``months`` months.

    Columns: period, month, population (held), registered, active, pemda_registered, inactive, coverage_pct,
    activity_pct, status (the best criterion met under each month's year, or ``criteria_year`` for all),
    ``cost_<payer>_rp`` (that month), ``cum_cost_<payer>_rp``, ``recurring_regency_rp`` and
    ``recurring_province_rp`` (their recurring cost that month) and ``persons_<i>`` (persons lever i has added so far).
    ``province_share``: the province's share of the PBPU Pemda premium (default: the region's rule).
    """
    st = _as_state(start)
    if months < 0:
        raise ValueError(f"months must not be negative, got {months}")
    share = region_province_share(st.region_code) if province_share is None else float(province_share)
    if not 0 <= share <= 1:
        raise ValueError(f"province_share is a share between 0 and 1, got {share}")
    run = _Running(st.registered, st.active, st.pemda_registered, dict(st.inactive_by_segment))
    first = st.period + 1
    done = [0] * len(scenario.levers)
    rows = [_row(st.period, 0, st, run, {}, {}, done)]
    for m in range(1, months + 1):
        period = st.period + m
        costs: dict[str, int] = {}
        recurring: dict[str, int] = {}
        for i, lever in enumerate(scenario.levers):
            begin = lever.start or first
            if period < begin:
                continue
            if isinstance(lever, CurrentPace):
                k = (period - begin).n + 1
                for attr, rate in (("registered", lever.registered_per_month), ("active", lever.active_per_month)):
                    setattr(run, attr, getattr(run, attr) + round(rate * k) - round(rate * (k - 1)))
                run.registered = max(0, run.registered)
                run.active = min(max(0, run.active), run.registered)
                continue
            limit = lever.available(run)
            room = lever.pace if lever.cap is None else min(lever.pace, lever.cap - done[i])
            added = max(0, room if limit is None else min(room, limit))
            done[i] += added
            lever.take(run, added, done[i])
            monthly, one_off = lever_costs(lever, period, done[i], added, share)
            for payer, rp in monthly.items():
                costs[payer] = costs.get(payer, 0) + rp
                recurring[payer] = recurring.get(payer, 0) + rp
            for payer, rp in one_off.items():
                costs[payer] = costs.get(payer, 0) + rp
        rows.append(_row(period, m, st, run, costs, recurring, done))
    path = pd.DataFrame(rows)
    for p in COST_PAYERS:
        path[f"cum_cost_{p}_rp"] = path[f"cost_{p}_rp"].cumsum()
    path["pemda_registered"] = path["pemda_registered"].astype("Int64")
    path = _with_status(path, criteria_year)
    path.attrs.update(
        scenario=scenario.name,
        region_code=st.region_code,
        region_name=st.region_name,
        illustrative=st.illustrative,
        province_share=share,
    )
    return path


def _row(period, m, st: State, run: _Running, costs, recurring, done) -> dict:
    row = {
        "period": period,
        "month": m,
        "population": st.population,
        "registered": run.registered,
        "active": run.active,
        "pemda_registered": run.pemda,
        "inactive": run.registered - run.active,
        "coverage_pct": 100 * run.registered / st.population,
        "activity_pct": 100 * run.active / st.population,
    }
    row |= {f"cost_{p}_rp": int(costs.get(p, 0)) for p in COST_PAYERS}
    row["recurring_regency_rp"] = int(recurring.get("regency", 0))
    row["recurring_province_rp"] = int(recurring.get("province", 0))
    row |= {f"persons_{i}": n for i, n in enumerate(done)}
    return row


def relevant_years(path: pd.DataFrame, criteria_year: int | None = None) -> list[int]:
    """The rule years in force over the path's months (or just ``criteria_year``'s)."""
    if criteria_year is not None:
        return [criteria.rules_year(criteria_year)]
    return sorted({criteria.rules_year(int(y)) for y in path["period"].dt.year.unique()})


def _with_status(path: pd.DataFrame, criteria_year: int | None) -> pd.DataFrame:
    years = path["period"].dt.year if criteria_year is None else pd.Series(criteria_year, index=path.index)
    status = pd.Series("", index=path.index, dtype=object)
    rules = pd.Series(0, index=path.index)
    for year, idx in path.groupby(years.to_numpy()).groups.items():
        evaluated = criteria.evaluate(path.loc[idx], int(year))
        status.loc[idx] = evaluated["status"]
        rules.loc[idx] = evaluated["criteria_year"]
    out = path.copy()
    out["criteria_year"] = rules.astype("int64")
    out["status"] = status
    return out


def _first(path: pd.DataFrame, met: np.ndarray) -> pd.Period | None:
    return path["period"].iloc[int(np.argmax(met))] if met.any() else None


def milestones(path: pd.DataFrame, criteria_year: int | None = None) -> pd.DataFrame:
    """For every criterion of the years the path spans: the first month its minimums are met by the counts
    (exact comparison; the start month if already met there), or None within the horizon, and whether it is met
    at the end; also the first month each of its minimums is met on its own.

    Columns: criteria_year, criterion, label_id, label_en, min_coverage_pct, min_activity_pct, reached, months,
    met_at_end, coverage_reached, activity_reached.
    """
    rows = []
    for year in relevant_years(path, criteria_year):
        evaluated = criteria.evaluate(path, year)
        for t in criteria.targets(year).itertuples():
            met = evaluated[f"meets_{t.criterion}"].to_numpy()
            cov = None if pd.isna(t.min_coverage_pct) else float(t.min_coverage_pct)
            act = None if pd.isna(t.min_activity_pct) else float(t.min_activity_pct)
            reached = _first(path, met)
            rows.append(
                {
                    "criteria_year": year,
                    "criterion": t.criterion,
                    "label_id": t.label_id,
                    "label_en": t.label_en,
                    "min_coverage_pct": cov,
                    "min_activity_pct": act,
                    "reached": reached,
                    "months": None if reached is None else (reached - path["period"].iloc[0]).n,
                    "met_at_end": bool(met[-1]),
                    "coverage_reached": None
                    if cov is None
                    else _first(path, meets(path["registered"], path["population"], cov)),
                    "activity_reached": None
                    if act is None
                    else _first(path, meets(path["active"], path["population"], act)),
                }
            )
    out = pd.DataFrame(rows)
    out["months"] = out["months"].astype("Int64")
    return out


def cost_summary(path: pd.DataFrame) -> dict[str, int]:
    """``regency_first_year_rp`` (all regency costs of the first 12 projected months), ``regency_yearly_rp`` (the
    regency's recurring cost of the last month x 12: the yearly cost once the levers are in place), the same two for
    the province (``province_first_year_rp``, ``province_yearly_rp``: its share of the PBPU Pemda premium) and
    ``total_<payer>_rp`` over the whole path."""
    projected = path[path["month"] > 0]
    out = {
        "regency_first_year_rp": int(projected["cost_regency_rp"].head(12).sum()),
        "regency_yearly_rp": int(path["recurring_regency_rp"].iloc[-1]) * 12,
        "province_first_year_rp": int(projected["cost_province_rp"].head(12).sum()),
        "province_yearly_rp": int(path["recurring_province_rp"].iloc[-1]) * 12,
    }
    out |= {f"total_{p}_rp": int(path[f"cost_{p}_rp"].sum()) for p in COST_PAYERS}
    return out


def reached_column(year: int, criterion: str) -> str:
    """Name of the compare-table column holding the month ``criterion`` of ``year`` is reached."""
    return f"reached_{criteria.rules_year(year)}_{criterion}"


def run(
    scenarios: Iterable[Scenario], start: BriefFigures | State, months: int = 24, criteria_year: int | None = None
) -> dict[str, pd.DataFrame]:
    """Paths of several scenarios from the same start, by scenario name."""
    st = _as_state(start)
    paths = {}
    for sc in scenarios:
        if sc.name in paths:
            raise ValueError(f"two scenarios are named {sc.name!r}")
        paths[sc.name] = simulate(st, sc, months, criteria_year)
    return paths


def compare_paths(paths: Mapping[str, pd.DataFrame], criteria_year: int | None = None) -> pd.DataFrame:
    """One row per scenario: end counts and shares, the month each criterion is reached
    (``reached_<year>_<criterion>``, None if not within the horizon) and the costs of :func:`cost_summary`."""
    rows = []
    for name, path in paths.items():
        end = path.iloc[-1]
        row: dict[str, object] = {
            "scenario": name,
            "end_period": end["period"],
            "horizon_months": int(end["month"]),
            "registered_end": int(end["registered"]),
            "active_end": int(end["active"]),
            "coverage_pct_end": float(end["coverage_pct"]),
            "activity_pct_end": float(end["activity_pct"]),
        }
        for m in milestones(path, criteria_year).itertuples():
            row[reached_column(m.criteria_year, m.criterion)] = m.reached
        row |= cost_summary(path)
        rows.append(row)
    return pd.DataFrame(rows)


def compare(
    scenarios: Iterable[Scenario], start: BriefFigures | State, months: int = 24, criteria_year: int | None = None
) -> pd.DataFrame:
    """Scenarios side by side (see :func:`compare_paths`)."""
    return compare_paths(run(scenarios, start, months, criteria_year), criteria_year)


NAMES = {
    "id": {
        "baseline": "Laju saat ini",
        "enrol": "Pemda mendaftarkan penduduk",
        "mandiri": "Reaktivasi mandiri dan CSR",
        "combined": "Kombinasi",
    },
    "en": {
        "baseline": "Current pace",
        "enrol": "Regency enrols residents",
        "mandiri": "Mandiri reactivation and CSR",
        "combined": "Combination",
    },
}
DESCRIPTIONS = {
    "id": {
        "baseline": "Tren {n} bulan terakhir berlanjut (peserta terdaftar dan aktif, dalam jiwa per bulan).",
        "enrol": "Penduduk yang belum terdaftar (hasil pemadanan data dengan Dinas Sosial) didaftarkan sebagai "
        "PBPU Pemda dalam {m} bulan; iurannya dibayar Pemda.",
        "mandiri": "Separuh peserta mandiri yang menunggak diaktifkan kembali dalam {r} bulan (tunggakan dibayar "
        "peserta) dan dana CSR perusahaan menanggung iuran sebagian peserta mandiri lainnya.",
        "combined": "Pendaftaran penduduk oleh Pemda, pengaktifan kembali separuh peserta mandiri yang menunggak, "
        "pengaktifan kembali PBI APBN yang miskin lewat Dinas Sosial (tanpa biaya Pemda), dan pengambilalihan peserta "
        "nonaktif (PBI APBN lainnya, PPU, lalu peserta mandiri lainnya) sebagai PBPU Pemda untuk sisa kekurangan.",
    },
    "en": {
        "baseline": "The trend of the last {n} months continues (registered and active, persons a month).",
        "enrol": "Residents not yet registered (found by matching with the social office) are enrolled as PBPU "
        "Pemda over {m} months; the regency pays the premium.",
        "mandiri": "Half of the self-paying participants in arrears are reactivated over {r} months (arrears paid "
        "by the participants) and company CSR funds pay the premium of other self-paying participants.",
        "combined": "Residents enrolled by the regency, half the self-paying participants in arrears reactivated, "
        "poor PBI APBN reactivated through the Dinas Sosial (no cost to the regency), and inactive participants (other "
        "PBI APBN, PPU, then other self-paying ones) taken over as PBPU Pemda for the rest of the gap.",
    },
}
TAKEOVER_ORDER = ("pbi_apbn", "ppu", "pbpu_pemda", "pbpu_mandiri", "bp")


def _over(persons: int, months: int) -> int:
    return -(-persons // months) if persons else 0


def default_scenarios(
    fig: BriefFigures,
    lang: str = "id",
    target: Target | None = None,
    enrol_months: int = 6,
    reactivate_months: int = 12,
    csr_share: float = 0.1,
    dinsos_months: int = 6,
) -> list[Scenario]:
    """Four named scenarios sized from the region's own gaps to ``target`` (default: ``budget.default_target``):

    1. the current pace; 2. the regency enrols the residents missing for the coverage minimum over
    ``enrol_months``; 3. half the inactive self-paying participants reactivate (arrears paid by themselves) and CSR
    sponsors ``csr_share`` of the reactivations needed, over ``reactivate_months``; 4. a combination that closes
    both gaps: 2, plus the mandiri half of 3 (up to what is needed), plus the poor share (``budget.DINSOS_SHARE``)
    of the inactive PBI APBN back through the Dinas Sosial over ``dinsos_months``, plus the other inactive PBI APBN,
    then PPU, then PBPU Pemda taken over by the regency for the rest, over ``reactivate_months``.
    """
    check_lang(lang)
    t = target or budget.default_target(fig)
    enrol, react = t.enrol_needed, t.reactivate_needed
    pools = {str(s): int(n) for s, n in zip(fig.segments["segment"], fig.segments["inactive"], strict=True)}
    mandiri_half = _over(pools["pbpu_mandiri"], 2) if "pbpu_mandiri" in pools else _over(react, 2)
    csr = min(math.ceil(react * csr_share), max(0, pools.get("pbpu_mandiri", react) - mandiri_half))
    names, texts = NAMES[lang], DESCRIPTIONS[lang]
    enrol_lever = EnrolUnregistered(pace=_over(enrol, enrol_months), cap=enrol)
    combined: list = [enrol_lever]
    from_mandiri = min(mandiri_half, react)
    if from_mandiri:
        combined.append(ReactivateArrears(pace=_over(from_mandiri, reactivate_months), cap=from_mandiri))
    rest = react - from_mandiri
    dinsos = min(rest, math.ceil(pools.get("pbi_apbn", 0) * budget.DINSOS_SHARE))
    if dinsos:
        combined.append(ReactivatePbiDinsos(pace=_over(dinsos, dinsos_months), cap=dinsos))
        rest -= dinsos
    for seg in TAKEOVER_ORDER:
        left = pools.get(seg, rest) - {"pbpu_mandiri": from_mandiri, "pbi_apbn": dinsos}.get(seg, 0)
        n = min(rest, max(0, left))
        if n > 0:
            combined.append(TakeOverInactive(pace=_over(n, reactivate_months), cap=n, segment=seg))
            rest -= n
    return [
        Scenario(names["baseline"], [current_pace(fig)], texts["baseline"].format(n=fig.pace_months)),
        Scenario(names["enrol"], [enrol_lever], texts["enrol"].format(m=enrol_months)),
        Scenario(
            names["mandiri"],
            [
                ReactivateArrears(pace=_over(mandiri_half, reactivate_months), cap=mandiri_half),
                CsrSponsorship(pace=_over(csr, reactivate_months), cap=csr),
            ],
            texts["mandiri"].format(r=reactivate_months),
        ),
        Scenario(names["combined"], combined, texts["combined"]),
    ]
