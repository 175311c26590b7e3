"""Synthetic extracts: deterministic, the requested coverage and activity, and known shares of every defect."""

import hashlib

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from uhc_lib.registry import areas, generate_extracts, prepare_participants, prepare_registry

KEY = b"test-key-0123456789abcdef"
RESIDENTS = 3000


@pytest.fixture(scope="module")
def lebong(tmp_path_factory):
    return generate_extracts("17.07", RESIDENTS, tmp_path_factory.mktemp("lebong"))


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path, lebong):
    again = generate_extracts("17.07", RESIDENTS, tmp_path / "a")
    other = generate_extracts("17.07", RESIDENTS, tmp_path / "b", seed=7)
    assert _digest(again.registry) == _digest(lebong.registry)
    assert _digest(again.participants) == _digest(lebong.participants)
    assert again.counts == lebong.counts
    assert _digest(other.registry) != _digest(lebong.registry)


def test_coverage_and_activity_reproduced(lebong):
    participants = pq.read_table(lebong.participants)
    assert participants.num_rows == round(1.0071 * RESIDENTS)  # 100.71 %
    active = pc.sum(pc.equal(participants.column("status"), "aktif")).as_py()
    assert active == round(0.7541 * RESIDENTS)  # 75.41 %
    registry = pq.read_table(lebong.registry)
    alive_rows = pc.sum(pc.equal(registry.column("status_penduduk"), "hidup")).as_py()
    assert alive_rows == RESIDENTS + lebong.counts["registry_duplicates"] - _repeated_marked(registry)


def _repeated_marked(registry):
    """Repeated rows of persons marked deceased/moved (the copies count under their status, not as alive)."""
    table = registry.to_pandas()
    repeated = table[table.duplicated("nik")]
    return int((repeated["status_penduduk"] != "hidup").sum())


@pytest.mark.parametrize(("coverage", "activity"), [(92.5, 60.0), (100.0, 100.0)])
def test_other_targets(tmp_path, coverage, activity):
    made = generate_extracts("17.07", 2000, tmp_path, coverage_pct=coverage, activity_pct=activity)
    table = pq.read_table(made.participants)
    assert table.num_rows == round(coverage / 100 * 2000)
    assert pc.sum(pc.equal(table.column("status"), "aktif")).as_py() == round(activity / 100 * 2000)


def test_prepare_finds_exactly_the_defects_put_in(tmp_path, lebong):
    counts = lebong.counts
    registry = prepare_registry(lebong.registry, tmp_path / "r.parquet", KEY, "17.07")
    assert registry.rows == counts["registry_rows"]
    assert registry.invalid_by_problem == {
        k: counts[f"registry_invalid_{k}"] for k in ("length", "kecamatan", "date", "serial")
    }
    assert registry.duplicates == counts["registry_duplicates"]
    assert registry.notes_by_kind == {
        "other_region": counts["registry_other_region"],
        "birth_date_mismatch": counts["registry_birth_date_mismatch"],
        "sex_mismatch": counts["registry_sex_mismatch"],
    }
    assert registry.area_issues == dict.fromkeys(registry.area_issues, 0)  # real codes, all inside Lebong
    participants = prepare_participants(lebong.participants, tmp_path / "p.parquet", KEY, "17.07")
    assert participants.rows == counts["participants"]
    assert participants.duplicates == counts["participant_duplicates"]
    assert participants.notes_by_kind == {"other_region": counts["participants_other_region"]}
    assert participants.invalid == sum(
        counts[f"participants_invalid_{k}"] for k in ("length", "kecamatan", "date", "serial")
    )


def test_shares_are_plausible(lebong):
    c = lebong.counts
    rows = c["registry_rows"]
    invalid = sum(c[f"registry_invalid_{k}"] for k in ("length", "kecamatan", "date", "serial"))
    assert 0.002 <= invalid / rows <= 0.004 and min(c[f"registry_invalid_{k}"] for k in ("length", "date")) >= 2
    assert 0.015 <= c["registry_other_region"] / rows <= 0.045
    assert 0.001 <= c["registry_duplicates"] / rows <= 0.004
    assert 0.01 <= (c["marked_deceased"] + c["marked_moved"]) / RESIDENTS <= 0.04
    pbi = c["participants_segment_pbi_apbn"] / c["participants"]
    assert 0.30 <= pbi <= 0.50
    assert all(c[f"participants_segment_{s}"] > 0 for s in ("pbpu_pemda", "ppu", "pbpu_mandiri", "bp"))
    assert c["outside_moved"] + c["outside_deceased"] + c["outside_second_nik"] > 0


def test_people_look_like_a_population(lebong):
    table = pq.read_table(lebong.registry).to_pandas()
    family_size = table.drop_duplicates("nik").groupby("no_kk").size()
    assert 3.0 <= family_size.mean() <= 4.5
    women = (table["jenis_kelamin"] == "P").mean()
    assert 0.44 <= women <= 0.54
    age = (np.datetime64("2024-07-25") - table["tanggal_lahir"].to_numpy().astype("datetime64[D]")).astype(int) / 365.25
    assert 25 <= age.mean() <= 38 and age.max() < 100 and (age < 15).mean() > 0.15
    assert 0.25 <= table["desil"].isna().mean() <= 0.45 and set(table["desil"].dropna()) == set(range(1, 11))
    desa = set(areas.desa("17.07")["desa_code"])
    assert set(table["kode_desa"]) <= desa and len(set(table["kode_desa"])) > 30
    sizes = table["kode_desa"].value_counts()
    assert sizes.max() > 3 * sizes.median()  # uneven villages
    niks = table["nik"][table["nik"].str.len() == 16]
    woman_by_nik = niks.str[6:8].astype(int) > 40
    agree = (woman_by_nik == (table.loc[niks.index, "jenis_kelamin"] == "P")).mean()
    assert agree > 0.99


def test_csv_format_has_the_same_content(tmp_path, lebong):
    made = generate_extracts("17.07", RESIDENTS, tmp_path, fmt="csv")
    assert made.counts == lebong.counts
    assert made.registry.suffix == ".csv" and made.registry.read_text().startswith('"nik","no_kk","nama"')
    report = prepare_registry(made.registry, tmp_path / "r.parquet", KEY, "17.07")
    assert report.duplicates == lebong.counts["registry_duplicates"]


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="fmt"):
        generate_extracts("17.07", 10, tmp_path, fmt="xlsx")
    with pytest.raises(ValueError, match="no desa codes"):
        generate_extracts("99.99", 10, tmp_path)
