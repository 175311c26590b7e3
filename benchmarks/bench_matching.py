"""Time registry matching on 5 million residents x 5 million participant records: DuckDB (out of core) vs pandas.

    python benchmarks/bench_matching.py                              # 5M x 5M in a temporary folder
    python benchmarks/bench_matching.py --workdir ~/bench-cache      # keep (and reuse) the generated Parquet files
    python benchmarks/bench_matching.py --rows 500000                # a quicker look
    python benchmarks/bench_matching.py --engines duckdb             # one engine

The inputs are prepared (pseudonymized) Parquet files following the contract of ``uhc_lib.registry.extracts``,
generated here with numpy (random 32-hex tokens, the desa of Kabupaten Bogor, 96 % alive, duplicates, invalid NIKs,
participants who died, moved or are unknown to the registry). Each engine runs in its own subprocess, so its peak
memory is measured alone (``ru_maxrss`` of that process, which includes DuckDB's buffers). Both must give the same
per-kecamatan counts and the same decomposition of participants without an alive resident.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

REGION = "32.01"  # Kabupaten Bogor: about 5.4 million residents
SEED = 20240725
HEX = np.frombuffer(b"".join(f"{i:02x}".encode() for i in range(256)), dtype=np.uint16)
COUNT_COLUMNS = ["residents", "active", "inactive", "not_enrolled"]


def tokens(rng: np.random.Generator, n: int) -> pa.Array:
    """``n`` random 32-hex-character tokens (the shape of an HMAC pseudonym)."""
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    text = HEX[raw].view("S32").ravel()
    return pa.array(text, type=pa.binary(32)).cast(pa.string())


def desa_codes() -> np.ndarray:
    try:
        from uhc_lib.registry import areas

        codes = areas.desa(REGION)["desa_code"].to_numpy(str)
        if len(codes):
            return codes
    except ImportError:
        pass
    return np.array([f"{REGION}.{k:02d}.{2000 + d}" for k in range(1, 41) for d in range(1, 12)])


def generate(workdir: Path, rows: int, seed: int = SEED) -> tuple[Path, Path]:
    """Write registry.parquet and participants.parquet (``rows`` each) into ``workdir``, unless already there."""
    reg_path, par_path = workdir / f"registry_{rows}.parquet", workdir / f"participants_{rows}.parquet"
    if reg_path.exists() and par_path.exists():
        return reg_path, par_path
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()

    # registry: n_unique persons, a few duplicated rows appended
    n_dup = rows // 500
    n = rows - n_dup
    person = tokens(rng, n)
    family_id = np.cumsum(rng.random(n) < 1 / 3.6)
    families = tokens(rng, int(family_id[-1]) + 1)
    family = families.take(pa.array(family_id))
    desa = desa_codes()
    desa_of_family = rng.integers(0, len(desa), size=int(family_id[-1]) + 1)
    desa_code = desa[desa_of_family[family_id]]
    residency = rng.choice(np.array(["alive", "deceased", "moved"]), size=n, p=[0.96, 0.025, 0.015])
    desil_family = np.where(rng.random(int(family_id[-1]) + 1) < 0.4, rng.integers(1, 11, int(family_id[-1]) + 1), 0)
    desil = desil_family[family_id]
    nik_valid = rng.random(n) >= 0.003
    birth = (np.datetime64("1930-01-01") + rng.integers(0, 94 * 365, size=n).astype("timedelta64[D]")).astype(
        "datetime64[D]"
    )
    note = np.where(rng.random(n) < 0.05, "other_region", None)
    reg = pa.table(
        {
            "person": person,
            "family": family,
            "sex": pa.array(rng.choice(np.array(["L", "P"]), size=n)),
            "birth_date": pa.array(birth, type=pa.date32()),
            "kecamatan_code": pa.array(np.char.rpartition(desa_code.astype(str), ".")[:, 0]),
            "desa_code": pa.array(desa_code),
            "desil": pa.array(np.where(desil == 0, 0, desil).astype(np.int8), mask=desil == 0),
            "residency": pa.array(residency),
            "nik_valid": pa.array(nik_valid),
            "nik_problem": pa.array(np.where(nik_valid, None, "unknown_kecamatan")),
            "nik_note": pa.array(np.where(nik_valid, note, None)),
            "duplicate": pa.array(np.zeros(n, dtype=bool)),
        }
    )
    dup_rows = reg.take(pa.array(rng.choice(np.flatnonzero(nik_valid), size=n_dup, replace=False)))
    dup_rows = dup_rows.set_column(
        dup_rows.schema.get_field_index("duplicate"), "duplicate", pa.array(np.ones(n_dup, bool))
    )
    reg = pa.concat_tables([reg, dup_rows])
    reg = reg.append_column("row", pa.array(np.arange(1, rows + 1, dtype=np.int64)))
    pq.write_table(reg, reg_path, row_group_size=1 << 20)

    # participants: most alive residents, some deceased and moved, duplicates, unknown persons, invalid NIKs
    alive = residency == "alive"
    enrolled = np.flatnonzero(nik_valid & ((alive & (rng.random(n) < 0.93)) | (~alive & (rng.random(n) < 0.6))))
    n_dup_p, n_invalid = rows // 200, rows // 500
    n_unknown = rows - len(enrolled) - n_dup_p - n_invalid
    if n_unknown < 0:
        enrolled = enrolled[: len(enrolled) + n_unknown]
        n_unknown = 0
    persons = pa.concat_arrays(
        [
            person.take(pa.array(enrolled)),
            person.take(pa.array(rng.choice(enrolled, size=n_dup_p, replace=False))),
            tokens(rng, n_unknown),
            pa.nulls(n_invalid, pa.string()),
        ]
    )
    m = len(persons)
    active = rng.random(m) < 0.76
    segment = rng.choice(
        np.array(["pbi_apbn", "pbpu_pemda", "ppu", "pbpu_mandiri", "bp"]), size=m, p=[0.45, 0.2, 0.15, 0.17, 0.03]
    )
    reasons = np.array(["menunggak", "meninggal", "pindah", "data_ganda", "pbi_dinonaktifkan", "phk", "lainnya"])
    reason = np.where(active, None, rng.choice(reasons, size=m))
    valid_p = np.ones(m, bool)
    valid_p[m - n_invalid :] = False
    order = rng.permutation(m)
    shuffled = persons.take(pa.array(order))
    # as the contract says: a valid NIK already seen on an earlier row
    dup_flag = (pd.Series(shuffled.to_numpy(zero_copy_only=False)).duplicated() & valid_p[order]).to_numpy()
    par = pa.table(
        {
            "person": shuffled,
            "participant": tokens(rng, m),
            "segment": pa.array(segment[order]),
            "class": pa.array(rng.choice(np.array([1, 2, 3], np.int8), size=m, p=[0.1, 0.15, 0.75])),
            "status": pa.array(np.where(active, "active", "inactive")[order]),
            "inactive_reason": pa.array(reason[order]),
            "months_arrears": pa.array(
                np.where(reason == "menunggak", rng.integers(1, 36, m), 0)[order].astype(np.int16)
            ),
            "nik_valid": pa.array(valid_p[order]),
            "nik_problem": pa.array(np.where(valid_p, None, "serial_0000")[order]),
            "nik_note": pa.array(np.where(valid_p & (rng.random(m) < 0.05), "other_region", None)[order]),
            "duplicate": pa.array(dup_flag),
            "row": pa.array(np.arange(1, m + 1, dtype=np.int64)),
        }
    )
    pq.write_table(par, par_path, row_group_size=1 << 20)
    print(f"generated {rows:,} + {m:,} rows in {time.perf_counter() - t0:.1f} s into {workdir}", file=sys.stderr)
    return reg_path, par_path


def run_duckdb(registry: Path, participants: Path, memory_limit: str) -> dict:
    from uhc_lib.registry.match import match

    r = match(registry, participants, premium_per_month=42_000, period="2024-07", memory_limit=memory_limit)
    kec = r.areas[r.areas["level"] == "kecamatan"].set_index("code")[COUNT_COLUMNS]
    return {"kecamatan": kec.to_dict(orient="index"), "excess": r.excess, "participants": r.participants}


def run_pandas(registry: Path, participants: Path) -> dict:
    """The same counts with pandas: read both files whole, deduplicate, merge, group."""
    reg = pd.read_parquet(registry, columns=["person", "kecamatan_code", "residency", "nik_valid", "row"])
    par = pd.read_parquet(participants, columns=["person", "segment", "status", "nik_valid", "row"])
    reg = reg[reg["nik_valid"]].sort_values("row").drop_duplicates("person")
    n_participants, invalid = len(par), int((~par["nik_valid"]).sum())
    par = par[par["nik_valid"]].assign(inactive_first=lambda d: d["status"] != "active")
    par = par.sort_values(["inactive_first", "row"])
    duplicate = par["person"].duplicated()
    n_duplicates = int(duplicate.sum())
    par = par[~duplicate]
    m = reg.merge(par[["person", "status"]], on="person", how="outer", indicator=True)
    alive = m[m["residency"] == "alive"]
    kec = alive.groupby("kecamatan_code").agg(
        residents=("person", "size"),
        active=("status", lambda s: int((s == "active").sum())),
        inactive=("status", lambda s: int((s == "inactive").sum())),
        not_enrolled=("status", lambda s: int(s.isna().sum())),
    )
    enrolled = m[m["_merge"] != "left_only"]
    other = enrolled[enrolled["residency"] != "alive"]
    reasons = other["residency"].fillna("not_in_registry").value_counts()
    excess = {r: int(reasons.get(r, 0)) for r in ("deceased", "moved")}
    excess["duplicate"] = n_duplicates
    excess["not_in_registry"] = int(reasons.get("not_in_registry", 0))
    excess["invalid_nik"] = invalid
    excess["not_resident_total"] = sum(excess.values())
    excess["not_enrolled"] = int(kec["not_enrolled"].sum())
    excess["participants_minus_residents"] = n_participants - int(kec["residents"].sum())
    return {
        "kecamatan": {k: {c: int(v) for c, v in row.items()} for k, row in kec.to_dict(orient="index").items()},
        "excess": excess,
        "participants": n_participants,
    }


def child(args: argparse.Namespace) -> None:
    start = time.perf_counter()
    if args.child == "duckdb":
        out = run_duckdb(Path(args.registry), Path(args.participants), args.memory_limit)
    else:
        out = run_pandas(Path(args.registry), Path(args.participants))
    out["seconds"] = time.perf_counter() - start
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=5_000_000, help="rows of each file (default 5,000,000)")
    parser.add_argument("--workdir", help="folder to keep and reuse the generated files (default: a temporary one)")
    parser.add_argument("--engines", nargs="+", default=["duckdb", "pandas"], choices=["duckdb", "pandas"])
    parser.add_argument("--memory-limit", default="2GB", help="DuckDB memory limit (default 2GB, as match())")
    parser.add_argument("--child", choices=["duckdb", "pandas"], help=argparse.SUPPRESS)
    parser.add_argument("--registry", help=argparse.SUPPRESS)
    parser.add_argument("--participants", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    with tempfile.TemporaryDirectory(prefix="bench_matching_") as tmp:
        workdir = Path(args.workdir).expanduser() if args.workdir else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        reg, par = generate(workdir, args.rows)
        print(
            f"{platform.machine()}, {os.cpu_count()} cores; registry {reg.stat().st_size / 2**20:.0f} MB, participants "
            f" {par.stat().st_size / 2**20:.0f} MB on disk"
        )
        results = {}
        for engine in args.engines:
            cmd = [sys.executable, __file__, "--child", engine, "--registry", str(reg), "--participants", str(par)]
            cmd += ["--memory-limit", args.memory_limit]
            wall = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"{engine}: failed\n{proc.stderr[-3000:]}")
                continue
            results[engine] = json.loads(proc.stdout.strip().splitlines()[-1])
            r = results[engine]
            print(
                f"{engine:7s} {r['seconds']:6.1f} s matching ({time.perf_counter() - wall:5.1f} s with start-up), "
                f"peak memory {r['peak_mb']:7.0f} MB; participants {r['participants']:,}, "
                f"coverage excess {r['excess']['participants_minus_residents']:,}"
            )
        if len(results) == 2:
            same = results["duckdb"]["kecamatan"] == results["pandas"]["kecamatan"] and (
                results["duckdb"]["excess"] == results["pandas"]["excess"]
            )
            print("same counts per kecamatan and same decomposition:", "yes" if same else "NO")
            if not same:
                sys.exit(1)


if __name__ == "__main__":
    main()
