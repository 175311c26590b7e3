"""The light `training` extra: only what the lessons need, and the lessons' imports need nothing else."""

import subprocess
import sys
import tomllib

from uhc_lib.common.config import PROJECT_ROOT

HEAVY = ("papermill", "weasyprint", "dask", "distributed", "duckdb", "geopandas", "nbconvert", "nbclient", "seaborn")


def test_the_training_extra_lists_no_batch_pdf_cluster_or_map_dependency():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    training = [r.split(">")[0].split("[")[0].lower() for r in project["optional-dependencies"]["training"]]
    assert {"pandas", "jupyterlab", "ipykernel", "babel", "pyarrow"} <= set(training)
    assert not set(training) & set(HEAVY)
    base = {r.split(">")[0].split("[")[0].lower() for r in project["dependencies"]}
    assert set(training) <= base | {"jupyterlab", "ipykernel"}  # nothing the package itself does not use


def test_a_lesson_runs_without_the_heavy_dependencies_being_imported():
    """Everything the lessons import and compute, in a fresh interpreter: none of the heavy packages is loaded."""
    code = (
        "import sys, matplotlib; matplotlib.use('Agg')\n"
        "from uhc_lib import api, training\n"
        "from uhc_lib.analysis import budget, gaps, scenarios\n"
        "from uhc_lib.render.charts import brief_charts, scenario_chart\n"
        "from uhc_lib.render.text import budget_text, narrative, tables\n"
        "from uhc_lib.rules import criteria, indicators, premiums\n"
        "from uhc_lib.training import texts\n"
        "c = training.setup(5, '32.03', '2024-12')\n"
        "fig = api.figures_for('32.03', '2024-12')\n"
        "narrative.markdown(fig); c.table(c.panel.head())._repr_html_()\n"
        "t = scenarios.compare(scenarios.default_scenarios(fig), fig, months=6)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout
