"""Sentences too long to follow in one reading; lists and tables (which are long by nature) excepted.

News prose averages 20–25 words a sentence and wire style keeps most under 35–40. Between 45 and 60
words a sentence is hard going but still turns up in clean wire copy (an info); past 60 most readers
lose the thread (a warning); past 80 it is usually several sentences run together, or paragraphs
whose full stops were lost in extraction (an error).
"""

from __future__ import annotations

import re

from reliability.checks.readability.issues import Issue
from reliability.document import Document, Sentence
from reliability.language.stop_words import FUNCTION_WORDS
from reliability.models import Severity

HARD_WORDS = 45
LONG_WORDS = 60
VERY_LONG_WORDS = 80

_SEPARATOR_RE = re.compile(r"[,;|•·/\t]|\s[-–—]\s")


def find_long_sentences(
    document: Document,
    counted: list[bool],
    hard_words: int = HARD_WORDS,
    long_words: int = LONG_WORDS,
    very_long_words: int = VERY_LONG_WORDS,
) -> list[Issue]:
    """Over-long prose sentences (`counted` from `formulas.counted_words`)."""
    issues: list[Issue] = []
    lower = document.lower_words
    for sentence in document.sentences:
        if len(sentence.words) <= hard_words:
            continue
        words = [lower[i] for i in sentence.words if counted[i]]
        n = len(words)
        if n <= hard_words or not _reads_as_prose(document, sentence, words):
            continue
        severity: Severity = "error" if n > very_long_words else "warning" if n > long_words else "info"
        clauses = len(_SEPARATOR_RE.findall(sentence.text)) + 1
        issues.append(
            Issue(
                "long_sentence",
                severity,
                sentence.start,
                sentence.end,
                f"A {n}-word sentence ({clauses} clauses or items): news sentences average 20–25 words and readers "
                f"lose the thread past about {long_words}. Consider splitting: “{document.snippet(sentence.start, sentence.end, 70)}”",
                confidence={"info": 0.5, "warning": 0.75, "error": 0.9}[severity],
            )
        )
    return issues


def _reads_as_prose(document: Document, sentence: Sentence, words: list[str]) -> bool:
    """Running prose, not a list, a table row, a menu or a tag cloud.

    Prose is carried by function words (>= 1 in 10 words), most of its words are lower-case, its
    comma-separated pieces average four or more words, and numbers do not dominate it.
    """
    n = len(words)
    if sum(1 for w in words if w in FUNCTION_WORDS) < n / 10:
        return False
    tokens = document.sentence_words(sentence)
    capitalised = sum(1 for t in tokens if t.text[:1].isupper())
    if capitalised > 0.5 * len(tokens):
        return False
    numbers = len(tokens) - n
    if numbers > 0.25 * len(tokens):
        return False
    separators = len(_SEPARATOR_RE.findall(sentence.text))
    return separators < 5 or n / (separators + 1) >= 4
