"""`reliability` on the command line: parse arguments, call the library, print. Nothing else lives here.

One module per command (`score`, `clean`, `sources`, `checks`, `schema`), each with
`add_parser(commands)` that declares its options and `run(args, out) -> exit status`; `common` holds
the plumbing they share (usage errors, building the engine, reading the inputs).
"""

from reliability.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
