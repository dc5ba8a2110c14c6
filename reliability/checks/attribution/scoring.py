"""The attribution score: several distinct identified sources, quotes and reported claims tied to
them, little vague or missing attribution. See docs/attribution.md for the formula in prose."""

from __future__ import annotations

from dataclasses import dataclass

#: Source points at which the diversity term is full (e.g. three named sources with roles).
FULL_SOURCE_POINTS = 4.0
#: Attributed direct quotes at which the quoting term is full.
FULL_QUOTES = 3
#: Score lost per vague attribution per 1,000 words, and at most.
VAGUE_PENALTY_PER_1000 = 0.04
MAX_VAGUE_PENALTY = 0.4
#: Score lost per unattributed quote, and at most.
UNATTRIBUTED_PENALTY = 0.1
MAX_UNATTRIBUTED_PENALTY = 0.3
#: What a missing rate counts as (no quotes, or no reporting at all): neither good nor bad.
NEUTRAL_RATE = 0.5


@dataclass(frozen=True)
class Tally:
    named_sources: int
    named_with_role: int
    role_sources: int
    quotes: int
    quotes_attributed: int
    reporting_sentences: int
    attributed_sentences: int
    vague: int
    unattributed_quotes: int
    words: int

    @property
    def source_points(self) -> float:
        """A named source is worth 1 (1.5 with a role); a source known only by its role 0.75."""
        return self.named_sources + 0.5 * self.named_with_role + 0.75 * self.role_sources

    @property
    def quote_rate(self) -> float | None:
        return self.quotes_attributed / self.quotes if self.quotes else None

    @property
    def sentence_rate(self) -> float | None:
        return self.attributed_sentences / self.reporting_sentences if self.reporting_sentences else None

    @property
    def vague_per_1000_words(self) -> float:
        return 1000 * self.vague / self.words if self.words else 0.0


def attribution_score(t: Tally) -> float:
    """0.35 diversity + 0.15 quoting + 0.25 quote rate + 0.25 sentence rate, minus vague and unattributed penalties."""
    diversity = min(1.0, t.source_points / FULL_SOURCE_POINTS)
    quoting = min(1.0, t.quotes_attributed / FULL_QUOTES)
    quote_rate, sentence_rate = t.quote_rate, t.sentence_rate
    if quote_rate is None:
        quote_rate = sentence_rate if sentence_rate is not None else NEUTRAL_RATE
    if sentence_rate is None:
        sentence_rate = NEUTRAL_RATE
    base = 0.35 * diversity + 0.15 * quoting + 0.25 * quote_rate + 0.25 * sentence_rate
    penalty = min(MAX_VAGUE_PENALTY, VAGUE_PENALTY_PER_1000 * t.vague_per_1000_words)
    penalty += min(MAX_UNATTRIBUTED_PENALTY, UNATTRIBUTED_PENALTY * t.unattributed_quotes)
    return max(0.0, min(1.0, base - penalty))


def score_reason(t: Tally) -> str:
    """What kept the score under 1, term by term, for a reader: the formula above in words."""
    lost = []
    if t.source_points < FULL_SOURCE_POINTS:
        lost.append(f"sources worth {t.source_points:g} of the {FULL_SOURCE_POINTS:g} points that earn full credit")
    if t.quotes_attributed < FULL_QUOTES:
        lost.append(
            f"{t.quotes_attributed} attributed quote{'s' * (t.quotes_attributed != 1)} of the {FULL_QUOTES} "
            "that earn full credit"
        )
    if t.quote_rate is not None and t.quote_rate < 1:
        lost.append(f"{t.quotes_attributed} of {t.quotes} quotes attributed")
    if t.sentence_rate is not None and t.sentence_rate < 1:
        lost.append(f"{t.attributed_sentences} of {t.reporting_sentences} reporting sentences attributed")
    if t.reporting_sentences == 0:
        lost.append("no reported statement to judge")
    if t.vague:
        lost.append(f"{t.vague} vague attribution{'s' * (t.vague != 1)}")
    if t.unattributed_quotes:
        lost.append(f"{t.unattributed_quotes} unattributed quote{'s' * (t.unattributed_quotes != 1)}")
    return ("Below full marks: " + "; ".join(lost)) if lost else "Sourcing earns full marks"
