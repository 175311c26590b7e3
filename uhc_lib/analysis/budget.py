"""What closing a gap to a UHC target costs: persons and rupiah per line, by payer, for a year.

Assumptions (each line of a :class:`Budget` names the ones it rests on, in ``Budget.assumptions``):

- Residents missing for the coverage minimum are enrolled as PBPU Pemda (PBI APBD), class III, the regency paying
  the premium (Rp42,000 a month under Perpres 64/2020); under UHC Prioritas / non cut-off they are active the same day.
- The other persons needed for the activity minimum come from reactivating inactive participants
  (``gaps.gap_to``'s ``reactivate_needed``), spread over the segments in proportion to their inactive participants
  in the month (``segments.breakdown``) unless a split is given; then, by segment:

  - inactive PBI APBN (deactivated by the Ministry of Social Affairs) and inactive PPU (employment ended) are taken
    over as PBPU Pemda at the regency premium;
  - inactive PBPU Pemda are reactivated by the regency paying their premium again;
  - inactive PBPU mandiri and BP (mostly in arrears) are either moved to PBPU Pemda (the regency pays from then on;
    their arrears stay on record but are not charged) or reactivated by paying the arrears once: months in arrears
    (capped at 24, Perpres 64/2020) x the participant's share of their class premium, paid by the participant, a
    company (CSR) or the regency; afterwards the participant pays their own share and, for class III, the regency
    its regional share (Rp2,800 from 2021). ``mandiri_to_pemda`` is the share moved to PBPU Pemda (1 = all, 0 =
    all through arrears; in between, a mix).
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
ARREARS_CAP_MONTHS = 24  # Perpres 64/2020: arrears to pay on reactivation are capped at 24 months
PAYERS = ("regency", "participant", "csr")
TAKEOVER_SEGMENTS = ("pbi_apbn", "ppu")
MANDIRI_SEGMENTS = ("pbpu_mandiri", "bp")
ASSUMPTIONS = (
    "enrol_as_pemda",
    "split_by_inactive",
    "split_given",
    "no_segments",
    "takeover_as_pemda",
    "pemda_reactivated",
    "mandiri_to_pemda",
    "mandiri_arrears",
    "arrears_capped",
    "premiums_of_month",
    "central_share_not_counted",
)


@dataclass(frozen=True)
class BudgetLine:
    """One line of a budget: ``persons`` x ``monthly_rp`` x ``months``, paid by ``payer``.

    ``item``: enrol | takeover | reactivate_pemda | mandiri_to_pemda | arrears | own_premium | regional_share;
    ``segment``: the segment the persons come from (None for residents not yet registered);
    ``recurring``: a yearly cost (True) or paid once (False, arrears).
    """

    item: str
    segment: str | None
    persons: int
    monthly_rp: int
    months: int
    payer: str
    recurring: bool = True

    @property
    def rupiah(self) -> int:
        return int(self.persons) * int(self.monthly_rp) * int(self.months)


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
    def regency_yearly(self) -> int:
        """What the regency pays each year (recurring regency lines)."""
        return self.total("regency", recurring=True)

    def totals(self) -> pd.DataFrame:
        """Per payer: yearly, one-off and all rupiah (payers with nothing to pay omitted)."""
        rows = []
        for p in dict.fromkeys(ln.payer for ln in self.lines):
            rows.append([p, self.total(p, True), self.total(p, False), self.total(p)])
        return pd.DataFrame(rows, columns=["payer", "yearly_rp", "one_off_rp", "total_rp"])


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


def _mandiri_lines(
    segment: str,
    persons: int,
    on: pd.Period,
    share_to_pemda: float,
    arrears_months: int,
    payer: str,
    months: int,
    klass: int,
) -> list[BudgetLine]:
    to_pemda = int(round(persons * share_to_pemda))
    rest = persons - to_pemda
    lines = []
    if to_pemda:
        lines.append(BudgetLine("mandiri_to_pemda", segment, to_pemda, premiums.pemda_premium(on), months, "regency"))
    if rest:
        own = premiums.monthly_premium(segment, klass, on, payer="participant")
        if arrears_months:
            lines.append(BudgetLine("arrears", segment, rest, own, arrears_months, payer, recurring=False))
        lines.append(BudgetLine("own_premium", segment, rest, own, months, "participant"))
        regional = premiums.monthly_premium(segment, klass, on, payer="regency")
        if regional:
            lines.append(BudgetLine("regional_share", segment, rest, regional, months, "regency"))
    return lines


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
    """
    if not 0 <= mandiri_to_pemda <= 1:
        raise ValueError(f"mandiri_to_pemda is a share between 0 and 1, got {mandiri_to_pemda}")
    if arrears_payer not in PAYERS:
        raise ValueError(f"arrears_payer must be one of {PAYERS}, got {arrears_payer!r}")
    if arrears_months < 0 or months < 0:
        raise ValueError("arrears_months and months must not be negative")
    month = pd.Period(on if on is not None else fig.period, "M")
    assumptions = ["enrol_as_pemda"] if enrol else []
    lines = [BudgetLine("enrol", None, int(enrol), premiums.pemda_premium(month), months, "regency")] if enrol else []
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
        if segment in TAKEOVER_SEGMENTS:
            lines.append(BudgetLine("takeover", segment, n, premiums.pemda_premium(month), months, "regency"))
            assumptions.append("takeover_as_pemda")
        elif segment == PEMDA:
            lines.append(BudgetLine("reactivate_pemda", segment, n, premiums.pemda_premium(month), months, "regency"))
            assumptions.append("pemda_reactivated")
        elif segment in MANDIRI_SEGMENTS:
            lines += _mandiri_lines(segment, n, month, mandiri_to_pemda, capped, arrears_payer, months, mandiri_class)
            assumptions += ["mandiri_to_pemda"] * (mandiri_to_pemda > 0) + ["mandiri_arrears"] * (mandiri_to_pemda < 1)
            if mandiri_to_pemda < 1 and arrears_months > ARREARS_CAP_MONTHS:
                assumptions.append("arrears_capped")
        else:
            raise ValueError(f"unknown segment {segment!r} in the reactivation split")
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
