"""The narrative reads like the accounts, in Indonesian and English, with figures formatted for each."""

import pytest

from uhc_lib.render.text import narrative


def test_lebong_indonesian(lebong):
    text = narrative.markdown(lebong, "id")
    assert "100,71 persen" in text and "75,41 persen" in text
    assert "25,3 persen penduduk (28.797 jiwa) terdaftar sebagai peserta tetapi tidak aktif" in text
    assert "peserta yang aktif hanya 85.833 jiwa" in text
    assert "memenuhi UHC non cut-off, tetapi keaktifan hanya 0,41 poin persen di atas batas minimal 75 persen" in text
    assert "Dinas Sosial" in text  # coverage above 100 % -> data matching
    assert narrative.ILLUSTRATIVE_NOTE["id"] in text


def test_illustrative_notes_read_as_plain_indonesian():
    """The notes say "hasil simulasi": "dibangkitkan" (a literal "generated") read oddly to Indonesian readers."""
    from uhc_lib.render.text import explore_text

    notes = {"id": [narrative.ILLUSTRATIVE_NOTE["id"], explore_text.COMMON["id"]["illustrative"]],
             "en": [narrative.ILLUSTRATIVE_NOTE["en"], explore_text.COMMON["en"]["illustrative"]]}  # fmt: skip
    for note in notes["id"]:
        assert "hasil simulasi proyek UHC Monitor" in note and "dibangkit" not in note
    for note in notes["en"]:
        assert "simulated by the UHC Monitor project" in note and "generated" not in note


def test_lebong_english(lebong):
    text = narrative.markdown(lebong, "en")
    assert "100.71 percent" in text and "75.41 percent" in text
    assert "25.3 percent of the population (28,797 people) is registered but not active" in text
    assert "persen" not in text and "jiwa" not in text


def test_printed_inactive_share_is_the_difference_of_printed_shares(panel):
    from uhc_lib.analysis.brief import brief_figures
    from uhc_lib.common import fmt

    for code in ("11.01", "32.03", "17.07", "82.08", "94.01"):
        fig = brief_figures(panel, code, "2025-03")
        cov, act = round(fig.coverage_pct, 2), round(fig.activity_pct, 2)
        assert f"{fmt.percent(round(cov - act, 2))} penduduk" in narrative.headline(fig)


def test_cianjur_indonesian_gaps_to_2024_and_2025(cianjur):
    text = narrative.markdown(cianjur, "id")
    assert "96 persen" in text and "68,7 persen" in text
    assert (
        "belum memenuhi UHC non cut-off: cakupan 96 persen sudah melampaui 95 persen, tetapi keaktifan 68,7 "
        "persen masih di bawah 75 persen" in text
    )
    assert (
        "UHC Prioritas (kriteria 2025: cakupan kepesertaan minimal 98 persen dan keaktifan minimal 80 persen)" in text
    )
    assert "sebanyak 52.298 jiwa perlu didaftarkan dan peserta aktif perlu bertambah 295.477 jiwa" in text
    assert "243.179 di antaranya" in text


def test_cianjur_english(cianjur):
    text = narrative.markdown(cianjur, "en")
    assert "96 percent" in text and "68.7 percent" in text
    assert "52,298 people must be enrolled and active participants must increase by 295,477 people" in text


def test_trend_sentence_and_projection(cianjur):
    text = narrative.trend(cianjur, "id")
    assert text.startswith("Dibandingkan bulan sebelumnya, cakupan ")
    assert "dibandingkan Desember 2023" in text
    assert "Dengan laju rata-rata 6 bulan terakhir" in text


def test_all_met_says_so(panel):
    from uhc_lib.analysis.brief import brief_figures

    fig = brief_figures(panel, "32.77", "2025-12", criteria_year=2025)  # Cimahi 98.25 / 81.53
    assert "Kota Cimahi memenuhi UHC Prioritas" in narrative.status(fig, "id")


def test_projection_beyond_five_years_is_not_given_a_month(panel):
    from uhc_lib.analysis.brief import brief_figures

    fig = brief_figures(panel, "82.08", "2025-12")  # Pulau Taliabu, far from 98 %
    assert "tidak akan tercapai dalam lima tahun" in narrative.projection(fig, "id")


def test_unknown_language(lebong):
    with pytest.raises(ValueError, match="language"):
        narrative.paragraphs(lebong, "fr")


def test_not_illustrative_has_no_note(panel):
    from uhc_lib.analysis.brief import brief_figures

    fig = brief_figures(panel, "17.07", "2024-07", illustrative=False)
    assert "ilustratif" not in narrative.markdown(fig, "id")
