"""Reading the evaluation sets: every file holds articles as `### id=... split=...` headers, each
followed by its text and, optionally, a line `@@` and annotations."""

from __future__ import annotations

from pathlib import Path


def read_articles(path: Path) -> list[tuple[str, str, str]]:
    """(id, split, text) per article; the id is prefixed with the set's folder, as ids repeat across sets."""
    found = []
    for chunk in path.read_text(encoding="utf-8").split("\n### ")[1:]:
        header, _, rest = chunk.partition("\n")
        meta = dict(kv.split("=", 1) for kv in header.split() if "=" in kv)
        text = rest.partition("\n@@")[0].strip("\n")
        found.append((f"{path.parent.name}:{meta['id']}", meta.get("split", "dev"), text))
    return found
