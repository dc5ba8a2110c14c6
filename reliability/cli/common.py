"""Plumbing the commands share: usage errors, input options, building the engine, reading the inputs."""

from __future__ import annotations

import argparse
import logging
import sys
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, NoReturn, TextIO, TypeAlias

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from reliability.engine import Engine
    from reliability.models import Article, Report

#: What a command module's `add_parser` is given: `parser.add_subparsers(...)` (argparse names no public type).
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

#: The documented exit status: 0 ok; 1 under the --fail-under bar (or a failed check, if asked); 2 bad usage.
EXIT_OK, EXIT_BELOW_BAR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage or unreadable input: reported as one line, exit code 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are `UsageError`s, so `main` reports them in one line."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class PrintableFormatter(logging.Formatter):
    """Warnings carry file names, article ids and plugins' exception messages: no control character of
    theirs reaches the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        from reliability.render.common import printable

        return printable(super().format(record))


def warnings_to_stderr() -> None:
    """The package's warnings, one printable line each on the current stderr (a test may have swapped it)."""
    logger = logging.getLogger("reliability")
    for previous in [h for h in logger.handlers if isinstance(h.formatter, PrintableFormatter)]:
        logger.removeHandler(previous)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PrintableFormatter("warning: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def error(message: object) -> None:
    """One line on stderr, its control characters made visible."""
    from reliability.render.common import printable

    print(f"reliability: error: {printable(str(message))}", file=sys.stderr)


def for_terminal(text: str, out: TextIO) -> str:
    """Article text as it is for a pipe or a file; on a terminal, its control characters made visible."""
    from reliability.render.common import printable

    return printable(text) if out.isatty() else text


def add_input_options(command: argparse.ArgumentParser, paths_required: bool = True) -> None:
    """The options of every command that reads articles."""
    command.add_argument(
        "paths",
        nargs="+" if paths_required else "*",
        metavar="PATH",
        help=".txt, .json, .jsonl, a folder of them, or - for standard input (plain text or JSONL)",
    )
    command.add_argument("--source", help="the publisher of articles that name none and have no URL (e.g. .txt files)")
    command.add_argument(
        "--config",
        metavar="FILE",
        help="TOML settings file (default: ./reliability.toml, else [tool.reliability] in ./pyproject.toml)",
    )
    command.add_argument("--checks", help="run only these checks, comma-separated")
    command.add_argument(
        "--corpus",
        action="store_true",
        help="score the input as one batch: statistics over it, and reports of one story compared",
    )
    command.add_argument("--follow-symlinks", action="store_true", help="read symbolic links found inside folders")
    command.add_argument(
        "--semantic",
        choices=("auto", "on", "off"),
        default="auto",
        help="the sentence-embedding model of the semantic extra: auto uses it when installed (default)",
    )
    command.add_argument(
        "--scoring",
        metavar="HOW",
        help="overall score: formula, default (the shipped model) or a model file from `fit`",
    )


def build_engine(args: argparse.Namespace) -> Engine:
    """The Engine the arguments ask for; any settings problem is a UsageError."""
    from pydantic import ValidationError

    from reliability.config import Settings
    from reliability.engine import Engine, UnknownCheckError
    from reliability.learned import ModelError
    from reliability.semantic import SemanticModelMissing

    checks = getattr(args, "checks", None)
    config = args.config or Settings.discover()
    if getattr(args, "quiet", False):
        logging.getLogger("reliability").setLevel(logging.ERROR)  # plugin problems are logged as they load
    try:
        semantic = {"on": True, "off": False}.get(getattr(args, "semantic", "auto"))
        wanted = [c.strip() for c in checks.split(",") if c.strip()] if checks is not None else None
        if wanted == []:
            raise UsageError(f"--checks {checks!r} names no check")
        settings = Settings.load(config, checks=wanted, semantic=semantic, scoring=getattr(args, "scoring", None))
        engine = Engine(settings)
    except OSError as exc:
        raise UsageError(f"cannot read config {config}: {exc.strerror or exc}") from None
    except (SemanticModelMissing, ModelError) as exc:
        raise UsageError(str(exc)) from None
    except ValueError as exc:  # TOML errors, validation errors and unknown checks are all ValueErrors
        reason = "; ".join(_problem(e) for e in exc.errors()) if isinstance(exc, ValidationError) else str(exc)
        what = "" if isinstance(exc, UnknownCheckError) else f"bad config {config or '(command line)'}: "
        raise UsageError(f"{what}{reason}") from None
    return engine  # its plugin problems were logged as warnings (once) when it was built


def _problem(error: ErrorDetails) -> str:
    """One validation error, naming its key: `bands.high: Input should be a valid number`."""
    key = ".".join(str(part) for part in error["loc"])
    message = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
    return f"{key}: {message}" if key else message


class Session:
    """Reads the inputs, reports unreadable ones on stderr, and pairs each report with its article text."""

    def __init__(self, args: argparse.Namespace, engine: Engine) -> None:
        self.args, self.engine = args, engine
        self.unreadable = 0

    @property
    def exit_code(self) -> int:
        return EXIT_USAGE if self.unreadable else EXIT_OK

    def _articles(self, pending: deque[str]) -> Iterator[Article]:
        from reliability.io import ReadError, read_articles

        for item in read_articles(
            self.args.paths,
            source=getattr(self.args, "source", None),
            follow_symlinks=getattr(self.args, "follow_symlinks", False),
        ):
            if isinstance(item, ReadError):
                self.unreadable += 1
                error(item)
                continue
            pending.append(item.text)
            yield item

    def reports(self, workers: int = 1, force_workers: bool = False) -> Iterator[tuple[Report, str]]:
        pending: deque[str] = deque()
        articles = self._articles(pending)
        if self.args.corpus:
            reports = self.engine.score_corpus(articles, workers=workers)
        else:
            reports = self.engine.score_many(articles, workers=workers, force_workers=force_workers)
        for report in reports:
            yield report, pending.popleft()
