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


def _noisy_notebook(folder, fail: bool = False):
    """A notebook whose kernel writes Jupyter's shutdown noise on its own stderr (file descriptor 2, as ipykernel's
    IPKernelApp logger and an interrupted kernel do), then shows a heading; with ``fail``, a cell raises."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell('lang = "id"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "import os\n"
            "os.write(2, b'Traceback (most recent call last):\\nKeyboardInterrupt\\n'\n"
            "            b'[IPKernelApp] WARNING | Parent appears to have exited\\n')"
        ),
        nbformat.v4.new_code_cell("from IPython.display import Markdown\nMarkdown('# Laporan uji')"),
    ]
    if fail:
        nb.cells.append(nbformat.v4.new_code_cell("raise ValueError('kolom populasi kosong')"))
    path = folder / ("failing.ipynb" if fail else "noisy.ipynb")
    nbformat.write(nb, path)
    return path


@pytest.mark.notebook
def test_kernel_noise_does_not_reach_the_console(tmp_path, capfd):
    from uhc_lib.cli import main

    assert main(["explore", str(_noisy_notebook(tmp_path)), "--out", str(tmp_path / "r")]) == 0
    out, err = capfd.readouterr()
    assert (tmp_path / "r" / "explore" / "id" / "noisy.html").exists() and "noisy.html" in out
    for word in ("Traceback", "KeyboardInterrupt", "IPKernelApp"):
        assert word not in err and word not in out
    assert main(["explore", str(_noisy_notebook(tmp_path, fail=True)), "--out", str(tmp_path / "r")]) == 1
    out, err = capfd.readouterr()
    assert "FAILED failing" in err and "kolom populasi kosong" in err  # a real error is still said, in a sentence
    assert "Traceback" not in err and "IPKernelApp" not in err
