"""The month index in a real headless Chromium (Playwright): clicking a region opens its brief, the province select
zooms the map and filters the table, status and text filters change the row count, headers sort, keyboard focus
shows a region's figures; no console errors, nothing requested but file:// (issue 15). Folders are made without a
kernel (tests.reports.helpers.brief_folder); tests/reports/test_browser.py opens the index of real briefs."""

from __future__ import annotations

import pytest

from tests.reports.helpers import brief_folder, chromium_or_skip, summary
from uhc_lib.reports.index import write_folder_index

chromium_or_skip()  # the module is skipped without Chromium (a failure in CI)

SUMMARIES = {
    "17.01": summary("Kabupaten Bengkulu Selatan", "Bengkulu", 99.06, 87.02, "best"),
    "17.02": summary("Kabupaten Rejang Lebong", "Bengkulu", 98.86, 74.48, "lower"),
    "17.07": summary("Kabupaten Lebong", "Bengkulu", 100.71, 75.41, "best"),
    "17.71": summary("Kota Bengkulu", "Bengkulu", 93.82, 68.19, "none"),
    "11.10": summary("Kabupaten Aceh Singkil", "Aceh", 97.10, 76.00, "best"),
    "32.03": summary("Kabupaten Cianjur", "Jawa Barat", 96.00, 68.70, "lower"),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = brief_folder(tmp_path_factory.mktemp("reports") / "2024-07" / "id", SUMMARIES, failed=("11.01",))
    return write_folder_index(folder, "2024-07", "id", True, "b")


@pytest.fixture
def page(browser, index):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.errors, page.requests = [], []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else page.requests.append(r.url))
    page.goto(index.as_uri())
    page.wait_for_load_state("load")
    yield page
    assert page.errors == [] and page.requests == []  # every test: no console error, nothing from the network
    page.close()


def _visible_codes(page) -> list[str]:
    return page.eval_on_selector_all("#briefs tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.c)")


def test_map_draws_every_region_and_the_table_every_brief(page):
    assert page.locator("#uhc-map [data-c]").count() == 514
    assert page.locator("#uhc-map a[data-c]").count() == 6
    assert page.inner_text("#count") == "6 dari 6 ringkasan ditampilkan"
    assert _visible_codes(page) == ["11.10", "17.01", "17.02", "17.07", "17.71", "32.03"]
    box = page.locator("#uhc-map").bounding_box()
    assert box["width"] > 1000 and box["height"] > 300  # the national map across the page


def test_clicking_a_region_opens_its_brief(page):
    page.select_option("#f-prov", "17")  # zoomed, Lebong is large enough to click in its middle
    page.click('#uhc-map a[data-c="17.07"]')
    page.wait_for_load_state("load")
    assert page.url.endswith("/17.07.html") and page.inner_text("h1") == "Kabupaten Lebong"


def test_province_select_zooms_the_map_and_filters_the_table(page):
    full = page.get_attribute("#uhc-map", "viewBox")
    page.select_option("#f-prov", "17")
    assert page.inner_text("#count") == "4 dari 6 ringkasan ditampilkan"
    assert _visible_codes(page) == ["17.01", "17.02", "17.07", "17.71"]
    x, y, w, h = map(float, page.get_attribute("#uhc-map", "viewBox").split())
    fw = float(full.split()[2])
    assert w < fw / 5  # Bengkulu is a small part of Indonesia
    assert page.get_attribute('#uhc-map a[data-c="11.10"]', "class").split() == ["s-best", "out"]
    assert "out" not in page.get_attribute('#uhc-map a[data-c="17.07"]', "class")
    page.select_option("#f-prov", "")
    assert page.get_attribute("#uhc-map", "viewBox") == full and len(_visible_codes(page)) == 6


def test_status_filter_and_text_search_change_the_row_count(page):
    page.select_option("#f-status", "UHC")
    assert _visible_codes(page) == ["17.02", "32.03"] and page.inner_text("#count") == "2 dari 6 ringkasan ditampilkan"
    page.select_option("#f-status", "")
    page.fill("#f-search", "lebong")
    assert _visible_codes(page) == ["17.02", "17.07"]  # Rejang Lebong and Lebong
    page.fill("#f-search", "17.07")
    assert _visible_codes(page) == ["17.07"] and page.inner_text("#count") == "1 dari 6 ringkasan ditampilkan"
    page.fill("#f-search", "tidak ada")
    assert _visible_codes(page) == [] and page.inner_text("#count") == "0 dari 6 ringkasan ditampilkan"


def test_headers_are_buttons_that_sort_the_table(page):
    coverage = page.get_by_role("button", name="Cakupan (%)")
    coverage.click()
    assert _visible_codes(page) == ["17.71", "32.03", "11.10", "17.02", "17.01", "17.07"]
    assert page.get_attribute("#briefs th:nth-child(4)", "aria-sort") == "ascending"
    coverage.focus()
    page.keyboard.press("Enter")  # the keyboard sorts too
    assert _visible_codes(page)[0] == "17.07"
    assert page.get_attribute("#briefs th:nth-child(4)", "aria-sort") == "descending"
    page.get_by_role("button", name="Kabupaten/kota").click()
    assert _visible_codes(page)[:2] == ["11.10", "17.01"]  # Aceh Singkil, Bengkulu Selatan


def test_keyboard_focus_on_a_region_shows_its_figures_and_enter_opens_it(page):
    page.focus('#uhc-map a[data-c="17.07"]')
    details = page.inner_text("#details")
    assert "Kabupaten Lebong" in details and "Cakupan 100,71 persen · Keaktifan 75,41 persen" in details
    assert "UHC non cut-off" in details and "Buka ringkasan" in details
    page.dispatch_event('#uhc-map path[data-c="17.03"]', "mouseover")  # no brief: grey, says so, no link
    assert "Ringkasan belum dibuat" in page.inner_text("#details")
    assert page.locator("#details a").count() == 0
    page.focus('#uhc-map a[data-c="17.07"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/17.07.html")


def test_table_link_reads_region_and_month(page):
    link = page.get_by_role("link", name="Kabupaten Lebong, Juli 2024")
    assert link.get_attribute("href") == "17.07.html"
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/17.07.html")
