"""Re-identify a worklist for the officer who enrols people: the one step that reads NIK, KK, names and addresses.

It runs on the machine that holds the key and the original registry extract: the registry's NIKs are tokenised again
with the same key (:func:`uhc_lib.registry.nik.clean`, then :func:`~uhc_lib.registry.pseudonym.tokenize_arrow`, as
preparation does), joined with the worklist's tokens, and written by
:func:`uhc_lib.registry.workbooks.write_confidential` to a folder outside the reports folder (file mode 0600, a
"RAHASIA — data pribadi" banner on every sheet). Nothing is logged or printed but the file's path and row count.

Refused, with nothing written: no key, a key other than the worklist's (its key check in ``match.json``), an output
folder inside a reports folder, a registry extract that does not hold every person of the worklist, an identifier
column a spreadsheet turned into numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from uhc_lib.registry import areas, extracts, match, workbooks
from uhc_lib.registry.pseudonym import check_key, key_check, tokenize_arrow

REIDENTIFY_ALIASES = {
    "nik": extracts.REGISTRY_ALIASES["nik"],
    "kk": extracts.REGISTRY_ALIASES["kk"],
    "person_name": ["nama", "name", "nama_lengkap"],
    "address": ["alamat", "alamat_lengkap", "alamat_sekarang", "address", "alamat_rumah"],
    "dusun": ["dusun", "dusun_lingkungan", "lingkungan"],
    "rt": ["rt"],
    "rw": ["rw"],
}
READ_ORDER = ("kk", "person_name", "address", "dusun", "rt", "rw")


class ReidentifyError(ValueError):
    """Re-identification refused (the message names files and counts, never a person)."""


@dataclass(frozen=True)
class Reidentified:
    """Where the re-identified workbook is and how many rows it holds."""

    path: Path
    rows: int


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def check_destination(out_dir: str | Path, worklist_dir: Path, reports_dir: Path) -> Path:
    """``out_dir`` resolved; :class:`ReidentifyError` when it is inside the reports folder (the default one, or the
    one the worklist was written in) or inside any folder named ``reports``."""
    out = Path(out_dir).expanduser().resolve()
    roots = {Path(reports_dir).resolve()}
    for parent in worklist_dir.resolve().parents:
        if parent.name == "matching":
            roots.add(parent.parent)
    if any(_inside(out, root) for root in roots) or "reports" in out.parts:
        raise ReidentifyError(
            f"{out} is inside a reports folder, which is shared and published: write the re-identified worklist to a "
            "folder of the enrolment officer outside reports/ (e.g. --out ~/rahasia)"
        )
    return out


def _worklist(path: str | Path) -> tuple[Path, dict]:
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    parquet = folder / "worklist.parquet"
    info_path = folder / match.MATCH_INFO
    if not parquet.is_file():
        raise FileNotFoundError(f"{parquet}: no worklist here (uhc match writes worklist.parquet)")
    if not info_path.is_file():
        raise ReidentifyError(
            f"{folder}: no {match.MATCH_INFO} beside the worklist, so its key cannot be checked: run uhc match again"
        )
    info = json.loads(info_path.read_text(encoding="utf-8"))
    if not info.get("key_check"):
        raise ReidentifyError(
            f"{info_path}: the worklist holds no key check (prepared by an older version): run uhc match again"
        )
    return parquet, info


def reidentify(
    worklist: str | Path,
    registry: str | Path,
    out_dir: str | Path,
    key: bytes,
    *,
    reports_dir: str | Path,
    lang: str = "id",
    chunk_rows: int = 500_000,
) -> Reidentified:
    """Write ``<region>_<period>_daftar_kerja_RAHASIA.xlsx`` (``..._worklist_CONFIDENTIAL.xlsx`` in English) with
    the worklist's rows, in its order, and the registry's NIK, KK, name and address columns.

    Args:
        worklist: the worklist folder of a ``uhc match`` run, or its ``worklist.parquet``.
        registry: the registry extract the worklist was made from (CSV or Parquet, as for ``uhc match``).
        out_dir: a folder outside every reports folder; created (mode 0700) when missing.
        key: the pseudonymisation key the worklist was made with.
        reports_dir: the reports folder (refused as a destination, with the worklist's own).
    """
    key = check_key(key)
    parquet, info = _worklist(worklist)
    out = check_destination(out_dir, parquet.parent, Path(reports_dir))
    if key_check(key) != info["key_check"]:
        raise ReidentifyError(
            "the key is not the one this worklist was made with (its key check differs): set the same key "
            "(UHC_PSEUDONYM_KEY or UHC_PSEUDONYM_KEY_FILE) as for uhc match"
        )
    con = duckdb.connect()
    try:
        wanted = con.execute(
            f"SELECT priority, person, kecamatan_code, desa_code, desil, age_band, yearly_cost, cumulative_cost "
            f"FROM read_parquet('{parquet.as_posix()}') ORDER BY priority"
        ).fetchall()
    finally:
        con.close()
    tokens = pa.array([row[1] for row in wanted], pa.string())
    found: dict[str, tuple] = {}
    registry = Path(registry)
    columns, tables = extracts._open(registry, REIDENTIFY_ALIASES, ("nik",), chunk_rows)
    signs = extracts._SpreadsheetSigns()
    first_row = extracts.FIRST_DATA_ROW
    for table in tables:
        rows = pa.array(range(first_row, first_row + table.num_rows), pa.int64()).to_numpy()
        first_row += table.num_rows
        chunk = extracts._Chunk(registry.name, table, columns, rows, [], signs)
        nik = chunk.identifier("nik", sixteen_digits=True)
        person = tokenize_arrow(nik, key, "nik")
        hit = pc.fill_null(pc.is_in(person, value_set=tokens), False)
        if not pc.any(hit).as_py():
            continue
        keep = {"nik": nik.filter(hit), "person": person.filter(hit)}
        if "kk" in columns:
            keep["kk"] = chunk.identifier("kk", sixteen_digits=True).filter(hit)
        for name in READ_ORDER[1:]:
            if name in columns:
                keep[name] = chunk.text(name).filter(hit)
        present = [n for n in ("nik", *READ_ORDER) if n in keep]
        for values in zip(*(keep[n].to_pylist() for n in ("person", *present)), strict=True):
            found.setdefault(values[0], values[1:])  # a repeated NIK: its first row, as preparation keeps it
    problems = signs.problems(registry.name)
    if problems:
        raise extracts.ExtractError(problems)
    missing = len(wanted) - sum(1 for row in wanted if row[1] in found)
    if missing:
        raise ReidentifyError(
            f"{registry.name}: {missing} of the worklist's {len(wanted)} persons are not in this registry extract: "
            "give the extract the worklist was made from"
        )
    present = [n for n in ("nik", *READ_ORDER) if n == "nik" or n in columns]
    return _write(out, info, wanted, found, present, lang)


def _write(out: Path, info: dict, wanted: list[tuple], found: dict, present: list[str], lang: str) -> Reidentified:
    w = workbooks._words(lang)
    en = lang == "en"
    headers = {
        "nik": workbooks.Column(w["nik"], workbooks.TEXT, 19),
        "kk": workbooks.Column(w["kk"], workbooks.TEXT, 19),
        "person_name": workbooks.Column("Name" if en else "Nama", workbooks.TEXT, 28),
        "address": workbooks.Column("Address" if en else "Alamat", workbooks.TEXT, 36),
        "dusun": workbooks.Column("Dusun", workbooks.TEXT, 16),
        "rt": workbooks.Column("RT", workbooks.TEXT, 6),
        "rw": workbooks.Column("RW", workbooks.TEXT, 6),
    }
    names = areas.area_names(info["region_code"])
    desa_names = dict(zip(areas.desa(info["region_code"])["desa_code"], areas.desa(info["region_code"])["name"],
                          strict=True))  # fmt: skip
    columns = [
        workbooks.Column(w["priority"], workbooks.INTEGER, 10),
        *(headers[n] for n in present),
        workbooks.Column(w["kecamatan"], workbooks.TEXT, 20),
        workbooks.Column(w["desa"], workbooks.TEXT, 24),
        workbooks.Column(w["desil"], workbooks.INTEGER, 8),
        workbooks.Column(w["age_band"], workbooks.TEXT, 14),
        workbooks.Column(w["yearly_cost"], workbooks.RUPIAH, 16),
        workbooks.Column(w["cumulative_cost"], workbooks.RUPIAH, 20),
    ]

    def rows():
        for priority, person, kecamatan, desa, desil, age_band, yearly, cumulative in wanted:
            yield (
                priority,
                *found[person],
                names.get(kecamatan, kecamatan),
                desa_names.get(desa, desa),
                desil,
                workbooks._age(age_band, w),
                yearly,
                cumulative,
            )

    stem = f"{info['region_code']}_{info['period']}"
    path = out / (f"{stem}_worklist_CONFIDENTIAL.xlsx" if en else f"{stem}_daftar_kerja_RAHASIA.xlsx")
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    notes = [
        ("Region" if en else "Wilayah", f"{names.get(info['region_code'], '')} ({info['region_code']})"),
        ("Month of the extracts" if en else "Bulan data", info["period"]),
        ("Rows" if en else "Baris", len(wanted)),
        ("Key check" if en else "Cek kunci", info["key_check"]),
    ]
    n = workbooks.write_confidential(path, rows(), columns, notes, lang)
    return Reidentified(path, n)
