"""Reading the evaluation sets: every file holds articles as `### id=... split=...` headers, each
followed by its text and, optionally, a line `@@` and annotations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AnnotatedArticle:
    id: str
    split: str
    text: str
    notes: tuple[str, ...]  # the annotation lines after `@@`; each set gives them its own meaning


def read_annotated(path: Path) -> list[AnnotatedArticle]:
    """Every article of a set file, with its annotation lines."""
    found = []
    for chunk in path.read_text(encoding="utf-8").split("\n### ")[1:]:
        header, _, rest = chunk.partition("\n")
        meta = dict(kv.split("=", 1) for kv in header.split() if "=" in kv)
        text, _, notes = rest.partition("\n@@")
        notes_lines = tuple(notes.splitlines()[1:])
        found.append(AnnotatedArticle(meta["id"], meta.get("split", "dev"), text.strip("\n"), notes_lines))
    return found


def read_articles(path: Path) -> list[tuple[str, str, str]]:
    """(id, split, text) per article; the id is prefixed with the set's folder, as ids repeat across sets."""
    return [(f"{path.parent.name}:{a.id}", a.split, a.text) for a in read_annotated(path)]
