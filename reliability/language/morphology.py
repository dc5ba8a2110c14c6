"""Word forms: possessives, plurals and the prefix stems the checks compare words by."""

from __future__ import annotations

import re
from functools import lru_cache

_POSSESSIVE_RE = re.compile(r"['’]s$")
#: Letters a stem keeps: "Israel"/"Israeli", "protest"/"protesters", "attack"/"attacked" share one. One
#: length for every check: contradiction used 6 until its learned gate made 5 and 6 equal on real news.
STEM_LENGTH = 5


def without_possessive(word: str) -> str:
    """ "Mujahid’s" -> "Mujahid", "labour's" -> "labour": the owner a possessive names. Only the
    suffix goes: "Jones" and "bus" stay as they are."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return _POSSESSIVE_RE.sub("", word) if word.endswith("\n") else word  # `$` matches before a last newline


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The first STEM_LENGTH letters of a word, its possessive dropped: "Israel", "Israeli" and "Israel's"
    share "israe". Crude but cheap, and the same rule wherever words are compared. Kept per distinct word:
    the checks stem the same words again and again (about 600 calls per article, a third as many words)."""
    return without_possessive(word)[:STEM_LENGTH]


def singular(word: str) -> str:
    """A regular plural's singular ("deputies" -> "deputy", "lawyers" -> "lawyer"); other words as given."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
