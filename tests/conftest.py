"""Shared fixtures: the embedded panel read once per session, and figures of the two seed accounts."""

import os

import pytest
from hypothesis import settings

os.environ.setdefault("MPLBACKEND", "Agg")

# No timed tests: on a shared 2-core machine an example's first call (reading the rules) can take most of a second.
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")


@pytest.fixture(scope="session")
def panel():
    from uhc_lib.inputs.panel import read_panel

    return read_panel()


@pytest.fixture(scope="session")
def lebong(panel):
    from uhc_lib.analysis.brief import brief_figures

    return brief_figures(panel, "17.07", "2024-07", illustrative=True)


@pytest.fixture(scope="session")
def cianjur(panel):
    from uhc_lib.analysis.brief import brief_figures

    return brief_figures(panel, "32.03", "2024-12", illustrative=True)
