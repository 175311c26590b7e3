"""The month index lists every brief in its folder, whatever the last run did (a smaller batch, --resume,
--province, uhc brief), and marks those made from other data, parameters or code as stale (issue 12)."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from uhc_lib.reports.batch import make_brief, run_batch

pytestmark = pytest.mark.notebook


def _listed(index) -> dict[str, bool]:
    """Region code -> marked stale, for every brief linked from the index page."""
    page = index.read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-c="[0-9.]+"[^>]*><td><a href="([0-9.]+)\.html">', page)
    return {code: "usang" in _row(page, code) for code in rows}


def _row(page: str, code: str) -> str:
    return page[page.index(f'<tr data-c="{code}"') :].split("</tr>", 1)[0]


def test_index_keeps_every_brief_and_marks_stale_ones(tmp_path):
    with ThreadPoolExecutor(max_workers=1) as pool:  # one warm kernel for every run below
        common = dict(period="2024-07", reports_dir=tmp_path, executor=pool, progress=False)
        first = run_batch(["17.07", "17.08"], **common)
        assert _listed(first.index) == {"17.07": False, "17.08": False}
        smaller = run_batch(["32.03"], **common)  # a smaller batch
        assert _listed(smaller.index) == {"17.07": False, "17.08": False, "32.03": False}
        resumed = run_batch(["17.07"], resume=True, **common)  # --resume of one region
        assert resumed.results[0].skipped
        assert _listed(resumed.index) == {"17.07": False, "17.08": False, "32.03": False}
        other = run_batch(["17.08"], criteria_year=2025, **common)  # other parameters: the rest is stale now
        assert _listed(other.index) == {"17.07": True, "17.08": False, "32.03": True}
        assert "2 ringkasan usang" in other.index.read_text(encoding="utf-8")
        assert [r.region_code for r in other.results] == ["17.08"]  # batch.json: what this run did
    brief = make_brief("17.01", "2024-07", reports_dir=tmp_path)  # uhc brief
    assert brief.ok
    assert _listed(first.index) == {"17.01": False, "17.07": False, "17.08": True, "32.03": False}
    (tmp_path / "2024-07" / "id" / "32.03.html").unlink()  # a brief whose page is gone is not listed
    make_brief("17.01", "2024-07", reports_dir=tmp_path)
    assert _listed(first.index) == {"17.01": False, "17.07": False, "17.08": True}
