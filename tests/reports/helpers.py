"""Brief notebooks with an extra cell (to make one region fail, or its kernel die) for the report-layer tests."""

from pathlib import Path

import nbformat

FAILING = "11.01"  # fails in the notebooks made by failing_notebook (every region code must be in the data)


def brief_notebook_with(folder: Path, source: str, name: str = "brief.ipynb") -> Path:
    """A copy of the brief notebook with ``source`` run right after the parameters cell."""
    from uhc_lib.common.config import BRIEF_NOTEBOOK

    nb = nbformat.read(BRIEF_NOTEBOOK, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell(source))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


def failing_notebook(folder: Path, code: str = FAILING) -> Path:
    """The brief notebook, failing (a cell error) for region ``code``."""
    return brief_notebook_with(
        folder, f'if region_code == "{code}":\n    raise RuntimeError("deliberate failure for the test")'
    )
