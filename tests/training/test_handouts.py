"""The printable handouts: one A4 page per lesson in each language, lesson 3's statuses and Awards from the rules."""

import pypdf
import pytest

from uhc_lib.training import handouts


@pytest.fixture(scope="module", params=["id", "en"])
def pdf(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"handouts_{request.param}")
    html_path, pdf_path = handouts.write_handouts(out, request.param, "35.28", "2026-03")
    assert html_path.exists() and not list(out.glob("*.tmp"))
    return request.param, pypdf.PdfReader(pdf_path)


def test_one_a4_page_per_lesson_with_its_title(pdf):
    lang, reader = pdf
    records = handouts.pages()
    assert [r["number"] for r in records] == [0, 1, 2, 3, 4, 5]
    assert len(reader.pages) == len(records)  # nothing spills onto a second page
    for page, record in zip(reader.pages, records, strict=True):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        text = page.extract_text()
        assert record["title"][lang] in text
        assert "Pamekasan" in text and "35.28" in text


def test_lesson_three_teaches_the_statuses_and_the_awards_from_the_rules(pdf):
    lang, reader = pdf
    text = " ".join(reader.pages[3].extract_text().split())
    assert "UHC Prioritas" in text and "UHC Cut Off" in text
    pemda = "25 persen penduduk didaftarkan Pemda" if lang == "id" else "25 percent of the population registered"
    assert pemda in text  # the Madya path at 98/80 with 25 % registered by the Pemda, not "85 persen"
    assert ("tanpa tunggakan iuran PBPU Pemda" if lang == "id" else "no PBPU Pemda premium arrears") in text


def test_handouts_without_a_region_say_where_figures_come_from():
    doc = handouts.handouts_html("id")
    assert doc.count("<section>") == 6 and "dibuat secara simulasi" in doc and "Lokakarya" not in doc


def test_the_command_refuses_an_unknown_region_in_one_sentence(tmp_path, capsys):
    assert handouts.main(["--out", str(tmp_path), "--region", "99.99"]) == 2
    err = capsys.readouterr().err
    assert "handouts not written" in err and "Traceback" not in err
