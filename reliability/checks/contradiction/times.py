"""contradiction.time: the same event placed on different days."""

from __future__ import annotations

import re
from collections import defaultdict

from reliability.checks.contradiction.conflicts import Conflict
from reliability.checks.contradiction.lexicon import EVENT_WORDS
from reliability.checks.contradiction.statements import Statement, overlap
from reliability.document import Document
from reliability.language.dates import MONTHS, WEEKDAYS
from reliability.language.morphology import stem
from reliability.language.patterns import first_letters

_DAY_OPENERS = ("on", "last", "this", "late", "early")
DAY_RE = re.compile(
    rf"\b(?={first_letters(_DAY_OPENERS)})(?:{'|'.join(_DAY_OPENERS)}) (?:(?:{'|'.join(WEEKDAYS)})(?: (?:morning|afternoon|evening|night))?|(?:{'|'.join(MONTHS)}) \d{{1,2}}|\d{{1,2}} (?:{'|'.join(MONTHS)}))\b",
    re.I,
)
MIN_OVERLAP = 0.4
# Verbs that only place an event in time: they do not start another event.
NEUTRAL_VERBS = frozenset(
    "happened occurred started scheduled planned reported confirmed staged carried organised organized "
    "held located based played fought contested signed".split()
)


def time_conflicts(document: Document, statements: list[Statement]) -> list[Conflict]:
    by_event: dict[str, list[tuple[Statement, str]]] = defaultdict(list)
    for statement in statements:
        days = {_day(m.group(0)) for m in DAY_RE.finditer(statement.sentence.text)}
        if len(days) != 1:
            continue  # no day, or a span of days ("from Saturday to Monday")
        day = days.pop()
        for word in _events_of_the_day(statement):
            by_event[stem(word)].append((statement, day))
    found: dict[tuple[int, int], Conflict] = {}
    for dated in by_event.values():
        firsts = {day: (statement, day) for statement, day in reversed(dated)}
        mentions = sorted(firsts.values(), key=lambda mention: mention[0].sentence.index)
        for i, (a, day_a) in enumerate(mentions):
            for b, day_b in mentions[i + 1 :]:
                key = (a.sentence.index, b.sentence.index)
                if a is b or key in found or day_a == day_b:
                    continue
                if a.different_sources(b) or b.update or overlap(a, b) < MIN_OVERLAP:
                    continue
                message = (
                    f"This puts the event on {day_b}, but an earlier sentence says {day_a}: "
                    "one of the two dates is wrong."
                )
                found[key] = Conflict("time", a, b, message)
    return list(found.values())


def _day(text: str) -> str:
    words = text.lower().split()[1:]
    return " ".join(w for w in words if w not in ("morning", "afternoon", "evening", "night")).title()


def _events_of_the_day(statement: Statement) -> set[str]:
    """Event words the day phrase belongs to: no other past-tense verb stands between them
    ("killed 23 soldiers ... buried on Monday" dates the burial, not the killing)."""
    words = [w.lower() for w in re.findall(r"[\w’'-]+", statement.sentence.text)]
    day_at = next((i for i, w in enumerate(words) if w in WEEKDAYS or w in MONTHS), None)
    if day_at is None:
        return set()
    found = set()
    for i, word in enumerate(words):
        if word in EVENT_WORDS:
            between = words[min(i, day_at) + 1 : max(i, day_at)]
            if not any(w.endswith("ed") and w not in EVENT_WORDS and w not in NEUTRAL_VERBS for w in between):
                found.add(word)
    return found
