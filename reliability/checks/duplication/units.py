"""The units compared for repeats: paragraphs (blocks) and sentences, keyed by their words."""

from __future__ import annotations

from dataclasses import dataclass

from reliability.document import Document

MIN_WORDS = 8  # shorter repeats (datelines, "He left.", a chant) are normal in news


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph or sentence: its span, its lower-cased words and the exact text."""

    kind: str  # "paragraph" or "sentence"
    index: int
    start: int
    end: int
    words: tuple[str, ...]
    text: str

    @property
    def key(self) -> str:
        """Identity up to case, punctuation, quote style and spacing."""
        return " ".join(self.words)


def paragraphs(document: Document) -> list[Unit]:
    lower = document.lower_words
    units = []
    for block in document.blocks:
        span = document.words_between(block.start, block.end)
        if len(span) >= MIN_WORDS:
            units.append(
                Unit("paragraph", block.index, block.start, block.end, lower[span.start : span.stop], block.text)
            )
    return units


def sentences(document: Document) -> list[Unit]:
    return [
        Unit("sentence", s.index, s.start, s.end, terms, s.text)
        for s, terms in zip(document.sentences, document.sentence_terms, strict=True)
        if len(terms) >= MIN_WORDS
    ]
