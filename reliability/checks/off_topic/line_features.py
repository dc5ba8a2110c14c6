"""What a reader looks at to tell a page's own text from the story, one row of numbers per line (block).

The line's shape (length, punctuation, case, digits, whether it ends like a sentence), the lexicon's
families (as evidence, not the verdict), what the line says to the reader (you, us, a call to act), its
place in the article (runs of short lines at the top and bottom), its neighbours, and how much it shares
with the rest of the story. What the batch repeats is not a feature: find_boilerplate weighs one article,
and the batch speaks through its recurring-line rule.
The same code computes the features for fitting (evaluation/boilerplate) and at run time.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import count
from math import log1p
from operator import attrgetter
from typing import TYPE_CHECKING

import numpy as np

from reliability.checks.off_topic.lexicon import ANY_LINE, FAMILIES, LISTICLE_TITLE
from reliability.document import Block, Document
from reliability.language.dates import MONTH_ABBREVIATIONS
from reliability.language.pronouns import FIRST_PLURAL, REFLEXIVES, SECOND_SINGULAR
from reliability.language.stop_words import ENGLISH_STOP_WORDS

if TYPE_CHECKING:
    from collections.abc import Callable

_CLOSERS = "\"'”’)]"  # what may follow a sentence's end mark
_TIME_WORDS = r"yesterday|today|[ap]\.?m\.?\b|gmt|utc|[ecmp][sd]t|bst|cet|ist"  # the stamps without a digit
_TIME_RE = re.compile(  # each alternative starts with a digit or one of the letters looked ahead for
    r"\b(?=[\dabcdefgijmnopstuy])(?:\d{1,2}:\d{2}|\d+ (?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?) ago|"
    rf"(?:{MONTH_ABBREVIATIONS})[a-z]*\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    rf"\d{{1,2}} (?:{MONTH_ABBREVIATIONS})[a-z]* \d{{4}}|"
    rf"\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|{_TIME_WORDS})\b"
)  # tried on the lower-cased line: written in lower case, it runs twice as fast as with re.IGNORECASE
# all that a line without digits can match of _TIME_RE
_TIME_WORDS_RE = re.compile(rf"\b(?=[abcegimptuy])(?:{_TIME_WORDS})\b")
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
)


_CHROME_WORDS = frozenset().union(*(f.words for f in FAMILIES))
_WORD_FAMILIES = {word: sum(1 << i for i, f in enumerate(FAMILIES) if word in f.words) for word in _CHROME_WORDS}
LINE_PATTERN_MAX_WORDS = 40  # a family's whole-line patterns describe short lines: longer ones are not tried
LINE_PATTERN_MAX_CHARS = 300  # nor, when a family decides alone, lines longer than this


def family_matches(document: Document) -> tuple[np.ndarray, np.ndarray]:
    """Two (blocks x families) boolean arrays, computed once per document: the family features (a line holding
    one of the family's words whose phrase pattern it holds, or whose whole-line pattern covers it when it
    has at most LINE_PATTERN_MAX_WORDS distinct words), and where each family's whole-line pattern covers a line."""
    return document.memo("off_topic.family_matches", _family_matches)


def _line_spans(document: Document) -> list[range]:
    """The word indices of each block (memoized: the features and the family matches both read them)."""
    return document.memo(
        "off_topic.line_spans", lambda doc: [doc.words_between(block.start, block.end) for block in doc.blocks]
    )


def _family_matches(document: Document) -> tuple[np.ndarray, np.ndarray]:
    blocks, lower_words = document.blocks, document.lower_words
    features = np.zeros((len(blocks), len(FAMILIES)), dtype=bool)
    lines = np.zeros((len(blocks), len(FAMILIES)), dtype=bool)
    for b, (block, span) in enumerate(zip(blocks, _line_spans(document))):
        words = set(lower_words[span.start : span.stop])
        text = block.text
        short = len(words) <= LINE_PATTERN_MAX_WORDS
        if ANY_LINE.match(text) is not None:
            lines[b] = [family.matches_line(text) for family in FAMILIES]
        gates = 0
        for word in words & _CHROME_WORDS:
            gates |= _WORD_FAMILIES[word]
        if not gates:
            continue
        lower = text.lower()
        for i, family in enumerate(FAMILIES):
            if gates >> i & 1:
                features[b, i] = (short and lines[b, i]) or family.matches_phrase(text, lower)
    return features, lines


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
)
_SHAPE_AT = [OWN.index(name) for name in _SHAPE]


def _shape(text: str, lower: tuple[str, ...], sentences: int, separators: int, digits: int) -> list[float]:
    """The columns read off the line's text one line at a time (_SHAPE): its ends, its first character, the
    stamp, link and byline patterns. `separators` and `digits` are its counts of
    separator marks and digits (`_char_classes`)."""
    short = len(lower) <= LINE_PATTERN_MAX_WORDS  # the stamp, link and byline patterns are tried on short lines only
    if "-" in text or "–" in text:
        separators += len(_SPACED_DASH_RE.findall(text))
    url = time = byline = False
    if short:
        low = text.lower()
        url = any(mark in low for mark in _URL_MARKS) and _URL_RE.search(text) is not None
        time = (_TIME_RE if digits else _TIME_WORDS_RE).search(low) is not None
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
    ]


def _word_columns(document: Document, first: np.ndarray, stop: np.ndarray, chars: np.ndarray) -> np.ndarray:
    """The columns counted over the line's words and characters, for all lines at once (OWN minus _SHAPE, in
    OWN order): every word of the document classified once, then summed per line; a word type's share
    of the story is its count in the document against its count in the line."""
    lines = first.size
    lower = document.lower_words
    n = len(lower)
    tokens = np.fromiter(map(_TOKEN_CODES.__getitem__, map(attrgetter("text"), document.words)), np.int64, n)
    alpha, upper, caps, length = (tokens & 1) > 0, (tokens & 2) > 0, (tokens & 4) > 0, tokens >> 3
    if len(_TYPE_CODES) > _CODES_KEPT:
        _TYPE_CODES.clear()  # between documents: within one, a word keeps its code and number
    numbered = np.fromiter(map(_TYPE_CODES.__getitem__, lower), np.int64, n)
    numbers, ids, type_counts = np.unique(numbered, return_inverse=True, return_counts=True)
    type_codes = numbers & _TYPE_BITS
    content_type = (type_codes & 1) > 0
    title = np.array([_TYPE_CODES[w.lower()] for w in _TITLE_WORD_RE.findall(document.article.title or "")])
    index = np.arange(n)
    line_of = np.searchsorted(stop, index, side="right")  # the lines are in text order
    inside = line_of < lines
    inside[inside] = index[inside] >= first[line_of[inside]]
    line_of[~inside] = lines  # a word outside every line (there are none in practice) counts for none
    kinds = max(len(numbers), 1)
    pairs, inverse, in_line = np.unique(line_of * kinds + ids, return_inverse=True, return_counts=True)
    content = content_type[ids]
    shared = content & (type_counts[ids] > in_line[inverse])

    def distinct(bit: int) -> np.ndarray:
        """Per line, how many distinct word types with `bit` set it holds."""
        found = ((type_codes >> bit) & 1)[pairs % kinds]
        summed: np.ndarray = np.bincount(pairs // kinds, weights=found, minlength=lines + 1)[:lines]
        return summed

    # Lines are runs of consecutive words, so a sum over each line's words is a difference of running sums.
    in_title = np.isin(numbered, title)
    counted = np.column_stack([alpha, upper, caps, length, content, shared, content & in_title])
    running = np.zeros((n + 1, counted.shape[1]), dtype=np.int64)
    np.cumsum(counted, axis=0, out=running[1:])
    alphas, uppers, capitals, letters, contents, shares, titled = (running[stop] - running[first]).T.astype(np.float64)
    words = np.maximum(stop - first, 1).astype(np.float64)
    alphas = np.maximum(alphas, 1.0)
    some = np.maximum(contents, 1.0)
    size = np.maximum(np.array([b.end - b.start for b in document.blocks], dtype=np.float64), 1.0)
    return np.column_stack(
        [
            uppers / alphas,
            capitals / alphas,
            chars[:, 0] / size,
            chars[:, 1] / size,
            letters / words,
            distinct(_YOU_BIT) / words,
            distinct(_WE_BIT) / words,
            (chars[:, 3] > 0).astype(np.float64),
            np.where(contents > 0, shares / some, 0.0),
            np.where(contents > 0, titled / some, 0.0) if title.size else np.zeros(lines),
            (contents == 0).astype(np.float64),
            distinct(_CHROME_BIT) / words,
        ]
    )


_FAMILY_AT = [OWN.index(f"family_{f.name}") for f in FAMILIES]
_WORD_COLUMNS_AT = [i for i, name in enumerate(OWN) if name not in _SHAPE and not name.startswith("family_")]


class _Codes(dict[str, int]):
    """Bit codes of strings, each computed on first sight and kept: a feed's vocabulary repeats, so most
    words are classified once, not once per article. With `numbered`, each string also gets a number of its
    own above the code bits (a word's identity, compared and counted with numpy)."""

    def __init__(self, code: Callable[[str], int], numbered: bool = False) -> None:
        super().__init__()
        self._code = code
        self._numbers = count(1) if numbered else None

    def __missing__(self, key: str) -> int:
        value = self._code(key)
        if self._numbers is not None:
            value |= next(self._numbers) << _TYPE_BITS.bit_length()
        elif len(self) >= _CODES_KEPT:
            return value  # an unnumbered code is the same computed afresh
        self[key] = value
        return value


_CODES_KEPT = 500_000
_YOU_BIT, _WE_BIT, _CHROME_BIT = 1, 2, 3
_TYPE_BITS = 0b1111


def _token_code(text: str) -> int:
    """A word token as written: its length, then whether it is in capitals (two letters or more), starts with
    an upper-case letter, starts with a letter (bits 2, 1, 0)."""
    alpha = text[0].isalpha()
    return (
        len(text) << 3 | (alpha and len(text) > 1 and text.isupper()) << 2 | (alpha and text[0].isupper()) << 1 | alpha
    )


def _type_code(word: str) -> int:
    """A lower-cased word: bit 0 a content word (four letters or more, not a stop word, not a number), then
    whether it addresses the reader, speaks for the site, is one of the lexicon's chrome words."""
    content = len(word) > 3 and word not in ENGLISH_STOP_WORDS and not word[0].isdigit()
    return content | (word in _YOU) << _YOU_BIT | (word in _WE) << _WE_BIT | (word in _CHROME_WORDS) << _CHROME_BIT


_TOKEN_CODES, _TYPE_CODES = _Codes(_token_code), _Codes(_type_code, numbered=True)


def _char_code(char: str) -> int:
    """Bits 0-3: a digit (regex \\d), a symbol (regex [^\\w\\s]|_), a separator mark, a double quote."""
    return (
        char.isdecimal()
        | (char == "_" or not (char.isalnum() or char.isspace())) << 1
        | (char in _SEPARATORS) << 2
        | (char in _QUOTES) << 3
    )


_ASCII_CODES = np.array([_char_code(chr(c)) for c in range(128)] + [0], dtype=np.uint8)  # 128: not ASCII
_CODE_BITS = np.arange(4, dtype=np.uint8)


def _char_classes(text: str, blocks: tuple[Block, ...]) -> np.ndarray:
    """Per block, how many of its characters are digits, symbols, separator marks and double quotes:
    every character of the document classified at once, then summed between each block's ends."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = _ASCII_CODES[np.minimum(points, 128)]
    others = points >= 128
    if others.any():
        found, inverse = np.unique(points[others], return_inverse=True)
        codes[others] = np.array([_char_code(chr(c)) for c in found.tolist()], dtype=np.uint8)[inverse]
    running = np.zeros((points.size + 1, 4), dtype=np.int64)
    np.cumsum((codes[:, None] >> _CODE_BITS) & 1, axis=0, out=running[1:])
    starts = np.array([b.start for b in blocks])
    ends = np.array([b.end for b in blocks])
    counts: np.ndarray = running[ends] - running[starts]
    return counts


def line_features(document: Document) -> np.ndarray:
    """One feature row per block of `document`, in FEATURES order (an array of blocks x features)."""
    blocks = document.blocks
    size = len(blocks)
    if not size:
        return np.zeros((0, len(FEATURES)))
    lower_words = document.lower_words
    spans = _line_spans(document)
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
    own[:, _FAMILY_AT] = family_matches(document)[0]
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
    return np.hstack([own, place, *near])


def _runs(prose: np.ndarray) -> list[int]:
    """For each line, the length of the run of non-prose lines it sits in (0 for prose)."""
    runs = [0] * prose.size
    i, size, prose = 0, prose.size, prose.tolist()
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
