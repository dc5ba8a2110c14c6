"""The embedded store on the command line: `score --store` keeps reports, `sources --store` reads them."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reliability.cli.common import UsageError
from reliability.cli.output import Pair

if TYPE_CHECKING:
    from reliability.store import Store

BATCH = 200  # reports per transaction: fewer lock hand-overs between concurrent writers


def add_store_options(command: argparse.ArgumentParser, help_text: str) -> None:
    command.add_argument("--store", metavar="DB", help=help_text)


def open_store(path: str) -> Store:
    from reliability.store import Store, StoreError

    try:
        return Store(path)
    except StoreError as exc:
        raise UsageError(str(exc)) from None


def kept(pairs: Iterator[Pair], args: argparse.Namespace) -> Iterator[Pair]:
    """Pass (report, text) pairs through, keeping them in `--store` (if given) in batches."""
    if not args.store:
        yield from pairs
        return
    store = open_store(args.store)
    batch: list[Pair] = []
    try:
        for pair in pairs:
            batch.append(pair)
            if len(batch) >= BATCH:
                store.add_many(batch, source=getattr(args, "source", None))
                batch.clear()
            yield pair
    finally:
        if batch:
            store.add_many(batch, source=getattr(args, "source", None))
        store.close()
