"""Punctuation: quotation marks and the marks that close a sentence."""

from __future__ import annotations

#: Double quotation marks, straight and typographic, in the English, German and French styles.
DOUBLE_QUOTE_MARKS = "\"“”„«»"
#: Double marks that can only open a quote (a straight mark may do either).
OPENING_DOUBLE_QUOTES = "“„«"
#: Double marks that can only close a quote.
CLOSING_DOUBLE_QUOTES = "”»"
#: Marks that open a sentence of someone's own words, double or single.
OPENING_QUOTE_MARKS = "\"“‘'"
#: What a line that ends a sentence (rather than a heading or caption) ends with.
SENTENCE_END_MARKS = ".!?:;\"”’)…"


def opens_with_quote(text: str) -> bool:
    """Whether a sentence opens with a quotation mark: someone's own words, not the writer's."""
    return text.lstrip()[:1] in OPENING_QUOTE_MARKS
