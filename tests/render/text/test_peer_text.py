"""Peer sentences, exact in Indonesian and English, from the figures of uhc_lib.analysis.peers."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.helpers import make_panel
from uhc_lib.analysis import peers
from uhc_lib.render.text import peer_text
from uhc_lib.rules.indicators import indicators

SMALL = [("32.01", 1000, 990, 900), ("32.02", 1000, 990, 800), ("32.03", 2000, 1900, 1600),
         ("11.01", 500, 490, 350), ("11.02", 500, 400, 400), ("11.03", 1000, 900, 600)]  # fmt: skip


@pytest.fixture(scope="module")
def small():
    return indicators(make_panel([(c, "2025-12", "total", p, r, a) for c, p, r, a in SMALL]))


@pytest.fixture(scope="module")
def pos(small):
    return peers.peer_position(small, "32.03")


def test_rank_sentence(pos):
    assert peer_text.rank_sentence(pos, "activity_pct", "id") == (
        "Kabupaten Cianjur berada di peringkat 2 dari 3 kabupaten/kota di Jawa Barat untuk keaktifan "
        "(80 persen penduduk); di antara 6 kabupaten/kota dari 2 provinsi dalam data, di peringkat 2."
    )  # two provinces in the data: a rank among them, not a national one
    assert peer_text.rank_sentence(pos, "coverage_pct", "en") == (
        "Kabupaten Cianjur ranks 3rd of 3 regencies and cities in Jawa Barat for coverage "
        "(95 percent of the population); among the 6 regencies and cities of the 2 provinces in the data it ranks 4th."
    )


def test_a_rank_is_national_only_when_the_data_holds_the_nation(panel):
    nation = peers.peer_position(indicators(panel), "17.07", "2024-07")
    assert nation.nationwide
    assert "; secara nasional di peringkat 431 dari 514." in peer_text.rank_sentence(nation, "activity_pct", "id")
    one = panel[panel["region_code"].str.startswith("17.")]  # a user's file for Bengkulu only
    pos = peers.peer_position(indicators(one), "17.07", "2024-07")
    assert not pos.nationwide
    text = peer_text.position_paragraph(pos, "id")
    assert "nasional di peringkat" not in text
    assert text.startswith(
        "Kabupaten Lebong berada di peringkat 8 dari 10 kabupaten/kota di Bengkulu untuk keaktifan (75,41 persen "
        "penduduk); data ini hanya memuat Bengkulu, sehingga tidak ada peringkat nasional."
    )
    assert text.count("tidak ada peringkat nasional") == 1  # said once, not for both metrics
    assert "the data holds Bengkulu only, so there is no national rank" in peer_text.position_paragraph(pos, "en")


def test_coverage_above_100_percent_is_ranked_as_100_percent(panel):
    pos = peers.peer_position(indicators(panel), "17.07", "2024-07")  # Lebong: 100,71 persen registered
    assert pos.coverage_capped and pos.coverage_rank_national == 1
    ind = indicators(panel)
    capped = int((ind.loc[ind["period"] == pd.Period("2024-07", "M"), "coverage_pct"] >= 100).sum())
    assert pos.coverage_ties_national == capped - 1 > 0  # every region at or above 100 % shares the first rank
    text = peer_text.rank_sentence(pos, "coverage_pct", "id")
    assert f"secara nasional di peringkat 1 dari 514, bersama {capped - 1} kabupaten/kota lain." in text
    assert text.endswith(
        "Cakupan di atas 100 persen dihitung 100 persen dalam peringkat ini, karena kelebihannya menandakan masalah "
        "kualitas data (lihat di atas), bukan hasil yang lebih baik."
    )
    assert "counts as 100 percent in this ranking" in peer_text.rank_sentence(pos, "coverage_pct", "en")


def test_a_year_without_an_activity_minimum_has_no_activity_line(small):
    q = peers.quadrants(small, year=2022)
    assert q.activity_line is None and q.coverage_line == 95
    assert peer_text.quadrant_sentence(q, "id") == (
        "Pada Desember 2025, dari 6 kabupaten/kota, 4 memenuhi cakupan minimal 95 persen (kriteria 2022, tanpa batas "
        "keaktifan) dan 2 belum."
    )
    pos = peers.peer_position(small, "32.03", year=2022)
    assert "Kabupaten Cianjur memenuhi batas cakupan; 3 dari 3 kabupaten/kota di Jawa Barat memenuhi batas itu." in (
        peer_text.position_paragraph(pos, "id")
    )
    assert peer_text.lines_legend(95, None, 2022, "id") == "Kriteria 2022\ncakupan minimal 95 persen"


def test_province_sentence(pos):
    assert peer_text.province_sentence(pos.activity_inequality, "id") == (
        "Di Jawa Barat, keaktifan gabungan 3 kabupaten/kota adalah 82,5 persen; tertinggi Kabupaten Bogor "
        "(90 persen) dan terendah Kabupaten Sukabumi (80 persen), selisih 10 poin persen."
    )
    assert peer_text.province_sentence(pos.coverage_inequality, "en") == (
        "In Jawa Barat, the pooled coverage of its 3 regencies and cities is 97 percent; the highest is "
        "Kabupaten Bogor (99 percent) and the lowest Kabupaten Cianjur (95 percent), a difference of "
        "4 percentage points."
    )


def test_quadrant_sentence(small):
    q = peers.quadrants(small)
    assert peer_text.quadrant_sentence(q, "id") == (
        "Pada Desember 2025, dari 6 kabupaten/kota, 2 memenuhi cakupan minimal 98 persen dan keaktifan minimal "
        "80 persen (kriteria 2025), 1 hanya memenuhi cakupan, 2 hanya memenuhi keaktifan, dan 1 belum memenuhi "
        "keduanya."
    )
    assert peer_text.quadrant_sentence(q, "en") == (
        "In December 2025, of 6 regencies and cities, 2 met coverage of at least 98 percent and activity of at "
        "least 80 percent (2025 criteria), 1 met coverage only, 2 activity only, and 1 neither."
    )


def test_position_paragraph(pos):
    text = peer_text.position_paragraph(pos, "id")
    assert text.startswith("Kabupaten Cianjur berada di peringkat 2 dari 3")
    assert (
        "Dengan batas cakupan minimal 98 persen dan keaktifan minimal 80 persen (kriteria 2025), Kabupaten Cianjur "
        "memenuhi batas keaktifan tetapi belum batas cakupan; 2 dari 3 kabupaten/kota di Jawa Barat memenuhi "
        "keduanya." in text
    )
    en = peer_text.position_paragraph(pos, "en")
    assert "Kabupaten Cianjur meets the activity line but not yet the coverage line; 2 of the 3" in en


def test_printed_difference_is_the_difference_of_printed_values():
    row = {"metric": "activity_pct", "province_name": "P", "n": 2, "pooled_pct": 80.0, "best_name": "A",
           "best_pct": 85.126, "worst_name": "B", "worst_pct": 80.124, "difference": 5.002}  # fmt: skip
    assert peer_text.province_sentence(row, "en").endswith("A (85.13 percent) and the lowest B (80.12 percent), "
                                                           "a difference of 5.01 percentage points.")  # fmt: skip


def test_cianjur_rank_on_the_embedded_panel(panel):
    pos = peers.peer_position(indicators(panel), "32.03", "2024-12")
    assert peer_text.rank_sentence(pos, "activity_pct", "id").startswith(
        f"Kabupaten Cianjur berada di peringkat {pos.activity_rank_province} dari 27 kabupaten/kota di Jawa Barat "
        "untuk keaktifan (68,7 persen penduduk)"
    )


ORDINALS = [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
            (102, "102nd"), (111, "111th")]  # fmt: skip


@pytest.mark.parametrize(("n", "text"), ORDINALS)
def test_english_ordinals(n, text):
    assert peer_text.ordinal(n, "en") == text
    assert peer_text.ordinal(n, "id") == str(n)


def test_short_names_and_labels():
    assert peer_text.short_name("Kabupaten Cianjur") == "Kab. Cianjur"
    assert peer_text.short_name("Kota Bandung") == "Kota Bandung"
    assert peer_text.quadrant_label("coverage_only", "en") == "Coverage only"
    with pytest.raises(ValueError, match="language must be one of"):
        peer_text.quadrant_label("both", "fr")
