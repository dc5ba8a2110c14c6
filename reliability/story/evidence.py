"""Evidence from comparing one report with the other reports of its story, sketch against sketch.

- Conflicts: the same quote given to different speakers; one person given incompatible titles; the
  same count given incompatible values. Each is reported in both reports, each pointing to the other.
- Syndication: a near-copy of another report (most of their five-word runs shared).
- Corroboration: the share of a report's attributed statements and counts that another report
  confirms (the same source saying something close, the same count with a compatible value).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reliability.story.context import StoryContext
    from reliability.story.sketch import CountSketch, Sketch, StatementSketch

SAME_QUOTE = 0.5  # share of the shorter quote's five-word runs found in the other
SAME_STATEMENT = 0.3  # share of the smaller statement's content words found in the other, same source
SAME_BODY = 0.6  # share of the shorter name's words
SYNDICATED = 0.5  # estimated share of shared five-word runs


@dataclass(frozen=True)
class CrossConflict:
    kind: str  # "quote", "title" or "count"
    start: int
    end: int
    other: str  # the sibling's article id
    other_start: int
    other_end: int
    message: str


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    from reliability.checks.contradiction.roles import same_person

    return bool(a) and bool(b) and same_person(list(a), list(b))


def _same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "UN Assistance Mission in Afghanistan" and "United Nations Assistance Mission in Afghanistan"."""
    small = min(len(set(a)), len(set(b)))
    return small > 0 and len(set(a) & set(b)) / small >= SAME_BODY


def _different_speakers(a: StatementSketch, b: StatementSketch) -> bool:
    """Two speakers who cannot be the same: two people, or titles that exclude each other (a defence
    minister is not a foreign minister). A name against a bare title says nothing either way."""
    from reliability.checks.contradiction.roles import incompatible_titles

    if a.person and b.person:
        return not _same_person(a.person, b.person)
    return incompatible_titles(a.role, b.role)


def conflicts(own: Sketch, sibling: Sketch) -> list[CrossConflict]:
    """Every conflict between a report and one sibling, pinned in the report, pointing into the sibling."""
    found: list[CrossConflict] = []
    quoted = [
        (a, b)
        for a in own.statements
        if a.direct
        for b in sibling.statements
        if b.direct and _overlap(a.words, b.words) >= SAME_QUOTE
    ]
    for a, b in quoted:
        if _different_speakers(a, b):
            found.append(
                CrossConflict(
                    "quote",
                    a.start,
                    a.end,
                    sibling.article,
                    b.start,
                    b.end,
                    f"The same words are given to “{a.shown}” here and to “{b.shown}” in {sibling.article}: "
                    "the reports disagree on who said them.",
                )
            )
            break
    titled: dict[str, tuple[StatementSketch, StatementSketch]] = {}
    for a in own.statements:
        for b in sibling.statements:
            if a.person and b.person and a.role and b.role and _same_person(a.person, b.person):
                from reliability.checks.contradiction.roles import incompatible_titles

                if incompatible_titles(a.role, b.role):
                    titled.setdefault(a.person[-1], (a, b))
    for said, other in titled.values():
        found.append(
            CrossConflict(
                "title",
                said.start,
                said.end,
                sibling.article,
                other.start,
                other.end,
                f"{said.person[-1].title()} is “{said.shown}” here but “{other.shown}” in {sibling.article}: one person, "
                "two titles. Check which is right.",
            )
        )
    for count, other_count in _count_pairs(own.counts, sibling.counts):
        if count.high < other_count.low or other_count.high < count.low:
            found.append(
                CrossConflict(
                    "count",
                    count.start,
                    count.end,
                    sibling.article,
                    other_count.start,
                    other_count.end,
                    f"This count does not agree with the one {sibling.article} gives for the same thing: an update, "
                    "or one of the reports is wrong.",
                )
            )
    return found


def _count_pairs(own: tuple[CountSketch, ...], other: tuple[CountSketch, ...]) -> list[tuple[CountSketch, CountSketch]]:
    """Counts of the same thing, the first of each value only."""
    by_thing: dict[int, CountSketch] = {}
    for b in other:
        by_thing.setdefault(b.thing, b)
    return [(a, by_thing[a.thing]) for a in own if a.thing in by_thing]


def confirmed(statement: StatementSketch, sibling: Sketch) -> bool:
    """Another report has the same source saying something close (or the same quote)."""
    for other in sibling.statements:
        same_words = _overlap(statement.words, other.words)
        if statement.direct != other.direct:
            continue  # a quote's runs of words and a report's content words do not compare
        if statement.direct and same_words >= SAME_QUOTE:
            return True
        same_source = (
            _same_person(statement.person, other.person)
            or _same_body(statement.body, other.body)
            or (
                not (statement.person and other.person)
                and bool(statement.role)
                and bool(other.role)
                and (statement.role <= other.role or other.role <= statement.role)
            )
        )
        if same_source and same_words >= SAME_STATEMENT:
            return True
    return False


def corroboration(story: StoryContext) -> tuple[int, int]:
    """(claims confirmed by another report, claims): attributed statements and counts."""
    own = story.own
    claims = len(own.statements) + len(own.counts)
    hits = sum(1 for s in own.statements if any(confirmed(s, sibling) for sibling in story.siblings))
    for count in own.counts:
        if any(
            c.thing == count.thing and not (count.high < c.low or c.high < count.low)
            for sibling in story.siblings
            for c in sibling.counts
        ):
            hits += 1
    return hits, claims


def syndicated(story: StoryContext) -> list[tuple[Sketch, float]]:
    """Siblings that are near-copies of this report, with their estimated shared share."""
    return [(s, r) for s in story.siblings if (r := story.own.resemblance(s)) >= SYNDICATED]
