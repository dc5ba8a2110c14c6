"""Direct quotes: pairing quotation marks into quoted spans, robust to odd or stray marks.

Straight (") and curly (“ ”) double marks delimit quotes; single marks (‘ ’ ') are left alone
because they double as apostrophes, so a quote inside a quote stays part of the outer one.
A mark that opens but never closes in its paragraph yields a quote running to the paragraph's
end (the convention for quotes spanning several paragraphs), or to the next opening mark after a
space, since no closing mark follows a space (the same convention, once extraction has joined the
paragraphs); a stray closing mark is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reliability.document import Document
from reliability.language.punctuation import CLOSING_DOUBLE_QUOTES, DOUBLE_QUOTE_MARKS, OPENING_DOUBLE_QUOTES

_MARK_RE = re.compile(f"[{DOUBLE_QUOTE_MARKS}]")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: `start`/`end` cover the quoted words, `open_at`/`close_at` the marks (close_at=-1: none)."""

    start: int
    end: int
    open_at: int
    close_at: int
    block: int


def _is_opening_straight(text: str, at: int, block_start: int) -> bool:
    """A straight mark opens when it follows a space, a bracket or a dash and a word follows it."""
    before = text[at - 1] if at > block_start else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([{–—-:/") and not after.isspace()


def find_quotes(document: Document) -> list[QuoteSpan]:
    """Every quotation in the article, in text order."""
    text = document.analysis_text
    found: list[QuoteSpan] = []
    for block in document.blocks:
        if not any(mark in block.text for mark in '"' + OPENING_DOUBLE_QUOTES):
            continue
        open_at = -1
        for m in _MARK_RE.finditer(text, block.start, block.end):
            at, mark = m.start(), m.group(0)
            opens = mark in OPENING_DOUBLE_QUOTES or (mark == '"' and _is_opening_straight(text, at, block.start))
            if open_at < 0:
                if opens:
                    open_at = at
            elif opens and text[at - 1].isspace():
                # no closing mark follows a space: this one opens the next quote, and the open one ran on
                # unclosed (a quote over several paragraphs whose breaks the extraction lost)
                found.extend(_span(text, open_at, at, block.index, closed=False))
                open_at = at
            elif mark in CLOSING_DOUBLE_QUOTES or mark == '"':
                found.extend(_span(text, open_at, at, block.index))
                open_at = -1
            # a second opener glued to a word while open: a typographical slip; keep the first opening
        if open_at >= 0:
            found.extend(_span(text, open_at, block.end, block.index, closed=False))
    return found


def _span(text: str, open_at: int, close_at: int, block: int, closed: bool = True) -> list[QuoteSpan]:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 2:
        return []
    return [QuoteSpan(start, end, open_at, close_at if closed else -1, block)]
