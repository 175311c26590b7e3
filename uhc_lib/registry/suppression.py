"""Small-cell suppression of published count tables, with complementary suppression and a recoverability audit.

Rules (documented defaults):

- **Primary suppression**: a count from 1 to ``threshold - 1`` (default 1..9) is never shown. A count of 0 is shown as
  ``0``: it describes no person (pass ``suppress_zeros=True`` to hide zeros as well).
- **Complementary (secondary) suppression**: the table is published with its totals, so every published linear relation
  (a row total equals the sum of its parts; a parent area equals the sum of its children, desa within kecamatan within
  regency) is an equation a reader can solve. Whenever a relation holds exactly one hidden cell, the smallest other
  cell of that relation is hidden too (a non-zero one first, as hiding a known zero protects little), until stable.
  Then the whole system is audited (:func:`recoverable_cells`: a hidden cell is recoverable when the published
  relations fix its value, even through a chain of several relations); each recoverable cell costs one more hidden
  cell next to it, until nothing can be recovered.
- **One marker for every hidden cell** (default ``*``): a complementary cell can be large, so printing it as ``<10``
  would be false, and two markers ("<10" for primary, another for complementary) tell a reader which hidden cells are
  small, which can pin values exactly (a total of 11 split into a "<10" and a ">=10" cell can only be 1 + 10). The
  legend (:func:`uhc_lib.registry.registry_text.suppression_note`) says a hidden cell is below the threshold or hidden
  to protect another.

The audit proves that no hidden cell has a unique value given the published cells; it does not bound intervals
(a hidden cell is still known to be between 0 and its row total).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from uhc_lib.common import fmt

DEFAULT_THRESHOLD = 10
MARKER = "*"


@dataclass(frozen=True)
class Suppressed:
    """A suppressed table: ``display`` (strings to publish), ``mask`` (True = hidden), ``primary`` (hidden because
    small); all three have the index and the count columns of the input."""

    display: pd.DataFrame
    mask: pd.DataFrame
    primary: pd.DataFrame
    threshold: int
    marker: str

    @property
    def hidden(self) -> int:
        """Number of hidden cells."""
        return int(self.mask.to_numpy().sum())

    @property
    def complementary(self) -> int:
        """Number of cells hidden only to protect others."""
        return int((self.mask & ~self.primary).to_numpy().sum())


def relations(
    table: pd.DataFrame, columns: list[str], *, total_column: str | None = None, parent: str | None = None
) -> np.ndarray:
    """The published linear relations of a table as a matrix (one row per relation, one column per cell).

    Cells are numbered row-major over ``table.index`` x ``columns``. A relation row has +1 for the parts and -1 for
    the total, so ``relations @ values.ravel() == 0`` for a consistent table.

    Args:
        table: counts, one row per area (index = area code).
        columns: the count columns that are published.
        total_column: a column (among ``columns``) that is the sum of the other columns in each row, or None.
        parent: a column holding each row's parent code (an index label, or missing for the top); a row that is
            some rows' parent is the sum of them, column by column. None for a table without hierarchy.
    """
    n_rows, n_cols = len(table), len(columns)
    col_pos = {c: j for j, c in enumerate(columns)}
    rows: list[np.ndarray] = []
    if total_column is not None:
        t = col_pos[total_column]
        for i in range(n_rows):
            r = np.zeros(n_rows * n_cols)
            r[i * n_cols : (i + 1) * n_cols] = 1.0
            r[i * n_cols + t] = -1.0
            rows.append(r)
    if parent is not None:
        position = {code: i for i, code in enumerate(table.index)}
        children: dict[int, list[int]] = {}
        for i, p in enumerate(table[parent]):
            if pd.notna(p):
                if p not in position:
                    raise ValueError(f"parent {p!r} of row {table.index[i]!r} is not a row of the table")
                children.setdefault(position[p], []).append(i)
        for p, kids in children.items():
            for j in range(n_cols):
                r = np.zeros(n_rows * n_cols)
                r[[k * n_cols + j for k in kids]] = 1.0
                r[p * n_cols + j] = -1.0
                rows.append(r)
    return np.array(rows).reshape(len(rows), n_rows * n_cols)


def _determined(matrix: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    """Flat indices of hidden cells whose value the relations fix (zero in every null-space vector)."""
    idx = np.flatnonzero(hidden)
    if idx.size == 0 or matrix.size == 0:
        return np.array([], dtype=int)
    sub = matrix[:, idx]
    sub = sub[np.any(sub != 0, axis=1)]
    if sub.shape[0] == 0:
        return np.array([], dtype=int)
    _, s, vt = np.linalg.svd(sub)
    tol = max(sub.shape) * np.finfo(float).eps * (s[0] if s.size else 0.0) * 10
    rank = int((s > tol).sum())
    null = vt[rank:]  # rows span the null space
    if null.shape[0] == 0:
        return idx
    free = np.linalg.norm(null, axis=0) > 1e-9
    return idx[~free]


def recoverable_cells(
    table: pd.DataFrame,
    mask: pd.DataFrame,
    *,
    total_column: str | None = None,
    parent: str | None = None,
) -> list[tuple[object, str]]:
    """Hidden cells whose exact value a reader can compute from the published cells and relations.

    A hidden cell is recoverable when the published relations (row totals, parent totals) leave it no freedom:
    the system restricted to the hidden cells has no solution direction that changes it. This covers a relation with
    a single hidden cell and chains of relations (three relations in three hidden cells).

    Args:
        table: the counts (index = area codes; must contain ``mask``'s columns and ``parent`` if given).
        mask: True where a cell is hidden; its columns are the published count columns.
        total_column, parent: as in :func:`relations`.

    Returns:
        (row label, column) of every recoverable hidden cell, in table order.
    """
    columns = list(mask.columns)
    matrix = relations(table, columns, total_column=total_column, parent=parent)
    flat = _determined(matrix, mask.to_numpy(bool).ravel())
    return [(table.index[k // len(columns)], columns[k % len(columns)]) for k in flat]


def _pick(values: np.ndarray, hidden: np.ndarray, candidates: np.ndarray) -> int | None:
    """The cell to hide among candidate flat indices: the smallest non-zero unhidden one, else the smallest zero."""
    free = candidates[~hidden[candidates]]
    if free.size == 0:
        return None
    order = np.lexsort((free, values[free], values[free] == 0))
    return int(free[order[0]])


def suppress(
    table: pd.DataFrame,
    threshold: int = DEFAULT_THRESHOLD,
    *,
    columns: list[str] | None = None,
    total_column: str | None = None,
    parent: str | None = None,
    suppress_zeros: bool = False,
    marker: str = MARKER,
    lang: str = "id",
) -> Suppressed:
    """Hide small counts and enough other cells that none can be recomputed from the published totals.

    Args:
        table: counts, one row per area (index = area code), consistent with the relations (a parent row equals the
            sum of its children; ``total_column`` equals the sum of the other columns).
        threshold: counts from 1 to ``threshold - 1`` are hidden (0 too with ``suppress_zeros``).
        columns: the count columns to publish (default: every integer column except ``parent``).
        total_column: the column that is the sum of the other ``columns`` in each row, or None.
        parent: column with each row's parent code (hierarchy: desa -> kecamatan -> regency), or None.
        suppress_zeros: also hide zeros as primary cells.
        marker: the text shown for every hidden cell.
        lang: number formatting of shown cells (``id``: ``1.234``; ``en``: ``1,234``).

    Returns:
        :class:`Suppressed` with display strings, the mask and the primary mask.
    """
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, got {threshold}")
    if columns is None:
        columns = [c for c in table.columns if c != parent and pd.api.types.is_integer_dtype(table[c])]
    if total_column is not None and total_column not in columns:
        raise ValueError(f"total column {total_column!r} is not among the published columns {columns}")
    data = table[columns]
    if data.isna().any().any():
        raise ValueError("counts to suppress must not be missing")
    values = data.to_numpy(dtype=np.int64)
    if (values < 0).any():
        raise ValueError("counts to suppress must not be negative")
    flat_values = values.ravel()
    low = 0 if suppress_zeros else 1
    primary = (flat_values >= low) & (flat_values < threshold)
    hidden = primary.copy()

    matrix = relations(table, columns, total_column=total_column, parent=parent)
    if matrix.size and np.any(matrix @ flat_values.astype(float) != 0):
        raise ValueError("the table is not consistent with its totals (a total differs from the sum of its parts)")
    members = [np.flatnonzero(r) for r in matrix]

    while True:
        changed = False
        for cells in members:  # a relation with one hidden cell gives it away
            if hidden[cells].sum() == 1:
                pick = _pick(flat_values, hidden, cells)
                if pick is not None:
                    hidden[pick] = changed = True
        if changed:
            continue
        determined = _determined(matrix, hidden)
        if determined.size == 0:
            break
        target = int(determined[0])  # hide one more cell sharing a relation with it, or with any hidden cell
        near = [cells for cells in members if target in cells]
        pick = _pick(flat_values, hidden, np.unique(np.concatenate(near))) if near else None
        if pick is None:
            touching = [cells for cells in members if hidden[cells].any()]
            pick = _pick(flat_values, hidden, np.unique(np.concatenate(touching))) if touching else None
        if pick is None:
            break
        hidden[pick] = True

    shape = values.shape
    mask = pd.DataFrame(hidden.reshape(shape), index=table.index, columns=columns)
    display = pd.DataFrame(
        [
            [marker if h else fmt.number(int(v), lang) for v, h in zip(vr, hr, strict=True)]
            for vr, hr in zip(values, mask.to_numpy(), strict=True)
        ],
        index=table.index,
        columns=columns,
        dtype=object,
    )
    return Suppressed(
        display=display,
        mask=mask,
        primary=pd.DataFrame(primary.reshape(shape), index=table.index, columns=columns),
        threshold=threshold,
        marker=marker,
    )
