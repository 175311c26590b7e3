"""Write the SYNTHETIC registry/participant files of tests/data/registry/ that imitate what spreadsheets and other
systems do to extracts (issue 13): NIK columns Excel turned into numbers, text marks, PCare/VClaim labels, an OpenSID
resident export, a "prepared" file holding raw NIKs. Every person, NIK, KK, card number and name is invented.

Run ``python tools/make_registry_test_files.py``; a test checks that rerunning changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "registry"
KECAMATAN = "17.07.01"  # Lebong Utara, Kabupaten Lebong
DESA = ("17.07.01.2002", "17.07.01.2005")
PEOPLE = 24  # enough for the ending-in-0 test (at least 10 sixteen-digit values)


def people() -> list[dict]:
    """24 invented residents in 8 families of 3 (NIK built from the rules: kecamatan, birth date + 40 for women,
    serial), desil 1-8."""
    out = []
    for i in range(PEOPLE):
        family, member = divmod(i, 3)
        woman = member == 1
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=977 * i + 31 * member)
        day = birth.day + (40 if woman else 0)
        serial = 1 + i % 7 + (member * 3)  # serials 0001-0013: a few end in 0, as real ones do
        nik = f"{KECAMATAN.replace('.', '')}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
        kk = f"{KECAMATAN.replace('.', '')}{(family % 28) + 1:02d}0{(family % 9) + 1}15{family + 1:04d}"
        out.append(
            {
                "nik": nik,
                "no_kk": kk,
                "nama": f"Nama Sintetis {i + 1:02d}",
                "jenis_kelamin": "P" if woman else "L",
                "tanggal_lahir": birth.isoformat(),
                "kode_kecamatan": KECAMATAN,
                "kode_desa": DESA[family % 2],
                "desil": str(family + 1),
                "status_penduduk": "meninggal" if i == 5 else ("pindah" if i == 8 else "hidup"),
                "alamat": f"Jalan Contoh No. {i + 1}",
                "rt": f"{family + 1:03d}",
                "rw": "001",
            }
        )
    return out


def write_csv(name: str, rows: list[dict], columns: list[str], delimiter: str = ",") -> None:
    with open(OUT / name, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row[c] for c in columns])


def excel_scientific(nik: str) -> str:
    """How Indonesian Excel writes a 16-digit number in a General column: ``1,70701E+15``."""
    return f"{int(nik):.5E}".replace(".", ",").replace("E+", "E+")


def main() -> None:
    base = people()
    registry = ["nik", "no_kk", "nama", "jenis_kelamin", "tanggal_lahir", "kode_kecamatan", "kode_desa", "desil"]
    with_residency = [*registry, "status_penduduk"]
    write_csv("synthetic_registry.csv", base, with_residency)
    write_csv("synthetic_registry_no_residency.csv", base, registry)
    write_csv(
        "synthetic_registry_excel_scientific.csv",
        [{**r, "nik": excel_scientific(r["nik"])} for r in base],
        with_residency,
        delimiter=";",
    )
    write_csv(
        "synthetic_registry_excel_15_digits.csv",
        [{**r, "nik": r["nik"][:15] + "0"} for r in base],
        with_residency,
    )
    write_csv("synthetic_registry_excel_decimal.csv", [{**r, "nik": r["nik"] + ".0"} for r in base], with_residency)
    marks = [
        {**r, "nik": ("'" + r["nik"]) if i % 3 == 0 else (f" {r['nik'][:6]} {r['nik'][6:12]} {r['nik'][12:]} ")}
        for i, r in enumerate(base)
    ]
    write_csv("synthetic_registry_excel_text_marks.csv", marks, with_residency)
    table = pa.table(
        {
            "nik": pa.array([float(r["nik"]) for r in base], pa.float64()),
            **{c: pa.array([r[c] for r in base]) for c in with_residency if c != "nik"},
        }
    )
    pq.write_table(table, OUT / "synthetic_registry_nik_float.parquet")

    # OpenSID "ekspor penduduk": one desa, no area codes; sex 1/2, status_dasar 1-6, id_asuransi 1/2/3/4/99
    insurance = ["2", "3", "1", "4", "99", "2"]
    opensid = [
        {
            **r,
            "dusun": "Dusun I",
            "sex": "2" if r["jenis_kelamin"] == "P" else "1",
            "tempatlahir": "Lebong",
            "tanggallahir": r["tanggal_lahir"],
            "status_dasar": {"hidup": "1", "meninggal": "2", "pindah": "3"}[r["status_penduduk"]],
            "id_asuransi": insurance[i % len(insurance)],
            "no_asuransi": "",
        }
        for i, r in enumerate(base)
    ]
    write_csv(
        "synthetic_opensid_penduduk.csv",
        opensid,
        ["alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir", "tanggallahir", "status_dasar",
         "id_asuransi", "no_asuransi"],
    )  # fmt: skip

    # PCare / VClaim participant list: jnsPeserta, statusPeserta/ketAktif, aktif true/false, hakKelas
    labels = ["PBI (APBN)", "PBI (APBD)", "PNS DAERAH", "PEKERJA MANDIRI", "BUKAN PEKERJA", "PBI (APBN)"]
    rows = []
    for i, r in enumerate(base[:18]):
        active = i % 4 != 3
        rows.append(
            {
                "noKartu": f"{1000000000 + 37 * i:013d}",
                "nik": r["nik"],
                "nama": r["nama"],
                "jnsPeserta": labels[i % len(labels)],
                "hakKelas": "KELAS III" if i % 6 != 2 else "KELAS I",
                "ketAktif": "AKTIF" if active else "TIDAK AKTIF",
                "aktif": "true" if active else "false",
                "tunggakan": "0" if active else "420000",  # an amount, not months: not read
            }
        )
    write_csv(
        "synthetic_participants_pcare.csv",
        rows,
        ["noKartu", "nik", "nama", "jnsPeserta", "hakKelas", "ketAktif", "aktif", "tunggakan"],
    )
    only_aktif = [{k: v for k, v in r.items() if k != "ketAktif"} for r in rows]
    write_csv(
        "synthetic_participants_aktif_flag.csv",
        only_aktif,
        ["noKartu", "nik", "nama", "jnsPeserta", "hakKelas", "aktif", "tunggakan"],
    )

    # a file passed as "prepared" that holds raw NIKs in its token columns
    raw = pa.table(
        {
            "person": [r["nik"] for r in base],
            "family": [r["no_kk"] for r in base],
            "sex": [r["jenis_kelamin"] for r in base],
            "birth_date": pa.array([dt.date.fromisoformat(r["tanggal_lahir"]) for r in base], pa.date32()),
            "kecamatan_code": [r["kode_kecamatan"] for r in base],
            "desa_code": [r["kode_desa"] for r in base],
            "desil": pa.array([int(r["desil"]) for r in base], pa.int8()),
            "residency": ["alive"] * len(base),
            "nik_valid": [True] * len(base),
            "nik_problem": pa.nulls(len(base), pa.string()),
            "nik_note": pa.nulls(len(base), pa.string()),
            "duplicate": [False] * len(base),
            "row": pa.array(range(2, len(base) + 2), pa.int64()),
        }
    )
    pq.write_table(raw, OUT / "synthetic_prepared_raw_nik.parquet")
    participants = ["nik", "nomor_kartu", "nama", "segmen", "kelas", "status"]
    write_csv(
        "synthetic_participants.csv",
        [
            {"nik": r["nik"], "nomor_kartu": f"{2000000000 + i:013d}", "nama": r["nama"], "segmen": "PBI APBN",
             "kelas": "3", "status": "aktif" if i % 5 else "nonaktif"}
            for i, r in enumerate(base[:15])
        ],
        participants,
    )  # fmt: skip


if __name__ == "__main__":
    main()
    print(OUT)
