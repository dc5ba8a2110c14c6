"""Names indexed by their last word ("Mujahid" -> "Zabihullah Mujahid"), built once per Document.

Speaker resolution asks this many times per article; the index is memoised on the Document.
"""

from __future__ import annotations

from reliability.document import Document, Segment


def names_by_last_word(document: Document) -> dict[str, list[Segment]]:
    """Every candidate name of the document, grouped by its last word."""
    return document.memo("attribution.names_by_last_word", _index)


def _index(document: Document) -> dict[str, list[Segment]]:
    index: dict[str, list[Segment]] = {}
    for name in document.names:
        index.setdefault(name.text.split()[-1], []).append(name)
    return index
