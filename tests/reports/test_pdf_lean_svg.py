"""The lean print SVG (uhc_lib.reports.print_svg): the same texts and drawn shapes as matplotlib's, and a PDF
that prints the same text as one made from matplotlib's SVG."""

import base64
import io
import re
import shutil
import subprocess
from xml.etree import ElementTree as ET

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pytest  # noqa: E402

from uhc_lib.render.charts import style  # noqa: E402
from uhc_lib.reports import pdf  # noqa: E402
from uhc_lib.reports.print_svg import lean_svg  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def chart_svg() -> str:
    """A chart with what the brief's charts use: lines with markers (defs/use), bars, clipping, rotated and
    anchored texts, a legend, grid lines."""
    with plt.rc_context(style.SVG_RC):
        fig, (left, right) = plt.subplots(1, 2, figsize=(9.6, 4))
        left.plot([2023, 2024, 2025, 2026], [91.5, 94.2, 98.7, 100.98], marker="o", label="Cakupan kepesertaan")
        left.axhline(98, linestyle="--", color="#1f5fa8")
        left.annotate("100,98", (2026, 100.98), xytext=(4, 0), textcoords="offset points", fontweight="bold")
        left.set_ylabel("persen penduduk")
        left.grid(axis="y", alpha=0.3)
        left.legend(loc="lower right")
        left.set_title("Cakupan dan keaktifan JKN, Kabupaten Cianjur", loc="left")
        right.barh(["PBI APBN", "PPU", "BP"], [1047507, 174373, 34577], color="#1f5fa8")
        right.text(1.0, 1.02, "Data ilustratif (bukan data resmi BPJS Kesehatan)", transform=right.transAxes,
                   ha="right", fontsize=7, color="#9a3412")  # fmt: skip
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        plt.close(fig)
    return buffer.getvalue()


def drawn(svg: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The texts (with their font size and anchor, from style or attribute) and the ``d`` of every drawn path, a
    ``<use>`` counted as the path it draws."""
    root = ET.fromstring(svg.encode())
    defined = {el.get("id"): el for el in root.iter(f"{SVG}path") if el.get("id")}
    in_defs = {id(el) for defs in root.iter(f"{SVG}defs") for el in defs.iter()}
    texts, paths = [], []
    for el in root.iter():
        props = dict(el.attrib)
        for item in el.get("style", "").split(";"):
            if ":" in item:
                name, _, value = item.partition(":")
                props[name.strip()] = value.strip()
        if el.tag == f"{SVG}text":
            texts.append(("".join(el.itertext()), f"{props.get('font-size')} {props.get('text-anchor', 'start')}"))
        elif el.tag == f"{SVG}path" and id(el) not in in_defs:
            paths.append(" ".join(el.get("d").split()))
        elif el.tag == f"{SVG}use":
            paths.append(" ".join(defined[el.get(XLINK)[1:]].get("d").split()))
    return texts, paths


def test_lean_svg_keeps_every_text_and_drawn_path():
    original = chart_svg()
    lean = lean_svg(original)
    assert lean != original
    texts, paths = drawn(original)
    assert len(texts) > 10 and len(paths) > 20 and "<use" in original  # the chart has what is folded
    assert drawn(lean) == (texts, paths)
    assert ("Cakupan dan keaktifan JKN, Kabupaten Cianjur", "12px start") in drawn(lean)[0]


def test_lean_svg_has_no_css_metadata_or_indirection():
    lean = lean_svg(chart_svg())
    for markup in ("style=", "<metadata", "<style", "<use", "xlink:href", 'id="line2d', "<g>"):
        assert markup not in lean
    root = ET.fromstring(lean)
    assert root.get("stroke-linejoin") == "round"  # matplotlib's `*{...}` rule, inherited from the root
    clipped = [el for el in root.iter() if el.get("clip-path")]
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert clipped and {re.search(r"#([^)]+)", el.get("clip-path")).group(1) for el in clipped} <= ids


def test_lean_svg_draws_each_use_where_it_was_placed():
    original = ET.fromstring(chart_svg().encode())
    defined = {el.get("id"): " ".join(el.get("d").split()) for el in original.iter(f"{SVG}path") if el.get("id")}
    uses = [
        (f"translate({el.get('x')} {el.get('y')})", defined[el.get(XLINK)[1:]]) for el in original.iter(f"{SVG}use")
    ]
    lean = ET.fromstring(lean_svg(chart_svg()))
    placed = [(el.get("transform"), " ".join(el.get("d").split())) for el in lean.iter(f"{SVG}path")
              if (el.get("transform") or "").startswith("translate(")]  # fmt: skip
    assert len(uses) > 5 and placed == uses


def test_svg_with_other_css_is_printed_as_it_is():
    svg = chart_svg().replace("*{stroke-linejoin", "path{fill: red} *{stroke-linejoin")
    assert lean_svg(svg) == svg
    assert lean_svg("<svg xmlns='http://www.w3.org/2000/svg'><g") == "<svg xmlns='http://www.w3.org/2000/svg'><g"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_from_lean_svg_prints_the_same_text(monkeypatch, tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("chart")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/svg+xml": chart_svg(), "text/plain": "x"})]
    nb.cells = [nbformat.v4.new_markdown_cell("## Tren"), cell]
    summary = {"region_name": "Kabupaten Cianjur", "region_code": "32.03", "period": "2026-11", "status": "ok"}

    def text(data: bytes, name: str) -> str:
        (tmp_path / name).write_bytes(data)
        return subprocess.run(["pdftotext", str(tmp_path / name), "-"], capture_output=True, text=True).stdout

    lean = text(pdf.notebook_to_pdf(nb, summary), "lean.pdf")
    monkeypatch.setattr(pdf, "lean_svg", lambda svg: svg)
    assert lean == text(pdf.notebook_to_pdf(nb, summary), "original.pdf")
    for chart_text in ("Cakupan dan keaktifan JKN, Kabupaten Cianjur", "100,98", "PBI APBN", "persen penduduk"):
        assert chart_text in lean


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_labels_drawn_as_one_run_print_the_same_text_as_letter_by_letter(monkeypatch, tmp_path):
    import importlib

    from weasyprint import HTML, svg

    from uhc_lib.reports import svg_text

    assert svg_text.install() and svg.TAGS["text"].one_run  # written for the installed WeasyPrint 70
    letters = '<text x="10 20 30" y="40">ABC</text><text x="10" y="60">A<tspan dx="4">B</tspan></text>'
    chart = chart_svg().replace("</svg>", f"{letters}</svg>")
    page = f"<img style='width:100%' src='data:image/svg+xml;base64,{base64.b64encode(chart.encode()).decode()}'>"

    def text(name: str) -> str:
        HTML(string=page).write_pdf(tmp_path / name)
        return subprocess.run(["pdftotext", str(tmp_path / name), "-"], capture_output=True, text=True).stdout

    one_run = text("one_run.pdf")
    original = importlib.import_module("weasyprint.svg.text").text
    monkeypatch.setattr(svg, "text", original)
    for tag in ("text", "textPath", "tspan"):
        monkeypatch.setitem(svg.TAGS, tag, original)
    assert one_run == text("letters.pdf")
    assert "Cakupan dan keaktifan JKN, Kabupaten Cianjur" in one_run and "PBI APBN" in one_run


@pytest.mark.parametrize("enabled", [True, False])
def test_pdf_export_leaves_garbage_collection_as_it_found_it(enabled):
    import gc

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("## Tren")]
    summary = {"region_name": "Kabupaten Lebong", "region_code": "17.07", "period": "2024-07", "status": "ok"}
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert pdf.notebook_to_pdf(nb, summary).startswith(b"%PDF")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
