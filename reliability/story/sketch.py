"""What the story index keeps of each article: a compact sketch, never the text.

A sketch holds the article's salient terms (to group reports of one event), the stems of the names
it mentions and a Bloom filter of its content words (to tell which of another report's names and
words this one confirms), a MinHash of its word shingles (to spot syndicated copy), and its quotes
and counts reduced to hashes and offsets (to find cross-report conflicts and corroboration). With a
sentence encoder, also a 128-bit signature of each sentence's meaning vector (random hyperplanes:
the share of differing bits estimates the angle between two vectors), so a sentence of another
report can be compared with this report's sentences without their text. About 2.5 KB an article,
whatever its length (`Sketch.nbytes`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from hashlib import blake2b
from typing import TYPE_CHECKING

import numpy as np

from reliability.document import Document
from reliability.language.morphology import without_possessive

if TYPE_CHECKING:
    from reliability.semantic import SentenceEncoder

SALIENT_TERMS = 48  # terms kept to compare reports (names count double)
MAX_NAME_STEMS = 96
BLOOM_BITS = 4096  # 512 bytes: about 1% false "confirmed" at 300 distinct words, 5% at 600
BLOOM_HASHES = 3
MINHASH_PERMUTATIONS = 32
SHINGLE = 5  # words per shingle: a near-copy shares most 5-word runs, independent reports almost none
MAX_STATEMENTS = 16
STATEMENT_WORDS = 12  # content stems kept per reported statement
QUOTE_WORDS = 24  # word stems kept per quote
MAX_COUNTS = 12
QUOTE_RUN = 5  # "hostile actions" is a phrase anyone may use; "the first step in the right direction" is a quote
_MERSENNE = (1 << 61) - 1
SIGNATURE_BITS = 128  # per sentence: the cosine estimated within about 0.1 where it matters (0.4 to 0.8)
MAX_SIGNATURES = 40  # sentences signed per article; a sibling's first forty carry what it reports


def stable_hash(text: str) -> int:
    """A 32-bit hash that is the same in every process (Python's `hash` is salted per process)."""
    return int.from_bytes(blake2b(text.encode("utf-8", "surrogatepass"), digest_size=4).digest(), "little")


@dataclass(frozen=True, slots=True)
class StatementSketch:
    """A statement tied to a named or titled source: its words (hashed stems), its speaker, where it is."""

    direct: bool  # a quote in the speaker's own words; else reported speech
    words: frozenset[int]  # a quote's runs of five words (its identity), hashed; content stems otherwise
    person: tuple[str, ...]  # the speaker's name words, lower-cased, when a person is named
    body: tuple[str, ...]  # the speaker's name words when a body is named ("un", "assistance", "mission", ...)
    role: frozenset[str]  # the speaker's title words ("defense", "minister"), when one is given
    shown: str  # the speaker as written, for messages
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CountSketch:
    """A count ("at least 34 dead"): what it counts, its interval and where it is."""

    thing: int  # hash of what is counted (outcome or head noun, and its modifiers)
    low: float
    high: float
    exact: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sketch:
    """Everything the story index keeps of one article."""

    article: str
    terms: np.ndarray  # uint32 hashes of the salient stems
    weights: np.ndarray  # float16 counts of those stems
    names: np.ndarray  # sorted uint32 hashes of name stems
    words: np.ndarray  # uint8 Bloom filter of all content stems
    minhash: np.ndarray  # uint32 MinHash of word shingles
    length: int  # characters of the text, for a related span over the whole of it
    statements: tuple[StatementSketch, ...]
    counts: tuple[CountSketch, ...]
    signatures: np.ndarray  # uint8 (sentences, SIGNATURE_BITS / 8): meaning signatures; no rows without an encoder
    signed_spans: np.ndarray  # uint32 (sentences, 2): where each signed sentence starts and ends

    def knows_name(self, stem_hash: int) -> bool:
        i = int(np.searchsorted(self.names, stem_hash))
        return i < len(self.names) and int(self.names[i]) == stem_hash

    def knows_word(self, stem_hash: int) -> bool:
        return all(self.words[b >> 3] & (1 << (b & 7)) for b in _bloom_bits(stem_hash))

    @property
    def nbytes(self) -> int:
        """The payload size in bytes (arrays, and the strings and numbers of quotes and counts)."""
        arrays = (
            self.terms.nbytes
            + self.weights.nbytes
            + self.names.nbytes
            + self.words.nbytes
            + self.minhash.nbytes
            + self.signatures.nbytes
            + self.signed_spans.nbytes
        )
        statements = sum(
            4 * len(q.words) + 9 + len(q.shown) + sum(map(len, (*q.role, *q.person, *q.body))) for q in self.statements
        )
        return arrays + statements + 24 * len(self.counts) + len(self.article) + 4

    def resemblance(self, other: Sketch) -> float:
        """Estimated Jaccard similarity of the two texts' word shingles (1.0: the same text)."""
        if not len(self.minhash) or not len(other.minhash):
            return 0.0
        return float(np.mean(self.minhash == other.minhash))


def empty_sketch(document: Document) -> Sketch:
    """A sketch with nothing in it: the article joins no story and confirms nothing."""
    none = np.zeros(0, dtype=np.uint32)
    return Sketch(
        document.article.id,
        none,
        np.zeros(0, dtype=np.float16),
        none,
        np.zeros(BLOOM_BITS // 8, dtype=np.uint8),
        none,
        len(document.text),
        (),
        (),
        _no_signatures(),
        np.zeros((0, 2), dtype=np.uint32),
    )


def _no_signatures() -> np.ndarray:
    return np.zeros((0, SIGNATURE_BITS // 8), dtype=np.uint8)


@cache
def _hyperplanes(dimensions: int) -> np.ndarray:
    rng = np.random.default_rng(20261207)  # fixed: signatures from any run compare
    planes: np.ndarray = rng.standard_normal((dimensions, SIGNATURE_BITS)).astype(np.float32)
    return planes


def signatures(vectors: np.ndarray) -> np.ndarray:
    """The meaning signatures of unit-length sentence vectors, one packed row of bits each."""
    if not len(vectors):
        return _no_signatures()
    packed: np.ndarray = np.packbits(vectors @ _hyperplanes(vectors.shape[1]) > 0, axis=1)
    return packed


def signature_cosines(own: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Estimated cosine similarity of each row of `own` to each row of `others` (own x others)."""
    if not len(own) or not len(others):
        return np.zeros((len(own), len(others)), dtype=np.float32)
    differing = np.unpackbits(own[:, None, :] ^ others[None, :, :], axis=2).sum(axis=2)
    cosines: np.ndarray = np.cos(np.pi * differing / SIGNATURE_BITS).astype(np.float32)
    return cosines


def signed_sentences(document: Document) -> list[int]:
    """The sentences a sketch signs: those off_topic can judge (enough content words), each text once."""
    from reliability.checks.off_topic.unrelated import MIN_CONTENT_WORDS, content_stems

    seen: set[tuple[str, ...]] = set()
    chosen = []
    for sentence, terms in zip(document.sentences, document.sentence_terms, strict=True):
        if terms not in seen and len(content_stems(terms)) >= MIN_CONTENT_WORDS:
            chosen.append(sentence.index)
            if len(chosen) == MAX_SIGNATURES:
                break
        seen.add(terms)
    return chosen


def _bloom_bits(value: int) -> tuple[int, ...]:
    h1, h2 = value & 0xFFFF, (value >> 16) | 1
    return tuple((h1 + i * h2) % BLOOM_BITS for i in range(BLOOM_HASHES))


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20261206)  # fixed: sketches from any run compare
    return (
        rng.integers(1, _MERSENNE, MINHASH_PERMUTATIONS, dtype=np.uint64),
        rng.integers(0, _MERSENNE, MINHASH_PERMUTATIONS, dtype=np.uint64),
    )


def _minhash(words: tuple[str, ...]) -> np.ndarray:
    shingles = {stable_hash(" ".join(words[i : i + SHINGLE])) for i in range(max(0, len(words) - SHINGLE + 1))}
    if not shingles:
        return np.zeros(0, dtype=np.uint32)
    a, b = _permutations()
    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    # (a*x + b) mod p in 64-bit arithmetic: x < 2^32 and a < 2^61 would overflow, so fold a to 32 bits
    hashed = ((values[None, :] * (a[:, None] & 0xFFFFFFFF) + b[:, None]) % _MERSENNE) & 0xFFFFFFFF
    minimum: np.ndarray = hashed.min(axis=1).astype(np.uint32)
    return minimum


def build_sketch(document: Document, encoder: SentenceEncoder | None = None) -> Sketch:
    """The sketch of one analysed article; with an `encoder`, its sentences' meaning signatures too (the
    vectors stay cached in the Document, so the checks that read them later do not encode again)."""
    from reliability.checks.off_topic.unrelated import content_stems, name_stems

    words = document.lower_words
    content = content_stems(words)
    names = name_stems(document)
    name_set = {s for found in names.values() for _, stems in found for s in stems}
    counts = Counter(content)
    for s in sorted(name_set):  # sorted: the salient terms tied in count come out the same run to run
        counts[s] += counts[s] or 1  # a name says more about which event this is than a common word
    salient = counts.most_common(SALIENT_TERMS)
    bloom = np.zeros(BLOOM_BITS // 8, dtype=np.uint8)
    for s in set(content) | name_set:
        for b in _bloom_bits(stable_hash(s)):
            bloom[b >> 3] |= 1 << (b & 7)
    name_hashes = sorted({stable_hash(s) for s in name_set})[:MAX_NAME_STEMS]
    signed = signed_sentences(document) if encoder is not None else []
    return Sketch(
        article=document.article.id,
        terms=np.array([stable_hash(t) for t, _ in salient], dtype=np.uint32),
        weights=np.array([n for _, n in salient], dtype=np.float16),
        names=np.array(name_hashes, dtype=np.uint32),
        words=bloom,
        minhash=_minhash(words),
        length=len(document.text),
        statements=_statements(document),
        counts=_counts(document),
        signatures=signatures(document.sentence_vectors(encoder, signed)) if encoder is not None else _no_signatures(),
        signed_spans=np.array(
            [(document.sentences[i].start, document.sentences[i].end) for i in signed], dtype=np.uint32
        ).reshape(-1, 2),
    )


def _statements(document: Document) -> tuple[StatementSketch, ...]:
    """Statements with a named or titled source, from the attribution check's own analysis (the same
    statements and speakers it reports); direct quotes first, as they carry the conflicts."""
    from reliability.checks.attribution.resolve import resolve
    from reliability.checks.attribution.statements import find_statements
    from reliability.checks.off_topic.unrelated import content_stems

    statements, _ = find_statements(document)
    found: list[StatementSketch] = []
    seen: set[str] = set()  # a statement printed twice (an article doubled) counts once
    for statement, resolved in zip(statements, resolve(document, statements)):
        source = resolved.source
        said = document.text[statement.start : statement.end]
        if source is None or source.kind not in ("named", "role") or f"{source.text}|{said}" in seen:
            continue
        seen.add(f"{source.text}|{said}")
        direct = statement.kind == "direct"
        if direct:
            words = quote_stems(said)
        else:
            words = frozenset(
                stable_hash(s) for s in content_stems(tuple(_WORD.findall(said.lower())))[:STATEMENT_WORDS]
            )
        if not words:
            continue
        name = tuple(w.lower() for w in without_possessive(source.text).split()) if source.kind == "named" else ()
        person, body = (name, ()) if source.person else ((), name)
        role = title_words(source.role) if source.role else frozenset()
        shown = f"{source.role} {source.text}" if source.person and source.role else source.text
        found.append(
            StatementSketch(
                direct, words, person, body, role, " ".join(shown.split())[:80], statement.start, statement.end
            )
        )
    found.sort(key=lambda s: not s.direct)
    return tuple(found[:MAX_STATEMENTS])


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def quote_stems(text: str) -> frozenset[int]:
    """A quote's runs of five words (stems), hashed: two outlets quoting the same words share a run, while
    two quotes on one subject ("terrorism from Afghanistan on Pakistan's soil", "terrorism against Pakistan
    emanating from Afghanistan") share words but no run."""
    from reliability.language.morphology import stem

    kept = [stem(w.lower()) for w in _WORD.findall(text)][:QUOTE_WORDS]
    return frozenset(stable_hash(" ".join(kept[i : i + QUOTE_RUN])) for i in range(len(kept) - QUOTE_RUN + 1))


def title_words(title: str) -> frozenset[str]:
    """A title's distinctive words ("Pakistan's Defense Minister" -> defense, minister, pakistan), as the
    contradiction check normalises titles, so one report's title can be held against another's."""
    from reliability.checks.contradiction.roles import normal_title

    return normal_title(title)


def _counts(document: Document) -> tuple[CountSketch, ...]:
    from reliability.checks.contradiction.quantities import counts

    found: list[CountSketch] = []
    for count in counts(document):
        if count.start and document.text[count.start - 1] in ".,0123456789":
            continue  # the tail of a number read as a count ("6.1 earthquake" as "1 earthquake")
        if len(found) == MAX_COUNTS:
            break
        thing = f"{count.outcome or ''}|{count.head}|{' '.join(sorted(count.modifiers))}"
        found.append(CountSketch(stable_hash(thing), count.low, count.high, count.exact, count.start, count.end))
    return tuple(found)
