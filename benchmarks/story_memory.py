"""Memory and time of story mode's first pass on a generated batch: the sketches and the grouping.

For N generated articles (benchmarks/corpus.py, streamed, never all in memory): analyse each once,
keep its story sketch (the texts are dropped), then group the sketches into stories. Prints the mean
and largest sketch payload, the process's RSS before, after the sketches and after the grouping, and
the time of each stage. The generated corpus draws on a small vocabulary (15 people, 12 places), so
most of its terms are common and left out of the link search: this measures memory and cost, not
grouping quality (evaluation/story_mode.py measures that on real reports).
With `--copies K`, each sketch is kept K times (its arrays copied, its id changed), to measure the
index and the grouping at K times the batch without analysing K times as many articles.
With `--signed`, each sketch also carries its sentences' meaning signatures, as in story mode with the
semantic extra; the vectors signed are random unit vectors (a stand-in for the encoder: the memory and
the grouping do not depend on what the vectors mean, and encoding is measured in throughput.py).
Run: python benchmarks/story_memory.py [--articles 10000] [--copies 1] [--signed]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from corpus import generate
from throughput import current_rss_mb

from reliability.document import Document
from reliability.story.grouping import story_labels
from reliability.story.sketch import build_sketch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--signed", action="store_true", help="sign the sentences (random stand-in vectors)")
    args = parser.parse_args()
    encoder = RandomVectors() if args.signed else None
    build_sketch(Document(next(generate(1, seed=99))))  # imports and lazy tables outside the measurement
    total = args.articles * args.copies
    print(
        f"{platform.processor() or platform.machine()}, {date.today()}, {args.articles:,} generated articles"
        + (f", each sketch kept {args.copies} times: {total:,} sketches" if args.copies > 1 else "")
        + (", sentences signed (random stand-in vectors)" if args.signed else "")
    )
    before = current_rss_mb()
    started = time.perf_counter()
    sketches = [build_sketch(Document(article), encoder) for article in generate(args.articles)]
    sketched = time.perf_counter() - started
    sketches += [_copy(s, k) for k in range(1, args.copies) for s in sketches[: args.articles]]
    after_sketches = current_rss_mb()
    sizes = [s.nbytes for s in sketches]
    started = time.perf_counter()
    labels = story_labels(sketches)
    grouped = time.perf_counter() - started
    after_grouping = current_rss_mb()
    print(f"sketch payload: mean {sum(sizes) / len(sizes):,.0f} B, largest {max(sizes):,} B")
    print(
        f"RSS: {before:,.0f} MB before, {after_sketches:,.0f} MB with the sketches "
        f"({(after_sketches - before) * 1024 * 1024 / total:,.0f} B a sketch), {after_grouping:,.0f} MB after grouping"
    )
    print(
        f"analysis + sketch: {sketched:,.1f} s ({args.articles / sketched:,.0f} docs/s); grouping: {grouped:,.1f} s; "
        f"{len(set(labels)):,} stories"
    )


def _copy(sketch, k: int):  # noqa: ANN001, ANN202
    arrays = {
        name: getattr(sketch, name).copy()
        for name in ("terms", "weights", "names", "words", "minhash", "signatures", "signed_spans")
    }
    return replace(sketch, article=f"{sketch.article}#{k}", **arrays)


class RandomVectors:
    """Unit vectors drawn at random, 384 wide like MiniLM's: what a sketch's signatures cost, not what they mean."""

    name = "random"

    def __init__(self) -> None:
        self._rng = np.random.default_rng(7)

    def encode(self, texts):  # noqa: ANN001, ANN201
        vectors = self._rng.standard_normal((len(texts), 384)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


if __name__ == "__main__":
    main()
