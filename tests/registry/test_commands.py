"""``uhc match`` refuses bad extracts in its own process, before any kernel starts: one message with file, row,
column and the fix, exit code 2, no traceback, no exception name, no NIK."""

import csv
import time
from pathlib import Path

import pytest

from uhc_lib.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "registry"


def _niks():
    with open(DATA / "synthetic_registry.csv", encoding="utf-8", newline="") as fh:
        return [row["nik"] for row in csv.DictReader(fh)]


def _run(args, capsys):
    started = time.perf_counter()
    code = main(["match", "--region", "17.07", "--period", "2024-07", *args])
    return code, capsys.readouterr().err, time.perf_counter() - started


@pytest.mark.parametrize(
    ("registry", "extra", "expected"),
    [
        ("synthetic_registry_excel_scientific.csv", [], "scientific notation"),
        ("synthetic_registry_excel_15_digits.csv", [], "end in 0"),
        ("synthetic_registry_nik_float.parquet", [], "floating-point"),
        ("synthetic_prepared_raw_nik.parquet", ["--prepared"], "not tokens"),
        ("synthetic_registry.csv", ["--prepared"], "a prepared file is Parquet"),
        ("synthetic_opensid_penduduk.csv", [], "--desa-code 17.07.01.2002"),
    ],
)
def test_bad_extracts_are_refused_before_any_kernel(tmp_path, monkeypatch, capsys, registry, extra, expected):
    monkeypatch.setenv("UHC_PSEUDONYM_KEY", "command-test-key-0123456789")
    participants = DATA / ("synthetic_prepared_raw_nik.parquet" if extra else "synthetic_participants.csv")
    code, err, seconds = _run(
        ["--registry", str(DATA / registry), "--participants", str(participants), "--out", str(tmp_path), *extra],
        capsys,
    )
    assert code == 2 and err.startswith("uhc match: ") and expected in err
    assert "Traceback" not in err and "Error" not in err and "FAILED" not in err
    assert not [nik for nik in _niks() if nik[:12] in err]
    assert not list(tmp_path.rglob("*.html")) and not list(tmp_path.rglob("*.ipynb"))  # no kernel ran
    assert seconds < 30


def test_a_missing_key_is_one_sentence(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("UHC_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("UHC_PSEUDONYM_KEY_FILE", raising=False)
    code, err, _ = _run(
        ["--registry", str(DATA / "synthetic_registry.csv"), "--participants", str(DATA / "synthetic_participants.csv"),
         "--out", str(tmp_path)],
        capsys,
    )  # fmt: skip
    assert code == 2 and err.startswith("uhc match: no pseudonymisation key: set UHC_PSEUDONYM_KEY")
    assert "PseudonymKeyError" not in err and not list(tmp_path.rglob("*.parquet"))
