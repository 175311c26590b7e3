"""The one language check every layer uses."""

import pytest

from uhc_lib.common.lang import LANGS, check_lang


def test_check_lang():
    assert check_lang("id") == "id"
    assert check_lang("en") == "en"
    with pytest.raises(ValueError, match="language must be one of"):
        check_lang("fr")


def test_the_languages_are_indonesian_first():
    assert LANGS == ("id", "en")
