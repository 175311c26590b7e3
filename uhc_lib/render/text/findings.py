"""Findings of the exploratory notebooks as sentences (id/en), from figures computed elsewhere."""

from __future__ import annotations

import pandas as pd

from uhc_lib.analysis.brief import Target
from uhc_lib.analysis.budget import Budget
from uhc_lib.analysis.national_budget import NationalEnrolment
from uhc_lib.analysis.peers import ProvincePeers, Quadrants
from uhc_lib.analysis.scenarios import reached_column
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.render.text.narrative import minimums_text
from uhc_lib.render.text.peer_text import ordinal, province_sentence, quadrant_sentence
from uhc_lib.rules import criteria


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
    check_lang(lang)
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


def _first_reached(table: pd.DataFrame, column: str) -> tuple[pd.DataFrame, int]:
    """The compare-table rows that reach ``column`` in its earliest month (in table order) and how many reach."""
    reached = table[table[column].notna()]
    if reached.empty:
        return reached, 0
    order = reached[column].map(lambda p: p.ordinal)
    return reached[order == order.min()], len(reached)


def _and(items: list[str], lang: str) -> str:
    word = " dan " if lang == "id" else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]


def budget_scenarios(
    b: Budget,
    table: pd.DataFrame,
    national: NationalEnrolment,
    region_name: str,
    lang: str = "en",
) -> list[str]:
    """What the target costs the regency, which scenario reaches it first, and the national bill of enrolment.

    Args:
        b: ``budget.budget_to_target`` for the target (its ``target`` names the criterion; required).
        table: ``scenarios.compare_paths`` of the scenarios compared, from the same month.
        national: ``national_budget.national_enrolment`` for the same month.
        region_name: name of the kab/kota (e.g. ``Kabupaten Cianjur``).
        lang: ``id`` or ``en``.
    """
    check_lang(lang)
    t = b.target
    if t is None:
        raise ValueError("the budget names no target: build it with budget.budget_to_target")
    short, mins = t.short_label(lang), minimums_text(t, lang)
    enrol = next((ln for ln in b.lines if ln.item == "enrol"), None)
    column = reached_column(t.year, t.criterion)
    first, n_reach = _first_reached(table, column)
    horizon = int(table["horizon_months"].max())
    own = national.region(b.region_code)
    nat = [fmt.persons(national.enrol_needed, lang), fmt.rupiah_short(national.cost_rp, lang)]
    n_all, n_below = fmt.number(national.n_regions, lang), fmt.number(national.n_below, lang)
    cov_line = fmt.percent(national.coverage_pct, lang)
    month = fmt.month(national.period, lang)
    if lang == "id":
        cost = (
            f"{region_name} perlu mendaftarkan {fmt.persons(enrol.persons, lang)} sebagai PBPU Pemda: "
            f"{fmt.persons(enrol.persons, lang)} × {fmt.rupiah(enrol.monthly_rp, lang)} × {enrol.months} bulan = "
            f"{fmt.rupiah(enrol.rupiah, lang)} per tahun"
            if enrol
            else f"{region_name} tidak perlu mendaftarkan penduduk baru"
        )
        react = (
            f"; bila {fmt.number(b.reactivate_needed, lang)} peserta nonaktif yang juga diperlukan diaktifkan "
            f"kembali atas biaya Pemda, biaya Pemda menjadi {fmt.rupiah_short(b.regency_yearly, lang)} per tahun"
            if b.reactivate_needed
            else ""
        )
        if not n_reach:
            race = f"Tidak satu pun dari {len(table)} skenario mencapai {short} dalam {horizon} bulan."
        else:
            names = [
                f"“{r.scenario}” ({fmt.rupiah_short(r.regency_yearly_rp, lang)} per tahun)" for r in first.itertuples()
            ]
            race = (
                f"Dari {len(table)} skenario, {n_reach} mencapai {short} dalam {horizon} bulan; yang tercepat, pada "
                f"{fmt.month(first[column].iloc[0], lang)}: {_and(names, lang)}, biaya Pemda setelah semua langkahnya "
                "berjalan."
            )
        return [
            f"Untuk memenuhi {short} ({mins}), {cost}{react}.",
            race,
            f"Secara nasional pada {month}, {n_below} dari {n_all} kabupaten/kota berada di bawah cakupan "
            f"{cov_line}; mendaftarkan {nat[0]} yang kurang sebagai PBPU Pemda memerlukan {nat[1]} per tahun dari "
            f"APBD. Biaya {region_name} ({fmt.rupiah_short(own['cost_rp'], lang)}) berada di peringkat "
            f"{int(own['cost_rank'])} dari {n_all}.",
        ]
    cost = (
        f"{region_name} must enrol {fmt.persons(enrol.persons, lang)} as PBPU Pemda: "
        f"{fmt.number(enrol.persons, lang)} × {fmt.rupiah(enrol.monthly_rp, lang)} × {enrol.months} months = "
        f"{fmt.rupiah(enrol.rupiah, lang)} a year"
        if enrol
        else f"{region_name} needs to enrol no one"
    )
    react = (
        f"; if the {fmt.number(b.reactivate_needed, lang)} inactive participants also needed are reactivated at the "
        f"regency's expense, the regency pays {fmt.rupiah_short(b.regency_yearly, lang)} a year"
        if b.reactivate_needed
        else ""
    )
    if not n_reach:
        race = f"None of the {len(table)} scenarios reaches {short} within {horizon} months."
    else:
        names = [f"“{r.scenario}” ({fmt.rupiah_short(r.regency_yearly_rp, lang)} a year)" for r in first.itertuples()]
        race = (
            f"Of {len(table)} scenarios, {n_reach} reach {short} within {horizon} months; the first, in "
            f"{fmt.month(first[column].iloc[0], lang)}: {_and(names, lang)}, the regency's cost once all levers "
            "are in place."
        )
    return [
        f"To meet {short} ({mins}), {cost}{react}.",
        race,
        f"Nationally in {month}, {n_below} of {n_all} kabupaten/kota are below {cov_line} coverage; enrolling their "
        f"{nat[0]} missing as PBPU Pemda would cost the regencies {nat[1]} a year. {region_name}'s "
        f"{fmt.rupiah_short(own['cost_rp'], lang)} ranks {ordinal(int(own['cost_rank']), lang)} of {n_all}.",
    ]


def pace_models(target: Target, baseline: pd.Series, lang: str = "en") -> str:
    """The two "current pace" projections side by side: the brief's (percentage points a month, so it follows the
    population) and the scenario model's (persons a month with the population held at its start value).

    Args:
        target: the brief's :class:`Target` (its ``coverage_reached`` / ``activity_reached``).
        baseline: the compare-table row of the current-pace scenario.
    """
    check_lang(lang)
    column = reached_column(target.year, target.criterion)
    horizon, when = int(baseline["horizon_months"]), baseline[column]
    short = target.short_label(lang)

    def month_or_never(p: object) -> str:
        if p is None or pd.isna(p):
            return "tidak pernah (lajunya datar atau turun)" if lang == "id" else "never (its pace is flat or falling)"
        return fmt.month(p, lang)

    cov, act = month_or_never(target.coverage_reached), month_or_never(target.activity_reached)
    if lang == "id":
        model = (
            f"tidak mencapai {short} dalam {horizon} bulan"
            if when is None or pd.isna(when)
            else f"mencapai {short} pada {fmt.month(when, lang)}"
        )
        return (
            f"Proyeksi ringkasan (laju poin persen per bulan) mencapai batas cakupan pada {cov} dan batas keaktifan "
            f"pada {act}; model skenario (laju jiwa per bulan, jumlah penduduk tetap) {model}."
        )
    model = (
        f"does not reach {short} within {horizon} months"
        if when is None or pd.isna(when)
        else f"reaches {short} in {fmt.month(when, lang)}"
    )
    return (
        f"The brief's projection (percentage points a month) reaches the coverage minimum in {cov} and the activity "
        f"minimum in {act}; the scenario model (persons a month, population held) {model}."
    )


def _range(row: pd.Series, lang: str) -> tuple[str, str, str]:
    """Printed worst and best (name and value) and their difference, computed from the printed (rounded) values."""
    worst, best = round(float(row["worst_pct"]), 2), round(float(row["best_pct"]), 2)
    return (
        f"{row['worst_name']} ({fmt.percent(worst, lang)})",
        f"{row['best_name']} ({fmt.percent(best, lang)})",
        fmt.points(round(best - worst, 2), lang),
    )


def national_overview(
    q: Quadrants,
    summary: pd.DataFrame,
    national_inequality: pd.DataFrame,
    province_inequality: pd.DataFrame,
    lang: str = "en",
) -> list[str]:
    """Regions by quadrant, provinces meeting both lines, and the range of activity between and within provinces.

    Args:
        q: ``peers.quadrants`` of the month.
        summary: ``peers.province_summary`` of the same month and year.
        national_inequality: ``overview.national_inequality_table`` of the month.
        province_inequality: ``peers.province_inequality`` of the month for ``activity_pct``.
        lang: ``id`` or ``en``.
    """
    check_lang(lang)
    n_prov = fmt.number(len(summary), lang)
    pooled_both = fmt.number(int((summary["quadrant"] == "both").sum()), lang)
    all_both = fmt.number(int((summary["n_both"] == summary["n_regions"]).sum()), lang)
    low = summary.sort_values(["share_both_pct", "province_code"], ignore_index=True).iloc[0]
    act = national_inequality[national_inequality["metric"] == "activity_pct"].set_index("between")
    pw, pb, pd_ = _range(act.loc["provinces"], lang)
    rw, rb, rd = _range(act.loc["regions"], lang)
    by_range = province_inequality.sort_values(["difference", "province_code"], ascending=[False, True])
    wide, narrow = by_range.iloc[0], by_range.iloc[-1]
    ww, wb, wd = _range(wide, lang)
    nd = _range(narrow, lang)[2]
    n_regions = fmt.number(int(act.loc["regions", "n"]), lang)
    if lang == "id":
        return [
            quadrant_sentence(q, lang),
            f"Dengan jumlah gabungannya, {pooled_both} dari {n_prov} provinsi memenuhi kedua batas; di {all_both} "
            f"provinsi semua kabupaten/kota memenuhinya. Bagian terkecil ada di {low['province_name']}: "
            f"{fmt.number(int(low['n_both']), lang)} dari {fmt.number(int(low['n_regions']), lang)} kabupaten/kota.",
            f"Antarprovinsi, keaktifan berkisar dari {pw} sampai {pb}, selisih {pd_}; antara {n_regions} "
            f"kabupaten/kota dari {rw} sampai {rb}, selisih {rd}.",
            f"Rentang keaktifan terlebar di dalam satu provinsi ada di {wide['province_name']}: {wd} antara {ww} dan "
            f"{wb}; tersempit di {narrow['province_name']} ({nd}).",
        ]
    return [
        quadrant_sentence(q, lang),
        f"On their pooled totals, {pooled_both} of {n_prov} provinces meet both lines; in {all_both} provinces every "
        f"kab/kota does. The smallest share is in {low['province_name']}: {fmt.number(int(low['n_both']), lang)} of "
        f"{fmt.number(int(low['n_regions']), lang)} kab/kota.",
        f"Between provinces, activity ranges from {pw} to {pb}, a difference of {pd_}; between the {n_regions} "
        f"kab/kota from {rw} to {rb}, {rd}.",
        f"The widest range of activity within a province is in {wide['province_name']}: {wd} between {ww} and {wb}; "
        f"the narrowest in {narrow['province_name']} ({nd}).",
    ]


def province_deep_dive(pp: ProvincePeers, inequality: pd.DataFrame, table: pd.DataFrame, lang: str = "en") -> list[str]:
    """Regions meeting the headline criterion, best and worst, HEAT measures and the province's gaps in persons.

    Args:
        pp: ``peers.province_peers`` of the province and month.
        inequality: ``province_view.inequality(pp)`` (one row per metric).
        table: ``province_view.criteria_and_gaps(pp)``.
        lang: ``id`` or ``en``.
    """
    check_lang(lang)
    rows = inequality.set_index("metric", drop=False)
    act, cov = rows.loc["activity_pct"], rows.loc["coverage_pct"]
    criterion = table.attrs["criterion"]
    label = criteria.label(criterion, pp.criteria_year, lang).split(" (")[0]
    met = int(table[f"meets_{criterion}"].sum())
    n = len(table)
    totals = {c: int(table[c].sum()) for c in ("enrol_needed", "activate_needed", "reactivate_needed")}
    widest = table.sort_values(["activate_needed", "region_code"], ascending=[False, True]).iloc[0]
    month = fmt.month(pp.period, lang)
    d_act, d_cov = (
        fmt.points(round(float(r["best_pct"]), 2) - round(float(r["worst_pct"]), 2), lang) for r in (act, cov)
    )
    ratio, mdm, idis = fmt.number(float(act["ratio"]), lang, 2), fmt.points(float(act["mdm"]), lang), act["idis"]
    if lang == "id":
        if any(totals.values()):
            gap = (
                f"Agar semua kabupaten/kota memenuhi {label}, {fmt.persons(totals['enrol_needed'], lang)} perlu "
                f"didaftarkan dan {fmt.persons(totals['activate_needed'], lang)} lagi perlu aktif "
                f"({fmt.number(totals['reactivate_needed'], lang)} di antaranya dari pengaktifan kembali peserta "
                "nonaktif); "
                f"kekurangan peserta aktif terbesar di {widest['region_name']} "
                f"({fmt.persons(int(widest['activate_needed']), lang)})."
            )
        else:
            gap = f"Semua kabupaten/kota sudah memenuhi {label}."
        return [
            f"Pada {month}, {fmt.number(met, lang)} dari {fmt.number(n, lang)} kabupaten/kota di {pp.province_name} "
            f"memenuhi {label}; cakupan gabungan {fmt.percent(pp.pooled_coverage_pct, lang)} dan keaktifan gabungan "
            f"{fmt.percent(pp.pooled_activity_pct, lang)}.",
            province_sentence(act, lang),
            f"Ukuran ketimpangan keaktifan: selisih (D) {d_act}, rasio (R) {ratio}, rata-rata selisih dari rata-rata "
            f"provinsi berbobot penduduk (MDM) {mdm}, indeks disparitas (IDIS) {fmt.percent(idis, lang)}; untuk "
            f"cakupan selisihnya {d_cov}.",
            gap,
        ]
    if any(totals.values()):
        gap = (
            f"For every kab/kota to meet {label}, {fmt.persons(totals['enrol_needed'], lang)} must enrol and "
            f"{fmt.persons(totals['activate_needed'], lang)} more must be active "
            f"({fmt.number(totals['reactivate_needed'], lang)} of them by reactivating inactive participants); the "
            f"largest activity gap is in {widest['region_name']} ({fmt.persons(int(widest['activate_needed']), lang)})."
        )
    else:
        gap = f"Every kab/kota already meets {label}."
    return [
        f"In {month}, {fmt.number(met, lang)} of {fmt.number(n, lang)} kab/kota in {pp.province_name} meet {label}; "
        f"pooled coverage is {fmt.percent(pp.pooled_coverage_pct, lang)} and pooled activity "
        f"{fmt.percent(pp.pooled_activity_pct, lang)}.",
        province_sentence(act, lang),
        f"Inequality of activity: difference (D) {d_act}, ratio (R) {ratio}, population-weighted mean difference "
        f"from the province's rate (MDM) {mdm}, index of disparity (IDIS) {fmt.percent(idis, lang)}; for coverage "
        f"the difference is {d_cov}.",
        gap,
    ]
