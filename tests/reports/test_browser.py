"""The generated brief and index render in a real headless Chromium: no console errors, images load, not blank,
and nothing is requested from the network (briefs must work offline)."""

import pytest

from tests.reports.helpers import chromium_or_skip

pytestmark = pytest.mark.notebook

chromium_or_skip()  # the module is skipped without Chromium (a failure in CI)


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
    charts = page.eval_on_selector_all("svg[role=img]", "els => els.map(e => e.getBoundingClientRect().width)")
    assert len(charts) == 4 and all(width > 600 for width in charts)  # trend, segments, peers, scenarios, full width
    text = page.inner_text("body")
    assert "Kabupaten Lebong" in text and len(text) > 800
    assert (tmp_path / "brief.png").stat().st_size > 50_000


def test_index_renders_and_links(browser, produced, tmp_path):
    page, errors, requests = _open(browser, produced.index, tmp_path, "index")
    assert errors == [] and requests == []
    links = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert "17.07.html" in links and "32.03.html" in links
    assert "notebooks/11.01.failed.ipynb" in links
    assert page.locator("#uhc-map [data-c]").count() == 514
    page.select_option("#f-prov", "17")
    assert page.inner_text("#count") == "1 dari 2 ringkasan ditampilkan"
    page.click('#uhc-map a[data-c="17.07"]')  # the region on the map opens its brief
    page.wait_for_load_state("load")
    assert page.url.endswith("17.07.html")
    page.go_back()
    page.get_by_role("link", name="Kabupaten Cianjur, Desember 2024").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("32.03.html")


@pytest.mark.parametrize(("code", "most_pages"), [("17.07", 5), ("32.03", 6)])
def test_brief_prints_on_a4_like_the_pdf(browser, produced, tmp_path, code, most_pages):
    """A browser's Print of the HTML brief: blocks break across pages (JupyterLab keeps each output whole, which gave
    7-8 half-empty A4 pages), charts are never cut, and what only makes sense on screen is not printed."""
    from pypdf import PdfReader

    page = browser.new_page()
    page.goto((produced.out_dir / f"{code}.html").as_uri())
    page.wait_for_load_state("load")
    pdf = tmp_path / f"{code}.pdf"
    page.pdf(path=str(pdf), format="A4")
    reader = PdfReader(pdf)
    # measured: Lebong 5, Cianjur 6 (7 and 8 before print CSS): Jawa Barat's 27 regions make a tall peers chart
    assert len(reader.pages) <= most_pages
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    titles = page.eval_on_selector_all("svg[role=img]", "els => els.map(e => e.getAttribute('aria-label'))")
    assert len(titles) == 4  # the charts are vector SVG (their text is text): each title printed on exactly one page
    assert all(sum(title in t for t in texts) == 1 for title in titles), titles
    assert all(len(t) > 200 for t in texts)  # no blank or near-empty page
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Desember 2024" in first and "terdaftar" in first and len(first) > 1500  # the narrative starts on page 1
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "¶" not in text and "Data ilustratif" in text
    page.emulate_media(media="print")
    shown = page.eval_on_selector_all(
        ".anchor-link, .jp-Collapser, .jp-InputPrompt", "els => els.filter(e => getComputedStyle(e).display != 'none')"
    )
    assert shown == []
    styles = page.eval_on_selector_all(
        ".jp-OutputArea-child", "els => els.map(e => [!!e.querySelector('svg'), getComputedStyle(e).breakInside])"
    )
    assert ("auto" in {s for has_chart, s in styles if not has_chart}) and styles
    charts = page.eval_on_selector_all(".jp-RenderedSVG", "els => els.map(e => getComputedStyle(e).breakInside)")
    assert charts == ["avoid"] * 4
    peers = page.eval_on_selector("svg[aria-label^='Kabupaten/kota di']", "e => e.getBoundingClientRect().height")
    assert peers > (500 if code == "32.03" else 250)  # one line per region stays readable (not squeezed to 90 mm)
