"""Find the web page's own text around and inside the story, line by line, with a reason and a confidence.

A learned line classifier weighs each line (`line_model`, fitted on public pages with a human gold
extraction: evaluation/boilerplate): its shape, its lexicon family, its place and neighbours and its
overlap with the story give a calibrated probability (on articles of three lines or more). A lexicon family that proved precise on the
dev sites (`trusted_rules` in the model card) also decides alone: the model, fitted on pages of
2008-2012, has seen few newsletter, app and donation calls. The lexicon then names what the line looks
like (a caption, a share row, a byline ...) for the message. One position rule from reading real
copy completes it: after a link-list header in the second half of the article, the short lines to the
end are teasers. A short line between two lines of one named family is the rest of the
same appeal (between any two boilerplate lines, as before, it cut headlines between a menu and a
byline on the test pages). With
corpus statistics, a short non-sentence line that recurs in several articles of the batch is the
site's own text. A line made only of syndication credits is an info, not a defect.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reliability.check import CorpusStats
from reliability.checks.off_topic.lexicon import FAMILIES, LINK_LIST_HEADER, LISTICLE_TITLE, Family, syndication_credit
from reliability.checks.off_topic.line_features import LINE_PATTERN_MAX_CHARS, family_matches, line_features
from reliability.checks.off_topic.line_model import load_model
from reliability.document import Block, Document, Sentence

RECURRING_MAX_WORDS = 12
RECURRING_MIN_ARTICLES = 3
PROMO_MIN_WORDS = 8  # a flagged line this long that ends like a sentence reads as a promotion or note, not a menu
APPEAL_MAX_WORDS = 25  # a line between two lines of one family that is this short belongs with them
TEASER_MAX_WORDS = 40
TAIL_START_SHARE = 0.5  # a link-list header only counts in the second half of the article
MIN_LINES = 3  # the model weighs a line against its article: one or two lines give it nothing to weigh, so only the lexicon speaks


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    family: str
    reason: str
    syndication: bool = False
    confidence: float = 1.0


def find_boilerplate(document: Document, corpus: CorpusStats | None = None) -> list[Hit]:
    """Boilerplate spans (whole lines, or syndication sentences), in text order, non-overlapping. A line
    made only of syndication credits is an info even where the model calls it the page's text."""
    blocks = document.blocks
    if not blocks:
        return []
    model = load_model()
    rows = line_features(document)
    # The batch speaks through the recurring-line rule, not the model: fitted on one site's pages as a batch,
    # the model reads a repeated line as chrome, but a batch also repeats syndicated sentences legitimately.
    probabilities = model.probabilities(rows) if len(blocks) >= MIN_LINES else np.zeros(len(blocks))
    # A trusted family decides where the line feature saw it, or where its whole-line pattern covers a line
    # that lacks the family's words (the features try a family only on lines with one of its words).
    families, whole_lines = family_matches(document)
    short = np.array([len(block.text) <= LINE_PATTERN_MAX_CHARS for block in blocks])
    precision = np.array([model.trusted.get(f"family_{family.name}", 0.0) for family in FAMILIES])
    confidences = np.maximum(probabilities, ((families | (whole_lines & short[:, None])) * precision).max(axis=1))
    credited = syndication_credit(
        document.text, document.text.lower(), clues_only=True
    )  # no clue in the text, no credit in a sentence
    per_block: list[list[Sentence]] = [[] for _ in blocks]
    for sentence in document.sentences if credited else ():
        per_block[sentence.block].append(sentence)
    hits: dict[int, Hit] = {}
    credits: dict[int, list[Sentence]] = {}
    for block, probability, confidence, sentences in zip(
        blocks, probabilities.tolist(), confidences.tolist(), per_block
    ):
        found = [s for s in sentences if syndication_credit(s.text, s.text.lower())] if credited else []
        if found and len(found) == len(sentences):
            credits[block.index] = found
            continue
        recurring = _recurring(document, block, corpus)
        if recurring is not None:
            hits[block.index] = recurring
        elif probability >= model.warn_at or confidence > probability:
            family, reason = describe(block.text)
            hits[block.index] = Hit(block.start, block.end, family, reason, confidence=round(confidence, 3))
        elif found:
            credits[block.index] = found
    _fill_appeals(document, hits)
    _fill_link_list_tail(document, hits, whole_lines[:, FAMILIES.index(LINK_LIST_HEADER)])
    syndication = {
        i: [Hit(s.start, s.end, "syndication", "a syndication credit", syndication=True) for s in found]
        for i, found in credits.items()
        if i not in hits
    }
    return [hit for i in sorted({*hits, *syndication}) for hit in ([hits[i]] if i in hits else syndication[i])]


def _matches(family: Family, text: str, lower: str) -> bool:
    """The family's whole-line pattern covers the line, or its phrase pattern is in it (`lower` is text.lower())."""
    return (len(text) <= LINE_PATTERN_MAX_CHARS and family.matches_line(text)) or family.matches_phrase(text, lower)


def describe(text: str) -> tuple[str, str]:
    """The family a flagged line belongs to, and the reason a reader is given."""
    lower = text.lower()
    for family in FAMILIES:
        if _matches(family, text, lower):
            return family.name, family.reason
    if LISTICLE_TITLE.match(text):
        return "related_links", "the headline of a teaser for another article"
    words = len(text.split())
    if words >= PROMO_MIN_WORDS and text[-1:] in ".!?":
        return (
            "page_text",
            "text from the web page around the story (a promotion, teaser or note), not part of the story",
        )
    return (
        "page_text",
        "a line of the web page's own text (a menu item, label, link or another article's headline), not part of the story",
    )


def _recurring(document: Document, block: Block, corpus: CorpusStats | None) -> Hit | None:
    """With --corpus: a short line that is not a sentence and recurs in several articles of the batch
    is the site's own text (a slogan, a section name, a teaser), whatever its wording."""
    if corpus is None or len(document.words_between(block.start, block.end)) > RECURRING_MAX_WORDS:
        return None
    text = block.text.strip()
    if not text or text[-1] in ".!?\"”’":
        return None  # a sentence shared by several articles is more likely syndicated copy than chrome
    sharing = corpus.articles_sharing(document, block.index)
    if sharing < RECURRING_MIN_ARTICLES:
        return None
    return Hit(
        block.start, block.end, "recurring", f"a line repeated in {sharing} articles of this batch: the site's own text"
    )


def _fill_appeals(document: Document, hits: dict[int, Hit]) -> None:
    """A short line between two lines of one named family is the rest of the same appeal or menu."""
    blocks = document.blocks
    for i in range(1, len(blocks) - 1):
        before, after = hits.get(i - 1), hits.get(i + 1)
        if (
            i in hits
            or before is None
            or after is None
            or before.family != after.family
            or before.family in ("page_text", "recurring")
        ):
            continue
        if len(document.words_between(blocks[i].start, blocks[i].end)) <= APPEAL_MAX_WORDS:
            hits[i] = Hit(
                blocks[i].start,
                blocks[i].end,
                before.family,
                f"{before.reason} (between two lines of it)",
                confidence=min(before.confidence, after.confidence),
            )


def _fill_link_list_tail(document: Document, hits: dict[int, Hit], headers: np.ndarray) -> None:
    """After a link-list header (`headers`: the lines LINK_LIST_HEADER covers) in the second half of the
    article, the short lines to the end are teasers."""
    blocks = document.blocks
    half = blocks[-1].end * TAIL_START_SHARE
    header = next((b.index for b in blocks if b.start >= half and headers[b.index]), None)
    if header is None:
        return
    for block in blocks[header + 1 :]:
        if block.index in hits:
            continue
        if len(document.words_between(block.start, block.end)) > TEASER_MAX_WORDS:
            return  # story prose again: the list has ended
        hits[block.index] = Hit(
            block.start,
            block.end,
            "related_links",
            "a teaser in a list of links to other articles",
            confidence=hits[header].confidence if header in hits else 0.5,
        )
