"""Readability formulas, derived from counts taken once over the Document's sentences and words.

Calling each textstat formula on the raw text re-tokenises it every time (~150 docs/s) and splits
sentences its own way. Here the counts come from the shared Document and the published formulas
(the same constants textstat uses for English) are applied to them. Syllables and the Dale–Chall
list of easy words come from `reliability.language.dictionaries`.

Counted words are tokens with at least one letter (numbers are not words to these formulas);
sentences of fewer than three such words (headings, bylines, "Published on") are left out, as
textstat does, so page furniture does not make the prose look simpler than it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import compress
from math import sqrt

from reliability.document import Document
from reliability.language.dictionaries import easy_words, syllables

#: Sentences shorter than this (in words) are fragments, not prose.
MIN_SENTENCE_WORDS = 3


_LETTER_RE = re.compile(r"[^\W\d_]")


def counted_words(document: Document) -> list[bool]:
    """For each word token, whether the formulas count it as a word: it has a letter (not 2024, 3.5)."""
    has_letter = _LETTER_RE.search
    return [w.isalpha() or has_letter(w) is not None for w in document.lower_words]


@dataclass(frozen=True)
class Counts:
    """What every formula is built from."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0  # three or more syllables (SMOG)
    complex_words: int = 0  # three or more syllables and not an easy word (Gunning fog, as textstat)
    difficult_words: int = 0  # not on the Dale–Chall easy list

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


def count(document: Document, counted: list[bool]) -> Counts:
    """Counts over the prose sentences of a document (`counted` from `counted_words`)."""
    easy = easy_words()
    sentences = 0
    lower = document.lower_words
    prose: Counter[str] = Counter()  # each word counted once, times the number of times it occurs
    for sentence in document.sentences:
        span = slice(sentence.words.start, sentence.words.stop)
        tokens = list(compress(lower[span], counted[span]))
        if len(tokens) >= MIN_SENTENCE_WORDS:
            sentences += 1
            prose.update(tokens)
    syllable_total = letters = poly = complex_words = difficult = 0
    for word, times in prose.items():
        n = syllables(word)
        syllable_total += n * times
        letters += times * (len(word) if word.isalpha() else sum(1 for c in word if c.isalpha()))
        hard = word not in easy
        difficult += hard * times
        if n >= 3:
            poly += times
            complex_words += hard * times
    return Counts(sentences, prose.total(), syllable_total, letters, poly, complex_words, difficult)


def formulas(c: Counts) -> dict[str, float]:
    """The standard readability indices; all 0.0 when there is no prose to measure."""
    if not c.words or not c.sentences:
        return dict.fromkeys(
            (
                "flesch_reading_ease",
                "flesch_kincaid_grade",
                "gunning_fog",
                "smog_index",
                "coleman_liau_index",
                "automated_readability_index",
                "dale_chall",
            ),
            0.0,
        )
    wps, spw = c.words_per_sentence, c.syllables_per_word
    difficult_pct = 100 * c.difficult_words / c.words
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * c.complex_words / c.words),
        "smog_index": 1.043 * sqrt(30 * c.polysyllables / c.sentences) + 3.1291,
        "coleman_liau_index": 0.058 * (100 * c.letters / c.words) - 0.296 * (100 * c.sentences / c.words) - 15.8,
        "automated_readability_index": 4.71 * c.letters / c.words + 0.5 * wps - 21.43,
        "dale_chall": 0.1579 * difficult_pct + 0.0496 * wps + (3.6365 if difficult_pct > 5 else 0.0),
    }
