"""changes.html in both languages, from changes whose answer is known (tests/analysis/test_changes.py's panel)."""

import html
import re

import pytest

from tests.analysis.test_changes import FIGURES, panel
from uhc_lib.analysis.changes import month_changes
from uhc_lib.reports.changes_page import page_html, write_changes_page


def text(page: str) -> str:
    body = page.split("<body>", 1)[1]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def test_the_page_lists_gains_losses_movers_and_new_flags_in_indonesian(tmp_path):
    c = month_changes(panel(), list(FIGURES), "2026-11")
    path = write_changes_page(tmp_path, c, "id", illustrative=True)
    page = path.read_text(encoding="utf-8")
    words = text(page)
    assert "Perubahan bulan ini — November 2026" in words and "Data ilustratif" in words
    assert "Status dibanding Oktober 2026" in words and "1 wilayah naik status, 1 wilayah turun status." in words
    assert "Status dibanding Desember 2025" in words and "2 wilayah naik status, 1 wilayah turun status." in words
    assert "17.02 Kabupaten Rejang Lebong" in words and "belum memenuhi kriteria UHC UHC Prioritas naik status" in words
    assert "17.01 Kabupaten Bengkulu Selatan UHC Prioritas UHC Cut Off turun status" in words
    assert "+11,00 poin persen" in words and "+0,50 poin persen" in words and "−2,00 poin persen" in words
    assert "70,00 81,00" in words and "75,00 75,50" in words  # activity before and now, Indonesian decimals
    assert "Cakupan di atas 100 persen 101 persen" in words
    assert "href='17.02.html'" in page and "href='index.html'" in page
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_page_in_english():
    words = text(page_html(month_changes(panel(), list(FIGURES), "2026-11"), "en"))
    assert "This month's changes — November 2026" in words and "Illustrative data" not in words
    assert "1 region gained a status, 1 lost one." in words and "status lost" in words
    assert "+11.00 percentage points" in words and "−2.00 percentage points" in words
    assert "Coverage above 100 percent 101 percent" in words


@pytest.mark.parametrize(
    ("lang", "first", "none"),
    [
        ("id", "November 2026 adalah bulan pertama dalam data: tidak ada bulan sebelumnya", "Tidak ada wilayah yang "
         "berubah status."),
        ("en", "November 2026 is the first month of the data: there is no previous month", "No region changed status."),
    ],
)  # fmt: skip
def test_first_month_and_no_change(lang, first, none):
    one = text(page_html(month_changes(panel(months={"2026-11"}), list(FIGURES), "2026-11"), lang))
    assert first in one and "<table" not in one
    same = {code: {"2026-10": m["2026-10"], "2026-11": m["2026-10"]} for code, m in FIGURES.items()}
    words = text(page_html(month_changes(panel(same), list(same), "2026-11"), lang))
    assert none in words
    assert ("Data tidak memuat Desember 2025" if lang == "id" else "The data does not hold December 2025") in words


def test_a_change_from_new_rules_is_marked():
    from uhc_lib import api

    words = text(page_html(api.changes_for(["17.07"], "2025-01"), "id"))
    assert "17.07 Kabupaten Lebong UHC non cut-off UHC Cut Off turun status *" in words
    assert "perubahan bertanda * datang dari kriteria baru" in words
