"""Words for classes of coverage and activity cut at edges (the criteria minimums): one set for maps and tables."""

from __future__ import annotations

import pandas as pd

from uhc_lib.common import fmt
from uhc_lib.common.lang import check_lang

CLASS_WORDS = {
    "id": {"below": "di bawah {v}", "from_to": "{a} sampai < {b}", "at_least": "{v} atau lebih", "total": "Jumlah"},
    "en": {"below": "below {v}", "from_to": "{a} to < {b}", "at_least": "{v} or more", "total": "Total"},
}


def class_labels(edges: tuple[float, ...], lang: str = "id") -> list[str]:
    """One label per class cut at ``edges`` (ascending): below the first, between edges, at least the last."""
    t = CLASS_WORDS[check_lang(lang)]
    p = [fmt.pct(e, lang) for e in edges]
    middle = [t["from_to"].format(a=a, b=b) for a, b in zip(p[:-1], p[1:], strict=True)]
    return [t["below"].format(v=p[0]), *middle, t["at_least"].format(v=p[-1])]


def class_table(
    counts: pd.DataFrame, coverage_edges: tuple[float, ...], activity_edges: tuple[float, ...], lang: str = "id"
) -> pd.DataFrame:
    """:func:`uhc_lib.analysis.overview.class_counts` with its classes named and a total row and column."""
    total = CLASS_WORDS[check_lang(lang)]["total"]
    table = counts.copy()
    table.index = pd.Index(class_labels(coverage_edges, lang), name=counts.index.name)
    table.columns = pd.Index(class_labels(activity_edges, lang), name=counts.columns.name)
    table[total] = table.sum(axis=1)
    table.loc[total] = table.sum(axis=0)
    return table
