"""Sentences and tables of the registry-matching notebook on the hand-made case of ``tests/registry/helpers.py``
(hand counts in the docstring of ``test_worklist.py``): exact strings in Indonesian and English, nothing a table hides
printed in a sentence, and no raw NIK, KK, card number or name in any text."""

import json
import re

import matplotlib.pyplot as plt
import pytest

from tests.registry.helpers import build
from uhc_lib.registry import areas, registry_charts, worklist
from uhc_lib.registry import registry_text as text


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    return build(tmp_path_factory.mktemp("registry_text"))


@pytest.fixture(scope="module")
def figures(case):
    return worklist.key_figures(case.result)


def test_headline(figures):
    assert text.headline(figures) == (
        "Data peserta memuat 1.137 catatan untuk 1.058 penduduk hidup dalam registrasi: cakupan 107,47 persen. "
        "Hanya 585 catatan yang aktif, 55,29 persen dari penduduk (aktif / penduduk). Setelah dipadankan orang per "
        "orang, 47,54 persen penduduk memiliki catatan JKN dan 43,76 persen memiliki catatan yang aktif."
    )
    assert text.headline(figures, "en") == (
        "The participant extract holds 1,137 records for 1,058 alive residents in the registry: coverage of 107.47 "
        "percent. Only 585 records are active, 55.29 percent of residents (active / population). Matched person by "
        "person, 47.54 percent of residents have a JKN record and 43.76 percent an active one."
    )


def test_excess(case, figures):
    sup = worklist.not_resident_counts(case.result)
    assert text.excess(figures, sup) == (
        "Catatan peserta 79 lebih banyak daripada penduduk hidup. Ini bukan berarti semua penduduk terlindungi dan "
        "ada kelebihan: 634 catatan tidak didukung penduduk hidup di kabupaten ini (14 meninggal dan * pindah menurut "
        "registrasi, 12 catatan ganda untuk NIK yang sama, 600 NIK tidak ada di registrasi sama sekali, * NIK tidak "
        "valid), sementara 555 penduduk hidup belum memiliki catatan JKN. Catatan tanpa penduduk dikurangi penduduk "
        "tanpa catatan = 79."
    )
    assert text.excess(figures, worklist.not_resident_counts(case.result, lang="en"), "en") == (
        "There are 79 more participant records than alive residents. This is not everyone insured plus extra: 634 "
        "records have no alive resident of the regency behind them (14 deceased and * moved according to the "
        "registry, 12 duplicate records of one NIK, 600 NIKs not in the registry at all, * invalid NIKs), while 555 "
        "alive residents have no JKN record. Records without a resident minus residents without a record = 79."
    )
    fewer = figures | {"participants_minus_residents": -1499}
    assert text.excess(fewer, sup).startswith("Catatan peserta 1.499 lebih sedikit daripada penduduk hidup.")
    assert text.excess(fewer, sup).endswith("penduduk tanpa catatan = -1.499.")
    assert text.excess(fewer, sup, "en").startswith("There are 1,499 fewer participant records")


def test_findings_in_indonesian(figures):
    assert text.findings(figures) == [
        "Cakupan 107,47 persen melebih-lebihkan perlindungan: 555 penduduk hidup belum memiliki catatan JKN dan 40 "
        "hanya memiliki catatan yang tidak aktif.",
        # moved/active is hidden in the not-resident table: the sentence prints its marker, not "kurang dari 10"
        "14 catatan orang yang menurut registrasi sudah meninggal, dan * catatan orang yang sudah pindah, masih aktif: "
        "perlu dibersihkan bersama BPJS Kesehatan sebelum cakupan dihitung.",
        # 6 PBPU Pemda: in no table, so worded; their cost (6 x Rp504.000) would give the 6 away
        "Kurang dari 10 di antara yang meninggal adalah peserta PBPU Pemda yang masih aktif: iurannya dibayar Pemda, "
        "kurang dari Rp5.040.000 setahun.",
        # deciles 1-4 (501) = the running total after decile 4, which the worklist table hides
        "Mendaftarkan semua penduduk yang belum terdaftar sebagai PBPU Pemda memerlukan Rp279.720.000 setahun "
        "(555 jiwa x Rp504.000); desil 1-4 saja (* jiwa) memerlukan *.",
        # 25 in arrears: hidden in the inactive table to protect the 3 inactive without a reason
        "* penduduk yang tidak aktif adalah peserta mandiri yang menunggak: Pemda dapat mengambil alih iurannya "
        "(PBPU Pemda) bila mereka termasuk miskin.",
    ]


def test_findings_in_english(figures):
    assert text.findings(figures, "en") == [
        "Coverage of 107.47 percent overstates protection: 555 alive residents have no JKN record and 40 have only "
        "an inactive one.",
        "14 records of persons the registry lists as deceased, and * of persons listed as moved, are still active: "
        "clean them with BPJS Kesehatan before counting coverage.",
        "Fewer than 10 of the deceased are active PBPU Pemda participants: premiums paid by the regency, less than "
        "IDR 5,040,000 a year.",
        "Enrolling every resident without a record as PBPU Pemda costs IDR 279,720,000 a year (555 people at "
        "IDR 504,000); the poorest deciles 1-4 alone (* people) cost *.",
        "* inactive residents are self-paying participants in arrears: the regency can take over their premiums "
        "(PBPU Pemda) where they are poor.",
    ]


def test_findings_print_exact_figures_when_no_table_hides_them(figures):
    k = figures | {"hidden": (), "deceased_active_pemda": 11, "deceased_active_pemda_cost": 11 * 504_000}
    k |= {"deceased_active": 3, "moved_active": 0, "poor_persons": 855, "poor_cost": 430_920_000}
    out = text.findings(k)
    assert out[1].startswith("Kurang dari 10 catatan orang yang menurut registrasi sudah meninggal, dan 0 catatan")
    assert out[2] == (
        "11 di antara yang meninggal adalah peserta PBPU Pemda yang masih aktif: iurannya dibayar Pemda, hingga "
        "Rp5.544.000 setahun."
    )
    assert out[3].endswith("desil 1-4 saja (855 jiwa) memerlukan Rp430.920.000.")
    assert out[4].startswith("25 penduduk yang tidak aktif")
    assert text.findings(k, "en")[2].endswith("premiums paid by the regency, up to IDR 5,544,000 a year.")
    none_paid = text.findings(k | {"deceased_active_pemda": 0})
    assert len(none_paid) == 4 and not any("PBPU Pemda yang masih aktif" in s for s in none_paid)
    for sentence in text.findings(k) + text.findings(k, "en") + text.findings(figures) + text.findings(figures, "en"):
        assert sentence[0].isupper() or sentence[0].isdigit() or sentence[0] == "*", sentence


def test_validation(case):
    sup = worklist.exclusion_counts(case.result)
    assert text.validation(sup) == (
        "Sebelum dipadankan, 13 baris registrasi dan 15 baris data peserta dikeluarkan (NIK tidak valid, atau NIK "
        "yang sama berulang). NIK yang diterbitkan di daerah lain, atau yang tanggalnya berbeda dengan tanggal lahir, "
        "adalah wajar (NIK tidak pernah berubah) dan tetap dipakai."
    )
    assert text.validation(sup, "en").startswith(
        "Before matching, 13 registry rows and 15 participant rows were left out"
    )


def test_area_table(case):
    names = areas.area_names("17.07")
    assert text.area_table(worklist.area_counts(case.result), names) == "\n".join(
        [
            "| Wilayah | Penduduk hidup | Terdaftar, aktif | Terdaftar, tidak aktif | Belum terdaftar |",
            "|---|---:|---:|---:|---:|",
            "| Kabupaten Lebong (17.07) | 1.058 | 463 | 40 | 555 |",
            "| Lebong Utara (17.07.01) | 907 | 363 | 28 | 516 |",
            "| Lebong Atas (17.07.02) | 151 | 100 | 12 | 39 |",
        ]
    )
    english = text.area_table(worklist.area_counts(case.result, lang="en"), names, "en").splitlines()
    assert english[0] == "| Area | Alive residents | Enrolled, active | Enrolled, inactive | Not enrolled |"
    assert english[2] == "| Kabupaten Lebong (17.07) | 1,058 | 463 | 40 | 555 |"


def test_worklist_table(case):
    assert text.worklist_table(worklist.worklist_counts(case.result)) == "\n".join(
        [
            "| Desil kesejahteraan | Jiwa | Keluarga (KK) | Iuran PBPU Pemda setahun | Jiwa kumulatif "
            "| Iuran kumulatif setahun |",
            "|---|---:|---:|---:|---:|---:|",
            "| Desil 1 | 300 | 100 | Rp151.200.000 | 300 | Rp151.200.000 |",
            "| Desil 2 | * | * | * | * | * |",
            "| Desil 3 | 150 | 50 | Rp75.600.000 | * | * |",
            "| Desil 4 | 45 | 15 | Rp22.680.000 | * | * |",
            "| Desil 7 | 30 | 10 | Rp15.120.000 | * | * |",
            "| Desil tidak diketahui | * | * | * | 555 | Rp279.720.000 |",
            "| **Jumlah** | 555 | 185 | Rp279.720.000 | 555 | Rp279.720.000 |",
        ]
    )
    english = text.worklist_table(worklist.worklist_counts(case.result, lang="en"), "en").splitlines()
    assert english[2] == "| Decile 1 | 300 | 100 | IDR 151,200,000 | 300 | IDR 151,200,000 |"
    assert english[-2] == "| Decile unknown | * | * | * | 555 | IDR 279,720,000 |"


def test_inactive_not_resident_and_exclusion_tables(case):
    r = case.result
    assert text.inactive_table(worklist.inactive_counts(r)).splitlines() == [
        "| Segmen | Menunggak iuran | PBI dinonaktifkan | Tidak diketahui | Jumlah |",
        "|---|---:|---:|---:|---:|",
        "| PBI APBN | 0 | * | 0 | * |",
        "| PBPU mandiri | * | 0 | * | * |",
        "| **Jumlah** | * | * | * | 40 |",
    ]
    assert text.not_resident_table(worklist.not_resident_counts(r, lang="en"), "en").splitlines() == [
        "| Reason | Active | Inactive | Total |",
        "|---|---:|---:|---:|",
        "| Deceased according to the registry | 14 | 0 | 14 |",
        "| Moved according to the registry | * | 0 | * |",
        "| Duplicate record (same NIK) | 0 | 12 | 12 |",
        "| Not in the registry | 100 | 500 | 600 |",
        "| Invalid NIK | * | 0 | * |",
        "| **Total** | 122 | 512 | 634 |",
    ]
    assert text.exclusions_table(worklist.exclusion_counts(r)).splitlines() == [
        "| Baris dikeluarkan | Registrasi penduduk | Data peserta JKN | Jumlah |",
        "|---|---:|---:|---:|",
        "| NIK tidak valid: bukan 16 digit | * | * | 14 |",
        "| Catatan ganda (NIK sama) | * | * | 14 |",
        "| **Jumlah** | 13 | 15 | 28 |",
    ]


def test_budget_sections_and_notes():
    assert text.budget(1, 200_000_000) == "Anggaran Rp200.000.000 setahun cukup untuk 1 desil pertama."
    assert text.budget(None, 100_000_000) == "Anggaran Rp100.000.000 setahun belum cukup untuk desil pertama."
    assert text.budget(3, 430_920_000, "en") == "A yearly budget of IDR 430,920,000 pays for the first 3 deciles."
    assert text.budget(None, 1_000, "en") == "A yearly budget of IDR 1,000 does not cover the first decile."
    worklist_section = text.section("worklist", premium="Rp42.000", yearly="Rp504.000")
    assert worklist_section.endswith("iuran PBPU Pemda kelas III Rp42.000 per jiwa per bulan (Rp504.000 setahun).")
    assert text.suppression_note(10, "*").startswith("`*` disembunyikan: jumlah 1 sampai 9, atau jumlah")
    assert text.suppression_note(5, "*", "en").startswith("`*` hidden: a count from 1 to 4, or a count hidden")
    assert text.title("Kabupaten Lebong") == "Pemadanan registrasi penduduk dengan data peserta JKN: Kabupaten Lebong"
    assert text.label("not_enrolled", "en") == "Not enrolled"


def _all_text(result, figures) -> list[str]:
    """Every string the worklist, text and chart modules produce for one match, in both languages."""
    names = areas.area_names(result.region_code)
    out = [json.dumps(worklist.summary(figures))]
    for lang in ("id", "en"):
        area = worklist.area_counts(result, lang=lang)
        desa = worklist.area_counts(result, level="desa", lang=lang)
        inactive = worklist.inactive_counts(result, lang=lang)
        not_resident = worklist.not_resident_counts(result, lang=lang)
        excluded = worklist.exclusion_counts(result, lang=lang)
        table = worklist.worklist_counts(result, lang=lang)
        out += [t.display.to_csv() for t in (area, desa, inactive, not_resident, excluded, table)]
        out += [
            text.title(names[result.region_code], lang),
            text.headline(figures, lang),
            text.excess(figures, not_resident, lang),
            *text.findings(figures, lang),
            text.validation(excluded, lang),
            text.area_table(area, names, lang),
            text.area_table(desa, names, lang),
            text.inactive_table(inactive, lang),
            text.not_resident_table(not_resident, lang),
            text.exclusions_table(excluded, lang),
            text.worklist_table(table, lang),
            text.budget(worklist.deciles_within_budget(table, 2e8), 2e8, lang),
            text.suppression_note(10, "*", lang),
            text.SYNTHETIC_NOTE[lang],
            *(
                text.section(
                    key, lang, premium="x", yearly="y", budget="b", deciles=1, files="f", workbook="w", tokens="t"
                )
                for key in text.SECTIONS[lang]
            ),
        ]
        fig = registry_charts.worklist_chart(table, lang, budget_rp=2e8, synthetic=True)
        fig.canvas.draw()
        out += [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
        plt.close(fig)
    return out


def test_no_raw_identifier_in_any_text(case, figures):
    texts = _all_text(case.result, figures)
    assert len(texts) > 60
    joined = "\n".join(texts)
    assert "1.058" in joined and "1,058" in joined  # the scan does read the produced text
    identifiers = case.niks | case.kks | case.cards
    # 1.077 registry persons + 11 invalid NIKs + 603 participants not in the registry; 435 + 11 families; 1.137 cards
    assert (len(case.niks), len(case.kks), len(case.cards)) == (1691, 446, 1137)
    assert not [i for i in identifiers if i in joined]
    assert not [n for n in case.names if n in joined]
    assert not re.findall(r"\d{13,}", joined)  # no run of digits as long as a card number, KK or NIK


def test_synthetic_note_in_plain_words():
    assert "adalah hasil simulasi proyek UHC Monitor" in text.SYNTHETIC_NOTE["id"]
    assert "dibangkit" not in text.SYNTHETIC_NOTE["id"]
    assert "simulated by the UHC Monitor project" in text.SYNTHETIC_NOTE["en"]
