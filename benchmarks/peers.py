"""The same corpus through datatrove's quality filters, the peers reliability is measured against.

datatrove and spaCy are not dependencies of reliability: install them to run this
(`pip install datatrove spacy`; the filters use spaCy's rule-based English tokenizer, no model
download). Prints docs/s per filter and how many generated articles each would drop whole;
compare with `throughput.py`, which measures reliability on the very same articles.
Run: python benchmarks/peers.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402


def filter_rate(name: str, articles: list, clock: Callable[[], float] = time.perf_counter) -> tuple[float, int] | None:
    """docs/s of datatrove's filter `name` on `articles`, and how many articles it drops whole (None without
    datatrove). The tokenizer's set-up, on a warm-up document, is not throughput. `clock`: wall time by
    default; `time.process_time` gives docs per second of this process's CPU, which the machine's load
    changes less."""
    try:
        from datatrove.data import Document
        from datatrove.pipeline import filters
    except ImportError:
        return None
    peer = getattr(filters, name)()
    peer.filter(Document(text=articles[0].text, id="warm-up"))
    documents = [Document(text=a.text, id=a.id) for a in articles]
    start = clock()
    dropped = sum(1 for d in documents if peer.filter(d) is not True)
    return len(documents) / (clock() - start), dropped


def gopher_repetition_rate(articles: list, clock: Callable[[], float] = time.perf_counter) -> float | None:
    """docs/s of datatrove's GopherRepetitionFilter on `articles` (None without datatrove): the yardstick
    throughput.py states its ratios against, measured in the same run (`clock` as for `filter_rate`)."""
    measured = filter_rate("GopherRepetitionFilter", articles, clock)
    return measured[0] if measured else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    try:
        import datatrove.pipeline.filters  # noqa: F401
    except ImportError as error:
        sys.exit(f"peers.py needs datatrove and spaCy (pip install datatrove spacy): {error}")
    articles = list(generate(args.articles))
    print(f"corpus: {len(articles):,} distinct generated articles (same generator and seed as throughput.py)\n")
    for name in ("GopherRepetitionFilter", "GopherQualityFilter", "C4QualityFilter", "FineWebQualityFilter"):
        measured = filter_rate(name, articles)
        assert measured is not None  # datatrove imported above
        rate, dropped = measured
        print(f"{name:<28}{rate:>9,.0f} docs/s   drops {dropped:>5} of {len(articles)}")


if __name__ == "__main__":
    main()
