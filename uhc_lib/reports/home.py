"""``reports/index.html``, the home page of the reports folder: what is here, the latest month of briefs in each
language with its status counts (and its changes page and recap workbook when the folder holds them), the earlier
months, and the exploratory and registry-matching reports.

Built from what the folder holds (the month folders' brief records, the reports' page titles), so it is right
whichever command wrote last.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from uhc_lib.common import fmt
from uhc_lib.reports.export import write_atomic
from uhc_lib.reports.index import TONE_ORDER, badge_class, folder_results, status_text

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

TEXT = {
    "title": "UHC Monitor: laporan",
    "intro": "Ringkasan kepesertaan JKN per kabupaten/kota (cakupan kepesertaan, keaktifan, status UHC, kesenjangan "
    "dan anggaran menuju target) yang dibuat dengan UHC Monitor. Setiap halaman adalah berkas HTML yang dapat "
    "dibuka tanpa internet dan dicetak pada kertas A4.",
    "latest": "Bulan terbaru",
    "open": "Buka peta dan daftar ringkasan {month}",
    "changes": "Perubahan bulan ini",
    "workbook": "Rekap (Excel)",
    "briefs": "{n} ringkasan kabupaten/kota",
    "failed": "{n} gagal dibuat",
    "earlier": "Bulan sebelumnya",
    "month": "Bulan",
    "language": "Bahasa",
    "count": "Ringkasan",
    "explore": "Analisis eksplorasi",
    "matching": "Pemadanan registrasi (matching)",
    "none": "Belum ada laporan di folder ini. Buat ringkasan dengan perintah uhc batch (semua kabupaten/kota bulan "
    "terakhir) atau uhc brief 17.07 (satu kabupaten/kota).",
    "more": "Bulan lain: uhc batch --period 2025-06; dalam bahasa Inggris: uhc batch --lang en; "
    "analisis eksplorasi: uhc explore.",
}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52rem;margin:0 auto;padding:1.5rem;
color:#111827;line-height:1.5}h1{font-size:1.5rem;margin-bottom:.3rem}h2{font-size:1.1rem;margin-top:1.6rem;
border-bottom:1px solid #e5e7eb}.card{border:1px solid #e5e7eb;border-radius:.5rem;padding:.7rem 1rem;margin:.6rem 0}
.card h3{margin:0 0 .3rem;font-size:1.05rem}.counts{list-style:none;padding:0;margin:.4rem 0;display:flex;
flex-wrap:wrap;gap:.4rem .9rem}.badge{display:inline-block;padding:.05rem .5rem;border-radius:.6rem;font-size:.85rem}
.ok{background:#dcfce7;color:#166534}.partial{background:#fef3c7;color:#92400e}.no{background:#fee2e2;color:#991b1b}
.fail{background:#fde68a;color:#92400e}table{border-collapse:collapse;width:100%;font-size:.92rem}
td,th{padding:.25rem .5rem;text-align:left;border-bottom:1px solid #f3f4f6}td.n,th.n{text-align:right;
font-variant-numeric:tabular-nums}.muted{color:#4b5563;font-size:.88rem}code{font-size:.85rem}
"""


def _month_folders(reports_dir: Path) -> list[tuple[str, str, Path]]:
    """(period, lang, folder) of every month and language folder holding an index, newest first."""
    found = []
    for index in reports_dir.glob("*/*/index.html"):
        period, lang = index.parent.parent.name, index.parent.name
        if re.fullmatch(r"\d{4}-\d{2}", period) and lang in LANGUAGES:
            found.append((period, lang, index.parent))
    return sorted(found, key=lambda f: (f[0], f[1] != "id"), reverse=True)


def _title(path: Path) -> str | None:
    """The ``<title>`` of an HTML report (read from its first 64 KB), or None."""
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            head = f.read(65536)
    except OSError:
        return None
    m = re.search(r"<title>(.*?)</title>", head, re.S | re.I)
    return html.unescape(" ".join(m.group(1).split())) if m and m.group(1).strip() else None


def _link(reports_dir: Path, path: Path, text: str) -> str:
    rel = html.escape(path.relative_to(reports_dir).as_posix(), quote=True)
    return f'<a href="{rel}">{html.escape(text)}</a>'


def _latest_card(reports_dir: Path, period: str, lang: str, folder: Path) -> str:
    results = folder_results(folder, None)
    ok = [r for r in results if r.ok]
    counts: dict[str, tuple[int, str, int]] = {}
    for r in ok:
        label, badge = status_text(r.summary, lang), badge_class(r.summary)
        n = counts.get(label, (TONE_ORDER[badge], badge, 0))[2]
        counts[label] = (TONE_ORDER[badge], badge, n + 1)
    items = [
        f"<li><span class='badge {badge}'>{html.escape(label)}</span> {n}</li>"
        for label, (_, badge, n) in sorted(counts.items(), key=lambda kv: (kv[1][0], kv[0]))
    ]
    failed = len(results) - len(ok)
    if failed:
        items.append(f"<li><span class='badge fail'>{html.escape(TEXT['failed'].format(n=failed))}</span></li>")
    month = fmt.month(period, lang)
    links = [_link(reports_dir, folder / "index.html", TEXT["open"].format(month=month))]
    if (folder / "changes.html").exists():
        links.append(_link(reports_dir, folder / "changes.html", TEXT["changes"]))
    links += [_link(reports_dir, book, TEXT["workbook"]) for book in sorted(folder.glob("*.xlsx"))[:1]]
    return (
        f"<div class='card' lang='{lang}'><h3>{html.escape(month)} · {LANGUAGES[lang]}</h3>"
        f"<p>{html.escape(TEXT['briefs'].format(n=len(ok)))}</p><ul class='counts'>{''.join(items)}</ul>"
        f"<p>{' · '.join(links)}</p></div>"
    )


def _reports(reports_dir: Path, kind: str) -> str:
    rows = []
    for path in sorted(reports_dir.glob(f"{kind}/*/*.html")):
        lang = path.parent.name
        name = _title(path) or path.stem
        rows.append(f"<li>{_link(reports_dir, path, name)} ({LANGUAGES.get(lang, lang)})</li>")
    return "".join(rows)


def _brief_count(folder: Path) -> int:
    return sum(r.ok for r in folder_results(folder, None))


def write_home(reports_dir: Path) -> Path:
    """Write ``reports_dir/index.html`` from what the folder holds (see the module docstring)."""
    reports_dir = Path(reports_dir)
    months = _month_folders(reports_dir)
    latest: dict[str, tuple[str, str, Path]] = {}
    for period, lang, folder in months:
        latest.setdefault(lang, (period, lang, folder))
    parts = [f"<h1>{TEXT['title']}</h1><p>{html.escape(TEXT['intro'])}</p>"]
    if latest:
        cards = [_latest_card(reports_dir, *latest[lang]) for lang in LANGUAGES if lang in latest]
        parts.append(f"<h2>{TEXT['latest']}</h2>{''.join(cards)}")
    earlier = [m for m in months if latest.get(m[1]) != m]
    if earlier:
        rows = "".join(
            f"<tr><td>{_link(reports_dir, folder / 'index.html', fmt.month(period, lang))}</td>"
            f"<td>{LANGUAGES[lang]}</td><td class='n'>{fmt.number(_brief_count(folder))}</td></tr>"
            for period, lang, folder in earlier
        )
        parts.append(
            f"<h2>{TEXT['earlier']}</h2><table><tr><th>{TEXT['month']}</th><th>{TEXT['language']}</th>"
            f"<th class='n'>{TEXT['count']}</th></tr>{rows}</table>"
        )
    for kind, title in (("explore", TEXT["explore"]), ("matching", TEXT["matching"])):
        if links := _reports(reports_dir, kind):
            parts.append(f"<h2>{title}</h2><ul>{links}</ul>")
    if len(parts) == 1:
        parts.append(f"<p>{html.escape(TEXT['none'])}</p>")
    parts.append(f"<p class='muted'>{html.escape(TEXT['more'])}</p>")
    page = (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'><link rel='icon' href='data:,'>"
        f"<title>{TEXT['title']}</title><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"
    )
    path = reports_dir / "index.html"
    write_atomic(path, page)
    return path
