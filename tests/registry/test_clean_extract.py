"""A clean registry (nobody deceased or moved, no duplicate or invalid NIK) matches and is worded without a crash:
the not-resident table keeps every reason, with zeros, so the texts that name the reasons always find them."""

import pytest

from uhc_lib.registry import generate_extracts, registry_text, worklist
from uhc_lib.registry.match import prepare_and_match
from uhc_lib.registry.suppression import MARKER


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("UHC_PSEUDONYM_KEY", "a-test-key-of-sixteen-bytes")
    tmp = tmp_path_factory.mktemp("clean")
    ext = generate_extracts(
        "17.07", 600, tmp / "raw", deceased_pct=0, moved_pct=0, duplicate_pct=0, invalid_pct=0, other_region_pct=0
    )
    run = prepare_and_match(
        ext.registry, ext.participants, region_code="17.07", period="2024-07", premium_per_month=42_000, out_dir=tmp
    )
    yield run.result
    mp.undo()


def test_every_reason_is_a_row_even_when_none_occurs(clean_run):
    sup = worklist.not_resident_counts(clean_run)
    rows = [r for r in sup.display.index if r != worklist.TOTAL]
    assert rows == list(worklist.NOT_RESIDENT_REASONS)
    assert sup.display.loc["deceased", worklist.TOTAL] == "0" and sup.display.loc["moved", worklist.TOTAL] == "0"
    assert list(sup.display.columns[:3]) == ["active", "inactive", worklist.TOTAL]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_excess_and_findings_are_written(clean_run, lang):
    figures = worklist.key_figures(clean_run)
    sentence = registry_text.excess(figures, worklist.not_resident_counts(clean_run, lang=lang), lang)
    assert ("0 meninggal dan 0 pindah" if lang == "id" else "0 deceased and 0 moved") in sentence
    assert all(isinstance(s, str) and s for s in registry_text.findings(figures, lang))
    assert MARKER not in sentence.split("(")[1].split(",")[0]  # a zero is a fact, never hidden
