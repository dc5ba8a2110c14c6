"""`reliability score`: a report per article, in the format asked for, and an exit status a pipeline can gate on."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reliability.cli.common import (
    EXIT_BELOW_BAR,
    EXIT_OK,
    Commands,
    Session,
    UsageError,
    add_input_options,
    build_engine,
)
from reliability.cli.output import (
    FORMAT_BY_SUFFIX,
    SEVERITIES,
    Progress,
    add_output_options,
    filtered,
    opened,
    shown,
    use_color,
    width,
)
from reliability.cli.stored import add_store_options, kept

if TYPE_CHECKING:
    from reliability.models import Report

FORMATS = ("text", "json", "jsonl", "markdown", "html", "csv")
MAX_WORKERS = 1024  # a bound argparse can check: 2147483647 workers was an OverflowError


def add_parser(commands: Commands) -> None:
    score = commands.add_parser(
        "score",
        help="score articles and print a report per article",
        description="Score articles and print a report per article. Exit status: 0 ok; 1 an article scored "
        "under --fail-under, or a check failed with --fail-on-error; 2 bad usage or unreadable input.",
    )
    add_input_options(score)
    score.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o file's suffix, else text on a terminal, else jsonl)",
    )
    add_output_options(score)
    score.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        default="info",
        help="show only findings of at least this severity (scores are unchanged)",
    )
    score.add_argument(
        "--select",
        action="append",
        metavar="CODE",
        help="show only findings of these codes or checks, comma-separated or repeated",
    )
    score.add_argument(
        "--ignore",
        action="append",
        metavar="CODE",
        help="hide findings of these codes or checks, comma-separated or repeated",
    )
    score.add_argument(
        "--fail-under", type=float, metavar="SCORE", help="exit 1 if any article scores under SCORE (0-100)"
    )
    score.add_argument("--fail-on-error", action="store_true", help="exit 1 if a check failed on any article")
    score.add_argument(
        "--workers", type=_worker_count, default=1, help="worker processes (default 1; at most one per CPU)"
    )
    score.add_argument("--force-workers", action="store_true", help="allow more workers than CPUs")
    add_store_options(score, "also keep every report in this SQLite store (created if missing)")


def run(args: argparse.Namespace, out: TextIO) -> int:
    if args.fail_under is not None and not 0 <= args.fail_under <= 100:
        raise UsageError("--fail-under must be between 0 and 100")
    engine = build_engine(args)
    session = Session(args, engine)
    progress = Progress(args.quiet, reports_on_screen=args.output in (None, "-") and out.isatty())
    wanted = shown(args)
    below = failed = 0

    def reports() -> Iterator[tuple[Report, str]]:
        nonlocal below, failed
        scored = session.reports(workers=args.workers, force_workers=args.force_workers)
        for report, text in progress.track(kept(scored, args)):
            below += args.fail_under is not None and report.score < args.fail_under
            failed += any(c.error for c in report.checks)
            yield filtered(report, wanted), text

    with opened(args, out) as sink:
        fmt = args.format or _default_format(args.output, sink)
        _write(fmt, reports(), sink, color=use_color(args.color, sink))
    progress.finish(session.unreadable)
    if session.exit_code != EXIT_OK:
        return session.exit_code
    return EXIT_BELOW_BAR if below or (args.fail_on_error and failed) else EXIT_OK


def _worker_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_WORKERS}, not {value!r}")
    return count


def _default_format(output: str | None, sink: TextIO) -> str:
    if output and output != "-":
        return FORMAT_BY_SUFFIX.get(Path(output).suffix.lower(), "jsonl")
    return "text" if sink.isatty() else "jsonl"


def _write(fmt: str, reports: Iterator[tuple[Report, str]], out: TextIO, *, color: bool) -> None:
    from reliability.io import write_csv, write_jsonl

    if fmt == "jsonl":
        write_jsonl((report for report, _ in reports), out)
    elif fmt == "json":
        _write_json_array((report for report, _ in reports), out)
    elif fmt == "csv":
        write_csv((report for report, _ in reports), out)
    elif fmt == "html":
        from reliability.render.html import page

        out.write(page(reports))  # one page for the batch: its index needs every report first
    else:
        from reliability.render import renderer

        render = renderer(fmt, color=color, width=width())
        for report, text in reports:
            out.write(render(report, text))
            out.write("\n")


def _write_json_array(reports: Iterator[Report], out: TextIO) -> None:
    out.write("[")
    for i, report in enumerate(reports):
        out.write(("," if i else "") + "\n" + report.model_dump_json(indent=2))
    out.write("\n]\n")
