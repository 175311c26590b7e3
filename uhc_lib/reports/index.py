"""The index page of a month and language folder: every brief in it, grouped by province, failures listed first.

The page is built from what the folder holds (:func:`folder_results`), not from the last run alone: a smaller batch,
``--resume``, ``--province`` or ``uhc brief`` never shrinks it. A brief made from other data, parameters or code
than the run writing the index is marked stale.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path

from uhc_lib import api
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.reports.export import write_atomic
from uhc_lib.reports.run import BriefResult, read_summary, record_path

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates" / "index"

TEXT = {
    "id": {
        "title": "Ringkasan kepesertaan JKN per kabupaten/kota — {month}",
        "region": "Kabupaten/kota",
        "code": "Kode",
        "province": "Provinsi",
        "coverage": "Cakupan (%)",
        "activity": "Keaktifan (%)",
        "status": "Status (kriteria {year})",
        "failed": "Gagal dibuat",
        "error": "Kesalahan",
        "nb": "notebook",
        "briefs": "{ok} ringkasan, {bad} gagal",
        "illustrative": "Data ilustratif: angka kepesertaan merupakan hasil simulasi proyek UHC Monitor, "
        "bukan data resmi BPJS Kesehatan.",
        "count": "{n} dari {total} memenuhi {name}",
        "stale": "usang",
        "stale_note": "{n} ringkasan usang: dibuat dari data, parameter atau kode lain; "
        "jalankan ulang dengan --resume.",
        "map_label": "Peta status UHC {n} kabupaten/kota, {month}",
        "skip": "Lewati peta, langsung ke daftar",
        "all_provinces": "Seluruh Indonesia",
        "all_statuses": "Semua status",
        "f_province": "Provinsi (peta diperbesar)",
        "f_status": "Status",
        "f_search": "Cari nama atau kode",
        "search_hint": "mis. Lebong atau 17.07",
        "shown": "{n} dari {total} ringkasan ditampilkan",
        "hint": "Arahkan kursor ke wilayah, atau pindah dengan tombol Tab, untuk melihat angkanya; "
        "klik untuk membuka ringkasannya.",
        "not_made": "Ringkasan belum dibuat",
        "failed_one": "Ringkasan gagal dibuat (lihat daftar di atas)",
        "open": "Buka ringkasan",
        "cov_word": "Cakupan",
        "act_word": "Keaktifan",
        "status_word": "Status:",
        "percent": "persen",
        "legend": "Warna peta",
        "no_briefs": "Belum ada ringkasan di folder ini.",
        "changes": "Perubahan bulan ini",
        "workbook": "Rekap (Excel)",
    },
    "en": {
        "title": "JKN participation briefs by kabupaten/kota — {month}",
        "region": "Kabupaten/kota",
        "code": "Code",
        "province": "Province",
        "coverage": "Coverage (%)",
        "activity": "Activity (%)",
        "status": "Status ({year} criteria)",
        "failed": "Failed",
        "error": "Error",
        "nb": "notebook",
        "briefs": "{ok} briefs, {bad} failed",
        "illustrative": "Illustrative data: participation figures are simulated by the UHC Monitor project, "
        "not official BPJS Kesehatan data.",
        "count": "{n} of {total} meet {name}",
        "stale": "stale",
        "stale_note": "{n} stale briefs: made from other data, parameters or code; run again with --resume.",
        "map_label": "Map of the UHC status of {n} kabupaten/kota, {month}",
        "skip": "Skip the map, go to the list",
        "all_provinces": "All of Indonesia",
        "all_statuses": "All statuses",
        "f_province": "Province (zooms the map)",
        "f_status": "Status",
        "f_search": "Search name or code",
        "search_hint": "e.g. Lebong or 17.07",
        "shown": "{n} of {total} briefs shown",
        "hint": "Point at a region, or move with the Tab key, to see its figures; click to open its brief.",
        "not_made": "Brief not made yet",
        "failed_one": "Brief failed (see the list above)",
        "open": "Open the brief",
        "cov_word": "Coverage",
        "act_word": "Activity",
        "status_word": "Status:",
        "percent": "percent",
        "legend": "Map colours",
        "no_briefs": "No briefs in this folder yet.",
        "changes": "This month's changes",
        "workbook": "Recap (Excel)",
    },
}

BADGE_CLASSES = {"best": "ok", "lower": "partial", "none": "no"}
MAP_CLASSES = {"ok": "s-best", "partial": "s-lower", "no": "s-none"}
TONE_ORDER = {"ok": 0, "partial": 1, "no": 2}


def badge_class(summary: dict) -> str:
    """The badge colour of a brief's status: green for the year's best status, amber for a lower UHC status, red
    for not UHC (briefs made before statuses had tones: green when the headline criterion is met, else red)."""
    tone = summary.get("status_tone")
    if tone in BADGE_CLASSES:
        return BADGE_CLASSES[tone]
    return "ok" if summary.get("met_headline") else "no"


def status_text(summary: dict, lang: str) -> str:
    """The status as the index shows it: ``UHC Prioritas``, ``Belum memenuhi kriteria UHC`` (the label without its
    criteria in brackets, starting with a capital as a legend entry or badge does)."""
    text = str(summary.get(f"status_label_{lang}", summary.get("status", ""))).split(" (")[0]
    return text[:1].upper() + text[1:]


def link_text(summary: dict, period: str, lang: str) -> tuple[str, str]:
    """The name a link to a brief shows and the month it adds for screen readers and link lists:
    (``Kabupaten Lebong``, ``Juli 2024``) / (``Lebong Regency``, ``July 2024``)."""
    name = api.display_region_name(str(summary.get("region_name", "")), lang)
    return name, fmt.month(summary.get("period") or period, lang)


def write_index(results: Iterable[BriefResult], out_dir: Path, period: str, lang: str, illustrative: bool) -> Path:
    """Write ``out_dir/index.html``: a status map of the 514 kab/kota linking every brief present, and a sortable,
    filterable table of the briefs (relative links; inline CSS and script, nothing fetched)."""
    t = TEXT[check_lang(lang)]
    results = sorted(results, key=lambda r: r.region_code)
    ok = [r for r in results if r.ok]
    bad = [r for r in results if not r.ok]
    year = next((r.summary.get("criteria_year") for r in ok), period[:4])
    month = fmt.month(period, lang)
    head_name = next((status_text(r.summary, lang) for r in ok if r.summary.get("met_headline")), "")
    parts = [
        f"<a class='skip' href='#briefs'>{html.escape(t['skip'])}</a>",
        f"<h1>{html.escape(t['title'].format(month=month))}</h1>",
        f"<p class='lead'>{html.escape(t['briefs'].format(ok=len(ok), bad=len(bad)))}",
    ]
    met = sum(bool(r.summary.get("met_headline")) for r in ok)
    if head_name:
        parts.append(f"; {html.escape(t['count'].format(n=met, total=len(ok), name=head_name))}")
    parts.append(".</p>")
    links = [(name, t[key]) for name, key in month_files(out_dir, period, lang)]
    if links:
        items = " · ".join(f'<a href="{html.escape(n, quote=True)}">{html.escape(label)}</a>' for n, label in links)
        parts.append(f"<p class='lead links'>{items}</p>")
    if illustrative:
        parts.append(f"<p class='note'>{html.escape(t['illustrative'])}</p>")
    stale = sum(r.stale for r in ok)
    if stale:
        parts.append(f"<p class='note'>{html.escape(t['stale_note'].format(n=stale))}</p>")
    if bad:
        parts.append(_failures(bad, out_dir, t))
    parts.append(_map_and_table(ok, bad, out_dir, period, lang, t, year))
    page = (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'><link rel='icon' href='data:,'>"
        f"<title>{html.escape(t['title'].format(month=month))}</title>"
        f"<style>{_template('month.css')}</style></head><body>{''.join(parts)}"
        f"<script>{_template('month.js')}</script></body></html>"
    )
    path = out_dir / "index.html"
    write_atomic(path, page)
    return path


def _template(name: str) -> str:
    return (TEMPLATE_DIR / name).read_text(encoding="utf-8")


def page_css() -> str:
    """The month index's style sheet, for the month's other pages (changes.html)."""
    return _template("month.css")


WORKBOOK_STEMS = {"id": "rekap", "en": "recap"}


def month_files(out_dir: Path, period: str, lang: str) -> list[tuple[str, str]]:
    """(file name, text key) of the month's changes page and recap workbook, those the folder holds."""
    found = [("changes.html", "changes"), (f"{WORKBOOK_STEMS[lang]}_{period}.xlsx", "workbook")]
    return [(name, key) for name, key in found if (Path(out_dir) / name).exists()]


def _failures(bad: list[BriefResult], out_dir: Path, t: dict) -> str:
    names = api.region_names()
    rows = [f"<h2>{t['failed']}</h2><table><tr><th>{t['region']}</th><th>{t['error']}</th><th></th></tr>"]
    for r in bad:
        link = _rel(r.notebook, out_dir)
        cell = f'<a href="{link}">{t["nb"]}</a>' if link else ""
        name = f" {names[r.region_code]}" if r.region_code in names else ""
        rows.append(
            f"<tr><td>{html.escape(r.region_code + name)}</td><td>{html.escape(r.error or '')}</td><td>{cell}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def _map_and_table(
    ok: list[BriefResult], bad: list[BriefResult], out_dir: Path, period: str, lang: str, t: dict, year
) -> str:
    names, provinces = api.region_names(), api.province_names()
    pct = t["percent"]
    regions: dict[str, dict] = {
        code: {"n": api.display_region_name(name, lang), "p": provinces.get(code[:2], ""), "l": t["not_made"]}
        for code, name in names.items()
    }
    items, rows, labels = {}, [], {}
    for r in bad:
        if r.region_code in regions:
            regions[r.region_code]["l"] = t["failed_one"]
            items[r.region_code] = api.map_item("s-fail", f"{regions[r.region_code]['n']}\n{t['failed_one']}")
    for r in ok:
        s, code = r.summary, r.region_code
        href = _rel(r.html or r.pdf, out_dir)
        badge, label = badge_class(s), status_text(s, lang)
        labels.setdefault(label, (TONE_ORDER[badge], badge))
        name, when = link_text(s, period, lang)
        province = str(s.get("province_name") or provinces.get(code[:2], ""))
        cov, act = fmt.fixed(s.get("coverage_pct", 0), lang), fmt.fixed(s.get("activity_pct", 0), lang)
        regions[code] = {"n": name, "p": province, "c": f"{cov} {pct}", "a": f"{act} {pct}", "l": label, "b": badge,
                         "h": href, "x": r.stale}  # fmt: skip
        title = f"{name}, {when}\n{t['cov_word']} {cov} {pct} · {t['act_word']} {act} {pct}\n{label}"
        items[code] = api.map_item(MAP_CLASSES[badge], title, href)
        mark = f" <span class='badge stale'>{t['stale']}</span>" if r.stale else ""
        search = html.escape(f"{code} {name} {s.get('region_name', '')} {province}".lower(), quote=True)
        rows.append(
            f'<tr data-c="{code}" data-p="{code[:2]}" data-s="{html.escape(label, quote=True)}" data-q="{search}">'
            f'<td><a href="{html.escape(href or "", quote=True)}">{html.escape(name)}'
            f"<span class='sr'>, {html.escape(when)}</span></a></td><td class='code'>{code}</td>"
            f"<td>{html.escape(province)}</td>"
            f"<td class='n' data-v='{s.get('coverage_pct', 0)}'>{cov}</td>"
            f"<td class='n' data-v='{s.get('activity_pct', 0)}'>{act}</td>"
            f"<td data-v='{TONE_ORDER[badge]} {html.escape(label, quote=True)}'><span class='badge {badge}'>"
            f"{html.escape(label)}</span>{mark}</td></tr>"
        )
    label = t["map_label"].format(n=len(names), month=fmt.month(period, lang))
    shown_names = {code: r["n"] for code, r in regions.items()}
    svg = api.region_map_svg(items, api.map_item("s-nobrief", t["not_made"]), label, shown_names)
    svg = svg.replace("</svg>", '<path id="hl" d=""/></svg>')
    present = {code[:2] for code in (r.region_code for r in ok)}
    options = "".join(
        f"<option value='{p}'>{html.escape(name)}</option>" for p, name in sorted(provinces.items()) if p in present
    )
    statuses = sorted(labels, key=lambda label: (labels[label][0], label))
    status_options = "".join(f"<option>{html.escape(label)}</option>" for label in statuses)
    legend = _legend(regions, items, statuses, labels, t)
    data = {
        "regions": regions,
        "boxes": api.province_boxes(),
        "text": {"lang": lang, "count": t["shown"], "coverage": t["cov_word"], "activity": t["act_word"],
                 "status": t["status_word"], "stale": t["stale"], "open": t["open"]},
    }  # fmt: skip
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    heads = [
        ("", t["region"]), ("", t["code"]), ("", t["province"]), ("n", t["coverage"]), ("n", t["activity"]),
        ("", t["status"].format(year=year)),
    ]  # fmt: skip
    head = "".join(
        f"<th scope='col'{f' class={c!r}' if c else ''}><button type='button'>{html.escape(h)}</button></th>"
        for c, h in heads
    )
    body = "".join(rows) or f"<tr><td colspan='6' class='empty'>{html.escape(t['no_briefs'])}</td></tr>"
    return (
        "<div class='controls'>"
        f"<label>{html.escape(t['f_province'])}<select id='f-prov'><option value=''>"
        f"{html.escape(t['all_provinces'])}</option>{options}</select></label>"
        f"<label>{html.escape(t['f_status'])}<select id='f-status'><option value=''>"
        f"{html.escape(t['all_statuses'])}</option>{status_options}</select></label>"
        f"<label>{html.escape(t['f_search'])}<input id='f-search' type='search' "
        f"placeholder='{html.escape(t['search_hint'], quote=True)}'></label>"
        f"<output id='count' aria-live='polite'>{html.escape(t['shown'].format(n=len(rows), total=len(rows)))}</output>"
        f"</div><figure>{svg}</figure>"
        f"<div class='below'>{legend}<div id='details' aria-live='polite'><p class='hint'>{html.escape(t['hint'])}"
        f"</p></div></div><p class='src'>{html.escape(api.map_attribution(lang))}</p>"
        f"<table id='briefs'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"<script type='application/json' id='uhc-data'>{payload}</script>"
    )


def _legend(regions: dict, items: dict, statuses: list[str], labels: dict, t: dict) -> str:
    """The map's colours with their number of regions: each status, failed briefs, briefs not made yet."""
    drawn = [items[c].css_class if c in items else "s-nobrief" for c in regions]
    rows = [(MAP_CLASSES[labels[label][1]], label, sum(r.get("l") == label for r in regions.values()))
            for label in statuses]  # fmt: skip
    rows += [(css, label, drawn.count(css)) for css, label in (("s-fail", t["failed"]), ("s-nobrief", t["not_made"]))]
    lis = "".join(f"<li><span class='sw {css}'></span>{html.escape(label)} ({n})</li>" for css, label, n in rows if n)
    return f"<ul class='legend' aria-label='{html.escape(t['legend'], quote=True)}'>{lis}</ul>"


def _rel(target: str | None, base: Path) -> str | None:
    if not target:
        return None
    return Path(target).resolve().relative_to(base.resolve()).as_posix()


def folder_results(out_dir: Path, basis: str | None, current: Iterable[BriefResult] = ()) -> list[BriefResult]:
    """Every brief in ``out_dir`` (from the records beside the notebooks) and every failure, with this run's
    results (``current``) taking precedence; a brief whose basis differs from ``basis`` is marked stale."""
    out_dir = Path(out_dir)
    nb_dir = out_dir / "notebooks"
    current = {r.region_code: r for r in current}
    briefs: dict[str, BriefResult] = {}
    failures: dict[str, BriefResult] = {}
    for record_file in sorted(nb_dir.glob("*.brief.json")):
        stem = record_file.name[: -len(".brief.json")]
        record = _read_json(record_file)
        if record is None:
            continue
        briefs[stem] = _entry(out_dir, stem, record.get("summary", {}), record.get("basis"), basis)
    for nb_path in sorted(nb_dir.glob("*.ipynb")):  # briefs without a record (made by an earlier version)
        stem = nb_path.stem
        if stem.startswith(".") or stem.endswith(".failed") or stem in briefs:
            continue
        meta, summary = _read_notebook(nb_path)
        if summary:
            briefs[stem] = _entry(out_dir, stem, summary, meta.get("basis"), basis)
            try:  # read once: the record is kept for the next index
                record = {"region_code": stem, "period": summary.get("period"), "basis": meta.get("basis"),
                          "fingerprint": meta.get("fingerprint"), "summary": summary}  # fmt: skip
                write_atomic(record_path(nb_dir, stem), json.dumps(record, default=str))
            except OSError:
                pass
    briefs = {stem: r for stem, r in briefs.items() if r.html or r.pdf}
    for failed_nb in sorted(nb_dir.glob("*.failed.ipynb")):
        stem = failed_nb.name[: -len(".failed.ipynb")]
        record = _read_json(nb_dir / f"{stem}.failed.json") or {}
        failures[stem] = BriefResult(
            stem,
            record.get("period"),
            False,
            notebook=str(failed_nb),
            error=record.get("error") or "",
            stale=record.get("basis") != basis,
        )
    for code, result in current.items():
        if result.ok:
            briefs[code] = (
                _entry(out_dir, code, result.summary, basis, basis) if not result.skipped else briefs.get(code, result)
            )
            failures.pop(code, None)
        else:
            failures[code] = result
    return sorted([*briefs.values(), *failures.values()], key=lambda r: (r.region_code, r.ok))


def _entry(out_dir: Path, stem: str, summary: dict, made_from: str | None, basis: str | None) -> BriefResult:
    html_file, pdf_file = out_dir / f"{stem}.html", out_dir / f"{stem}.pdf"
    nb_file = out_dir / "notebooks" / f"{stem}.ipynb"  # kept with --keep-notebooks only
    return BriefResult(
        stem, summary.get("period"), True, html=str(html_file) if html_file.exists() else None,
        notebook=str(nb_file) if nb_file.exists() else None, summary=summary,
        pdf=str(pdf_file) if pdf_file.exists() else None, stale=made_from is None or made_from != basis,
    )  # fmt: skip


def _read_json(path: Path) -> dict | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _read_notebook(path: Path) -> tuple[dict, dict]:
    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001 - an unreadable notebook is not listed
        return {}, {}
    return dict(nb.metadata.get("uhc_monitor", {})), read_summary(nb)


def write_folder_index(
    out_dir: Path, period: str, lang: str, illustrative: bool, basis: str | None, current: Iterable[BriefResult] = ()
) -> Path:
    """Write ``out_dir/index.html`` listing everything the folder holds (see :func:`folder_results`)."""
    return write_index(folder_results(out_dir, basis, current), out_dir, period, lang, illustrative)
