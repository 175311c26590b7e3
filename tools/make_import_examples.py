"""Write the example files of every import layout, and the hostile variants users make, into tests/data/import/.

All figures are synthetic (made by the project, labelled so in every file); the same small panel (Lebong, Cianjur,
Merauke and Kota Jayapura; 2023-12, 2024-05 to 2024-07, 2024-12) is written as the long schema, a BPJS segment recap
(CSV, and an Excel sheet with a title row, a two-row header and a JUMLAH row), an Open Data yearly CSV (BPS codes,
capital names), and in the dialects Indonesian Excel produces. Rerunning writes the same bytes (seeded).

    python tools/make_import_examples.py
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "import"
LABEL = "DATA SINTETIS (contoh buatan proyek UHC Monitor, bukan data BPJS Kesehatan)"
REGIONS = {  # Kemendagri code: (name as Open Data writes it, BPS code, population)
    "17.07": ("KABUPATEN LEBONG", "1707", 110_120),
    "32.03": ("KABUPATEN CIANJUR", "3203", 2_584_990),
    "93.01": ("KABUPATEN MERAUKE", "9401", 230_932),  # Papua: BPS 9401 (before the 2022 split), Kemendagri 93.01
    "91.71": ("KOTA JAYAPURA", "9471", 414_862),  # Papua: BPS 9471, Kemendagri 91.71
}
RECAP_NAMES = {"17.07": "Kab. Lebong", "32.03": "Kab. Cianjur", "93.01": "Kab. Merauke", "91.71": "Kota Jayapura"}
PROVINCES = {"17.07": "BENGKULU", "32.03": "JAWA BARAT", "93.01": "PAPUA SELATAN", "91.71": "PAPUA"}
MONTHS = ["2023-12", "2024-05", "2024-06", "2024-07", "2024-12"]
RECAP_MONTHS = ["2024-05", "2024-06", "2024-07"]
SHARES = {"pbi_apbn": 0.42, "pbpu_pemda": 0.28, "ppu": 0.14, "pbpu_mandiri": 0.10, "bp": 0.02}
ACTIVE = {"pbi_apbn": 0.93, "pbpu_pemda": 0.9, "ppu": 0.88, "pbpu_mandiri": 0.45, "bp": 0.8}
README = f"""# Import examples (synthetic)

{LABEL}. Written by `tools/make_import_examples.py` (rerun it to rebuild them; the same bytes each time).

`long.csv` is the panel every other file encodes: a BPJS segment recap (`recap*.csv`, `recap*.xlsx`), an Open Data
yearly CSV (`opendata*.csv`: BPS codes, Papua's 9401/9471 mapped by name), and the dialects of Indonesian Excel
(`;`, `137.000`, `"137,000"`, Windows-1252, tab + BOM).

Stated totals, checked then left out: `long_segment_totals.csv` (a `Jumlah` segment row per region-month),
`opendata_totals.csv` (the province's `JUMLAH` rows).

Hostile files: `recap_two_sheets.xlsx`, `recap_truncated.xlsx`, `recap_empty.xlsx`, `recap_bad_total.xlsx`,
`long_mixed_separators.csv`, `long_bad_byte.csv`, `long_missing_segments.csv`, `long_segment_totals_wrong.csv`,
`opendata_cakupan.csv`.
"""
RECAP_HEADERS = {
    "pbi_apbn": "PBI APBN",
    "pbpu_pemda": "PBI APBD",
    "ppu": "PPU",
    "pbpu_mandiri": "PBPU",
    "bp": "BP",
}


def base_panel() -> pd.DataFrame:
    """The long panel every example is made from, with PPU PN/BU, the Pemda's payers and state-paid BP as
    sub-splits."""
    rng = np.random.default_rng(13)
    rows = []
    for code, (_, _, population) in REGIONS.items():
        for step, period in enumerate(MONTHS):
            pop = population + 40 * step
            for segment, share in SHARES.items():
                registered = int(pop * share * (1 + 0.004 * step) * rng.uniform(0.97, 1.03))
                active = int(registered * ACTIVE[segment] * rng.uniform(0.97, 1.0))
                row = dict(
                    region_code=code,
                    period=period,
                    segment=segment,
                    population=pop,
                    registered=registered,
                    active=active,
                )
                if segment == "ppu":
                    pn = int(registered * 0.55)
                    pn_active = min(pn, int(pn * 0.96))
                    row.update(
                        ppu_pn_registered=pn,
                        ppu_pn_active=pn_active,
                        ppu_bu_registered=registered - pn,
                        ppu_bu_active=active - pn_active,
                    )
                if segment == "pbpu_pemda":
                    province = int(registered * 0.6)
                    row.update(pemda_province_registered=province, pemda_regency_registered=registered - province)
                if (
                    segment == "bp"
                ):  # veterans and state pensioners: mostly active (the state pays, the pension deducts)
                    state = int(registered * 0.3)
                    state_active = min(active, int(state * 0.9))
                    row.update(
                        bp_state_registered=state,
                        bp_state_active=state_active,
                        bp_other_registered=registered - state,
                        bp_other_active=active - state_active,
                    )
                rows.append(row)
    frame = pd.DataFrame(rows)
    for c in frame.columns[6:]:
        frame[c] = frame[c].astype("Int64")
    return frame


def recap_frame(panel: pd.DataFrame, months: list[str]) -> pd.DataFrame:
    """One row per region and month, a column per segment (registered, aktif, non aktif), sub-splits and totals."""
    rows = []
    for (code, period), g in panel[panel["period"].isin(months)].groupby(["region_code", "period"], sort=True):
        s = g.set_index("segment")
        row = {
            "No": len(rows) + 1,
            "Kode": code,
            "Kab/Kota": RECAP_NAMES[code],
            "Periode": period,
            "Jumlah Penduduk": int(s["population"].iloc[0]),
        }
        for seg, head in RECAP_HEADERS.items():
            if seg == "ppu":
                for part in ("pn", "bu"):
                    reg, act = int(s.at[seg, f"ppu_{part}_registered"]), int(s.at[seg, f"ppu_{part}_active"])
                    row[f"PPU {part.upper()} Aktif"] = act
                    row[f"PPU {part.upper()} Non Aktif"] = reg - act
                continue
            reg, act = int(s.at[seg, "registered"]), int(s.at[seg, "active"])
            row[f"{head} Aktif"] = act
            row[f"{head} Non Aktif"] = reg - act
            if seg == "bp":
                for part, label in (("state", "BP Veteran/Pensiunan"), ("other", "BP Lainnya")):
                    reg, act = int(s.at[seg, f"bp_{part}_registered"]), int(s.at[seg, f"bp_{part}_active"])
                    row[f"{label} Aktif"] = act
                    row[f"{label} Non Aktif"] = reg - act
            if seg == "pbpu_pemda":
                row["PBPU Pemda Provinsi"] = int(s.at[seg, "pemda_province_registered"])
                row["PBPU Pemda Kab/Kota"] = int(s.at[seg, "pemda_regency_registered"])
        row["Jumlah Peserta"] = int(s["registered"].sum())
        row["Peserta Aktif"] = int(s["active"].sum())
        row["Peserta Non Aktif"] = int(s["registered"].sum() - s["active"].sum())
        row["% Cakupan"] = round(100 * s["registered"].sum() / s["population"].iloc[0], 2)
        row["Belum Terdaftar"] = int(s["population"].iloc[0] - s["registered"].sum())
        rows.append(row)
    return pd.DataFrame(rows)


def opendata_frame(panel: pd.DataFrame) -> pd.DataFrame:
    """Open Data yearly long rows (December figures): segment x status rows and a JUMLAH PENDUDUK row."""
    rows = []
    december = panel[panel["period"].str.endswith("-12")]
    labels = {"pbi_apbn": "PBI APBN", "pbpu_pemda": "PBI APBD", "ppu": "PPU", "pbpu_mandiri": "PBPU", "bp": "BP"}
    for (code, period), g in december.groupby(["region_code", "period"], sort=True):
        name, bps, _ = REGIONS[code]
        base = dict(
            kode_provinsi=bps[:2],
            nama_provinsi=PROVINCES[code] if code != "93.01" else "PAPUA",
            kode_kabupaten_kota=bps,
            nama_kabupaten_kota=name,
        )
        year = period[:4]
        for r in g.itertuples():
            for status, count in (("AKTIF", r.active), ("TIDAK AKTIF", r.registered - r.active)):
                rows.append(
                    {
                        **base,
                        "jenis_kepesertaan": labels[r.segment],
                        "status_kepesertaan": status,
                        "jumlah_peserta": int(count),
                        "satuan": "JIWA",
                        "tahun": year,
                    }
                )
        rows.append(
            {
                **base,
                "jenis_kepesertaan": "JUMLAH PENDUDUK",
                "status_kepesertaan": "",
                "jumlah_peserta": int(g["population"].iloc[0]),
                "satuan": "JIWA",
                "tahun": year,
            }
        )
    out = pd.DataFrame(rows)
    out.insert(0, "id", range(1, len(out) + 1))
    return out


def id_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def write_xlsx_recap(
    recap: pd.DataFrame, path: Path, month_title: str, extra_sheet: bool = False, bad_total: bool = False
) -> None:
    """A recap sheet as branches send it: title rows, a two-row header (segment over Aktif / Non Aktif), JUMLAH."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Rekap"
    ws.append([f"REKAPITULASI KEPESERTAAN JKN PER KABUPATEN/KOTA BULAN {month_title}"])
    ws.append([LABEL])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=12)
    data = recap.drop(columns=["Periode", "% Cakupan"])
    upper, lower = [], []
    for c in data.columns:
        if c.endswith(" Non Aktif") and not c.startswith("Peserta"):
            upper.append("")
            lower.append("Non Aktif")
        elif c.endswith(" Aktif") and not c.startswith("Peserta"):
            upper.append(c[: -len(" Aktif")])
            lower.append("Aktif")
        else:
            upper.append(c)
            lower.append("")
    ws.append(upper)
    ws.append(lower)
    for values in data.itertuples(index=False):
        ws.append([v.item() if hasattr(v, "item") else v for v in values])
    totals = ["", "", "JUMLAH"] + [int(data[c].sum()) for c in data.columns[3:]]
    if bad_total:
        totals[4] += 1000
    ws.append(totals)
    if extra_sheet:
        other = book.create_sheet("Catatan")
        other.append(["Catatan", LABEL])
        other.append(["Sumber", "contoh"])
    fixed = datetime(2026, 12, 1)
    book.properties.created = book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    _rezip(buffer.getvalue(), path, fixed)


def _rezip(data: bytes, path: Path, when: datetime) -> None:
    """The workbook with fixed file times inside its zip, so a rerun writes the same bytes."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", when.strftime("%Y-%m-%dT%H:%M:%SZ").encode(), content
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    panel = base_panel()
    panel.to_csv(OUT / "long.csv", index=False)

    recap = recap_frame(panel, RECAP_MONTHS)
    recap.to_csv(OUT / "recap.csv", index=False)

    july = recap[recap["Periode"] == "2024-07"].reset_index(drop=True)
    write_xlsx_recap(july, OUT / "recap_title_totals.xlsx", "JULI 2024")
    write_xlsx_recap(july, OUT / "recap_two_sheets.xlsx", "JULI 2024", extra_sheet=True)
    write_xlsx_recap(july, OUT / "recap_bad_total.xlsx", "JULI 2024", bad_total=True)
    good = (OUT / "recap_title_totals.xlsx").read_bytes()
    (OUT / "recap_truncated.xlsx").write_bytes(good[: len(good) // 2])
    (OUT / "recap_empty.xlsx").write_bytes(b"")

    # Indonesian Excel: ';' delimiter, '.' thousands, a title line, Windows-1252 bytes (the en dash is 0x96)
    text = io.StringIO()
    text.write(f"Rekap kepesertaan JKN \u2013 {LABEL}\n")
    id_recap = july.drop(columns=["% Cakupan"]).copy()
    for c in id_recap.columns[4:]:
        id_recap[c] = id_recap[c].map(id_number)
    id_recap.to_csv(text, index=False, sep=";")
    (OUT / "recap_semicolon_cp1252.csv").write_bytes(text.getvalue().encode("cp1252"))

    long_id = panel[panel["period"].isin(RECAP_MONTHS)].iloc[:, :6].copy()
    for c in ("population", "registered", "active"):
        long_id[c] = long_id[c].map(id_number)
    long_id.to_csv(OUT / "long_semicolon_thousands.csv", index=False, sep=";")
    long_en = panel[panel["period"].isin(RECAP_MONTHS)].iloc[:, :6].copy()
    for c in ("population", "registered", "active"):
        long_en[c] = long_en[c].map("{:,}".format)
    long_en.to_csv(OUT / "long_comma_thousands.csv", index=False)  # quoted: "110,160"
    mixed = long_id.copy()
    mixed["population"] = mixed["population"].str.replace(".", ",", regex=False)
    mixed.loc[mixed.index[:5], "population"] = mixed["population"].iloc[:5].str.replace(",", ".", regex=False)
    mixed.to_csv(OUT / "long_mixed_separators.csv", index=False)
    tab = panel[panel["period"].isin(RECAP_MONTHS)].iloc[:, :6]
    (OUT / "long_tab_bom.tsv").write_bytes(b"\xef\xbb\xbf" + tab.to_csv(index=False, sep="\t").encode())

    lines = (OUT / "long.csv").read_bytes().split(b"\n")  # UTF-8 text (an en dash) and one Windows-1252 byte
    lines[0] = lines[0] + b",catatan"
    lines[1] = lines[1] + ",contoh \u2013 data".encode("utf-8")
    lines[3] = lines[3] + b",contoh \x96 data"
    (OUT / "long_bad_byte.csv").write_bytes(b"\n".join(lines[:6]) + b"\n")

    gaps = panel[panel["period"].isin(RECAP_MONTHS)].iloc[:, :6]
    drop = gaps[(gaps["region_code"] == "17.07") & (gaps["period"] == "2024-06") & gaps["segment"].isin(["ppu", "bp"])]
    gaps.drop(index=drop.index).to_csv(OUT / "long_missing_segments.csv", index=False)

    opendata = opendata_frame(panel)
    opendata.to_csv(OUT / "opendata.csv", index=False)
    keys = ["tahun", "jenis_kepesertaan", "status_kepesertaan"]
    jumlah = opendata.groupby(keys, sort=False)["jumlah_peserta"].sum().reset_index()
    jumlah = jumlah.assign(kode_provinsi="", nama_provinsi="", kode_kabupaten_kota="", nama_kabupaten_kota="JUMLAH",
                           satuan="JIWA", id="")  # fmt: skip
    pd.concat([opendata, jumlah[opendata.columns]]).to_csv(OUT / "opendata_totals.csv", index=False)

    with_totals = []
    for _, g in panel[panel["period"].isin(RECAP_MONTHS)].iloc[:, :6].groupby(["region_code", "period"], sort=True):
        total = g.iloc[:1].assign(segment="Jumlah", registered=g["registered"].sum(), active=g["active"].sum())
        with_totals += [g, total]
    with_totals = pd.concat(with_totals)
    with_totals.to_csv(OUT / "long_segment_totals.csv", index=False)
    wrong = with_totals.copy()
    wrong.iloc[11, wrong.columns.get_loc("active")] += 7  # the second region-month's Jumlah row: 7 too many
    wrong.to_csv(OUT / "long_segment_totals_wrong.csv", index=False)
    cakupan = opendata.copy()
    cakupan["cakupan"] = ""
    cakupan.to_csv(OUT / "opendata_cakupan.csv", index=False)
    (OUT / "README.md").write_text(README)


if __name__ == "__main__":
    main()
