"""reports/index.html, the home page: what is here, the latest month in each language with its status counts and
link, earlier months, exploratory and matching reports by their titles (issue 14)."""

from __future__ import annotations

import re

from tests.reports.helpers import brief_folder, summary
from uhc_lib.reports.batch import write_reports_home
from uhc_lib.reports.index import write_folder_index


def _links(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', page)


def test_home_shows_the_latest_month_per_language_with_its_status_counts(tmp_path):
    latest = {
        "17.07": summary("Kabupaten Lebong", "Bengkulu", 100.71, 75.41, "best"),
        "17.08": summary("Kabupaten Kepahiang", "Bengkulu", 99.0, 76.0, "best"),
        "32.03": summary("Kabupaten Cianjur", "Jawa Barat", 96.0, 68.7, "lower"),
        "17.71": summary("Kota Bengkulu", "Bengkulu", 93.0, 66.0, "none"),
    }
    for period, lang, briefs, failed in (("2025-12", "id", latest, ("11.01",)), ("2024-07", "id", latest, ()),
                                         ("2024-07", "en", {"17.07": latest["17.07"]}, ())):  # fmt: skip
        folder = brief_folder(tmp_path / period / lang, briefs, failed=failed)
        write_folder_index(folder, period, lang, True, "b")
    (tmp_path / "2025-12" / "id" / "changes.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "2025-12" / "id" / "rekap_2025-12.xlsx").write_bytes(b"PK")
    (tmp_path / "explore" / "id").mkdir(parents=True)
    (tmp_path / "explore" / "id" / "trends_projections.html").write_text(
        "<html><head><title>Tren dan proyeksi cakupan JKN</title></head></html>", encoding="utf-8"
    )
    (tmp_path / "matching" / "id").mkdir(parents=True)
    (tmp_path / "matching" / "id" / "17.07_2024-07.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "notebooks" / "x").mkdir(parents=True)
    (tmp_path / "notebooks" / "x" / "index.html").write_text("<html></html>", encoding="utf-8")

    page = write_reports_home(tmp_path).read_text(encoding="utf-8")
    assert _links(page) == [
        ("2025-12/id/index.html", "Buka peta dan daftar ringkasan Desember 2025"),
        ("2025-12/id/changes.html", "Perubahan bulan ini"),  # the month's other pages, when present
        ("2025-12/id/rekap_2025-12.xlsx", "Rekap (Excel)"),
        ("2024-07/en/index.html", "Buka peta dan daftar ringkasan July 2024"),
        ("2024-07/id/index.html", "Juli 2024"),  # earlier months: each listed once
        ("explore/id/trends_projections.html", "Tren dan proyeksi cakupan JKN"),  # by its title
        ("matching/id/17.07_2024-07.html", "17.07_2024-07"),  # no title: its file name
    ]
    card = page[page.index("<div class='card' lang='id'>") :].split("</div>", 1)[0]
    assert "Desember 2025 · Bahasa Indonesia" in card and "4 ringkasan kabupaten/kota" in card
    assert re.findall(r"<span class='badge (\w+)'>([^<]+)</span> ?(\d*)", card) == [
        ("ok", "UHC non cut-off", "2"),
        ("partial", "UHC", "1"),
        ("no", "Belum UHC", "1"),
        ("fail", "1 gagal dibuat", ""),
    ]
    assert "July 2024 · English" in page and "1 ringkasan kabupaten/kota" in page
    assert "<td class='n'>4</td>" in page  # July 2024 (id) holds 4 briefs
    assert "<title>UHC Monitor: laporan</title>" in page and "Pemadanan registrasi" in page
    assert "dapat dibuka tanpa internet" in page and "notebooks/x" not in page


def test_an_empty_reports_folder_says_how_to_make_briefs(tmp_path):
    page = write_reports_home(tmp_path).read_text(encoding="utf-8")
    assert _links(page) == [] and "Belum ada laporan di folder ini" in page and "uhc batch" in page
