"""Write notebooks/explore/registry_matching.ipynb (kept as code so the notebook's structure is reviewable)."""

from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1]

cells = [
    nbf.v4.new_markdown_cell(
        "# Pemadanan registrasi penduduk dengan data peserta JKN (registry matching)\n\n"
        "Purpose: explain coverage above 100 percent (Lebong: 100.71 percent registered but 75.41 percent active) by "
        "matching the population/social registry with the BPJS participant extract person by person, and give the "
        "health office a prioritised, pseudonymised worklist of residents to enrol, with its yearly cost.\n\n"
        "How to use: put the pseudonymisation key in the environment variable named by `key_env` (never in the "
        "notebook), set `registry_path` and `participants_path` to the two extracts (CSV or Parquet, see "
        "`uhc_lib/registry/SCHEMAS.md`) and run all. With empty paths it runs on a **synthetic** demo extract. "
        "Published tables hide counts below `threshold`. The worklists (tokens only) are written to `out_dir`. "
        "All logic lives in `uhc_lib.registry`; this notebook only displays.",
        metadata={"tags": ["remove_cell"]},
    ),
    nbf.v4.new_code_cell(
        'region_code = "17.07"  # Kemendagri kab/kota code as text (Lebong)\n'
        'registry_path = ""  # registry extract (CSV or Parquet) or empty for a synthetic demo\n'
        'participants_path = ""  # JKN participant extract (CSV or Parquet) or empty for a synthetic demo\n'
        "prepared = False  # True when both files are already prepared (pseudonymised Parquet)\n"
        'key_env = "UHC_PSEUDONYM_KEY"  # name of the environment variable holding the pseudonymisation key\n'
        'period = "2024-07"  # month of the extracts as YYYY-MM\n'
        "threshold = 10  # published counts from 1 to threshold minus 1 are hidden\n"
        "premium_per_month = None  # Rp per person per month or None for uhc_lib.rules.premiums "
        "(fallback Rp42.000 class III from 2021, Perpres 64/2020)\n"
        "budget_rp = None  # a yearly budget in Rp to draw on the worklist chart, or None\n"
        'out_dir = ""  # folder for prepared files and worklists or empty for a temporary folder\n'
        "demo_residents = 20000  # residents of the synthetic demo\n"
        'lang = "id"  # "id" (Bahasa Indonesia) or "en"',
        metadata={"tags": ["parameters"]},
    ),
    nbf.v4.new_code_cell(
        "%matplotlib inline\n"
        "%config InlineBackend.figure_formats = ['png']\n"
        "import matplotlib.pyplot as plt\n"
        "from IPython.display import Markdown, display\n\n"
        "from uhc_lib.common import fmt\n"
        "from uhc_lib.registry import areas, match, registry_charts, workbooks, worklist\n"
        "from uhc_lib.registry import registry_text as text\n"
        "from uhc_lib.render.text.tables import markdown_list\n\n"
        "run = match.run_extracts(region_code, period, registry=registry_path, participants=participants_path,\n"
        "                         prepared=prepared, premium_per_month=premium_per_month, out_dir=out_dir,\n"
        "                         key_env=key_env, demo_residents=demo_residents)\n"
        "result = run.result\n"
        "workbook = workbooks.write_worklists(result.worklist_paths[0].parent, lang, synthetic=run.synthetic)\n"
        "figures = worklist.key_figures(result, threshold)\n"
        "names = areas.area_names(region_code)",
        metadata={"tags": ["setup"]},
    ),
    nbf.v4.new_code_cell(
        'display(Markdown(f"# {text.title(names[region_code], lang)}"))\n'
        "if run.synthetic:\n"
        "    display(Markdown(text.SYNTHETIC_NOTE[lang]))"
    ),
    nbf.v4.new_code_cell(
        "excluded = worklist.exclusion_counts(result, threshold, lang)\n"
        "display(Markdown(text.suppression_note(threshold, excluded.marker, lang)))  # for every table below\n"
        "display(Markdown(text.section('validate', lang)))\n"
        "display(Markdown(text.exclusions_table(excluded, lang)))\n"
        "display(Markdown(text.validation(excluded, lang)))\n"
        "display(Markdown(text.section('tokens', lang, tokens=', '.join(f'`{t[:12]}…`' for t in "
        "match.example_tokens(result.worklist_paths[0])))))"
    ),
    nbf.v4.new_code_cell(
        "display(Markdown(text.section('coverage', lang)))\ndisplay(Markdown(text.headline(figures, lang)))"
    ),
    nbf.v4.new_code_cell(
        "by_area = worklist.area_counts(result, threshold, 'kecamatan', lang)\n"
        "display(Markdown(text.section('areas', lang)))\n"
        "display(Markdown(text.area_table(by_area, names, lang)))"
    ),
    nbf.v4.new_code_cell(
        "not_resident = worklist.not_resident_counts(result, threshold, lang)\n"
        "display(Markdown(text.section('excess', lang)))\n"
        "display(Markdown(text.excess(figures, not_resident, lang)))\n"
        "display(Markdown(text.not_resident_table(not_resident, lang)))"
    ),
    nbf.v4.new_code_cell(
        "display(Markdown(text.section('inactive', lang)))\n"
        "display(Markdown(text.inactive_table(worklist.inactive_counts(result, threshold, lang), lang)))"
    ),
    nbf.v4.new_code_cell(
        "deciles = worklist.worklist_counts(result, threshold, lang)\n"
        "display(Markdown(text.section('worklist', lang, premium=fmt.rupiah(result.premium_per_month, lang),\n"
        "                              yearly=fmt.rupiah(result.yearly_premium, lang))))\n"
        "display(Markdown(text.worklist_table(deciles, lang)))\n"
        "if budget_rp:\n"
        "    display(Markdown(text.budget(worklist.deciles_within_budget(deciles, budget_rp), budget_rp, lang)))\n"
        "registry_charts.worklist_chart(deciles, lang, budget_rp, synthetic=run.synthetic)\n"
        "plt.show()\n"
        "display(Markdown(text.section('files', lang, workbook=workbook.name, files=', '.join(f'`{p.name}`' for p in "
        "result.worklist_paths + result.reactivation_paths))))"
    ),
    nbf.v4.new_code_cell(
        "display(Markdown(text.section('findings', lang)))\n"
        "display(Markdown(markdown_list(text.findings(figures, lang))))"
    ),
    nbf.v4.new_code_cell(
        'display({"application/json": worklist.summary(figures, run.synthetic)}, raw=True)',
        metadata={"tags": ["summary", "remove_cell"]},
    ),
]

# stable cell ids, so regenerating the notebook changes nothing unless its content changes
for i, cell in enumerate(cells):
    cell["id"] = f"registry-{i:02d}"
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
out = ROOT / "notebooks" / "explore" / "registry_matching.ipynb"
out.parent.mkdir(parents=True, exist_ok=True)
nbf.write(nb, out)
print(out)
