"""What every evaluation shares: the splits, where the seeds are, span overlap and precision/recall.

Run any evaluation as a module from the repository root (`python -m evaluation.eval_duplication`); tests
import them the same way (`from evaluation import eval_duplication`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The in-house sets are split by article into these three; figures are reported per split.
SPLITS = ("dev", "test", "holdout")
#: Where the seeds (five outlets' reports of one story, expected.json) are looked for.
SEEDS_ENV = "RELIABILITY_SEEDS"
ROOT = Path(__file__).resolve().parents[1]


def seeds_dir() -> Path:
    """The seeds folder: $RELIABILITY_SEEDS, else ../shared/seeds beside the repository. It may not exist:
    callers skip what needs it."""
    return Path(os.environ.get(SEEDS_ENV) or ROOT.parent / "shared" / "seeds")


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) shares a character with any of the half-open spans."""
    return any(start < b and a < end for a, b in spans)


def ratio(part: int, whole: int) -> float:
    """part / whole, 0.0 when there is nothing to divide."""
    return part / whole if whole else 0.0


@dataclass
class Tally:
    """True positives, false positives and misses of one kind of finding."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

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
