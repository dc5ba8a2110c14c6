"""Find units that repeat an earlier one, exactly or with small edits, in near-linear time.

Exact repeats share a key (words, lower-cased). Near repeats are found through an inverted index
of word 3-gram shingles: only units sharing at least a third of their shingles are compared, and
only those are measured with difflib's word-level ratio.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from reliability.checks.duplication.units import Unit

NEAR_SIMILARITY = 0.85
SHINGLE = 3
MAX_POSTINGS = 50


@dataclass(frozen=True, slots=True)
class Repeat:
    """`unit` repeats `first`; similarity 1.0 means the same words."""

    unit: Unit
    first: Unit
    similarity: float

    @property
    def exact(self) -> bool:
        return self.unit.text.split() == self.first.text.split()


def find_repeats(units: list[Unit]) -> list[Repeat]:
    """Each unit that repeats an earlier one, paired with the earliest unit it repeats."""
    repeats: list[Repeat] = []
    first_by_key: dict[str, Unit] = {}
    by_shingle: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for position, unit in enumerate(units):
        earlier = first_by_key.get(unit.key)
        shingles = _shingles(unit.words)
        if earlier is not None:
            repeats.append(Repeat(unit, earlier, 1.0))
        else:
            first_by_key[unit.key] = unit
            near = _nearest(unit, shingles, units, by_shingle)
            if near is not None:
                repeats.append(near)
        for shingle in shingles:
            by_shingle[shingle].append(position)
    return repeats


def _shingles(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The unit's word 3-grams; a unit shorter than that is its own one shingle."""
    if len(words) < SHINGLE:
        return {words}
    return set(zip(*(words[i:] for i in range(SHINGLE))))


def _nearest(
    unit: Unit, shingles: set[tuple[str, ...]], units: list[Unit], by_shingle: dict[tuple[str, ...], list[int]]
) -> Repeat | None:
    shared: dict[int, int] = defaultdict(int)
    for shingle in shingles & by_shingle.keys():  # the shingles of earlier units only
        postings = by_shingle[shingle]
        if len(postings) > MAX_POSTINGS:
            continue  # a phrase in that many units says nothing about which one this repeats
        for position in postings:
            shared[position] += 1
    best: Repeat | None = None
    for position, count in sorted(shared.items()):
        if count * 3 < len(shingles):
            continue
        candidate = units[position]
        if not 0.7 <= len(candidate.words) / len(unit.words) <= 1.43:
            continue
        similarity = SequenceMatcher(None, candidate.words, unit.words, autojunk=False).ratio()
        if similarity >= NEAR_SIMILARITY and (best is None or similarity > best.similarity):
            best = Repeat(unit, candidate, round(similarity, 3))
    return best
