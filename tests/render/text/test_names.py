"""Tests for uhc_lib.render.text.names: region names as each language writes them."""

import pytest

from uhc_lib.render.text.names import region_name


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("Kabupaten Lebong", "id", "Kabupaten Lebong"),
        ("Kabupaten Lebong", "en", "Lebong Regency"),
        ("Kota Bengkulu", "en", "Bengkulu City"),
        ("Kota Administrasi Jakarta Pusat", "en", "Jakarta Pusat Administrative City"),
        ("Kabupaten Administrasi Kepulauan Seribu", "en", "Kepulauan Seribu Administrative Regency"),
        ("Kotabaru", "en", "Kotabaru"),  # no prefix: kept
    ],
)
def test_region_name(name, lang, expected):
    assert region_name(name, lang) == expected
