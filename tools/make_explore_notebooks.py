"""Write the exploratory notebooks in notebooks/explore/ (kept as code so their structure is reviewable).

Each notebook starts with a question and ends with findings; every calculation is a call into ``uhc_lib``.
Rerunning this script changes nothing unless a notebook's content changes (stable cell ids, no outputs).
"""

from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1]
EXPLORE = ROOT / "notebooks" / "explore"

SETUP = "%matplotlib inline\nimport matplotlib.pyplot as plt\nfrom IPython.display import Markdown, display\n\n"


def md(text: str) -> nbf.NotebookNode:
    return nbf.v4.new_markdown_cell(text)


def code(text: str, tags: list[str] | None = None) -> nbf.NotebookNode:
    return nbf.v4.new_code_cell(text, metadata={"tags": tags} if tags else {})


def trends_projections() -> list[nbf.NotebookNode]:
    return [
        md(
            "# Trends and projections: how fast are kabupaten/kota moving towards UHC?\n\n"
            "**Question.** How have national coverage and activity moved, how many of the 514 kabupaten/kota meet the "
            "year's headline criterion (2025: UHC Prioritas, 98 % registered and 80 % active) month by month, and how "
            "many would meet it within a year if each kept the pace of its last six months?\n\n"
            "**How to use.** Set the parameters (month, criteria year, horizon, language, your own panel file) and run "
            "all. The calculations are `uhc_lib.projections` and `uhc_lib.indicators`; the charts "
            "`uhc_lib.trend_charts`; the findings `uhc_lib.findings`. With the embedded data every figure is "
            "illustrative."
        ),
        code(
            "period = None  # month as YYYY-MM or None for the latest month in the data\n"
            "criteria_year = None  # year whose criteria are counted or None for the year of the period\n"
            "horizon = 12  # months projected ahead\n"
            "window = 6  # months over which each region's pace is averaged\n"
            'lang = "en"  # language of charts and findings: "id" or "en"\n'
            "data_path = None  # CSV, Excel or Parquet panel or None for the embedded illustrative data",
            ["parameters"],
        ),
        code(
            SETUP + "from uhc_lib import api, criteria, findings, projections, trend_charts\n"
            "from uhc_lib.brief import latest_period\n"
            "from uhc_lib.indicators import indicators, national\n\n"
            "panel = api.load_panel(data_path)\n"
            "illustrative = api.is_illustrative(data_path)\n"
            "ind = indicators(panel)\n"
            "period = latest_period(panel) if period is None else period\n"
            "year = int(str(period)[:4]) if criteria_year is None else criteria_year\n"
            'criterion = criteria.headline(year)["criterion"]\n'
            "label = criteria.label(criterion, year, lang)\n"
            "nat = national(ind)"
        ),
        md(
            "## 1. The national picture\n"
            "Sums of all regions in the data: registered and active as shares of population."
        ),
        code("trend_charts.national_trend_chart(nat, lang, illustrative)\nplt.show()"),
        md(
            "## 2. Regions meeting the criterion, month by month\n"
            "The same yardstick (the chosen year's rules) is applied to every month, compared exactly on counts; the "
            "dashed line continues each region at its own recent pace."
        ),
        code(
            "observed = projections.attainment(ind, year)\n"
            "reach = projections.reach_months(ind, period, year, window)\n"
            "projected = projections.projected_attainment(ind, period, year, horizon, window)\n"
            "trend_charts.attainment_chart(observed, criterion, label, projected, lang, illustrative)\n"
            "plt.show()\n"
            "projected.tail(4)"
        ),
        md(
            "## 3. Each region's pace\n"
            "Monthly change of coverage against activity over the last months. Regions below the horizontal line are "
            "losing active participants: enrolment alone will not bring them to the activity minimum."
        ),
        code(
            "paces = projections.region_paces(ind, period, window)\n"
            "trend_charts.pace_chart(paces, lang, illustrative)\n"
            "plt.show()"
        ),
        md("## Findings"),
        code(
            "found = findings.trends(nat, observed, reach, projected, label, lang)\n"
            'display(Markdown("\\n".join(f"- {s}" for s in found)))'
        ),
    ]


NOTEBOOKS = {
    "trends_projections": trends_projections,
}


def write(name: str, cells: list[nbf.NotebookNode], dest: Path = EXPLORE) -> Path:
    """Write one notebook with stable cell ids and the python3 kernel."""
    for i, cell in enumerate(cells):
        cell["id"] = f"{name.replace('_', '-')}-{i:02d}"
    nb = nbf.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    out = dest / f"{name}.ipynb"
    nbf.write(nb, out)
    return out


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else EXPLORE  # another folder: compare without touching these
    target.mkdir(parents=True, exist_ok=True)
    for name, build in NOTEBOOKS.items():
        print(write(name, build(), target))
