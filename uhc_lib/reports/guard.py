"""What a run is asked to do, checked before any kernel starts or any path is built, and the errors a user can fix.

Every value that becomes part of a path (month, language, region code) is checked here first: a month is ``YYYY-MM``
and present in the data, a region code is ``NN.NN`` and present in the data, a language is ``id`` or ``en``. Each
refusal is one sentence (:class:`UserError`); the command line prints it without a traceback.
"""

from __future__ import annotations

import difflib
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
BATCH_FORMATS = (*FORMATS, "xlsx")
"""A batch also writes the month's recap workbook (``xlsx``); a brief is HTML and/or PDF."""
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


MONTH_NAMES = {
    **{m: i for i, m in enumerate(
        ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
         "november", "desember"], 1)},
    **{m: i for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"], 1)},
    **{m: i for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"], 1)},
    **{"may": 5, "aug": 8, "agt": 8, "oct": 10, "dec": 12, "sept": 9},
}  # fmt: skip
_NAMED_MONTH = re.compile(r"([a-z]+)[\s\-_/.]*(\d{4})|(\d{4})[\s\-_/.]*([a-z]+)")
_NUMERIC_MONTH = re.compile(r"(\d{4})[\-_/.](\d{1,2})|(\d{1,2})[\-_/.](\d{4})")


def parse_month(text: str) -> str | None:
    """``YYYY-MM`` from a month written ``2024-07``, ``2024-7``, ``07/2024``, ``juli-2024``, ``Juli 2024`` or
    ``July 2024`` (Indonesian or English month names, full or short); ``None`` when it is not a month."""
    t = text.strip().lower()
    named = _NAMED_MONTH.fullmatch(t)
    if named:
        name, year = (named[1], named[2]) if named[1] else (named[4], named[3])
        month = MONTH_NAMES.get(name)
    else:
        numeric = _NUMERIC_MONTH.fullmatch(t)
        if not numeric:
            return None
        year, month = (numeric[1], int(numeric[2])) if numeric[1] else (numeric[4], int(numeric[3]))
    if not month or not 1 <= month <= 12:
        return None
    return f"{year}-{month:02d}"


def check_period(period: object) -> str:
    """``period`` as ``YYYY-MM`` text (a month name such as ``juli-2024`` is read too), or :class:`BadInput`."""
    text = str(period).strip()
    if PERIOD_RE.fullmatch(text):
        return text
    parsed = parse_month(text)
    if parsed is None:
        raise BadInput(f"--period: use YYYY-MM, e.g. 2024-07 (or Juli 2024); got {_shown(period)}.")
    return parsed


def _normalised_code(text: str) -> str | None:
    """``17.07`` from ``1707``, ``17.7``, ``17-07``, ``17 07`` or ``17,07``; ``None`` when no code can be read."""
    digits = re.fullmatch(r"(\d{2})(\d{2})", text)
    if digits:
        return f"{digits[1]}.{digits[2]}"
    parts = re.fullmatch(r"(\d{1,2})\s*[.\-_/, ]\s*(\d{1,2})", text)
    if parts:
        return f"{int(parts[1]):02d}.{int(parts[2]):02d}"
    return None


def _named(code: str) -> str:
    name = api.region_names().get(code)
    return f"{code} ({name})" if name else code


def region_suggestion(text: str, known: Iterable[str] | None = None) -> str:
    """``; did you mean 17.07 (Kabupaten Lebong)?`` for a code written another way or close to a known one
    (``known``: the codes in the data; default the 514), or ``""``."""
    known = sorted(set(known) if known is not None else set(api.region_names()))
    guess = _normalised_code(text)
    if guess in known:
        return f"; did you mean {_named(guess)}?"
    close = difflib.get_close_matches(guess or text, known, n=3, cutoff=0.75)
    if not close:
        return ""
    return "; did you mean " + " or ".join(_named(c) for c in close) + "?"


def check_region_code(code: object, known: Iterable[str] | None = None) -> str:
    """``code`` as ``NN.NN`` text, or :class:`BadInput` suggesting the code meant (``1707`` -> ``17.07``)."""
    text = str(code).strip()
    if not REGION_RE.fullmatch(text):
        raise BadInput(
            f"a region code is a Kemendagri kab/kota code NN.NN, such as 17.07; got {_shown(code)}"
            f"{region_suggestion(text, known) or '.'}"
        )
    return text


def check_criteria_year(year: object) -> int | None:
    """A criteria year the rules cover (any year from the first one; a later year keeps the latest rules)."""
    if year is None:
        return None
    years = api.criteria_years()
    try:
        value = int(str(year))
    except ValueError:
        raise BadInput(f"--criteria-year is a year such as {years[-1]}; got {_shown(year)}.") from None
    if value < years[0]:
        raise BadInput(
            f"--criteria-year {value}: the UHC criteria in data/rules/uhc_criteria.csv start in {years[0]} "
            f"(years {years[0]} to {years[-1]})."
        )
    return value


def check_lang(lang: object) -> str:
    if lang not in LANGS:
        raise BadInput(f"--lang must be id or en; got {_shown(lang)}.")
    return str(lang)


def check_engine(engine: object) -> str:
    if engine not in ENGINES:
        raise BadInput(f"--engine must be warm or papermill; got {_shown(engine)}.")
    return str(engine)


def check_formats(formats: str | Iterable[str], allowed: tuple[str, ...] = FORMATS) -> tuple[str, ...]:
    """Output formats, each once, in the order given (``"html,pdf"`` or a sequence), or :class:`BadInput`.
    ``allowed``: :data:`FORMATS` for a brief, :data:`BATCH_FORMATS` for a batch (which may also write ``xlsx``)."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = tuple(dict.fromkeys(str(f).strip().lower() for f in items if str(f).strip()))
    unknown = [f for f in wanted if f not in allowed]
    if unknown == ["xlsx"] and "xlsx" not in allowed:
        raise BadInput("xlsx is the month's recap workbook, written by uhc batch (e.g. uhc batch --format html,xlsx); "
                       "a single brief takes html, pdf or html,pdf.")  # fmt: skip
    if unknown or not wanted:
        got = ", ".join(unknown) if unknown else "nothing"
        takes = "html, pdf or html,pdf" if "xlsx" not in allowed else "html, pdf, xlsx or a list such as html,xlsx"
        raise BadInput(f"--format takes {takes}; got {got}.")
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
    criteria_year: int | None = None,
    allowed_formats: tuple[str, ...] = FORMATS,
) -> Request:
    """Check every value of a brief or batch and read (validate) the data once; raise :class:`BadInput`."""
    lang, formats, engine = check_lang(lang), check_formats(formats, allowed_formats), check_engine(engine)
    check_criteria_year(criteria_year)
    if period is not None:
        period = check_period(period)
    wanted = None if regions is None else [check_region_code(c) for c in regions]  # before the data is read
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
            hint = region_suggestion(unknown[0], known) if len(unknown) == 1 else ""
            raise BadInput(
                f"{name} has no region {listed}{hint or '; region codes are Kemendagri kab/kota codes NN.NN.'}"
            )
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


def error_sentence(ename: str | None, evalue: str | None) -> str:
    """A notebook's error for a user: its message without the Python exception name (the executed notebook keeps
    the traceback); a KeyError's quotes removed."""
    text = (evalue or "").strip()
    if ename == "KeyError" and len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text or "the notebook stopped with an unexpected error; see the executed notebook"
