"""The argument parser and `main`: dispatch to a command module, turn usage errors into exit status 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reliability import __version__
from reliability.cli import checks, clean, fit, schema, score, sources
from reliability.cli.common import EXIT_OK, EXIT_USAGE, Parser, UsageError, error, warnings_to_stderr

COMMANDS = {"score": score, "clean": clean, "sources": sources, "checks": checks, "schema": schema, "fit": fit}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="reliability",
        description="Score how reliable news articles are, from their own text.",
        epilog="Exit status: 0 ok; 1 an article under `score --fail-under` (or a failed check with --fail-on-error); "
        "2 bad usage or unreadable input. Settings: --config FILE, else ./reliability.toml, else [tool.reliability] "
        "in ./pyproject.toml.",
    )
    parser.add_argument("--version", action="version", version=f"reliability {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in COMMANDS.values():
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    warnings_to_stderr()
    parser = build_parser()
    if not (sys.argv[1:] if argv is None else argv):
        parser.print_help(sys.stderr)  # bare `reliability`: what it can do, and a usage exit status
        return EXIT_USAGE
    try:
        args = parser.parse_args(argv)
        status: int = COMMANDS[args.command].run(args, sys.stdout)
        return status
    except UsageError as exc:
        error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
