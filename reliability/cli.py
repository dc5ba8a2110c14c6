"""`reliability` on the command line: parse arguments, call the library, print. Nothing else lives here."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from typing import NoReturn, TextIO

from reliability import __version__

FORMATS = ("text", "json", "jsonl", "markdown", "html")
EXIT_OK, EXIT_USAGE = 0, 2


class UsageError(Exception):
    """Bad usage or unreadable input: reported as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reliability", description="Score how reliable news articles are, from their own text.")
    parser.add_argument("--version", action="version", version=f"reliability {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    score = commands.add_parser("score", help="score articles and print a report per article")
    _add_input_options(score)
    score.add_argument("--format", choices=FORMATS, help="output format (default: text on a terminal, else jsonl)")
    score.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")

    clean = commands.add_parser("clean", help="print articles with flagged boilerplate cut out, and what was cut")
    _add_input_options(clean)
    clean.add_argument("--codes", default="off_topic.boilerplate", help="finding codes to cut, comma-separated")
    clean.add_argument("--text-only", action="store_true", help="print only the cleaned texts, not JSONL records")

    sources = commands.add_parser("sources", help="per-source summary of scored articles")
    _add_input_options(sources)
    sources.add_argument("--reports", action="store_true", help="PATHs are JSONL reports from `score --format jsonl`")
    sources.add_argument("--format", choices=("text", "json"), default="text")

    checks = commands.add_parser("checks", help="list registered checks and plugins that failed to load")
    checks.add_argument("--config", metavar="FILE", help="TOML settings file")

    schema = commands.add_parser("schema", help="print the JSON schema of reports (or of input articles)")
    schema.add_argument("model", nargs="?", choices=("report", "article"), default="report")
    return parser


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, a folder of them, or - for JSONL on stdin")
    command.add_argument("--config", metavar="FILE", help="TOML settings file")
    command.add_argument("--checks", help="run only these checks, comma-separated")
    command.add_argument("--corpus", action="store_true", help="use statistics over the whole input (IDF)")
    command.add_argument(
        "--semantic", choices=("auto", "on", "off"), default="auto",
        help="the sentence-embedding model of the semantic extra: auto uses it when installed (default)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s", stream=sys.stderr)
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args, sys.stdout)
    except UsageError as exc:
        print(f"reliability: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


# -- commands ---------------------------------------------------------------------------------------


def cmd_score(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.io import write_jsonl

    engine = _engine(args)
    fmt = args.format or ("text" if out.isatty() else "jsonl")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    session = _Session(args, engine)
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


def cmd_clean(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.cleaning import clean

    codes = [c.strip() for c in args.codes.split(",") if c.strip()]
    if args.semantic == "auto" and not any(c.startswith("off_topic.unrelated") for c in codes):
        args.semantic = "off"  # cutting boilerplate needs no meaning: do not load the model for it
    session = _Session(args, _engine(args))
    for report, text in session.reports():
        cleaned = clean(text, report, codes)
        out.write(cleaned.text + "\n" if args.text_only else cleaned.model_dump_json() + "\n")
    return session.exit_code


def cmd_sources(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.corpus import SourceRollup

    rollup = SourceRollup()
    exit_code = EXIT_OK
    if args.reports:
        for report in _read_reports(args.paths):
            rollup.add(report)
    else:
        session = _Session(args, _engine(args))
        for report, _ in session.reports():
            rollup.add(report)
        exit_code = session.exit_code
    profiles = rollup.profiles()
    if args.format == "json":
        out.write(json.dumps([p.model_dump(mode="json") for p in profiles], indent=1) + "\n")
    else:
        for p in profiles:
            top = ", ".join(f"{code} ×{n}" for code, n in list(p.findings.items())[:4]) or "no warnings"
            out.write(f"{p.source}: {p.articles} articles, mean {p.mean_score:.1f}, "
                      f"low {p.low_share:.0%}; most frequent: {top}\n")
    return exit_code


def cmd_checks(args: argparse.Namespace, out: TextIO) -> int:
    engine = _engine(args)
    out.write(f"{'check':<16}{'plugin':<36}{'version':<10}weight\n")
    for plugin, check in engine.registered:
        weight = engine.settings.weight_for(check.name, check.weight)
        out.write(f"{check.name:<16}{plugin:<36}{check.version!s:<10}{weight:g}\n")
    for problem in engine.problems:
        out.write(f"FAILED  {problem}\n")
    out.write(_semantic_status(engine))
    return EXIT_OK


def _semantic_status(engine) -> str:  # noqa: ANN001 - Engine is imported lazily
    from reliability.semantic import MODEL_NAME, semantic_available

    users = ", ".join(engine.encoder_users) or "no check"
    if engine.settings.semantic is False:
        return f"semantic model: turned off in the settings ({users} would use it)\n"
    if semantic_available():
        return f"semantic model: {MODEL_NAME}, installed; used by {users}\n"
    return f"semantic model: not installed (pip install 'reliability[semantic]'); {users} use lexical evidence\n"


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.models import Article, Report

    model = Report if args.model == "report" else Article
    mode = "serialization" if args.model == "report" else "validation"
    out.write(json.dumps(model.model_json_schema(mode=mode), indent=2) + "\n")
    return EXIT_OK


COMMANDS = {"score": cmd_score, "clean": cmd_clean, "sources": cmd_sources, "checks": cmd_checks, "schema": cmd_schema}


# -- plumbing ---------------------------------------------------------------------------------------


def _engine(args: argparse.Namespace):  # noqa: ANN202 - Engine is imported lazily
    from pydantic import ValidationError

    from reliability.config import Settings
    from reliability.engine import Engine, UnknownCheckError
    from reliability.semantic import SemanticModelMissing

    checks = getattr(args, "checks", None)
    try:
        semantic = {"on": True, "off": False}.get(getattr(args, "semantic", "auto"))
        wanted = [c.strip() for c in checks.split(",") if c.strip()] if checks else None
        settings = Settings.load(args.config, checks=wanted, semantic=semantic)
        engine = Engine(settings)
    except OSError as exc:
        raise UsageError(f"cannot read config {args.config}: {exc.strerror or exc}") from None
    except SemanticModelMissing as exc:
        raise UsageError(str(exc)) from None
    except ValueError as exc:  # TOML errors, validation errors and unknown checks are all ValueErrors
        reason = "; ".join(e["msg"] for e in exc.errors()) if isinstance(exc, ValidationError) else str(exc)
        what = "" if isinstance(exc, UnknownCheckError) else f"bad config {args.config}: "
        raise UsageError(f"{what}{reason}") from None
    for problem in engine.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return engine


class _Session:
    """Reads the inputs, reports unreadable ones on stderr, and pairs each report with its article text."""

    def __init__(self, args: argparse.Namespace, engine) -> None:  # noqa: ANN001
        self.args, self.engine = args, engine
        self.unreadable = 0

    @property
    def exit_code(self) -> int:
        return EXIT_USAGE if self.unreadable else EXIT_OK

    def _articles(self, pending: deque) -> Iterator:
        from reliability.io import ReadError, read_articles

        for item in read_articles(self.args.paths):
            if isinstance(item, ReadError):
                self.unreadable += 1
                print(f"reliability: error: {item}", file=sys.stderr)
                continue
            pending.append(item.text)
            yield item

    def reports(self, workers: int = 1) -> Iterator:
        pending: deque[str] = deque()
        articles = self._articles(pending)
        corpus = None
        if self.args.corpus:
            from reliability.corpus import corpus_stats
            from reliability.document import Document

            articles = list(articles)  # two passes: statistics first, then scoring
            corpus = corpus_stats(Document(a) for a in articles)
        for report in self.engine.score_many(articles, workers=workers, corpus=corpus):
            yield report, pending.popleft()


def _write_json_array(reports: Iterator, out: TextIO) -> None:
    out.write("[")
    for i, report in enumerate(reports):
        out.write(("," if i else "") + "\n" + report.model_dump_json(indent=2))
    out.write("\n]\n")


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
