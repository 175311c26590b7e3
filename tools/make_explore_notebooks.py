"""Write the exploratory notebooks in notebooks/explore/ (kept as code so their structure is reviewable).

Each notebook starts with a question and ends with findings; every calculation is a call into ``uhc_lib``.
Rerunning this script changes nothing unless a notebook's content changes (stable cell ids, no outputs).
"""

from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1]
EXPLORE = ROOT / "notebooks" / "explore"

SETUP = (
    "%matplotlib inline\n"
    "%load_ext uhc_lib.render.charts.alt_text\n"  # chart titles become the images' alternative text in exported reports
    "import matplotlib.pyplot as plt\n"
    "from IPython.display import Markdown, display\n\n"
)


def md(text: str) -> nbf.NotebookNode:
    return nbf.v4.new_markdown_cell(text)


def code(text: str, tags: list[str] | None = None) -> nbf.NotebookNode:
    return nbf.v4.new_code_cell(text, metadata={"tags": tags} if tags else {})


def how_to(text: str) -> nbf.NotebookNode:
    """The first cell: how to run the notebook in JupyterLab (left out of the exported report)."""
    return nbf.v4.new_markdown_cell(text, metadata={"tags": ["remove_cell"]})


def show(text: str) -> str:
    """Code displaying Markdown built by uhc_lib."""
    return f"display(Markdown({text}))"


def trends_projections() -> list[nbf.NotebookNode]:
    return [
        how_to(
            "# Trends and projections (exploratory notebook)\n\n"
            "**How to use.** Set the parameters (month, criteria year, horizon, language, your own panel file) and run "
            "all, or export it with `uhc explore trends_projections`. The calculations are "
            "`uhc_lib.analysis.projections` and `uhc_lib.rules.indicators`; the charts "
            "`uhc_lib.render.charts.trend_charts`; the texts and tables `uhc_lib.render.text.explore_text`, "
            "`explore_tables` and `findings`. With the embedded data every figure is illustrative."
        ),
        code(
            "period = None  # month as YYYY-MM or None for the latest month in the data\n"
            "criteria_year = None  # year whose criteria are counted or None for the year of the period\n"
            "horizon = 12  # months projected ahead\n"
            "window = 6  # months over which each region's pace is averaged\n"
            'lang = "id"  # language of the report: "id" (Bahasa Indonesia) or "en"\n'
            "data_path = None  # CSV, Excel or Parquet panel or None for the embedded illustrative data",
            ["parameters"],
        ),
        code(
            SETUP + "from uhc_lib import api\n"
            "from uhc_lib.analysis import projections\n"
            "from uhc_lib.analysis.brief import latest_period\n"
            "from uhc_lib.render.charts import trend_charts\n"
            "from uhc_lib.render.text import explore_tables, explore_text, findings\n"
            "from uhc_lib.render.text.tables import markdown_list\n"
            "from uhc_lib.rules import criteria\n"
            "from uhc_lib.rules.indicators import indicators, national\n\n"
            "panel = api.load_panel(data_path)\n"
            "illustrative = api.is_illustrative(data_path)\n"
            "ind = indicators(panel)\n"
            "period = latest_period(panel) if period is None else period\n"
            "year = int(str(period)[:4]) if criteria_year is None else criteria_year\n"
            'criterion = criteria.headline(year)["criterion"]\n'
            "label = criteria.label(criterion, year, lang)\n"
            "nat = national(ind)\n"
            + show(
                'explore_text.opening("trends_projections", lang, illustrative, label=label, horizon=horizon, '
                "window=window)"
            )
        ),
        code(
            show('explore_text.section("trends_projections", "national", lang)') + "\n"
            "trend_charts.national_trend_chart(nat, lang, illustrative)\n"
            "plt.show()"
        ),
        code(
            show('explore_text.section("trends_projections", "attainment", lang)') + "\n"
            "observed = projections.attainment(ind, year)\n"
            "reach = projections.reach_months(ind, period, year, window)\n"
            "projected = projections.projected_attainment(ind, period, year, horizon, window)\n"
            "trend_charts.attainment_chart(observed, criterion, label, projected, lang, illustrative)\n"
            "plt.show()\n" + show("explore_tables.projected_table(projected, lang)")
        ),
        code(
            show('explore_text.section("trends_projections", "pace", lang)') + "\n"
            "paces = projections.region_paces(ind, period, window)\n"
            "trend_charts.pace_chart(paces, lang, illustrative)\n"
            "plt.show()"
        ),
        code(
            "found = findings.trends(nat, observed, reach, projected, label, lang)\n"
            + show("explore_text.findings_heading(lang)")
            + "\n"
            + show("markdown_list(found)")
        ),
    ]


def budget_scenarios() -> list[nbf.NotebookNode]:
    return [
        how_to(
            "# Budget and scenarios (exploratory notebook)\n\n"
            "**How to use.** Set the region, the starting month and the sizes of your own mix in the parameters "
            "cell, then run all, or export it with `uhc explore budget_scenarios -p region_code=32.03`. "
            "Contributions are the rules in `data/rules/premiums.csv` (`uhc_lib.rules.premiums`); the budget is "
            "`uhc_lib.analysis.budget`, the simulations `uhc_lib.analysis.scenarios` and "
            "`uhc_lib.analysis.scenario_mix`, the national bill `uhc_lib.analysis.national_budget`, the texts and "
            "tables `uhc_lib.render.text.budget_text`, `explore_text`, `explore_tables` and `findings`. With the "
            "embedded data every figure is illustrative."
        ),
        code(
            'region_code = "32.03"  # kabupaten/kota code as text, e.g. "32.03" (Cianjur)\n'
            'period = "2024-12"  # starting month as YYYY-MM or None for the latest month in the data\n'
            "months = 24  # months simulated\n"
            "arrears_persons = 60000  # own mix: most self-paying participants who pay their arrears\n"
            "csr_persons = 20000  # own mix: most self-paying participants whose premium companies pay (CSR)\n"
            "clean_persons = 10000  # own mix: inactive BP participants removed from the register\n"
            "lever_months = 12  # own mix: months over which each lever is spread\n"
            'lang = "id"  # language of the report: "id" (Bahasa Indonesia) or "en"\n'
            "data_path = None  # CSV, Excel or Parquet panel or None for the embedded illustrative data",
            ["parameters"],
        ),
        code(
            SETUP + "from uhc_lib import api\n"
            "from uhc_lib.analysis import budget, national_budget, scenario_mix, scenarios\n"
            "from uhc_lib.render.charts import explore_charts, scenario_chart\n"
            "from uhc_lib.render.text import budget_text, explore_tables, explore_text, findings, narrative\n"
            "from uhc_lib.render.text.tables import markdown_list\n"
            "from uhc_lib.rules import premiums\n"
            "from uhc_lib.rules.indicators import indicators\n\n"
            "panel = api.load_panel(data_path)\n"
            "illustrative = api.is_illustrative(data_path)\n"
            "fig = api.brief_figures(panel, region_code, period, illustrative=illustrative)\n"
            "target = budget.default_target(fig)\n"
            + show(
                'explore_text.opening("budget_scenarios", lang, illustrative, region=fig.region_name, '
                "target=target.short_label(lang))"
            )
            + "\n"
            + show("narrative.status(fig, lang)")
        ),
        code(
            show('explore_text.section("budget_scenarios", "rules", lang)')
            + "\n"
            + show("explore_tables.premium_rules(premiums.premium_table(), lang)")
        ),
        code(
            show('explore_text.section("budget_scenarios", "budget", lang)') + "\n"
            "costed = budget.budget_to_target(fig, target)\n"
            + show("budget_text.budget_sentence(costed, lang)")
            + "\n"
            + show("budget_text.budget_table(costed, lang)")
            + "\n"
            + show("markdown_list(budget_text.assumption_notes(costed, lang))")
        ),
        code(
            show('explore_text.section("budget_scenarios", "self_paid", lang)') + "\n"
            "self_paid = budget.budget_to_target(fig, target, mandiri_to_pemda=0, arrears_months=12)\n"
            + show("budget_text.budget_table(self_paid, lang)")
            + "\n"
            + show("budget_text.payers_table(self_paid, lang)")
        ),
        code(
            show('explore_text.section("budget_scenarios", "scenarios", lang)') + "\n"
            "mix = scenario_mix.mix_scenario(fig, target, arrears_persons, csr_persons, clean_persons, "
            "months=lever_months, lang=lang)\n"
            "chosen = [*scenarios.default_scenarios(fig, lang, target), mix]\n"
            "paths = scenarios.run(chosen, fig, months)\n"
            "table = scenarios.compare_paths(paths)\n"
            + show("budget_text.scenario_table(table, target, lang)")
            + "\n"
            + show("findings.pace_models(target, table.iloc[0], lang)")
        ),
        code(
            "scenario_chart.scenario_chart(paths, target, table, lang)\n"
            "plt.show()\n"
            'scenario_chart.cost_chart(paths, "regency", lang)\n'
            "plt.show()"
        ),
        code(
            show('explore_text.section("budget_scenarios", "mix", lang)') + "\n"
            "levers = scenario_mix.lever_table(paths[mix.name], mix)\n"
            "explore_charts.composition_chart(scenario_mix.active_by_lever(paths[mix.name], mix), levers, "
            'target.activate_needed, target.label(lang).split(" (")[0], fig.region_name, lang, illustrative)\n'
            "plt.show()\n" + show("explore_tables.lever_table(levers, lang)")
        ),
        code(
            show('explore_text.section("budget_scenarios", "national", lang)') + "\n"
            "national = national_budget.national_enrolment(indicators(panel), fig.period, target.min_coverage_pct)\n"
            'province = national.region(region_code)["province_code"]\n'
            "explore_charts.province_cost_chart(national, lang, illustrative, highlight=province)\n"
            "plt.show()\n" + show("explore_tables.largest_bills(national.largest(10), lang)")
        ),
        code(
            "found = findings.budget_scenarios(costed, table, national, fig.region_name, lang)\n"
            + show("explore_text.findings_heading(lang)")
            + "\n"
            + show("markdown_list(found)")
        ),
    ]


def national_overview() -> list[nbf.NotebookNode]:
    return [
        how_to(
            "# National overview (exploratory notebook)\n\n"
            "**How to use.** Set the month, the criteria year, the language and your own panel file in the "
            "parameters cell and run all, or export it with `uhc explore national_overview`. The calculations are "
            "`uhc_lib.analysis.peers` and `uhc_lib.analysis.overview`; the charts `uhc_lib.render.charts.peer_charts` "
            "and the maps `uhc_lib.render.charts.maps` (simplified boundaries, not official BIG boundaries); the "
            "texts and tables `uhc_lib.render.text.explore_text`, `explore_tables` and `findings`. With the embedded "
            "data every figure is illustrative."
        ),
        code(
            "period = None  # month as YYYY-MM or None for the latest month in the data\n"
            "criteria_year = None  # year whose criteria lines are drawn or None for the year of the period\n"
            'lang = "id"  # language of the report: "id" (Bahasa Indonesia) or "en"\n'
            "data_path = None  # CSV, Excel or Parquet panel or None for the embedded illustrative data",
            ["parameters"],
        ),
        code(
            SETUP + "from uhc_lib import api\n"
            "from uhc_lib.analysis import overview, peers\n"
            "from uhc_lib.render.charts import explore_charts, maps, peer_charts\n"
            "from uhc_lib.render.text import classes, explore_tables, explore_text, findings, peer_text\n"
            "from uhc_lib.render.text.tables import markdown_list\n"
            "from uhc_lib.rules.indicators import indicators\n\n"
            "panel = api.load_panel(data_path)\n"
            "illustrative = api.is_illustrative(data_path)\n"
            "ind = indicators(panel)\n"
            "q = peers.quadrants(ind, period, criteria_year)\n"
            + show('explore_text.opening("national_overview", lang, illustrative)')
            + "\n"
            + show("peer_text.quadrant_sentence(q, lang)")
        ),
        code(
            show('explore_text.section("national_overview", "spread", lang)') + "\n"
            'cov_edges, act_edges = maps.CLASS_EDGES["coverage_pct"], maps.CLASS_EDGES["activity_pct"]\n'
            "counts = overview.class_counts(q.regions, cov_edges, act_edges)\n"
            + show("explore_tables.class_markdown(classes.class_table(counts, cov_edges, act_edges, lang), lang)")
            + "\n"
            + show("explore_tables.summary_statistics(q.regions, lang)")
        ),
        code(
            show('explore_text.section("national_overview", "quadrant", lang)') + "\n"
            "xlim, ylim = explore_charts.quadrant_limits(q.regions)  # room for the corner counts and line labels\n"
            "peer_charts.quadrant_chart(q, size_by_population=True, lang=lang, illustrative=illustrative, xlim=xlim, "
            "ylim=ylim)\n"
            "plt.show()"
        ),
        code(
            show('explore_text.section("national_overview", "maps", lang)') + "\n"
            "maps.coverage_map(q.regions, lang=lang, illustrative=illustrative)\n"
            "plt.show()\n"
            "maps.activity_map(q.regions, lang=lang, illustrative=illustrative)\n"
            "plt.show()\n"
            "summary = peers.province_summary(ind, q.period, criteria_year)\n"
            "lines = (q.coverage_line, q.activity_line, q.criteria_year)\n"
            "maps.status_map(q.regions, *lines, lang=lang, illustrative=illustrative)\n"
            "plt.show()\n"
            'maps.status_map(summary, *lines, level="province", lang=lang, illustrative=illustrative)\n'
            "plt.show()"
        ),
        code(
            show('explore_text.section("national_overview", "provinces", lang)')
            + "\n"
            + show("explore_tables.provinces_table(summary, lang)")
        ),
        code(
            show('explore_text.section("national_overview", "inequality", lang)') + "\n"
            "national_table = overview.national_inequality_table(ind, q.period)\n"
            + show("explore_tables.national_inequality(national_table, lang)")
            + "\n"
            'within = peers.province_inequality(ind, q.period, "activity_pct")\n'
            'between = peers.national_inequality(ind, q.period, "activity_pct")\n'
            "peer_charts.inequality_chart(within, q.activity_line, between, lang=lang, illustrative=illustrative,\n"
            "                             criteria_year=q.criteria_year)\n"
            "plt.show()\n"
            + show(
                'explore_tables.province_inequality(peers.province_inequality(ind, q.period, "coverage_pct"), '
                "lang, top=10)"
            )
        ),
        code(
            "found = findings.national_overview(q, summary, national_table, within, lang)\n"
            + show("explore_text.findings_heading(lang)")
            + "\n"
            + show("markdown_list(found)")
        ),
    ]


def province_deep_dive() -> list[nbf.NotebookNode]:
    return [
        how_to(
            "# Province deep dive (exploratory notebook)\n\n"
            '**How to use.** Set `province_code` (two digits as text: "32" Jawa Barat, "17" Bengkulu), the month, '
            "the criteria year, the language and your own panel file, then run all, or export it with "
            "`uhc explore province_deep_dive -p province_code=17`. The calculations are `uhc_lib.analysis.peers` "
            "and `uhc_lib.analysis.province_view`; the charts `uhc_lib.render.charts.peer_charts` and the maps "
            "`uhc_lib.render.charts.maps` (simplified boundaries, not official BIG boundaries); the texts and "
            "tables `uhc_lib.render.text.explore_text`, `explore_tables` and `findings`. With the embedded data "
            "every figure is illustrative."
        ),
        code(
            'province_code = "32"  # two-digit province code as text, e.g. "32" (Jawa Barat) or "17" (Bengkulu)\n'
            "period = None  # month as YYYY-MM or None for the latest month in the data\n"
            "criteria_year = None  # year whose criteria apply or None for the year of the period\n"
            'lang = "id"  # language of the report: "id" (Bahasa Indonesia) or "en"\n'
            "data_path = None  # CSV, Excel or Parquet panel or None for the embedded illustrative data",
            ["parameters"],
        ),
        code(
            SETUP + "from uhc_lib import api\n"
            "from uhc_lib.analysis import peers, province_view\n"
            "from uhc_lib.render.charts import maps, peer_charts\n"
            "from uhc_lib.render.text import explore_tables, explore_text, findings, peer_text\n"
            "from uhc_lib.render.text.tables import markdown_list\n"
            "from uhc_lib.rules.indicators import indicators\n\n"
            "panel = api.load_panel(data_path)\n"
            "illustrative = api.is_illustrative(data_path)\n"
            "q = peers.quadrants(indicators(panel), period, criteria_year)\n"
            "pp = peers.province_peers(None, province_code, q=q)\n"
            "inequality = province_view.inequality(pp)\n"
            + show('explore_text.opening("province_deep_dive", lang, illustrative, province=pp.province_name)')
            + "\n"
            + show("peer_text.province_sentence(inequality.iloc[1], lang)")
        ),
        code(
            show('explore_text.section("province_deep_dive", "ranking", lang)') + "\n"
            'peer_charts.province_ranking_chart(pp, "activity_pct", lang=lang, illustrative=illustrative)\n'
            "plt.show()"
        ),
        code(
            show('explore_text.section("province_deep_dive", "maps", lang)') + "\n"
            "zoom = dict(province_code=province_code, lang=lang, illustrative=illustrative)\n"
            "maps.coverage_map(q.regions, labels=False, **zoom)\n"
            "plt.show()\n"
            "maps.activity_map(q.regions, labels=False, **zoom)\n"
            "plt.show()\n"
            "maps.status_map(q.regions, q.coverage_line, q.activity_line, q.criteria_year, **zoom)\n"
            "plt.show()"
        ),
        code(
            show('explore_text.section("province_deep_dive", "inequality", lang)')
            + "\n"
            + show("explore_tables.province_inequality(inequality, lang)")
        ),
        code(
            show('explore_text.section("province_deep_dive", "gaps", lang)') + "\n"
            "table = province_view.criteria_and_gaps(pp)\n"
            + show("explore_tables.gap_totals(province_view.gap_totals(table), lang)")
            + "\n"
            + show("explore_tables.criteria_and_gaps(table, pp.criteria_year, lang)")
        ),
        code(
            "found = findings.province_deep_dive(pp, inequality, table, lang)\n"
            + show("explore_text.findings_heading(lang)")
            + "\n"
            + show("markdown_list(found)")
        ),
    ]


NOTEBOOKS = {
    "trends_projections": trends_projections,
    "budget_scenarios": budget_scenarios,
    "national_overview": national_overview,
    "province_deep_dive": province_deep_dive,
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
