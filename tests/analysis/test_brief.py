"""Figures of one brief: the seed accounts, goals, and clear errors."""

import pandas as pd
import pytest

from uhc_lib.analysis.brief import brief_figures, summary


def test_lebong_figures(lebong):
    assert (lebong.region_name, lebong.province_name) == ("Kabupaten Lebong", "Bengkulu")
    assert lebong.criteria_year == 2024
    assert round(lebong.coverage_pct, 2) == 100.71 and round(lebong.activity_pct, 2) == 75.41
    assert lebong.inactive == lebong.registered - lebong.active
    assert lebong.status == "non_cut_off" and lebong.met_headline
    assert "coverage_over_100" in lebong.flags


def test_cianjur_goals_are_2024_then_2025(cianjur):
    goals = [(g.year, g.criterion, g.met) for g in cianjur.goals]
    assert goals[:2] == [(2024, "non_cut_off", False), (2025, "prioritas", False)]
    prioritas = cianjur.goals[1]
    assert (prioritas.min_coverage_pct, prioritas.min_activity_pct) == (98.0, 80.0)
    assert prioritas.enrol_needed == 52_298
    assert prioritas.activate_needed == 295_477
    assert prioritas.reactivate_needed == 295_477 - 52_298
    assert cianjur.status == "uhc"


def test_criteria_year_override(panel):
    fig = brief_figures(panel, "32.03", "2024-12", criteria_year=2025)
    assert fig.criteria_year == 2025 and fig.status == "none"
    assert fig.headline_target.criterion == "prioritas"


def test_history_ends_at_the_period(cianjur):
    assert cianjur.history["period"].max() == pd.Period("2024-12", "M")
    assert cianjur.history["period"].min() == pd.Period("2023-01", "M")


def test_changes_are_percentage_points(panel, cianjur):
    prev = brief_figures(panel, "32.03", "2024-11")
    assert cianjur.changes["coverage_pct_mom"] == pytest.approx(cianjur.coverage_pct - prev.coverage_pct)
    assert cianjur.changes["registered_mom"] == cianjur.registered - prev.registered


def test_default_period_is_latest(panel):
    assert str(brief_figures(panel, "17.07").period) == "2026-11"


def test_segments_sum_to_totals(cianjur):
    assert cianjur.segments["registered"].sum() == cianjur.registered
    assert cianjur.segments["active"].sum() == cianjur.active
    assert list(cianjur.segments["segment"]) == ["pbi_apbn", "pbpu_pemda", "ppu", "pbpu_mandiri", "bp"]


def test_unknown_region_and_missing_period(panel):
    with pytest.raises(KeyError, match="99.99"):
        brief_figures(panel, "99.99")
    with pytest.raises(ValueError, match="2023-01 to 2026-11"):
        brief_figures(panel, "17.07", "2022-05")


def test_summary_record(lebong):
    s = summary(lebong)
    assert s["coverage_pct"] == 100.71 and s["activity_pct"] == 75.41
    assert s["status"] == "non_cut_off" and s["met_headline"] is True
