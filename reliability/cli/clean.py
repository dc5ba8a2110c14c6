"""`reliability clean`: the articles with flagged boilerplate cut out, and a record of each cut."""

from __future__ import annotations

import argparse
from typing import TextIO

from reliability.cli.common import Commands, Session, add_input_options, build_engine, for_terminal
from reliability.cli.output import add_output_options, opened


def add_parser(commands: Commands) -> None:
    clean = commands.add_parser("clean", help="print articles with flagged boilerplate cut out, and what was cut")
    add_input_options(clean)
    clean.add_argument(
        "--codes", help="finding codes to cut, comma-separated (default: those the checks declare cuttable)"
    )
    clean.add_argument("--text-only", action="store_true", help="print only the cleaned texts, not JSONL records")
    add_output_options(clean, color=False)


def run(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.cleaning import clean

    codes = [c.strip() for c in args.codes.split(",") if c.strip()] if args.codes else []
    if args.semantic == "auto" and not any(c.startswith("off_topic.unrelated") for c in codes):
        args.semantic = "off"  # cutting boilerplate needs no meaning: do not load the model for it
    engine = build_engine(args)
    codes = codes or sorted(engine.cuttable_codes)
    session = Session(args, engine)
    with opened(args, out) as sink:
        for report, text in session.reports():
            cleaned = clean(text, report, codes)
            sink.write(for_terminal(cleaned.text, sink) + "\n" if args.text_only else cleaned.model_dump_json() + "\n")
    return session.exit_code
