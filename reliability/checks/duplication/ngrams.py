"""Repeated word n-grams, in the spirit of Gopher's repetition rules (Rae et al. 2021), over the shared words.

Gopher removes a web document when the most frequent 2-, 3- or 4-gram covers too much of its text
(20%, 18%, 16% of characters) or when duplicated 5- to 10-grams do (15% down to 10%). Here the same
fractions become metrics, and repeated stretches of words become spans that point at both copies.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

TOP_NGRAM_LIMITS = {2: 0.20, 3: 0.18, 4: 0.16}
DUPLICATE_NGRAM_LIMITS = {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}
PASSAGE_SEED = 10  # a repeated passage starts with a repeated 10-gram


@dataclass(frozen=True, slots=True)
class TopNgram:
    """The most frequent n-gram, its share of the words' characters and where it occurs (word indexes)."""

    n: int
    words: tuple[str, ...]
    fraction: float
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    """Words [start, start + length) repeat words [first, first + length)."""

    first: int
    start: int
    length: int


def top_ngrams(words: tuple[str, ...]) -> list[TopNgram]:
    """For n = 2, 3, 4: the most frequent n-gram seen at least twice, with its character share."""
    total = sum(map(len, words)) or 1
    found = []
    for n in TOP_NGRAM_LIMITS:
        sequence = list(zip(*(words[i:] for i in range(n))))
        grams = Counter(sequence)
        if not grams:
            continue
        ((gram, count),) = grams.most_common(1)  # ties: the earliest, deterministically
        if count < 2:
            continue
        positions = tuple(i for i, other in enumerate(sequence) if other == gram)
        found.append(TopNgram(n, gram, sum(map(len, gram)) * count / total, positions))
    return found


def duplicate_ngram_fractions(words: tuple[str, ...]) -> dict[int, float]:
    """For n = 5..10: share of characters in n-grams that occurred before (counted without overlap)."""
    total = sum(map(len, words)) or 1
    candidates = _repeatable_starts(words)
    fractions = dict.fromkeys(DUPLICATE_NGRAM_LIMITS, 0.0)
    if not candidates:  # the usual case: no 5-gram repeats, so no longer one does either
        return fractions
    for n in DUPLICATE_NGRAM_LIMITS:
        seen: set[tuple[str, ...]] = set()
        covered = 0
        resume = 0  # a counted repeat is skipped whole: the scan resumes after it
        last = len(words) - n
        for i in candidates:
            if i > last:
                break
            if i < resume:
                continue
            gram = words[i : i + n]
            if gram in seen:
                covered += sum(map(len, gram))
                resume = i + n
            else:
                seen.add(gram)
        fractions[n] = covered / total
    return fractions


def _repeatable_starts(words: tuple[str, ...]) -> list[int]:
    """Where an n-gram (n >= 5) can start that occurs elsewhere too: where the 5-gram starting there does.

    The scans below look only there: an n-gram whose first five words occur once occurs once, so it is
    never a repeat nor the first copy of one, and the figures are those of a scan over every position."""
    five_grams = list(zip(words, words[1:], words[2:], words[3:], words[4:]))
    counts = Counter(five_grams)
    if len(counts) == len(five_grams):
        return []
    return [i for i, gram in enumerate(five_grams) if counts[gram] > 1]


def repeated_passages(words: tuple[str, ...]) -> list[Passage]:
    """Maximal stretches of at least PASSAGE_SEED words that repeat an earlier stretch."""
    first_at: dict[tuple[str, ...], int] = {}
    passages = []
    resume = 0  # a passage found is skipped whole: the scan resumes after it
    last = len(words) - PASSAGE_SEED
    for i in _repeatable_starts(words):
        if i > last:
            break
        if i < resume:
            continue
        gram = words[i : i + PASSAGE_SEED]
        first = first_at.get(gram)
        if first is None or first + PASSAGE_SEED > i:
            first_at.setdefault(gram, i)
            continue
        length = PASSAGE_SEED
        while i + length < len(words) and first + length < i and words[first + length] == words[i + length]:
            length += 1
        passages.append(Passage(first, i, length))
        resume = i + length
    return passages
