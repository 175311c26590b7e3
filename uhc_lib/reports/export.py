"""Executed notebook -> offline HTML (no code cells, no network), written atomically."""

from __future__ import annotations

import html
import os
import re
import threading
from functools import lru_cache
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors import TagRemovePreprocessor

TEMPLATES = Path(__file__).resolve().parent / "templates"


_SVG_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_INDENT = re.compile(r"\n[ \t]+")


def inline_svg(svg: str, alt: str | None = None) -> str:
    """A chart's SVG document as markup for inside the page: no XML prolog, doctype or RDF metadata, indentation
    dropped, ``role="img"`` with the chart's title as ``aria-label`` and ``<title>`` (its alternative text)."""
    body = _INDENT.sub("\n", _SVG_METADATA.sub("", svg[svg.find("<svg") :], count=1))
    label = html.escape(alt, quote=True) if alt else ""
    head, _, rest = body.partition(">")
    attrs = ' role="img"' + (f' aria-label="{label}"' if label else "")
    title = f"<title>{label}</title>" if label else ""
    return f"<svg{attrs}{head[4:]}>{title}{rest}"


_OUTPUT_DIV = re.compile(r'(<div class="[^"]*\bjp-OutputArea-output\b[^"]*")(?![^>]*\btabindex=)')
_IMG_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\balt=)")
_NON_ASCII_REF = re.compile(r"&#(\d{3,6});")


def _character(match: re.Match) -> str:
    code = int(match.group(1))
    return chr(code) if code > 127 else match.group(0)  # an em dash or pilcrow as itself, as the parser wrote it


class BriefHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter without its BeautifulSoup pass over the finished page (a third of an export's time
    once the charts are inline SVG): its touches are made on the markup directly, outputs focusable
    (``tabindex="0"``), a default ``alt`` on an image without one, characters such as an em dash as themselves."""

    def from_notebook_node(self, nb, resources=None, **kw):
        """HTMLExporter.from_notebook_node up to the finished template, then the two touches without a parser."""
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        self.register_filter(
            "highlight_code", self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
        )
        resources = self._init_resources(resources)
        self.register_filter(
            "filter_data_type",
            WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources),
        )
        page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        page = _NON_ASCII_REF.sub(_character, _OUTPUT_DIV.sub(r'\1 tabindex="0"', page))
        return _IMG_WITHOUT_ALT.sub('<img alt="No description has been provided for this image"', page), resources


@lru_cache(maxsize=4)
def html_exporter(lang: str = "id") -> HTMLExporter:
    """HTML exporter for briefs: code hidden, cells tagged ``remove_cell`` dropped, offline template (cached per
    process and language: building one loads and compiles the templates)."""
    exporter = BriefHTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="brief",
        language_code=lang,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        optimistic_validation=True,  # validate once after the preprocessors, not after each of the dozen
    )
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={"remove_cell"}, enabled=True), True)
    exporter.register_filter("inline_svg", inline_svg)
    return exporter


def notebook_to_html(nb: nbformat.NotebookNode, title: str | None = None, lang: str = "id") -> str:
    """Render an executed notebook as a standalone HTML page."""
    if title:
        nb.metadata["title"] = title
    body, _ = html_exporter(lang).from_notebook_node(nb)
    return body


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write to a temporary name beside ``path`` then rename, so a killed run never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        if isinstance(text, bytes):
            tmp.write_bytes(text)
        else:
            tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files a killed run left in ``folder`` (never finished outputs); returns how many."""
    stale = [*folder.glob(".*.tmp"), *folder.glob("notebooks/.*.tmp"), *folder.glob("notebooks/.*.running.ipynb")]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)
