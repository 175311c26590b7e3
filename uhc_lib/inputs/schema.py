"""The input schema of a JKN participation panel, and the problems a file can have.

One row per kabupaten/kota, month and (optionally) segment:

| column        | type            | meaning                                                            |
|---------------|-----------------|--------------------------------------------------------------------|
| `region_code` | text `NN.NN`    | Kemendagri kab/kota code, e.g. `17.07`; text, never a number        |
| `period`      | text `YYYY-MM`  | month of the figures                                               |
| `segment`     | text (optional) | `pbi_apbn`, `pbpu_pemda`, `ppu`, `pbpu_mandiri`, `bp` (or a label) |
| `population`  | whole number    | Dukcapil population used as denominator (same on every segment row) |
| `registered`  | whole number    | registered JKN participants                                        |
| `active`      | whole number    | active participants (contributions paid, not deactivated)          |

Without a `segment` column each row is the region's total. Indonesian headers (`kode_wilayah`, `periode`,
`segmen`, `penduduk`, `terdaftar`, `aktif`) are accepted too.

Optional sub-splits, blank on other rows, each adding up to its row's figure: on `ppu` rows `ppu_pn_registered`,
`ppu_pn_active`, `ppu_bu_registered`, `ppu_bu_active` (penyelenggara negara / badan usaha); on `pbpu_pemda` rows
`pemda_province_registered`, `pemda_regency_registered` (who pays: the province or the kab/kota); on `bp` rows
`bp_state_registered`, `bp_state_active`, `bp_other_registered`, `bp_other_active` (veterans, perintis kemerdekaan
and state pensioners, whose contributions the state pays or the pension deducts, against the other BP who pay the
flat class rates: FACTS §5).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from uhc_lib.common.problems import Problem
from uhc_lib.rules.indicators import ARREARS_COLUMN

if TYPE_CHECKING:
    import pandera.pandas as pa

REQUIRED_COLUMNS = ["region_code", "period", "population", "registered", "active"]
OPTIONAL_COLUMNS = ["segment", ARREARS_COLUMN]  # arrears: PBPU Pemda premium arrears in rupiah, blank = unknown

COUNT_COLUMNS = ["population", "registered", "active"]
SUBSPLIT_PARTS = {
    "ppu": {"pn": "ppu_pn", "bu": "ppu_bu"},
    "pbpu_pemda": {"province": "pemda_province", "regency": "pemda_regency"},
    "bp": {"state": "bp_state", "other": "bp_other"},
}
"""segment -> {part as segment_labels.csv names it: column prefix}."""
SUBSPLITS = {segment: list(parts.values()) for segment, parts in SUBSPLIT_PARTS.items()}
SUBSPLIT_ACTIVE = ("ppu", "bp")
"""Segments whose sub-splits also give active participants (the Pemda's payers split registered only)."""
DETAIL_COLUMNS = [
    f"{prefix}_{measure}"
    for segment, prefixes in SUBSPLITS.items()
    for prefix in prefixes
    for measure in (("registered", "active") if segment in SUBSPLIT_ACTIVE else ("registered",))
]
"""Optional sub-splits of a segment row (blank elsewhere), checked on reading; the budget prices by them (the
Pemda's payers share PBPU Pemda premiums, state-paid BP are not priced as mandiri)."""
INDONESIAN_NAMES = {
    "region_code": "kode_wilayah",
    "period": "periode",
    "segment": "segmen",
    "population": "penduduk",
    "registered": "terdaftar",
    "active": "aktif",
}
"""A required column named in Indonesian when the file's headers are Indonesian."""
KEY_COLUMNS = ["region_code", "period", "segment"]

COLUMN_ALIASES = {
    "kode_wilayah": "region_code",
    "kode": "region_code",
    "periode": "period",
    "bulan": "period",
    "segmen": "segment",
    "penduduk": "population",
    "jumlah_penduduk": "population",
    "terdaftar": "registered",
    "peserta_terdaftar": "registered",
    "aktif": "active",
    "peserta_aktif": "active",
    "tunggakan_pemda": "pemda_arrears_rp",
    "tunggakan_iuran_pemda": "pemda_arrears_rp",
    "tunggakan_pbpu_pemda": "pemda_arrears_rp",
    "pemda_arrears": "pemda_arrears_rp",
}


class PanelValidationError(ValueError):
    """Raised with every problem found in a panel file, not just the first."""

    def __init__(self, problems: list[Problem], limit: int = 50):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:limit])
        more = f"\n  ... and {len(problems) - limit} more" if len(problems) > limit else ""
        if len(problems) == 1 and problems[0].row is None:  # the file as a whole: one sentence naming it
            super().__init__(f"{problems[0]}.")
        else:
            super().__init__(f"{len(problems)} problem(s) in the input data:\n{shown}{more}")


def panel_schema(known_codes: frozenset[str], segments: list[str]) -> pa.DataFrameSchema:
    """Pandera schema of the typed, tidy panel (after parsing); checks are named so they map to messages."""
    import pandera.pandas as pa  # imported here: reading a cached, already validated panel does not need it

    count = {"nullable": False, "coerce": False}
    return pa.DataFrameSchema(
        {
            "region_code": pa.Column(str, pa.Check(lambda s: s.isin(known_codes), name="known_region")),
            "period": pa.Column("period[M]"),
            "segment": pa.Column(str, pa.Check(lambda s: s.isin([*segments, "total"]), name="known_segment")),
            "population": pa.Column("int64", pa.Check(lambda s: s > 0, name="population_positive"), **count),
            "registered": pa.Column("int64", pa.Check(lambda s: s >= 0, name="not_negative"), **count),
            "active": pa.Column("int64", pa.Check(lambda s: s >= 0, name="not_negative"), **count),
            ARREARS_COLUMN: pa.Column(
                "Int64", pa.Check(lambda s: s >= 0, name="not_negative"), nullable=True, required=False
            ),
            **{
                c: pa.Column("Int64", pa.Check(lambda s: s >= 0, name="not_negative"), nullable=True, required=False)
                for c in DETAIL_COLUMNS
            },
        },
        checks=[
            pa.Check(lambda df: df["active"] <= df["registered"], name="active_le_registered"),
        ],
        unique=KEY_COLUMNS,
        strict=True,
    )


CHECK_MESSAGES = {
    "known_region": "unknown kabupaten/kota code {value!r}",
    "known_segment": "unknown segment {value!r}",
    "population_positive": "population must be greater than zero (got {value})",
    "not_negative": "count must not be negative (got {value})",
}
