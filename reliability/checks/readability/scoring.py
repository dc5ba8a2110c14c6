"""The readability score: 1.0 inside the normal range of news writing, less outside it and per finding.

Edited news prose lands in a fairly narrow band: Flesch reading ease roughly 20–80 (wire copy on
foreign affairs, dense with many-syllable names like "Afghanistan" and "negotiations", sits at 20–40;
local and popular papers reach 60–80, Flesch's "fairly easy") and Flesch–Kincaid grade roughly 5–16. Text
far harder than that is usually not news prose (legalese, run-on sentences, paragraphs merged by
extraction); text far easier is usually fragments (menus, captions, teasers) or padded filler.
Both extremes lose credit, linearly, down to `BAND_FLOOR`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reliability.checks.readability.issues import Issue

#: Fewer counted words than this and the formulas are too noisy to judge by.
MIN_WORDS_FOR_BAND = 100
BAND_FLOOR = 0.4
PENALTY = {"info": 0.02, "warning": 0.08, "error": 0.15}
#: One kind of problem can cost at most this much: a footer glued twice is one defect, not eight.
KIND_CAP = 0.3
MAX_PENALTY = 0.6


@dataclass(frozen=True)
class Band:
    """Full credit in [low, high]; credit falls by `slope` per unit outside, never below the floor."""

    low: float
    high: float
    slope: float

    def credit(self, value: float) -> float:
        distance = max(self.low - value, value - self.high, 0.0)
        return max(BAND_FLOOR, 1.0 - self.slope * distance)


#: Half the credit is gone 30 points outside the reading-ease band ...
READING_EASE = Band(low=20.0, high=80.0, slope=0.5 / 30)
#: ... or 5 grades outside the grade band.
GRADE = Band(low=5.0, high=16.0, slope=0.5 / 5)


def band_credit(reading_ease: float, grade: float, words: int) -> float:
    """How typical of news the text's difficulty is (1.0 when too short to tell)."""
    if words < MIN_WORDS_FOR_BAND:
        return 1.0
    return min(READING_EASE.credit(reading_ease), GRADE.credit(grade))


def band_reason(reading_ease: float, grade: float) -> str:
    """Why the band credit is under 1, for a reader (call only then)."""
    outside = []
    if READING_EASE.credit(reading_ease) < 1:
        outside.append(f"Flesch reading ease {reading_ease:.0f} (news: {READING_EASE.low:g}-{READING_EASE.high:g})")
    if GRADE.credit(grade) < 1:
        outside.append(f"Flesch-Kincaid grade {grade:.1f} (news: {GRADE.low:g}-{GRADE.high:g})")
    harder = reading_ease < READING_EASE.low or grade > GRADE.high
    return f"{'Harder' if harder else 'Easier'} than news prose: " + " and ".join(outside)


def finding_penalty(issues: Iterable[Issue]) -> float:
    """Per finding by severity, at most `KIND_CAP` per kind and `MAX_PENALTY` in all."""
    per_kind: dict[str, float] = {}
    for issue in issues:
        per_kind[issue.kind] = per_kind.get(issue.kind, 0.0) + PENALTY[issue.severity]
    return min(MAX_PENALTY, sum(min(KIND_CAP, p) for p in per_kind.values()))
