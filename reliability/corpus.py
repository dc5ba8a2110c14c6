"""State across articles: corpus statistics for `--corpus` runs (source roll-ups: `reliability.profiles`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from reliability.check import CorpusStats
from reliability.document import Document


def corpus_stats(documents: Iterable[Document]) -> CorpusStats:
    """Word and block document frequencies over the batch; independent of input order."""
    collector = CorpusCollector()
    for document in documents:
        collector.add(document)
    return collector.stats()


class CorpusCollector:
    """Gathers `CorpusStats` one Document at a time, so a batch's first pass analyses each article once."""

    def __init__(self) -> None:
        self._frequency: Counter[str] = Counter()
        self._blocks: Counter[str] = Counter()
        self._count = 0

    def add(self, document: Document) -> None:
        self._count += 1
        self._frequency.update(set(document.lower_words))
        self._blocks.update(
            {
                CorpusStats.block_key(document.lower_words[i] for i in document.words_between(b.start, b.end))
                for b in document.blocks
            }
            - {""}
        )

    def stats(self) -> CorpusStats:
        return CorpusStats(
            documents=self._count,
            document_frequency=dict(self._frequency),
            shared_blocks={key: n for key, n in self._blocks.items() if n > 1},
        )
