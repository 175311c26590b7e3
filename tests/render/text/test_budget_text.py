"""Budget and scenario texts in Indonesian and English, with the exact formatted figures of Cianjur."""

import pandas as pd
import pytest

from uhc_lib.analysis import budget
from uhc_lib.analysis import scenarios as S
from uhc_lib.render.text import budget_text


@pytest.fixture(scope="module")
def cianjur_budget(cianjur):
    return budget.budget_to_target(cianjur)


def test_budget_sentence_id(cianjur_budget):
    assert budget_text.budget_sentence(cianjur_budget, "id") == (
        "Untuk memenuhi UHC Prioritas (kriteria 2025: cakupan kepesertaan minimal 98 persen dan keaktifan minimal "
        "80 persen), Pemda perlu mendaftarkan 52.298 jiwa sebagai peserta PBPU Pemda dengan iuran Rp42.000 per "
        "orang per bulan (kelas III), atau Rp26,4 miliar per tahun, dan sebanyak 243.179 peserta nonaktif perlu "
        "diaktifkan kembali. Dengan asumsi di bawah ini, Pemda perlu menganggarkan Rp139,3 miliar per tahun."
    )


def test_budget_sentence_without_the_definition(cianjur_budget):
    """In the brief the status sentence has defined the criterion: the budget sentence names it only."""
    assert budget_text.budget_sentence(cianjur_budget, "id", define=False).startswith(
        "Untuk memenuhi UHC Prioritas, Pemda perlu mendaftarkan 52.298 jiwa"
    )
    assert "minimal" not in budget_text.budget_sentence(cianjur_budget, "id", define=False)
    assert budget_text.budget_sentence(cianjur_budget, "en", define=False).startswith(
        "To meet UHC Prioritas, the regency must enrol 52,298 people"
    )


def test_budget_sentence_en(cianjur_budget):
    assert budget_text.budget_sentence(cianjur_budget, "en") == (
        "To meet UHC Prioritas (2025 criteria: coverage of at least 98 percent and activity of at least 80 percent), "
        "the regency must enrol 52,298 people as PBPU Pemda participants at IDR 42,000 a person a month (class "
        "III), IDR 26.4 billion a year, and 243,179 inactive participants must become active again. With the "
        "assumptions below, the regency pays IDR 139.3 billion a year."
    )


def test_budget_table_rows(cianjur_budget):
    text = budget_text.budget_table(cianjur_budget, "id")
    lines = text.splitlines()
    assert lines[0] == "| Uraian | Asal peserta | Jumlah | Iuran per bulan | Bulan | Dibayar oleh | Biaya |"
    assert lines[2] == (
        "| Pendaftaran penduduk sebagai PBPU Pemda | penduduk belum terdaftar | 52.298 jiwa | Rp42.000 | 12 | Pemda "
        "kabupaten/kota | Rp26.358.192.000 |"
    )
    assert lines[-3:] == [
        "| **Total per tahun: Pemda kabupaten/kota** |  |  |  |  |  | **Rp139.312.656.000** |",
        "| **Total per tahun: pemerintah pusat** |  |  |  |  |  | **Rp9.607.752.000** |",
        "| **Total sekali bayar: peserta** |  |  |  |  |  | **Rp66.450.720.000** |",
    ]
    en = budget_text.budget_table(cianjur_budget, "en").splitlines()
    assert en[3] == (
        "| PBI APBN reactivated through the Dinas Sosial (free to the regency) | PBI (central government) | 19,063 "
        "people | IDR 42,000 | 12 | central government | IDR 9,607,752,000 |"
    )
    assert en[4] == (
        "| Inactive participants taken over as PBPU Pemda | PBI (central government) | 19,063 people | IDR 42,000 | "
        "12 | regency | IDR 9,607,752,000 |"
    )


def test_arrears_lines_and_assumptions(cianjur):
    b = budget.budget_for(
        cianjur, 0, 1_000, split={"pbpu_mandiri": 1_000}, mandiri_to_pemda=0.0, arrears_months=30, arrears_payer="csr"
    )
    rows = budget_text.budget_table(b, "id").splitlines()
    assert rows[2] == (
        "| Pelunasan tunggakan | PBPU mandiri | 1.000 jiwa | Rp35.000 | 24 | CSR perusahaan | Rp840.000.000 |"
    )
    assert "| **Total sekali bayar: CSR perusahaan** |  |  |  |  |  | **Rp840.000.000** |" in rows
    notes = budget_text.assumption_notes(b, "id")
    assert notes[0] == "Pembagian peserta yang diaktifkan kembali menurut segmen ditentukan pengguna."
    assert (
        "Peserta mandiri/BP lainnya aktif kembali dengan melunasi tunggakan 24 bulan (iuran peserta kelas III), "
        "dibayar oleh CSR perusahaan; setelah itu peserta membayar iurannya sendiri."
    ) in notes
    assert "Tunggakan dihitung paling banyak 24 bulan (Perpres 64/2020)." in notes
    en = budget_text.assumption_notes(b, "en")
    assert "Premiums in force in December 2024 (Perpres 64/2020), held for the year." in en
    assert len(en) == len(notes) == len(b.assumptions)


def test_split_note_names_the_month(cianjur_budget):
    assert budget_text.assumption_notes(cianjur_budget, "id")[1] == (
        "Peserta yang diaktifkan kembali dibagi menurut segmen sebanding dengan jumlah peserta nonaktif tiap segmen "
        "pada Desember 2024."
    )


@pytest.fixture(scope="module")
def cianjur_table(cianjur):
    return {lang: S.compare(S.default_scenarios(cianjur, lang), cianjur, 24) for lang in ("id", "en")}


def test_scenario_sentences(cianjur, cianjur_table):
    target = budget.default_target(cianjur)
    id_ = budget_text.scenario_sentences(cianjur_table["id"], target, "id")
    assert (
        id_[0]
        == "Skenario “Laju saat ini”: UHC Prioritas tidak tercapai dalam 24 bulan; tanpa biaya tambahan bagi Pemda."
    )
    assert (
        id_[3]
        == "Skenario “Kombinasi”: UHC Prioritas tercapai pada Desember 2025; Pemda membayar Rp34 miliar per tahun."
    )
    en = budget_text.scenario_sentences(cianjur_table["en"], target, "en")
    assert en[1] == (
        "Scenario “Regency enrols residents”: UHC Prioritas would not be reached within 24 months; the regency would "
        "pay IDR 26.4 billion a year."
    )


def test_scenario_table(cianjur, cianjur_table):
    target = budget.default_target(cianjur)
    lines = budget_text.scenario_table(cianjur_table["id"], target, "id").splitlines()
    assert lines[0] == (
        "| Skenario | Cakupan akhir | Keaktifan akhir | UHC Prioritas tercapai | Biaya Pemda 12 bulan pertama "
        "| Biaya Pemda per tahun |"
    )
    assert lines[-1] == ("| Kombinasi | 98 persen | 80 persen | Desember 2025 | Rp24.984.145.200 | Rp33.958.310.400 |")
    en = budget_text.scenario_table(cianjur_table["en"], target, "en").splitlines()
    assert en[3] == (
        "| Regency enrols residents | 98 percent | 70.7 percent | not within 24 months | IDR 20,867,322,000 "
        "| IDR 26,358,192,000 |"
    )


def test_tiny_scenario_sentence(cianjur):
    state = S.State(period=pd.Period("2024-12", "M"), population=1000, registered=950, active=700)
    sc = S.Scenario("Dua langkah", [S.EnrolUnregistered(pace=10, cap=30), S.ReactivateArrears(pace=20)])
    table = S.compare([sc], state, 6)
    target = budget.default_target(cianjur)
    assert budget_text.scenario_sentence(table.iloc[0], target, "id") == (
        "Skenario “Dua langkah”: UHC Prioritas tercapai pada April 2025; Pemda membayar Rp19,2 juta per tahun."
    )  # (30 x 42,000 + 120 x 2,800) x 12 = 1,596,000 x 12


def test_who_pays_what_cash_flow_and_the_denda_warning(cianjur_budget, cianjur):
    table = budget_text.payers_table(cianjur_budget, "id").splitlines()
    assert table[0] == "| Pembayar | Biaya per tahun | Sekali bayar (tunggakan) | Jumlah |"
    assert table[2:] == [
        "| Pemda kabupaten/kota | Rp139.312.656.000 | Rp0 | Rp139.312.656.000 |",
        "| Pemda provinsi | Rp0 | Rp0 | Rp0 |",
        "| peserta | Rp0 | Rp66.450.720.000 | Rp66.450.720.000 |",
        "| CSR perusahaan | Rp0 | Rp0 | Rp0 |",
        "| pemerintah pusat | Rp9.607.752.000 | Rp0 | Rp9.607.752.000 |",
    ]
    flow = budget_text.cash_flow_table(cianjur_budget, "en").splitlines()
    assert flow[0] == "| Month | regency | central government | participants | Total |"
    assert flow[2] == "| Jan 2025 | IDR 11,609,388,000 | IDR 800,646,000 | IDR 5,537,560,000 | IDR 17,947,594,000 |"
    assert len(flow) == 14
    assert budget_text.denda_sentence(cianjur_budget, "id") == ""  # nobody reactivates by paying arrears here
    paying = budget.budget_for(cianjur, 0, 10, split={"pbpu_mandiri": 10}, mandiri_to_pemda=0.0)
    assert budget_text.denda_sentence(paying, "id") == (
        "Peringatan bagi peserta yang diaktifkan kembali dengan melunasi tunggakan: bila dirawat inap dalam 45 hari "
        "setelah aktif kembali, dikenai denda layanan 5 persen biaya perawatan dikali bulan tunggakan (paling banyak "
        "12 bulan), paling banyak Rp30.000.000."
    )
    notes = budget_text.assumption_notes(cianjur_budget, "id")
    assert any(
        n.startswith("Dari peserta PBI APBN yang dinonaktifkan (DTSEN), 50 persen dianggap miskin") for n in notes
    )
    assert any("tidak dihapus: peserta tetap menanggungnya" in n for n in notes)


def test_scenario_text_names_the_province_share_where_it_pays(cianjur):
    # Riau: 55 % of the PBPU Pemda premium is the province's; 30 enrolled x Rp42,000 x 12 = Rp15,120,000 a year.
    state = S.State(period=pd.Period("2024-12", "M"), population=1000, registered=950, active=700, region_code="14.71")
    table = S.compare([S.Scenario("Daftar", [S.EnrolUnregistered(pace=30, cap=30)])], state, 3)
    target = budget.default_target(cianjur)
    assert budget_text.scenario_sentence(table.iloc[0], target, "id").endswith(
        "Pemda membayar Rp6,8 juta per tahun, ditambah Pemda provinsi Rp8,3 juta per tahun."
    )
    assert budget_text.scenario_sentence(table.iloc[0], target, "en").endswith(
        "the regency would pay IDR 6.8 million a year and the province IDR 8.3 million."
    )
    lines = budget_text.scenario_table(table, target, "id").splitlines()
    assert lines[0].endswith("| Biaya Pemda per tahun | Biaya provinsi per tahun |")
    assert lines[-1].endswith("| Rp6.804.000 | Rp8.316.000 |")


def test_state_paid_bp_line_and_notes(cianjur):
    import dataclasses

    split = {"bp_state_registered": 10, "bp_state_active": 0, "bp_other_registered": 10, "bp_other_active": 0}
    fig = dataclasses.replace(cianjur, subsplits=split)
    b = budget.budget_for(fig, 0, 100, split={"bp": 100}, mandiri_to_pemda=0.0)
    rows = budget_text.budget_table(b, "id").splitlines()
    assert rows[2] == (
        "| BP veteran, perintis kemerdekaan dan pensiunan aktif kembali lewat pemutakhiran data (iuran dari negara "
        "atau potongan pensiun) | BP | 50 jiwa | Rp0 | 12 | pemerintah pusat | Rp0 |"
    )
    assert (
        "Peserta BP nonaktif yang iurannya dibayar negara (veteran, perintis kemerdekaan, pensiunan; menurut rincian "
        "data) tidak dihitung seperti peserta mandiri: mereka aktif kembali lewat pemutakhiran data tanpa biaya bagi "
        "Pemda."
    ) in budget_text.assumption_notes(b, "id")
    flat = budget.budget_for(cianjur, 0, 100, split={"bp": 100}, mandiri_to_pemda=0.0)
    assert any(
        n.startswith("The data does not separate the BP participants") for n in budget_text.assumption_notes(flat, "en")
    )
