"""What closing a gap to a UHC target costs: persons and rupiah per line, by payer, for a year.

Assumptions (each line of a :class:`Budget` names the ones it rests on, in ``Budget.assumptions``):

- Residents missing for the coverage minimum are enrolled as PBPU Pemda (PBI APBD), class III, the regency paying
  the premium (Rp42,000 a month under Perpres 64/2020); under UHC Prioritas / non cut-off they are active the same day.
- The other persons needed for the activity minimum come from reactivating inactive participants
  (``gaps.gap_to``'s ``reactivate_needed``), spread over the segments in proportion to their inactive participants
  in the month (``segments.breakdown``) unless a split is given; then, by segment:

  - inactive PBI APBN (deactivated by the Ministry of Social Affairs): a share ``pbi_via_dinsos`` (default half, the
    poor among them) goes back free through the Dinas Sosial (SIKS-NG; the central government pays the PBI premium
    again), the rest is taken over as PBPU Pemda; inactive PPU (employment ended) are taken over as PBPU Pemda;
  - inactive PBPU Pemda are reactivated by the regency paying their premium again;
  - inactive PBPU mandiri and BP (mostly in arrears) are either moved to PBPU Pemda (the regency pays from then on)
    or reactivated by paying the arrears: months in arrears (capped at 24, Perpres 64/2020) x the participant's
    share of their class premium, paid by the participant (in REHAB instalments, up to 12), a company (CSR) or the
    regency; afterwards the participant pays their own share and, for class III, the regency its regional share
    (Rp2,800 from 2021). ``mandiri_to_pemda`` is the share moved to PBPU Pemda (1 = all, 0 = all through arrears; in
    between, a mix). The arrears of those moved do not vanish: the participant still owes them (REHAB instalments),
    unless the pemutihan applies (from November 2025: written off, the central government paying).
- Inactive BP whom the state pays for (veterans, perintis kemerdekaan, state pensioners: a ``bp_state`` sub-split in
  the data) are not priced as mandiri: their contributions come from the state or the pension, so they go back by a
  data correction at no cost to the regency; without the sub-split every BP is priced at the flat class rates and
  the brief says so.
- The PBPU Pemda premium is shared between province and regency as the data's payer sub-split says (the share of
  PBPU Pemda participants the province pays for), else where a rule says so (``data/rules/pemda_cost_sharing.csv``:
  Riau 55/45, DKI, Kab. Serang), else the regency pays it all.
- Premiums are those in force in the brief's month (``data/rules/premiums.csv``), held for the year.
- The central government's share of class III premiums (Rp4,200) is not counted: it is no one's cost in the regency.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from uhc_lib.analysis import gaps
from uhc_lib.analysis.brief import BriefFigures, Target
from uhc_lib.rules import premiums

PEMDA = "pbpu_pemda"
ARREARS_CAP_MONTHS = premiums.arrears_rule("arrears_cap_months")  # 24 (Perpres 64/2020), from arrears_rules.csv
PAYERS = ("regency", "province", "participant", "csr", "central")
ENROL_AS = ("pbpu_pemda", "pbid")
DINSOS_SHARE = 0.5  # of inactive PBI APBN, the share assumed poor in DTSEN and so free to go back via the Dinas Sosial
TAKEOVER_SEGMENTS = ("pbi_apbn", "ppu")
MANDIRI_SEGMENTS = ("pbpu_mandiri", "bp")
ASSUMPTIONS = (
    "enrol_as_pemda",
    "enrol_as_pbid",
    "split_by_inactive",
    "split_given",
    "no_segments",
    "pbi_dinsos",
    "takeover_as_pemda",
    "pemda_reactivated",
    "mandiri_to_pemda",
    "moved_arrears_owed",
    "moved_arrears_pemutihan",
    "mandiri_arrears",
    "rehab_instalments",
    "arrears_capped",
    "bp_state_not_mandiri",
    "bp_all_flat",
    "pemda_cost_shared",
    "pemda_split_from_data",
    "premiums_of_month",
    "central_share_not_counted",
)


@dataclass(frozen=True)
class BudgetLine:
    """One line of a budget: ``persons`` x ``monthly_rp`` x ``months``, paid by ``payer``.

    ``item``: enrol | takeover | reactivate_pemda | pbi_dinsos | mandiri_to_pemda | moved_arrears | arrears |
    own_premium | regional_share | bp_state; ``segment``: the segment the persons come from (None for residents not yet
    registered); ``recurring``: a yearly cost (True) or paid once (False, arrears); ``instalments``: months a one-off
    cost is paid over (REHAB), from the first month.
    """

    item: str
    segment: str | None
    persons: int
    monthly_rp: int
    months: int
    payer: str
    recurring: bool = True
    instalments: int = 1

    @property
    def rupiah(self) -> int:
        return int(self.persons) * int(self.monthly_rp) * int(self.months)

    def cash(self, months: int) -> list[int]:
        """Rupiah paid in each of the first ``months`` months: a recurring line every month, a one-off line in equal
        instalments (the remainder in the last)."""
        if self.recurring:
            per_month = int(self.persons) * int(self.monthly_rp)
            return [per_month * (m < self.months) for m in range(months)]
        n = max(1, min(int(self.instalments), months))
        part = self.rupiah // n
        return [part + (self.rupiah - part * n if m == n - 1 else 0) if m < n else 0 for m in range(months)]


@dataclass(frozen=True)
class Budget:
    """Lines of the cost of reaching a target, with the assumptions they rest on."""

    region_code: str
    period: pd.Period
    premium_month: pd.Period
    enrol_needed: int
    reactivate_needed: int
    lines: tuple[BudgetLine, ...]
    assumptions: tuple[str, ...]
    arrears_months: int = 0
    arrears_payer: str = "participant"
    mandiri_to_pemda: float = 1.0
    target: Target | None = field(default=None, repr=False)
    province_share: float = 0.0
    pbi_via_dinsos: float = 0.0
    enrol_as: str = "pbpu_pemda"

    def table(self) -> pd.DataFrame:
        """One row per line: item, segment, persons, monthly_rp, months, payer, recurring, rupiah."""
        cols = ["item", "segment", "persons", "monthly_rp", "months", "payer", "recurring", "rupiah"]
        rows = [
            [ln.item, ln.segment, ln.persons, ln.monthly_rp, ln.months, ln.payer, ln.recurring, ln.rupiah]
            for ln in self.lines
        ]
        return pd.DataFrame(rows, columns=cols)

    def total(self, payer: str | None = None, recurring: bool | None = None) -> int:
        """Sum of the lines, optionally of one payer and of recurring (yearly) or one-off lines only."""
        return sum(
            ln.rupiah
            for ln in self.lines
            if (payer is None or ln.payer == payer) and (recurring is None or ln.recurring == recurring)
        )

    @property
    def enrolment(self) -> tuple[int, int, int] | None:
        """Residents enrolled: (persons, what the regency pays a person a month, what it pays in all), or None."""
        lines = [ln for ln in self.lines if ln.segment is None and ln.payer == "regency"]
        if not lines:
            return None
        return lines[0].persons, sum(ln.monthly_rp for ln in lines), sum(ln.rupiah for ln in lines)

    @property
    def regency_yearly(self) -> int:
        """What the regency pays each year (recurring regency lines)."""
        return self.total("regency", recurring=True)

    def totals(self, every_payer: bool = False) -> pd.DataFrame:
        """Per payer: yearly, one-off and all rupiah (payers with nothing to pay omitted unless ``every_payer``)."""
        rows = []
        payers = PAYERS if every_payer else dict.fromkeys(ln.payer for ln in self.lines if ln.rupiah)
        for p in payers:
            rows.append([p, self.total(p, True), self.total(p, False), self.total(p)])
        return pd.DataFrame(rows, columns=["payer", "yearly_rp", "one_off_rp", "total_rp"])

    def cash_flow(self, months: int = 12) -> pd.DataFrame:
        """Rupiah by month (``period``, the months after the budget's month) and payer, one-off costs in their
        instalments; one column per payer that pays anything, and ``total``."""
        payers = list(dict.fromkeys(ln.payer for ln in self.lines if ln.rupiah))
        out = pd.DataFrame({"period": pd.period_range(self.period + 1, periods=months, freq="M")})
        for p in payers:
            out[p] = np.sum([ln.cash(months) for ln in self.lines if ln.payer == p], axis=0).astype("int64")
        out["total"] = out[payers].sum(axis=1) if payers else 0
        return out


def enrolment_cost(persons: int, on: pd.Period | str, months: int = 12) -> int:
    """Rupiah the regency pays over ``months`` for ``persons`` enrolled as PBPU Pemda (persons x premium x months)."""
    if persons < 0:
        raise ValueError(f"persons must not be negative, got {persons}")
    return int(persons) * premiums.pemda_premium(on) * int(months)


def split_by_inactive(breakdown: pd.DataFrame, persons: int) -> dict[str, int]:
    """Spread ``persons`` over segments in proportion to their inactive participants (largest remainders, so the
    parts add up exactly and none exceeds its segment's inactive)."""
    inactive = breakdown.set_index("segment")["inactive"].clip(lower=0).astype("int64")
    available = int(inactive.sum())
    if persons < 0 or persons > available:
        raise ValueError(f"cannot reactivate {persons} persons: {available} participants are inactive")
    if persons == 0:
        return {str(s): 0 for s in inactive.index}
    exact = inactive.to_numpy() * persons / available
    parts = np.floor(exact).astype("int64")
    order = np.argsort(-(exact - parts), kind="stable")
    parts[order[: persons - int(parts.sum())]] += 1
    return {str(s): int(n) for s, n in zip(inactive.index, parts, strict=True)}


def target_gaps(fig: BriefFigures, coverage_pct: float | None, activity_pct: float | None) -> tuple[int, int, int]:
    """(enrol_needed, activate_needed, reactivate_needed) for any minimums, from the brief's month (``gaps.gap_to``)."""
    row = pd.DataFrame({"population": [fig.population], "registered": [fig.registered], "active": [fig.active]})
    g = gaps.gap_to(row, coverage_pct, activity_pct).iloc[0]
    return int(g["enrol_needed"]), int(g["activate_needed"]), int(g["reactivate_needed"])


def default_target(fig: BriefFigures) -> Target:
    """The target a budget is about when none is given: next year's headline if unmet (e.g. 98/80 for 2025 in a
    December 2024 brief), else the first unmet goal, else this year's headline."""
    nxt = [t for t in fig.goals if t.year > fig.criteria_year]
    for t in [*nxt[:1], *fig.goals]:
        if not t.met:
            return t
    return fig.headline_target


def _pemda_lines(item: str, segment: str | None, persons: int, on: pd.Period, months: int, province: float):
    """PBPU Pemda premium lines: the regency's part and, where the province shares the premium, the province's."""
    premium = premiums.pemda_premium(on)
    province_rp = int(round(premium * province))
    lines = [BudgetLine(item, segment, persons, premium - province_rp, months, "regency")] if province < 1 else []
    if province_rp:
        lines.append(BudgetLine(item, segment, persons, province_rp, months, "province"))
    return lines


def _province_share_from_data(fig: BriefFigures) -> float | None:
    """The share of PBPU Pemda participants the province pays for, from the data's payer sub-split (None: not given)."""
    province = fig.subsplits.get("pemda_province_registered")
    regency = fig.subsplits.get("pemda_regency_registered")
    if province is None or regency is None or province + regency == 0:
        return None
    return province / (province + regency)


def _bp_state_persons(fig: BriefFigures, persons: int) -> int | None:
    """Of ``persons`` inactive BP to reactivate, those the state pays for (in proportion to the inactive of each
    part), or None when the data does not split BP."""
    keys = ("bp_state_registered", "bp_state_active", "bp_other_registered", "bp_other_active")
    if not all(k in fig.subsplits for k in keys):
        return None
    state = max(0, fig.subsplits["bp_state_registered"] - fig.subsplits["bp_state_active"])
    other = max(0, fig.subsplits["bp_other_registered"] - fig.subsplits["bp_other_active"])
    if state + other == 0:
        return 0
    return int(round(persons * state / (state + other)))


def _rehab_instalments(arrears_months: int) -> int:
    """REHAB instalments for ``arrears_months`` of arrears: up to 12 (none below 4 months: paid at once)."""
    if arrears_months < premiums.arrears_rule("rehab_min_arrears_months"):
        return 1
    return min(arrears_months, premiums.arrears_rule("rehab_max_instalments"))


def _mandiri_lines(
    segment: str,
    persons: int,
    on: pd.Period,
    share_to_pemda: float,
    arrears_months: int,
    payer: str,
    months: int,
    klass: int,
    province: float,
) -> tuple[list[BudgetLine], list[str]]:
    to_pemda = int(round(persons * share_to_pemda))
    rest = persons - to_pemda
    lines, assumptions = [], []
    own = premiums.monthly_premium(segment, klass, on, payer="participant")
    if to_pemda:
        lines += _pemda_lines("mandiri_to_pemda", segment, to_pemda, on, months, province)
        if arrears_months:  # the arrears stay: owed by the participant, or written off by the pemutihan
            if on >= premiums.pemutihan_from():
                written_off = min(arrears_months, premiums.arrears_rule("pemutihan_max_months"))
                lines.append(BudgetLine("moved_arrears", segment, to_pemda, own, written_off, "central", False))
                assumptions.append("moved_arrears_pemutihan")
            else:
                n = _rehab_instalments(arrears_months)
                lines.append(
                    BudgetLine("moved_arrears", segment, to_pemda, own, arrears_months, "participant", False, n)
                )
                assumptions += ["moved_arrears_owed", "rehab_instalments"] if n > 1 else ["moved_arrears_owed"]
    if rest:
        if arrears_months:
            n = _rehab_instalments(arrears_months) if payer == "participant" else 1
            lines.append(
                BudgetLine("arrears", segment, rest, own, arrears_months, payer, recurring=False, instalments=n)
            )
            if n > 1:
                assumptions.append("rehab_instalments")
        lines.append(BudgetLine("own_premium", segment, rest, own, months, "participant"))
        regional = premiums.monthly_premium(segment, klass, on, payer="regency")
        if regional:
            lines.append(BudgetLine("regional_share", segment, rest, regional, months, "regency"))
    return lines, assumptions


def budget_for(
    fig: BriefFigures,
    enrol: int,
    reactivate: int,
    *,
    split: dict[str, int] | None = None,
    mandiri_to_pemda: float = 1.0,
    arrears_months: int = 12,
    arrears_payer: str = "participant",
    mandiri_class: int = 3,
    on: pd.Period | str | None = None,
    months: int = 12,
    target: Target | None = None,
    pbi_via_dinsos: float = DINSOS_SHARE,
    province_share: float | None = None,
    enrol_as: str = "pbpu_pemda",
) -> Budget:
    """Budget for enrolling ``enrol`` residents as PBPU Pemda and reactivating ``reactivate`` inactive participants.

    Args:
        fig: the brief's figures (its segment breakdown spreads the reactivations when ``split`` is None).
        enrol: residents to enrol as PBPU Pemda.
        reactivate: inactive participants to reactivate.
        split: persons to reactivate by segment (must add up to ``reactivate``).
        mandiri_to_pemda: share (0..1) of the mandiri/BP reactivations moved to PBPU Pemda; the rest pay arrears.
        arrears_months: months in arrears of a mandiri/BP participant (capped at 24).
        arrears_payer: who pays the arrears: participant, csr or regency.
        mandiri_class: class of the mandiri/BP participants reactivated through arrears (class III pays the
            least and gets the regency's Rp2,800 share).
        on: month whose premiums apply (default: the brief's month).
        months: length of the budget period for recurring lines (12 = a year).
        target: the target the figures come from (kept for the texts).
        pbi_via_dinsos: share (0..1) of the inactive PBI APBN to reactivate that go back free through the Dinas
            Sosial (the central government pays their premium); the rest is taken over as PBPU Pemda.
        province_share: the province's share of PBPU Pemda premiums (default: ``data/rules/pemda_cost_sharing.csv``).
        enrol_as: ``pbpu_pemda`` (the Pemda pays the whole class III premium) or ``pbid`` (residents enrolled as
            class III PBPU with the Pemda paying the participant's Rp35,000 share and its Rp2,800 regional share, the
            central government its Rp4,200, as Pamekasan did in 2022).
    """
    if enrol_as not in ENROL_AS:
        raise ValueError(f"enrol_as must be one of {ENROL_AS}, got {enrol_as!r}")
    if not 0 <= mandiri_to_pemda <= 1 or not 0 <= pbi_via_dinsos <= 1:
        raise ValueError(
            f"shares are between 0 and 1, got mandiri_to_pemda={mandiri_to_pemda}, pbi_via_dinsos={pbi_via_dinsos}"
        )
    data_share = None if province_share is not None else _province_share_from_data(fig)
    from_data = data_share is not None
    if province_share is not None:
        province = float(province_share)
    else:
        province = data_share if from_data else premiums.province_share(fig.region_code)
    if not 0 <= province <= 1:
        raise ValueError(f"province_share is a share between 0 and 1, got {province}")
    if arrears_payer not in PAYERS:
        raise ValueError(f"arrears_payer must be one of {PAYERS}, got {arrears_payer!r}")
    if arrears_months < 0 or months < 0:
        raise ValueError("arrears_months and months must not be negative")
    month = pd.Period(on if on is not None else fig.period, "M")
    assumptions = ["enrol_as_pemda"] if enrol else []
    if not enrol:
        lines = []
    elif enrol_as == "pbid":
        shares = premiums.premium_breakdown("pbpu_mandiri", 3, month)
        lines = [
            BudgetLine("enrol_pbid", None, int(enrol), shares["participant"], months, "regency"),
            BudgetLine("regional_share", None, int(enrol), shares.get("regency", 0), months, "regency"),
            BudgetLine("central_share", None, int(enrol), shares.get("central", 0), months, "central"),
        ]
        assumptions = ["enrol_as_pbid"]
    else:
        lines = _pemda_lines("enrol", None, int(enrol), month, months, province)
    if split is not None:
        if sum(split.values()) != reactivate:
            raise ValueError(f"the split adds up to {sum(split.values())}, not to reactivate={reactivate}")
        assumptions.append("split_given")
    elif reactivate and fig.segments.empty:
        split = {PEMDA: int(reactivate)}
        assumptions.append("no_segments")
    else:
        split = split_by_inactive(fig.segments, int(reactivate))
        if reactivate:
            assumptions.append("split_by_inactive")
    capped = min(int(arrears_months), ARREARS_CAP_MONTHS)
    for segment, n in split.items():
        if not n:
            continue
        if segment == "pbi_apbn" and pbi_via_dinsos:
            dinsos = int(round(n * pbi_via_dinsos))
            pbi_premium = premiums.monthly_premium("pbi_apbn", 3, month, payer="central")
            lines.append(BudgetLine("pbi_dinsos", segment, dinsos, pbi_premium, months, "central"))
            assumptions.append("pbi_dinsos")
            n -= dinsos
            if not n:
                continue
        if segment in TAKEOVER_SEGMENTS:
            lines += _pemda_lines("takeover", segment, n, month, months, province)
            assumptions.append("takeover_as_pemda")
        elif segment == PEMDA:
            lines += _pemda_lines("reactivate_pemda", segment, n, month, months, province)
            assumptions.append("pemda_reactivated")
        elif segment in MANDIRI_SEGMENTS:
            if segment == "bp":
                state = _bp_state_persons(fig, n)
                if state is None:
                    assumptions.append("bp_all_flat")
                elif state:
                    lines.append(BudgetLine("bp_state", segment, state, 0, months, "central"))
                    assumptions.append("bp_state_not_mandiri")
                    n -= state
                if not n:
                    continue
            more, notes = _mandiri_lines(
                segment, n, month, mandiri_to_pemda, capped, arrears_payer, months, mandiri_class, province
            )
            lines += more
            assumptions += notes
            assumptions += ["mandiri_to_pemda"] * (mandiri_to_pemda > 0) + ["mandiri_arrears"] * (mandiri_to_pemda < 1)
            if mandiri_to_pemda < 1 and arrears_months > ARREARS_CAP_MONTHS:
                assumptions.append("arrears_capped")
        else:
            raise ValueError(f"unknown segment {segment!r} in the reactivation split")
    if from_data:
        assumptions.append("pemda_split_from_data")
    elif province > 0:
        assumptions.append("pemda_cost_shared")
    assumptions += ["premiums_of_month", "central_share_not_counted"]
    return Budget(
        region_code=fig.region_code,
        period=fig.period,
        premium_month=month,
        enrol_needed=int(enrol),
        reactivate_needed=int(reactivate),
        lines=tuple(lines),
        assumptions=tuple(a for a in ASSUMPTIONS if a in assumptions),
        arrears_months=capped,
        arrears_payer=arrears_payer,
        mandiri_to_pemda=mandiri_to_pemda,
        target=target,
        province_share=province,
        pbi_via_dinsos=pbi_via_dinsos,
        enrol_as=enrol_as,
    )


def budget_to_target(
    fig: BriefFigures, target: Target | tuple[float | None, float | None] | None = None, **options
) -> Budget:
    """Budget to close the gaps to ``target``: a brief :class:`Target` (its ``enrol_needed`` and
    ``reactivate_needed``), a (coverage_pct, activity_pct) pair, or None for :func:`default_target`.

    ``options`` are those of :func:`budget_for` (split, mandiri_to_pemda, arrears_months, arrears_payer,
    mandiri_class, on, months).
    """
    if target is None:
        target = default_target(fig)
    if isinstance(target, Target):
        return budget_for(fig, target.enrol_needed, target.reactivate_needed, target=target, **options)
    enrol, _, reactivate = target_gaps(fig, *target)
    return budget_for(fig, enrol, reactivate, **options)
