"""Throughput of reliability on a generated corpus: the shared analysis, each check, the whole suite.

Prints docs/s for: building the shared Document (blocks, sentences, words: the one analysis pass);
each check alone on a freshly built Document (so it pays for the lazy views it uses), and off_topic's
boilerplate line classifier alone; the whole
suite end to end through `Engine.score_many` (one process, then a worker pool); and the process's
memory while streaming --stream-articles articles. With the semantic extra installed, the same for
off_topic and the suite with the sentence-embedding model, on the first --semantic-articles articles.
When datatrove is installed (see peers.py), datatrove's GopherRepetitionFilter is timed on the same
articles right before each suite figure, and every suite figure is also given as a ratio to it: on a
shared machine absolute figures drift with the load, ratios measured side by side hold better. The
one-process figure is given in CPU time too (docs per second of the process's own CPU, the peer's
likewise), which a busy machine disturbs least.
Run: python benchmarks/throughput.py [--articles 1000] [--workers 2] [--semantic-articles 100]
     [--stream-articles 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402
from peers import gopher_repetition_rate  # noqa: E402

from reliability.check import CheckContext  # noqa: E402
from reliability.config import Settings  # noqa: E402
from reliability.document import Document  # noqa: E402
from reliability.engine import Engine  # noqa: E402


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:>9,.1f} docs/s" if count / seconds < 100 else f"{count / seconds:>9,.0f} docs/s"


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def versus_peer(label: str, count: int, seconds: float, peer: float | None) -> None:
    """One suite figure, and its ratio to the peer's rate measured just before it."""
    ratio = f"   {count / seconds / peer:>5.2f}x GopherRepetitionFilter ({peer:,.0f} docs/s)" if peer else ""
    print(f"{label:<44}{rate(count, seconds)}{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--semantic-articles", type=int, default=100)
    parser.add_argument(
        "--stream-articles", type=int, default=10_000, help="articles streamed for the memory figure (0: skip)"
    )
    args = parser.parse_args()
    articles = list(generate(args.articles))
    mean_kb = sum(len(a.text.encode()) for a in articles) / len(articles) / 1024
    print(f"corpus: {len(articles):,} distinct generated articles, mean {mean_kb:.1f} KB\n")

    from sentencex import get_sentence_boundaries

    start = time.perf_counter()
    for article in articles:
        get_sentence_boundaries("en", article.text)
    print(f"{'sentence splitting (sentencex alone)':<44}{rate(len(articles), time.perf_counter() - start)}")

    start = time.perf_counter()
    for article in articles:
        Document(article)
    print(f"{'shared analysis (Document)':<44}{rate(len(articles), time.perf_counter() - start)}")

    engine = Engine(Settings.load(load_entrypoints=True, semantic=False))
    for check in engine.checks:
        context = CheckContext(options=engine.settings.options_for(check.name))
        check.run(Document(articles[0]), context)  # warm-up: lazy imports and dictionaries
        documents = [Document(a) for a in articles]
        start = time.perf_counter()
        for document in documents:
            check.run(document, context)
        print(f"{'check ' + check.name:<44}{rate(len(documents), time.perf_counter() - start)}")

    from reliability.checks.off_topic.boilerplate import find_boilerplate

    documents = [Document(a) for a in articles]
    find_boilerplate(documents[0])  # warm-up: the model's arrays are read once per process
    start = time.perf_counter()
    for document in documents:
        find_boilerplate(document)
    print(f"{'  of which boilerplate (line classifier)':<44}{rate(len(documents), time.perf_counter() - start)}")

    peer = gopher_repetition_rate(articles)
    peer_cpu = gopher_repetition_rate(articles, clock=time.process_time)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in engine.score_many(articles):
        pass
    single, single_cpu = time.perf_counter() - start, time.process_time() - cpu
    versus_peer("whole suite, one process (score_many)", len(articles), single, peer)
    versus_peer("  the same in docs per CPU second", len(articles), single_cpu, peer_cpu)
    if args.workers > 1:
        peer = gopher_repetition_rate(articles)
        start = time.perf_counter()
        for _ in engine.score_many(articles, workers=args.workers):
            pass
        pooled = time.perf_counter() - start
        versus_peer(f"whole suite, {args.workers} worker processes", len(articles), pooled, peer)
        print(f"  {args.workers} workers / one process: {single / pooled:.2f}x")
    if args.stream_articles:
        stream_memory(engine, args.stream_articles)
    print(f"checks: {', '.join(c.name for c in engine.checks)}")
    semantic(articles[: args.semantic_articles])


def stream_memory(engine: Engine, count: int) -> None:
    """RSS while streaming `count` generated articles through score_many, the reports dropped as they come."""
    marks = {1_000, count}
    seen = {}
    start = time.perf_counter()
    for n, _ in enumerate(engine.score_many(generate(count, seed=11)), 1):
        if n in marks:
            seen[n] = current_rss_mb()
    elapsed = time.perf_counter() - start
    figures = ", ".join(f"{rss:.0f} MB after {n:,}" for n, rss in sorted(seen.items()))
    print(f"  memory while streaming {count:,} articles (one process, {rate(count, elapsed).strip()}): {figures}")


def semantic(articles: list) -> None:
    """off_topic and the whole suite with the semantic extra's model, if installed."""
    from reliability.semantic import load_encoder

    start = time.perf_counter()
    encoder = load_encoder()
    if encoder is None:
        print("\nsemantic extra not installed: no figures with the sentence-embedding model")
        return
    print(
        f"\nwith the semantic model ({encoder.name}, loaded in {time.perf_counter() - start:.1f} s), "
        f"{len(articles)} articles:"
    )
    engine = Engine(Settings.load(load_entrypoints=True, semantic=True))
    check = next(c for c in engine.checks if c.name == "off_topic")
    documents = [Document(a) for a in articles]
    start = time.perf_counter()
    for document in documents:
        check.run(document, CheckContext(encoder=encoder))
    print(f"{'check off_topic (encoding included)':<44}{rate(len(documents), time.perf_counter() - start)}")
    peer = gopher_repetition_rate(articles)
    start = time.perf_counter()
    for _ in engine.score_many(articles):
        pass
    versus_peer("whole suite, one process", len(articles), time.perf_counter() - start, peer)


if __name__ == "__main__":
    main()
