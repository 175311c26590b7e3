"""Synthetic registry and JKN participant extracts, for tests, demos and training. **All of it is invented.**

No real person, NIK, KK, card number or name is in here: NIKs are built from the rules (kecamatan code of the region,
birth date with day + 40 for women, serial) so they look real and exercise every check, but they belong to nobody.
Area codes are the real Kemendagri kecamatan/desa codes of the chosen region; sizes are random (uneven).

What the extracts contain (shares are parameters):

- Registry (Dukcapil / Dinas Sosial): ``residents`` living residents in families (KK) of about 3-4 persons, sex about
  50/50 (the region's published male share), an age pyramid, desil 1-10 per family with a share unknown, plus persons
  still listed but marked deceased or moved; a few percent first registered in another regency (moved in), invalid
  NIKs (wrong length, serial 0000, impossible date, unknown kecamatan), repeated rows, birth-date and sex mismatches.
- Participants (BPJS): enrolled residents (family segment depends on desil), persons marked deceased/moved who are
  still enrolled, and participants not in the registry (moved away, deceased and removed, a second NIK of a resident),
  so that participants / residents = ``coverage_pct`` and active / residents = ``activity_pct`` exactly (up to
  rounding). Inactive participants carry reasons; self-paying ones in arrears carry months of arrears.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from uhc_lib.inputs import reference
from uhc_lib.registry import areas

SEGMENTS = ("pbi_apbn", "pbpu_pemda", "ppu", "pbpu_mandiri", "bp")
SEGMENT_LABELS = ("PBI APBN", "PBPU Pemda", "PPU", "PBPU Mandiri", "BP")
# segment probabilities of a family by desil group: 1-4, 5-6, 7-10, unknown
SEGMENT_BY_DESIL = np.array(
    [
        [0.75, 0.15, 0.04, 0.05, 0.01],
        [0.35, 0.30, 0.15, 0.18, 0.02],
        [0.05, 0.10, 0.45, 0.32, 0.08],
        [0.20, 0.25, 0.25, 0.25, 0.05],
    ]
)
FAMILY_SIZES = np.array([1, 2, 3, 4, 5, 6, 7, 8])
FAMILY_SIZE_SHARES = np.array([0.10, 0.17, 0.23, 0.24, 0.15, 0.07, 0.03, 0.01])
# share of the population by 5-year age band 0-4 ... 90-94 (Indonesia-like pyramid)
AGE_BAND_SHARES = np.array(
    [8.0, 8.2, 8.3, 8.2, 8.0, 7.8, 7.6, 7.4, 7.0, 6.4, 5.7, 4.9, 3.9, 2.9, 1.9, 1.1, 0.6, 0.3, 0.1]
)
DESIL_SHARES = np.array([14, 13, 12, 11, 10, 9, 9, 8, 7, 7], dtype=float)
INVALID_KINDS = ("length", "serial", "date", "kecamatan")
FIRST_NAMES = np.array(["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi", "Indah", "Joko", "Kartini"])
LAST_NAMES = np.array(["Saputra", "Wijaya", "Lestari", "Santoso", "Rahmawati", "Hidayat", "Pratama", "Susanti"])
REFERENCE_DATE = dt.date(2024, 7, 25)


@dataclass(frozen=True)
class SyntheticExtracts:
    """Paths of the two generated files and the true counts used to build them (for tests)."""

    registry: Path
    participants: Path
    region_code: str
    residents: int
    counts: dict[str, int] = field(default_factory=dict)


def _ddmmyy(dates: np.ndarray, woman: np.ndarray | None = None) -> np.ndarray:
    """``DDMMYY`` as an integer (day + 40 for women) from datetime64[D] values."""
    years = dates.astype("datetime64[Y]").astype(np.int64) + 1970
    months = dates.astype("datetime64[M]").astype(np.int64) % 12 + 1
    days = (dates - dates.astype("datetime64[M]")).astype(np.int64) + 1
    if woman is not None:
        days = days + 40 * woman
    return days * 10_000 + months * 100 + years % 100


def _serials(group: np.ndarray) -> np.ndarray:
    """1, 2, 3 ... within each value of ``group`` (in order of appearance)."""
    order = np.argsort(group, kind="stable")
    sorted_group = group[order]
    starts = np.r_[True, sorted_group[1:] != sorted_group[:-1]]
    position = np.arange(len(group))
    first = np.maximum.accumulate(np.where(starts, position, 0))
    out = np.empty(len(group), dtype=np.int64)
    out[order] = position - first + 1
    return out


def _pick(rng: np.random.Generator, n: int, k: int, weights: np.ndarray | None = None) -> np.ndarray:
    """``k`` distinct indices of ``0..n-1``, weighted (Gumbel top-k), in ascending order."""
    k = int(min(max(k, 0), n))
    keys = rng.random(n) if weights is None else np.log(weights) + rng.gumbel(size=n)
    if k == 0:
        return np.empty(0, dtype=np.int64)
    return np.sort(np.argpartition(-keys, k - 1)[:k])


def _corrupt(nik: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    """NIKs (int64) made invalid by kind index (see :data:`INVALID_KINDS`); -1 kinds are left alone."""
    out = nik.copy()
    day = nik // 10**8 % 100
    kecamatan = nik // 10**10 % 100
    out = np.where(kinds == 0, nik // 10, out)  # 15 digits
    out = np.where(kinds == 1, nik - nik % 10_000, out)  # serial 0000
    out = np.where(kinds == 2, nik + (35 - day) * 10**8, out)  # day 35
    out = np.where(kinds == 3, nik - kecamatan * 10**10, out)  # kecamatan 00
    return out


def _repeats(values: np.ndarray) -> int:
    """How many values repeat an earlier one."""
    ordered = np.sort(values)
    return int((ordered[1:] == ordered[:-1]).sum())


def _mask(index: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    out[index] = True
    return out


def _text(values: np.ndarray, width: int = 0) -> pa.Array:
    strings = pa.array(values, type=pa.int64()).cast(pa.string())
    return pc.utf8_lpad(strings, width, "0") if width else strings


def _write(table: pa.Table, path: Path, fmt: str, chunk_rows: int = 500_000) -> None:
    if fmt == "parquet":
        low_cardinality = [
            f.name for f in table.schema if f.name not in ("nik", "no_kk", "nomor_kartu", "tanggal_lahir")
        ]
        with pq.ParquetWriter(path, table.schema, use_dictionary=low_cardinality) as writer:
            for start in range(0, max(table.num_rows, 1), chunk_rows):
                writer.write_table(table.slice(start, chunk_rows))
    else:
        with pacsv.CSVWriter(path, table.schema) as writer:
            for start in range(0, max(table.num_rows, 1), chunk_rows):
                writer.write_table(table.slice(start, chunk_rows))


def _male_share(region_code: str) -> float:
    pop = reference.population_semester_ii_2024().set_index("region_code")
    if region_code in pop.index:
        return float(pop.loc[region_code, "male"] / pop.loc[region_code, "population"])
    return 0.505


def generate_extracts(
    region_code: str,
    residents: int,
    dest_dir: str | Path,
    seed: int = 20240725,
    fmt: str = "parquet",
    coverage_pct: float = 100.71,
    activity_pct: float = 75.41,
    enrolled_pct: float = 96.0,
    deceased_pct: float = 1.0,
    moved_pct: float = 1.5,
    other_region_pct: float = 3.0,
    invalid_pct: float = 0.3,
    duplicate_pct: float = 0.2,
    birth_mismatch_pct: float = 0.5,
    sex_mismatch_pct: float = 0.05,
    desil_unknown_pct: float = 35.0,
) -> SyntheticExtracts:
    """Write a synthetic registry extract and participant extract of one region (all invented; see module doc).

    Args:
        region_code: kab/kota (``"17.07"`` Lebong) or province (``"17"``) whose kecamatan/desa codes are used.
        residents: living residents in the registry (the coverage denominator).
        dest_dir: folder for ``registry_<code>.<fmt>`` and ``participants_<code>.<fmt>``.
        seed: random seed; the same arguments give byte-identical files.
        fmt: ``"parquet"`` or ``"csv"`` (Indonesian headers in both).
        coverage_pct: participants (rows of the participant extract) per 100 residents.
        activity_pct: active participants per 100 residents.
        enrolled_pct: share of living residents enrolled, before trimming to reach ``coverage_pct``.
        deceased_pct, moved_pct: persons still in the registry but marked deceased / moved, per 100 residents.
        other_region_pct: persons whose NIK was issued in another regency (moved in).
        invalid_pct: rows of each extract whose NIK is made invalid (four kinds in turn).
        duplicate_pct: rows repeated (registry: a copied row; participants: a second card of the same NIK).
        birth_mismatch_pct, sex_mismatch_pct: registry rows whose birth date / sex column disagrees with the NIK.
        desil_unknown_pct: families without a desil.

    Returns:
        :class:`SyntheticExtracts` with the paths and the true counts.
    """
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"fmt must be 'parquet' or 'csv', got {fmt!r}")
    if residents < 1:
        raise ValueError(f"residents must be at least 1, got {residents}")
    villages = areas.desa(region_code)
    if villages.empty:
        raise ValueError(f"no desa codes known for region {region_code!r}")
    rng = np.random.default_rng(seed)
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    pct = lambda share, base: int(round(share / 100 * base))  # noqa: E731
    counts: dict[str, int] = {"residents": residents}

    # ---------------------------------------------------------------- how many of each
    n_deceased, n_moved = pct(deceased_pct, residents), pct(moved_pct, residents)
    n_registry_persons = residents + n_deceased + n_moved
    participants = pct(coverage_pct, residents)
    active = min(pct(activity_pct, residents), participants)
    participant_dups = pct(duplicate_pct / 2, participants)
    marked_enrolled = int(round(0.9 * (n_deceased + n_moved)))
    alive_target = pct(enrolled_pct, residents)
    outside = max(participants - participant_dups - alive_target - marked_enrolled, 0)
    alive_enrolled = max(participants - participant_dups - marked_enrolled - outside, 0)
    outside_moved, outside_deceased = int(round(0.4 * outside)), int(round(0.3 * outside))
    outside_second = outside - outside_moved - outside_deceased

    # ---------------------------------------------------------------- families and places
    mean_size = float(FAMILY_SIZES @ FAMILY_SIZE_SHARES)
    sizes = rng.choice(FAMILY_SIZES, size=int(n_registry_persons / mean_size * 1.2) + 10, p=FAMILY_SIZE_SHARES)
    ends = np.cumsum(sizes)
    n_families = int(np.searchsorted(ends, n_registry_persons) + 1)
    sizes = sizes[:n_families]
    sizes[-1] -= ends[n_families - 1] - n_registry_persons
    family_of = np.repeat(np.arange(n_families), sizes)
    village_weights = rng.lognormal(0.0, 0.8, len(villages))
    family_village = rng.choice(len(villages), size=n_families, p=village_weights / village_weights.sum())
    family_village.sort()  # the extract lists families village by village
    desa_code = villages["desa_code"].to_numpy()
    kec_digits = np.array([int(c.replace(".", "")) for c in villages["kecamatan_code"]], dtype=np.int64)
    family_desil = rng.choice(np.arange(1, 11), size=n_families, p=DESIL_SHARES / DESIL_SHARES.sum())
    family_desil = np.where(rng.random(n_families) < desil_unknown_pct / 100, 0, family_desil)

    # ---------------------------------------------------------------- people (registry persons + outside participants)
    n_people = n_registry_persons + outside
    woman = rng.random(n_people) >= _male_share(region_code)
    band = rng.choice(len(AGE_BAND_SHARES), size=n_people, p=AGE_BAND_SHARES / AGE_BAND_SHARES.sum())
    age_days = (band * 5 * 365.25 + rng.random(n_people) * 5 * 365.25).astype(np.int64)
    birth = np.datetime64(REFERENCE_DATE, "D") - age_days
    home_kec = np.empty(n_people, dtype=np.int64)
    home_kec[:n_registry_persons] = kec_digits[family_village[family_of]]
    home_kec[n_registry_persons:] = kec_digits[rng.integers(0, len(villages), outside)]
    second = np.arange(n_registry_persons + outside_moved + outside_deceased, n_people)
    twin = rng.integers(0, residents, len(second))  # a resident who got a second NIK
    woman[second], birth[second] = woman[twin], birth[twin]
    prefix = home_kec.copy()
    region_kec = np.unique(kec_digits)
    elsewhere_in_region = rng.random(n_people) < 0.10
    prefix[elsewhere_in_region] = rng.choice(region_kec, int(elsewhere_in_region.sum()))
    foreign_pool = np.array(
        [int(c.replace(".", "")) for c in sorted(areas.kecamatan_codes()) if not c.startswith(region_code + ".")]
    )
    foreign = rng.random(n_people) < other_region_pct / 100
    prefix[foreign] = rng.choice(foreign_pool, int(foreign.sum()))
    date_part = _ddmmyy(birth, woman)
    serial = _serials(prefix * 1_000_000 + date_part)
    nik = prefix * 10**10 + date_part * 10_000 + serial

    # ---------------------------------------------------------------- registry rows
    issue = np.datetime64("2005-01-01") + rng.integers(0, 7000, n_families).astype("timedelta64[D]")
    family_kec = kec_digits[family_village]
    kk_date = _ddmmyy(issue)
    kk = family_kec * 10**10 + kk_date * 10_000 + _serials(family_kec * 1_000_000 + kk_date)
    reg = np.arange(n_registry_persons)
    residency = np.zeros(n_registry_persons, dtype=np.int8)  # 0 alive, 1 deceased, 2 moved
    marked = _pick(rng, n_registry_persons, n_deceased + n_moved)
    residency[marked[rng.permutation(len(marked)) < n_deceased]] = 1
    residency[marked] = np.where(residency[marked] == 1, 1, 2)
    reg_sex_woman = woman[reg].copy()
    sex_flip = _pick(rng, n_registry_persons, pct(sex_mismatch_pct, n_registry_persons))
    reg_sex_woman[sex_flip] = ~reg_sex_woman[sex_flip]
    reg_birth = birth[reg].copy()
    shifted = _pick(rng, n_registry_persons, pct(birth_mismatch_pct, n_registry_persons))
    reg_birth[shifted] += rng.integers(1, 400, len(shifted)) * rng.choice([-1, 1], len(shifted))
    reg_kind = np.full(n_registry_persons, -1)
    bad = _pick(rng, n_registry_persons, pct(invalid_pct, n_registry_persons))
    reg_kind[bad] = np.arange(len(bad)) % len(INVALID_KINDS)
    reg_nik = _corrupt(nik[reg], reg_kind)
    # repeated rows: copies of valid rows, placed after their original
    n_dups = pct(duplicate_pct, n_registry_persons)
    dup_of = _pick(rng, n_registry_persons, n_dups, weights=np.where(reg_kind < 0, 1.0, 1e-300))
    order_key = np.r_[reg.astype(float), dup_of + 0.5 + rng.random(n_dups) * (n_registry_persons - dup_of)]
    rows = np.r_[reg, dup_of][np.argsort(order_key, kind="stable")]
    valid_row = reg_kind[rows] < 0
    counts |= {
        "registry_rows": len(rows),
        "registry_persons": n_registry_persons,
        "marked_deceased": int((residency == 1).sum()),
        "marked_moved": int((residency == 2).sum()),
        "registry_duplicates": n_dups,
        "registry_other_region": int((foreign[rows] & valid_row).sum()),
        "registry_birth_date_mismatch": int(_mask(shifted, n_registry_persons)[rows][valid_row].sum()),
        "registry_sex_mismatch": int(_mask(sex_flip, n_registry_persons)[rows][valid_row].sum()),
        **{f"registry_invalid_{k}": int((reg_kind[rows] == i).sum()) for i, k in enumerate(INVALID_KINDS)},
    }
    registry = pa.table(
        {
            "nik": _text(reg_nik[rows]),
            "no_kk": _text(kk[family_of[rows]]),
            "nama": _names(rng, len(rows)),
            "jenis_kelamin": _labels("LP", reg_sex_woman[rows].astype(np.int8)),
            "tanggal_lahir": pa.array(reg_birth[rows], type=pa.date32()),
            "kode_kecamatan": _labels(villages["kecamatan_code"], family_village[family_of[rows]]),
            "kode_desa": _labels(desa_code, family_village[family_of[rows]]),
            "desil": pa.array(family_desil[family_of[rows]], type=pa.int8(), mask=family_desil[family_of[rows]] == 0),
            "status_penduduk": _labels(["hidup", "meninggal", "pindah"], residency[rows]),
        }
    )
    registry_path = dest_dir / f"registry_{region_code.replace('.', '_')}.{fmt}"
    _write(registry, registry_path, fmt)
    del registry

    # ---------------------------------------------------------------- participants
    alive = np.flatnonzero(residency == 0)
    enrolled_alive = alive[_pick(rng, len(alive), alive_enrolled)]
    enrolled_marked = marked[_pick(rng, len(marked), marked_enrolled)]
    persons = np.r_[enrolled_alive, enrolled_marked, np.arange(n_registry_persons, n_people)]
    persons = np.r_[persons, persons[_pick(rng, len(persons), participant_dups)]]
    category = np.zeros(len(persons), dtype=np.int8)  # 0 resident, 1 marked deceased, 2 marked moved,
    in_registry = persons < n_registry_persons  # 3 moved away, 4 deceased removed, 5 second NIK
    category[in_registry] = residency[persons[in_registry]]
    category[~in_registry] = 3 + np.searchsorted(
        [outside_moved, outside_moved + outside_deceased], persons[~in_registry] - n_registry_persons, side="right"
    )
    desil_p = np.where(in_registry, family_desil[family_of[np.minimum(persons, n_registry_persons - 1)]], 0)
    group = np.select([(desil_p >= 1) & (desil_p <= 4), (desil_p >= 5) & (desil_p <= 6), desil_p >= 7], [0, 1, 2], 3)
    family_key = np.where(in_registry, family_of[np.minimum(persons, n_registry_persons - 1)], -1 - persons)
    draw = rng.random(n_families + n_people + 1)[np.where(family_key >= 0, family_key, n_families - family_key)]
    segment = (draw[:, None] > np.cumsum(SEGMENT_BY_DESIL, axis=1)[group][:, :-1]).sum(axis=1)
    klass = np.full(len(persons), 3, dtype=np.int8)
    u = rng.random(len(persons))
    klass = np.where(segment == 2, np.where(u < 0.4, 1, 2), klass)
    klass = np.where(segment == 3, np.select([u < 0.1, u < 0.3], [1, 2], 3), klass)
    klass = np.where(segment == 4, np.where(u < 0.5, 1, 2), klass)
    inactive_weight = np.select(
        [category == 4, category == 1, category == 5, category == 3, category == 2, segment == 3, segment == 1],
        [30.0, 12.0, 10.0, 6.0, 4.0, 4.0, 1.0],
        np.where(segment == 0, 0.6, 0.5),
    )
    inactive = np.zeros(len(persons), dtype=bool)
    inactive[_pick(rng, len(persons), len(persons) - active, inactive_weight)] = True
    reasons = ["", "meninggal", "pindah", "data_ganda", "pbi_dinonaktifkan", "lainnya", "phk", "menunggak"]
    by_segment = np.array([4, 5, 6, 7, 7])[segment]
    reason = np.select(
        [(category == 1) | (category == 4), (category == 2) | (category == 3), category == 5], [1, 2, 3], by_segment
    )
    reason = np.where(inactive, reason, 0)
    arrears = np.where(reason == 7, 1 + rng.geometric(0.12, len(persons)).clip(max=119), 0)
    p_kind = np.full(len(persons), -1)
    p_bad = _pick(rng, len(persons), pct(invalid_pct, len(persons)))
    p_kind[p_bad] = np.arange(len(p_bad)) % len(INVALID_KINDS)
    shuffle = rng.permutation(len(persons))
    cards = 1_000_000_000 + np.cumsum(rng.integers(1, 40, len(persons)))
    participant_valid = p_kind[shuffle] < 0
    counts |= {
        "participants": len(persons),
        "active": int((~inactive).sum()),
        "participants_in_registry": int(in_registry.sum()),
        "participant_duplicates": _repeats(persons[shuffle][participant_valid]),
        "outside_moved": outside_moved,
        "outside_deceased": outside_deceased,
        "outside_second_nik": outside_second,
        "participants_other_region": int((foreign[persons[shuffle]] & participant_valid).sum()),
        **{f"participants_segment_{s}": int((segment == i).sum()) for i, s in enumerate(SEGMENTS)},
        **{f"participants_invalid_{k}": int((p_kind == i).sum()) for i, k in enumerate(INVALID_KINDS)},
    }
    table = pa.table(
        {
            "nik": _text(_corrupt(nik[persons], p_kind)[shuffle]),
            "nomor_kartu": _text(cards, 13),
            "nama": _names(rng, len(persons)),
            "segmen": _labels(SEGMENT_LABELS, segment[shuffle]),
            "kelas": pa.array(klass[shuffle], type=pa.int8()),
            "status": _labels(["aktif", "nonaktif"], inactive[shuffle].astype(np.int8)),
            "alasan_nonaktif": _labels(reasons, reason[shuffle]),
            "bulan_tunggakan": pa.array(arrears[shuffle], type=pa.int16()),
        }
    )
    participants_path = dest_dir / f"participants_{region_code.replace('.', '_')}.{fmt}"
    _write(table, participants_path, fmt)
    return SyntheticExtracts(registry_path, participants_path, region_code, residents, counts)


def _names(rng: np.random.Generator, n: int) -> pa.Array:
    first = _labels(FIRST_NAMES, rng.integers(0, len(FIRST_NAMES), n))
    last = _labels(LAST_NAMES, rng.integers(0, len(LAST_NAMES), n))
    return pc.binary_join_element_wise(first, last, " ")


def _labels(labels, index: np.ndarray) -> pa.Array:
    """``labels[index]`` as an Arrow string array (fast for few labels and many rows)."""
    return pa.array(list(labels), type=pa.string()).take(pa.array(index))
