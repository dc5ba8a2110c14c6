"""What every evaluation shares: where its data and the seeds are, the splits, span overlap, precision/recall.

Each evaluation is a package run from the repository root, `python -m evaluation.<name>` (duplication,
contradiction, attribution, readability, off_topic, boilerplate, scoring); tests import them the same
way (`from evaluation import duplication`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

#: The in-house sets are split by article into these three; figures are reported per split.
SPLITS = ("dev", "test", "holdout")
#: Where the seeds (five outlets' reports of one story, expected.json) are looked for.
SEEDS_ENV = "RELIABILITY_SEEDS"
#: The evaluation package: each in-house set lives in the folder of the evaluation that owns it.
DATA = Path(__file__).resolve().parent
ROOT = DATA.parent


def seeds_dir() -> Path:
    """The seeds folder: $RELIABILITY_SEEDS, else ../shared/seeds beside the repository. It may not exist:
    callers skip what needs it."""
    return Path(os.environ.get(SEEDS_ENV) or ROOT.parent / "shared" / "seeds")


class _Split(Protocol):
    split: str


Example = TypeVar("Example", bound=_Split)


def by_split(examples: Sequence[Example], splits: Sequence[str] = SPLITS) -> Iterator[tuple[str, list[Example]]]:
    """(split, its examples) for each split, then ("all", every example)."""
    for split in (*splits, "all"):
        yield split, [e for e in examples if split in ("all", e.split)]


def occurrences(article_id: str, text: str, needle: str) -> list[int]:
    """Where an annotated substring occurs in its article; an annotation that is not there is an error."""
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    if not found:
        raise ValueError(f"{article_id}: annotation not in text: {needle!r}")
    return found


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) shares a character with any of the half-open spans."""
    return any(start < b and a < end for a, b in spans)


def ratio(part: int, whole: int) -> float:
    """part / whole; 1.0 when there is nothing to divide (no flag is a wrong flag, no target a missed one)."""
    return part / whole if whole else 1.0


@dataclass
class Tally:
    """True positives, false positives and misses of one kind of finding."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        """Pooled counts: `sum(tallies, Tally())` over kinds gives the overall figures."""
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
