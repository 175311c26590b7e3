"""The month index page (without a kernel: folders as a batch leaves them): a status map of the 514 kab/kota that
links every brief present, a table with one number format per column and human link text, in both languages."""

from __future__ import annotations

import json
import re

import pytest

from tests.reports.helpers import brief_folder, summary
from uhc_lib.reports.index import write_folder_index

SUMMARIES = {
    "17.07": summary("Kabupaten Lebong", "Bengkulu", 100.71, 75.41, "best"),
    "17.02": summary("Kabupaten Rejang Lebong", "Bengkulu", 96.0, 70.5, "lower"),
    "17.71": summary("Kota Bengkulu", "Bengkulu", 93.25, 68.0, "none"),
    "11.10": summary("Kabupaten Aceh Singkil", "Aceh", 97.1, 76.0, "best"),
}


@pytest.fixture
def folder(tmp_path):
    return brief_folder(tmp_path / "2024-07" / "id", SUMMARIES, failed=("32.03",))


def _rows(page: str) -> dict[str, str]:
    """Table rows by region code."""
    return dict(re.findall(r'<tr data-c="([0-9.]+)"[^>]*>(.*?)</tr>', page))


def test_index_maps_all_514_and_links_only_briefs_present(folder):
    page = write_folder_index(folder, "2024-07", "id", True, "b").read_text(encoding="utf-8")
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert len(re.findall(r'data-c="\d\d\.\d\d"', svg)) == 514
    assert sorted(re.findall(r'<a href="([^"]+)" data-c="([^"]+)" class="([^"]+)"', svg)) == [
        ("11.10.html", "11.10", "s-best"),
        ("17.02.html", "17.02", "s-lower"),
        ("17.07.html", "17.07", "s-best"),
        ("17.71.html", "17.71", "s-none"),
    ]
    assert re.search(r'<path data-c="32.03" class="s-fail"', svg)  # failed: drawn, not linked
    assert re.search(r'<path data-c="17.01" class="s-nobrief" d="[^"]+"><title>Kabupaten Bengkulu Selatan\n'
                     r"Ringkasan belum dibuat</title>", svg)  # fmt: skip
    assert 'data-c="11.1"' not in page and "11.10.html" in page
    assert "<title>Kabupaten Lebong, Juli 2024\nCakupan 100,71 persen · Keaktifan 75,41 persen\nUHC non cut-off" in svg
    legend = re.search(r"<ul class='legend'.*?</ul>", page).group(0)
    assert re.findall(r"</span>([^<]+)</li>", legend) == [
        "UHC non cut-off (2)", "UHC (1)", "Belum UHC (1)", "Gagal dibuat (1)", "Ringkasan belum dibuat (509)",
    ]  # fmt: skip
    assert "Batas wilayah: cahyadsn/wilayah_boundaries (MIT)" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page) and "<script src" not in page  # nothing fetched


def test_table_has_one_number_format_per_column_and_human_link_text(folder):
    page = write_folder_index(folder, "2024-07", "id", True, "b").read_text(encoding="utf-8")
    rows = _rows(page)
    assert list(rows) == ["11.10", "17.02", "17.07", "17.71"]  # every brief present, by code; not the failed one
    lebong = rows["17.07"]
    assert "<a href=\"17.07.html\">Kabupaten Lebong<span class='sr'>, Juli 2024</span></a>" in lebong
    figures = re.findall(r"<td class='n' data-v='([^']+)'>([^<]+)</td>", page)
    assert [shown for _, shown in figures] == ["97,10", "76,00", "96,00", "70,50", "100,71", "75,41", "93,25", "68,00"]
    assert all(re.fullmatch(r"\d{2,3},\d\d", shown) for _, shown in figures)
    assert "<span class='badge ok'>UHC non cut-off</span>" in lebong
    assert "Aceh" in rows["11.10"] and "<td class='code'>11.10</td>" in rows["11.10"]
    data = json.loads(re.search(r"<script type='application/json' id='uhc-data'>(.*?)</script>", page).group(1))
    assert data["regions"]["17.07"]["h"] == "17.07.html" and data["regions"]["17.07"]["c"] == "100,71 persen"
    assert "h" not in data["regions"]["17.01"] and len(data["regions"]) == 514
    assert data["boxes"]["17"][2] > 0 and set(data["boxes"]) >= {"11", "17", "32"}
    options = re.findall(r"<option value='(\d\d)'>([^<]+)</option>", page)
    assert options == [("11", "Aceh"), ("17", "Bengkulu")]  # provinces holding briefs
    assert re.findall(r"<option>([^<]+)</option>", page) == ["UHC non cut-off", "UHC", "Belum UHC"]
    assert "4 dari 4 ringkasan ditampilkan" in page and "2 dari 4 memenuhi UHC non cut-off" in page


def test_english_index_names_regions_in_english(folder):
    page = write_folder_index(folder, "2024-07", "en", True, "b").read_text(encoding="utf-8")
    assert "<a href=\"17.07.html\">Lebong Regency<span class='sr'>, July 2024</span></a>" in page
    assert "Bengkulu City" in _rows(page)["17.71"]
    figures = re.findall(r"<td class='n' data-v='[^']+'>([^<]+)</td>", page)
    assert figures[:2] == ["97.10", "76.00"]
    assert "<title>Bengkulu Selatan Regency\nBrief not made yet</title>" in page  # the map names it in English too
    assert "4 of 4 briefs shown" in page and "<html lang='en'>" in page


def test_every_brief_present_stays_listed_and_a_national_month_stays_small(tmp_path):
    from uhc_lib import api

    names = api.region_names()
    every = {
        c: summary(n, "P", 98.5, 80.25, ("best", "lower", "none")[i % 3]) for i, (c, n) in enumerate(names.items())
    }
    folder = brief_folder(tmp_path / "2024-07" / "id", every)
    index = write_folder_index(folder, "2024-07", "id", True, "b", [])
    page = index.read_text(encoding="utf-8")
    assert len(_rows(page)) == 514 and len(re.findall(r'<a href="[0-9.]+\.html" data-c=', page)) == 514
    assert index.stat().st_size < 1_500_000
    (folder / "17.07.html").unlink()  # a brief whose page is gone is neither listed nor linked
    page = write_folder_index(folder, "2024-07", "id", True, "b", []).read_text(encoding="utf-8")
    assert len(_rows(page)) == 513 and "17.07.html" not in page
