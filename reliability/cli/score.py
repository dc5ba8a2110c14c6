"""`reliability score`: a report per article, in the format asked for."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TextIO

from reliability.cli.common import Session, UsageError, add_input_options, build_engine

FORMATS = ("text", "json", "jsonl", "markdown", "html")


def add_parser(commands) -> None:  # noqa: ANN001 - argparse's subparsers action
    score = commands.add_parser("score", help="score articles and print a report per article")
    add_input_options(score)
    score.add_argument("--format", choices=FORMATS, help="output format (default: text on a terminal, else jsonl)")
    score.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.io import write_jsonl

    engine = build_engine(args)
    fmt = args.format or ("text" if out.isatty() else "jsonl")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    session = Session(args, engine)
    reports = session.reports(workers=args.workers)
    if fmt == "jsonl":
        write_jsonl((report for report, _ in reports), out)
    elif fmt == "json":
        _write_json_array((report for report, _ in reports), out)
    else:
        from reliability.render import renderer

        render = renderer(fmt, color=out.isatty())
        for report, text in reports:
            out.write(render(report, text))
            out.write("\n")
    return session.exit_code


def _write_json_array(reports: Iterator, out: TextIO) -> None:
    out.write("[")
    for i, report in enumerate(reports):
        out.write(("," if i else "") + "\n" + report.model_dump_json(indent=2))
    out.write("\n]\n")
