"""Briefs produced once for the report-layer tests (HTML + PDF for two regions and a failing one)."""

import pytest

from tests.reports.helpers import FAILING, failing_notebook


@pytest.fixture(scope="session")
def produced(tmp_path_factory):
    from concurrent.futures import ThreadPoolExecutor

    from uhc_lib.reports.batch import run_batch

    root = tmp_path_factory.mktemp("reports")
    notebook = failing_notebook(tmp_path_factory.mktemp("notebook"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        report = run_batch(["17.07", "32.03", FAILING], period="2024-12", reports_dir=root, executor=pool,
                           progress=False, formats=("html", "pdf"), notebook=notebook)  # fmt: skip
    return report
