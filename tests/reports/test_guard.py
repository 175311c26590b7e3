"""Bad values are refused before any kernel starts, in one sentence, with exit code 2, and nothing is written:
no path is built from an unchecked month, language or region code (issue 12)."""

import re
from pathlib import Path

import pytest

from uhc_lib.cli import main
from uhc_lib.reports.guard import BATCH_FORMATS, BadInput, check_formats, check_request

TRACEBACK = re.compile(r"Traceback|\b[A-Z][A-Za-z]*(Error|Exception)\b|File \"")


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["batch", "--period", "../../escaped", "--regions", "17.07"], "--period: use YYYY-MM, e.g. 2024-07"),
        (["brief", "17.07", "--period", "../../escaped"], "--period: use YYYY-MM, e.g. 2024-07"),
        (["batch", "--regions", "../../etc"], "a region code is a Kemendagri kab/kota code NN.NN"),
        (["brief", "../../etc", "--period", "2024-07"], "a region code is a Kemendagri kab/kota code NN.NN"),
        (["batch", "--period", "2024-13"], "got '2024-13'"),
        (["batch", "--period", "2019-01"], "there are no figures for 2019-01 in the embedded illustrative data"),
        (["batch", "--regions", "17.07,99.99"], "has no region 99.99"),
        (["brief", "99.99"], "has no region 99.99"),
        (["batch", "--province", "99"], "there is no region of province 99"),
        (["batch", "--province", "../1"], "--province is a two-digit Kemendagri province code"),
        (["batch", "--format", "html,docx"], "--format takes html, pdf, xlsx or a list such as html,xlsx; got docx"),
        (["brief", "17.07", "--format", "html,xlsx"], "xlsx is the month's recap workbook, written by uhc batch"),
        (["brief", "17.07", "--format", "pdf,odt"], "--format takes html, pdf or html,pdf; got odt"),
        (["batch", "--jobs", "0"], "--jobs must be 1 or more"),
        (["match", "--region", "../../x", "--period", "2024-07"], "a region code is a Kemendagri kab/kota code"),
        (["match", "--region", "17.07", "--period", "../../x"], "--period: use YYYY-MM, e.g. 2024-07"),
        (["brief", "1707"], "got '1707'; did you mean 17.07 (Kabupaten Lebong)?"),
        (["brief", "17.7"], "got '17.7'; did you mean 17.07 (Kabupaten Lebong)?"),
        (["batch", "--regions", "17.07,3203"], "did you mean 32.03 (Kabupaten Cianjur)?"),
        (["brief", "17.07", "--period", "juli-2031"], "there are no figures for 2031-07"),
        (["brief", "17.07", "--period", "juli"], "--period: use YYYY-MM, e.g. 2024-07 (or Juli 2024); got 'juli'"),
        (
            ["brief", "17.07", "--criteria-year", "2019"],
            "the UHC criteria in data/rules/uhc_criteria.csv start in 2022",
        ),
        (["explore", "nosuch"], "there is no notebook 'nosuch'"),
        (["explore", "province_deep_dive", "-p", "province_code=99"], "province_code is a two-digit Kemendagri"),
        (["explore", "trends_projections", "-p", "period=juli"], "use YYYY-MM, e.g. 2024-07"),
        (["explore", "trends_projections", "-p", "period=2031-01"], "there are no figures for 2031-01"),
        (["explore", "budget_scenarios", "-p", "region_code=3203"], "did you mean 32.03 (Kabupaten Cianjur)?"),
        (["explore", "province_deep_dive", "-p", "nosuch=1"], "has no parameter nosuch"),
    ],
)
def test_bad_values_are_refused_in_one_sentence_and_nothing_is_written(tmp_path, capsys, argv, sentence):
    out = tmp_path / "a" / "b" / "reports"
    assert main([*argv, "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert sentence in err
    assert len(err.splitlines()) == 1 and not TRACEBACK.search(err), err
    assert _files(tmp_path) == []  # not under --out, and not beside it (../../escaped)


def test_a_folder_or_a_missing_file_as_data(tmp_path, capsys):
    for command in (["batch"], ["brief", "17.07"], ["validate"]):
        data = ["--data", str(tmp_path)] if command[0] != "validate" else [str(tmp_path)]
        assert main([*command, *data]) == 2
        err = capsys.readouterr().err.strip()
        assert err.endswith(f"{tmp_path} is a folder; give the panel file (CSV, Excel or Parquet).")
        assert not TRACEBACK.search(err)
    assert main(["batch", "--data", str(tmp_path / "nope.csv"), "--out", str(tmp_path)]) == 2
    assert "nope.csv not found; give the panel file" in capsys.readouterr().err
    assert _files(tmp_path) == []


def test_the_api_refuses_the_same_values(tmp_path):
    from uhc_lib.reports.batch import make_brief, output_dir, run_batch
    from uhc_lib.reports.run import run_brief

    with pytest.raises(BadInput, match="--period: use YYYY-MM"):
        run_batch(["17.07"], period="../../escaped", reports_dir=tmp_path, progress=False)
    with pytest.raises(BadInput, match="--format takes html, pdf"):
        run_batch(["17.07"], period="2024-07", reports_dir=tmp_path, formats=("html", "docx"), progress=False)
    with pytest.raises(BadInput, match="--lang must be id or en"):
        make_brief("17.07", "2024-07", lang="../fr", reports_dir=tmp_path)
    with pytest.raises(BadInput, match="region code"):
        run_brief("../../17.07", tmp_path, period="2024-07")
    with pytest.raises(BadInput, match="--period"):
        output_dir("../2024-07", "id", tmp_path)
    assert _files(tmp_path) == [] and list(tmp_path.iterdir()) == []


def test_duplicate_regions_run_once_and_formats_are_normalised():
    request = check_request(regions=["32.03", "17.07", "32.03"], period="2024-07")
    assert request.codes == ["17.07", "32.03"] and request.period == "2024-07"
    assert check_request(province="17").codes[:2] == ["17.01", "17.02"]
    from uhc_lib import api

    assert check_request().period == str(api.load_panel()["period"].max())  # the latest month
    assert check_formats("html, pdf,html") == ("html", "pdf")
    assert check_formats("xlsx,HTML", BATCH_FORMATS) == ("xlsx", "html")
    with pytest.raises(BadInput):
        check_formats("")


@pytest.mark.parametrize(
    ("text", "month"),
    [("2024-07", "2024-07"), ("juli-2024", "2024-07"), ("Juli 2024", "2024-07"), ("July 2024", "2024-07"),
     ("2024-7", "2024-07"), ("07/2024", "2024-07"), ("Des 2025", "2025-12"), ("agustus-2025", "2025-08")],
)  # fmt: skip
def test_a_month_may_be_written_with_its_name(text, month):
    from uhc_lib.reports.guard import check_period

    assert check_period(text) == month


def test_a_month_name_reaches_the_brief_as_yyyy_mm():
    assert check_request(regions=["17.07"], period="juli-2024").period == "2024-07"


def test_notebook_errors_reach_the_user_without_the_exception_name():
    from uhc_lib.reports.guard import error_sentence

    assert (
        error_sentence("KeyError", "\"unknown kabupaten/kota code '99.99'\"") == "unknown kabupaten/kota code '99.99'"
    )
    assert error_sentence("ValueError", "no rows for period 2031-01") == "no rows for period 2031-01"
    assert "Error" not in error_sentence("ZeroDivisionError", "")
