"""`reliability sources`: a per-publisher summary of scored articles (or of saved reports)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from typing import TextIO

from reliability.cli.common import EXIT_OK, Session, UsageError, add_input_options, build_engine
from reliability.cli.output import add_output_options, opened


def add_parser(commands) -> None:  # noqa: ANN001 - argparse's subparsers action
    sources = commands.add_parser("sources", help="per-source summary of scored articles")
    add_input_options(sources)
    sources.add_argument("--reports", action="store_true", help="PATHs are JSONL reports from `score --format jsonl`")
    sources.add_argument("--format", choices=("text", "json"), default="text")
    add_output_options(sources, color=False)


def run(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.corpus import SourceRollup

    rollup = SourceRollup()
    exit_code = EXIT_OK
    if args.reports:
        for report in _read_reports(args.paths):
            rollup.add(report)
    else:
        session = Session(args, build_engine(args))
        for report, _ in session.reports():
            rollup.add(report)
        exit_code = session.exit_code
    profiles = rollup.profiles()
    with opened(args, out) as sink:
        if args.format == "json":
            sink.write(json.dumps([p.model_dump(mode="json") for p in profiles], indent=1) + "\n")
        else:
            for p in profiles:
                top = ", ".join(f"{code} ×{n}" for code, n in list(p.findings.items())[:4]) or "no warnings"
                sink.write(f"{p.source}: {p.articles} article{'s' * (p.articles != 1)}, mean {p.mean_score:.1f}, "
                           f"low {p.low_share:.0%}; most frequent: {top}\n")
    return exit_code


def _read_reports(paths: Sequence[str]) -> Iterator:
    from pydantic import ValidationError

    from reliability.models import Report

    for path in paths:
        try:
            with open(path, encoding="utf-8") as fh:
                for number, line in enumerate(fh, start=1):
                    if line.strip():
                        try:
                            yield Report.model_validate_json(line)
                        except ValidationError:
                            raise UsageError(f"{path}:{number}: not a report") from None
        except OSError as exc:
            raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
