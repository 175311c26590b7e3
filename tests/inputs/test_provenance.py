"""The illustrative label follows the data's content, not its path."""

from __future__ import annotations

import shutil
from pathlib import Path

from uhc_lib import api
from uhc_lib.common.config import EMBEDDED_PANEL
from uhc_lib.inputs.panel import read_panel
from uhc_lib.inputs.provenance import fingerprint, illustrative_share, is_illustrative_panel

DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_copy_of_the_illustrative_panel_keeps_its_label(tmp_path):
    copy = tmp_path / "my_panel.csv"
    shutil.copy(EMBEDDED_PANEL, copy)
    assert api.is_illustrative(copy)
    assert api.figures_for("17.07", "2024-07", data_path=copy).illustrative


def test_a_converted_cut_of_the_illustrative_panel_keeps_its_label(tmp_path):
    panel = read_panel()
    bengkulu = panel[panel["region_code"].str.startswith("17.")].assign(period=lambda p: p["period"].astype(str))
    target = tmp_path / "bengkulu.parquet"
    bengkulu.to_parquet(target, index=False)
    assert api.is_illustrative(target)
    assert illustrative_share(read_panel(target, cache=False)) == 1.0


def test_a_users_file_does_not_get_the_label(tmp_path):
    assert not api.is_illustrative(DATA / "panel_valid_segments.csv")
    assert not api.is_illustrative(DATA / "import" / "recap.csv")
    assert not api.figures_for("17.07", "2024-01", data_path=DATA / "panel_valid_segments.csv").illustrative


def test_an_edited_copy_is_judged_by_its_rows(tmp_path):
    panel = read_panel()
    lebong = panel[panel["region_code"] == "17.07"].copy()
    assert is_illustrative_panel(lebong)
    lebong["active"] = lebong["active"] - 1  # every figure changed: no longer the illustrative rows
    assert not is_illustrative_panel(lebong)


def test_fingerprint_ignores_row_order_but_not_figures():
    panel = read_panel(DATA / "panel_valid_segments.csv", cache=False)
    shuffled = panel.sample(frac=1, random_state=1)
    assert fingerprint(shuffled) == fingerprint(panel)
    changed = panel.assign(registered=panel["registered"].where(panel.index != 0, panel["registered"] + 1))
    assert fingerprint(changed) != fingerprint(panel)
