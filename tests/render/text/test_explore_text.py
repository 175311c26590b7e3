"""Headings and prose of the exploratory reports in both languages, and their formatted tables."""

import pandas as pd
import pytest

from uhc_lib.render.text import explore_tables, explore_text


@pytest.mark.parametrize("report", sorted(explore_text.REPORTS))
def test_every_report_has_the_same_sections_in_both_languages(report):
    ids, ens = (explore_text.REPORTS[report][lang]["sections"] for lang in ("id", "en"))
    assert list(ids) == list(ens)
    for key in ids:
        assert explore_text.section(report, key, "id").startswith(f"## {list(ids).index(key) + 1}. ")


def test_opening_reads_from_the_question_in_the_reports_language():
    text = explore_text.opening("province_deep_dive", "id", True, province="Bengkulu")
    assert text.startswith("# Pendalaman provinsi: bagaimana kabupaten/kota di Bengkulu saling dibandingkan?\n\n")
    assert "**Pertanyaan.** Bagaimana peringkat kabupaten/kota di Bengkulu" in text and "*Data ilustratif:" in text
    en = explore_text.opening("province_deep_dive", "en", False, province="Bengkulu")
    assert "**Question.** How do the kabupaten/kota of Bengkulu rank" in en and "*Data: the user's panel file.*" in en
    assert explore_text.findings_heading("id") == "## Temuan"
    with pytest.raises(ValueError, match="has no section"):
        explore_text.section("national_overview", "nope", "id")


def test_summary_statistics_are_formatted_numbers_not_pandas_floats():
    regions = pd.DataFrame(
        {"coverage_pct": [94.042029, 100.0], "activity_pct": [80.0, 70.0], "population": [558_278.7, 100_000]}
    )
    text = explore_tables.summary_statistics(regions, "id")
    assert "| Cakupan (persen) | 2 | 97,02 |" in text and "94,04" in text and "558.279" in text
    assert "e+05" not in text and "94.042029" not in text


def test_province_quadrants_and_statuses_in_words():
    summary = pd.DataFrame([{"province_code": "17", "province_name": "Bengkulu", "n_regions": 10,
                             "coverage_pct": 99.1, "activity_pct": 77.9, "coverage_rank": 3, "activity_rank": 20,
                             "quadrant": "activity_only", "n_meets_coverage_line": 9, "n_meets_activity_line": 4,
                             "n_both": 4, "share_both_pct": 40.0}])  # fmt: skip
    row = explore_tables.provinces_table(summary, "id").splitlines()[2]
    assert row == "| Bengkulu | 10 | 99,1 | 77,9 | 3 | 20 | Hanya keaktifan memenuhi | 9 | 4 | 4 | 40 persen |"
    assert "activity_only" not in explore_tables.provinces_table(summary, "en")
