"""contradiction.number: the same count given incompatible values."""

from __future__ import annotations

from collections import defaultdict

from reliability.checks.contradiction.conflicts import Conflict
from reliability.checks.contradiction.quantities import Count, counts
from reliability.checks.contradiction.statements import Statement, overlap
from reliability.document import Document

MIN_CONTEXT_OVERLAP = 0.2
MAX_VALUES = 5


def number_conflicts(document: Document, statements: list[Statement]) -> list[Conflict]:
    by_thing: dict[str, list[Count]] = defaultdict(list)
    for count in counts(document):
        by_thing[count.outcome or count.head].append(count)
        if count.outcome and count.head != count.outcome:
            by_thing[count.head].append(count)
    found: dict[tuple[int, int], Conflict] = {}
    answered: set[int] = set()  # one finding per later sentence is enough to send an editor to it
    for counted in by_thing.values():
        # The first statement of each distinct value stands for its repeats: cost grows with the
        # number of different figures given, not with how often one is repeated.
        firsts = {(c.low, c.high, c.head, c.modifiers, c.outcome): c for c in reversed(counted)}
        group = sorted(firsts.values(), key=lambda c: c.start)
        if len(group) > MAX_VALUES:
            continue  # many different figures for one thing: a series (per town, per year), not one count
        for i, earlier in enumerate(group):
            for later in group[i + 1 :]:
                a, b = statements[earlier.sentence.index], statements[later.sentence.index]
                if a is b or b.sentence.index in answered:
                    continue
                if not (earlier.comparable(later) and earlier.conflicts(later)):
                    continue
                if a.different_sources(b) or b.update or a.update:
                    continue
                if a.names and b.names and not (a.names & b.names):
                    continue  # different places or parties: likely different tallies
                if overlap(a, b) < MIN_CONTEXT_OVERLAP:
                    continue
                said = document.text[later.start : later.end]
                before = document.text[earlier.start : earlier.end]
                message = (
                    f"“{_short(said)}” does not agree with “{_short(before)}” earlier in the article: "
                    f"the same count cannot be both. If the figure was updated, say so."
                )
                found[(a.sentence.index, b.sentence.index)] = Conflict("number", a, b, message)
                answered.add(b.sentence.index)
    return list(found.values())


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
