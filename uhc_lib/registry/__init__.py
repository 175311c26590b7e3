"""Registry matching, input half: NIK rules, keyed pseudonyms, validated extracts and synthetic extracts.

Personal data (NIK, KK, names, card numbers) is read here and leaves only as keyed tokens and counts. See
``SCHEMAS.md`` beside this file for the input and prepared schemas.
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
