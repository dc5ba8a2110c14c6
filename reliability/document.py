"""One analysis pass per article: blocks, sentences and word tokens, all with character offsets.

Every check reads the same `Document`; none re-splits or re-tokenizes the text. Derived views
(lower-cased words, per-sentence term counts, ...) are computed lazily, once, on first use.

Offsets always point into `article.text`. Markup and control characters are blanked to spaces in
`analysis_text`, which has exactly the same length, so an HTML page or a file with stray NUL bytes
is analysed as prose without shifting a single offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from reliability.language.punctuation import SENTENCE_END_MARKS
from reliability.language.segmentation import GLUED_SENTENCE_RE, MISSED_BOUNDARY_RE, NAME_RE
from reliability.language.stop_words import ENGLISH_MARKERS, NOT_NAME_OPENERS
from reliability.models import Article

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    import numpy as np

    from reliability.semantic import SentenceEncoder

T = TypeVar("T")

#: Characters beyond this are not analysed (a finding says so); the report still covers the article.
MAX_ANALYSED_CHARS = 400_000

WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
# Markup: a script or style element, a comment, a tag or a declaration. Elements and comments are found
# by `_markup_spans`, which looks for each closing mark once: a regex searching for it afresh at every
# opening mark takes quadratic time when none follows ("<!--" * 12500).
_MARKUP_OPEN_RE = re.compile(r"<(?:(script|style)\b|(!--)|/?[a-zA-Z]|![a-zA-Z])", re.IGNORECASE)
_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]{0,2000}?>|<![a-zA-Z][^<>]*>")
_MARKUP_CLOSE = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    "!--": re.compile(re.escape("-->")),
}
#: The longest stretch handed to the sentence splitter at once: sentencex takes quadratic time on a long
#: run of sentence ends with no space after them ("!-" * 25000). Paragraphs of real copy stay under 6,000.
SPLITTER_CHARS = 10_000
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’')\]]*\s+")
#: Every space that is not ASCII (str.isspace beyond \t\n\v\f\r and " "), made a plain space for sentencex.
_PLAIN_SPACES = {c: " " for c in range(0x80, 0x3001) if chr(c).isspace()}
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_RE = re.compile(r"[^\n\r]*(?:\r\n|\n|\r|$)")
_CAPITALISED_OPENERS = frozenset(w.capitalize() for w in NOT_NAME_OPENERS)  # "The", "I"; not "THE"


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the article text: `text == article.text[start:end]`."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Block(Segment):
    """A paragraph, heading or stray line: a run of text between line breaks (hard wraps rejoined)."""


@dataclass(frozen=True, slots=True)
class Sentence(Segment):
    """A sentence, never crossing a block boundary; `words` indexes into `Document.words`."""

    block: int
    words: range


@dataclass(slots=True, eq=False)
class Word:
    """A word token: letters and digits, keeping inner apostrophes, hyphens and dots (U.S, 3.5);
    `text == article.text[start:end]`. Not a frozen Segment: an article has hundreds of words, and a
    frozen dataclass, setting each field through `object.__setattr__`, takes half again the time to make
    one. Nothing changes a word once its Document is built; two words are equal when they are the same
    token (`index` is unique within a Document)."""

    index: int
    start: int
    end: int
    text: str


class Document:
    """The shared analysis of one article."""

    def __init__(self, article: Article, language: str | None = None) -> None:
        self.article = article
        self.text = article.text
        self.language = (language or article.language or "en").split("-")[0].lower()
        self.truncated = len(self.text) > MAX_ANALYSED_CHARS
        self.analysis_text, self.markup_chars, self.control_chars = _blank_noise(self.text[:MAX_ANALYSED_CHARS])
        self.blocks: tuple[Block, ...] = tuple(_blocks(self.analysis_text, self.text))
        self.words: tuple[Word, ...] = tuple(
            Word(i, m.start(), m.end(), self.text[m.start() : m.end()])
            for i, m in enumerate(WORD_RE.finditer(self.analysis_text))
        )
        self._word_starts = tuple(w.start for w in self.words)
        self.sentences: tuple[Sentence, ...] = tuple(self._sentences())
        self._vectors: tuple[SentenceEncoder, dict[int, np.ndarray]] | None = None
        self._memo: dict[str, Any] = {}
        self._sealed = True

    def __setattr__(self, name: str, value: object) -> None:
        """Read-only once built: every check reads the same analysis, so none may change it for the next."""
        if getattr(self, "_sealed", False):
            raise AttributeError(f"a Document is read-only: checks share it ({name!r} cannot be set)")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Document is read-only: checks share it ({name!r} cannot be deleted)")

    # -- construction -------------------------------------------------------------------------

    def _sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        for block in self.blocks:
            for piece_start, piece_end in _splitter_pieces(self.analysis_text, block.start, block.end):
                chunk = self.analysis_text[piece_start:piece_end]
                for bound_start, bound_end in _sentence_bounds(self.language, chunk):
                    for start, end in _unglue(chunk, bound_start, bound_end):
                        start, end = start + piece_start, end + piece_start
                        words = range(bisect_left(self._word_starts, start), bisect_left(self._word_starts, end))
                        sentences.append(Sentence(len(sentences), start, end, self.text[start:end], block.index, words))
        return sentences

    # -- lookups ------------------------------------------------------------------------------

    def sentence_words(self, sentence: Sentence) -> tuple[Word, ...]:
        """The word tokens of one sentence."""
        return self.words[sentence.words.start : sentence.words.stop]

    def words_between(self, start: int, end: int) -> range:
        """Indexes of the words lying wholly inside [start, end)."""
        first = bisect_left(self._word_starts, start)
        stop = bisect_right(self._word_starts, end)
        while stop > first and self.words[stop - 1].end > end:
            stop -= 1
        return range(first, stop)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset, if any."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def block_index_at(self, offset: int) -> int:
        """Index of the block containing (or last starting before) an offset; 0 when there are none."""
        return max(0, bisect_right(self._block_starts, offset) - 1)

    def names_between(self, start: int, end: int) -> tuple[Segment, ...]:
        """Candidate names starting in [start, end), in text order."""
        lo = bisect_left(self._name_starts, start)
        hi = bisect_left(self._name_starts, end)
        return self.names[lo:hi]

    def sentence_vectors(self, encoder: SentenceEncoder, indices: Sequence[int] | None = None) -> np.ndarray:
        """Meaning vectors (one unit-length row each) of the sentences at `indices`, all by default. Each
        sentence is encoded once per article, and only when a check asks for it: encoding is the slow part."""
        import numpy as np

        wanted = range(len(self.sentences)) if indices is None else indices
        vectors = self._vectors
        if vectors is None or vectors[0] is not encoder:
            vectors = (encoder, {})
            object.__setattr__(self, "_vectors", vectors)  # a cache, set past the seal
        known = vectors[1]
        missing = [i for i in dict.fromkeys(wanted) if i not in known]
        if missing:
            known.update(zip(missing, encoder.encode([self.sentences[i].text for i in missing])))
        if not len(wanted):
            return np.zeros((0, 0))
        return np.array([known[i] for i in wanted])

    def memo(self, key: str, factory: Callable[[Document], T]) -> T:
        """A view a check derives from this document (an index, a parse), computed by `factory(document)`
        on the first call and kept as long as the document: every check reads the same analysis pass.
        Name the key after the check ("attribution.names_by_last_word") so checks do not collide."""
        if key not in self._memo:
            self._memo[key] = factory(self)
        value: T = self._memo[key]
        return value

    def block_sentences(self, block: Block) -> tuple[Sentence, ...]:
        """The sentences of one block, in order."""
        return tuple(s for s in self.sentences if s.block == block.index)

    # -- lazily derived views -----------------------------------------------------------------

    @cached_property
    def _sentence_starts(self) -> tuple[int, ...]:
        return tuple(s.start for s in self.sentences)

    @cached_property
    def _block_starts(self) -> tuple[int, ...]:
        return tuple(b.start for b in self.blocks)

    @cached_property
    def _name_starts(self) -> tuple[int, ...]:
        return tuple(n.start for n in self.names)

    @cached_property
    def lower_words(self) -> tuple[str, ...]:
        """Every word token lower-cased, aligned with `words`."""
        return tuple(map(str.lower, map(attrgetter("text"), self.words)))

    @cached_property
    def sentence_terms(self) -> tuple[tuple[str, ...], ...]:
        """Lower-cased words of each sentence, aligned with `sentences`."""
        lw = self.lower_words
        return tuple(lw[s.words.start : s.words.stop] for s in self.sentences)

    @cached_property
    def names(self) -> tuple[Segment, ...]:
        """Candidate proper names (runs of capitalised words), a sentence-initial function word dropped.

        "Defense Minister Khawaja Asif", "International Crisis Group", "U.S", "Istanbul". Cheap and
        dictionary-free: a shared starting point for checks that compare who and what is mentioned.
        """
        found: list[Segment] = []
        for sentence in self.sentences:
            base = sentence.start
            chunk = self.analysis_text[sentence.start : sentence.end]
            for m in NAME_RE.finditer(chunk):
                start, end = m.start(), m.end()
                first, _, rest = m.group(0).partition(" ")
                if first in _CAPITALISED_OPENERS:
                    if not rest:
                        continue
                    start += len(first) + 1
                    while chunk[start].islower():  # "For the Taliban" -> "Taliban"
                        start = chunk.index(" ", start) + 1
                found.append(Segment(len(found), base + start, base + end, self.text[base + start : base + end]))
        return tuple(found)

    @cached_property
    def headings(self) -> frozenset[int]:
        """Indexes of the blocks that are a headline, section head or caption: a line of one sentence
        with no closing punctuation. They name a topic, not a claim or a person's words."""
        per_block = Counter(s.block for s in self.sentences)
        return frozenset(
            s.block
            for s in self.sentences
            if per_block[s.block] == 1 and s.text.rstrip()[-1:] not in SENTENCE_END_MARKS
        )

    @cached_property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def english_share(self) -> float:
        """Share of words that are common English function words (about 0.35-0.5 for English prose)."""
        if not self.words:
            return 0.0
        return sum(1 for w in self.lower_words if w in ENGLISH_MARKERS) / len(self.words)

    @cached_property
    def looks_english(self) -> bool:
        """Whether the text reads as English; checks tuned on English news may say so."""
        return self.word_count < 20 or self.english_share >= 0.12

    @cached_property
    def replacement_chars(self) -> int:
        """U+FFFD characters: bytes that were not valid UTF-8 when the article was decoded."""
        return self.text.count("\ufffd")

    def snippet(self, start: int, end: int, width: int = 80) -> str:
        """The text of a span on one line, shortened in the middle to `width` characters."""
        s = " ".join(self.text[start:end].split())
        return s if len(s) <= width else s[: width // 2 - 2] + " … " + s[-(width // 2 - 2) :]


def _blank_noise(text: str) -> tuple[str, int, int]:
    """Replace markup and control characters by spaces, keeping the length (and so every offset)."""
    markup = 0
    if "<" in text:
        pieces, position = [], 0
        for start, end in _markup_spans(text):
            markup += end - start
            # keep line breaks so block structure survives (<p>...</p> on separate lines)
            pieces += [text[position:start], "".join(c if c == "\n" else " " for c in text[start:end])]
            position = end
        text = "".join(pieces) + text[position:]
    control = len(_CONTROL_RE.findall(text))
    if control:
        text = _CONTROL_RE.sub(" ", text)
    return text, markup, control


def _markup_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of markup, left to right, in linear time: each kind of closing mark is searched for
    again only once the scan has passed the one last found."""
    next_close: dict[str, re.Match[str] | None] = {}
    position = 0
    while (opening := _MARKUP_OPEN_RE.search(text, position)) is not None:
        kind = (opening.group(1) or opening.group(2) or "").lower()
        if kind:
            close = next_close.get(kind)
            if kind not in next_close or (close is not None and close.start() < opening.end()):
                close = next_close[kind] = _MARKUP_CLOSE[kind].search(text, opening.end())
            if close is not None:
                yield opening.start(), close.end()
                position = close.end()
                continue
        tag = _TAG_RE.match(text, opening.start())
        if tag:
            yield tag.start(), tag.end()
        position = tag.end() if tag else opening.start() + 1


def _splitter_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) in pieces of at most SPLITTER_CHARS, each cut after a sentence end and its space where
    there is one in the piece's second half, else at a space, else anywhere."""
    while end - start > SPLITTER_CHARS:
        limit = start + SPLITTER_CHARS
        ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, start + SPLITTER_CHARS // 2, limit)]
        cut = ends[-1] if ends else text.rfind(" ", start + SPLITTER_CHARS // 2, limit) + 1 or limit
        yield start, cut
        start = cut
    yield start, end


def _sentence_bounds(language: str, chunk: str) -> list[tuple[int, int]]:
    """Sentence boundaries from sentencex. Spaces other than ASCII ones are made plain first (sentencex
    panics on one before a full stop: "George W\u00a0. Bush"), keeping every offset; should it still
    panic, which is not an Exception, the chunk is cut at sentence-ending punctuation instead."""
    from sentencex import get_sentence_boundaries

    try:
        return [
            (b["start_index"], b["end_index"])
            for b in get_sentence_boundaries(language, chunk.translate(_PLAIN_SPACES))
        ]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001 - pyo3's PanicException derives from BaseException
        cuts = [0, *(m.end() for m in _SENTENCE_END_RE.finditer(chunk)), len(chunk)]
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def _unglue(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-empty, whitespace-trimmed pieces of a sentence, cut where extraction glued two together or
    the splitter missed a boundary."""
    glued = (m.end() for m in GLUED_SENTENCE_RE.finditer(text, start, end))
    missed = (m.end() for m in MISSED_BOUNDARY_RE.finditer(text, start, end))
    cuts = [start, *sorted({*glued, *missed}), end]
    pieces = (_strip(text, a, b) for a, b in zip(cuts, cuts[1:]))
    return [(a, b) for a, b in pieces if a < b]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blocks(analysis_text: str, text: str) -> list[Block]:
    """Split into lines; rejoin lines that were hard-wrapped mid-sentence (long, unpunctuated, next lower-case)."""
    spans: list[list[int]] = []
    previous_wrapped = False
    for m in _LINE_RE.finditer(analysis_text):
        start, end = _strip(analysis_text, m.start(), m.end())
        if start == end:
            previous_wrapped = False
            if m.end() == len(analysis_text):
                break
            continue
        line = analysis_text[start:end]
        if previous_wrapped and spans and line[:1].islower():
            spans[-1][1] = end
        else:
            spans.append([start, end])
        previous_wrapped = len(line) >= 50 and line[-1] not in SENTENCE_END_MARKS
        if m.end() == len(analysis_text):
            break
    return [Block(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]
