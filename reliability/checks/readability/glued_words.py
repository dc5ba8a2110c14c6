"""Words run together by bad extraction: "newslettersThe", "HomeTrending NewsAfghanistan".

When a scraper drops the line break or link between two page elements, the last word of one and
the first of the next become one token with a lower→upper case change inside. Camel-case names do
the same on purpose (PlayStation, YouTube, McDonald, eBay, JPMorgan), so a change counts only when:

* at least three lower-case letters precede the capital (rules out iPhone, eBay, McDonald,
  MacArthur, DeSantis, YouTube, JPMorgan) and a lower-case letter follows it;
* the whole token is NOT a CMU dictionary entry (the dictionary lists PlayStation, LinkedIn,
  BlackRock, PowerPoint, WhatsApp, HarperCollins, ...);
* every piece IS a dictionary word (rules out PricewaterhouseCoopers and most invented names).

That still fits brands made of dictionary words (FaceTime, CrowdStrike, FiveThirtyEight), so the
verdict rests on evidence only extraction leaves. A warning: a token that starts lower-case
("newslettersThe", "cultureTelevision"), a last piece that opens a sentence ("…CelebrityThe"), two
such tokens side by side ("HomeTrending NewsAfghanistan"), or three or more pieces outside running
text ("HomeWorldAsia" heading a page). A capitalised compound used in a sentence (next to a
lower-case word) is taken for a name and not reported; elsewhere it is an info.
"""

from __future__ import annotations

import re

from reliability.checks.readability.issues import Issue
from reliability.document import Document, Word
from reliability.language.dictionaries import is_word
from reliability.language.stop_words import CLAUSE_OPENERS
from reliability.models import Severity

_CANDIDATE_RE = re.compile(r"[a-z]{3}[A-Z][a-z]")
_HUMP_RE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_SEGMENT_RE = re.compile(r"[^\W\d_]+")


def find_glued_words(document: Document) -> list[Issue]:
    candidates = [(w, p) for w in document.words if _CANDIDATE_RE.search(w.text) and (p := _glued_pieces(w))]
    issues: list[Issue] = []
    for k, (word, pieces) in enumerate(candidates):
        neighbours = (candidates[j][0] for j in (k - 1, k + 1) if 0 <= j < len(candidates))
        clustered = any(_side_by_side(document, word, n) for n in neighbours)
        judged = _judge(document, word, pieces, clustered)
        if judged is None:
            continue
        severity, why = judged
        split = " + ".join(f"“{p}”" for p in pieces)
        issues.append(
            Issue(
                "glued_words",
                severity,
                word.start,
                word.end,
                f"“{word.text}” looks like words run together ({split}): {why}. The page was probably extracted "
                "without the line break or link between them; readers stumble on it.",
                confidence=0.85 if severity == "warning" else 0.5,
            )
        )
    return issues


def _judge(document: Document, word: Word, pieces: list[str], clustered: bool) -> tuple[Severity, str] | None:
    """Severity and reason, from evidence that only extraction leaves; None for a likely name."""
    if pieces[0].islower():
        return "warning", "a lower-case word runs straight into a capitalised one"
    if any(p.lower() in CLAUSE_OPENERS for p in pieces[1:]):  # they never end a compound name
        return "warning", "the last part opens a new sentence"
    if clustered:
        return "warning", "it sits beside another run-together word, as page navigation does"
    if _inside_prose(document, word):
        return None  # "according to FiveThirtyEight", "CrowdStrike said": a name used in a sentence
    if len(pieces) >= 3:
        return "warning", f"{len(pieces)} words in one token outside running text, as in a menu or breadcrumb"
    return "info", "outside running text, unless it is a name written that way"


def _glued_pieces(word: Word) -> list[str]:
    """The dictionary words a token splits into at suspicious case changes, or [] if it is not glued."""
    pieces: list[str] = []
    glued = False
    for segment in _SEGMENT_RE.findall(word.text):
        parts = _HUMP_RE.split(segment)
        if len(parts) > 1:
            if is_word(segment) or not all(is_word(p) for p in parts):
                return []
            glued = True
        pieces.extend(parts)
    return pieces if glued else []


def _inside_prose(document: Document, word: Word) -> bool:
    """A lower-case word next to it on the same line: the token is used in a sentence."""
    text, words = document.text, document.words
    before = words[word.index - 1] if word.index > 0 else None
    after = words[word.index + 1] if word.index + 1 < len(words) else None
    return bool(
        (before and before.text[:1].islower() and "\n" not in text[before.end : word.start])
        or (after and after.text[:1].islower() and "\n" not in text[word.end : after.start])
    )


def _side_by_side(document: Document, a: Word, b: Word) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = document.text[first.end : second.start]
    return len(gap) <= 3 and gap.strip() == "" and "\n" not in gap
