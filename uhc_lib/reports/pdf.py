"""Executed brief notebook -> A4 PDF for printing (WeasyPrint; nothing is downloaded at run time).

The page is rebuilt from the notebook's outputs with a lean print stylesheet: a title block (region, province,
month, status badge), the narrative and tables, charts at paper width, the illustrative-data note when the embedded
panel was used, and page numbers. WeasyPrint needs the Pango library (Debian: ``libpango-1.0-0``).
"""

from __future__ import annotations

import copy
import gc
import html
from contextlib import contextmanager
from functools import lru_cache

import nbformat
from nbconvert.preprocessors import TagRemovePreprocessor

from uhc_lib.common import fmt
from uhc_lib.reports import svg_text
from uhc_lib.reports.export import BriefHTMLExporter
from uhc_lib.reports.index import badge_class
from uhc_lib.reports.print_svg import lean_svg

TEXT = {
    "id": {
        "page": "Halaman",
        "of": "dari",
        "status": "Status",
        "brief": "Ringkasan kepesertaan JKN",
        "illustrative": "Data ilustratif: angka kepesertaan merupakan hasil simulasi proyek UHC Monitor, bukan data "
        "resmi BPJS Kesehatan.",
    },
    "en": {
        "page": "Page",
        "of": "of",
        "status": "Status",
        "brief": "JKN participation brief",
        "illustrative": "Illustrative data: participation figures are simulated by the UHC Monitor project, "
        "not official BPJS Kesehatan data.",
    },
}

PRINT_CSS = """
@page {{ size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-center {{ content: "{page} " counter(page) " {of} " counter(pages); font-size: 8pt; color: #555;
    font-family: "DejaVu Sans", sans-serif; }}
  @bottom-left {{ content: "{footer}"; font-size: 7.5pt; color: #555; font-family: "DejaVu Sans", sans-serif; }} }}
body {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.6pt; line-height: 1.42;
  color: #111; }}
.title-block {{ border-bottom: 2px solid #1f5fa8; padding-bottom: 6pt; margin-bottom: 8pt; }}
.title-block .kicker {{ font-size: 8.5pt; color: #1f5fa8; text-transform: uppercase; letter-spacing: .04em; }}
.title-block h1 {{ font-size: 17pt; margin: 2pt 0; }}
.title-block .sub {{ font-size: 10pt; color: #333; }}
.badge {{ display: inline-block; padding: 1pt 6pt; border-radius: 7pt; font-size: 8.5pt; font-weight: bold; }}
.ok {{ background: #dcfce7; color: #166534; }} .partial {{ background: #fef3c7; color: #92400e; }}
.no {{ background: #fee2e2; color: #991b1b; }}
.note {{ color: #9a3412; font-size: 8.5pt; margin: 4pt 0 0 0; }}
.content h1 {{ display: none; }}
table {{ border-collapse: collapse; margin: 4pt 0 8pt 0; font-size: 8.8pt; }}
th, td {{ border-bottom: 0.5pt solid #ccc; padding: 2pt 6pt; text-align: left; }}
img {{ width: 100%; height: auto; break-inside: avoid; }}
p {{ margin: 0 0 5pt 0; orphans: 3; widows: 3; }}
h2 {{ font-size: 12pt; margin: 10pt 0 4pt 0; break-after: avoid; }}
.anchor-link {{ display: none; }}
ul {{ margin: 2pt 0 6pt 0; padding-left: 14pt; }} li {{ margin: 0 0 2pt 0; }}
tr, img, .jp-OutputArea-output:has(img) {{ break-inside: avoid; }}
pre {{ white-space: pre-wrap; }}
"""


@lru_cache(maxsize=1)
def _exporter() -> BriefHTMLExporter:
    """The notebook's outputs as bare HTML (built once per process: building compiles the templates)."""
    exporter = BriefHTMLExporter(
        template_name="basic", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={"remove_cell"}, enabled=True), True)
    return exporter


def _lean_charts(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose SVG charts are drawn from a lean tree (print_svg), cheaper for WeasyPrint to print."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        for output in cell.get("outputs", ()):
            data = output.get("data", {})
            if "image/svg+xml" in data:
                data["image/svg+xml"] = lean_svg(data["image/svg+xml"])
    return nb


def _body(nb: nbformat.NotebookNode) -> str:
    body, _ = _exporter().from_notebook_node(_lean_charts(nb))
    return body


def print_html(nb: nbformat.NotebookNode, summary: dict, lang: str = "id", illustrative: bool = False) -> str:
    """The print page as HTML (what WeasyPrint renders)."""
    t = TEXT.get(lang, TEXT["id"])
    badge = badge_class(summary)
    status = html.escape(str(summary.get(f"status_label_{lang}", summary.get("status", ""))))
    region = html.escape(str(summary.get("region_name", "")))
    province = html.escape(str(summary.get("province_name", "")))
    month = html.escape(fmt.month(summary["period"], lang)) if summary.get("period") else ""
    footer = f"UHC Monitor · {summary.get('region_code', '')} · {summary.get('period', '')}"
    css = PRINT_CSS.format(page=t["page"], of=t["of"], footer=footer.replace('"', "'"))
    note = f"<p class='note'>{html.escape(t['illustrative'])}</p>" if illustrative else ""
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{region} {month}</title>"
        f"<style>{css}</style></head><body>"
        f"<div class='title-block'><div class='kicker'>{t['brief']}</div><h1>{region}</h1>"
        f"<div class='sub'>{province} · {month} · {t['status']}: "
        f"<span class='badge {badge}'>{status}</span></div>{note}</div>"
        f"<div class='content'>{_body(nb)}</div></body></html>"
    )


def notebook_to_pdf(nb: nbformat.NotebookNode, summary: dict, lang: str = "id", illustrative: bool = False) -> bytes:
    """Render the executed brief as A4 PDF bytes."""
    from weasyprint import HTML  # imported here: HTML-only batches do not need Pango

    svg_text.install()  # chart labels laid out once, not letter by letter
    page = print_html(nb, summary, lang, illustrative)
    with _young_garbage_only():
        return HTML(string=page).write_pdf()


@contextmanager
def _young_garbage_only():
    """No cyclic garbage collection while WeasyPrint lays out and writes, then one collection of the youngest
    generation, where the document's cycles are: the collections a render otherwise triggers include full passes
    over the whole process heap (a batch worker's panels and modules), about a third of a PDF's CPU time there."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect(0)
