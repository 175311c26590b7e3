"""A hand-made Lebong (17.07) case for the worklist, text and chart tests: raw extracts with NIKs, KKs, card numbers
and names, prepared with a fixed key and matched. Import as ``from tests.registry.helpers import build``.

Desa D1 = 17.07.01.2002 and D2 = 17.07.01.2005 (kecamatan 17.07.01), D3 = 17.07.02.2001 (kecamatan 17.07.02).
Families are blocks of equal size; every member of a block has the same desil and JKN record.

    block                                    desa  desil  families x size  persons  JKN record
    worklist (alive, no record)              D1    1      60 x 3           180      -
                                             D2    1      39 x 3           117      -
                                             D3    1,4,4  1 x 3            3        -  (family decile 1)
                                             D3    2      2 x 3            6        -
                                             D1    3      50 x 3           150      -
                                             D2    4      15 x 3           45       -
                                             D3    7      10 x 3           30       -
                                             D2    -      8 x 3            24       -
    alive, active                            D1    1      100 x 2          200      pbi_apbn class 3 (12 also have
                                                                                    a later duplicate record)
                                             D2    5      50 x 2           100      ppu class 1
                                             D3    3      40 x 2           80       pbpu_pemda class 3
                                             D3    8      10 x 2           20       pbpu_mandiri class 2
                                             D2    9      21 x 3           63       bp class 1
    alive, inactive                          D1    2      5 x 5            25       pbpu_mandiri, arrears 12 months
                                             D3    1      4 x 3            12       pbi_apbn, pbi_deactivated
                                             D2    6      1 x 3            3        pbpu_mandiri, no reason
    deceased per registry                    D1    3      6 x 1            6        pbpu_pemda active
                                             D1    3      8 x 1            8        pbi_apbn active
    moved per registry                       D2    5      5 x 1            5        pbpu_mandiri active
    registry rows left out                   D1    1      11 invalid NIKs (15 digits), 2 repeated rows of block
                                                          "D1 desil 1 active"
    participants not in the registry         600 records: 100 active ppu (7 with a NIK of kecamatan 17.01.01),
                                             500 inactive pbpu_mandiri in arrears
    participants with an invalid NIK         3 active pbpu_mandiri (15 digits)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from uhc_lib.registry.extracts import prepare_participants, prepare_registry
from uhc_lib.registry.match import MatchResult, match

KEY = b"registry-worklist-test-key-0123456789"
REGION = "17.07"
PERIOD = "2024-07"
PREMIUM = 42_000
YEARLY = 12 * PREMIUM
D1, D2, D3 = "17.07.01.2002", "17.07.01.2005", "17.07.02.2001"
K1, K2 = "17.07.01", "17.07.02"

# (desa, desil of each member (a tuple) or one desil for all, families, size, residency, record)
# record: (segment, class, status, inactive reason, months of arrears) or None
ACTIVE_PBI = ("pbi_apbn", 3, "aktif", "", "")
BLOCKS = [
    (D1, 1, 60, 3, "hidup", None),
    (D2, 1, 39, 3, "hidup", None),
    (D3, (1, 4, 4), 1, 3, "hidup", None),
    (D3, 2, 2, 3, "hidup", None),
    (D1, 3, 50, 3, "hidup", None),
    (D2, 4, 15, 3, "hidup", None),
    (D3, 7, 10, 3, "hidup", None),
    (D2, None, 8, 3, "hidup", None),
    (D1, 1, 100, 2, "hidup", ACTIVE_PBI),
    (D2, 5, 50, 2, "hidup", ("ppu", 1, "aktif", "", "")),
    (D3, 3, 40, 2, "hidup", ("pbpu_pemda", 3, "aktif", "", "")),
    (D3, 8, 10, 2, "hidup", ("pbpu_mandiri", 2, "aktif", "", "")),
    (D2, 9, 21, 3, "hidup", ("bp", 1, "aktif", "", "")),
    (D1, 2, 5, 5, "hidup", ("pbpu_mandiri", 3, "nonaktif", "menunggak", "12")),
    (D3, 1, 4, 3, "hidup", ("pbi_apbn", 3, "nonaktif", "pbi dinonaktifkan", "")),
    (D2, 6, 1, 3, "hidup", ("pbpu_mandiri", 3, "nonaktif", "", "")),
    (D1, 3, 6, 1, "meninggal", ("pbpu_pemda", 3, "aktif", "", "")),
    (D1, 3, 8, 1, "meninggal", ACTIVE_PBI),
    (D2, 5, 5, 1, "pindah", ("pbpu_mandiri", 3, "aktif", "", "")),
]
DUPLICATED_RECORDS = 12  # of the first persons of block "D1 desil 1 active": a later inactive mandiri record
REGISTRY_INVALID = 11
REGISTRY_REPEATED = 2
NOT_IN_REGISTRY_ACTIVE = 100
NOT_IN_REGISTRY_OTHER_REGION = 7
NOT_IN_REGISTRY_INACTIVE = 500
PARTICIPANTS_INVALID = 3


@dataclass
class Case:
    """The matched hand-made case and every raw identifier and name of its two extracts."""

    result: MatchResult
    niks: set[str] = field(default_factory=set)
    kks: set[str] = field(default_factory=set)
    cards: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> int:
        self.n += 1
        return self.n


def _nik(kecamatan: str, birth: dt.date, woman: bool, serial: int) -> str:
    day = birth.day + (40 if woman else 0)
    return f"{kecamatan.replace('.', '')}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def extracts() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The raw registry and participant extracts (Indonesian headers, as Dukcapil and BPJS Kesehatan send them)."""
    person, family, card = _Counter(), _Counter(), _Counter()
    registry, participants, repeated = [], [], []

    def someone(desa: str, desil, kk: str, residency: str) -> dict:
        i = person()
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=i * 131 % 25_000)
        woman = i % 2 == 1
        return {
            "nik": _nik(desa[:8], birth, woman, i),
            "no_kk": kk,
            "nama": f"Warga Contoh {i:05d}",
            "jenis_kelamin": "P" if woman else "L",
            "tanggal_lahir": birth.isoformat(),
            "kode_kecamatan": desa[:8],
            "kode_desa": desa,
            "desil": "" if desil is None else str(desil),
            "status_penduduk": residency,
        }

    def record(nik: str, name: str, rec: tuple) -> dict:
        segment, klass, status, reason, arrears = rec
        return {
            "nik": nik,
            "nomor_kartu": f"{card():013d}",
            "nama": name,
            "segmen": segment,
            "kelas": str(klass),
            "status": status,
            "alasan_nonaktif": reason,
            "bulan_tunggakan": arrears,
        }

    for desa, desil, families, size, residency, rec in BLOCKS:
        for _ in range(families):
            kk = f"{desa[:8].replace('.', '')}9{family():09d}"
            for m in range(size):
                row = someone(desa, desil[m] if isinstance(desil, tuple) else desil, kk, residency)
                registry.append(row)
                if rec is not None:
                    participants.append(record(row["nik"], row["nama"], rec))
                    if rec is ACTIVE_PBI and residency == "hidup" and len(repeated) < DUPLICATED_RECORDS:
                        repeated.append(row)
    for row in repeated:
        participants.append(record(row["nik"], row["nama"], ("pbpu_mandiri", 3, "nonaktif", "data ganda", "")))
    for row in repeated[:REGISTRY_REPEATED]:
        registry.append(dict(row))
    for _ in range(REGISTRY_INVALID):
        row = someone(D1, 1, f"1707019{family():09d}", "hidup")
        row["nik"] = row["nik"][:15]
        registry.append(row)
    for j in range(NOT_IN_REGISTRY_ACTIVE + NOT_IN_REGISTRY_INACTIVE + PARTICIPANTS_INVALID):
        outsider = someone("17.01.01" if j < NOT_IN_REGISTRY_OTHER_REGION else K1, None, "", "hidup")
        if j < NOT_IN_REGISTRY_ACTIVE:
            rec = ("ppu", 2, "aktif", "", "")
        elif j < NOT_IN_REGISTRY_ACTIVE + NOT_IN_REGISTRY_INACTIVE:
            rec = ("pbpu_mandiri", 3, "nonaktif", "menunggak", "6")
        else:
            rec = ("pbpu_mandiri", 3, "aktif", "", "")
            outsider["nik"] = outsider["nik"][:15]
        participants.append(record(outsider["nik"], outsider["nama"], rec))
    return pd.DataFrame(registry), pd.DataFrame(participants)


def build(folder: str | Path) -> Case:
    """Write the raw extracts into ``folder``, prepare them with :data:`KEY` and match them (worklists in
    ``folder/out``)."""
    folder = Path(folder)
    registry, participants = extracts()
    registry.to_csv(folder / "registrasi.csv", index=False)
    participants.to_csv(folder / "peserta.csv", index=False)
    prepare_registry(folder / "registrasi.csv", folder / "registry.parquet", KEY, REGION)
    prepare_participants(folder / "peserta.csv", folder / "participants.parquet", KEY, REGION)
    result = match(
        folder / "registry.parquet",
        folder / "participants.parquet",
        premium_per_month=PREMIUM,
        period=PERIOD,
        region_code=REGION,
        out_dir=folder / "out",
        memory_limit="256MB",
        threads=1,
    )
    return Case(
        result=result,
        niks=set(registry["nik"]) | set(participants["nik"]),
        kks=set(registry["no_kk"]) - {""},
        cards=set(participants["nomor_kartu"]),
        names=set(registry["nama"]) | set(participants["nama"]),
    )
