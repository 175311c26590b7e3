"""The brief's sections on peers, budget and scenarios as Markdown (id/en), from an :class:`Outlook` only."""

from __future__ import annotations

import pandas as pd

from uhc_lib.analysis.outlook import Outlook
from uhc_lib.analysis.peers import PeerPosition
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.render.text import budget_text, peer_text
from uhc_lib.render.text.tables import markdown_list
from uhc_lib.rules import criteria

WORDS = {
    "id": {
        "peers": "Posisi di antara kabupaten/kota di {province}",
        "budget": "Anggaran untuk mencapai {target}",
        "scenarios": "Skenario menuju {target}",
        "all_met": "{region} sudah memenuhi semua kriteria yang dipantau dalam ringkasan ini ({target} termasuk); "
        "tidak diperlukan anggaran tambahan untuk mencapainya.",
        "assumptions": "Asumsi perhitungan:",
        "who_pays": "Siapa membayar apa (setahun, dan tunggakan yang dibayar sekali atau dicicil):",
        "cash_flow": "Arus kas 12 bulan pertama menurut pembayar (tunggakan dalam cicilan REHAB):",
        "intro": "Skenario berikut menghitung bulan demi bulan selama {n} bulan dari {month} dengan jumlah penduduk "
        "tetap ({population}); karena itu hasilnya dapat berbeda dari proyeksi laju di atas, yang ikut "
        "memperhitungkan perubahan jumlah penduduk.",
        "first": "Skenario tercepat adalah “{name}”: {target} tercapai pada {month}, dan setelah semua langkahnya "
        "berjalan Pemda membayar {cost} per tahun.",
        "none": "Tidak satu pun skenario mencapai {target} dalam {n} bulan: kekurangannya lebih besar daripada yang "
        "dapat ditutup dengan langkah-langkah ini saja.",
        "cheaper": "Biaya ini lebih kecil daripada anggaran di atas ({budget} per tahun) karena dalam skenario "
        "sebagian peserta mandiri melunasi tunggakannya sendiri atau iurannya dibayar CSR, sedangkan anggaran di "
        "atas menganggap Pemda membayar iuran semua peserta yang diaktifkan kembali.",
    },
    "en": {
        "peers": "Position among the kabupaten/kota of {province}",
        "budget": "Budget to reach {target}",
        "scenarios": "Scenarios towards {target}",
        "all_met": "{region} already meets every criterion this brief follows ({target} included); no additional "
        "budget is needed to reach them.",
        "assumptions": "Assumptions:",
        "who_pays": "Who pays what (a year, and arrears paid once or in instalments):",
        "cash_flow": "Cash flow of the first 12 months by payer (arrears in REHAB instalments):",
        "intro": "The scenarios below are computed month by month for {n} months from {month} with the population "
        "held at {population}; their months can therefore differ from the projection at the current pace above, "
        "which follows the changes in population too.",
        "first": "Fastest scenario: “{name}”, reaching {target} in {month}, at a cost to the regency of {cost} a "
        "year once all its measures are in place.",
        "none": "No scenario reaches {target} within {n} months: the gap is larger than these measures alone "
        "can close.",
        "cheaper": "This scenario costs the regency less than the budget above ({budget} a year) because in it part "
        "of the self-paying participants settle their own arrears or are paid for by CSR, while the budget above "
        "assumes the regency pays the premium of everyone reactivated.",
    },
}


def _lines_name(pos: PeerPosition, lang: str) -> str | None:
    """The name of the criterion whose minimums the quadrant lines are (defined earlier in the brief), if they are."""
    if not pos.criterion:
        return None
    row = criteria.targets(pos.criteria_year).set_index("criterion").loc[pos.criterion]
    mins = [None if pd.isna(v) else float(v) for v in (row["min_coverage_pct"], row["min_activity_pct"])]
    if mins != [pos.coverage_line, pos.activity_line]:
        return None
    name = criteria.label(pos.criterion, pos.criteria_year, lang).split(" (")[0]
    return f"the {name} lines" if lang == "en" else name


def peers_markdown(o: Outlook, lang: str = "id") -> str:
    """Heading and the peer paragraph (ranks in province and nation, quadrant, the province's range); the quadrant
    lines are named by their criterion, whose minimums the status sentence has given."""
    w = WORDS[check_lang(lang)]
    heading = w["peers"].format(province=o.position.province_name)
    paragraph = peer_text.position_paragraph(o.position, lang, _lines_name(o.position, lang))
    return f"## {heading}\n\n{paragraph}"


def budget_markdown(o: Outlook, lang: str = "id") -> str:
    """Heading, the budget sentence, the budget table and its assumptions; or that everything is met."""
    w = WORDS[check_lang(lang)]
    heading = f"## {w['budget'].format(target=o.target.short_label(lang))}"
    if o.budget is None:
        return f"{heading}\n\n" + w["all_met"].format(region=o.position.region_name, target=o.target.short_label(lang))
    notes = markdown_list(budget_text.assumption_notes(o.budget, lang))
    denda = budget_text.denda_sentence(o.budget, lang)
    return (
        f"{heading}\n\n{budget_text.budget_sentence(o.budget, lang, define=False)}"
        f"\n\n{budget_text.budget_table(o.budget, lang)}"
        f"\n\n{w['who_pays']}\n\n{budget_text.payers_table(o.budget, lang)}"
        f"\n\n{w['cash_flow']}\n\n{budget_text.cash_flow_table(o.budget, lang)}"
        f"\n\n{w['assumptions']}\n\n{notes}" + (f"\n\n{denda}" if denda else "")
    )


def scenarios_intro(o: Outlook, population: int, lang: str = "id") -> str:
    """Heading, what the scenarios are and that they hold the population fixed ('' when everything is met)."""
    if o.scenarios.empty:
        return ""
    w = WORDS[check_lang(lang)]
    start = o.paths[next(iter(o.paths))]["period"].iloc[0]
    listed = "\n".join(f"- **{name}**: {text}" for name, text in o.descriptions.items())
    intro = w["intro"].format(n=o.months, month=fmt.month(start, lang), population=fmt.persons(population, lang))
    return f"## {w['scenarios'].format(target=o.target.short_label(lang))}\n\n{intro}\n\n{listed}"


def scenarios_markdown(o: Outlook, lang: str = "id") -> str:
    """The scenario table and which scenario reaches the target first ('' when everything is met)."""
    if o.scenarios.empty:
        return ""
    w = WORDS[check_lang(lang)]
    target = o.target.short_label(lang)
    first = o.first_to_reach
    if first is None:
        closing = w["none"].format(target=target, n=o.months)
    else:
        closing = w["first"].format(
            name=first["scenario"],
            target=target,
            month=fmt.month(first[o.reached_column], lang),
            cost=fmt.rupiah_short(first["regency_yearly_rp"], lang),
        )
        if o.budget is not None and first["regency_yearly_rp"] < o.budget.regency_yearly:
            closing += " " + w["cheaper"].format(budget=fmt.rupiah_short(o.budget.regency_yearly, lang))
    return f"{budget_text.scenario_table(o.scenarios, o.target, lang)}\n\n{closing}"
