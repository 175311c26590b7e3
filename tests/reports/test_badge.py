"""The status badge of the PDF and the month index follows the status order and reads as the status sentence."""

import nbformat
import pytest

from uhc_lib import api
from uhc_lib.analysis.brief import summary
from uhc_lib.render.text import narrative
from uhc_lib.reports.index import badge_class
from uhc_lib.reports.pdf import print_html


@pytest.mark.parametrize(
    ("region", "period", "tone", "css"),
    [
        ("17.07", "2024-07", "best", "ok"),  # UHC non cut-off, the best status of 2024
        ("32.03", "2024-12", "lower", "partial"),  # UHC (cut-off) 2024: UHC, not the best status
        ("32.71", "2025-10", "lower", "partial"),  # Kota Bogor: UHC Cut Off
        ("21.72", "2026-01", "none", "no"),  # Tanjung Pinang: not UHC
    ],
)
def test_badge_colour_follows_the_status_and_its_words_are_the_sentence(region, period, tone, css):
    fig = api.figures_for(region, period)
    s = summary(fig)
    assert s["status_tone"] == tone and badge_class(s) == css
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(narrative.status(fig))])
    page = print_html(nb, s, "id")
    assert f"<span class='badge {css}'>{fig.status_label('id')}</span>" in page
    if tone == "lower":  # the sentence names the same status as the badge
        assert f"berstatus {fig.status_label('id')}" in narrative.status(fig)


def test_summaries_without_a_tone_keep_the_old_colours():
    assert badge_class({"met_headline": True}) == "ok" and badge_class({"met_headline": False}) == "no"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("region", "period"), [("17.07", "2024-07"), ("32.03", "2024-12"), ("21.72", "2026-01")])
def test_badge_table_and_sentence_read_one_value(region, period, lang):
    """The PDF badge, the HTML brief's status row and the status sentence all print fig.status_label."""
    from uhc_lib.render.text import tables

    fig = api.figures_for(region, period)
    label = fig.status_label(lang)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(narrative.status(fig, lang))])
    assert f"<span class='badge {badge_class(summary(fig))}'>{label}</span>" in print_html(nb, summary(fig), lang)
    assert f"| **{label}** |" in tables.headline_table(fig, lang)
    sentence = narrative.status(fig, lang)
    if fig.headline_target.met:
        assert fig.headline_target.short_label(lang) in sentence and label.startswith(
            fig.headline_target.short_label(lang)
        )
    elif fig.status_tone == "none":
        assert ("belum berstatus UHC" if lang == "id" else "is not UHC") in sentence
    else:
        assert label in sentence
