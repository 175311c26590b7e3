"""What the READMEs promise a new user: how to start JupyterLab as root, how big a month of reports is, and what the
installer's warnings mean (issue 14)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READMES = [ROOT / "README.md", ROOT / "notebooks" / "training" / "README.md"]


def _paragraphs(path: Path) -> list[str]:
    return [p for p in re.split(r"\n\s*\n|\n(?=\d+\. |- )", path.read_text(encoding="utf-8")) if p.strip()]


def test_wherever_jupyterlab_is_started_root_is_told_about_allow_root():
    starts = [(path.name, p) for path in READMES for p in _paragraphs(path) if "jupyter lab" in p]
    assert len(starts) >= 3  # the brief, the exploratory notebooks, the course
    for name, paragraph in starts:
        assert "--allow-root" in paragraph, (name, paragraph)


def test_the_size_of_a_month_of_reports_is_measured_and_dated():
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    size = re.search(r"\*\*How big a month is\*\* \(measured (\d+ \w+ 20\d\d) .*?\*\*(\d+) MB\*\* with HTML only", text)
    assert size, "README: the size of a month's reports, with the date it was measured"
    assert 10 <= int(size.group(2)) <= 100  # issue 16: a month folder of HTML briefs within 100 MB


def test_the_installer_warnings_are_explained():
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "built by hatchling" in text and "editable" in text
    assert "is ignored` come from your pip configuration" in text
    build = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[project]")[0]
    assert 'build-backend = "hatchling.build"' in build and "setuptools" not in build
