"""``uhc explore`` and ``uhc match``: notebooks run with typed parameters into offline HTML reports."""

import re

import pandas as pd
import pytest

from uhc_lib.cli import main
from uhc_lib.registry import generate_extracts
from uhc_lib.reports.notebooks import explore_notebooks, notebook_path, typed_parameters


def test_parameters_are_typed_like_the_notebook_defaults():
    path = notebook_path("trends_projections")
    typed = typed_parameters(path, {"horizon": "6", "criteria_year": "2025", "period": "2025-12", "lang": "id"})
    assert typed == {"horizon": 6, "criteria_year": 2025, "period": "2025-12", "lang": "id"}
    # a text default stays text: a region code is never read as a number
    deep = typed_parameters(notebook_path("province_deep_dive"), {"province_code": "17"})
    assert deep == {"province_code": "17"}
    with pytest.raises(ValueError, match="has no parameter horizn; its parameters: period, criteria_year, horizon"):
        typed_parameters(path, {"horizn": "6"})


def test_unknown_notebook_lists_the_known_ones():
    with pytest.raises(ValueError, match="there is no notebook 'nope'.*trends_projections"):
        notebook_path("nope")
    assert {"national_overview", "province_deep_dive", "trends_projections"} <= set(explore_notebooks())


@pytest.mark.notebook
def test_explore_command_writes_html(tmp_path, capsys):
    assert (
        main(["explore", "trends_projections", "-p", "horizon=6", "-p", "period=2025-12", "--out", str(tmp_path)]) == 0
    )
    report = tmp_path / "explore" / "id" / "trends_projections_horizon-6_period-2025-12.html"  # parameters in the name
    html = report.read_text(encoding="utf-8")
    assert "Juni 2026" in html  # six months after December 2025, in Indonesian
    assert '<html lang="id"' in html and "<img" in html
    assert str(report) in capsys.readouterr().out


def test_a_province_not_in_the_data_is_refused_before_any_kernel(tmp_path, capsys):
    assert main(["explore", "province_deep_dive", "-p", "province_code=99", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "province_code is a two-digit Kemendagri province code present in the embedded illustrative data" in err
    assert "KeyError" not in err and not (tmp_path / "explore").exists()


@pytest.mark.notebook
def test_match_command_report_has_no_personal_data(tmp_path, monkeypatch):
    monkeypatch.setenv("UHC_PSEUDONYM_KEY", "cli-test-key-0123456789")
    raw = generate_extracts("17.07", 2500, tmp_path / "raw", seed=11, fmt="csv")
    out = tmp_path / "reports"
    code = main(["match", "--region", "17.07", "--period", "2024-07", "--registry", str(raw.registry),
                 "--participants", str(raw.participants), "--out", str(out), "--lang", "en"])  # fmt: skip
    assert code == 0
    report = out / "matching" / "en" / "17.07_2024-07.html"
    html = report.read_text(encoding="utf-8")
    assert "Kabupaten Lebong" in html and "<img" in html
    identifiers, names = set(), set()
    for path, columns in ((raw.registry, ["nik", "no_kk"]), (raw.participants, ["nik", "nomor_kartu"])):
        frame = pd.read_csv(path, dtype=str)
        for col in columns:
            identifiers |= {v for v in frame[col].dropna() if len(v) >= 10}
        names |= set(frame["nama"].dropna())
    assert len(identifiers) > 5000 and len(names) > 50
    written = [p for p in out.rglob("*") if p.is_file() and p.suffix in {".html", ".ipynb", ".csv"}]
    assert report in written and any(p.suffix == ".ipynb" for p in written)
    for path in written:
        text = path.read_text(encoding="utf-8", errors="replace")
        found = set(re.findall(r"\d{10,16}", text)) & identifiers
        assert not found, f"{path.name} contains raw identifiers"
        assert not [n for n in names if n in text], f"{path.name} contains names"


def test_match_needs_both_files(tmp_path):
    with pytest.raises(SystemExit, match="give both --registry and --participants"):
        main(["match", "--region", "17.07", "--period", "2024-07", "--registry", "r.csv", "--out", str(tmp_path)])
