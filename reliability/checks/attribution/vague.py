"""Impersonal and hedged attribution that no speaker phrase carries: "it is reported", "is said to be",
"studies show", "there are reports", "reportedly". Speaker-based vagueness ("officials said",
"analysts warn", "according to sources") is found by the speaker classifier; these patterns catch
the constructions that hide the speaker altogether.

Each pattern is (first words, regex, severity, why): passive and impersonal forms are warnings (a
claim with no source at all); hedging adverbs are info (they at least flag the claim as second-hand).
A pattern is only tried where one of its first words starts, so the text is not scanned per pattern.
"""

from __future__ import annotations

import re

from reliability.document import Document, Word
from reliability.language.hedges import HEARSAY_ADVERBS
from reliability.language.pronouns import FIRST_SINGULAR, POSSESSIVE_DETERMINERS, SECOND_SINGULAR
from reliability.models import Severity

#: Nouns that open an "unnamed evidence" pattern ("studies show"); after "the" they point back at a
#: study the article has introduced ("the research found").
_EVIDENCE_NOUNS = "reports studies research surveys polls rumours rumors sources experts analysts scientists"

_PATTERNS: tuple[tuple[str, str, Severity, str], ...] = (
    (
        "it",
        r"it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+|commonly\s+|now\s+|also\s+)?"
        r"(?:reported|said|believed|understood|alleged|claimed|rumou?red|suggested|argued|thought|feared)\b",
        "warning",
        "an impersonal passive that hides who reported it",
    ),
    (
        "is are was were",
        r"(?:is|are|was|were)\s+(?:widely\s+|generally\s+|commonly\s+|also\s+)?"
        r"(?:said|believed|thought|reported|rumou?red|alleged|understood|claimed|reputed)\s+to\s+(?:be|have)\b",
        "warning",
        "a passive report with no source",
    ),
    (
        _EVIDENCE_NOUNS,
        r"(?:reports|studies|research|surveys|polls|rumou?rs|sources|experts|analysts|scientists)\s+(?:have\s+)?"
        r"(?:show|shows|showed|shown|prove|proves|proved|found|find|suggest|suggests|suggested|indicate|indicated)\b",
        "warning",
        "unnamed studies or reports presented as evidence",
    ),
    (
        "there",
        r"there\s+(?:are|were|have\s+been|had\s+been)\s+(?:growing\s+|widespread\s+|unconfirmed\s+|some\s+|many\s+)?"
        r"(?:reports|claims|suggestions|rumou?rs|allegations|accounts)\s+(?:that|of)\b",
        "warning",
        "reports mentioned without saying whose",
    ),
    (
        "one you",
        r"(?:one|you)\s+(?:could|might|may|would)\s+(?:say|argue|think|suggest)\b",
        "warning",
        "an opinion put in nobody's mouth",
    ),
    (
        "many some most",
        r"(?:many|some|most)\s+(?:people\s+|observers\s+|commentators\s+|would\s+)?(?:would\s+)?"
        r"(?:say|argue|believe|think|feel|suggest|claim|agree|contend|fear)\b",
        "warning",
        "an opinion attributed to an unnamed 'some' or 'many'",
    ),
    (
        "widely generally commonly",
        r"(?:widely|generally|commonly)\s+(?:reported|believed|thought|rumou?red|regarded|acknowledged|accepted)\b",
        "warning",
        "a 'widely believed' claim with no source",
    ),
    (
        "according citing cited",
        r"(?:according\s+to|citing|cited)\s+(?:local\s+|media\s+|news\s+|press\s+|unconfirmed\s+|some\s+|several\s+)*"
        r"(?:media\s+reports|news\s+reports|press\s+reports|reports|sources|accounts|estimates|rumou?rs)\b",
        "warning",
        "a claim credited to unnamed reports or sources",
    ),
    (
        " ".join(sorted(HEARSAY_ADVERBS)),
        rf"(?:{'|'.join(sorted(HEARSAY_ADVERBS))})\b",
        "info",
        "a hedge that marks the claim as second-hand without naming the source",
    ),
)

#: (regex, severity, why), matched case-insensitively at a word start.
VAGUE_PATTERNS: tuple[tuple[re.Pattern[str], Severity, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), severity, why) for _, pattern, severity, why in _PATTERNS
)
_EVIDENCE_NOUN_SET = frozenset(_EVIDENCE_NOUNS.split())
#: Determiners before an evidence noun that point at a known source ("the report", "their study"); "my" and
#: "your" are not among them.
_DETERMINERS = frozenset("the this that these those whose".split()) | (
    POSSESSIVE_DETERMINERS - FIRST_SINGULAR - SECOND_SINGULAR
)
_TRIGGERS: dict[str, list[int]] = {}
for _index, (_first_words, *_) in enumerate(_PATTERNS):
    for _word in _first_words.split():
        _TRIGGERS.setdefault(_word, []).append(_index)


def find_vague_phrases(document: Document) -> list[tuple[int, int, Severity, str]]:
    """(start, end, severity, why) for every impersonal or hedged attribution, in text order."""
    text = document.analysis_text
    hits: list[tuple[int, int, Severity, str]] = []
    last_end = -1
    for word, lower in zip(document.words, document.lower_words):
        triggered = _TRIGGERS.get(lower)
        if triggered is None or word.start < last_end or _ends_a_name(document, word):
            continue
        for index in triggered:
            pattern, severity, why = VAGUE_PATTERNS[index]
            m = pattern.match(text, word.start)
            if m and lower in _EVIDENCE_NOUN_SET and _after_determiner(document, word):
                continue
            if m:
                hits.append((m.start(), m.end(), severity, why))
                last_end = m.end()
                break
    return hits


def _after_determiner(document: Document, word: Word) -> bool:
    return word.index > 0 and document.lower_words[word.index - 1] in _DETERMINERS


def _ends_a_name(document: Document, word: Word) -> bool:
    """ "A study by analysts Jupiter Research suggested": a capitalised word after another is part of a name."""
    if not word.text[:1].isupper() or word.index == 0:
        return False
    before = document.words[word.index - 1]
    return before.text[:1].isupper() and document.text[before.end : word.start] == " "
