"""Findings sentences, checked against figures computed by hand."""

import pandas as pd
import pytest

from uhc_lib.analysis import budget, national_budget, scenarios
from uhc_lib.analysis.brief import Target
from uhc_lib.analysis.peers import ProvincePeers, Quadrants
from uhc_lib.render.text import findings

DEC = pd.Period("2024-12", "M")


def _table(reached: list, yearly: list[int], names: list[str]) -> pd.DataFrame:
    col = scenarios.reached_column(2025, "prioritas")
    return pd.DataFrame(
        {"scenario": names, "horizon_months": 24, col: reached, "regency_yearly_rp": yearly, "regency_first_year_rp": 0}
    )


@pytest.fixture(scope="module")
def national(panel):
    from uhc_lib.rules.indicators import indicators

    return national_budget.national_enrolment(indicators(panel[panel["period"] == DEC]), DEC)


def test_budget_scenarios_cianjur_in_indonesian(cianjur, national):
    b = budget.budget_to_target(cianjur)
    table = _table([None, pd.Period("2025-12", "M"), pd.Period("2026-03", "M")], [0, 5, 7], ["A", "B", "C"])
    found = findings.budget_scenarios(b, table, national, "Kabupaten Cianjur", "id")
    assert found[0] == (
        "Untuk memenuhi UHC Prioritas (cakupan kepesertaan minimal 98 persen dan keaktifan minimal 80 persen), "
        "Kabupaten Cianjur perlu mendaftarkan 52.298 jiwa sebagai PBPU Pemda: 52.298 jiwa × Rp42.000 × 12 bulan = "
        "Rp26.358.192.000 per tahun; bila 243.179 peserta nonaktif yang juga diperlukan diaktifkan kembali atas biaya "
        "Pemda, biaya Pemda menjadi Rp139,3 miliar per tahun."
    )
    assert found[1] == (
        "Dari 3 skenario, 2 mencapai UHC Prioritas dalam 24 bulan; yang tercepat, pada Desember 2025: “B” (Rp5 per "
        "tahun), biaya Pemda setelah semua langkahnya berjalan."
    )
    own = national.region("32.03")
    assert f"{national.n_below} dari 514 kabupaten/kota berada di bawah cakupan 98 persen" in found[2]
    assert f"peringkat {own['cost_rank']} dari 514" in found[2] and "(Rp26,4 miliar)" in found[2]


def test_budget_scenarios_ties_and_none_in_english(cianjur, national):
    b = budget.budget_to_target(cianjur)
    dec = pd.Period("2025-12", "M")
    tie = findings.budget_scenarios(b, _table([dec, dec], [10, 20], ["A", "B"]), national, "Kab. X", "en")[1]
    assert tie == (
        "Of 2 scenarios, 2 reach UHC Prioritas within 24 months; the first, in December 2025: “A” (IDR 10 a year) and "
        "“B” (IDR 20 a year), the regency's cost once all levers are in place."
    )
    none = findings.budget_scenarios(b, _table([None], [0], ["A"]), national, "Kab. X", "en")
    assert none[1] == "None of the 1 scenarios reaches UHC Prioritas within 24 months."
    assert "52,298 × IDR 42,000 × 12 months = IDR 26,358,192,000 a year" in none[0]
    assert "ranks 17th of 514" in none[2]


def _target(cov_reached, act_reached) -> Target:
    return Target(2025, "prioritas", "UHC Prioritas (x)", "UHC Prioritas (x)", 98.0, 80.0, False, 10, 20, 10,
                  cov_reached, act_reached)  # fmt: skip


def test_pace_models():
    baseline = _table([None], [0], ["Current pace"]).iloc[0]
    en = findings.pace_models(_target(pd.Period("2026-07", "M"), None), baseline, "en")
    assert en == (
        "The brief's projection (percentage points a month) reaches the coverage minimum in July 2026 and the "
        "activity minimum in never (its pace is flat or falling); the scenario model (persons a month, population "
        "held) does not reach UHC Prioritas within 24 months."
    )
    baseline = _table([pd.Period("2026-01", "M")], [0], ["Laju"]).iloc[0]
    idn = findings.pace_models(_target(pd.Period("2025-03", "M"), pd.Period("2026-02", "M")), baseline, "id")
    assert idn.endswith("model skenario (laju jiwa per bulan, jumlah penduduk tetap) mencapai UHC Prioritas pada "
                        "Januari 2026.")  # fmt: skip
    assert "batas cakupan pada Maret 2025 dan batas keaktifan pada Februari 2026" in idn


def _ineq(metric, names, best, worst, **extra):
    return {"metric": metric, "best_name": names[0], "best_pct": best, "worst_name": names[1], "worst_pct": worst,
            "difference": best - worst, **extra}  # fmt: skip


def test_national_overview_by_hand():
    counts = pd.DataFrame({"quadrant": ["both", "coverage_only", "activity_only", "neither"], "count": [5, 2, 1, 2]})
    q = Quadrants(pd.Period("2025-12", "M"), 2025, "prioritas", 98.0, 80.0, pd.DataFrame(), counts)
    summary = pd.DataFrame(
        {
            "province_code": ["11", "17", "32"],
            "province_name": ["Aceh", "Bengkulu", "Jawa Barat"],
            "quadrant": ["both", "neither", "both"],
            "n_regions": [3, 3, 4],
            "n_both": [3, 0, 2],
            "share_both_pct": [100.0, 0.0, 50.0],
        }
    )
    nat = pd.DataFrame(
        [
            {"between": "provinces", "n": 3, **_ineq("activity_pct", ["Aceh", "Bengkulu"], 84.126, 74.114)},
            {"between": "regions", "n": 10, **_ineq("activity_pct", ["Kota A", "Kab. B"], 90.0, 48.1)},
            {"between": "regions", "n": 10, **_ineq("coverage_pct", ["Kota A", "Kab. B"], 100.0, 60.0)},
        ]
    )
    within = pd.DataFrame(
        [
            {"province_code": "11", "province_name": "Aceh", **_ineq("activity_pct", ["Kota A", "Kab. C"], 86.0, 80.0)},
            {
                "province_code": "17",
                "province_name": "Bengkulu",
                **_ineq("activity_pct", ["Kota D", "Kab. B"], 83.35, 48.1),
            },  # fmt: skip
            {"province_code": "32", "province_name": "Jawa Barat", **_ineq("activity_pct", ["E", "F"], 82.0, 80.05)},
        ]
    )
    found = findings.national_overview(q, summary, nat, within, "en")
    assert found[0].startswith("In December 2025, of 10 regencies and cities, 5 met coverage of at least 98 percent")
    assert found[1] == (
        "On their pooled totals, 2 of 3 provinces meet both lines; in 1 provinces every kab/kota does. The smallest "
        "share is in Bengkulu: 0 of 3 kab/kota."
    )
    # printed values 84.13 and 74.11: their difference 10.02 is printed, not 10.012
    assert found[2] == (
        "Between provinces, activity ranges from Bengkulu (74.11 percent) to Aceh (84.13 percent), a difference of "
        "10.02 percentage points; between the 10 kab/kota from Kab. B (48.1 percent) to Kota A (90 percent), "
        "41.9 percentage points."
    )
    assert found[3] == (
        "The widest range of activity within a province is in Bengkulu: 35.25 percentage points between Kab. B "
        "(48.1 percent) and Kota D (83.35 percent); the narrowest in Jawa Barat (1.95 percentage points)."
    )
    idn = findings.national_overview(q, summary, nat, within, "id")
    assert (
        "antara 10 kabupaten/kota dari Kab. B (48,1 persen) sampai Kota A (90 persen), selisih 41,9 poin persen"
        in (idn[2])
    )


def test_province_deep_dive_by_hand():
    pp = ProvincePeers("17", "Bengkulu", pd.Period("2025-12", "M"), 2025, 98.0, 80.0, 99.334, 80.366, pd.DataFrame())
    ineq = pd.DataFrame(
        [
            {"province_name": "Bengkulu", "n": 3, "pooled_pct": 99.334, "ratio": 1.04, "mdm": 0.9, "idis": 1.0,
             **_ineq("coverage_pct", ["Kab. A", "Kab. B"], 102.63, 98.35)},
            {"province_name": "Bengkulu", "n": 3, "pooled_pct": 80.366, "ratio": 1.1291, "mdm": 2.2389, "idis": 3.0,
             **_ineq("activity_pct", ["Kab. C", "Kota D"], 86.99, 77.05)},
        ]
    )  # fmt: skip
    table = pd.DataFrame(
        {
            "region_code": ["17.01", "17.02", "17.71"],
            "region_name": ["Kab. C", "Kab. A", "Kota D"],
            "meets_prioritas": [True, False, False],
            "enrol_needed": [0, 5, 0],
            "activate_needed": [0, 247, 10_224],
            "reactivate_needed": [0, 242, 10_224],
        }
    )
    table.attrs["criterion"] = "prioritas"
    found = findings.province_deep_dive(pp, ineq, table, "id")
    assert found[0] == (
        "Pada Desember 2025, 1 dari 3 kabupaten/kota di Bengkulu memenuhi UHC Prioritas; cakupan gabungan 99,33 "
        "persen dan keaktifan gabungan 80,37 persen."
    )
    assert found[2] == (
        "Ukuran ketimpangan keaktifan: selisih (D) 9,94 poin persen, rasio (R) 1,13, rata-rata selisih dari "
        "rata-rata provinsi berbobot penduduk (MDM) 2,24 poin persen, indeks disparitas (IDIS) 3 persen; untuk "
        "cakupan selisihnya 4,28 poin persen."
    )
    assert found[3] == (
        "Agar semua kabupaten/kota memenuhi UHC Prioritas, 5 jiwa perlu didaftarkan dan 10.471 jiwa lagi perlu aktif "
        "(10.466 di antaranya dari pengaktifan kembali peserta nonaktif); kekurangan peserta aktif terbesar di Kota D "
        "(10.224 jiwa)."
    )
    done = table.assign(enrol_needed=0, activate_needed=0, reactivate_needed=0)
    done.attrs["criterion"] = "prioritas"
    assert findings.province_deep_dive(pp, ineq, done, "en")[3] == "Every kab/kota already meets UHC Prioritas."
