"""What ``uhc match`` runs in its own process, before and beside the report's kernel: the extracts checked and
pseudonymised up front (a bad file is refused in one message, before any kernel starts), and ``uhc match
reidentify``. The command line (``uhc_lib.cli``) reaches the registry wing only through this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from uhc_lib.registry import extracts, match, pseudonym
from uhc_lib.registry.reidentify import Reidentified, reidentify


@dataclass(frozen=True)
class PreparedPair:
    """The two prepared files a report is made from."""

    registry: Path
    participants: Path


def prepare_for_report(
    region_code: str,
    registry: str | Path,
    participants: str | Path,
    out_dir: str | Path,
    *,
    prepared: bool = False,
    key_env: str = "UHC_PSEUDONYM_KEY",
    desa_code: str | None = None,
) -> PreparedPair:
    """Both extracts checked and pseudonymised into ``out_dir`` (or, when ``prepared``, checked to be prepared files
    holding tokens, made with one key). Raises ValueError (:class:`~uhc_lib.registry.extracts.ExtractError`,
    :class:`~uhc_lib.registry.pseudonym.PseudonymKeyError`) with file, row and column; nothing is written then."""
    registry, participants = Path(registry), Path(participants)
    for path in (registry, participants):
        if not path.is_file():
            raise FileNotFoundError(f"{path}: file not found")
    if prepared:
        if desa_code:
            raise ValueError("--desa-code is for a raw OpenSID extract, not for prepared files")
        match.check_prepared(registry, "registry")
        match.check_prepared(participants, "participants")
        match.same_key(registry, participants)
        return PreparedPair(registry, participants)
    key = pseudonym.load_key(key_env, f"{key_env}_FILE")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    reg = out / "registry_prepared.parquet"
    par = out / "participants_prepared.parquet"
    extracts.prepare_registry(registry, reg, key, region_code, desa_code=desa_code)
    extracts.prepare_participants(participants, par, key, region_code)
    return PreparedPair(reg, par)


def reidentify_worklist(
    worklist: str | Path,
    registry: str | Path,
    out_dir: str | Path,
    *,
    reports_dir: str | Path,
    key_env: str = "UHC_PSEUDONYM_KEY",
    lang: str = "id",
) -> Reidentified:
    """``uhc match reidentify``: the key from ``key_env`` (or the file named by ``<key_env>_FILE``), then
    :func:`uhc_lib.registry.reidentify.reidentify`."""
    key = pseudonym.load_key(key_env, f"{key_env}_FILE")
    return reidentify(worklist, registry, out_dir, key, reports_dir=reports_dir, lang=lang)
