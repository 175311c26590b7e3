"""Build ``data/reference/former_kecamatan_codes.csv``: kecamatan and kab/kota codes retired since 2015.

A NIK keeps the kecamatan code of the person's first registration for life, also after a region is split, so a NIK
check must know codes that are no longer in today's Kemendagri list. This script reads the Kemendagri releases kept in
the history of the public repository ``cahyadsn/wilayah`` (MIT, the same source as ``wilayah_kecamatan_desa.csv``):

=====  ======================================  ==========================================
year   release                                 file in cahyadsn/wilayah
=====  ======================================  ==========================================
2015   Permendagri No. 56 Tahun 2015           ``db/archive/wilayah_2016.sql`` (b7ad440)
2017   Permendagri No. 137 Tahun 2017          ``db/archive/wilayah_2018.sql`` (b7ad440)
2019   Permendagri No. 72 Tahun 2019           ``db/archive/wilayah_2020.sql`` (b7ad440)
2021   Permendagri No. 58 Tahun 2021           ``db/archive/wilayah_2022.sql`` (b7ad440)
2022   Kepmendagri No. 100.1.1-6117 Tahun 2022 ``db/archive/wilayah_2023.sql`` (b7ad440)
2025   Kepmendagri No. 300.2.2-2138 Tahun 2025 ``db/wilayah.sql`` (e94a474, last version before 2430/2025)
=====  ======================================  ==========================================

Every kecamatan (``NN.NN.NN``) or kab/kota (``NN.NN``) code listed in a release but not in today's list
(``data/reference/wilayah_kecamatan_desa.csv`` and ``wilayah_prov_kabkota.csv``, Kepmendagri 300.2.2-2430/2025) is
written with the current code of the same kecamatan where it can be determined: a current kecamatan with the same name
(letters and digits only, case ignored) whose desa/kelurahan share the most names with the former one's; a tie or no
shared desa name leaves ``current_code`` blank. A former kab/kota maps to the current kab/kota that holds most of its
mapped kecamatan.

``current_region_code`` is the kab/kota the code belongs to today (from the kecamatan's successor, else from its former
kab/kota's successor), blank when unknown.

The history starts in 2015, after Kalimantan Utara was formed (UU No. 20 Tahun 2012). Its former Kalimantan Timur
kab/kota codes are therefore hand-curated (``CURATED_REGENCIES``, evidence ``curated``) at kab/kota level only: their
kecamatan codes are not expanded, because a kab/kota moved to a new province does not always keep the kecamatan part
of its codes (in the 2022 Papua split 359 of 586 mapped kecamatan kept it; the script prints this check).

Usage::

    .venv/bin/python tools/build_former_codes.py /work/.mirror/cahyadsn+wilayah/repo [--out PATH]
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "reference"
OUT = REFERENCE / "former_kecamatan_codes.csv"
UPSTREAM = "cahyadsn/wilayah"


@dataclass(frozen=True)
class Release:
    """One Kemendagri release as transcribed in cahyadsn/wilayah."""

    year: int
    name: str
    commit: str
    path: str

    @property
    def source(self) -> str:
        return f"{UPSTREAM} {self.path}@{self.commit[:7]} ({self.name})"


RELEASES = (
    Release(2015, "Permendagri 56/2015", "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7", "db/archive/wilayah_2016.sql"),
    Release(2017, "Permendagri 137/2017", "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7", "db/archive/wilayah_2018.sql"),
    Release(2019, "Permendagri 72/2019", "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7", "db/archive/wilayah_2020.sql"),
    Release(2021, "Permendagri 58/2021", "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7", "db/archive/wilayah_2022.sql"),
    Release(
        2022, "Kepmendagri 100.1.1-6117/2022", "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7", "db/archive/wilayah_2023.sql"
    ),
    Release(2025, "Kepmendagri 300.2.2-2138/2025", "e94a474", "db/wilayah.sql"),
)
CURRENT = "Kepmendagri 300.2.2-2430/2025"

# Kalimantan Timur kab/kota moved to Kalimantan Utara by UU No. 20 Tahun 2012, before the history above begins.
# Only codes fixed by the numbering itself: 64.04 is the one code left of Kaltim's four original kabupaten (Paser
# 64.01, Kutai/Kutai Kartanegara 64.02, Berau 64.03, Bulungan); 64.10 lies between Penajam Paser Utara 64.09 (2002)
# and Mahakam Ulu 64.11 (2013) and Tana Tidung (UU No. 34 Tahun 2007) is the only kab/kota formed between them;
# 64.73 is the only gap among Kaltim's kota (64.71, 64.72, 64.74) and Tarakan the only kota that moved.
# Nunukan and Malinau (UU No. 47 Tahun 1999) held 64.05 and 64.06 in an order not established here: left out.
CURATED_REGENCIES = (
    ("64.04", "65.01", "KAB. BULUNGAN", 2012, "UU No. 20 Tahun 2012 (Kalimantan Utara); code hand-curated"),
    ("64.10", "65.04", "KAB. TANA TIDUNG", 2012, "UU No. 20 Tahun 2012 (Kalimantan Utara); code hand-curated"),
    ("64.73", "65.71", "KOTA TARAKAN", 2012, "UU No. 20 Tahun 2012 (Kalimantan Utara); code hand-curated"),
)

_TUPLE = re.compile(r"""\(\s*(['"])(\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)\1\s*,\s*(['"])((?:\\.|(?!\3).)*)\3""")
COLUMNS = [
    "former_code",
    "level",
    "former_name",
    "current_code",
    "current_name",
    "current_region_code",
    "last_listed_in",
    "changed_in",
    "changed_year",
    "evidence",
    "source",
]


def read_release(git_dir: Path, release: Release) -> dict[str, str]:
    """Codes and names (levels 1-4) of one release, read with ``git show``."""
    text = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{release.commit}:{release.path}"],
        capture_output=True,
        check=True,
        text=True,
        errors="replace",
    ).stdout
    codes = {m.group(2): m.group(4).replace("\\'", "'").strip() for m in _TUPLE.finditer(text)}
    if sum(len(c) == 8 for c in codes) < 7000:
        raise ValueError(f"{release.source}: fewer than 7,000 kecamatan codes parsed; format changed?")
    return codes


def read_current() -> dict[str, str]:
    """Today's codes and names from the project's reference files."""
    areas = pd.read_csv(REFERENCE / "wilayah_kecamatan_desa.csv", dtype=str, keep_default_na=False)
    regions = pd.read_csv(REFERENCE / "wilayah_prov_kabkota.csv", dtype=str, keep_default_na=False)
    return dict(zip(regions["kode"], regions["nama"], strict=True)) | dict(
        zip(areas["kode"], areas["nama"], strict=True)
    )


def _key(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def _desa_names(codes: dict[str, str], kecamatan: str) -> set[str]:
    prefix = kecamatan + "."
    return {_key(n) for c, n in codes.items() if len(c) == 13 and c.startswith(prefix)}


class _Current:
    """Today's kecamatan indexed by name, with their desa names."""

    def __init__(self, codes: dict[str, str]):
        self.codes = codes
        self.by_name: dict[str, list[str]] = {}
        desa: dict[str, set[str]] = {}
        for code, name in codes.items():
            if len(code) == 8:
                self.by_name.setdefault(_key(name), []).append(code)
            elif len(code) == 13:
                desa.setdefault(code[:8], set()).add(_key(name))
        self.desa = desa

    def successor(self, name: str, desa: set[str]) -> str:
        """The current kecamatan of the same name sharing most desa names; blank when none or a tie."""
        scored = sorted(
            ((len(desa & self.desa.get(c, set())), c) for c in self.by_name.get(_key(name), [])), reverse=True
        )
        if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return ""
        return scored[0][1]


def retired_from_history(releases: dict[Release, dict[str, str]], current: dict[str, str]) -> pd.DataFrame:
    """Rows for every kecamatan/kab-kota code of a release that is not current."""
    now = _Current(current)
    order = sorted(releases, key=lambda r: r.year)
    last: dict[str, Release] = {}
    for release in order:
        for code in releases[release]:
            if len(code) in (5, 8) and code not in current:
                last[code] = release
    rows = []
    for code in sorted(c for c in last if len(c) == 8):
        release = last[code]
        after = order[order.index(release) + 1] if release is not order[-1] else None
        name = releases[release][code]
        succ = now.successor(name, _desa_names(releases[release], code))
        rows.append(_row(code, "kecamatan", name, succ, current, release, after, "release_history"))
    kec = pd.DataFrame(rows, columns=COLUMNS)
    for code in sorted(c for c in last if len(c) == 5):
        release = last[code]
        after = order[order.index(release) + 1] if release is not order[-1] else None
        mapped = kec.loc[kec["former_code"].str.startswith(code + ".") & (kec["current_code"] != ""), "current_code"]
        succ = Counter(c[:5] for c in mapped).most_common(1)[0][0] if len(mapped) else ""
        name = releases[release][code]
        rows.append(_row(code, "kabkota", name, succ, current, release, after, "release_history"))
    return pd.DataFrame(rows, columns=COLUMNS)


def _row(code, level, name, succ, current, release, after, evidence) -> dict:
    return {
        "former_code": code,
        "level": level,
        "former_name": name,
        "current_code": succ,
        "current_name": current.get(succ, ""),
        "current_region_code": "",
        "last_listed_in": release.name,
        "changed_in": after.name if after else CURRENT,
        "changed_year": after.year if after else 2025,
        "evidence": evidence,
        "source": release.source,
    }


def curated(current: dict[str, str]) -> pd.DataFrame:
    """Hand-curated Kalimantan Utara kab/kota rows (their kecamatan codes before 2012 are not in the history)."""
    rows = []
    for former, successor, name, year, law in CURATED_REGENCIES:
        if former in current or successor not in current:
            raise ValueError(f"curated code {former} -> {successor} contradicts today's list")
        rows.append(
            {
                "former_code": former,
                "level": "kabkota",
                "former_name": name,
                "current_code": successor,
                "current_name": current[successor],
                "current_region_code": successor,
                "last_listed_in": "",
                "changed_in": law.split(";")[0],
                "changed_year": year,
                "evidence": "curated",
                "source": law,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def with_current_region(table: pd.DataFrame, current: dict[str, str]) -> pd.DataFrame:
    """Add ``current_region_code``: the kab/kota a former code belongs to today, blank when unknown.

    A mapped kecamatan gives its current kab/kota; otherwise its former kab/kota's successor, or that kab/kota
    itself when it still exists (a kecamatan renumbered inside its kab/kota).
    """
    regency = table[table["level"] == "kabkota"].set_index("former_code")["current_code"].to_dict()
    out = []
    for row in table.itertuples(index=False):
        if row.level == "kabkota":
            out.append(row.current_code)
        elif row.current_code:
            out.append(row.current_code[:5])
        else:
            parent = row.former_code[:5]
            out.append(parent if parent in current else regency.get(parent, ""))
    return table.assign(current_region_code=out)[COLUMNS]


def suffix_rule_check(table: pd.DataFrame) -> tuple[int, int]:
    """Among mapped kecamatan of former kab/kota whose kab/kota is mapped: how many keep their kecamatan part."""
    reg = table[table["level"] == "kabkota"].set_index("former_code")["current_code"]
    kec = table[(table["level"] == "kecamatan") & (table["current_code"] != "")]
    kec = kec[kec["former_code"].str[:5].map(reg).fillna("") == kec["current_code"].str[:5]]
    return int((kec["former_code"].str[5:] == kec["current_code"].str[5:]).sum()), len(kec)


def build(git_dir: Path) -> pd.DataFrame:
    """The former-codes table (see module docstring)."""
    current = read_current()
    releases = {r: read_release(git_dir, r) for r in RELEASES}
    history = retired_from_history(releases, current)
    kept, total = suffix_rule_check(history)
    print(f"kecamatan part kept when a kab/kota moved: {kept} of {total}")
    history = with_current_region(history, current)
    table = pd.concat([history, curated(current)], ignore_index=True)
    if table["former_code"].duplicated().any() or table["former_code"].isin(current.keys()).any():
        raise ValueError("a former code is duplicated or still current")
    return table.sort_values(["former_code"]).reset_index(drop=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("git_dir", type=Path, help="git directory of a cahyadsn/wilayah clone or mirror")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = build(args.git_dir)
    table.to_csv(args.out, index=False)
    kec = table[table["level"] == "kecamatan"]
    print(
        f"{args.out}: {len(table)} rows ({len(kec)} kecamatan, {len(table) - len(kec)} kab/kota); "
        f"kecamatan with a current code: {(kec['current_code'] != '').sum()}"
    )


if __name__ == "__main__":
    main()
