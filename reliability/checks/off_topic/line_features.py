"""What a reader looks at to tell a page's own text from the story, one row of numbers per line (block).

The line's shape (length, punctuation, case, digits, whether it ends like a sentence), the lexicon's
families (as evidence, not the verdict), what the line says to the reader (you, us, a call to act), its
place in the article (runs of short lines at the top and bottom), its neighbours, how much it shares
with the rest of the story, and, with corpus statistics, how many articles of the batch repeat it.
The same code computes the features for fitting (evaluation/boilerplate) and at run time.
"""

from __future__ import annotations

import re
from math import log1p

from reliability.check import CorpusStats
from reliability.checks.off_topic.lexicon import FAMILIES, LISTICLE_TITLE
from reliability.document import Block, Document
from reliability.language.dates import MONTH_ABBREVIATIONS

_TERMINAL_RE = re.compile(r"[.!?][\"'”’)\]]*$")
_TIME_RE = re.compile(
    r"\b(?:\d{1,2}:\d{2}|\d+ (?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?) ago|yesterday|today|"
    rf"(?:{MONTH_ABBREVIATIONS})[a-z]*\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    rf"\d{{1,2}} (?:{MONTH_ABBREVIATIONS})[a-z]* \d{{4}}|"
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|"
    r"[ap]\.?m\.?\b|gmt|utc|[ecmp][sd]t|bst|cet|ist)\b",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(r"^(?:by|written by|posted by|words by|reporting by|from)\s+[A-Z]", re.IGNORECASE)
_URL_RE = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|html?)\b|@\w{2,}", re.IGNORECASE)
_SEPARATOR_RE = re.compile(r"[|•·»›«‹/>]|\s-\s|\s–\s")
_QUOTE_RE = re.compile(r"[\"“”]")
_DIGIT_RE = re.compile(r"\d")
_SYMBOL_RE = re.compile(r"[^\w\s]|_")
_CALLS_TO_ACT = frozenset(
    "share follow subscribe sign click read watch download get join log register see view load leave support donate "
    "listen tap print email comment post reply sponsored advertisement advertising continue discover explore shop buy "
    "more related recommended latest trending popular top back next previous skip menu search home".split()
)
_YOU = frozenset("you your you're yours yourself".split())
_WE = frozenset("we our us we're ours".split())
PROSE_MIN_WORDS = 12  # a line of this many words ending like a sentence is story prose

OWN = (
    "chars", "words", "terminal", "ends_colon", "ends_ellipsis", "starts_lower", "starts_digit", "starts_symbol",
    "title_case", "all_caps", "digits", "symbols", "separators", "sentences", "word_length", "url", "time",
    "byline", "you", "we", "quotes", "call_to_act", "listicle", "story_overlap", "title_overlap", "no_content_words", "chrome_words",
    *(f"family_{f.name}" for f in FAMILIES),
)
PLACE = ("position", "from_top", "from_bottom", "before_prose", "after_prose", "article_lines", "run")
NEIGHBOUR = ("words", "terminal", "prose", "family")
FEATURES = (
    *OWN, *PLACE,
    *(f"{side}_{name}" for side in ("prev", "next", "prev2", "next2") for name in NEIGHBOUR),
    "recurs",
)


_CHROME_WORDS = frozenset().union(*(f.words for f in FAMILIES))
LINE_PATTERN_MAX_WORDS = 40  # a family's whole-line patterns describe short lines: longer ones are not tried


def family_hits(text: str, words: set[str]) -> list[float]:
    """1 for each family whose pattern the line matches; only families with one of their words in it are tried."""
    hits = []
    short = len(words) <= LINE_PATTERN_MAX_WORDS
    for family in FAMILIES:
        found = not family.words.isdisjoint(words) and (
            (short and family.line is not None and family.line.match(text)) or (family.phrase is not None and family.phrase.search(text))
        )
        hits.append(1.0 if found else 0.0)
    return hits


def _own(document: Document, block: Block, counts: dict[str, int], sentences: int, title_words: frozenset[str], stop_words: frozenset[str]) -> list[float]:
    text = block.text.strip()
    indexes = document.words_between(block.start, block.end)
    words = [document.words[i].text for i in indexes]
    lower = [document.lower_words[i] for i in indexes]
    n = len(words) or 1
    chars = len(text) or 1
    short = len(words) <= LINE_PATTERN_MAX_WORDS  # the stamp, link and byline patterns are tried on short lines only
    alpha = [w for w in words if w[:1].isalpha()]
    content = [w for w in lower if len(w) > 3 and w not in stop_words and not w[0].isdigit()]
    lowered = set(lower)
    own_counts: dict[str, int] = {}
    for w in content:
        own_counts[w] = own_counts.get(w, 0) + 1
    shared = sum(1 for w in content if counts.get(w, 0) > own_counts[w])
    symbols = len(_SYMBOL_RE.findall(text))
    return [
        log1p(len(text)), log1p(len(words)),
        1.0 if _TERMINAL_RE.search(text) else 0.0, 1.0 if text.endswith(":") else 0.0,
        1.0 if text.endswith(("...", "…")) else 0.0,
        1.0 if text[:1].islower() else 0.0, 1.0 if text[:1].isdigit() else 0.0,
        1.0 if text[:1] and not text[:1].isalnum() and text[:1] not in "\"“‘'" else 0.0,
        sum(1 for w in alpha if w[0].isupper()) / (len(alpha) or 1),
        sum(1 for w in alpha if len(w) > 1 and w.isupper()) / (len(alpha) or 1),
        len(_DIGIT_RE.findall(text)) / chars, symbols / chars,
        log1p(len(_SEPARATOR_RE.findall(text))), log1p(sentences),
        sum(len(w) for w in words) / n,
        1.0 if short and _URL_RE.search(text) else 0.0, 1.0 if short and _TIME_RE.search(text) else 0.0,
        1.0 if short and _BYLINE_RE.match(text) else 0.0,
        len(_YOU.intersection(lower)) / n, len(_WE.intersection(lower)) / n,
        1.0 if _QUOTE_RE.search(text) else 0.0,
        1.0 if lower and lower[0] in _CALLS_TO_ACT else 0.0,
        1.0 if LISTICLE_TITLE.match(text) else 0.0,
        shared / len(content) if content else 0.0,
        sum(1 for w in content if w in title_words) / len(content) if content and title_words else 0.0,
        0.0 if content else 1.0,
        len(_CHROME_WORDS.intersection(lower)) / n,
        *family_hits(text, lowered),
    ]


def line_features(document: Document, corpus: CorpusStats | None = None) -> list[list[float]]:
    """One feature row per block of `document`, in FEATURES order."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    blocks = document.blocks
    if not blocks:
        return []
    counts: dict[str, int] = {}
    for word in document.lower_words:
        counts[word] = counts.get(word, 0) + 1
    title = document.article.title or ""
    title_words = frozenset(w.lower() for w in re.findall(r"\w{4,}", title))
    per_block = [0] * len(blocks)
    for sentence in document.sentences:
        per_block[sentence.block] += 1
    own = [_own(document, block, counts, per_block[block.index], title_words, ENGLISH_STOP_WORDS) for block in blocks]
    words_at, terminal_at = OWN.index("words"), OWN.index("terminal")
    family_at = OWN.index("chrome_words") + 1
    prose = [row[terminal_at] == 1.0 and row[words_at] >= log1p(PROSE_MIN_WORDS) for row in own]
    first = prose.index(True) if any(prose) else len(blocks)
    last = len(blocks) - 1 - prose[::-1].index(True) if any(prose) else -1
    runs = _runs(prose)
    size = len(blocks)
    rows = []
    for i, row in enumerate(own):
        place = [
            i / (size - 1) if size > 1 else 0.0, log1p(i), log1p(size - 1 - i),
            1.0 if i < first else 0.0, 1.0 if i > last else 0.0, log1p(size), log1p(runs[i]),
        ]
        near = []
        for j in (i - 1, i + 1, i - 2, i + 2):
            if 0 <= j < size:
                other = own[j]
                near += [other[words_at], other[terminal_at], 1.0 if prose[j] else 0.0, max(other[family_at:])]
            else:
                near += [0.0, 0.0, 0.0, 0.0]
        recurs = log1p(max(0, corpus.articles_sharing(document, i) - 1)) if corpus is not None else 0.0
        rows.append(row + place + near + [recurs])
    return rows


def _runs(prose: list[bool]) -> list[int]:
    """For each line, the length of the run of non-prose lines it sits in (0 for prose)."""
    runs = [0] * len(prose)
    i = 0
    while i < len(prose):
        if prose[i]:
            i += 1
            continue
        j = i
        while j < len(prose) and not prose[j]:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = j
    return runs
