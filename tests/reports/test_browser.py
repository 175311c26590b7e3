"""The generated brief and index render in a real headless Chromium: no console errors, images load, not blank,
and nothing is requested from the network (briefs must work offline)."""

import os
import shutil

import pytest

pytestmark = pytest.mark.notebook

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("UHC_REQUIRE_BROWSER"):
        raise RuntimeError("UHC_REQUIRE_BROWSER is set but no chromium is installed (apt-get install chromium)")
    pytest.skip("no chromium on this machine (CI installs it)", allow_module_level=True)

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _open(browser, path, tmp_path, name):
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    return page, errors, requests


def test_brief_renders(browser, produced, tmp_path):
    page, errors, requests = _open(browser, produced.out_dir / "17.07.html", tmp_path, "brief")
    assert errors == [] and requests == []
    images = page.eval_on_selector_all("img", "els => els.map(e => [e.complete, e.naturalWidth])")
    assert len(images) == 4 and all(done and width > 300 for done, width in images)  # trend, segments, peers, scenarios
    text = page.inner_text("body")
    assert "Kabupaten Lebong" in text and len(text) > 800
    assert (tmp_path / "brief.png").stat().st_size > 50_000


def test_index_renders_and_links(browser, produced, tmp_path):
    page, errors, requests = _open(browser, produced.index, tmp_path, "index")
    assert errors == [] and requests == []
    links = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert "17.07.html" in links and "32.03.html" in links
    assert "notebooks/11.01.failed.ipynb" in links
    page.click("text=17.07 Kabupaten Lebong")
    page.wait_for_load_state("load")
    assert page.url.endswith("17.07.html")
