"""The languages reports are written in, and the one check every layer uses before choosing words."""

from __future__ import annotations

LANGS = ("id", "en")


def check_lang(lang: str) -> str:
    """Return ``lang`` if supported, else raise a clear error."""
    if lang not in LANGS:
        raise ValueError(f"language must be one of {LANGS}, got {lang!r}")
    return lang
