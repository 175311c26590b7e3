"""Does a panel agree with the published figures? Used by the generator's tests and by ``uhc check-published``."""

from __future__ import annotations

import pandas as pd

from uhc_lib.inputs import reference
from uhc_lib.rules import awards, criteria
from uhc_lib.rules import indicators as ind_mod
from uhc_lib.synthetic import anchors as A


def _close(value: float, published: float, figures_are: str, decimals: int) -> bool:
    shown = round(value, decimals)
    if figures_are == "at_least":
        return value >= published
    if figures_are == "about":
        return abs(value - published) <= 0.5
    return shown == round(published, decimals)


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def published_mismatches(panel: pd.DataFrame) -> list[str]:
    """Every published figure for a period the panel covers that the panel does not reproduce (empty = all agree)."""
    ind = ind_mod.indicators(panel)
    nat = ind_mod.national(ind)
    figures = pd.read_csv(reference.REFERENCE_DIR / "published_figures.csv", dtype=str, keep_default_na=False)
    periods = set(ind["period"].astype(str))
    problems: list[str] = []
    for f in figures.itertuples():
        if f.as_of not in periods:
            continue
        table = nat if f.region_code == "0" else ind
        row = table[(table["region_code"] == f.region_code) & (table["period"].astype(str) == f.as_of)]
        if row.empty:
            problems.append(f"{f.region_code} {f.as_of}: missing from the panel")
            continue
        row = row.iloc[0]
        for col in ("population", "registered", "active"):
            published = getattr(f, col)
            if published and f.region_code != "0" and int(row[col]) != int(published):
                problems.append(f"{f.region_code} {f.as_of} {col}: {row[col]} != {published}")
        if f.region_code == "0":
            for col in ("population", "registered"):
                published = getattr(f, col)
                if published and abs(int(row[col]) - int(published)) > 5_000:
                    problems.append(f"Indonesia {f.as_of} {col}: {row[col]} != {published} (to 10,000)")
        pct_cols = {"coverage_pct": "coverage_pct", "activity_pct": "activity_pct"}
        if f.activity_denominator == "registered":
            pct_cols["activity_pct"] = "active_of_registered_pct"
        for col, ours in pct_cols.items():
            published = getattr(f, col)
            if not published:
                continue
            if (f.region_code, f.as_of, col) in A.INCONSISTENT_PUBLISHED:
                continue  # contradicts the same source's counts, which are reproduced instead
            if not _close(float(row[ours]), float(published), f.figures_are, _decimals(published)):
                problems.append(
                    f"{f.region_code} {f.as_of} {col}: {row[ours]:.4f} vs published {published} ({f.figures_are})"
                )
    problems += _distribution_mismatches(ind)
    return problems


def _distribution_mismatches(ind: pd.DataFrame) -> list[str]:
    out = []
    dec = ind[ind["period"] == pd.Period("2023-12", "M")]
    if len(dec):
        n95 = int(ind_mod.meets(dec["registered"], dec["population"], 95).sum())
        if n95 != A.REGIONS_AT_95_2023_12:
            out.append(f"2023-12: {n95} regions at >= 95 %, published {A.REGIONS_AT_95_2023_12}")
        if dec.loc[dec["coverage_pct"].idxmin(), "region_code"] != A.LOWEST_2023_12:
            out.append("2023-12: Pulau Taliabu is not the lowest coverage")
    aug = ind[ind["period"] == pd.Period("2025-08", "M")]
    if len(aug):
        both = ind_mod.meets(aug["registered"], aug["population"], 98) & ind_mod.meets(
            aug["active"], aug["population"], 80
        )
        if int(both.sum()) != A.REGIONS_AT_98_80_2025_08:
            out.append(f"2025-08: {int(both.sum())} regions at 98/80, published {A.REGIONS_AT_98_80_2025_08}")
    return out


def awards_comparison(panel: pd.DataFrame, award_year: int = 2026) -> dict[str, tuple[int | None, int | None]] | None:
    """The UHC Awards tiers of ``award_year`` assessed on ``panel`` beside the published counts, tier by tier and in
    all: ``{tier: (panel, published)}``; None when the panel lacks the reference month. A comparison, not a check:
    the Awards are an assessment BPJS and the ministries made on data this project does not have."""
    ref = awards.reference_month(award_year)
    month = panel[panel["period"] == ref]
    if month.empty:
        return None
    assessed = awards.assess(criteria.evaluate(ind_mod.indicators(month), ref.year), award_year)
    counts = assessed["tier"].value_counts()
    published = A.AWARDS_2026 if award_year == 2026 else {}
    tiers = [t for t in awards.rows_of(award_year)["tier"].unique()][::-1]
    out = {t: (int(counts.get(t, 0)), published.get(t)) for t in tiers}
    out["awarded"] = (sum(v for v, _ in out.values()), sum(published.values()) if published else None)
    return out
