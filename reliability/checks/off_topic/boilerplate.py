"""Find the web page's own text around and inside the story: one family per finding, with its reason.

Three passes over the Document's blocks (lines): a block or sentence matching a family's pattern
(or, with corpus statistics, a short non-sentence line recurring across the batch); the short lines
sandwiched between two such blocks (the rest of the same appeal or menu); and the tail after a
"Latest articles"-style header, which is a list of teasers to the end of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reliability.check import CorpusStats
from reliability.checks.off_topic.lexicon import (
    ANY_PHRASE,
    FAMILIES,
    LINK_LIST_HEADER,
    LISTICLE_TITLE,
    SYNDICATION,
    Family,
)
from reliability.document import Document

SANDWICH_MAX_WORDS = 25  # a line between two boilerplate lines that is this short belongs with them
TEASER_MAX_WORDS = 40
TAIL_START_SHARE = 0.5  # a link-list header only counts in the second half of the article
RECURRING_MAX_WORDS = 12
RECURRING_MIN_ARTICLES = 3


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    family: str
    reason: str
    syndication: bool = False


def find_boilerplate(document: Document, corpus: CorpusStats | None = None) -> list[Hit]:
    """Boilerplate spans (whole lines or single sentences), in text order, non-overlapping."""
    hits: dict[int, list[Hit]] = {}
    for block in document.blocks:
        found = _block_hits(document, block) or _recurring(document, block, corpus)
        if found:
            hits[block.index] = found
    _fill_sandwiches(document, hits)
    _fill_link_list_tail(document, hits)
    return [hit for index in sorted(hits) for hit in hits[index]]


def _block_hits(document: Document, block) -> list[Hit]:
    text = block.text.strip()
    for family in FAMILIES:
        if family.line is not None and family.line.match(text):
            return [_whole(block, family)]
    if LISTICLE_TITLE.match(text):
        return [Hit(block.start, block.end, "related_links", "the headline of a teaser for another article")]
    found = []
    for sentence in document.block_sentences(block):
        if SYNDICATION.search(sentence.text):
            found.append(Hit(sentence.start, sentence.end, "syndication", "a syndication credit", syndication=True))
            continue
        if not ANY_PHRASE.search(sentence.text):
            continue
        family = next((f for f in FAMILIES if f.phrase is not None and f.phrase.search(sentence.text)), None)
        if family is None:
            continue
        previous = found[-1] if found else None
        if previous and previous.family == family.name and not document.text[previous.end : sentence.start].strip():
            found[-1] = Hit(previous.start, sentence.end, family.name, family.reason)  # one appeal, one finding
        else:
            found.append(Hit(sentence.start, sentence.end, family.name, family.reason))
    return found


def _recurring(document: Document, block, corpus: CorpusStats | None) -> list[Hit]:
    """With --corpus: a short line that is not a sentence and recurs in several articles of the batch
    is the site's own text (a slogan, a section name, a teaser), whatever its wording."""
    if corpus is None or len(document.words_between(block.start, block.end)) > RECURRING_MAX_WORDS:
        return []
    text = block.text.strip()
    if not text or text[-1] in ".!?\"”’":
        return []  # a sentence shared by several articles is more likely syndicated copy than chrome
    sharing = corpus.articles_sharing(document, block.index)
    if sharing < RECURRING_MIN_ARTICLES:
        return []
    return [Hit(block.start, block.end, "recurring", f"a line repeated in {sharing} articles of this batch: the site's own text")]


def _whole(block, family: Family) -> Hit:
    return Hit(block.start, block.end, family.name, family.reason)


def _is_boilerplate_block(hits: dict[int, list[Hit]], index: int) -> bool:
    return any(not h.syndication for h in hits.get(index, ()))


def _fill_sandwiches(document: Document, hits: dict[int, list[Hit]]) -> None:
    blocks = document.blocks
    for i in range(1, len(blocks) - 1):
        if i in hits or len(document.words_between(blocks[i].start, blocks[i].end)) > SANDWICH_MAX_WORDS:
            continue
        before = _nearest_content(blocks, i, -1)
        after = _nearest_content(blocks, i, 1)
        if before is not None and after is not None and _is_boilerplate_block(hits, before) and _is_boilerplate_block(hits, after):
            family = hits[before][-1]
            hits[i] = [Hit(blocks[i].start, blocks[i].end, family.family, f"{family.reason} (between two lines of it)")]


def _nearest_content(blocks, i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(blocks) and not blocks[j].text.strip():
        j += step
    return j if 0 <= j < len(blocks) else None


def _fill_link_list_tail(document: Document, hits: dict[int, list[Hit]]) -> None:
    blocks = document.blocks
    if not blocks:
        return
    half = blocks[-1].end * TAIL_START_SHARE
    header = next(
        (b.index for b in blocks if b.start >= half and LINK_LIST_HEADER.match(b.text.strip())),
        None,
    )
    if header is None:
        return
    for block in blocks[header + 1 :]:
        if block.index in hits or not block.text.strip():
            continue
        if len(document.words_between(block.start, block.end)) > TEASER_MAX_WORDS:
            return  # story prose again: the list has ended
        hits[block.index] = [Hit(block.start, block.end, "related_links", "a teaser in a list of links to other articles")]
