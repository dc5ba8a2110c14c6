"""`reliability schema`: the JSON schema of the Report (or of an input Article)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from reliability.cli.common import EXIT_OK, Commands


def add_parser(commands: Commands) -> None:
    schema = commands.add_parser("schema", help="print the JSON schema of reports (or of input articles)")
    schema.add_argument("model", nargs="?", choices=("report", "article"), default="report")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.models import Article, Report

    if args.model == "report":
        schema = Report.model_json_schema(mode="serialization")
    else:
        schema = Article.model_json_schema(mode="validation")
    out.write(json.dumps(schema, indent=2) + "\n")
    return EXIT_OK
