"""Exploratory notebook runs: parameters checked before any kernel, and in the report's file name."""

import pytest

from uhc_lib.reports.guard import BadInput
from uhc_lib.reports.notebooks import check_parameters, stem_for


def test_parameters_belong_in_the_file_name():
    assert stem_for("province_deep_dive", {}) == "province_deep_dive"
    seventeen = stem_for("province_deep_dive", {"province_code": "17", "lang": "en"})
    assert seventeen == "province_deep_dive_province_code-17"
    assert stem_for("province_deep_dive", {"province_code": "32"}) != seventeen
    both = stem_for("budget_scenarios", {"region_code": "32.03", "period": "2024-12", "data_path": "/x/my panel.csv"})
    assert both == "budget_scenarios_data_path-my-panel.csv_period-2024-12_region_code-32.03"
    assert "/" not in stem_for("x", {"period": "../../etc"})


def test_parameters_are_checked_before_a_kernel_starts():
    assert check_parameters({"period": "juli-2024", "lang": "id"})["period"] == "2024-07"
    assert check_parameters({"province_code": "17", "period": None})["province_code"] == "17"
    with pytest.raises(BadInput, match="did you mean 17.07 \\(Kabupaten Lebong\\)"):
        check_parameters({"region_code": "1707"})
    with pytest.raises(BadInput, match="no figures for 2031-01"):
        check_parameters({"period": "2031-01"})
    with pytest.raises(BadInput, match="start in 2022"):
        check_parameters({"criteria_year": 2019})
