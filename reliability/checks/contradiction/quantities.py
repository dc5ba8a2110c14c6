"""Counts stated in the article, as intervals: "at least three dozen Afghan civilians" -> [36, inf) civilians, Afghan.

A count is what a number counts (its head noun and modifiers), what happened to them (killed,
injured, ...) and an interval that turns hedges and vague plurals into bounds, so that "at least 30"
and "34" agree but "at least 30" and "12" do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reliability.checks.contradiction.lexicon import (
    CHANGE,
    GENERIC_COUNTED,
    HEDGES,
    INF,
    OUTCOME_OF,
    SCALES,
    UNITS,
    VAGUE_PLURALS,
)
from reliability.document import Document, Sentence
from reliability.language.morphology import singular, without_possessive
from reliability.language.patterns import first_letters
from reliability.language.stop_words import STOP_WORDS

_UNIT_WORDS = "|".join(sorted((re.escape(w) for w in UNITS if w not in ("a", "an")), key=len, reverse=True))
_HEDGE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE_PLURALS), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_WORDS = rf"(?:a|an|{_UNIT_WORDS})(?:[- ](?:{_UNIT_WORDS}))?(?: (?:hundred|thousand|million|billion|dozen))?"
_NUMBER = rf"(?:{_DIGITS})(?: (?:hundred|thousand|million|billion))?|{_WORDS}"
# What a count can start with: a digit, or the first letter of a hedge, of "between", of a vague plural or
# of a number word.
_FIRST_LETTERS = first_letters((*HEDGES, "between", *VAGUE_PLURALS, *UNITS))
# A number starts where a run of digits starts: matching again inside the run is quadratic ("1" * 50000),
# and a decimal's tail is no count: "a 6.1 earthquake" first matches "a 6", and the search resumes at ".1".
COUNT_RE = re.compile(
    rf"(?=\d|{_FIRST_LETTERS})"
    rf"(?:\b(?P<hedge>{_HEDGE})\s+)?"
    rf"(?:between (?P<low>{_NUMBER}) and (?P<high>{_NUMBER})|(?P<vague>{_VAGUE}) of|(?<!\d)(?<!\d[.,])(?P<number>{_NUMBER})(?:\s*(?:-|–|to)\s*(?P<to>{_DIGITS}))?)"
    rf"\s+(?P<rest>(?:[\w’'-]+\s+){{0,3}}[\w’'-]+)",
    re.I,
)
NOT_COUNTS = frozenset(
    "percent per cent % years year months month weeks week days day hours hour minutes minute seconds km kilometres "
    "kilometers miles metres meters feet kg tonnes tons euros dollars pounds rupees yuan yen points point times "
    "a.m p.m am pm o'clock degrees c f mph percentage-points cents billion million-year-old year-old time".split()
)
SKIP_WORDS = frozenset("of the more other than additional further some".split())
ARTICLE_WORDS = frozenset({"a", "an"})
NUMBER_TOKENS = (
    frozenset(part for phrase in (*UNITS, *SCALES, *VAGUE_PLURALS) for part in phrase.split()) - ARTICLE_WORDS
)


@dataclass(frozen=True, slots=True)
class Count:
    sentence: Sentence
    start: int
    end: int
    low: float
    high: float
    head: str
    modifiers: frozenset[str]
    outcome: str | None
    exact: bool

    def comparable(self, other: Count) -> bool:
        generic = self.head in GENERIC_COUNTED or other.head in GENERIC_COUNTED
        if generic:  # "people" says nothing on its own: the outcome must say what was counted
            if self.outcome is None or self.outcome != other.outcome:
                return False
        elif self.head != other.head or (self.outcome and other.outcome and self.outcome != other.outcome):
            return False
        if (self.outcome == CHANGE) != (other.outcome == CHANGE):
            return False  # "employ 521 journalists" … "axing 90 journalist jobs": a total and a change to it
        return not (self.modifiers and other.modifiers and self.modifiers != other.modifiers)

    def conflicts(self, other: Count) -> bool:
        return self.high < other.low or other.high < self.low


def counts(document: Document) -> list[Count]:
    found = []
    for sentence, words in zip(document.sentences, document.sentence_terms, strict=True):
        if not _mentions_number(sentence.text, words):
            continue  # the count pattern is costly: only sentences with a digit or a number word
        for m in COUNT_RE.finditer(sentence.text):
            count = _count(sentence, m)
            if count is not None:
                found.append(count)
    return found


def _count(sentence: Sentence, m: re.Match[str]) -> Count | None:
    words = [w.lower().strip("’'") for w in m.group("rest").split()]
    number_text = (m.group("number") or "").lower()
    if number_text in ARTICLE_WORDS and not words[:1] == ["dozen"]:
        return None
    modifiers, head = [], None
    for i, word in enumerate(words):
        if word in SKIP_WORDS and i == 0:
            continue
        if word in NOT_COUNTS or word.endswith("-year-old"):
            return None
        original = m.group("rest").split()[i]
        if original[:1].isupper() and not head:
            modifiers.append(without_possessive(word))
            continue
        head = word
        break
    # a function word after the number ("town 5 said", "voted 7 to 2"): it counts nothing
    if head is None or not re.fullmatch(r"[a-z][a-z-]+", head) or head in STOP_WORDS:
        return None
    low, high, exact = _interval(m)
    if low is None or (exact and 1800 <= low <= 2100 and "," not in m.group(0)):
        return None  # a year, not a count
    outcome = OUTCOME_OF.get(head) or _nearby_outcome(sentence.text, m)
    start = sentence.start + m.start()
    return Count(
        sentence, start, sentence.start + m.end(), low, high, singular(head), frozenset(modifiers), outcome, exact
    )


def _interval(m: re.Match[str]) -> tuple[float | None, float, bool]:
    if m.group("vague"):
        vague_low, vague_high = VAGUE_PLURALS[m.group("vague").lower()]
        return vague_low, vague_high, False
    if m.group("low"):
        low, high = _value(m.group("low")), _value(m.group("high"))
        return (low, high, False) if low is not None and high is not None else (None, 0, False)
    value = _value(m.group("number"))
    if value is None:
        return None, 0, False
    if m.group("to"):
        high = float(m.group("to").replace(",", ""))
        return (value, high, False) if high > value else (None, 0, False)  # "7-2" is a score, not a range
    hedge = (m.group("hedge") or "").lower()
    if hedge:
        lo, hi = HEDGES[hedge]
        return value * lo, value * hi if hi != INF else INF, False
    return value, value, True


def _value(text: str) -> float | None:
    text = text.lower().replace(",", "")
    total, current = 0.0, 0.0
    for part in re.split(r"[- ]", text):
        if re.fullmatch(r"\d+(?:\.\d+)?", part):
            current += float(part)
        elif part in UNITS:
            current += UNITS[part]
        elif part in SCALES:
            current = (current or 1) * SCALES[part]
            if SCALES[part] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current


def _nearby_outcome(text: str, m: re.Match[str]) -> str | None:
    """What happened to the counted: the nearest outcome word after the count, else just before it."""
    after = [OUTCOME_OF[w] for w in re.findall(r"[a-z]+", text[m.start() : m.end() + 30].lower()) if w in OUTCOME_OF]
    if after:
        return after[0]
    before = [
        OUTCOME_OF[w]
        for w in re.findall(r"[a-z]+", text[max(0, m.start() - 40) : m.start()].lower())
        if w in OUTCOME_OF
    ]
    return before[-1] if before else None


def _mentions_number(text: str, words: tuple[str, ...]) -> bool:
    return (
        any(map(str.isdigit, text))
        or not NUMBER_TOKENS.isdisjoint(words)
        or any(not NUMBER_TOKENS.isdisjoint(w.split("-")) for w in words if "-" in w)
    )
