"""Write notebooks/regency_brief.ipynb (kept as code so the notebook's structure is reviewable)."""

from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1]

cells = [
    nbf.v4.new_markdown_cell(
        "# Regency brief (ringkasan kepesertaan JKN)\n\n"
        "Purpose: one kabupaten/kota, one month: coverage, activity, UHC status, gaps in persons, trend and segments, "
        "its position in its province, the budget to its next target and scenarios that reach it, with a narrative "
        "in Indonesian (`lang='id'`) or English (`lang='en'`).\n\n"
        "How to use: change the parameters cell and run all, or run it for one or all regions with "
        "`uhc brief 17.07 --period 2024-07` / `uhc batch`. All logic lives in `uhc_lib`; this notebook only displays.",
        metadata={"tags": ["remove_cell"]},
    ),
    nbf.v4.new_code_cell(
        'region_code = "17.07"  # Kemendagri kab/kota code as text\n'
        'period = None  # month as "YYYY-MM" or None for the latest month in the data\n'
        "criteria_year = None  # year of the UHC criteria or None for the year of the period\n"
        'lang = "id"  # "id" (Bahasa Indonesia) or "en"\n'
        "data_path = None  # CSV, Excel or Parquet panel or None for the embedded illustrative data",
        metadata={"tags": ["parameters"]},
    ),
    nbf.v4.new_code_cell(
        "%matplotlib inline\n"
        "%config InlineBackend.figure_formats = ['svg']\n"
        "%config InlineBackend.print_figure_kwargs = {'bbox_inches': None, 'metadata': {'Date': None}}\n"
        "import matplotlib.pyplot as plt\n"
        "from IPython.display import Markdown, display\n\n"
        "from uhc_lib import api\n"
        "from uhc_lib.render.charts import alt_text, brief_charts, peer_charts, scenario_chart, style\n"
        "from uhc_lib.render.text import narrative, outlook_text, tables\n"
        "\n"
        "alt_text.enable()  # chart titles become the images' alternative text\n"
        "plt.rcParams.update(style.SVG_RC)  # SVG with real text: small, sharp in print, the same bytes every run\n"
        "fig = api.figures_for(region_code, period, criteria_year, data_path)\n"
        "out = api.outlook_for(fig, data_path, lang)",
        metadata={"tags": ["setup"]},
    ),
    nbf.v4.new_code_cell(
        'display(Markdown(f"# {narrative.title(fig, lang)}"))\ndisplay(Markdown(tables.headline_table(fig, lang)))'
    ),
    nbf.v4.new_code_cell("display(Markdown(narrative.markdown(fig, lang)))"),
    nbf.v4.new_code_cell("brief_charts.trend_chart(fig, lang)\nplt.show()"),
    nbf.v4.new_code_cell("display(Markdown(tables.goals_table(fig, lang)))"),
    nbf.v4.new_code_cell("brief_charts.segment_chart(fig, lang)\nplt.show()"),
    nbf.v4.new_code_cell(
        "display(Markdown(outlook_text.peers_markdown(out, lang)))\n"
        "peer_charts.province_ranking_chart(out.province, highlight=fig.region_code, lang=lang, "
        "illustrative=fig.illustrative)\n"
        "plt.show()"
    ),
    nbf.v4.new_code_cell("display(Markdown(outlook_text.budget_markdown(out, lang)))"),
    nbf.v4.new_code_cell(
        "display(Markdown(outlook_text.scenarios_intro(out, fig.population, lang)))\n"
        "if out.paths:  # none when every goal is already met\n"
        "    scenario_chart.scenario_chart(out.paths, out.target, out.scenarios, lang, fig.illustrative)\n"
        "    plt.show()\n"
        "display(Markdown(outlook_text.scenarios_markdown(out, lang)))"
    ),
    nbf.v4.new_code_cell(
        'display({"application/json": api.summary(fig)}, raw=True)',
        metadata={"tags": ["summary", "remove_cell"]},
    ),
]

# stable cell ids, so regenerating the notebook changes nothing unless its content changes
for i, cell in enumerate(cells):
    cell["id"] = f"brief-{i:02d}"
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
out = ROOT / "notebooks" / "regency_brief.ipynb"
nbf.write(nb, out)
print(out)
