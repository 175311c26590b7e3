"""The trainer's printable handouts: one A4 page per lesson, as HTML and as PDF (WeasyPrint, offline).

The pages are data (``handouts.toml``); lesson 3's page adds the statuses and the UHC Awards written out from the rule
rows, so a corrected rule is a corrected handout. With a region and month the header names the workshop's regency.

Run: ``python -m uhc_lib.training.handouts --out reports/training [--lang en] [--region 32.03 --period 2024-12]``.
"""

from __future__ import annotations

import argparse
import html
import sys
import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path

import pandas as pd

from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.inputs import reference
from uhc_lib.training import texts

CSS = """
@page { size: A4; margin: 14mm 15mm 14mm 15mm;
        @bottom-right { content: "UHC Monitor · " counter(page) "/" counter(pages); font-size: 8pt; color: #555;
                        font-family: "DejaVu Sans", sans-serif; } }
body { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 10pt; line-height: 1.35; color: #111; }
section { page-break-after: always; }
section:last-child { page-break-after: auto; }
h1 { font-size: 16pt; margin: 0 0 2mm 0; }
h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm 0; border-bottom: 1px solid #999; }
.where { font-size: 9pt; color: #333; margin-bottom: 3mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
td, th { border-bottom: 1px solid #bbb; padding: 2px 5px; text-align: left; vertical-align: top; }
td code, li code { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }
.box { border: 1.5px solid #333; padding: 2mm 3mm; margin-top: 3mm; }
.notes { height: 28mm; border: 1px dashed #999; margin-top: 3mm; padding: 2mm; color: #777; font-size: 8.5pt; }
"""

WORDS = {
    "id": {
        "goals": "Yang dipelajari",
        "steps": "Langkah dan perintah",
        "what": "yang ingin dilakukan",
        "how": "di Jupyter",
        "watch": "Perhatikan",
        "statuses": "Status yang diberikan BPJS (dari data aturan)",
        "awards": "UHC Awards: penghargaan, bukan status",
        "notes": "Catatan:",
        "where": "Lokakarya: {name} ({code}), data {month}. ",
        "title": "Lembar peserta kursus UHC Monitor",
    },
    "en": {
        "goals": "What you learn",
        "steps": "Steps and commands",
        "what": "what you want",
        "how": "in Jupyter",
        "watch": "Watch out",
        "statuses": "Statuses BPJS gives (from the rule data)",
        "awards": "UHC Awards: an award, not a status",
        "notes": "Notes:",
        "where": "Workshop: {name} ({code}), data of {month}. ",
        "title": "UHC Monitor course handouts",
    },
}
DATA_NOTE = {
    "id": "Angka dalam kursus berasal dari data ilustratif proyek (dibuat secara simulasi, bukan data resmi BPJS "
    "Kesehatan) atau dari berkas Dinas sendiri.",
    "en": "Course figures come from the project's illustrative data (made by simulation, not official BPJS Kesehatan "
    "data) or from the office's own file.",
}


@cache
def pages() -> list[dict]:
    """The handout records of ``handouts.toml``, by lesson number."""
    data = tomllib.loads(files("uhc_lib.training").joinpath("handouts.toml").read_text(encoding="utf-8"))
    return sorted(data["lesson"], key=lambda r: r["number"])


def _code(text: str) -> str:
    """Commands in code type: a step's "how" is code when it holds brackets, dots or quotes."""
    escaped = html.escape(text)
    return f"<code>{escaped}</code>" if any(c in text for c in '[(".=') else escaped


def _table(df: pd.DataFrame) -> str:
    return df.to_html(index=False, border=0, escape=True)


def _page(record: dict, lang: str, where: str) -> str:
    w = WORDS[lang]
    goals = "".join(f"<li>{html.escape(g)}</li>" for g in record["goals"][lang])
    steps = "".join(f"<tr><td>{html.escape(a)}</td><td>{_code(b)}</td></tr>" for a, b in record["steps"][lang])
    watch = "".join(f"<li>{html.escape(x)}</li>" for x in record["watch"][lang])
    extra = ""
    if record["number"] == 3:
        statuses = texts.status_rules(lang, since=2024).iloc[:, :3]
        extra = f"<h2>{w['statuses']}</h2>{_table(statuses)}<h2>{w['awards']}</h2>{_table(texts.awards_rules(lang))}"
    return (
        f"<section><h1>{html.escape(record['title'][lang])}</h1><div class='where'>{where}</div>"
        f"<h2>{w['goals']}</h2><ul>{goals}</ul>"
        f"<h2>{w['steps']}</h2><table><tr><th>{w['what']}</th><th>{w['how']}</th></tr>{steps}</table>"
        f"{extra}<div class='box'><b>{w['watch']}</b><ul>{watch}</ul></div>"
        + ("" if extra else f"<div class='notes'>{w['notes']}</div>")
        + "</section>"
    )


def handouts_html(lang: str = "id", region_code: str | None = None, period: str | None = None) -> str:
    """Every lesson's page in one HTML document (one A4 page each when printed)."""
    check_lang(lang)
    where = ""
    if region_code:
        month = fmt.month(pd.Period(period, "M"), lang) if period else ""
        where = WORDS[lang]["where"].format(name=reference.region_name(region_code), code=region_code, month=month)
    where = html.escape(where + DATA_NOTE[lang])
    body = "".join(_page(r, lang, where) for r in pages())
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{WORDS[lang]['title']}</title>"
        f"<style>{CSS}</style></head><body>{body}</body></html>"
    )


def write_handouts(
    out: str | Path, lang: str = "id", region_code: str | None = None, period: str | None = None
) -> tuple[Path, Path]:
    """Write ``handouts_<lang>.html`` and ``handouts_<lang>.pdf`` into ``out``; returns both paths."""
    from weasyprint import HTML

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    doc = handouts_html(lang, region_code, period)
    html_path, pdf_path = out / f"handouts_{lang}.html", out / f"handouts_{lang}.pdf"
    tmp_html, tmp_pdf = html_path.with_suffix(".html.tmp"), pdf_path.with_suffix(".pdf.tmp")
    tmp_html.write_text(doc, encoding="utf-8")
    HTML(string=doc).write_pdf(tmp_pdf)
    tmp_html.replace(html_path)
    tmp_pdf.replace(pdf_path)
    return html_path, pdf_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the course's printable handouts (HTML and PDF).")
    parser.add_argument("--out", default="reports/training", help="folder to write into (default reports/training)")
    parser.add_argument("--lang", default="id", choices=["id", "en"])
    parser.add_argument("--region", default=None, help="region code NN.NN named in the header (optional)")
    parser.add_argument("--period", default=None, help="month YYYY-MM named in the header (optional)")
    args = parser.parse_args(argv)
    try:
        paths = write_handouts(args.out, args.lang, args.region, args.period)
    except (KeyError, ValueError, OSError) as err:
        print(f"handouts not written: {err}", file=sys.stderr)
        return 2
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
