"""State across articles: corpus statistics for `--corpus` runs, and per-source roll-ups."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from reliability.check import CorpusStats
from reliability.document import Document
from reliability.models import Report, SourceProfile


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
        self._blocks.update({
            CorpusStats.block_key(document.lower_words[i] for i in document.words_between(b.start, b.end))
            for b in document.blocks
        } - {""})

    def stats(self) -> CorpusStats:
        return CorpusStats(
            documents=self._count,
            document_frequency=dict(self._frequency),
            shared_blocks={key: n for key, n in self._blocks.items() if n > 1},
        )


@dataclass
class _Tally:
    """Running sums for one source: memory does not grow with the number of its articles."""

    articles: int = 0
    score_sum: float = 0.0
    labels: Counter[str] = field(default_factory=Counter)
    check_sums: dict[str, list[float]] = field(default_factory=lambda: defaultdict(lambda: [0.0, 0]))
    findings: Counter[str] = field(default_factory=Counter)


class SourceRollup:
    """Accumulates reports per source (publisher)."""

    UNKNOWN = "(unknown)"

    def __init__(self) -> None:
        self._tallies: dict[str, _Tally] = defaultdict(_Tally)

    def add(self, report: Report) -> None:
        tally = self._tallies[report.source or self.UNKNOWN]
        tally.articles += 1
        tally.score_sum += report.score
        tally.labels[report.label] += 1
        for check in report.checks:
            if check.score is not None:
                tally.check_sums[check.name][0] += check.score
                tally.check_sums[check.name][1] += 1
            tally.findings.update(f.code for f in check.findings if f.severity != "info")

    def profiles(self) -> list[SourceProfile]:
        """One profile per source, lowest mean score first (the sources to look at)."""
        profiles = [
            SourceProfile(
                source=source,
                articles=t.articles,
                mean_score=round(t.score_sum / t.articles, 2),
                labels=dict(t.labels),
                check_means={name: round(s / n, 4) for name, (s, n) in sorted(t.check_sums.items())},
                findings=dict(t.findings.most_common()),
            )
            for source, t in self._tallies.items()
        ]
        return sorted(profiles, key=lambda p: (p.mean_score, p.source))
