"""A brief's outlook: peers in its month, the budget to its next unmet target, the policy scenarios, and their text."""

import pandas as pd
import pytest

from tests.helpers import make_panel
from uhc_lib.analysis.brief import brief_figures
from uhc_lib.analysis.outlook import outlook
from uhc_lib.render.text import outlook_text


@pytest.fixture(scope="module")
def cianjur_outlook(panel, cianjur):
    return outlook(cianjur, panel, "id")


def test_cianjur_target_budget_and_scenarios(cianjur_outlook, cianjur):
    o = cianjur_outlook
    assert (o.target.year, o.target.criterion) == (2025, "prioritas")
    # 98 % of 2,614,845 = 2,562,549 (rounded up) - 2,510,251 registered = 52,298 to enrol, x Rp42,000 x 12
    assert o.budget.enrol_needed == 52_298 == o.target.enrol_needed
    assert o.budget.lines[0].rupiah == 52_298 * 42_000 * 12 == 26_358_192_000
    # the baseline at the current pace is left out (it holds the population fixed, unlike the brief's projection)
    assert list(o.scenarios["scenario"]) == ["Pemda mendaftarkan penduduk", "Reaktivasi mandiri dan CSR", "Kombinasi"]
    assert set(o.paths) == set(o.scenarios["scenario"]) and set(o.descriptions) == set(o.paths)
    assert o.first_to_reach["scenario"] == "Kombinasi"
    assert o.first_to_reach[o.reached_column] == pd.Period("2025-12", "M")
    # every path starts from the brief's own counts
    for path in o.paths.values():
        assert path["registered"].iloc[0] == cianjur.registered and path["active"].iloc[0] == cianjur.active


def test_cianjur_peers_in_its_month(cianjur_outlook, panel):
    pos = cianjur_outlook.position
    assert (pos.province_name, pos.n_province, pos.period) == ("Jawa Barat", 27, pd.Period("2024-12", "M"))
    month = panel[(panel["period"] == pd.Period("2024-12", "M")) & panel["region_code"].str.startswith("32.")]
    active = month.groupby("region_code")["active"].sum() / month.groupby("region_code")["population"].first()
    assert pos.activity_rank_province == int((active > active["32.03"]).sum()) + 1 == 27
    assert len(cianjur_outlook.province.regions) == 27


def test_texts_answer_the_cianjur_questions(cianjur_outlook, cianjur):
    o = cianjur_outlook
    budget = outlook_text.budget_markdown(o, "id")
    assert budget.startswith("## Anggaran untuk mencapai UHC Prioritas\n\n")
    assert "Pemda perlu mendaftarkan 52.298 jiwa sebagai peserta PBPU Pemda" in budget
    assert "atau Rp26,4 miliar per tahun" in budget and "Asumsi perhitungan:" in budget
    assert "| Rp26.358.192.000 |" in budget  # the exact figure in the table, the rounded one in the sentence
    assert "minimal 98 persen" not in budget  # the criterion is defined once, in the status sentence
    intro = outlook_text.scenarios_intro(o, cianjur.population, "id")
    assert "selama 24 bulan dari Desember 2024 dengan jumlah penduduk tetap (2.614.845 jiwa)" in intro
    assert "- **Kombinasi**: Pendaftaran penduduk oleh Pemda" in intro
    table = outlook_text.scenarios_markdown(o, "id")
    assert "| Kombinasi | 98 persen | 80 persen | Desember 2025 |" in table
    assert ("Skenario tercepat adalah “Kombinasi”: UHC Prioritas tercapai pada Desember 2025, dan setelah semua "
            "langkahnya berjalan Pemda membayar Rp34 miliar per tahun.") in table  # fmt: skip
    # the two price tags are connected: the budget assumes the regency pays for everyone reactivated
    assert table.endswith(
        "lebih kecil daripada anggaran di atas (Rp139,3 miliar per tahun) karena dalam skenario sebagian peserta "
        "mandiri melunasi tunggakannya sendiri atau iurannya dibayar CSR, sedangkan anggaran di atas menganggap Pemda "
        "membayar iuran semua peserta yang diaktifkan kembali."
    )
    peers = outlook_text.peers_markdown(o, "en")
    assert peers.startswith("## Position among the kabupaten/kota of Jawa Barat\n\nKabupaten Cianjur ranks 27th of 27")
    assert "Against the UHC non cut-off lines, Kabupaten Cianjur meets the coverage line" in peers
    assert "Dengan batas UHC non cut-off, Kabupaten Cianjur memenuhi batas cakupan" in outlook_text.peers_markdown(o)


def _met_everything() -> pd.DataFrame:
    """Two regions of Aceh, 2025-12, both far above every 2026 tier (100 % active, 20 % registered by the Pemda)."""
    rows = []
    for month in pd.period_range("2025-01", "2025-12", freq="M"):
        for code in ("11.01", "11.02"):
            rows.append((code, str(month), "pbpu_pemda", 1000, 200, 200))
            rows.append((code, str(month), "pbi_apbn", 1000, 800, 800))
    return make_panel(rows)


def test_everything_met_needs_no_budget():
    panel = _met_everything()
    fig = brief_figures(panel, "11.01", "2025-12")
    o = outlook(fig, panel, "en")
    assert o.target.met and o.budget is None and o.scenarios.empty and o.paths == {}
    assert o.first_to_reach is None
    text = outlook_text.budget_markdown(o, "en")
    assert "already meets every criterion this brief follows" in text
    assert outlook_text.scenarios_intro(o, fig.population, "en") == ""
    assert outlook_text.scenarios_markdown(o, "en") == ""


def test_no_scenario_reaching_says_so(panel):
    fig = brief_figures(panel, "32.03", "2024-12", illustrative=True)
    o = outlook(fig, panel, "en", months=3)  # three months are too few for anything
    assert o.first_to_reach is None
    assert outlook_text.scenarios_markdown(o, "en").endswith(
        "No scenario reaches UHC Prioritas within 3 months: the gap is larger than these measures alone can close."
    )


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025, 2026])
def test_every_criteria_year_of_the_rules_makes_a_brief(panel, year):
    """What the brief notebook runs, for Lebong July 2024 under each year's rules (2022 has no activity minimum)."""
    import matplotlib.pyplot as plt

    from uhc_lib.render.charts import brief_charts, peer_charts, scenario_chart
    from uhc_lib.render.text import narrative, tables
    from uhc_lib.rules import criteria

    assert year in set(criteria.criteria_table()["criteria_year"])
    fig = brief_figures(panel, "17.07", "2024-07", year, illustrative=True)
    o = outlook(fig, panel, "id")
    for lang in ("id", "en"):
        text = "\n".join(
            [
                narrative.markdown(fig, lang),
                tables.headline_table(fig, lang),
                tables.goals_table(fig, lang),
                outlook_text.peers_markdown(o, lang),
                outlook_text.budget_markdown(o, lang),
                outlook_text.scenarios_intro(o, fig.population, lang),
                outlook_text.scenarios_markdown(o, lang),
            ]
        )
        assert str(year) in text and "nan" not in text.lower().split()
    brief_charts.trend_chart(fig, "id")
    brief_charts.segment_chart(fig, "id")
    peer_charts.province_ranking_chart(o.province, highlight="17.07", lang="id", illustrative=True)
    if o.paths:
        scenario_chart.scenario_chart(o.paths, o.target, o.scenarios, "id", True)
    plt.close("all")
    if year == 2022:
        assert o.position.activity_line is None
        assert "Dengan batas UHC, Kabupaten Lebong memenuhi batas cakupan; 10 dari 10" in outlook_text.peers_markdown(o)
