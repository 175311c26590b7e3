"""The status sentence names the status BPJS gives (the badge's words), since when, and what it assumes."""

import pytest

from tests.helpers import make_panel
from uhc_lib.analysis.brief import brief_figures
from uhc_lib.render.text import narrative


def figures(rows, period, arrears=None):
    panel = make_panel(rows)
    if arrears is not None:
        panel["pemda_arrears_rp"] = panel["period"].astype(str).map(arrears).astype("Int64")
    return brief_figures(panel, rows[0][0], period)


POP = 1_000_000


def months(code, values):
    return [(code, p, "total", POP, reg, act) for p, (reg, act) in values.items()]


def test_kota_bogor_october_2025_is_cut_off_not_not_uhc():
    fig = figures(months("32.71", {"2025-09": (986_000, 801_000), "2025-10": (986_700, 798_500)}), "2025-10")
    assert fig.status == "cut_off" and fig.status_tone == "lower"
    text = narrative.status(fig)
    assert (
        "belum memenuhi UHC Prioritas: cakupan 98,67 persen sudah melampaui 98 persen, tetapi keaktifan 79,85" in text
    )
    assert "Kota Bogor berstatus UHC Cut Off (cakupan kepesertaan minimal 98 persen)." in text
    assert "Kota Bogor kehilangan status UHC Prioritas sejak Oktober 2025." in text
    assert "belum berstatus UHC" not in text
    english = narrative.status(fig, "en")
    assert "Kota Bogor holds UHC Cut Off" in english and "has lost UHC Prioritas since October 2025." in english


def test_pamekasan_meets_the_ratios_but_owes_pemda_premiums():
    rows = months("35.28", {"2025-09": (987_000, 801_000), "2025-10": (987_000, 801_000)})
    fig = figures(rows, "2025-10", arrears={"2025-09": 0, "2025-10": 41_000_000_000})
    assert fig.status == "cut_off" and fig.arrears_rp == 41_000_000_000 and not fig.arrears_assumed
    text = narrative.status(fig)
    assert "memenuhi batas minimalnya. Cakupan dan keaktifan memenuhi UHC Prioritas, tetapi data mencatat" in text
    assert "tunggakan iuran PBPU Pemda sebesar Rp41.000.000.000, sehingga statusnya bukan UHC Prioritas." in text
    assert "Kabupaten Pamekasan berstatus UHC Cut Off" in text
    assert "kehilangan status UHC Prioritas sejak Oktober 2025" in text


def test_prioritas_without_an_arrears_figure_says_it_assumed_none():
    fig = figures(months("17.07", {"2026-01": (997_400, 827_800)}), "2026-01")
    assert fig.status == "prioritas" and fig.status_tone == "best" and fig.arrears_assumed
    assert fig.status_change is None  # one month of data: nothing to compare
    text = narrative.status(fig)
    assert text.startswith("Menurut kriteria 2026 untuk UHC Prioritas")
    assert "data ini tidak memuat angka tunggakan, sehingga dianggap tidak ada" in text
    paid = figures(months("17.07", {"2026-01": (997_400, 827_800)}), "2026-01", arrears={"2026-01": 0})
    assert not paid.arrears_assumed and "tunggakan" not in narrative.status(paid)


def test_tanjung_pinang_is_not_uhc_and_the_uncertain_cut_off_minimum_is_said():
    fig = figures(months("21.72", {"2026-01": (974_700, 760_000)}), "2026-01")
    assert fig.status == "none" and fig.status_tone == "none" and fig.uncertain == ["cut_off"]
    text = narrative.status(fig)
    assert "Kota Tanjung Pinang belum berstatus UHC." in text
    assert "Catatan: batas cakupan UHC Cut Off tidak dinyatakan resmi; brief ini memakai 98 persen" in text
    assert "Note: the coverage minimum of UHC Cut Off is not stated officially" in narrative.status(fig, "en")


def test_a_status_lost_with_new_rules_says_so():
    rows = months("17.07", {"2024-12": (1_007_000, 760_000), "2025-01": (1_007_000, 761_000)})
    fig = figures(rows, "2025-01")
    assert fig.status == "cut_off" and fig.status_change.lost and fig.status_change.rules_changed
    assert "kehilangan status UHC non cut-off sejak Januari 2025 (berlakunya kriteria 2025)." in narrative.status(fig)


def test_a_gained_status_says_since_when():
    rows = months("32.03", {"2025-08": (1_000_000, 790_000), "2025-09": (1_000_000, 820_000)})
    fig = figures(rows, "2025-09")
    assert fig.status == "prioritas" and not fig.status_change.lost
    assert "Status ini berlaku sejak September 2025." in narrative.status(fig)
    assert "It has held this status since September 2025." in narrative.status(fig, "en")


@pytest.mark.parametrize(
    ("values", "tier", "sentence"),
    [
        ((1_002_600, 1_000_000), "utama", "Kabupaten Natuna meraih UHC Awards Utama."),  # the 100 % waiver
        ((990_000, 860_000), "madya", "Kabupaten Natuna meraih UHC Awards Madya."),
        ((987_000, 812_000), "pratama", "Kabupaten Natuna meraih UHC Awards Pratama."),
        ((970_800, 640_000), "none", "tidak mendapat penghargaan: setiap tingkat mensyaratkan UHC Prioritas"),
    ],
)
def test_awards_are_an_assessment_of_december_2025(values, tier, sentence):
    rows = months("21.03", {"2025-12": values, "2026-01": values})
    fig = figures(rows, "2026-01")
    assert fig.award.tier == tier and str(fig.award.reference_month) == "2025-12"
    text = narrative.award(fig)
    assert text.startswith("Pada UHC Awards 2026, yang menilai data Desember 2025, Kabupaten Natuna")
    assert sentence in text
    assert fig.status in ("prioritas", "none")  # the Awards never set the status


def test_no_award_sentence_outside_the_awards_window():
    fig = figures(months("21.03", {"2025-11": (999_000, 960_000)}), "2025-11")
    assert fig.award is None and narrative.award(fig) == ""
    assert narrative.award(figures(months("21.03", {"2026-01": (999_000, 960_000)}), "2026-01")) == ""  # no Dec 2025


def test_national_targets_are_targets_not_statuses():
    fig = figures(months("32.03", {"2025-12": (985_000, 810_000)}), "2025-12")
    assert [(n.year, n.min_coverage_pct, n.met) for n in fig.national_targets] == [
        (2025, 98.6, False),
        (2029, 99.0, False),
    ]
    text = narrative.gap_paragraph(fig)
    assert (
        "Target nasional RPJMN, yang merupakan target dan bukan syarat status, adalah cakupan kepesertaan 98,6 " in text
    )
    assert "persen pada 2025 dan 99 persen pada 2029; cakupan Kabupaten Cianjur kini 98,5 persen." in text
    assert fig.status == "prioritas"  # 98.5 % is Prioritas: the 98.6 % RPJMN figure is no status rule
    old = figures(months("32.03", {"2024-12": (960_000, 687_000)}), "2024-12")
    assert [n.year for n in old.national_targets] == [2025, 2029]


def test_an_awards_tier_met_through_its_alternative_needs_nothing_more():
    rows = [
        ("32.03", "2025-12", "pbpu_pemda", POP, 303_000, 290_000),
        ("32.03", "2025-12", "pbi_apbn", POP, 700_000, 530_000),
    ]  # 100.3 % registered, 82 % active, 30.3 % by the Pemda: Madya by the Pemda alternative
    fig = brief_figures(make_panel(rows), "32.03", "2025-12")
    madya = next(t for t in fig.goals if t.criterion == "madya")
    assert madya.met and madya.kind == "award" and madya.when == 2026
    assert (madya.enrol_needed, madya.activate_needed, madya.reactivate_needed) == (0, 0, 0)
    assert madya.rules_name("id") == "UHC Awards 2026" and fig.headline_target.rules_name("en") == "2025 criteria"


def test_the_same_status_under_the_next_years_rules_is_no_change():
    rows = months(
        "17.07", {"2025-10": (990_000, 790_000), "2025-11": (990_000, 810_000), "2026-01": (990_000, 815_000)}
    )
    fig = figures(rows, "2026-01")
    assert fig.status == "prioritas" and str(fig.status_change.since) == "2025-11" and not fig.status_change.lost
    assert "Status ini berlaku sejak November 2025." in narrative.status(fig)
