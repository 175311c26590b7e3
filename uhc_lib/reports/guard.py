"""What a run is asked to do, checked before any kernel starts or any path is built, and the errors a user can fix.

Every value that becomes part of a path (month, language, region code) is checked here first: a month is ``YYYY-MM``
and present in the data, a region code is ``NN.NN`` and present in the data, a language is ``id`` or ``en``. Each
refusal is one sentence (:class:`UserError`); the command line prints it without a traceback.
"""

from __future__ import annotations

import errno as errnos
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from uhc_lib import api

PERIOD_RE = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
REGION_RE = re.compile(r"\d{2}\.\d{2}")
PROVINCE_RE = re.compile(r"\d{2}")
LANGS = ("id", "en")
FORMATS = ("html", "pdf")
ENGINES = ("warm", "papermill")
PANEL_SUFFIXES = (".csv", ".xlsx", ".parquet")

# OS errors that stop a batch (every later brief would fail the same way)
STOPPING_ERRNOS = {errnos.ENOSPC, errnos.EDQUOT, errnos.EROFS, errnos.EACCES, errnos.EPERM}


class UserError(Exception):
    """A problem the user can fix, said in one sentence (printed without a traceback)."""

    exit_code = 1


class BadInput(UserError, ValueError):
    """A value on the command line (or given to the API) that cannot be run."""

    exit_code = 2


class FolderBusy(UserError):
    """Another run is writing into the same month and language folder."""

    exit_code = 3


class OutputError(UserError):
    """The output folder cannot take the briefs (read-only, no permission, disk full)."""

    exit_code = 1


def _shown(value: object) -> str:
    text = repr(str(value))
    return text if len(text) <= 42 else text[:39] + "...'"


def check_period(period: object) -> str:
    """``period`` as ``YYYY-MM`` text, or :class:`BadInput`."""
    text = str(period)
    if not PERIOD_RE.fullmatch(text):
        raise BadInput(f"--period must be a month written YYYY-MM, such as 2024-07; got {_shown(period)}.")
    return text


def check_region_code(code: object) -> str:
    """``code`` as ``NN.NN`` text, or :class:`BadInput`."""
    text = str(code).strip()
    if not REGION_RE.fullmatch(text):
        raise BadInput(f"a region code is a Kemendagri kab/kota code NN.NN, such as 17.07; got {_shown(code)}.")
    return text


def check_lang(lang: object) -> str:
    if lang not in LANGS:
        raise BadInput(f"--lang must be id or en; got {_shown(lang)}.")
    return str(lang)


def check_engine(engine: object) -> str:
    if engine not in ENGINES:
        raise BadInput(f"--engine must be warm or papermill; got {_shown(engine)}.")
    return str(engine)


def check_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """Output formats, each once, in the order given (``"html,pdf"`` or a sequence), or :class:`BadInput`."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = tuple(dict.fromkeys(str(f).strip().lower() for f in items if str(f).strip()))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        got = ", ".join(unknown) if unknown else "nothing"
        raise BadInput(f"--format takes html, pdf or html,pdf; got {got}.")
    return wanted


def check_jobs(jobs: int | None) -> int | None:
    if jobs is not None and int(jobs) < 1:
        raise BadInput(f"--jobs must be 1 or more; got {jobs}.")
    return jobs


def check_data_path(data_path: str | Path | None) -> Path | None:
    """The panel file, or :class:`BadInput` for a folder or a missing file."""
    if data_path is None:
        return None
    path = Path(data_path)
    if path.is_dir():
        raise BadInput(f"{path} is a folder; give the panel file (CSV, Excel or Parquet).")
    if not path.exists():
        raise BadInput(f"{path} not found; give the panel file (CSV, Excel or Parquet).")
    return path


@dataclass(frozen=True)
class Request:
    """A checked request: the regions to run (sorted, each once), the month, language, formats and data."""

    codes: list[str]
    period: str
    lang: str
    formats: tuple[str, ...]
    data_path: Path | None


def check_request(
    data_path: str | Path | None = None,
    regions: Iterable[str] | None = None,
    province: str | None = None,
    period: str | None = None,
    lang: str = "id",
    formats: str | Iterable[str] = ("html",),
    engine: str = "warm",
) -> Request:
    """Check every value of a brief or batch and read (validate) the data once; raise :class:`BadInput`."""
    lang, formats, engine = check_lang(lang), check_formats(formats), check_engine(engine)
    if period is not None:
        period = check_period(period)
    wanted = None if regions is None else [check_region_code(c) for c in regions]
    if province is not None and not PROVINCE_RE.fullmatch(str(province)):
        raise BadInput(f"--province is a two-digit Kemendagri province code, such as 32; got {_shown(province)}.")
    data = check_data_path(data_path)
    panel = api.load_panel(data)
    name = "the embedded illustrative data" if data is None else data.name
    months = sorted({str(p) for p in panel["period"].unique()})
    if period is None:
        period = months[-1]
    elif period not in months:
        raise BadInput(f"there are no figures for {period} in {name}, which covers {months[0]} to {months[-1]}.")
    known = sorted({str(c) for c in panel["region_code"].unique()})
    codes = known
    if province is not None:
        codes = [c for c in codes if c.split(".")[0] == str(province)]
        if not codes:
            raise BadInput(f"there is no region of province {province} in {name}.")
    if wanted is not None:
        unknown = sorted(set(wanted) - set(known))
        if unknown:
            listed = ", ".join(unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
            raise BadInput(f"{name} has no region {listed}; region codes are Kemendagri kab/kota codes NN.NN.")
        codes = sorted(set(wanted))
    if not codes:
        raise BadInput("no region to run: give --regions codes.")
    return Request(codes, period, lang, formats, data)


def os_error_sentence(folder: Path, exc: OSError) -> str:
    """One sentence for an OS error while writing into ``folder``."""
    reason = {
        errnos.ENOSPC: "the disk is full",
        errnos.EDQUOT: "the disk quota is used up",
        errnos.EROFS: "the file system is read-only",
        errnos.EACCES: "the folder is read-only or you may not write there",
        errnos.EPERM: "the folder is read-only or you may not write there",
    }.get(exc.errno, exc.strerror or str(exc))
    return f"cannot write in {folder}: {reason}"
