"""Names indexed by their last word ("Mujahid" -> "Zabihullah Mujahid"), built once per Document.

Speaker resolution asks this many times per article; the index lives as long as its Document.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from reliability.document import Document, Segment

_CACHE: WeakKeyDictionary[Document, dict[str, list[Segment]]] = WeakKeyDictionary()


def names_by_last_word(document: Document) -> dict[str, list[Segment]]:
    """Every candidate name of the document, grouped by its last word."""
    index = _CACHE.get(document)
    if index is None:
        index = _CACHE[document] = {}
        for name in document.names:
            index.setdefault(name.text.split()[-1], []).append(name)
    return index
