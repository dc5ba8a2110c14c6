"""Throughput of off_topic's boilerplate part alone (`find_boilerplate`: line features, the tree ensemble,
the lexicon rules) on the generated ~3 KB articles, one process, beside datatrove's C4QualityFilter (the
C4 line rules) timed on the same articles in the same run. The shared analysis (Document: blocks,
sentences, words) is built beforehand, as the engine builds it once for every check; the lazy views the
boilerplate part reads are its own cost. Prints the machine, its load and the date with the figures.
Run: python benchmarks/boilerplate.py [--articles 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402
from peers import filter_rate  # noqa: E402

from reliability.checks.off_topic.boilerplate import find_boilerplate  # noqa: E402
from reliability.document import Document  # noqa: E402


def boilerplate_rate(articles: list) -> float:
    """docs/s of find_boilerplate on freshly built Documents of `articles`."""
    documents = [Document(a) for a in articles]
    start = time.perf_counter()
    for document in documents:
        find_boilerplate(document)
    return len(documents) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument(
        "--rounds", type=int, default=3, help="best of this many rounds (a shared machine's load comes and goes)"
    )
    args = parser.parse_args()
    articles = list(generate(args.articles))
    mean_kb = sum(len(a.text.encode()) for a in articles) / len(articles) / 1024
    find_boilerplate(Document(articles[0]))  # warm-up: the model's arrays are read once per process
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.1f} at start"
    )
    print(
        f"corpus: {len(articles):,} distinct generated articles, mean {mean_kb:.1f} KB; best of {args.rounds} rounds, one process\n"
    )
    ours, peer = [], []
    for _ in range(args.rounds):
        measured = filter_rate("C4QualityFilter", articles)
        if measured is not None:
            peer.append(measured[0])
        ours.append(boilerplate_rate(articles))
    print(f"{'boilerplate part (find_boilerplate)':<40}{max(ours):>9,.0f} docs/s")
    if peer:
        print(
            f"{'datatrove C4QualityFilter (same run)':<40}{max(peer):>9,.0f} docs/s   ours / C4: {max(ours) / max(peer):.2f}x"
        )
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
