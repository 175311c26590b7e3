"""``changes.html``: what changed this month for the regions of a batch (statuses gained or lost since the previous
month and since December, the biggest movers in activity, new data-quality flags), in the month index's look. The
sentences are shared with the workbook's Perubahan/Changes sheet (:mod:`uhc_lib.reports.workbook`)."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from uhc_lib.api import MonthChanges
from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.reports.export import write_atomic
from uhc_lib.reports.index import TEXT as INDEX_TEXT
from uhc_lib.reports.index import page_css

PAGE = "changes.html"

TEXT = {
    "id": {
        "title": "Perubahan bulan ini — {month}",
        "back": "Kembali ke daftar ringkasan",
        "scope": "{n} kabupaten/kota dibandingkan.",
        "vs_previous": "Status dibanding {month}",
        "vs_december": "Status dibanding Desember {year}",
        "no_previous": "{month} adalah bulan pertama dalam data: tidak ada bulan sebelumnya untuk dibandingkan.",
        "no_december": "Data tidak memuat {month}: perubahan sejak Desember tidak dapat dihitung.",
        "no_change": "Tidak ada wilayah yang berubah status.",
        "gained": "naik status",
        "lost": "turun status",
        "counts": "{gained} wilayah naik status, {lost} wilayah turun status.",
        "rules": "Status {month} dinilai dengan kriteria {year}; perubahan bertanda * datang dari kriteria baru, "
        "bukan dari angka wilayah.",
        "by_rules": "karena kriteria {year}, bukan karena angka wilayah",
        "movers": "Perubahan keaktifan terbesar dibanding {month}",
        "up": "Keaktifan naik",
        "down": "Keaktifan turun",
        "no_up": "Tidak ada wilayah yang keaktifannya naik.",
        "no_down": "Tidak ada wilayah yang keaktifannya turun.",
        "flags": "Catatan kualitas data baru (ada bulan ini, tidak ada {month})",
        "no_flags": "Tidak ada catatan kualitas data baru.",
        "region": "Kabupaten/kota",
        "province": "Provinsi",
        "before": "Sebelumnya",
        "after": "Sekarang",
        "change": "Arah",
        "activity_before": "Keaktifan {month}",
        "activity_now": "Keaktifan {month}",
        "points": "Perubahan",
        "flag": "Catatan",
        "value": "Nilai",
        "coverage_over_100": "Cakupan di atas 100 persen",
        "active_over_registered": "Peserta aktif melebihi peserta terdaftar",
        "population_jump": "Jumlah penduduk berubah tajam",
        "illustrative": INDEX_TEXT["id"]["illustrative"],
    },
    "en": {
        "title": "This month's changes — {month}",
        "back": "Back to the list of briefs",
        "scope": "{n} kabupaten/kota compared.",
        "vs_previous": "Status against {month}",
        "vs_december": "Status against December {year}",
        "no_previous": "{month} is the first month of the data: there is no previous month to compare with.",
        "no_december": "The data does not hold {month}: changes since December cannot be computed.",
        "no_change": "No region changed status.",
        "gained": "status gained",
        "lost": "status lost",
        "counts": "{gained} {regions} gained a status, {lost} lost one.",
        "rules": "The status of {month} is judged by the {year} criteria; changes marked * come from the new "
        "criteria, not from the regions' figures.",
        "by_rules": "from the {year} criteria, not from the region's figures",
        "movers": "Biggest changes in activity against {month}",
        "up": "Activity up",
        "down": "Activity down",
        "no_up": "No region's activity rose.",
        "no_down": "No region's activity fell.",
        "flags": "New data-quality flags (raised this month, not in {month})",
        "no_flags": "No new data-quality flag.",
        "region": "Kabupaten/kota",
        "province": "Province",
        "before": "Before",
        "after": "Now",
        "change": "Change",
        "activity_before": "Activity {month}",
        "activity_now": "Activity {month}",
        "points": "Change",
        "flag": "Flag",
        "value": "Value",
        "coverage_over_100": "Coverage above 100 percent",
        "active_over_registered": "More active than registered participants",
        "population_jump": "Population changed sharply",
        "illustrative": INDEX_TEXT["en"]["illustrative"],
    },
}

EXTRA_CSS = "td.up{color:#166534}td.down{color:#991b1b}.lead{color:#374151}"


def words(lang: str) -> dict[str, str]:
    """The page's (and the Changes sheet's) words in ``lang``."""
    return TEXT[check_lang(lang)]


def flag_value(flag: str, value: float, lang: str) -> str:
    """A flag's value as the reader sees it: ``100,71 persen``, ``12 jiwa``, ``+6,10 persen``."""
    if flag == "active_over_registered":
        return fmt.persons(int(value), lang)
    if flag == "population_jump":
        return ("+" if value > 0 else "") + fmt.percent(value, lang)
    return fmt.percent(value, lang)


def signed_points(value: float, lang: str) -> str:
    """``+0,57 poin persen`` / ``−0.47 percentage points`` (two decimals, as every figure of its column)."""
    shown = fmt.fixed(abs(value), lang)
    words = "poin persen" if lang == "id" else ("percentage point" if shown == "1.00" else "percentage points")
    return ("+" if value > 0 else "−" if value < 0 else "") + f"{shown} {words}"


def status_summary(table: pd.DataFrame, lang: str) -> str:
    """``3 wilayah naik status, 1 wilayah turun status.`` or the no-change sentence."""
    t = words(lang)
    if table.empty:
        return t["no_change"]
    gained = int((table["direction"] == "gained").sum())
    regions = "region" if gained == 1 else "regions"
    return t["counts"].format(gained=gained, lost=len(table) - gained, regions=regions)


def _esc(value: object) -> str:
    return html.escape(str(value))


def _status_section(title: str, table: pd.DataFrame, lang: str, now: pd.Period, then: pd.Period) -> list[str]:
    t = words(lang)
    parts = [f"<h2>{_esc(title)}</h2>", f"<p class='lead'>{_esc(status_summary(table, lang))}</p>"]
    if table.empty:
        return parts
    if bool(table["rules_changed"].any()):
        year = int(table["after_year"].iloc[0])
        parts.append(f"<p class='note'>{_esc(t['rules'].format(month=fmt.month(now, lang), year=year))}</p>")
    parts.append(
        f"<table><tr><th>{t['region']}</th><th>{t['before']} ({_esc(fmt.month(then, lang, short=True))})</th>"
        f"<th>{t['after']}</th><th>{t['change']}</th></tr>"
    )
    for r in table.itertuples():
        cls = "up" if r.direction == "gained" else "down"
        parts.append(
            f"<tr><td><a href='{_esc(r.region_code)}.html'>{_esc(r.region_code)} {_esc(r.region_name)}</a></td>"
            f"<td>{_esc(getattr(r, 'before_label_' + lang))}</td><td>{_esc(getattr(r, 'after_label_' + lang))}</td>"
            f"<td class='{cls}'>{_esc(t[r.direction])}{' *' if r.rules_changed else ''}</td></tr>"
        )
    parts.append("</table>")
    return parts


def _movers(title: str, empty: str, table: pd.DataFrame, lang: str, now: pd.Period, then: pd.Period) -> list[str]:
    t = words(lang)
    parts = [f"<h3>{_esc(title)}</h3>"]
    if table.empty:
        return [*parts, f"<p>{_esc(empty)}</p>"]
    before = _esc(t["activity_before"].format(month=fmt.month(then, lang)))
    after = _esc(t["activity_now"].format(month=fmt.month(now, lang)))
    parts.append(
        f"<table><tr><th>{t['region']}</th><th class='n'>{before}</th><th class='n'>{after}</th>"
        f"<th class='n'>{t['points']}</th></tr>"
    )
    for r in table.itertuples():
        cls = "up" if r.change_pp > 0 else "down"
        parts.append(
            f"<tr><td><a href='{_esc(r.region_code)}.html'>{_esc(r.region_code)} {_esc(r.region_name)}</a></td>"
            f"<td class='n'>{fmt.fixed(r.activity_pct_before, lang)}</td>"
            f"<td class='n'>{fmt.fixed(r.activity_pct, lang)}</td>"
            f"<td class='n {cls}'>{_esc(signed_points(r.change_pp, lang))}</td></tr>"
        )
    parts.append("</table>")
    return parts


def page_html(changes: MonthChanges, lang: str = "id", illustrative: bool = False, links: bool = True) -> str:
    """The whole page (standalone, offline)."""
    t = words(lang)
    now = changes.period
    title = t["title"].format(month=fmt.month(now, lang))
    parts = [f"<h1>{_esc(title)}</h1>"]
    if links:
        parts.append(f"<p><a href='index.html'>{_esc(t['back'])}</a></p>")
    parts.append(f"<p>{_esc(t['scope'].format(n=changes.regions))}</p>")
    if illustrative:
        parts.append(f"<p class='note'>{_esc(t['illustrative'])}</p>")
    if changes.previous is None:
        parts.append(f"<p class='lead'>{_esc(t['no_previous'].format(month=fmt.month(now, lang)))}</p>")
    else:
        prev = changes.previous
        parts += _status_section(t["vs_previous"].format(month=fmt.month(prev, lang)), changes.status_vs_previous,
                                 lang, now, prev)  # fmt: skip
    december = pd.Period(f"{now.year - 1}-12", "M")
    if changes.december is None:
        if changes.previous is not None:
            parts.append(f"<p>{_esc(t['no_december'].format(month=fmt.month(december, lang)))}</p>")
    elif changes.december != changes.previous or changes.previous is None:
        title_dec = t["vs_december"].format(year=december.year, month=fmt.month(december, lang))
        parts += _status_section(title_dec, changes.status_vs_december, lang, now, december)
    if changes.previous is not None:
        prev = changes.previous
        parts.append(f"<h2>{_esc(t['movers'].format(month=fmt.month(prev, lang)))}</h2>")
        parts += _movers(t["up"], t["no_up"], changes.movers_up, lang, now, prev)
        parts += _movers(t["down"], t["no_down"], changes.movers_down, lang, now, prev)
        parts.append(f"<h2>{_esc(t['flags'].format(month=fmt.month(prev, lang)))}</h2>")
        if changes.new_flags.empty:
            parts.append(f"<p>{_esc(t['no_flags'])}</p>")
        else:
            parts.append(f"<table><tr><th>{t['region']}</th><th>{t['flag']}</th><th class='n'>{t['value']}</th></tr>")
            for r in changes.new_flags.itertuples():
                parts.append(
                    f"<tr><td><a href='{_esc(r.region_code)}.html'>{_esc(r.region_code)} {_esc(r.region_name)}</a>"
                    f"</td><td>{_esc(t[r.flag])}</td><td class='n'>{_esc(flag_value(r.flag, r.value, lang))}</td></tr>"
                )
            parts.append("</table>")
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_esc(title)}</title><style>{page_css()}{EXTRA_CSS}</style></head><body>{''.join(parts)}</body></html>"
    )


def write_changes_page(out_dir: Path, changes: MonthChanges, lang: str = "id", illustrative: bool = False) -> Path:
    """Write ``out_dir/changes.html`` atomically."""
    path = Path(out_dir) / PAGE
    write_atomic(path, page_html(changes, lang, illustrative))
    return path
