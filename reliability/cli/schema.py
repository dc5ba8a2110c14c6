"""`reliability schema`: the JSON schema of the Report (or of an input Article)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from reliability.cli.common import EXIT_OK


def add_parser(commands) -> None:  # noqa: ANN001 - argparse's subparsers action
    schema = commands.add_parser("schema", help="print the JSON schema of reports (or of input articles)")
    schema.add_argument("model", nargs="?", choices=("report", "article"), default="report")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.models import Article, Report

    model = Report if args.model == "report" else Article
    mode = "serialization" if args.model == "report" else "validation"
    out.write(json.dumps(model.model_json_schema(mode=mode), indent=2) + "\n")
    return EXIT_OK
