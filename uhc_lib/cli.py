"""``uhc``: the command line. It parses arguments and calls the Python API, nothing more."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from uhc_lib.api import PanelValidationError


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", help="month YYYY-MM (default: the latest month in the data)")
    p.add_argument("--lang", choices=["id", "en"], default="id", help="language of the brief (default: id)")
    p.add_argument("--criteria-year", type=int, help="year of the UHC criteria (default: the period's year)")
    p.add_argument("--data", type=Path, help="panel file (CSV, Excel, Parquet); default: embedded illustrative data")
    p.add_argument("--out", type=Path, help="reports folder (default: ./reports)")
    p.add_argument(
        "--engine",
        choices=["warm", "papermill"],
        default="warm",
        help="warm: reuse one kernel per worker (fast, default); papermill: fresh kernel per brief",
    )
    p.add_argument(
        "--format",
        default="html",
        help="comma-separated output formats: html, pdf; uhc batch also xlsx, the month's recap workbook "
        "(default: html)",
    )
    p.add_argument(
        "--keep-notebooks",
        action="store_true",
        help="keep each executed notebook in <folder>/notebooks/ (default: only failed ones, about 150 KB a brief)",
    )
    _import_options(p, " of --data")


def _data(args: argparse.Namespace) -> Path | None:
    """``--data``, or with import options the validated panel of that file read with them."""
    given = [f"--{o.replace('_', '-')}" for o in ("layout", "sheet", "cakupan") if getattr(args, o)]
    given += ["--allow-missing-segments"] if args.allow_missing_segments else []
    if not given:
        return args.data
    if args.data is None:
        from uhc_lib.reports.guard import BadInput

        verb = "is" if len(given) == 1 else "are"
        raise BadInput(f"{', '.join(given)} {verb} for your own file: give it with --data FILE.")
    from uhc_lib.reports.own_data import imported_data

    return imported_data(args.data, args.layout, args.sheet, args.allow_missing_segments, args.cakupan)


def _brief(args: argparse.Namespace) -> int:
    from uhc_lib.reports.batch import make_brief

    data = _data(args)
    result = make_brief(
        args.region,
        args.period,
        args.lang,
        args.criteria_year,
        data,
        args.out,
        args.engine,
        args.format,
        keep_notebooks=args.keep_notebooks,
    )
    if not result.ok:
        print(
            f"FAILED {args.region}: {result.error}\n  notebook kept for inspection: {result.notebook}", file=sys.stderr
        )
        return 1
    print("\n".join(p for p in (result.html, result.pdf) if p))
    return 0


def _batch(args: argparse.Namespace) -> int:
    from uhc_lib.reports.batch import run_batch

    regions = [c.strip() for c in args.regions.split(",") if c.strip()] if args.regions is not None else None
    report = run_batch(
        regions,
        args.period,
        args.lang,
        args.criteria_year,
        _data(args),
        args.out,
        args.jobs,
        args.province,
        progress=not args.quiet,
        engine=args.engine,
        formats=args.format,
        resume=args.resume,
        scheduler=args.scheduler,
        keep_notebooks=args.keep_notebooks,
        source_name=None if args.data is None else args.data.name,
    )
    ok = len(report.results) - len(report.failed)
    skipped = f" ({len(report.skipped)} already up to date)" if report.skipped else ""
    print(f"{ok} briefs written{skipped}, {len(report.failed)} failed; index: {report.index}")
    for label, path in (("changes", report.changes), ("workbook", report.workbook)):
        if path is not None:
            print(f"{label}: {path}")
    for r in report.failed:
        print(f"  FAILED {r.region_code}: {r.error}", file=sys.stderr)
    if report.stopped:
        print(f"uhc batch: {report.stopped}", file=sys.stderr)
        return 1
    return 1 if report.failed else 0


def _validate(args: argparse.Namespace) -> int:
    from uhc_lib.api import read_panel
    from uhc_lib.reports.guard import check_data_path

    check_data_path(args.file)

    panel = read_panel(
        args.file,
        cache=False,
        layout=args.layout,
        sheet=args.sheet,
        allow_missing_segments=args.allow_missing_segments,
        cakupan=args.cakupan,
    )
    print(
        f"{args.file}: OK, {len(panel):,} rows, {panel['region_code'].nunique()} regions, "
        f"{panel['period'].min()} to {panel['period'].max()}"
    )
    return 0


def _import_options(p: argparse.ArgumentParser, of: str = "") -> None:
    p.add_argument("--layout", choices=["long", "recap", "opendata"], help=f"the layout{of} (default: recognised)")
    p.add_argument("--sheet", help=f"the sheet to read{of}, when the workbook has several")
    p.add_argument(
        "--allow-missing-segments",
        action="store_true",
        help="accept months lacking segments other months have (the brief says so)",
    )
    p.add_argument(
        "--cakupan", choices=["registered", "active"], help="what a 'cakupan' column means (it is then checked)"
    )


def _show_recognition(rec) -> None:
    where = [f"layout {rec.layout}"]
    if rec.sheet:
        where.append(f"sheet {rec.sheet!r}")
    if rec.encoding:
        where.append(rec.encoding)
    if rec.delimiter:
        where.append({",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}.get(rec.delimiter, rec.delimiter))
    if rec.header_row:
        where.append(f"header in row {rec.header_row}")
    print(f"{rec.file}: {', '.join(where)}")
    for row, text in rec.title_rows:
        print(f"  title row {row} skipped: {text[:70]!r}")
    if rec.columns:
        print("  columns:")
        for column, what in rec.columns.items():
            print(f"    {column[:34]:<34} -> {what}")
    for note in rec.notes:
        print(f"  note: {note}")
    for warning in rec.warnings:
        print(f"  WARNING: {warning}")


def _import(args: argparse.Namespace) -> int:
    from uhc_lib.api import import_panel, save_panel
    from uhc_lib.reports.guard import check_data_path

    check_data_path(args.file)
    try:
        imported = import_panel(args.file, args.layout, args.sheet, args.allow_missing_segments, args.cakupan)
    except PanelValidationError as err:
        if getattr(err, "recognition", None) is not None:
            _show_recognition(err.recognition)
        raise
    rec = imported.recognition
    _show_recognition(rec)
    periods = rec.periods
    span = periods[0] if len(periods) == 1 else f"{periods[0]} to {periods[-1]}"
    annual = " (yearly: each year read as its December)" if rec.annual else ""
    print(f"  read: {rec.regions} regions, {len(periods)} month(s) {span}{annual}, {rec.rows:,} panel rows")
    if args.to is None:
        print("  nothing written (give --to panel.parquet to write the panel)")
        return 0
    print(f"  written: {save_panel(imported.panel, args.to)}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from uhc_lib.common.config import EMBEDDED_PANEL
    from uhc_lib.synthetic.panel import write_panel

    print(write_panel(args.out or EMBEDDED_PANEL))
    return 0


def _check_published(args: argparse.Namespace) -> int:
    from uhc_lib.api import read_panel
    from uhc_lib.synthetic.checks import awards_comparison, published_mismatches

    panel = read_panel(args.data)
    problems = published_mismatches(panel)
    for p in problems:
        print(p)
    print("all published figures reproduced" if not problems else f"{len(problems)} mismatch(es)")
    comparison = awards_comparison(panel)
    if comparison is not None:
        print("UHC Awards 2026 (December 2025), this panel beside the published counts (a comparison, not a check):")
        for tier, (ours, published) in comparison.items():
            print(f"  {tier:<8} {ours:>4}   published {published if published is not None else '-'}")
    return 1 if problems else 0


def _key_values(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise SystemExit(f"uhc: --param expects NAME=VALUE, got {pair!r}")
        out[key.strip()] = value
    return out


def _report_runs(runs: list, reports_dir: Path) -> int:
    from uhc_lib.reports.batch import write_reports_home

    write_reports_home(reports_dir)
    for run in runs:
        if run.ok:
            print(run.html)
        else:
            print(f"FAILED {run.name}: {run.error}\n  notebook kept for inspection: {run.notebook}", file=sys.stderr)
    return 0 if all(r.ok for r in runs) else 1


def _explore(args: argparse.Namespace) -> int:
    from uhc_lib.common.config import REPORTS_DIR
    from uhc_lib.reports.notebooks import (
        check_parameters,
        explore_notebooks,
        notebook_path,
        run_notebook,
        stem_for,
        typed_parameters,
    )

    names = args.names or [n for n in explore_notebooks() if n != "registry_matching"]
    out = (args.out or REPORTS_DIR) / "explore" / args.lang
    given = _key_values(args.param)
    typed = {n: check_parameters(typed_parameters(notebook_path(n), given)) for n in names}  # before any kernel
    runs = [run_notebook(n, out, typed[n], args.lang, stem_for(n, typed[n])) for n in names]
    return _report_runs(runs, args.out or REPORTS_DIR)


def _match(args: argparse.Namespace) -> int:
    from uhc_lib.common.config import REPORTS_DIR
    from uhc_lib.reports.guard import check_period, check_region_code
    from uhc_lib.reports.notebooks import REGISTRY_NOTEBOOK, run_notebook

    if getattr(args, "action", None) == "reidentify":
        return _reidentify(args)
    if not args.region or not args.period:
        raise SystemExit("uhc match: give --region and --period (or use: uhc match reidentify ...)")
    if bool(args.registry) != bool(args.participants):
        raise SystemExit("uhc match: give both --registry and --participants, or neither for the synthetic demo")
    check_region_code(args.region)  # both become part of the report's path
    args.period = check_period(args.period)  # juli-2024 -> 2024-07
    stem = f"{args.region}_{args.period}"
    out = (args.out or REPORTS_DIR) / "matching" / args.lang
    registry, participants, prepared = args.registry, args.participants, args.prepared
    if registry:  # checked and pseudonymised here, so a bad file is refused before any kernel starts
        from uhc_lib.registry import commands  # the registry wing's front door (pyproject: the one allowed import)

        pair = commands.prepare_for_report(
            args.region, registry, participants, out / stem, prepared=prepared, key_env=args.key_env,
            desa_code=args.desa_code,
        )  # fmt: skip
        registry, participants, prepared = pair.registry, pair.participants, True
    elif args.desa_code:
        raise SystemExit("uhc match: --desa-code goes with --registry (an OpenSID export of one desa)")
    params = {
        "region_code": args.region,
        "period": args.period,
        "registry_path": str(Path(registry).resolve()) if registry else "",
        "participants_path": str(Path(participants).resolve()) if participants else "",
        "prepared": prepared,
        "key_env": args.key_env,
        "threshold": args.threshold,
        "out_dir": str((out / stem).resolve()),
    }
    return _report_runs([run_notebook(str(REGISTRY_NOTEBOOK), out, params, args.lang, stem)], args.out or REPORTS_DIR)


def _reidentify(args: argparse.Namespace) -> int:
    from uhc_lib.common.config import REPORTS_DIR
    from uhc_lib.registry import commands  # the registry wing's front door (pyproject: the one allowed import)

    done = commands.reidentify_worklist(
        args.worklist, args.registry, args.out, reports_dir=args.reports or REPORTS_DIR, key_env=args.key_env,
        lang=args.lang,
    )  # fmt: skip
    print(f"{done.path} ({done.rows} rows; file mode 0600: keep it on this machine, delete it when done)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="uhc", description="UHC Monitor: JKN coverage and activity briefs.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("brief", help="one region's brief (HTML + executed notebook)")
    p.add_argument("region", help="Kemendagri kab/kota code, e.g. 17.07")
    _common(p)
    p.set_defaults(func=_brief)

    p = sub.add_parser(
        "batch",
        help="briefs for all regions (or some), an index page, this month's changes and (xlsx) the recap workbook",
    )
    _common(p)
    p.add_argument("--regions", help="comma-separated codes (default: every region in the data)")
    p.add_argument("--province", help="only this province code, e.g. 32")
    p.add_argument("--jobs", type=int, help="parallel workers (default: one per core)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--resume", action="store_true", help="skip briefs already up to date for the same data, parameters and code"
    )
    p.add_argument("--scheduler", help="Dask distributed scheduler address (tcp://host:8786) to run the batch on")
    p.set_defaults(func=_batch)

    p = sub.add_parser("explore", help="run exploratory notebooks into reports/explore/<lang>/<name>.html")
    p.add_argument("names", nargs="*", help="notebooks in notebooks/explore/ (default: all but registry_matching)")
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE", help="a notebook parameter")
    p.add_argument("--lang", choices=["id", "en"], default="id", help="language of charts and findings")
    p.add_argument("--out", type=Path, help="reports folder (default: ./reports)")
    p.set_defaults(func=_explore)

    p = sub.add_parser(
        "match",
        help="match a population registry with a JKN participant extract by NIK (pseudonymised first); "
        "key in $UHC_PSEUDONYM_KEY",
    )
    p.add_argument("--region", help="Kemendagri kab/kota code of the extracts, e.g. 17.07 (required)")
    p.add_argument("--period", help="month of the extracts, YYYY-MM (required)")
    p.add_argument("--registry", help="registry extract (CSV or Parquet); omit both files for a synthetic demo")
    p.add_argument("--participants", help="JKN participant extract (CSV or Parquet)")
    p.add_argument("--prepared", action="store_true", help="the files are already prepared (pseudonymised Parquet)")
    p.add_argument("--desa-code", help="for a registry of one desa without area codes (OpenSID export): its code")
    p.add_argument("--key-env", default="UHC_PSEUDONYM_KEY", help="environment variable holding the key")
    p.add_argument("--threshold", type=int, default=10, help="published counts below this are hidden (default 10)")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--out", type=Path, help="reports folder (default: ./reports)")
    p.set_defaults(func=_match)
    actions = p.add_subparsers(dest="action", required=False, metavar="reidentify")
    r = actions.add_parser(
        "reidentify",
        help="on the machine holding the key and the registry extract: the worklist with NIK, KK, names and "
        "addresses as a confidential .xlsx outside reports/",
    )
    r.add_argument("--worklist", required=True, help="worklist folder of a uhc match run (or its worklist.parquet)")
    r.add_argument("--registry", required=True, help="the registry extract the worklist was made from")
    r.add_argument("--out", required=True, type=Path, help="a folder outside reports/ (created with mode 0700)")
    r.add_argument("--key-env", default="UHC_PSEUDONYM_KEY", help="environment variable holding the key")
    r.add_argument("--reports", type=Path, help="the reports folder, refused as --out (default: ./reports)")
    r.add_argument("--lang", choices=["id", "en"], default="id")
    r.set_defaults(func=_match)

    p = sub.add_parser("validate", help="check a panel file and report every problem")
    p.add_argument("file", type=Path)
    _import_options(p)
    p.set_defaults(func=_validate)

    p = sub.add_parser(
        "import", help="read your own file (long panel, BPJS segment recap, Open Data CSV) and show what was recognised"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--to", type=Path, help="write the validated panel here (.parquet), for --data")
    _import_options(p)
    p.set_defaults(func=_import)

    p = sub.add_parser("generate-data", help="rebuild the embedded illustrative panel")
    p.add_argument("--out", type=Path)
    p.set_defaults(func=_generate)

    p = sub.add_parser("check-published", help="compare a panel with every published figure")
    p.add_argument("--data", type=Path)
    p.set_defaults(func=_check_published)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; a problem the user can fix is printed as one sentence (no traceback): exit 2 for bad input,
    3 for a folder another run is writing, 1 for anything else that stopped the command."""
    from uhc_lib.reports.guard import UserError

    args = build_parser().parse_args(argv)
    name = f"uhc {args.command}"
    try:
        return args.func(args)
    except UserError as err:
        print(f"{name}: {err}", file=sys.stderr)
        return err.exit_code
    except PanelValidationError as err:
        print(err, file=sys.stderr)
        return 2
    except (FileNotFoundError, ValueError, KeyError) as err:
        print(f"{name}: {_sentence(err)}", file=sys.stderr)
        return 2
    except OSError as err:
        where = f" ({err.filename})" if err.filename else ""
        print(f"{name}: {err.strerror or _sentence(err)}{where}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{name}: interrupted.", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - the user gets a sentence, not a traceback
        print(f"{name}: stopped by an unexpected error: {_sentence(err)}", file=sys.stderr)
        return 1


def _sentence(err: BaseException) -> str:
    text = str(err.args[0]) if isinstance(err, KeyError) and err.args else str(err)
    return text or type(err).__name__


if __name__ == "__main__":
    sys.exit(main())
