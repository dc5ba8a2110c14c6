"""Group repeated paragraphs that follow one another into one run: an article printed twice is one finding."""

from __future__ import annotations

from dataclasses import dataclass

from reliability.checks.duplication.matching import Repeat

MAX_GAP = 2  # a short line between two repeated paragraphs (a subhead, a dateline) does not break a run


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive repeats: the later copy spans [start, end), the earlier [first_start, first_end)."""

    repeats: tuple[Repeat, ...]

    @property
    def start(self) -> int:
        return self.repeats[0].unit.start

    @property
    def end(self) -> int:
        return self.repeats[-1].unit.end

    @property
    def first_start(self) -> int:
        return min(r.first.start for r in self.repeats)

    @property
    def first_end(self) -> int:
        return max(r.first.end for r in self.repeats)

    @property
    def exact(self) -> bool:
        return all(r.exact for r in self.repeats)

    @property
    def similarity(self) -> float:
        return min(r.similarity for r in self.repeats)


def group_runs(repeats: list[Repeat]) -> list[Run]:
    runs: list[list[Repeat]] = []
    for repeat in repeats:
        if runs:
            last = runs[-1][-1]
            follows = 0 < repeat.unit.index - last.unit.index <= MAX_GAP
            in_step = 0 < repeat.first.index - last.first.index <= MAX_GAP
            if follows and in_step and repeat.first.end <= runs[-1][0].unit.start:
                runs[-1].append(repeat)
                continue
        runs.append([repeat])
    return [Run(tuple(run)) for run in runs]
