"""PDF briefs: A4, numbered pages, the region's figures in the text, the illustrative note."""

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.notebook


def test_cianjur_pdf(produced):
    result = next(r for r in produced.results if r.region_code == "32.03")
    assert result.ok and result.pdf.endswith("32.03.pdf")
    reader = PdfReader(result.pdf)
    assert 2 <= len(reader.pages) <= 6
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    assert "Kabupaten Cianjur" in text and "Desember 2024" in text
    assert "96 persen" in text and "68,7 persen" in text
    assert "52.298" in text and "295.477" in text
    assert "Data ilustratif" in text and "hasil simulasi proyek UHC Monitor" in text and "dibangkit" not in text
    assert "Rp26,4 miliar per tahun" in text and "Rp26.358.192.000" in text  # rounded in the text, exact in the table
    assert "UHC Prioritas tercapai pada Desember 2025" in text
    assert "¶" not in text  # heading anchors are not printed
    assert f"Halaman 1 dari {len(reader.pages)}" in text


def test_failed_region_has_no_pdf(produced, tmp_path):
    failed = next(r for r in produced.results if r.region_code == "11.01")
    assert not failed.ok and failed.pdf is None
    assert not (produced.out_dir / "11.01.pdf").exists()
