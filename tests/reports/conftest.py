"""Briefs produced once for the report-layer tests (HTML + PDF for two regions and a failing one)."""

import pytest

from tests.reports.helpers import CHROMIUM_ARGS, FAILING, chromium_or_skip, failing_notebook


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


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for the module (the browser tests of briefs, print and the map index)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_or_skip(), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()
