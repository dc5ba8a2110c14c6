"""The cached pages as articles: each page's lines joined into one text, its blocks labelled by the gold."""

from __future__ import annotations

from dataclasses import dataclass

from evaluation.boilerplate.pages import Page
from reliability.document import Document
from reliability.models import Article


@dataclass
class PageDocument:
    page: Page
    document: Document
    labels: list[int]  # per block: 1 boilerplate, 0 story
    kinds: list[int]  # per block: the gold class of its first line


def as_document(page: Page) -> PageDocument:
    """The page's lines as one article (a line each); a block takes the gold of the lines it covers."""
    text = "\n".join(page.lines)
    starts, offset = [], 0
    for line in page.lines:
        starts.append(offset)
        offset += len(line) + 1
    document = Document(Article(id=f"{page.set}:{page.page}", text=text))
    labels, kinds = [], []
    for block in document.blocks:
        covered = [i for i, s in enumerate(starts) if s < block.end and block.start < s + len(page.lines[i])]
        boiler = sum(len(page.lines[i]) for i in covered if page.labels[i])
        story = sum(len(page.lines[i]) for i in covered if not page.labels[i])
        labels.append(int(boiler > story))
        kinds.append(page.kinds[covered[0]] if covered else 0)
    return PageDocument(page, document, labels, kinds)
