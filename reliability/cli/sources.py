"""`reliability sources`: per-publisher profiles of scored articles, saved reports, or the store."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from reliability.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    Session,
    UsageError,
    add_input_options,
    build_engine,
    error,
)
from reliability.cli.output import add_output_options, opened
from reliability.cli.stored import add_store_options, kept, open_store

if TYPE_CHECKING:
    from reliability.models import Report

FORMATS = ("text", "json", "csv", "html")


def add_parser(commands: Commands) -> None:
    sources = commands.add_parser("sources", help="per-source profiles of scored articles, or of the store")
    add_input_options(sources, paths_required=False)
    sources.add_argument("--reports", action="store_true", help="PATHs are JSONL reports from `score --format jsonl`")
    sources.add_argument("--format", choices=FORMATS, default="text")
    add_output_options(sources, color=False)
    add_store_options(sources, "profile the reports kept in this store (PATHs, if any, are added to it first)")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.profiles import SourceRollup, profiles
    from reliability.render import sources as render

    if not args.paths and not args.store:
        raise UsageError("give PATHs to score, or --store DB")
    session = None
    pairs: Iterator[tuple[Report, str | None]] = iter(())
    unreadable: list[str] = []
    if args.paths and args.reports:
        pairs = ((report, None) for report in _read_reports(args.paths, unreadable))
    elif args.paths:
        session = Session(args, build_engine(args))
        pairs = session.reports()
    if args.store:
        for _ in kept(pairs, args):
            pass
        store = open_store(args.store)
        try:
            found = profiles(store)
        finally:
            store.close()
    else:
        rollup = SourceRollup()
        for report, text in pairs:
            rollup.add(report, text, source=args.source)
        found = rollup.profiles()
    writer = {"text": render.to_text, "json": render.to_json, "csv": render.to_csv, "html": render.to_html}
    with opened(args, out) as sink:
        sink.write(writer[args.format](found))
    return session.exit_code if session else EXIT_USAGE if unreadable else EXIT_OK


def _read_reports(paths: Sequence[str], unreadable: list[str]) -> Iterator[Report]:
    """Reports from JSONL files; a line that is not one, or a file that cannot be read, is reported on
    stderr and listed in `unreadable`, and the rest go on."""
    from pydantic import ValidationError

    from reliability.io import decode
    from reliability.models import Report

    for path in paths:
        try:
            with open(path, "rb") as fh:
                for number, line in enumerate(fh, start=1):
                    if line.strip():
                        try:
                            yield Report.model_validate_json(decode(line))
                        except (ValidationError, ValueError, RecursionError):
                            unreadable.append(f"{path}:{number}: not a report")
                            error(unreadable[-1])
        except OSError as exc:
            unreadable.append(f"cannot read {path}: {exc.strerror or exc}")
            error(unreadable[-1])
