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


def trends_projections() -> list[nbf.NotebookNode]:
    return [
        md(
            "# Trends and projections: how fast are kabupaten/kota moving towards UHC?\n\n"
            "**Question.** How have national coverage and activity moved, how many of the 514 kabupaten/kota meet the "
            "year's headline criterion (2025: UHC Prioritas, 98 % registered and 80 % active) month by month, and how "
            "many would meet it within a year if each kept the pace of its last six months?\n\n"
            "**How to use.** Set the parameters (month, criteria year, horizon, language, your own panel file) and run "
            "all. The calculations are `uhc_lib.analysis.projections` and `uhc_lib.rules.indicators`; the charts "
            "`uhc_lib.render.charts.trend_charts`; the findings `uhc_lib.render.text.findings`. With the embedded "
            "data every figure is "
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
            SETUP + "from uhc_lib import api\n"
            "from uhc_lib.analysis import projections\n"
            "from uhc_lib.analysis.brief import latest_period\n"
            "from uhc_lib.render.charts import trend_charts\n"
            "from uhc_lib.render.text import findings\n"
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
            "display(Markdown(markdown_list(found)))"
        ),
    ]


def budget_scenarios() -> list[nbf.NotebookNode]:
    return [
        md(
            "# Budget and scenarios: what would UHC Prioritas cost a regency?\n\n"
            "**Question.** What would it cost a kabupaten/kota to reach UHC Prioritas (98 % registered, 80 % active), "
            "who pays which part, and which mix of levers (enrolling residents, reactivating participants in "
            "arrears, CSR, taking over inactive participants, cleaning the register) gets there first? And what would "
            "closing every region's enrolment gap cost the regencies of Indonesia together?\n\n"
            "**How to use.** Set the region, the starting month and the sizes of your own mix in the parameters "
            "cell, then run all. Contributions are the rules in `data/rules/premiums.csv` "
            "(`uhc_lib.rules.premiums`); the "
            "budget is `uhc_lib.analysis.budget`, the simulations `uhc_lib.analysis.scenarios` and "
            "`uhc_lib.analysis.scenario_mix`, the national "
            "bill `uhc_lib.analysis.national_budget`, the texts `uhc_lib.render.text.budget_text` and "
            "`uhc_lib.render.text.findings`. With the "
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
            'lang = "en"  # language of tables, charts and findings: "id" or "en"\n'
            "data_path = None  # CSV, Excel or Parquet panel or None for the embedded illustrative data",
            ["parameters"],
        ),
        code(
            SETUP + "from uhc_lib import api\n"
            "from uhc_lib.analysis import budget, national_budget, scenario_mix, scenarios\n"
            "from uhc_lib.render.charts import explore_charts, scenario_chart\n"
            "from uhc_lib.render.text import budget_text, findings, narrative\n"
            "from uhc_lib.render.text.tables import markdown_list\n"
            "from uhc_lib.rules import premiums\n"
            "from uhc_lib.rules.indicators import indicators\n\n"
            "panel = api.load_panel(data_path)\n"
            "illustrative = api.is_illustrative(data_path)\n"
            "fig = api.brief_figures(panel, region_code, period, illustrative=illustrative)\n"
            "target = budget.default_target(fig)\n"
            "display(Markdown(narrative.status(fig, lang)))"
        ),
        md(
            "## 1. Who pays what: the contribution rules\n"
            "One row per period, segment, class and payer, with its legal source. A resident the regency enrols "
            "(PBPU Pemda, class III) costs it Rp42,000 a month; a self-paying class III participant pays Rp35,000 "
            "and the regency adds Rp2,800 (the central government Rp4,200)."
        ),
        code('premiums.premium_table().drop(columns="row")'),
        md(
            "## 2. The budget to close the gap\n"
            "The target is the next unmet headline criterion (from a 2024 month: 2025's UHC Prioritas). Missing "
            "residents are enrolled as PBPU Pemda; the other active participants needed come from the inactive ones, "
            "spread over the segments in proportion to their inactive participants. Each assumption is listed "
            "under the table."
        ),
        code(
            "costed = budget.budget_to_target(fig, target)\n"
            "display(Markdown(budget_text.budget_sentence(costed, lang)))\n"
            "display(Markdown(budget_text.budget_table(costed, lang)))\n"
            "display(Markdown(markdown_list(budget_text.assumption_notes(costed, lang))))"
        ),
        md(
            "The same gap when the self-paying participants in arrears reactivate by paying 12 months of arrears "
            "themselves instead of being moved to PBPU Pemda: the regency's yearly bill falls, the participants' "
            "rises (`totals()` per payer)."
        ),
        code(
            "self_paid = budget.budget_to_target(fig, target, mandiri_to_pemda=0, arrears_months=12)\n"
            "display(Markdown(budget_text.budget_table(self_paid, lang)))\n"
            "self_paid.totals()"
        ),
        md(
            "## 3. Scenarios: which levers get there first?\n"
            "Four scenarios sized from the region's own gaps (`scenarios.default_scenarios`) and an own mix built "
            "from the parameters (`scenario_mix.mix_scenario`: clean, enrol the coverage gap left after the "
            "cleaning, reactivate through arrears and CSR, take over inactive participants for the rest).\n\n"
            "**Two models of the current pace.** The scenario model carries on the recent change in *persons* a "
            "month and holds the population at its starting value (Dukcapil's semester updates are not modelled). "
            "The brief's projection carries on the change in *percentage points* a month. The two can disagree; "
            "the sentence below the table gives both."
        ),
        code(
            "mix = scenario_mix.mix_scenario(fig, target, arrears_persons, csr_persons, clean_persons, "
            "months=lever_months, lang=lang)\n"
            "chosen = [*scenarios.default_scenarios(fig, lang, target), mix]\n"
            "paths = scenarios.run(chosen, fig, months)\n"
            "table = scenarios.compare_paths(paths)\n"
            "display(Markdown(budget_text.scenario_table(table, target, lang)))\n"
            "display(Markdown(findings.pace_models(target, table.iloc[0], lang)))"
        ),
        code(
            "scenario_chart.scenario_chart(paths, target, table, lang)\n"
            "plt.show()\n"
            'scenario_chart.cost_chart(paths, "regency", lang)\n'
            "plt.show()"
        ),
        md(
            "## 4. The own mix, lever by lever\n"
            "Persons each lever added, the month its cap was reached, its effect on registered and active "
            "participants and its costs (they add up to the scenario's totals). Cleaning the register removes "
            "participants who are no longer residents: it **lowers** coverage (the population stays Dukcapil's), "
            "which is why the mix enrols that many more residents."
        ),
        code(
            "levers = scenario_mix.lever_table(paths[mix.name], mix)\n"
            "explore_charts.composition_chart(scenario_mix.active_by_lever(paths[mix.name], mix), levers, "
            'target.activate_needed, target.label(lang).split(" (")[0], fig.region_name, lang, illustrative)\n'
            "plt.show()\n"
            "levers"
        ),
        md(
            "## 5. The national view\n"
            "Every kab/kota's coverage gap to the target's minimum in the same month, priced as PBPU Pemda "
            "enrolment for a year (activity gaps are left out: who the inactive participants are decides their "
            "cost). Per province, then the ten largest regional bills."
        ),
        code(
            "national = national_budget.national_enrolment(indicators(panel), fig.period, target.min_coverage_pct)\n"
            'province = national.region(region_code)["province_code"]\n'
            "explore_charts.province_cost_chart(national, lang, illustrative, highlight=province)\n"
            "plt.show()\n"
            "national.largest(10)"
        ),
        md("## Findings"),
        code(
            "found = findings.budget_scenarios(costed, table, national, fig.region_name, lang)\n"
            "display(Markdown(markdown_list(found)))"
        ),
    ]


def national_overview() -> list[nbf.NotebookNode]:
    return [
        md(
            "# National overview: where do the 514 kabupaten/kota stand?\n\n"
            "**Question.** Where does each of the 514 kabupaten/kota stand on coverage (registered ÷ population) and "
            "activity (active ÷ population) against the year's criteria lines, how do the provinces differ, and how "
            "unequal are regions between and within provinces?\n\n"
            "**How to use.** Set the month, the criteria year, the language and your own panel file in the "
            "parameters cell and run all. The calculations are `uhc_lib.analysis.peers` and "
            "`uhc_lib.analysis.overview`; the charts "
            "`uhc_lib.render.charts.peer_charts` and the maps `uhc_lib.render.charts.maps` (simplified boundaries, "
            "not official BIG "
            "boundaries); the findings `uhc_lib.render.text.findings`. With the embedded data every figure is "
            "illustrative."
        ),
        code(
            "period = None  # month as YYYY-MM or None for the latest month in the data\n"
            "criteria_year = None  # year whose criteria lines are drawn or None for the year of the period\n"
            'lang = "en"  # language of charts and findings: "id" or "en"\n'
            "data_path = None  # CSV, Excel or Parquet panel or None for the embedded illustrative data",
            ["parameters"],
        ),
        code(
            SETUP + "from uhc_lib import api\n"
            "from uhc_lib.analysis import overview, peers\n"
            "from uhc_lib.render.charts import explore_charts, maps, peer_charts\n"
            "from uhc_lib.render.text import classes, findings, peer_text\n"
            "from uhc_lib.render.text.tables import markdown_list\n"
            "from uhc_lib.rules.indicators import indicators\n\n"
            "panel = api.load_panel(data_path)\n"
            "illustrative = api.is_illustrative(data_path)\n"
            "ind = indicators(panel)\n"
            "q = peers.quadrants(ind, period, criteria_year)\n"
            "display(Markdown(peer_text.quadrant_sentence(q, lang)))"
        ),
        md(
            "## 1. How the regions spread\n"
            "Regions by class of coverage (rows) and of activity (columns), cut at the criteria minimums and the "
            "maps' other edges; a region is placed by its counts, exactly as the criteria compare them. Then the "
            "usual summary statistics of the two shares (unweighted: every region counts once)."
        ),
        code(
            'cov_edges, act_edges = maps.CLASS_EDGES["coverage_pct"], maps.CLASS_EDGES["activity_pct"]\n'
            "classes.class_table(overview.class_counts(q.regions, cov_edges, act_edges), cov_edges, act_edges, lang)"
        ),
        code('q.regions[["coverage_pct", "activity_pct", "population"]].describe()'),
        md(
            "## 2. Coverage against activity\n"
            "Each dot is a region, sized by its population; the dashed lines are the year's headline minimums. "
            "Regions right of the vertical line and below the horizontal one have registered enough residents "
            "but too few are active: enrolment alone will not bring them to the criterion."
        ),
        code(
            "xlim, ylim = explore_charts.quadrant_limits(q.regions)  # room for the corner counts and line labels\n"
            "peer_charts.quadrant_chart(q, size_by_population=True, lang=lang, illustrative=illustrative, xlim=xlim, "
            "ylim=ylim)\n"
            "plt.show()"
        ),
        md(
            "## 3. Maps\n"
            "Coverage and activity in classes whose edges are the criteria minimums, then the status against both "
            "lines, by kabupaten/kota and (on the provinces' pooled totals) by province."
        ),
        code(
            "maps.coverage_map(q.regions, lang=lang, illustrative=illustrative)\n"
            "plt.show()\n"
            "maps.activity_map(q.regions, lang=lang, illustrative=illustrative)\n"
            "plt.show()"
        ),
        code(
            "summary = peers.province_summary(ind, q.period, criteria_year)\n"
            "lines = (q.coverage_line, q.activity_line, q.criteria_year)\n"
            "maps.status_map(q.regions, *lines, lang=lang, illustrative=illustrative)\n"
            "plt.show()\n"
            'maps.status_map(summary, *lines, level="province", lang=lang, illustrative=illustrative)\n'
            "plt.show()"
        ),
        md(
            "## 4. Provinces\n"
            "Pooled totals and rates of each province, its rank among the 38, its own quadrant, and how many of its "
            "kab/kota meet each line and both (`share_both_pct`), lowest share first."
        ),
        code(
            'columns = ["province_name", "n_regions", "coverage_pct", "activity_pct", "coverage_rank", '
            '"activity_rank",\n'
            '           "quadrant", "n_meets_coverage_line", "n_meets_activity_line", "n_both", "share_both_pct"]\n'
            'summary.sort_values(["share_both_pct", "province_code"])[columns]'
        ),
        md(
            "## 5. Inequality\n"
            "Summary measures of the WHO Health Equity Assessment Toolkit (HEAT): D (highest − lowest, points), R "
            "(highest ÷ lowest), BGV (between-group variance, population-weighted), MDM (mean difference from the "
            "mean, population-weighted) and IDIS (index of disparity, unweighted, percent). First for Indonesia, "
            "between the 38 provinces and between all kab/kota; then between the kab/kota of each province."
        ),
        code("overview.national_inequality_table(ind, q.period)"),
        code(
            'within = peers.province_inequality(ind, q.period, "activity_pct")\n'
            'between = peers.national_inequality(ind, q.period, "activity_pct")\n'
            "peer_charts.inequality_chart(within, q.activity_line, between, lang=lang, illustrative=illustrative,\n"
            "                             criteria_year=q.criteria_year)\n"
            "plt.show()\n"
            'peers.province_inequality(ind, q.period, "coverage_pct").sort_values("difference", ascending=False)'
            ".head(10)"
        ),
        md("## Findings"),
        code(
            "found = findings.national_overview(q, summary, overview.national_inequality_table(ind, q.period), "
            "within, lang)\n"
            "display(Markdown(markdown_list(found)))"
        ),
    ]


def province_deep_dive() -> list[nbf.NotebookNode]:
    return [
        md(
            "# Province deep dive: how do the kabupaten/kota of one province compare?\n\n"
            "**Question.** In one province, how do its kabupaten/kota rank on coverage and activity, which of them "
            "meet which criteria, how unequal are they (HEAT measures), and how many persons separate each from the "
            "year's headline criterion?\n\n"
            '**How to use.** Set `province_code` (two digits as text: "32" Jawa Barat, "17" Bengkulu), the month, '
            "the criteria year, the language and your own panel file, then run all. The calculations are "
            "`uhc_lib.analysis.peers` and `uhc_lib.analysis.province_view`; the charts "
            "`uhc_lib.render.charts.peer_charts` and the maps "
            "`uhc_lib.render.charts.maps` (simplified boundaries, not official BIG boundaries); the findings "
            "`uhc_lib.render.text.findings`. "
            "With the embedded data every figure is illustrative."
        ),
        code(
            'province_code = "32"  # two-digit province code as text, e.g. "32" (Jawa Barat) or "17" (Bengkulu)\n'
            "period = None  # month as YYYY-MM or None for the latest month in the data\n"
            "criteria_year = None  # year whose criteria apply or None for the year of the period\n"
            'lang = "en"  # language of charts and findings: "id" or "en"\n'
            "data_path = None  # CSV, Excel or Parquet panel or None for the embedded illustrative data",
            ["parameters"],
        ),
        code(
            SETUP + "from uhc_lib import api\n"
            "from uhc_lib.analysis import peers, province_view\n"
            "from uhc_lib.render.charts import maps, peer_charts\n"
            "from uhc_lib.render.text import findings, peer_text\n"
            "from uhc_lib.render.text.tables import markdown_list\n"
            "from uhc_lib.rules.indicators import indicators\n\n"
            "panel = api.load_panel(data_path)\n"
            "illustrative = api.is_illustrative(data_path)\n"
            "q = peers.quadrants(indicators(panel), period, criteria_year)\n"
            "pp = peers.province_peers(None, province_code, q=q)\n"
            "inequality = province_view.inequality(pp)\n"
            "display(Markdown(peer_text.province_sentence(inequality.iloc[1], lang)))"
        ),
        md(
            "## 1. The regions ranked\n"
            "Coverage and activity of every kab/kota, ranked by activity (the indicator most regions miss); dashed: "
            "the year's criteria lines, dotted: the province's pooled rates."
        ),
        code(
            'peer_charts.province_ranking_chart(pp, "activity_pct", lang=lang, illustrative=illustrative)\nplt.show()'
        ),
        md(
            "## 2. Maps of the province\n"
            "Classes cut at the criteria minimums; the status map shows which line each region meets and names the "
            "regions (small cities' names may crowd: the ranking above has them all)."
        ),
        code(
            "zoom = dict(province_code=province_code, lang=lang, illustrative=illustrative)\n"
            "maps.coverage_map(q.regions, labels=False, **zoom)\n"
            "plt.show()\n"
            "maps.activity_map(q.regions, labels=False, **zoom)\n"
            "plt.show()\n"
            "maps.status_map(q.regions, q.coverage_line, q.activity_line, q.criteria_year, **zoom)\n"
            "plt.show()"
        ),
        md(
            "## 3. Best, worst and inequality\n"
            "Measures of the WHO Health Equity Assessment Toolkit (HEAT) between the province's kab/kota: D "
            "(highest − lowest, points), R (highest ÷ lowest), BGV (between-group variance, population-weighted), "
            "MDM (mean difference from the province's rate, population-weighted, points) and IDIS (index of "
            "disparity, unweighted, percent). The province's rate (`pooled_pct`) comes from its counts."
        ),
        code("inequality.T"),
        md(
            "## 4. Criteria met and the gaps in persons\n"
            "Each region's best criterion met (`status`), every criterion of the year, and the persons to enrol, to "
            "make active and to reactivate for the headline criterion (new enrolees are active the same day under "
            "UHC Prioritas, so reactivations are the activity gap left after enrolment)."
        ),
        code("table = province_view.criteria_and_gaps(pp)\ndisplay(province_view.gap_totals(table))\ntable"),
        md("## Findings"),
        code(
            "found = findings.province_deep_dive(pp, inequality, table, lang)\ndisplay(Markdown(markdown_list(found)))"
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
