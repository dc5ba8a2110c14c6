"""Source profiles: per publisher, what its articles scored, aggregated in SQL from a `Store`.

A source with three articles and a mean of 20 is weaker evidence than one with three hundred; so
beside the plain mean each profile carries `score`, the mean shrunk toward the mean over all
sources (empirical Bayes, normal model): with n articles, within-source variance s² (pooled over
sources) and between-source variance t² (method of moments),

    weight = t² / (t² + s²/n),   score = weight · mean + (1 - weight) · overall mean,
    95% interval = score ± 1.96 · sqrt(weight · s²/n)

A source with many articles keeps its own mean; one with few is pulled toward everyone's.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from reliability.models import MonthScore, Report, SourceProfile
from reliability.store import Store

Z95 = 1.96
HISTOGRAM_BINS = 10
TOP_CODES = 10


def profiles(store: Store, sources: Iterable[str] | None = None) -> list[SourceProfile]:
    """One profile per source in the store (or only those named), lowest shrunk score first."""
    db = store.db
    months = db.execute(
        """SELECT source, month, articles, score_sum, score_squares, low, medium, high FROM source_months
           WHERE articles > 0 ORDER BY source, month"""
    ).fetchall()
    if not months:
        return []
    wanted = set(sources) if sources is not None else None
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0, 0, 0])  # n, sum, squares, low, medium, high
    trends: dict[str, list[MonthScore]] = defaultdict(list)
    for source, month, n, total, squares, low, medium, high in months:
        for i, value in enumerate((n, total, squares, low, medium, high)):
            totals[source][i] += value
        trends[source].append(MonthScore(month=month, articles=n, mean_score=round(total / n, 2)))
    check_means: dict[str, dict[str, float]] = defaultdict(dict)
    for source, name, total, n in db.execute(
        "SELECT source, name, score_sum, articles FROM source_checks WHERE articles > 0 ORDER BY source, name"
    ):
        check_means[source][name] = round(total / n, 4)
    codes: dict[str, dict[str, int]] = defaultdict(dict)
    for source, code, count in db.execute("SELECT source, code, count FROM source_codes WHERE count > 0"):
        codes[source][code] = count
    histograms: dict[str, list[int]] = defaultdict(lambda: [0] * HISTOGRAM_BINS)
    for source, band, count in db.execute("SELECT source, band, articles FROM source_bands WHERE articles > 0"):
        histograms[source][band] = count
    rows = [(source, int(t[0]), t[1] / t[0], t[2], int(t[3]), int(t[4]), int(t[5])) for source, t in totals.items()]

    shrink = _Shrinkage([(n, mean, squares) for _, n, mean, squares, *_ in rows])
    found = []
    for source, n, mean, _, low, medium, high in rows:
        if wanted is not None and source not in wanted:
            continue
        score, low_end, high_end = shrink.estimate(n, mean)
        found.append(
            SourceProfile(
                source=source,
                articles=n,
                mean_score=round(mean, 2),
                score=round(score, 2),
                interval=(round(max(0.0, low_end), 2), round(min(100.0, high_end), 2)),
                labels={k: v for k, v in (("high", high), ("medium", medium), ("low", low)) if v},
                check_means=check_means[source],
                findings=_top(codes[source]),
                histogram=histograms[source],
                trend=trends[source],
            )
        )
    return sorted(found, key=lambda p: (p.score, p.source))


def _top(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CODES])


class _Shrinkage:
    """The empirical-Bayes prior over sources, from each source's (articles, mean, sum of squares)."""

    def __init__(self, sources: list[tuple[int, float, float]]) -> None:
        total = sum(n for n, _, _ in sources)
        self.grand = sum(n * m for n, m, _ in sources) / total
        within = sum(sq - n * m * m for n, m, sq in sources)  # Σ (x - mean_source)²
        dof = total - len(sources)
        overall = sum(sq for _, _, sq in sources) / total - self.grand**2
        self.within = max(within / dof, 1e-9) if dof > 0 else max(overall, 1e-9)
        if len(sources) > 1:
            spread = sum((m - self.grand) ** 2 for _, m, _ in sources) / (len(sources) - 1)
            noise = sum(self.within / n for n, _, _ in sources) / len(sources)
            self.between = max(spread - noise, 0.0)
        else:
            self.between = math.inf  # one source: nothing to shrink toward
        self.grand_error = math.sqrt(self.within / total)

    def estimate(self, n: int, mean: float) -> tuple[float, float, float]:
        """(shrunk score, interval low, interval high) for a source of n articles with this mean."""
        noise = self.within / n
        weight = 1.0 if math.isinf(self.between) else self.between / (self.between + noise)
        score = weight * mean + (1 - weight) * self.grand
        error = max(math.sqrt(weight * noise), self.grand_error)
        return score, score - Z95 * error, score + Z95 * error


class SourceRollup:
    """Profiles of the reports of one run, kept in an in-memory store (what `reliability sources PATH` prints)."""

    def __init__(self) -> None:
        self._store = Store(":memory:")
        self._added = 0

    def add(self, report: Report, text: str | None = None, *, source: str | None = None) -> None:
        """Count the report; ids may repeat across a run's files, so each is kept under its arrival number."""
        self._added += 1
        self._store.add(report.model_copy(update={"id": str(self._added)}), text, source=source)

    def profiles(self) -> list[SourceProfile]:
        return profiles(self._store)
