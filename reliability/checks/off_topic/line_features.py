"""What a reader looks at to tell a page's own text from the story, one row of numbers per line (block).

The line's shape (length, punctuation, case, digits, whether it ends like a sentence), the lexicon's
families (as evidence, not the verdict), what the line says to the reader (you, us, a call to act), its
place in the article (runs of short lines at the top and bottom), its neighbours, how much it shares
with the rest of the story, and, with corpus statistics, how many articles of the batch repeat it.
The same code computes the features for fitting (evaluation/boilerplate) and at run time.
"""

from __future__ import annotations

import re
from collections import Counter
from math import log1p
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

import numpy as np

from reliability.check import CorpusStats
from reliability.checks.off_topic.lexicon import FAMILIES, LISTICLE_TITLE
from reliability.document import Block, Document
from reliability.language.dates import MONTH_ABBREVIATIONS
from reliability.language.pronouns import FIRST_PLURAL, REFLEXIVES, SECOND_SINGULAR
from reliability.language.stop_words import ENGLISH_STOP_WORDS

if TYPE_CHECKING:
    from collections.abc import Callable

_CLOSERS = "\"'”’)]"  # what may follow a sentence's end mark
_TIME_WORDS = r"yesterday|today|[ap]\.?m\.?\b|gmt|utc|[ecmp][sd]t|bst|cet|ist"  # the stamps without a digit
_TIME_RE = re.compile(
    r"\b(?:\d{1,2}:\d{2}|\d+ (?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?) ago|"
    rf"(?:{MONTH_ABBREVIATIONS})[a-z]*\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    rf"\d{{1,2}} (?:{MONTH_ABBREVIATIONS})[a-z]* \d{{4}}|"
    rf"\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|{_TIME_WORDS})\b",
    re.IGNORECASE,
)
_TIME_WORDS_RE = re.compile(rf"\b(?:{_TIME_WORDS})\b", re.IGNORECASE)  # all a line without digits can match of _TIME_RE
_BYLINE_RE = re.compile(r"^(?:by|written by|posted by|words by|reporting by|from)\s+[A-Z]", re.IGNORECASE)
_URL_RE = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|html?)\b|@\w{2,}", re.IGNORECASE)
_URL_MARKS = (
    "http",
    "www.",
    ".com",
    ".org",
    ".net",
    ".co.uk",
    ".htm",
    "@",
)  # one of them is in every line _URL_RE matches
_SEPARATORS = "|•·»›«‹/>"  # and a dash between spaces
_SPACED_DASH_RE = re.compile(r"\s[-–]\s")
_QUOTES = "\"“”"
_TITLE_WORD_RE = re.compile(r"\w{4,}")
_CALLS_TO_ACT = frozenset(
    "share follow subscribe sign click read watch download get join log register see view load leave support donate "
    "listen tap print email comment post reply sponsored advertisement advertising continue discover explore shop buy "
    "more related recommended latest trending popular top back next previous skip menu search home".split()
)
_YOU = SECOND_SINGULAR  # the line addresses the reader ("Sign up for your newsletter")
_WE = FIRST_PLURAL - REFLEXIVES  # the site speaks for itself ("We use cookies")
PROSE_MIN_WORDS = 12  # a line of this many words ending like a sentence is story prose

OWN = (
    "chars",
    "words",
    "terminal",
    "ends_colon",
    "ends_ellipsis",
    "starts_lower",
    "starts_digit",
    "starts_symbol",
    "title_case",
    "all_caps",
    "digits",
    "symbols",
    "separators",
    "sentences",
    "word_length",
    "url",
    "time",
    "byline",
    "you",
    "we",
    "quotes",
    "call_to_act",
    "listicle",
    "story_overlap",
    "title_overlap",
    "no_content_words",
    "chrome_words",
    *(f"family_{f.name}" for f in FAMILIES),
)
PLACE = ("position", "from_top", "from_bottom", "before_prose", "after_prose", "article_lines", "run")
NEIGHBOUR = ("words", "terminal", "prose", "family")
FEATURES = (
    *OWN,
    *PLACE,
    *(f"{side}_{name}" for side in ("prev", "next", "prev2", "next2") for name in NEIGHBOUR),
    "recurs",
)


_CHROME_WORDS = frozenset().union(*(f.words for f in FAMILIES))
LINE_PATTERN_MAX_WORDS = 40  # a family's whole-line patterns describe short lines: longer ones are not tried


def family_hits(text: str, lower: str, words: set[str]) -> list[float]:
    """1 for each family whose pattern the line matches (`lower` is text.lower()); only families with one of
    their words in the line are tried."""
    short = len(words) <= LINE_PATTERN_MAX_WORDS
    return [
        1.0
        if not family.words.isdisjoint(words)
        and ((short and family.matches_line(text)) or family.matches_phrase(text, lower))
        else 0.0
        for family in FAMILIES
    ]


_SHAPE = (
    "chars",
    "words",
    "terminal",
    "ends_colon",
    "ends_ellipsis",
    "starts_lower",
    "starts_digit",
    "starts_symbol",
    "separators",
    "sentences",
    "url",
    "time",
    "byline",
    "call_to_act",
    "listicle",
    *(f"family_{f.name}" for f in FAMILIES),
)
_SHAPE_AT = [OWN.index(name) for name in _SHAPE]


def _shape(text: str, lower: tuple[str, ...], sentences: int, separators: int, digits: int) -> list[float]:
    """The columns read off the line's text one line at a time (_SHAPE): its ends, its first character, the
    stamp, link and byline patterns, the lexicon families. `separators` and `digits` are its counts of
    separator marks and digits (`_char_classes`)."""
    short = len(lower) <= LINE_PATTERN_MAX_WORDS  # the stamp, link and byline patterns are tried on short lines only
    if "-" in text or "–" in text:
        separators += len(_SPACED_DASH_RE.findall(text))
    low = text.lower()
    url = time = byline = False
    if short:
        url = any(mark in low for mark in _URL_MARKS) and _URL_RE.search(text) is not None
        time = (_TIME_RE if digits else _TIME_WORDS_RE).search(text) is not None
        byline = _BYLINE_RE.match(text) is not None
    first = text[:1]
    return [
        log1p(len(text)),
        log1p(len(lower)),
        1.0 if text.rstrip(_CLOSERS)[-1:] in (".", "!", "?") else 0.0,
        1.0 if text.endswith(":") else 0.0,
        1.0 if text.endswith(("...", "…")) else 0.0,
        1.0 if first.islower() else 0.0,
        1.0 if first.isdigit() else 0.0,
        1.0 if first and not first.isalnum() and first not in "\"“‘'" else 0.0,
        log1p(separators),
        log1p(sentences),
        float(url),
        float(time),
        float(byline),
        1.0 if lower and lower[0] in _CALLS_TO_ACT else 0.0,
        1.0 if LISTICLE_TITLE.match(text) else 0.0,
        *family_hits(text, low, set(lower)),
    ]


def _word_columns(document: Document, first: np.ndarray, stop: np.ndarray, chars: np.ndarray) -> np.ndarray:
    """The columns counted over the line's words and characters, for all lines at once (OWN minus _SHAPE, in
    OWN order): every word of the document classified once, then summed per line; a word type's share
    of the story is its count in the document against its count in the line."""
    lines = first.size
    lower = document.lower_words
    n = len(lower)
    texts = list(map(attrgetter("text"), document.words))
    initials = "".join(map(itemgetter(0), texts))
    alpha = np.fromiter(map(str.isalpha, initials), bool, n)
    upper = np.fromiter(map(str.isupper, initials), bool, n) & alpha
    length = np.fromiter(map(len, texts), np.int64, n)
    caps = np.fromiter(map(str.isupper, texts), bool, n) & alpha & (length > 1)
    counts = Counter(lower)
    types = list(counts)
    ids = np.fromiter(map(dict(zip(types, range(len(types)))).__getitem__, lower), np.int64, n)

    def of_types(test: Callable[[str], bool]) -> np.ndarray:
        return np.fromiter(map(test, types), bool, len(types))

    content_type = (
        (np.fromiter(map(len, types), np.int64, len(types)) > 3)
        & ~of_types(ENGLISH_STOP_WORDS.__contains__)
        & ~of_types(_starts_with_digit)
    )
    title = frozenset(w.lower() for w in _TITLE_WORD_RE.findall(document.article.title or ""))
    index = np.arange(n)
    line_of = np.searchsorted(stop, index, side="right")  # the lines are in text order
    inside = line_of < lines
    inside[inside] = index[inside] >= first[line_of[inside]]
    line_of[~inside] = lines  # a word outside every line (there are none in practice) counts for none
    kinds = max(len(types), 1)
    pairs, inverse, in_line = np.unique(line_of * kinds + ids, return_inverse=True, return_counts=True)
    content = content_type[ids]
    shared = content & (np.fromiter(counts.values(), np.int64, len(types))[ids] > in_line[inverse])

    def per_line(values: np.ndarray, where: np.ndarray = line_of) -> np.ndarray:
        summed: np.ndarray = np.bincount(where, weights=values, minlength=lines + 1)[:lines]
        return summed

    def distinct(words: frozenset[str]) -> np.ndarray:
        return per_line(of_types(words.__contains__)[pairs % kinds], pairs // kinds)

    words = np.maximum(stop - first, 1).astype(np.float64)
    alphas = np.maximum(per_line(alpha), 1.0)
    contents = per_line(content)
    some = np.maximum(contents, 1.0)
    size = np.maximum(np.array([b.end - b.start for b in document.blocks], dtype=np.float64), 1.0)
    return np.column_stack(
        [
            per_line(upper) / alphas,
            per_line(caps) / alphas,
            chars[:, 0] / size,
            chars[:, 1] / size,
            per_line(length) / words,
            distinct(_YOU) / words,
            distinct(_WE) / words,
            (chars[:, 3] > 0).astype(np.float64),
            np.where(contents > 0, per_line(shared) / some, 0.0),
            np.where(contents > 0, per_line(content & of_types(title.__contains__)[ids]) / some, 0.0)
            if title
            else np.zeros(lines),
            (contents == 0).astype(np.float64),
            distinct(_CHROME_WORDS) / words,
        ]
    )


_WORD_COLUMNS_AT = [i for i, name in enumerate(OWN) if name not in _SHAPE]


def _starts_with_digit(word: str) -> bool:
    return word[0].isdigit()


def _char_class(char: str) -> tuple[bool, bool, bool, bool]:
    """Digit (regex \\d), symbol (regex [^\\w\\s]|_), separator mark, double quote."""
    return (
        char.isdecimal(),
        char == "_" or not (char.isalnum() or char.isspace()),
        char in _SEPARATORS,
        char in _QUOTES,
    )


_ASCII_CLASSES = np.array([_char_class(chr(c)) for c in range(128)], dtype=np.int64)


def _char_classes(text: str, blocks: tuple[Block, ...]) -> np.ndarray:
    """Per block, how many of its characters are digits, symbols, separator marks and double quotes:
    every character of the document classified at once, then summed between each block's ends."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = np.empty((points.size, 4), dtype=np.int64)
    ascii_chars = points < 128
    classes[ascii_chars] = _ASCII_CLASSES[points[ascii_chars]]
    if not ascii_chars.all():
        others, inverse = np.unique(points[~ascii_chars], return_inverse=True)
        classes[~ascii_chars] = np.array([_char_class(chr(c)) for c in others.tolist()], dtype=np.int64)[inverse]
    running = np.zeros((points.size + 1, 4), dtype=np.int64)
    np.cumsum(classes, axis=0, out=running[1:])
    starts = np.array([b.start for b in blocks])
    ends = np.array([b.end for b in blocks])
    counts: np.ndarray = running[ends] - running[starts]
    return counts


def line_features(document: Document, corpus: CorpusStats | None = None) -> np.ndarray:
    """One feature row per block of `document`, in FEATURES order (an array of blocks x features)."""
    blocks = document.blocks
    size = len(blocks)
    if not size:
        return np.zeros((0, len(FEATURES)))
    lower_words = document.lower_words
    spans = [document.words_between(block.start, block.end) for block in blocks]
    first = np.array([span.start for span in spans], dtype=np.int64)
    stop = np.array([span.stop for span in spans], dtype=np.int64)
    per_block = Counter(s.block for s in document.sentences)
    chars = _char_classes(document.text, blocks)
    own = np.empty((size, len(OWN)))
    own[:, _SHAPE_AT] = [
        _shape(block.text, lower_words[span.start : span.stop], per_block[block.index], separators, digits)
        for block, span, digits, separators in zip(blocks, spans, chars[:, 0].tolist(), chars[:, 2].tolist())
    ]
    own[:, _WORD_COLUMNS_AT] = _word_columns(document, first, stop, chars)
    words, terminal = own[:, OWN.index("words")], own[:, OWN.index("terminal")]
    family = own[:, OWN.index("chrome_words") + 1 :].max(axis=1)
    prose = (terminal == 1.0) & (words >= log1p(PROSE_MIN_WORDS))
    index = np.arange(size, dtype=np.float64)
    first_prose = float(np.argmax(prose)) if prose.any() else float(size)
    last_prose = float(size - 1 - np.argmax(prose[::-1])) if prose.any() else -1.0
    counted = [
        log1p(i) for i in range(size)
    ]  # math.log1p: numpy's may differ in the last bit, and a tree threshold can sit there
    place = np.column_stack(
        [
            index / (size - 1) if size > 1 else np.zeros(size),
            counted,
            counted[::-1],
            (index < first_prose).astype(np.float64),
            (index > last_prose).astype(np.float64),
            np.full(size, log1p(size)),
            [counted[r] if r < size else log1p(r) for r in _runs(prose)],
        ]
    )
    neighbour = np.column_stack([words, terminal, prose.astype(np.float64), family])
    near = []
    for offset in (-1, 1, -2, 2):
        shifted = np.zeros((size, len(NEIGHBOUR)))
        if offset < 0:
            shifted[-offset:] = neighbour[: size + offset]
        else:
            shifted[: size - offset] = neighbour[offset:]
        near.append(shifted)
    recurs = np.zeros((size, 1))
    if corpus is not None:
        recurs[:, 0] = [log1p(max(0, corpus.articles_sharing(document, i) - 1)) for i in range(size)]
    return np.hstack([own, place, *near, recurs])


def _runs(prose: np.ndarray) -> list[int]:
    """For each line, the length of the run of non-prose lines it sits in (0 for prose)."""
    runs = [0] * prose.size
    i, size = 0, prose.size
    while i < size:
        if prose[i]:
            i += 1
            continue
        j = i
        while j < size and not prose[j]:
            j += 1
        runs[i:j] = [j - i] * (j - i)
        i = j
    return runs
