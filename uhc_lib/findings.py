"""Findings of the exploratory notebooks as sentences (id/en), from figures computed elsewhere."""

from __future__ import annotations

import pandas as pd

from uhc_lib import fmt


def trends(
    national: pd.DataFrame,
    observed: pd.DataFrame,
    reach: pd.DataFrame,
    projected: pd.DataFrame,
    label: str,
    lang: str = "en",
) -> list[str]:
    """National change over the data's span, regions meeting the criterion now, and at pace by the projection's end.

    Args:
        national: ``indicators.national`` output.
        observed: ``projections.attainment`` output.
        reach: ``projections.reach_months`` output (its ``criterion`` column names the criterion counted).
        projected: ``projections.projected_attainment`` output for the same month and criterion.
        label: readable name of the criterion.
        lang: ``id`` or ``en``.
    """
    fmt.check_lang(lang)
    first, last = national.iloc[0], national.iloc[-1]
    counts = observed[reach["criterion"].iloc[0]]
    end = projected.iloc[-1]
    short = reach[reach["reached"].isna() | (reach["reached"] > end["period"])]
    never = len(short)
    act_short, cov_short = (
        int((short[col].isna() | (short[col] > end["period"])).sum())
        for col in ("activity_reached", "coverage_reached")
    )
    if lang == "id":
        return [
            f"Secara nasional cakupan kepesertaan bergerak dari {fmt.percent(first['coverage_pct'], lang)} "
            f"({fmt.month(first['period'], lang)}) ke {fmt.percent(last['coverage_pct'], lang)} "
            f"({fmt.month(last['period'], lang)}), keaktifan dari {fmt.percent(first['activity_pct'], lang)} "
            f"ke {fmt.percent(last['activity_pct'], lang)}.",
            f"Pada {fmt.month(observed['period'].iloc[-1], lang)} {fmt.number(int(counts.iloc[-1]), lang)} dari "
            f"{fmt.number(int(observed['regions'].iloc[-1]), lang)} kabupaten/kota memenuhi {label}; "
            f"tertinggi {fmt.number(int(counts.max()), lang)} pada "
            f"{fmt.month(observed['period'].iloc[int(counts.to_numpy().argmax())], lang)}.",
            f"Dengan laju enam bulan terakhir masing-masing, {fmt.number(int(end['regions_met']), lang)} "
            f"kabupaten/kota ({fmt.percent(end['share_pct'], lang, 1)}) memenuhinya pada "
            f"{fmt.month(end['period'], lang)}; {fmt.number(never, lang)} lainnya belum: "
            f"{fmt.number(act_short, lang)} masih kurang keaktifannya dan {fmt.number(cov_short, lang)} "
            "cakupannya (sebagian keduanya).",
        ]
    return [
        f"Nationally, coverage moved from {fmt.percent(first['coverage_pct'], lang)} "
        f"({fmt.month(first['period'], lang)}) to {fmt.percent(last['coverage_pct'], lang)} "
        f"({fmt.month(last['period'], lang)}), activity from {fmt.percent(first['activity_pct'], lang)} "
        f"to {fmt.percent(last['activity_pct'], lang)}.",
        f"In {fmt.month(observed['period'].iloc[-1], lang)}, {fmt.number(int(counts.iloc[-1]), lang)} of "
        f"{fmt.number(int(observed['regions'].iloc[-1]), lang)} kabupaten/kota meet {label}; the most in any month was "
        f"{fmt.number(int(counts.max()), lang)} in "
        f"{fmt.month(observed['period'].iloc[int(counts.to_numpy().argmax())], lang)}.",
        f"At each region's own pace of the last six months, {fmt.number(int(end['regions_met']), lang)} "
        f"kabupaten/kota ({fmt.percent(end['share_pct'], lang, 1)}) would meet it by {fmt.month(end['period'], lang)}; "
        f"{fmt.number(never, lang)} would not: {fmt.number(act_short, lang)} would still fall short on activity and "
        f"{fmt.number(cov_short, lang)} on coverage (some on both).",
    ]
