"""The batch runs on a Dask distributed cluster (a LocalCluster here) through --scheduler / scheduler=."""

import pytest

from tests.reports.helpers import FAILING, failing_notebook

pytestmark = pytest.mark.notebook


def test_batch_on_a_local_dask_cluster(tmp_path, monkeypatch):
    from distributed import LocalCluster

    # papermill changes the process's working directory around each run; with two runs in threads of this process
    # (processes=False) one can restore the other's folder, so the test's own folder is put back afterwards
    monkeypatch.chdir(tmp_path)

    from uhc_lib.reports.batch import run_batch

    notebook = failing_notebook(tmp_path / "nb")
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        report = run_batch(["17.07", "32.03", FAILING], period="2024-12", reports_dir=tmp_path,
                           scheduler=cluster.scheduler_address, progress=False, notebook=notebook)  # fmt: skip
    assert {r.region_code: r.ok for r in report.results} == {"17.07": True, "32.03": True, FAILING: False}
    assert (report.out_dir / "32.03.html").exists()
    assert "Kabupaten Cianjur" in report.index.read_text(encoding="utf-8")
