"""Wing: registry matching. Personal data (NIK, KK, card numbers) is read here and leaves only as keyed tokens and
counts; nothing outside this wing imports it. Layered inside (``pyproject.toml``): ``areas`` -> ``nik`` ->
``pseudonym`` -> ``extracts`` | ``synthetic`` -> ``match`` | ``suppression`` -> ``worklist`` -> ``registry_text`` |
``registry_charts``. May import ``inputs``, ``rules`` and ``common``. ``SCHEMAS.md`` gives the input and prepared
schemas; the names below are the input half's.
"""

from uhc_lib.registry.extracts import (
    PARTICIPANT_SCHEMA,
    REGISTRY_SCHEMA,
    ExtractError,
    PrepareReport,
    prepare_participants,
    prepare_registry,
    read_prepared,
)
from uhc_lib.registry.pseudonym import PseudonymKeyError, load_key, tokenize
from uhc_lib.registry.synthetic import SyntheticExtracts, generate_extracts

__all__ = [
    "PARTICIPANT_SCHEMA",
    "REGISTRY_SCHEMA",
    "ExtractError",
    "PrepareReport",
    "PseudonymKeyError",
    "SyntheticExtracts",
    "generate_extracts",
    "load_key",
    "prepare_participants",
    "prepare_registry",
    "read_prepared",
    "tokenize",
]
