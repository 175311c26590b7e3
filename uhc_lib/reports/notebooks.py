"""Run a project notebook (the exploratory ones, registry matching) with parameters and keep it as offline HTML.

The regency brief has its own runner (:mod:`uhc_lib.reports.run`); this one serves the notebooks a researcher or an
analyst runs one at a time: each is executed by papermill in a fresh kernel and exported like a brief (no code, no
network). A failed run keeps its executed notebook (``<stem>.failed.ipynb``) and writes no HTML.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill as pm

from uhc_lib import api
from uhc_lib.common.config import NOTEBOOKS_DIR
from uhc_lib.reports.engines import execute
from uhc_lib.reports.export import notebook_to_html, write_atomic
from uhc_lib.reports.guard import (
    PROVINCE_RE,
    BadInput,
    check_criteria_year,
    check_data_path,
    check_lang,
    check_period,
    check_region_code,
    error_sentence,
)

EXPLORE_DIR = NOTEBOOKS_DIR / "explore"
REGISTRY_NOTEBOOK = EXPLORE_DIR / "registry_matching.ipynb"


@dataclass(frozen=True)
class NotebookRun:
    """Where one run's files are; ``error`` is None when it succeeded."""

    name: str
    html: str | None
    notebook: str
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def explore_notebooks() -> list[str]:
    """Names of the exploratory notebooks (``notebooks/explore/<name>.ipynb``)."""
    return sorted(p.stem for p in EXPLORE_DIR.glob("*.ipynb"))


def notebook_path(name: str) -> Path:
    """An exploratory notebook by name, or a path to any notebook."""
    path = Path(name)
    if path.suffix == ".ipynb" and path.exists():
        return path
    candidate = EXPLORE_DIR / f"{name}.ipynb"
    if not candidate.exists():
        raise BadInput(
            f"there is no notebook {name!r}; the exploratory notebooks are: {', '.join(explore_notebooks())}."
        )
    return candidate


def typed_parameters(path: Path, given: dict[str, str]) -> dict[str, object]:
    """Parameters given as text (``key=value`` on a command line) typed like the notebook's defaults.

    A parameter whose default is text stays text (``region_code=11.10`` is not the number 11.1); any other is read as
    a Python literal when it is one (``horizon=12``, ``criteria_year=2025``, ``prepared=True``), else kept as text.
    Unknown names are an error that lists the notebook's parameters.
    """
    declared = pm.inspect_notebook(str(path))
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise BadInput(f"{path.name} has no parameter {', '.join(unknown)}; its parameters: {', '.join(declared)}.")
    typed: dict[str, object] = {}
    for name, text in given.items():
        try:
            default = ast.literal_eval(declared[name]["default"])
        except (ValueError, SyntaxError):
            default = None
        if isinstance(default, str):
            typed[name] = text
            continue
        try:
            typed[name] = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            typed[name] = text
    return typed


def check_parameters(params: dict[str, object]) -> dict[str, object]:
    """Check the values of an exploratory notebook's parameters before any kernel starts (:class:`BadInput`, one
    sentence): the data file, a month present in it (``juli-2024`` read as ``2024-07``), a region or province code
    present in it (with a suggestion for ``1707``), a criteria year the rules cover and the language."""
    out = dict(params)
    if out.get("lang") is not None:
        check_lang(out["lang"])
    data = check_data_path(out["data_path"]) if out.get("data_path") else None
    if out.get("criteria_year") is not None:
        out["criteria_year"] = check_criteria_year(out["criteria_year"])
    wanted = {k: out[k] for k in ("period", "region_code", "province_code") if out.get(k) not in (None, "")}
    if not wanted:
        return out
    panel = api.load_panel(data)
    name = "the embedded illustrative data" if data is None else data.name
    if "period" in wanted:
        out["period"] = check_period(wanted["period"])
        months = sorted({str(p) for p in panel["period"].unique()})
        if out["period"] not in months:
            raise BadInput(
                f"there are no figures for {out['period']} in {name}, which covers {months[0]} to {months[-1]}."
            )
    codes = sorted({str(c) for c in panel["region_code"].unique()})
    if "region_code" in wanted:
        code = check_region_code(wanted["region_code"], codes)
        if code not in codes:
            raise BadInput(f"{name} has no region {code}; region codes are Kemendagri kab/kota codes NN.NN.")
    if "province_code" in wanted:
        province = str(wanted["province_code"]).strip()
        present = sorted({c[:2] for c in codes})
        if not PROVINCE_RE.fullmatch(province) or province not in present:
            names = api.province_names()
            listed = ", ".join(f"{p} {names.get(p, '')}".strip() for p in present[:6])
            raise BadInput(
                f"province_code is a two-digit Kemendagri province code present in {name}, such as {listed}"
                f"{' ...' if len(present) > 6 else ''}; got {province!r}."
            )
        out["province_code"] = province
    return out


def stem_for(name: str, given: dict[str, object]) -> str:
    """The report's file name: the notebook's name and the parameters given (not the language, which is the
    folder), so runs with other parameters do not overwrite each other: ``province_deep_dive_province_code-17``."""
    parts = [Path(name).stem]
    for key in sorted(k for k in given if k != "lang"):
        value = re.sub(r"[^A-Za-z0-9.]+", "-", str(Path(str(given[key])).name if key.endswith("_path") else given[key]))
        parts.append(f"{key}-{value.strip('-')}")
    return "_".join(parts)


def _title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The report's first heading, for the page's title: from a Markdown cell or a cell's displayed Markdown (the
    report's language), skipping cells the report leaves out (``remove_cell``)."""
    for cell in nb.cells:
        if "remove_cell" in cell.get("metadata", {}).get("tags", []):
            continue
        texts = [cell.source] if cell.cell_type == "markdown" else []
        texts += [str(o.get("data", {}).get("text/markdown", "")) for o in cell.get("outputs", [])]
        for text in texts:
            for line in text.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def run_notebook(
    name: str,
    out_dir: str | Path,
    parameters: dict[str, object] | None = None,
    lang: str = "id",
    stem: str | None = None,
) -> NotebookRun:
    """Execute notebook ``name`` with ``parameters`` into ``out_dir``: ``<stem>.html``, ``notebooks/<stem>.ipynb``."""
    path = notebook_path(name)
    out = Path(out_dir)
    stem = stem or path.stem
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    executed = out / "notebooks" / f"{stem}.ipynb"
    running = executed.with_suffix(".running.ipynb")
    params = (
        {"lang": lang, **(parameters or {})} if "lang" in pm.inspect_notebook(str(path)) else dict(parameters or {})
    )
    try:
        execute(path, running, params, engine="papermill")
    except Exception as exc:  # noqa: BLE001 - any failure inside the notebook is reported, its notebook kept
        failed = out / "notebooks" / f"{stem}.failed.ipynb"
        if running.exists():
            running.replace(failed)
        if hasattr(exc, "ename"):  # papermill's execution error: the notebook's own exception
            detail = error_sentence(exc.ename, exc.evalue)
        else:
            detail = error_sentence(type(exc).__name__, str(exc))
        return NotebookRun(stem, None, str(failed), detail)
    nb = nbformat.read(running, as_version=4)
    html = out / f"{stem}.html"
    write_atomic(html, notebook_to_html(nb, title=_title(nb, path.stem), lang=lang))
    running.replace(executed)
    return NotebookRun(stem, str(html), str(executed))
