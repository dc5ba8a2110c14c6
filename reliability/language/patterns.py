"""Pieces of regular expressions built from the word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable


def first_letters(words: Iterable[str]) -> str:
    """A character class of the first letters of `words`. Put in a lookahead before an alternation of
    them, `(?=[...])(?:w1|w2|...)`, it finds the same matches, but the engine passes over a position no
    word can start at without trying every word there: most positions of running text."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]"
