"""Validate and pseudonymise a population-registry extract and a JKN participant extract, chunk by chunk.

:func:`prepare_registry` and :func:`prepare_participants` stream a CSV or Parquet file (personal data: NIK, KK,
names) in chunks, check every NIK (:mod:`uhc_lib.registry.nik`), replace NIK, KK and card numbers by keyed tokens
(:mod:`uhc_lib.registry.pseudonym`), drop names, and write a Parquet file whose schema is in ``SCHEMAS.md``.
Duplicated NIKs are flagged after streaming with one DuckDB pass. The output appears only when everything succeeded
(written under a temporary name, then renamed). A structural error (missing column, unreadable file, a birth date
that is not a date, sex not L/P, a malformed area code, an unknown segment ...) raises :class:`ExtractError` naming
file, row (as a spreadsheet shows it, header = row 1) and column, and never quoting a cell: a misaligned column could
hold a NIK or a name.
"""

from __future__ import annotations

import csv
import gzip
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang
from uhc_lib.common.problems import Problem
from uhc_lib.registry import nik as nik_rules
from uhc_lib.registry.areas import desa_codes, kecamatan_codes
from uhc_lib.registry.pseudonym import check_key, key_check, tokenize_arrow
from uhc_lib.rules import segments

log = logging.getLogger(__name__)

MAX_EXAMPLE_ROWS = 20
KEY_CHECK_FIELD = "uhc_key_check"  # prepared files' Parquet metadata: pseudonym.key_check of the key used
KIND_FIELD = "uhc_prepared"  # ... and which extract it is (registry / participants)
MAX_PROBLEMS = 200
FIRST_DATA_ROW = 2  # header = row 1

REGISTRY_ALIASES = {
    "nik": ["nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan"],
    "kk": ["kk", "no_kk", "nomor_kk", "nkk", "no_kartu_keluarga", "nomor_kartu_keluarga"],
    "sex": ["sex", "jenis_kelamin", "jk", "kelamin", "gender"],
    "birth_date": ["birth_date", "tanggal_lahir", "tgl_lahir", "tanggallahir", "date_of_birth", "dob"],
    "kecamatan_code": ["kecamatan_code", "kode_kecamatan", "kode_kec", "kd_kec"],
    "desa_code": ["desa_code", "kode_desa", "kode_kelurahan", "kode_desa_kelurahan", "kode_desa_kel", "kd_desa"],
    "desil": ["desil", "decile", "desil_kesejahteraan"],
    "residency": [
        "residency",
        "status_penduduk",
        "status_kependudukan",
        "keberadaan",
        "status_tinggal",
        "status_dasar",
    ],
    "insurance": ["insurance", "asuransi", "id_asuransi", "jenis_asuransi"],  # OpenSID: 1, 2, 3, 4, 99
    "name": ["name", "nama", "nama_lengkap"],
}
PARTICIPANT_ALIASES = {
    "nik": REGISTRY_ALIASES["nik"],
    "participant_no": [
        "participant_no",
        "nomor_kartu",
        "no_kartu",
        "noka",
        "nomor_peserta",
        "no_peserta",
        "no_kartu_jkn",
        "nomor_kartu_jkn",
        "nokartu",  # PCare / VClaim noKartu
        "no_kartu_bpjs",
    ],
    "segment": ["segment", "segmen", "segmen_peserta", "jenis_peserta", "jnspeserta", "jns_peserta"],
    "class": ["class", "kelas", "kelas_rawat", "hak_kelas", "hakkelas", "kdkelas", "kelas_peserta"],
    "status": ["status", "status_peserta", "status_kepesertaan", "statuspeserta"],
    "inactive_reason": ["inactive_reason", "alasan_nonaktif", "alasan_non_aktif", "alasan_tidak_aktif"],
    "months_arrears": ["months_arrears", "bulan_tunggakan", "tunggakan_bulan", "lama_tunggakan"],
    "name": REGISTRY_ALIASES["name"],
}
# headers read only when no header of the field itself is present (PCare/VClaim exports often hold several)
FALLBACK_ALIASES = {"status": ["ketaktif", "ket_aktif", "aktif", "is_aktif"]}
REGISTRY_REQUIRED = ("nik", "kk", "sex", "birth_date", "kecamatan_code", "desa_code")
PARTICIPANT_REQUIRED = ("nik", "participant_no", "segment", "class", "status")

SEX_VALUES = {  # 1 / 2: the SIAK and OpenSID codes
    **dict.fromkeys(["l", "lk", "laki-laki", "laki laki", "lakilaki", "pria", "m", "male", "1"], "L"),
    **dict.fromkeys(["p", "pr", "perempuan", "wanita", "w", "f", "female", "2"], "P"),
}
RESIDENCY_VALUES = {  # 1-6: OpenSID's status_dasar (hidup, mati, pindah, hilang, pergi, tidak valid)
    **dict.fromkeys(["", "hidup", "ada", "alive", "aktif", "1"], "alive"),
    **dict.fromkeys(["meninggal", "meninggal dunia", "mati", "deceased", "dead", "2"], "deceased"),
    **dict.fromkeys(
        ["pindah", "pindah keluar", "moved", "moved out", "hilang", "pergi", "tidak valid", "3", "4", "5", "6"], "moved"
    ),
}
STATUS_VALUES = {  # PCare/VClaim: statusPeserta / ketAktif AKTIF, TIDAK AKTIF; aktif true / false
    **dict.fromkeys(["aktif", "active", "1", "true"], "active"),
    **dict.fromkeys(["nonaktif", "non aktif", "non-aktif", "tidak aktif", "inactive", "0", "false"], "inactive"),
}
# jnsPeserta labels of BPJS's PCare/VClaim (record level), beside the segment aliases of data/rules/segments.csv
PCARE_SEGMENTS = {
    **dict.fromkeys(["pbi (apbn)", "pbi apbn", "pbi jk", "kis pbi", "pbi jkn"], "pbi_apbn"),
    **dict.fromkeys(
        ["pbi (apbd)", "pbi apbd", "pbid", "jamkesda", "pbpu pemda", "pbpu bp pemda", "pb pu/bp pemda"], "pbpu_pemda"
    ),
    **dict.fromkeys(
        [
            "pns daerah",
            "pns pusat",
            "pns",
            "tni",
            "polri",
            "pejabat negara",
            "pppk",
            "perangkat desa",
            "kepala desa",
            "pegawai pemerintah non pegawai negeri",
            "pekerja penerima upah",
            "pegawai swasta",
            "pegawai bumn",
            "pegawai bumd",
            "ppu pn",
            "ppu bu",
            "ppu penyelenggara negara",
            "ppu badan usaha",
        ],
        "ppu",
    ),  # fmt: skip
    **dict.fromkeys(
        ["pekerja mandiri", "peserta mandiri", "pekerja bukan penerima upah", "pbpu mandiri", "mandiri"],
        "pbpu_mandiri",
    ),
    **dict.fromkeys(
        [
            "bukan pekerja",
            "investor",
            "pemberi kerja",
            "penerima pensiun",
            "pensiunan",
            "veteran",
            "perintis kemerdekaan",
        ],
        "bp",
    ),  # fmt: skip
}
CLASS_VALUES = {  # hakKelas as PCare/VClaim write it
    **dict.fromkeys(["1", "i", "kelas i", "kelas 1", "kls 1", "kls i"], "1"),
    **dict.fromkeys(["2", "ii", "kelas ii", "kelas 2", "kls 2", "kls ii"], "2"),
    **dict.fromkeys(["3", "iii", "kelas iii", "kelas 3", "kls 3", "kls iii"], "3"),
}
# OpenSID's id_asuransi (tweb_penduduk_asuransi; 4 only in some forks), as codes or labels
INSURANCE_VALUES = {
    **dict.fromkeys(["", "1", "tidak/belum punya", "tidak punya", "belum punya", "tidak ada"], "none"),
    **dict.fromkeys(["2", "bpjs penerima bantuan iuran", "bpjs pbi", "pbi"], "bpjs_pbi"),
    **dict.fromkeys(["3", "bpjs non penerima bantuan iuran", "bpjs non pbi", "non pbi"], "bpjs_non_pbi"),
    **dict.fromkeys(["4", "bpjs bantuan daerah", "bantuan daerah"], "bpjs_pemda"),
    **dict.fromkeys(["99", "asuransi lainnya", "lainnya"], "other"),
}
INSURANCE = ("none", "bpjs_pbi", "bpjs_non_pbi", "bpjs_pemda", "other")
INACTIVE_REASONS = {
    "arrears": ["menunggak", "tunggakan", "arrears"],
    "deceased": ["meninggal", "meninggal dunia", "deceased"],
    "moved": ["pindah", "moved"],
    "duplicate": ["data_ganda", "data ganda", "ganda", "duplicate"],
    "pbi_deactivated": ["pbi_dinonaktifkan", "pbi dinonaktifkan", "dinonaktifkan", "pbi_deactivated"],
    "pemda_deactivated": [
        "dinonaktifkan_pemda",
        "dinonaktifkan pemda",
        "nonaktif oleh pemda",
        "pbpu_pemda_dinonaktifkan",
        "pemda_deactivated",
    ],  # fmt: skip
    "employment_ended": ["phk", "berhenti_bekerja", "berhenti bekerja", "employment_ended"],
    "other": ["lainnya", "lain-lain", "other"],
}
_DATE_PATTERNS = (
    r"^(?P<y>[0-9]{4})[-/](?P<m>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$",
    r"^(?P<d>[0-9]{1,2})[-/](?P<m>[0-9]{1,2})[-/](?P<y>[0-9]{4})$",
)
REASON_VALUES = {alias: code for code, aliases in INACTIVE_REASONS.items() for alias in aliases}

REGISTRY_SCHEMA = pa.schema(
    [
        ("person", pa.string()),
        ("family", pa.string()),
        ("sex", pa.string()),
        ("birth_date", pa.date32()),
        ("kecamatan_code", pa.string()),
        ("desa_code", pa.string()),
        ("desil", pa.int8()),
        ("residency", pa.string()),
        ("insurance", pa.string()),
        ("nik_valid", pa.bool_()),
        ("nik_problem", pa.string()),
        ("nik_note", pa.string()),
        ("duplicate", pa.bool_()),
        ("row", pa.int64()),
    ]
)
PARTICIPANT_SCHEMA = pa.schema(
    [
        ("person", pa.string()),
        ("participant", pa.string()),
        ("segment", pa.string()),
        ("class", pa.int8()),
        ("status", pa.string()),
        ("inactive_reason", pa.string()),
        ("months_arrears", pa.int16()),
        ("nik_valid", pa.bool_()),
        ("nik_problem", pa.string()),
        ("nik_note", pa.string()),
        ("duplicate", pa.bool_()),
        ("row", pa.int64()),
    ]
)


class ExtractError(ValueError):
    """Structural problems in an extract, each naming file, row and column (never a cell's content)."""

    def __init__(self, problems: list[Problem], total: int | None = None, limit: int = 50):
        self.problems = problems
        total = len(problems) if total is None else total
        shown = "\n".join(f"  - {p}" for p in problems[:limit])
        more = f"\n  ... and {total - min(limit, len(problems))} more" if total > limit else ""
        super().__init__(f"{total} problem(s) in the extract; nothing was written:\n{shown}{more}")


@dataclass
class PrepareReport:
    """What preparing one extract found. Holds counts and row numbers only: never a NIK, KK or name."""

    source: str
    kind: str
    rows: int = 0
    valid: int = 0
    invalid_by_problem: dict[str, int] = field(default_factory=dict)
    example_rows_by_problem: dict[str, list[int]] = field(default_factory=dict)
    duplicates: int = 0
    example_duplicate_rows: list[int] = field(default_factory=list)
    notes_by_kind: dict[str, int] = field(default_factory=dict)
    area_issues: dict[str, int] = field(default_factory=dict)
    blank_rows: int = 0
    seconds: float = 0.0
    dest: str = ""

    @property
    def invalid(self) -> int:
        """Rows whose NIK is invalid."""
        return sum(self.invalid_by_problem.values())

    def to_dict(self) -> dict:
        """Plain dict (JSON-ready)."""
        return asdict(self) | {"invalid": self.invalid}

    def summary(self, lang: str = "id") -> str:
        """A short text for the analyst in Indonesian (``id``) or English (``en``)."""
        check_lang(lang)
        en = lang == "en"
        n = lambda v: fmt.number(v, lang)  # noqa: E731
        pct = lambda v: fmt.percent(100 * v / self.rows if self.rows else 0.0, lang)  # noqa: E731
        what = {
            "registry": ("registry extract", "ekstrak registri"),
            "participants": ("participant extract", "ekstrak peserta"),
        }
        lines = [
            f"{what[self.kind][0 if en else 1].capitalize()} {self.source}: {n(self.rows)} "
            + (
                f"rows, {n(self.valid)} valid NIKs ({pct(self.valid)})."
                if en
                else f"baris, {n(self.valid)} NIK sah ({pct(self.valid)})."
            )
        ]
        labels = PROBLEM_LABELS["en" if en else "id"]
        if self.invalid:
            lines.append(
                f"Invalid NIKs: {n(self.invalid)} rows, left out of matching:"
                if en
                else f"NIK tidak sah: {n(self.invalid)} baris, tidak ikut dicocokkan:"
            )
            for problem, count in self.invalid_by_problem.items():
                rows = ", ".join(str(r) for r in self.example_rows_by_problem.get(problem, [])[:10])
                more = " ..." if count > 10 else ""
                lines.append(f"  - {labels[problem]}: {n(count)} ({'rows' if en else 'baris'} {rows}{more})")
        if self.duplicates:
            rows = ", ".join(str(r) for r in self.example_duplicate_rows[:10])
            lines.append(
                f"Repeated NIKs: {n(self.duplicates)} rows repeat a NIK of an earlier row, counted once (rows {rows})."
                if en
                else f"NIK berulang: {n(self.duplicates)} baris mengulang NIK baris sebelumnya, dihitung sekali "
                f"(baris {rows})."
            )
        notes = NOTE_LABELS["en" if en else "id"]
        for kind, count in self.notes_by_kind.items():
            if count:
                lines.append(f"{'Note' if en else 'Catatan'}: {n(count)} {notes[kind]}")
        for kind, count in self.area_issues.items():
            if count:
                lines.append(f"{'Note' if en else 'Catatan'}: {n(count)} {AREA_LABELS['en' if en else 'id'][kind]}")
        seconds = fmt.number(self.seconds, lang, 1)
        lines.append(
            f"Prepared in {seconds} s; names dropped, NIK/KK/card numbers replaced by keyed tokens."
            if en
            else f"Disiapkan dalam {seconds} detik; nama dibuang, NIK/KK/nomor kartu diganti token berkunci."
        )
        return "\n".join(lines)


PROBLEM_LABELS = {
    "id": {
        "length": "bukan 16 angka",
        "province": "kode provinsi tidak dikenal",
        "regency": "kode kabupaten/kota tidak dikenal",
        "kecamatan": "kode kecamatan tidak dikenal",
        "date": "tanggal lahir mustahil",
        "serial": "nomor urut 0000",
    },
    "en": {
        "length": "not 16 digits",
        "province": "unknown province code",
        "regency": "unknown regency code",
        "kecamatan": "unknown kecamatan code",
        "date": "impossible birth date",
        "serial": "serial number 0000",
    },
}
OPTIONAL_NOTES = ("former_code",)  # counted in PrepareReport.notes_by_kind only when present (both extracts)
NOTE_LABELS = {
    "id": {
        "other_region": "NIK pertama kali terdaftar di wilayah lain (pindah datang; wajar).",
        "birth_date_mismatch": "NIK dengan tanggal lahir berbeda dari kolom tanggal lahir (wajar; NIK tidak berubah).",
        "sex_mismatch": "NIK dengan jenis kelamin berbeda dari kolom jenis kelamin.",
        "former_code": "NIK dengan kode wilayah lama (sebelum pemekaran; sah, NIK tidak berubah).",
    },
    "en": {
        "other_region": "NIKs first registered in another region (moved in; normal).",
        "birth_date_mismatch": "NIKs with another birth date than the birth date column (normal: a NIK never changes).",
        "sex_mismatch": "NIKs whose sex differs from the sex column.",
        "former_code": "NIKs with a former region code (issued before a region split; valid, a NIK never changes).",
    },
}
AREA_LABELS = {
    "id": {
        "unknown_kecamatan_code": "baris dengan kode kecamatan yang tidak ada di daftar Kemendagri.",
        "unknown_desa_code": "baris dengan kode desa/kelurahan yang tidak ada di daftar Kemendagri.",
        "desa_outside_kecamatan": "baris dengan kode desa di luar kecamatannya.",
        "outside_region": "baris dengan kecamatan di luar wilayah ekstrak.",
    },
    "en": {
        "unknown_kecamatan_code": "rows with a kecamatan code missing from the Kemendagri list.",
        "unknown_desa_code": "rows with a desa/kelurahan code missing from the Kemendagri list.",
        "desa_outside_kecamatan": "rows whose desa code lies outside their kecamatan.",
        "outside_region": "rows with a kecamatan outside the extract's region.",
    },
}


# ----------------------------------------------------------------------------------------------------------- reading
def _canonical(header: str) -> str:
    return re.sub(r"[\s\-/.]+", "_", header.strip().lstrip("\ufeff").lower()).strip("_")


AREA_HINT = (
    "; an OpenSID export holds one desa and no code column: give the desa's Kemendagri code "
    "(uhc match --desa-code 17.07.01.2002, or desa_code= in Python)"
)


def _column_map(file: str, headers: list[str], aliases: dict[str, list[str]], required: tuple[str, ...]) -> dict:
    """Canonical column -> header in the file; :class:`ExtractError` for missing or doubled columns.

    A header of :data:`FALLBACK_ALIASES` is read only when the field has no header of its own (PCare/VClaim exports
    hold ``statusPeserta`` and ``aktif`` side by side)."""
    lookup = {alias: canon for canon, names in aliases.items() for alias in names}
    found: dict[str, str] = {}
    problems = []
    for header in headers:
        canon = lookup.get(_canonical(header))
        if canon is None:
            continue
        if canon in found:
            problems.append(Problem(file, 1, header, f"a second column for {canon!r} (first: {found[canon]!r})"))
        found[canon] = header
    for canon, fallbacks in FALLBACK_ALIASES.items():
        if canon in aliases and canon not in found:
            by_name = {_canonical(h): h for h in reversed(headers)}
            header = next((by_name[a] for a in fallbacks if a in by_name), None)
            if header is not None:
                found[canon] = header
    for canon in required:
        if canon not in found:
            accepted = ", ".join(aliases[canon] + FALLBACK_ALIASES.get(canon, []))
            hint = AREA_HINT if canon in ("kecamatan_code", "desa_code") else ""
            problems.append(Problem(file, 1, canon, f"required column missing (accepted headers: {accepted}){hint}"))
    if problems:
        raise ExtractError(problems)
    found.pop("name", None)  # names are never read
    return found


def _csv_header(path: Path) -> tuple[list[str], str]:
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8-sig", newline="") as fh:
            first = fh.readline()
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise ExtractError(
            [Problem(path.name, 1, None, f"cannot read the file as UTF-8 CSV ({type(exc).__name__})")]
        ) from None
    if not first.strip():
        raise ExtractError([Problem(path.name, 1, None, "the file is empty (no header row)")])
    delimiter = max([",", ";", "\t", "|"], key=first.count)
    return next(csv.reader([first], delimiter=delimiter)), delimiter


def _bad_csv_row(path: Path, delimiter: str, width: int) -> int | None:
    """Spreadsheet row of the first record whose number of fields is not ``width`` (error path only)."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="", errors="replace") as fh:
        for number, record in enumerate(csv.reader(fh, delimiter=delimiter), start=1):
            if record and len(record) != width:
                return number
    return None


def _read_csv(path: Path, aliases: dict, required: tuple, chunk_rows: int) -> tuple[dict, Iterator[pa.Table]]:
    headers, delimiter = _csv_header(path)
    columns = _column_map(path.name, headers, aliases, required)
    wanted = list(columns.values())

    def batches() -> Iterator[pa.RecordBatch]:
        try:
            reader = pacsv.open_csv(
                pa.input_stream(str(path), compression="detect"),
                read_options=pacsv.ReadOptions(block_size=1 << 24),
                parse_options=pacsv.ParseOptions(
                    delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types=dict.fromkeys(headers, pa.string()),
                    include_columns=wanted,
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
            yield from reader
        except (pa.ArrowInvalid, pa.ArrowException, OSError) as exc:
            # Arrow's message quotes the offending line (personal data): replace it, never chain it.
            text = str(exc)
            if "Expected" in text and "columns" in text:
                row = _bad_csv_row(path, delimiter, len(headers))
                message = f"the row does not have {len(headers)} fields like the header (check delimiters and quotes)"
                raise ExtractError([Problem(path.name, row, None, message)]) from None
            kind = "invalid UTF-8 text" if "UTF8" in text or "utf8" in text.lower() else "a CSV parse error"
            raise ExtractError([Problem(path.name, None, None, f"cannot read the file: {kind}")]) from None

    return columns, _rebatch(batches(), chunk_rows)


def _read_parquet(path: Path, aliases: dict, required: tuple, chunk_rows: int) -> tuple[dict, Iterator[pa.Table]]:
    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise ExtractError(
            [Problem(path.name, None, None, f"cannot read the file as Parquet ({type(exc).__name__})")]
        ) from None
    columns = _column_map(path.name, pf.schema_arrow.names, aliases, required)

    def batches() -> Iterator[pa.RecordBatch]:
        try:
            yield from pf.iter_batches(batch_size=chunk_rows, columns=list(columns.values()))
        except (pa.ArrowException, OSError) as exc:
            raise ExtractError(
                [Problem(path.name, None, None, f"cannot read the file ({type(exc).__name__})")]
            ) from None

    return columns, _rebatch(batches(), chunk_rows)


def _rebatch(batches: Iterator[pa.RecordBatch], chunk_rows: int) -> Iterator[pa.Table]:
    """Tables of exactly ``chunk_rows`` rows (the last one shorter)."""
    pending: list[pa.RecordBatch] = []
    size = 0
    for batch in batches:
        pending.append(batch)
        size += batch.num_rows
        while size >= chunk_rows:
            table = pa.Table.from_batches(pending)
            yield table.slice(0, chunk_rows).combine_chunks()
            rest = table.slice(chunk_rows)
            pending, size = rest.to_batches(), rest.num_rows
    if size:
        yield pa.Table.from_batches(pending).combine_chunks()


def _open(path: Path, aliases: dict, required: tuple, chunk_rows: int) -> tuple[dict, Iterator[pa.Table]]:
    if not path.exists():
        raise ExtractError([Problem(str(path), None, None, "file not found")])
    name = path.name.lower()
    if name.endswith((".parquet", ".pq")):
        return _read_parquet(path, aliases, required, chunk_rows)
    if name.endswith((".csv", ".csv.gz", ".txt", ".tsv")):
        return _read_csv(path, aliases, required, chunk_rows)
    raise ExtractError([Problem(path.name, None, None, "unsupported file type; use CSV (.csv, .csv.gz) or Parquet")])


# ------------------------------------------------------------------------------------------------------ cell parsing
SPREADSHEET_FIX = (
    "format the column as text before saving (Excel: select the column, Format Cells > Text; LibreOffice: "
    "Format > Cells > Text) and export it again from the source system: the lost digits cannot be recovered from "
    "this file"
)
ZERO_MIN_VALUES = 10  # the ending-in-0 test needs at least this many 16-digit values
ZERO_SHARE = 0.5  # ... and this share of them ending in 0 (about 0.1 in real data)


class _SpreadsheetSigns:
    """Signs, over a whole file, that a spreadsheet stored an identifier column as numbers (row numbers only)."""

    ORDER = ("float", *nik_rules.SPREADSHEET_SIGNS, "zeros")

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], int] = {}
        self.rows: dict[tuple[str, str], list[int]] = {}
        self.formed: dict[str, int] = {}

    def add(self, header: str, sign: str, rows: np.ndarray) -> None:
        key = (header, sign)
        self.counts[key] = self.counts.get(key, 0) + len(rows)
        examples = self.rows.setdefault(key, [])
        examples.extend(int(r) for r in rows[: MAX_EXAMPLE_ROWS - len(examples)])

    def count_zeros(self, header: str, formed: int, zero_rows: np.ndarray) -> None:
        self.formed[header] = self.formed.get(header, 0) + formed
        self.add(header, "zeros", zero_rows)

    def problems(self, file: str) -> list[Problem]:
        """One problem per column and sign found, naming its first rows and the fix."""
        out = []
        for (header, sign), n in sorted(self.counts.items(), key=lambda kv: (kv[0][0], self.ORDER.index(kv[0][1]))):
            formed = self.formed.get(header, 0)
            if not n or (sign == "zeros" and not (formed >= ZERO_MIN_VALUES and n >= ZERO_SHARE * formed)):
                continue
            rows = self.rows[(header, sign)]
            where = "rows " + ", ".join(str(r) for r in rows[:10]) + (f" and {n - 10} more" if n > 10 else "")
            what = {
                "float": f"the column is stored as floating-point numbers ({n} values), which round a 16-digit "
                "number, so it is not read",
                "scientific": f"{n} cells are numbers in scientific notation like 1.70702E+15 ({where})",
                "decimal": f"{n} cells end in .0 like a number ({where})",
                "thousands": f"{n} cells are numbers with thousands separators like 1.707.011.512.900.001 ({where})",
                "zeros": f"{n} of {formed} 16-digit values end in 0 ({where}): a spreadsheet kept only 15 significant "
                "digits and the last digit became 0",
            }[sign]
            message = f"this identifier column was stored as numbers, not text: {what}; {SPREADSHEET_FIX}"
            out.append(Problem(file, rows[0], header, message))
        return out


class _Chunk:
    """One chunk's columns (canonical names), row numbers and the problems found in it."""

    def __init__(
        self,
        file: str,
        table: pa.Table,
        columns: dict,
        rows: np.ndarray,
        problems: list[Problem],
        signs: _SpreadsheetSigns | None = None,
        desa_code: str | None = None,
    ):
        self.file, self.columns, self.problems, self.rows = file, columns, problems, rows
        self.raw = {canon: table.column(header).combine_chunks() for canon, header in columns.items()}
        self.bad_count = 0
        self.signs = signs if signs is not None else _SpreadsheetSigns()
        self.desa_code = desa_code

    def identifier(self, canon: str, sixteen_digits: bool) -> pa.StringArray:
        """An identifier column (NIK, KK, card number) as cleaned text (:func:`uhc_lib.registry.nik.clean`).

        Cells a spreadsheet wrote as numbers are recorded in :attr:`signs` (the file is refused at the end); a
        floating-point column is never cast (its digits are already rounded) and reads as blank."""
        values = self.raw[canon]
        header = self.columns[canon]
        if pa.types.is_floating(values.type) or pa.types.is_decimal(values.type):
            present = pc.is_valid(values).to_numpy(zero_copy_only=False)
            self.signs.add(header, "float", self.rows[present])
            return pa.array([""] * len(values), type=pa.string())
        text = pc.fill_null(nik_rules.clean(values), "")
        for sign, mask in nik_rules.spreadsheet_signs(text).items():
            if mask.any():
                self.signs.add(header, sign, self.rows[mask])
        if sixteen_digits:
            formed, zero = nik_rules.ends_in_zero(text)
            self.signs.count_zeros(header, int(formed.sum()), self.rows[zero])
        return text

    def text(self, canon: str) -> pa.StringArray:
        """Trimmed text of a column (numbers written as text; nulls as empty strings)."""
        values = self.raw[canon]
        if pa.types.is_floating(values.type):
            whole = pc.equal(values, pc.floor(values))
            values = pc.if_else(whole, values.cast(pa.int64(), safe=False).cast(pa.string()), values.cast(pa.string()))
        elif not pa.types.is_string(values.type):
            values = values.cast(pa.string())
        return pc.fill_null(pc.utf8_trim_whitespace(values), "")

    def flag(self, canon: str, bad: np.ndarray, message: str) -> None:
        header = self.columns[canon]
        for row in self.rows[bad][: MAX_PROBLEMS - len(self.problems)]:
            self.problems.append(Problem(self.file, int(row), header, message))
        self.bad_count += int(bad.sum())

    def lookup(self, canon: str, mapping: dict[str, str], message: str, blank: str | None = None) -> pa.StringArray:
        """Map lower-cased cells through ``mapping``; unknown cells are problems; blank cells -> ``blank``."""
        if blank is not None:
            mapping = {**mapping, "": blank}
        lowered = pc.utf8_lower(self.text(canon))
        keys = pa.array(list(mapping))
        codes = pa.array(list(mapping.values()), type=pa.string())
        out = pc.take(codes, pc.index_in(lowered, value_set=keys))
        self.flag(canon, pc.is_null(out).to_numpy(zero_copy_only=False), message)
        return out

    def integers(self, canon: str, low: int, high: int, message: str, kind: pa.DataType) -> pa.Array:
        """Whole numbers in ``low..high`` (``3.0`` accepted); blank -> null; others are problems."""
        if pa.types.is_integer(self.raw[canon].type):
            value = self.raw[canon].cast(pa.int64())
            ok = pc.fill_null(pc.and_(pc.greater_equal(value, low), pc.less_equal(value, high)), False)
            ok = ok.to_numpy(zero_copy_only=False)
            self.flag(canon, ~ok & pc.is_valid(value).to_numpy(zero_copy_only=False), message)
            return pc.if_else(pa.array(ok), value, pa.scalar(None, pa.int64())).cast(kind)
        text = self.text(canon)
        number = pc.replace_substring_regex(text, r"^([0-9]+)(\.0+)?$", r"\1")
        ok_form = pc.match_substring_regex(text, r"^[0-9]+(\.0+)?$")
        value = pc.if_else(ok_form, number, pa.scalar(None, pa.string())).cast(pa.int64())
        in_range = pc.and_(pc.greater_equal(value, low), pc.less_equal(value, high))
        blank = pc.equal(text, "").to_numpy(zero_copy_only=False)
        ok = pc.fill_null(in_range, False).to_numpy(zero_copy_only=False)
        self.flag(canon, ~ok & ~blank, message)
        return pc.if_else(pa.array(ok), value, pa.scalar(None, pa.int64())).cast(kind)

    def dates(self, canon: str) -> pa.Array:
        """Birth dates: date columns as they are; text as YYYY-MM-DD (also DD-MM-YYYY, DD/MM/YYYY)."""
        values = self.raw[canon]
        if pa.types.is_date(values.type) or pa.types.is_timestamp(values.type):
            out = values.cast(pa.date32())
            self.flag(canon, pc.is_null(out).to_numpy(zero_copy_only=False), "birth date missing")
            return out
        text = self.text(canon)
        year = np.zeros(len(text), dtype=np.int64)
        month, day = year.copy(), year.copy()
        for pattern in _DATE_PATTERNS:
            parts = pc.extract_regex(text, pattern)
            found = pc.is_valid(parts).to_numpy(zero_copy_only=False) & (year == 0)
            for name, target in (("y", year), ("m", month), ("d", day)):
                values = pc.fill_null(pc.struct_field(parts, name).cast(pa.int64()), 0).to_numpy(zero_copy_only=False)
                target[found] = values[found]
        ok = (year >= 1800) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)
        first = ((np.where(ok, year, 1970) - 1970) * 12 + np.where(ok, month, 1) - 1).astype("datetime64[M]")
        dates = first.astype("datetime64[D]") + (np.where(ok, day, 1) - 1)
        ok &= dates.astype("datetime64[M]") == first  # 30 February rolls into March: not a date
        self.flag(canon, ~ok, "not a date (expected YYYY-MM-DD)")
        return pa.array(dates, type=pa.date32(), mask=~ok)

    def area_code(self, canon: str, groups: tuple[int, ...], example: str) -> pa.StringArray:
        """Dotted Kemendagri code (``32.03.01``); undotted digits of the right length are dotted."""
        text = self.text(canon)
        dotted = r"^" + r"\.".join(f"[0-9]{{{g}}}" for g in groups) + r"$"
        plain = r"^" + "".join(f"([0-9]{{{g}}})" for g in groups) + r"$"
        as_dotted = pc.replace_substring_regex(text, plain, ".".join(f"\\{i + 1}" for i in range(len(groups))))
        ok = pc.match_substring_regex(as_dotted, dotted).to_numpy(zero_copy_only=False)
        self.flag(canon, ~ok, f"not a Kemendagri code like {example!r}")
        return as_dotted


def _nik_columns(chunk: _Chunk, region_code: str, key: bytes | None, birth_date=None, sex=None) -> dict:
    nik = chunk.identifier("nik", sixteen_digits=True)
    problem, valid, note = nik_rules.check(nik, region_code, birth_date=birth_date, sex=sex)
    person = tokenize_arrow(nik, key, "nik") if key is not None else None
    return {"person": person, "nik_valid": pa.array(valid), "nik_problem": problem, "nik_note": note}


def _registry_chunk(chunk: _Chunk, region_code: str, key: bytes | None, issues: dict) -> pa.Table | None:
    sex = chunk.lookup("sex", SEX_VALUES, "sex must be L (laki-laki) or P (perempuan)")
    birth_date = chunk.dates("birth_date")
    n = len(chunk.rows)
    if chunk.desa_code is None:
        kecamatan = chunk.area_code("kecamatan_code", (2, 2, 2), "32.03.01")
        desa = chunk.area_code("desa_code", (2, 2, 2, 4), "32.03.01.2001")
    else:  # one desa's file (OpenSID)
        desa = pa.array([chunk.desa_code] * n, type=pa.string())
        kecamatan = pa.array([chunk.desa_code[:8]] * n, type=pa.string())
    kk = chunk.identifier("kk", sixteen_digits=True)
    insurance = (
        chunk.lookup("insurance", INSURANCE_VALUES, "insurance must be an OpenSID asuransi code: 1, 2, 3, 4 or 99")
        if "insurance" in chunk.raw
        else pa.nulls(n, pa.string())
    )
    desil = (
        chunk.integers("desil", 1, 10, "desil must be a whole number 1-10 or blank", pa.int8())
        if "desil" in chunk.raw
        else pa.nulls(n, pa.int8())
    )
    residency = (
        chunk.lookup("residency", RESIDENCY_VALUES, "residency must be hidup, meninggal or pindah")
        if "residency" in chunk.raw
        else pa.array(["alive"] * n, type=pa.string())
    )
    nik_cols = _nik_columns(chunk, region_code, key, birth_date, sex)
    _count_area_issues(kecamatan, desa, region_code, issues)
    if key is None or chunk.problems:
        return None
    columns = {
        "person": nik_cols["person"],
        "family": tokenize_arrow(kk, key, "kk"),
        "sex": sex,
        "birth_date": birth_date,
        "kecamatan_code": kecamatan,
        "desa_code": desa,
        "desil": desil,
        "residency": residency,
        "insurance": insurance,
        **{k: nik_cols[k] for k in ("nik_valid", "nik_problem", "nik_note")},
        "row": pa.array(chunk.rows),
    }
    return pa.table(columns, schema=REGISTRY_SCHEMA.remove(REGISTRY_SCHEMA.get_field_index("duplicate")))


@lru_cache(maxsize=1)
def _area_sets() -> tuple[pa.Array, pa.Array]:
    return pa.array(sorted(kecamatan_codes())), pa.array(sorted(desa_codes()))


def _count_area_issues(kecamatan: pa.Array, desa: pa.Array, region_code: str, issues: dict) -> None:
    kec_set, desa_set = _area_sets()
    kec_known = pc.is_in(kecamatan, value_set=kec_set)
    desa_known = pc.is_in(desa, value_set=desa_set)
    inside = pc.equal(pc.utf8_slice_codeunits(desa, 0, 8), kecamatan)
    in_region = pc.starts_with(kecamatan, region_code + ".")
    for name, ok in (
        ("unknown_kecamatan_code", kec_known),
        ("unknown_desa_code", desa_known),
        ("desa_outside_kecamatan", inside),
        ("outside_region", in_region),
    ):
        issues[name] = issues.get(name, 0) + int(pc.sum(pc.invert(pc.fill_null(ok, True))).as_py() or 0)


def _participant_chunk(chunk: _Chunk, region_code: str, key: bytes | None, issues: dict) -> pa.Table | None:
    segment = chunk.lookup(
        "segment",
        {**PCARE_SEGMENTS, **segments.alias_map()},
        "unknown segment (use pbi_apbn, pbpu_pemda, ppu, pbpu_mandiri or bp, or a PCare/VClaim label such as "
        "PBI (APBN), PBI (APBD), PNS DAERAH, PEKERJA MANDIRI, BUKAN PEKERJA)",
    )
    card = chunk.identifier("participant_no", sixteen_digits=False)
    if not pa.types.is_integer(chunk.raw["class"].type):  # KELAS III, III, kelas 3 -> 3
        lowered = pc.utf8_lower(chunk.text("class"))
        named = pc.take(
            pa.array(list(CLASS_VALUES.values())), pc.index_in(lowered, value_set=pa.array(list(CLASS_VALUES)))
        )
        chunk.raw["class"] = pc.if_else(pc.is_valid(named), named, chunk.text("class"))
    klass = chunk.integers("class", 1, 3, "class must be 1, 2 or 3", pa.int8())
    blank_class = pc.is_null(klass).to_numpy(zero_copy_only=False) & pc.equal(chunk.text("class"), "").to_numpy(
        zero_copy_only=False
    )
    chunk.flag("class", blank_class, "class missing (1, 2 or 3)")
    status = chunk.lookup("status", STATUS_VALUES, "status must be aktif or nonaktif")
    n = len(chunk.rows)
    if "inactive_reason" in chunk.raw:
        reason = chunk.lookup("inactive_reason", REASON_VALUES, "unknown inactive reason (see SCHEMAS.md)", blank="")
        reason = pc.if_else(pc.equal(reason, ""), pa.scalar(None, pa.string()), reason)
        active = pc.fill_null(pc.equal(status, "active"), False).to_numpy(zero_copy_only=False)
        chunk.flag(
            "inactive_reason",
            active & pc.is_valid(reason).to_numpy(zero_copy_only=False),
            "a reason is given for an active participant",
        )
    else:
        reason = pa.nulls(n, pa.string())
    arrears = (
        chunk.integers("months_arrears", 0, 32767, "months of arrears must be a whole number 0 or more", pa.int16())
        if "months_arrears" in chunk.raw
        else pa.nulls(n, pa.int16())
    )
    nik_cols = _nik_columns(chunk, region_code, key)
    if key is None or chunk.problems:
        return None
    columns = {
        "person": nik_cols["person"],
        "participant": tokenize_arrow(card, key, "participant"),
        "segment": segment,
        "class": klass,
        "status": status,
        "inactive_reason": reason,
        "months_arrears": arrears,
        **{k: nik_cols[k] for k in ("nik_valid", "nik_problem", "nik_note")},
        "row": pa.array(chunk.rows),
    }
    return pa.table(columns, schema=PARTICIPANT_SCHEMA.remove(PARTICIPANT_SCHEMA.get_field_index("duplicate")))


# --------------------------------------------------------------------------------------------------------- pipeline
def _blank_mask(table: pa.Table) -> np.ndarray:
    """Rows whose read columns are all empty (blank lines in a CSV)."""
    blank = np.ones(table.num_rows, dtype=bool)
    for column in table.columns:
        text = pc.fill_null(pc.utf8_trim_whitespace(column.cast(pa.string())), "")
        blank &= pc.equal(text, "").to_numpy(zero_copy_only=False)
    return blank


def _tally(report: PrepareReport, table: pa.Table) -> None:
    report.rows += table.num_rows
    valid = table.column("nik_valid").to_numpy()
    report.valid += int(valid.sum())
    problems = table.column("nik_problem").to_numpy(zero_copy_only=False)
    rows = table.column("row").to_numpy()
    for name in nik_rules.PROBLEMS:
        hit = problems == name
        if hit.any():
            report.invalid_by_problem[name] = report.invalid_by_problem.get(name, 0) + int(hit.sum())
            examples = report.example_rows_by_problem.setdefault(name, [])
            examples.extend(int(r) for r in rows[hit][: MAX_EXAMPLE_ROWS - len(examples)])
    notes = table.column("nik_note")
    for kind in nik_rules.NOTES:
        if kind in report.notes_by_kind or kind in OPTIONAL_NOTES:
            count = int(pc.sum(pc.fill_null(pc.match_substring(notes, kind), False)).as_py() or 0)
            if count or kind in report.notes_by_kind:
                report.notes_by_kind[kind] = report.notes_by_kind.get(kind, 0) + count


def _prepare(
    source: str | Path,
    dest: str | Path,
    key: bytes,
    region_code: str,
    chunk_rows: int,
    kind: str,
    desa_code: str | None = None,
) -> PrepareReport:
    started = time.perf_counter()
    source, dest = Path(source), Path(dest)
    key = check_key(key)
    nik_rules.region_digits(region_code)
    if chunk_rows < 1:
        raise ValueError(f"chunk_rows must be at least 1, got {chunk_rows}")
    if dest.resolve() == source.resolve():
        raise ValueError(f"{dest.name}: the prepared file must not overwrite its source")
    aliases, required, build, schema = {
        "registry": (REGISTRY_ALIASES, REGISTRY_REQUIRED, _registry_chunk, REGISTRY_SCHEMA),
        "participants": (PARTICIPANT_ALIASES, PARTICIPANT_REQUIRED, _participant_chunk, PARTICIPANT_SCHEMA),
    }[kind]
    notes = tuple(n for n in nik_rules.NOTES if n not in OPTIONAL_NOTES) if kind == "registry" else ("other_region",)
    report = PrepareReport(source=source.name, kind=kind, notes_by_kind=dict.fromkeys(notes, 0))
    if desa_code is not None:
        desa_code = _check_desa_code(desa_code, region_code)
        required = tuple(c for c in required if c not in ("kecamatan_code", "desa_code"))
    columns, tables = _open(source, aliases, required, chunk_rows)
    if desa_code is not None and ("desa_code" in columns or "kecamatan_code" in columns):
        header = columns.get("desa_code") or columns["kecamatan_code"]
        raise ExtractError(
            [Problem(source.name, 1, header, "the file has its own area codes: leave out the desa code (--desa-code)")]
        )
    signs = _SpreadsheetSigns()
    dest.parent.mkdir(parents=True, exist_ok=True)
    stage = dest.with_name(f".{dest.name}.{os.getpid()}.stage.tmp")
    final = dest.with_name(f".{dest.name}.{os.getpid()}.final.tmp")
    scratch = dest.with_name(f".{dest.name}.{os.getpid()}.duckdb.tmp")
    problems: list[Problem] = []
    bad_cells = 0
    issues: dict[str, int] = {}
    writer = None
    try:
        first_row = FIRST_DATA_ROW
        for index, table in enumerate(tables):
            rows_in_table = table.num_rows
            blank = _blank_mask(table)
            rows = np.arange(first_row, first_row + rows_in_table, dtype=np.int64)[~blank]
            chunk = _Chunk(source.name, table.filter(pa.array(~blank)), columns, rows, problems, signs, desa_code)
            report.blank_rows += int(blank.sum())
            first_row += rows_in_table
            out = build(chunk, region_code, None if problems else key, issues)
            bad_cells += chunk.bad_count
            log.info("%s: chunk %d, %d rows", source.name, index + 1, rows_in_table)
            if out is None:
                continue
            if writer is None:
                writer = pq.ParquetWriter(stage, out.schema)
            writer.write_table(out)
            _tally(report, out)
        spreadsheet = signs.problems(source.name)
        if problems or spreadsheet:
            raise ExtractError(spreadsheet + problems, total=len(spreadsheet) + max(bad_cells, len(problems)))
        if writer is None:
            writer = pq.ParquetWriter(stage, schema.remove(schema.get_field_index("duplicate")))
        writer.close()
        writer = None
        duplicate_rows = _duplicate_rows(stage, scratch)
        report.duplicates = len(duplicate_rows)
        report.example_duplicate_rows = [int(r) for r in duplicate_rows[:MAX_EXAMPLE_ROWS]]
        _write_final(
            stage, final, schema.with_metadata({KEY_CHECK_FIELD: key_check(key), KIND_FIELD: kind}), duplicate_rows
        )
        os.replace(final, dest)
    finally:
        if writer is not None:
            writer.close()
        for path in (stage, final):
            path.unlink(missing_ok=True)
        shutil.rmtree(scratch, ignore_errors=True)
    order = {name: i for i, name in enumerate(nik_rules.PROBLEMS)}
    report.invalid_by_problem = dict(sorted(report.invalid_by_problem.items(), key=lambda kv: order[kv[0]]))
    report.example_rows_by_problem = {k: report.example_rows_by_problem[k] for k in report.invalid_by_problem}
    report.area_issues = issues if kind == "registry" else {}
    report.dest = dest.name
    report.seconds = round(time.perf_counter() - started, 3)  # full float digits could spell a card number
    return report


def _check_desa_code(desa_code: str, region_code: str) -> str:
    """A desa code ``NN.NN.NN.NNNN`` (or its 10 digits) of the Kemendagri list inside ``region_code``."""
    text = str(desa_code).strip()
    if re.fullmatch(r"[0-9]{10}", text):
        text = f"{text[:2]}.{text[2:4]}.{text[4:6]}.{text[6:]}"
    if not re.fullmatch(r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}", text):
        raise ValueError(f"the desa code must look like 17.07.01.2002, got {desa_code!r}")
    if text not in desa_codes():
        raise ValueError(f"{text} is not a desa/kelurahan code of the Kemendagri list")
    if not text.startswith(nik_rules.region_digits(region_code)[:2]) or not (
        text.replace(".", "").startswith(nik_rules.region_digits(region_code))
    ):
        raise ValueError(f"desa {text} is not in region {region_code}")
    return text


def _duplicate_rows(stage: Path, scratch: Path) -> np.ndarray:
    """Sorted row numbers of valid NIKs already seen on an earlier row (DuckDB window over the staged file)."""
    scratch.mkdir(exist_ok=True)
    con = duckdb.connect()
    try:
        con.execute(f"SET temp_directory = '{_sql_text(scratch)}'")
        con.execute("SET preserve_insertion_order = false")
        rows = con.execute(
            f"""
            SELECT "row" FROM read_parquet('{_sql_text(stage)}')
            WHERE nik_valid
            QUALIFY row_number() OVER (PARTITION BY person ORDER BY "row") > 1
            """
        ).fetchnumpy()["row"]
    finally:
        con.close()
    return np.sort(np.asarray(rows, dtype=np.int64))


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")


def _write_final(stage: Path, final: Path, schema: pa.Schema, duplicate_rows: np.ndarray) -> None:
    dups = pa.array(duplicate_rows, type=pa.int64())
    staged = pq.ParquetFile(stage)
    with pq.ParquetWriter(final, schema) as writer:
        for batch in staged.iter_batches(batch_size=1 << 20):
            flag = pc.is_in(batch.column("row"), value_set=dups)
            columns = {name: batch.column(name) for name in batch.schema.names}
            columns["duplicate"] = flag
            writer.write_table(pa.table([columns[name] for name in schema.names], schema=schema))


def prepare_registry(
    source: str | Path,
    dest: str | Path,
    key: bytes,
    region_code: str,
    chunk_rows: int = 1_000_000,
    desa_code: str | None = None,
) -> PrepareReport:
    """Validate and pseudonymise a population-registry extract (Dukcapil / Dinas Sosial) into Parquet.

    Args:
        source: CSV (``,``/``;``/tab, UTF-8, optionally ``.gz``) or Parquet file; columns in ``SCHEMAS.md``.
        dest: the Parquet file to write (columns :data:`REGISTRY_SCHEMA`); appears only on success.
        key: the pseudonymisation key (:func:`uhc_lib.registry.pseudonym.load_key`).
        region_code: the extract's kab/kota (``"17.07"``) or province (``"17"``), for the ``other_region`` note.
        chunk_rows: rows processed at a time (memory grows with it).
        desa_code: for a file of one desa without area code columns (an OpenSID export): its code, given to
            every row.

    Raises:
        ExtractError: structural problems (all of them, each with file, row and column), including an identifier
            column a spreadsheet turned into numbers; nothing is written.
    """
    return _prepare(source, dest, key, region_code, chunk_rows, "registry", desa_code)


def prepare_participants(
    source: str | Path, dest: str | Path, key: bytes, region_code: str, chunk_rows: int = 1_000_000
) -> PrepareReport:
    """Validate and pseudonymise a JKN participant extract (BPJS Kesehatan) into Parquet.

    Same arguments and errors as :func:`prepare_registry`; columns :data:`PARTICIPANT_SCHEMA`.
    """
    return _prepare(source, dest, key, region_code, chunk_rows, "participants")


def read_prepared(path: str | Path, columns: list[str] | None = None) -> pa.Table:
    """A prepared file as an Arrow table (tokens only; safe to share inside the health office)."""
    return pq.read_table(path, columns=columns)


__all__ = [
    "ExtractError",
    "PrepareReport",
    "prepare_registry",
    "prepare_participants",
    "read_prepared",
    "REGISTRY_SCHEMA",
    "PARTICIPANT_SCHEMA",
    "INACTIVE_REASONS",
]
