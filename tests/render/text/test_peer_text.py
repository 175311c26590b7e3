"""Peer sentences, exact in Indonesian and English, from the figures of uhc_lib.analysis.peers."""

from __future__ import annotations

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
        "(80 persen penduduk); secara nasional di peringkat 2 dari 6."
    )
    assert peer_text.rank_sentence(pos, "coverage_pct", "en") == (
        "Kabupaten Cianjur ranks 3rd of 3 regencies and cities in Jawa Barat for coverage "
        "(95 percent of the population); nationally it ranks 4th of 6."
    )


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
        "Terhadap cakupan minimal 98 persen dan keaktifan minimal 80 persen (kriteria 2025), Kabupaten Cianjur "
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
