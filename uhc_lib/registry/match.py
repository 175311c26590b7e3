"""Match a prepared population registry with a prepared JKN participant extract, out of core with DuckDB.

Both inputs are the pseudonymized Parquet files of :mod:`uhc_lib.registry.extracts` (tokens, never NIKs). DuckDB reads
them directly; only aggregates come back to pandas, and the two worklists (person-level, tokens only) are written
to files by DuckDB.

Definitions (the counts add up exactly, see :attr:`MatchResult.excess`):

- Rows with an invalid NIK are excluded on both sides (counted by problem). A NIK seen twice is one person, as the
  prepared files' ``duplicate`` flag says (a valid NIK already seen on an earlier row): in the registry the first row
  is kept; in the extract the first record is kept unless it is inactive and a later one is active (then that one);
  the other records are *duplicate participant records*.
- **residents**: alive registry persons (valid NIK, counted once). The denominator of every percentage here.
- **participants**: every record of the extract (as BPJS Kesehatan counts them), so ``coverage_pct`` =
  participants / residents can exceed 100 (Lebong: 100.71 percent).
- A resident is *enrolled active* / *enrolled inactive* by the kept record, else *not enrolled*.
- Participant records that are not an alive resident's kept record are explained: the registry says *deceased* or
  *moved*, a *duplicate* record, *not in the registry* at all (moved in without a Dukcapil transfer, a NIK of another
  region: those with such a NIK are counted), or an *invalid NIK*.
- ``participants - residents = not_resident_records - not_enrolled``: the part of coverage above 100 percent is the
  records without an alive resident behind them, minus the residents nobody enrolled.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from uhc_lib.rules import premiums, segments

RESIDENCY = ("alive", "deceased", "moved")
STATUS = ("active", "inactive")
SEXES = ("L", "P")
# inactive_reason codes of the prepared extract (uhc_lib/registry/SCHEMAS.md), and the code for an empty reason
INACTIVE_REASONS = (
    "arrears",
    "deceased",
    "moved",
    "duplicate",
    "pbi_deactivated",
    "pemda_deactivated",  # PBPU Pemda deactivated by the Pemda: 10.12 million nationally (DJSN, Sep 2024)
    "employment_ended",
    "other",
)
NO_REASON = "unknown"
NIK_NOTES = ("other_region", "birth_date_mismatch", "sex_mismatch")
SEP_CHAR = "|"
SEP = f" || '{SEP_CHAR}' || "
OTHER_REGION = "contains(coalesce(nik_note, ''), 'other_region')"
NOT_RESIDENT_REASONS = ("deceased", "moved", "duplicate", "not_in_registry", "invalid_nik")
AGE_BANDS = ((0, 4), (5, 17), (18, 39), (40, 59), (60, None))
UNKNOWN = "unknown"
REGISTRY_COLUMNS = {
    "person": "string",
    "family": "string",
    "sex": "string",
    "birth_date": "date",
    "kecamatan_code": "string",
    "desa_code": "string",
    "desil": "integer",
    "residency": "string",
    "nik_valid": "bool",
    "nik_problem": "string",
    "nik_note": "string",
    "duplicate": "bool",
    "row": "integer",
}
PARTICIPANT_COLUMNS = {
    "person": "string",
    "participant": "string",
    "segment": "string",
    "class": "integer",
    "status": "string",
    "inactive_reason": "string",
    "months_arrears": "integer",
    "nik_valid": "bool",
    "nik_problem": "string",
    "nik_note": "string",
    "duplicate": "bool",
    "row": "integer",
}
COUNTS = ["residents", "active", "inactive", "not_enrolled"]
TOKEN_PATTERN = "^[0-9a-f]{32}$"  # uhc_lib.registry.pseudonym tokens
TOKEN_COLUMNS = ("person", "family", "participant")  # their values are never printed, even in an error
NOT_PREPARED = (
    "holds values that are not tokens (32 hexadecimal characters), so it is not a prepared file: give the raw "
    "extract without --prepared (prepared=False) so that it is checked and pseudonymised first"
)
KEY_CHECK_FIELD = "uhc_key_check"  # as uhc_lib.registry.extracts writes it
MATCH_INFO = "match.json"  # beside the worklists: region, period, key check, rows


@dataclass(frozen=True)
class MatchResult:
    """Aggregates of one match (no person-level data except the paths of the two worklists).

    Attributes:
        region_code: kab/kota code (``"17.07"``).
        period: month of the extracts (ages are taken at its last day).
        premium_per_month: PBPU Pemda class III monthly premium used for costs (Rp).
        participants: participant records in the extract (all of them).
        active_records: active participant records in the extract (all of them).
        areas: one row per area (``level`` regency/kecamatan/desa, ``code``, ``parent``) with residents, active,
            inactive, not_enrolled (residents by the status of their kept record).
        inactive: enrolled-inactive residents by desa, segment and reason (``reason`` is the extract's
            ``inactive_reason``, ``unknown`` when empty).
        not_resident: participant records without an alive resident behind them, by reason, status and segment,
            with ``other_region_nik`` (records whose NIK was first issued in another region).
        exclusions: rows left out of matching, by source (registry/participants), reason (invalid_nik/duplicate),
            NIK problem and residency/status.
        nik_notes: information notes on valid NIKs (other_region, birth_date_mismatch, sex_mismatch) by source.
        worklist_summary: alive residents not enrolled by priority decile (the family's poorest decile; unknown last):
            persons, families, yearly_cost and their cumulative sums in worklist order.
        reactivation_summary: enrolled-inactive residents by segment and reason with persons, mean arrears months
            and the yearly cost of paying for them as PBPU Pemda.
        worklist_paths, reactivation_paths: files written (empty when no output folder was given).
        seconds: wall time of the match.
    """

    region_code: str
    period: pd.Period
    premium_per_month: int
    participants: int
    active_records: int
    areas: pd.DataFrame = field(repr=False)
    inactive: pd.DataFrame = field(repr=False)
    not_resident: pd.DataFrame = field(repr=False)
    exclusions: pd.DataFrame = field(repr=False)
    nik_notes: pd.DataFrame = field(repr=False)
    worklist_summary: pd.DataFrame = field(repr=False)
    reactivation_summary: pd.DataFrame = field(repr=False)
    worklist_paths: list[Path] = field(default_factory=list)
    reactivation_paths: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def yearly_premium(self) -> int:
        """Yearly premium of one person enrolled as PBPU Pemda (Rp)."""
        return 12 * self.premium_per_month

    @property
    def total(self) -> pd.Series:
        """The regency row of :attr:`areas`."""
        return self.areas[self.areas["level"] == "regency"].iloc[0]

    @property
    def residents(self) -> int:
        return int(self.total["residents"])

    @property
    def not_enrolled(self) -> int:
        return int(self.total["not_enrolled"])

    @property
    def coverage_pct(self) -> float:
        """Participant records per 100 alive residents (as published coverage is computed)."""
        return 100 * self.participants / self.residents if self.residents else float("nan")

    @property
    def activity_pct(self) -> float:
        """Active participant records per 100 alive residents (active / population, as the UHC criteria use)."""
        return 100 * self.active_records / self.residents if self.residents else float("nan")

    @property
    def resident_active_pct(self) -> float:
        """Alive residents whose kept record is active, per 100 alive residents."""
        return 100 * int(self.total["active"]) / self.residents if self.residents else float("nan")

    @property
    def resident_enrolled_pct(self) -> float:
        """Alive residents with a participant record, per 100 alive residents."""
        t = self.total
        return 100 * int(t["active"] + t["inactive"]) / self.residents if self.residents else float("nan")

    @property
    def excess(self) -> dict[str, int]:
        """Why participants can outnumber residents: records with no alive resident behind them, by reason, the
        residents not enrolled, and ``participants - residents`` (= ``not_resident_total - not_enrolled``)."""
        by_reason = self.not_resident.groupby("reason")["records"].sum()
        out = {r: int(by_reason.get(r, 0)) for r in NOT_RESIDENT_REASONS}
        out["not_resident_total"] = sum(out.values())
        out["not_enrolled"] = self.not_enrolled
        out["participants_minus_residents"] = self.participants - self.residents
        return out

    def area_table(self, level: str = "kecamatan") -> pd.DataFrame:
        """Counts of one level plus the rows above it (index = code, ``parent`` column), ready for
        :func:`uhc_lib.registry.suppression.suppress` with ``total_column="residents"``, ``parent="parent"``."""
        keep = {"regency": ["regency"], "kecamatan": ["regency", "kecamatan"], "desa": ["regency", "kecamatan", "desa"]}
        if level not in keep:
            raise ValueError(f"level must be one of {list(keep)}, got {level!r}")
        t = self.areas[self.areas["level"].isin(keep[level])]
        return t.set_index("code")[["level", "parent", *COUNTS]]

    def inactive_by(self, by: str, level: str = "regency") -> pd.DataFrame:
        """Enrolled-inactive residents by ``segment`` or ``reason`` (columns), one row per area of ``level``."""
        key = {"regency": None, "kecamatan": "kecamatan_code", "desa": "desa_code"}[level]
        t = self.inactive.assign(code=self.region_code if key is None else self.inactive[key])
        out = t.pivot_table(index="code", columns=by, values="persons", aggfunc="sum", fill_value=0)
        order = segments.segment_codes() if by == "segment" else [*INACTIVE_REASONS, NO_REASON]
        cols = [c for c in order if c in out.columns] + [c for c in out.columns if c not in order]
        return out[cols].astype("int64")


def _kind(arrow_type) -> str:
    import pyarrow as pa

    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type) or pa.types.is_null(arrow_type):
        return "string"
    if pa.types.is_integer(arrow_type):
        return "integer"
    if pa.types.is_boolean(arrow_type):
        return "bool"
    if pa.types.is_date(arrow_type) or pa.types.is_timestamp(arrow_type):
        return "date"
    return str(arrow_type)


def _check_schema(path: Path, expected: dict[str, str]) -> None:
    if not path.exists():
        raise FileNotFoundError(f"{path}: file not found")
    try:
        schema = pq.read_schema(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise ValueError(f"{path}: not a readable Parquet file ({exc})") from exc
    problems = []
    for col, kind in expected.items():
        if col not in schema.names:
            problems.append(f"column {col!r} is missing")
        elif _kind(schema.field(col).type) != kind:
            problems.append(f"column {col!r} should be {kind}, found {schema.field(col).type}")
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))


def _sql_list(values) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def _scan(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    table: str,
    checks: list[tuple[str, str, str]],
    aggregates: dict[str, str],
) -> dict:
    """One pass over a file: validity checks and a few aggregates.

    Each check is (column, SQL condition a bad value meets, what is expected); every failed check is reported with
    the first bad source row. Returns the aggregates by name.
    """
    parts = [f'min("row") FILTER (WHERE {bad})' for _, bad, _ in checks]
    parts += [f"{sql} AS {name}" for name, sql in aggregates.items()]
    values = con.execute(f"SELECT {', '.join(parts)} FROM {table}").fetchone()
    problems = []
    for (col, _, expected), row in zip(checks, values[: len(checks)], strict=True):
        if row is None:
            continue
        if col in TOKEN_COLUMNS:  # could be a raw NIK: never printed
            problems.append(f"row {row}, column {col!r} {expected}")
            continue
        bad = con.execute(f'SELECT CAST("{col}" AS VARCHAR) FROM {table} WHERE "row" = ? LIMIT 1', [row]).fetchone()
        problems.append(f"row {row}, column {col!r}: {bad[0]!r} is not {expected}")
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    return dict(zip(aggregates, values[len(checks) :], strict=True))


def _token_checks(columns: tuple[str, ...]) -> list[tuple[str, str, str]]:
    return [(c, f"{c} IS NOT NULL AND NOT regexp_full_match({c}, '{TOKEN_PATTERN}')", NOT_PREPARED) for c in columns]


def key_check_of(path: str | Path) -> str | None:
    """The key check a prepared file stores (None when it holds none: prepared by an older version)."""
    metadata = pq.read_schema(path).metadata or {}
    value = metadata.get(KEY_CHECK_FIELD.encode())
    return value.decode() if value else None


def check_prepared(path: str | Path, kind: str) -> None:
    """A prepared file (``kind`` registry or participants) as :func:`match` needs it: the columns, and tokens (never
    raw NIKs) in the token columns. ValueError naming the file, row and column (never a value) otherwise."""
    path = Path(path)
    expected = {"registry": REGISTRY_COLUMNS, "participants": PARTICIPANT_COLUMNS}[kind]
    if path.suffix.lower() not in (".parquet", ".pq"):
        raise ValueError(f"{path.name}: a prepared file is Parquet; give a raw {kind} extract without --prepared")
    try:
        names = pq.read_schema(path).names
    except Exception:  # noqa: BLE001 - any unreadable file gets the sentence below
        raise ValueError(f"{path.name}: not a readable Parquet file") from None
    if "person" not in names:
        raise ValueError(
            f"{path.name}: not a prepared file (no token column 'person'); give the raw {kind} extract without "
            "--prepared so that it is checked and pseudonymised first"
        )
    _check_schema(path, expected)
    columns = ("person", "family") if kind == "registry" else ("person", "participant")
    con = duckdb.connect()
    try:
        con.execute(f"CREATE VIEW t AS SELECT * FROM read_parquet('{path.as_posix()}')")
        _scan(con, path, "t", _token_checks(columns), {"n": "count(*)"})
    finally:
        con.close()


def same_key(registry: Path, participants: Path) -> str | None:
    """The key check both files share; ValueError when they were prepared with different keys."""
    checks = {path: key_check_of(path) for path in (registry, participants)}
    known = {c for c in checks.values() if c}
    if len(known) > 1:
        raise ValueError(
            f"{registry.name} and {participants.name} were prepared with different pseudonymisation keys, so their "
            "tokens cannot match: prepare both extracts again with the same key"
        )
    return known.pop() if known else None


def _connect(memory_limit: str, threads: int | None, temp_dir: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(
        config={
            "memory_limit": memory_limit,
            "threads": threads or os.cpu_count() or 1,
            "temp_directory": str(temp_dir),
            "preserve_insertion_order": False,
        }
    )


def _age_band_sql(birth: str, ref: str) -> str:
    age = (
        f"(year({ref}) - year({birth}) - CASE WHEN strftime({birth}, '%m%d') > strftime({ref}, '%m%d') "
        f"THEN 1 ELSE 0 END)"
    )
    parts = []
    for low, high in AGE_BANDS:
        label = f"{low}+" if high is None else f"{low}-{high}"
        cond = f"{age} >= {low}" if high is None else f"{age} <= {high}"
        parts.append(f"WHEN {cond} THEN '{label}'")
    return f"CASE WHEN {birth} IS NULL THEN '{UNKNOWN}' " + " ".join(parts) + f" ELSE '{UNKNOWN}' END"


def age_band_labels() -> list[str]:
    """Age band labels in order (``0-4`` ... ``60+``)."""
    return [f"{lo}+" if hi is None else f"{lo}-{hi}" for lo, hi in AGE_BANDS]


def match(
    registry: str | Path,
    participants: str | Path,
    *,
    premium_per_month: int,
    period: str | pd.Period,
    region_code: str | None = None,
    out_dir: str | Path | None = None,
    formats: tuple[str, ...] = ("parquet",),
    memory_limit: str = "2GB",
    threads: int | None = None,
) -> MatchResult:
    """Match residents with participants and return aggregates; write the worklists when ``out_dir`` is given.

    Args:
        registry: prepared registry Parquet file (see :mod:`uhc_lib.registry.extracts`).
        participants: prepared participant Parquet file.
        premium_per_month: PBPU Pemda class III monthly premium paid by the regency (Rp; 42,000 from 2021 under
            Perpres 64/2020, see ``uhc_lib.rules.premiums``).
        period: month of the extracts (``"2024-07"``); ages are taken at its last day.
        region_code: kab/kota code; by default the code every registry kecamatan_code starts with.
        out_dir: folder for ``worklist.<fmt>`` (alive residents not enrolled, in priority order, with the cumulative
            yearly cost) and ``reactivation.<fmt>`` (alive residents enrolled but inactive). None: write nothing.
        formats: file formats of the worklists: ``parquet`` and/or ``csv``.
        memory_limit: DuckDB memory limit (it spills to a temporary folder beyond it); 2GB keeps the whole process
            well under 4 GB on a 5 million x 5 million match at the same speed.
        threads: DuckDB threads (default: all cores).

    Raises:
        FileNotFoundError, ValueError: a missing file, a missing or mistyped column, a value outside its domain
            (naming the file, the source row and the column).
    """
    start = time.perf_counter()
    registry, participants = Path(registry), Path(participants)
    period = pd.Period(period, "M")
    if premium_per_month < 0:
        raise ValueError(f"premium_per_month must not be negative, got {premium_per_month}")
    for f in formats:
        if f not in ("parquet", "csv"):
            raise ValueError(f"unknown worklist format {f!r} (parquet or csv)")
    _check_schema(registry, REGISTRY_COLUMNS)
    _check_schema(participants, PARTICIPANT_COLUMNS)
    key_check = same_key(registry, participants)
    yearly = 12 * int(premium_per_month)
    age_band = _age_band_sql("birth_date", f"DATE '{period.end_time.date().isoformat()}'")

    with tempfile.TemporaryDirectory(prefix="uhc_match_") as tmp:
        con = _connect(memory_limit, threads, Path(tmp))
        try:
            con.execute(f"CREATE VIEW reg AS SELECT * FROM read_parquet('{registry.as_posix()}')")
            con.execute(f"CREATE VIEW par AS SELECT * FROM read_parquet('{participants.as_posix()}')")
            note_counts = {
                f"note_{n}": f"count(*) FILTER (WHERE nik_valid AND contains(coalesce(nik_note, ''), '{n}'))"
                for n in NIK_NOTES
            }
            reg_agg = _scan(
                con,
                registry,
                "reg",
                [
                    (
                        "residency",
                        f"residency IS NULL OR residency NOT IN ({_sql_list(RESIDENCY)})",
                        "alive/deceased/moved",
                    ),
                    ("sex", f"sex IS NOT NULL AND sex NOT IN ({_sql_list(SEXES)})", "L or P"),
                    ("desil", "desil IS NOT NULL AND (desil < 1 OR desil > 10)", "a decile from 1 to 10"),
                    ("person", "nik_valid AND person IS NULL", "is empty although the NIK is valid"),
                    *_token_checks(("person", "family")),
                    (
                        "desa_code",
                        "nik_valid AND NOT starts_with(desa_code, kecamatan_code || '.')",
                        "in its kecamatan",
                    ),
                ],
                {
                    "first_region": "min(left(kecamatan_code, 5)) FILTER (WHERE nik_valid)",
                    "last_region": "max(left(kecamatan_code, 5)) FILTER (WHERE nik_valid)",
                    "invalid": f"histogram(coalesce(nik_problem, ''){SEP}residency) FILTER (WHERE NOT nik_valid)",
                    "duplicate": "histogram(residency) FILTER (WHERE nik_valid AND duplicate)",
                    **note_counts,
                },
            )
            par_agg = _scan(
                con,
                participants,
                "par",
                [
                    ("status", f"status IS NULL OR status NOT IN ({_sql_list(STATUS)})", "active or inactive"),
                    (
                        "segment",
                        f"segment IS NULL OR segment NOT IN ({_sql_list(segments.segment_codes())})",
                        "a segment code",
                    ),
                    ("class", "class IS NOT NULL AND class NOT IN (1, 2, 3)", "class 1, 2 or 3"),
                    ("person", "nik_valid AND person IS NULL", "is empty although the NIK is valid"),
                    *_token_checks(("person", "participant")),
                ],
                {
                    "records": "count(*)",
                    "active": "count(*) FILTER (WHERE status = 'active')",
                    "invalid": f"histogram(coalesce(nik_problem, ''){SEP}status{SEP}segment)"
                    " FILTER (WHERE NOT nik_valid)",
                    "duplicate": f"histogram(status{SEP}segment{SEP}{OTHER_REGION})"
                    " FILTER (WHERE nik_valid AND duplicate)",
                    **note_counts,
                },
            )
            prefixes = sorted({reg_agg["first_region"], reg_agg["last_region"]} - {None})
            if len(prefixes) > 1:
                rows = con.execute("SELECT DISTINCT left(kecamatan_code, 5) FROM reg WHERE nik_valid").fetchall()
                prefixes = sorted(r[0] for r in rows)
            if region_code is None:
                if len(prefixes) != 1:
                    raise ValueError(f"{registry}: kecamatan codes of several kab/kota {prefixes}; pass region_code")
                region_code = prefixes[0]
            elif any(p != region_code for p in prefixes):
                other = [p for p in prefixes if p != region_code]
                raise ValueError(f"{registry}: kecamatan codes outside {region_code}: {other[:5]}")

            # A person's kept record is the first in the file (duplicate = false), unless it is inactive and a later
            # record of the person is active: then the first active one is kept and the first becomes a duplicate.
            fields = 'person, participant, segment, class, status, inactive_reason, months_arrears, nik_note, "row"'
            con.execute(
                f"""
                CREATE TEMP TABLE swap AS
                SELECT d.*, f.segment AS first_segment, {OTHER_REGION.replace("nik_note", "f.nik_note")} AS first_other
                FROM (
                    SELECT {fields} FROM par WHERE nik_valid AND duplicate AND status = 'active'
                    QUALIFY row_number() OVER (PARTITION BY person ORDER BY "row") = 1
                ) d JOIN par f
                    ON f.person = d.person AND f.nik_valid AND NOT f.duplicate AND f.status = 'inactive'
                """
            )
            swapped = con.execute(f"SELECT segment, {OTHER_REGION}, first_segment, first_other FROM swap").fetchall()
            con.execute(
                f"""
                CREATE TEMP VIEW kept AS
                SELECT {fields} FROM par
                WHERE nik_valid AND NOT duplicate AND NOT (status = 'inactive' AND person IN (SELECT person FROM swap))
                UNION ALL SELECT {fields} FROM swap
                """
            )
            con.execute(
                """
                CREATE TEMP VIEW residents AS
                SELECT person, family, sex, birth_date, kecamatan_code, desa_code, desil, residency
                FROM reg WHERE nik_valid AND NOT duplicate
                """
            )
            # One join. Alive residents with an active record only count: the per-desa residents come from the
            # registry alone, so only the other rows (not enrolled, inactive, records without an alive resident,
            # a minority) are kept, with the columns the worklists need.
            con.execute(
                f"""
                CREATE TEMP TABLE m AS
                SELECT r.person, r.family, r.sex, r.birth_date, r.kecamatan_code, r.desa_code, r.desil, r.residency,
                       p.person IS NOT NULL AS enrolled, p.participant, p.segment, p.class, p.status,
                       p.inactive_reason, p.months_arrears,
                       coalesce({OTHER_REGION.replace("nik_note", "p.nik_note")}, false) AS other_region
                FROM residents r FULL OUTER JOIN kept p ON r.person = p.person
                WHERE (p.person IS NOT NULL AND r.residency IS DISTINCT FROM 'alive')
                   OR (r.residency = 'alive' AND (p.person IS NULL OR p.status = 'inactive'))
                """
            )
            alive_desa = con.execute(
                "SELECT kecamatan_code, desa_code, count(*) AS residents FROM residents WHERE residency = 'alive' "
                "GROUP BY ALL"
            ).df()
            groups = con.execute(
                """
                SELECT kecamatan_code, desa_code, residency, enrolled, status, segment, inactive_reason, other_region,
                       count(*) AS n, sum(months_arrears) AS arrears_months, count(months_arrears) AS arrears_known
                FROM m GROUP BY ALL
                """
            ).df()
            con.execute(
                f"""
                CREATE TEMP TABLE worklist AS
                WITH w AS (
                    SELECT person, family, kecamatan_code, desa_code, desil, sex, {age_band} AS age_band,
                           CASE WHEN family IS NULL THEN desil ELSE min(desil) OVER (PARTITION BY family) END
                               AS priority_desil
                    FROM m WHERE residency = 'alive' AND NOT enrolled
                ), o AS (
                    SELECT row_number() OVER (ORDER BY priority_desil NULLS LAST, desa_code, family NULLS LAST, person)
                               AS priority, *
                    FROM w
                )
                SELECT priority, person, family, kecamatan_code, desa_code, desil, priority_desil, sex, age_band,
                       {yearly}::BIGINT AS yearly_cost, priority * {yearly}::BIGINT AS cumulative_cost
                FROM o
                """
            )
            con.execute(
                f"""
                CREATE TEMP VIEW reactivation AS
                SELECT row_number() OVER (ORDER BY desil NULLS LAST, segment, inactive_reason NULLS LAST, desa_code,
                                          family NULLS LAST, person) AS priority,
                       person, participant, family, kecamatan_code, desa_code, desil, sex, {age_band} AS age_band,
                       segment, class, inactive_reason, months_arrears
                FROM m WHERE residency = 'alive' AND status = 'inactive'
                """
            )
            worklist_summary = con.execute(
                f"""
                SELECT priority_desil AS desil, count(*) AS persons, count(DISTINCT family) AS families,
                       count(*) * {yearly}::BIGINT AS yearly_cost
                FROM worklist GROUP BY ALL ORDER BY desil NULLS LAST
                """
            ).df()
            worklist_paths, reactivation_paths = [], []
            if out_dir is not None:
                out = Path(out_dir)
                out.mkdir(parents=True, exist_ok=True)
                for fmt in formats:
                    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
                    for name, paths in (("worklist", worklist_paths), ("reactivation", reactivation_paths)):
                        path = out / f"{name}.{fmt}"
                        con.execute(f"COPY (SELECT * FROM {name} ORDER BY priority) TO '{path.as_posix()}' ({options})")
                        paths.append(path)
                worklist_rows = con.execute("SELECT count(*) FROM worklist").fetchone()[0]
                info = {
                    "region_code": region_code,
                    "period": str(period),
                    "key_check": key_check,
                    "worklist_rows": int(worklist_rows),
                    "premium_per_month": int(premium_per_month),
                }
                (out / MATCH_INFO).write_text(json.dumps(info, indent=1) + "\n")
        finally:
            con.close()

    alive = groups[groups["residency"] == "alive"]
    desa = (
        alive.assign(
            inactive=alive["n"].where(alive["status"] == "inactive", 0),
            not_enrolled=alive["n"].where(~alive["enrolled"].astype(bool), 0),
        )
        .groupby(["kecamatan_code", "desa_code"])[["inactive", "not_enrolled"]]
        .sum()
    )
    desa = alive_desa.join(desa, on=["kecamatan_code", "desa_code"]).fillna({"inactive": 0, "not_enrolled": 0})
    desa["active"] = desa["residents"] - desa["inactive"] - desa["not_enrolled"]
    desa = desa.sort_values("desa_code").reset_index(drop=True)
    inactive_rows = alive[alive["status"] == "inactive"].assign(reason=lambda d: d["inactive_reason"].fillna(NO_REASON))
    inactive = (
        inactive_rows.groupby(["kecamatan_code", "desa_code", "segment", "reason"], as_index=False)["n"]
        .sum()
        .rename(columns={"n": "persons"})
    )
    reactivation_summary = inactive_rows.groupby(["segment", "reason"], as_index=False)[
        ["n", "arrears_months", "arrears_known"]
    ].sum()
    reactivation_summary = pd.DataFrame(
        {
            "segment": reactivation_summary["segment"],
            "reason": reactivation_summary["reason"],
            "persons": reactivation_summary["n"],
            "mean_months_arrears": reactivation_summary["arrears_months"]
            / reactivation_summary["arrears_known"].where(reactivation_summary["arrears_known"] > 0),
            "yearly_cost_as_pemda": reactivation_summary["n"] * yearly,
        }
    )
    return MatchResult(
        region_code=region_code,
        period=period,
        premium_per_month=int(premium_per_month),
        participants=int(par_agg["records"]),
        active_records=int(par_agg["active"]),
        areas=_areas(desa, region_code),
        inactive=_int_counts(inactive, ["persons"]),
        not_resident=_not_resident(groups, par_agg, swapped),
        exclusions=_exclusions(reg_agg, par_agg, swapped),
        nik_notes=pd.DataFrame(
            [
                (source, n, int(agg[f"note_{n}"]))
                for source, agg in (("participants", par_agg), ("registry", reg_agg))
                for n in NIK_NOTES
                if agg[f"note_{n}"]
            ],
            columns=["source", "note", "rows"],
        ),
        worklist_summary=_with_cumulative(_int_counts(worklist_summary, ["persons", "families", "yearly_cost"])),
        reactivation_summary=_int_counts(reactivation_summary, ["persons", "yearly_cost_as_pemda"])
        .sort_values(["segment", "reason"], key=_order_key)
        .reset_index(drop=True),
        worklist_paths=worklist_paths,
        reactivation_paths=reactivation_paths,
        seconds=round(time.perf_counter() - start, 3),
    )


def _not_resident(groups: pd.DataFrame, par_agg: dict, swapped: list[tuple]) -> pd.DataFrame:
    """Participant records without an alive resident behind them, by reason, status and segment."""
    matched = groups[groups["enrolled"].astype(bool) & (groups["residency"].fillna("") != "alive")]
    rows = [
        (
            "not_in_registry" if pd.isna(g.residency) else g.residency,
            g.status,
            g.segment,
            int(g.n),
            int(g.n) if g.other_region else 0,
        )
        for g in matched.itertuples()
    ]
    for key, n in (par_agg["duplicate"] or {}).items():
        status, segment, other = key.split(SEP_CHAR)
        rows.append(("duplicate", status, segment, int(n), int(n) if other == "true" else 0))
    for segment, other, first_segment, first_other in swapped:  # the active duplicate was kept instead of the first
        rows.append(("duplicate", "active", segment, -1, -1 if other else 0))
        rows.append(("duplicate", "inactive", first_segment, 1, 1 if first_other else 0))
    for key, n in (par_agg["invalid"] or {}).items():
        _, status, segment = key.split(SEP_CHAR)
        rows.append(("invalid_nik", status, segment, int(n), 0))
    out = pd.DataFrame(rows, columns=["reason", "status", "segment", "records", "other_region_nik"])
    out = out.groupby(["reason", "status", "segment"], as_index=False)[["records", "other_region_nik"]].sum()
    out = out[out["records"] > 0]
    return out.sort_values(["reason", "status", "segment"], key=_order_key).reset_index(drop=True)


def _exclusions(reg_agg: dict, par_agg: dict, swapped: list[tuple]) -> pd.DataFrame:
    """Rows left out of matching: by source, reason (invalid_nik/duplicate), NIK problem and residency/status."""
    rows = []
    for key, n in (reg_agg["invalid"] or {}).items():
        problem, state = key.split(SEP_CHAR)
        rows.append(("registry", "invalid_nik", problem, state, int(n)))
    for state, n in (reg_agg["duplicate"] or {}).items():
        rows.append(("registry", "duplicate", "", state, int(n)))
    for key, n in (par_agg["invalid"] or {}).items():
        problem, status, _ = key.split(SEP_CHAR)
        rows.append(("participants", "invalid_nik", problem, status, int(n)))
    for key, n in (par_agg["duplicate"] or {}).items():
        rows.append(("participants", "duplicate", "", key.split(SEP_CHAR)[0], int(n)))
    rows += [("participants", "duplicate", "", "active", -len(swapped))]
    rows += [("participants", "duplicate", "", "inactive", len(swapped))]
    out = pd.DataFrame(rows, columns=["source", "reason", "problem", "state", "rows"])
    out = out.groupby(["source", "reason", "problem", "state"], as_index=False)["rows"].sum()
    return out[out["rows"] > 0].reset_index(drop=True)


def _order_key(s: pd.Series) -> pd.Series:
    orders = {
        "reason": [*NOT_RESIDENT_REASONS, *INACTIVE_REASONS, NO_REASON],
        "segment": segments.segment_codes(),
        "status": list(STATUS),
    }
    order = orders.get(s.name)
    if order is None:
        return s
    return s.map({v: i for i, v in enumerate(order)}).fillna(len(order))


def _int_counts(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    df = df.copy()
    for c in cols:
        df[c] = df[c].astype("int64")
    return df


def _with_cumulative(summary: pd.DataFrame) -> pd.DataFrame:
    summary["desil"] = summary["desil"].astype("Int8")
    summary["cumulative_persons"] = summary["persons"].cumsum()
    summary["cumulative_cost"] = summary["yearly_cost"].cumsum()
    return summary.reset_index(drop=True)


def _areas(desa: pd.DataFrame, region_code: str) -> pd.DataFrame:
    """Desa counts summed to kecamatan and regency: level, code, parent and the four counts."""
    desa = _int_counts(desa, COUNTS)
    kec = desa.groupby("kecamatan_code", as_index=False)[COUNTS].sum()
    total = pd.DataFrame([desa[COUNTS].sum()]).astype("int64") if len(desa) else pd.DataFrame([[0] * 4], columns=COUNTS)
    frames = [
        total.assign(level="regency", code=region_code, parent=None),
        kec.assign(level="kecamatan", code=kec["kecamatan_code"], parent=region_code),
        desa.assign(level="desa", code=desa["desa_code"], parent=desa["kecamatan_code"]),
    ]
    out = pd.concat([f[["level", "code", "parent", *COUNTS]] for f in frames], ignore_index=True)
    return out.astype({c: "int64" for c in COUNTS})


@dataclass(frozen=True)
class MatchRun:
    """A match with how its inputs were prepared: the result, the two :class:`PrepareReport` (None when the files
    came prepared), the prepared files and whether the data is a synthetic demo."""

    result: MatchResult
    registry_report: object | None
    participants_report: object | None
    registry: Path
    participants: Path
    synthetic: bool = False


def prepare_and_match(
    registry: str | Path,
    participants: str | Path,
    *,
    region_code: str,
    period: str | pd.Period,
    premium_per_month: int,
    out_dir: str | Path,
    prepared: bool = False,
    key_env: str = "UHC_PSEUDONYM_KEY",
    **match_options,
) -> MatchRun:
    """Validate and pseudonymize two raw extracts into ``out_dir`` (skipped when ``prepared``), then :func:`match`
    them, writing the worklists into ``out_dir``.

    The key comes from environment variable ``key_env`` (or the file named by ``<key_env>_FILE``), never from an
    argument, so it cannot end up in a notebook.
    """
    from uhc_lib.registry import extracts, pseudonym

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    reports: list[object | None] = [None, None]
    if not prepared:
        key = pseudonym.load_key(key_env, f"{key_env}_FILE")
        reports[0] = extracts.prepare_registry(registry, out / "registry_prepared.parquet", key, region_code)
        reports[1] = extracts.prepare_participants(
            participants, out / "participants_prepared.parquet", key, region_code
        )
        registry, participants = out / "registry_prepared.parquet", out / "participants_prepared.parquet"
    result = match(
        registry,
        participants,
        premium_per_month=premium_per_month,
        period=period,
        region_code=region_code,
        out_dir=out,
        **match_options,
    )
    return MatchRun(result, reports[0], reports[1], Path(registry), Path(participants))


def synthetic_demo(
    region_code: str,
    residents: int,
    *,
    period: str | pd.Period,
    premium_per_month: int,
    out_dir: str | Path,
    key_env: str = "UHC_PSEUDONYM_KEY",
    seed: int = 20240725,
    **generate_options,
) -> MatchRun:
    """Generate SYNTHETIC extracts (:func:`uhc_lib.registry.synthetic.generate_extracts`), prepare and match them.

    The raw synthetic extracts (with invented NIKs) live in a temporary folder removed afterwards: ``out_dir`` holds
    only prepared files and worklists. The key is read from ``key_env`` when set, else a random one is used (the data
    is invented, so nothing needs to be matched again later).
    """
    from uhc_lib.registry import synthetic

    with tempfile.TemporaryDirectory(prefix="uhc_demo_") as raw:
        extracts_ = synthetic.generate_extracts(region_code, residents, raw, seed=seed, **generate_options)
        if not (os.environ.get(key_env) or os.environ.get(f"{key_env}_FILE")):
            key_env = "_UHC_DEMO_KEY"
            os.environ[key_env] = os.urandom(24).hex()
        try:
            run = prepare_and_match(
                extracts_.registry,
                extracts_.participants,
                region_code=region_code,
                period=period,
                premium_per_month=premium_per_month,
                out_dir=out_dir,
                key_env=key_env,
            )
        finally:
            os.environ.pop("_UHC_DEMO_KEY", None)
    return MatchRun(run.result, run.registry_report, run.participants_report, run.registry, run.participants, True)


def run_extracts(
    region_code: str,
    period: str | pd.Period,
    *,
    registry: str | Path | None = None,
    participants: str | Path | None = None,
    prepared: bool = False,
    premium_per_month: int | None = None,
    out_dir: str | Path | None = None,
    key_env: str = "UHC_PSEUDONYM_KEY",
    demo_residents: int = 20_000,
) -> MatchRun:
    """What the registry notebook and ``uhc match`` run: :func:`prepare_and_match` on both extracts, or a
    :func:`synthetic_demo` of ``demo_residents`` unless both are given.

    ``premium_per_month`` defaults to the PBPU Pemda premium of ``period``
    (:func:`uhc_lib.rules.premiums.pemda_premium`), ``out_dir`` to a new temporary folder.
    """

    out = out_dir or tempfile.mkdtemp(prefix="registry_matching_")
    premium = premium_per_month or premiums.pemda_premium(period)
    if registry and participants:
        return prepare_and_match(
            registry,
            participants,
            region_code=region_code,
            period=period,
            premium_per_month=premium,
            out_dir=out,
            prepared=prepared,
            key_env=key_env,
        )
    return synthetic_demo(
        region_code, demo_residents, period=period, premium_per_month=premium, out_dir=out, key_env=key_env
    )


def example_tokens(path: str | Path, n: int = 3) -> list[str]:
    """The first ``n`` person tokens of a worklist file (to show what a pseudonym looks like)."""
    con = duckdb.connect()
    try:
        rows = con.execute(f"SELECT person FROM read_parquet('{Path(path).as_posix()}') LIMIT {int(n)}").fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]
