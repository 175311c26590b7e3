"""Every shape of extract a health office can send produces the whole matching report: any mix of present and
absent inactive reasons, residency values (or no residency column), segments, deciles and areas, down to a
participant file with a header only. The pieces are those the registry notebook shows, in its order."""

import datetime as dt

import matplotlib.pyplot as plt
import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from uhc_lib.registry import areas, registry_charts, worklist
from uhc_lib.registry import registry_text as text
from uhc_lib.registry.extracts import prepare_participants, prepare_registry
from uhc_lib.registry.match import match

KEY = b"report-shapes-test-key-0123456789"
DESA = ["17.07.01.2002", "17.07.01.2005", "17.07.02.2001"]
RECORDS = [
    None,
    ("pbi_apbn", "aktif", ""),
    ("pbpu_pemda", "aktif", ""),
    ("ppu", "aktif", ""),
    ("pbpu_mandiri", "nonaktif", "menunggak"),
    ("pbi_apbn", "nonaktif", "pbi dinonaktifkan"),
    ("pbpu_pemda", "nonaktif", "dinonaktifkan pemda"),
    ("ppu", "nonaktif", "phk"),
    ("bp", "nonaktif", ""),
    ("pbpu_mandiri", "nonaktif", "meninggal"),
]
BLOCK = st.tuples(
    st.sampled_from(DESA),
    st.one_of(st.none(), st.integers(1, 10)),  # desil
    st.integers(1, 4),  # family size
    st.sampled_from(["hidup", "meninggal", "pindah"]),
    st.sampled_from(RECORDS),
)


def _extracts(blocks, residency_column: bool):
    registry, participants = [], []
    for b, (desa, desil, size, residency, record) in enumerate(blocks):
        kk = f"{desa[:8].replace('.', '')}9{b:09d}"
        for m in range(size):
            i = 10 * b + m + 1
            birth = dt.date(1960, 1, 1) + dt.timedelta(days=i * 97)
            nik = f"{desa[:8].replace('.', '')}{birth.day:02d}{birth.month:02d}{birth.year % 100:02d}{i:04d}"
            row = {
                "nik": nik,
                "no_kk": kk,
                "jenis_kelamin": "L",
                "tanggal_lahir": birth.isoformat(),
                "kode_kecamatan": desa[:8],
                "kode_desa": desa,
                "desil": "" if desil is None else str(desil),
            }
            if residency_column:
                row["status_penduduk"] = residency
            registry.append(row)
            if record is not None:
                segment, status, reason = record
                participants.append({"nik": nik, "nomor_kartu": f"{i:013d}", "segmen": segment, "kelas": "3",
                                     "status": status, "alasan_nonaktif": reason, "bulan_tunggakan": ""})  # fmt: skip
    columns = ["nik", "nomor_kartu", "segmen", "kelas", "status", "alasan_nonaktif", "bulan_tunggakan"]
    return pd.DataFrame(registry), pd.DataFrame(participants, columns=columns)


def _report(result, lang: str) -> list[str]:
    """The registry notebook's pieces, in its order (tables, sentences, the chart)."""
    threshold = 10
    figures = worklist.key_figures(result, threshold)
    names = areas.area_names("17.07")
    excluded = worklist.exclusion_counts(result, threshold, lang)
    not_resident = worklist.not_resident_counts(result, threshold, lang)
    deciles = worklist.worklist_counts(result, threshold, lang)
    pieces = [
        text.title(names["17.07"], lang),
        text.suppression_note(threshold, excluded.marker, lang),
        text.exclusions_table(excluded, lang),
        text.validation(excluded, lang),
        text.headline(figures, lang),
        text.area_table(worklist.area_counts(result, threshold, "kecamatan", lang), names, lang),
        text.excess(figures, not_resident, lang),
        text.not_resident_table(not_resident, lang),
        text.inactive_table(worklist.inactive_counts(result, threshold, lang), lang),
        text.worklist_table(deciles, lang),
        text.budget(worklist.deciles_within_budget(deciles, 5_000_000), 5_000_000, lang),
        *text.findings(figures, lang),
    ]
    plt.close(registry_charts.worklist_chart(deciles, lang, 5_000_000))
    worklist.summary(figures)
    return pieces


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(blocks=[(DESA[0], None, 2, "hidup", None)], residency_column=False, lang="id")  # header-only participants
@example(blocks=[(DESA[2], 1, 2, "meninggal", RECORDS[8])], residency_column=True, lang="id")  # no alive resident
@example(blocks=[(DESA[1], 3, 3, "hidup", RECORDS[1])], residency_column=True, lang="en")  # everyone enrolled
@example(blocks=[(DESA[0], 2, 2, "hidup", RECORDS[6])], residency_column=False, lang="id")  # deactivated by the Pemda
@given(
    blocks=st.lists(BLOCK, min_size=1, max_size=6), residency_column=st.booleans(), lang=st.sampled_from(["id", "en"])
)
def test_every_extract_shape_gives_a_report(tmp_path_factory, blocks, residency_column, lang):
    folder = tmp_path_factory.mktemp("shape")
    registry, participants = _extracts(blocks, residency_column)
    registry.to_csv(folder / "registrasi.csv", index=False)
    participants.to_csv(folder / "peserta.csv", index=False)  # may be a header only
    prepare_registry(folder / "registrasi.csv", folder / "registry.parquet", KEY, "17.07")
    prepare_participants(folder / "peserta.csv", folder / "participants.parquet", KEY, "17.07")
    result = match(
        folder / "registry.parquet",
        folder / "participants.parquet",
        premium_per_month=42_000,
        period="2024-07",
        region_code="17.07",
        out_dir=folder / "out",
        memory_limit="256MB",
        threads=1,
    )
    pieces = _report(result, lang)
    assert all(isinstance(p, str) and p for p in pieces)
    assert "Traceback" not in "".join(pieces) and "nan" not in " ".join(pieces).lower().split()
    residents = sum(size for _, _, size, residency, _ in blocks if residency == "hidup" or not residency_column)
    assert result.residents == residents
