"""Region names as a reader of each language writes them: ``Kabupaten Lebong`` / ``Lebong Regency``."""

from __future__ import annotations

from uhc_lib.common.lang import check_lang

# Kemendagri prefixes (longest first) and how English writes them, after the name
_ENGLISH = (
    ("Kabupaten Administrasi ", "Administrative Regency"),
    ("Kota Administrasi ", "Administrative City"),
    ("Kabupaten ", "Regency"),
    ("Kota ", "City"),
)


def region_name(name: str, lang: str = "id") -> str:
    """The official name (``Kabupaten Lebong``, ``Kota Administrasi Jakarta Pusat``) in ``lang``: unchanged in
    Indonesian; in English the kind follows the name (``Lebong Regency``, ``Jakarta Pusat Administrative City``:
    the place name itself is not translated). A name without a known prefix is kept."""
    if check_lang(lang) == "id":
        return name
    for prefix, kind in _ENGLISH:
        if name.startswith(prefix):
            return f"{name.removeprefix(prefix)} {kind}"
    return name
