"""Sentences about another story: nothing in them connects to the rest of the article.

For each sentence, leave-one-out against the rest of the article: its TF-IDF cosine similarity to
the other sentences, the share of its content words that occur nowhere else, and the names and
numbers that occur nowhere else. A sentence is unrelated only when it is both dissimilar and
brings in names of its own: a general remark ("Security issues are at the center of recurring
bilateral tensions.") has no foreign names and stays; so does a short quote.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from reliability.check import CorpusStats
from reliability.document import Document, Sentence

MIN_SENTENCES = 6  # below this there is no "rest of the article" to compare with
MIN_CONTENT_WORDS = 5
STEM = 5  # "Israel"/"Israeli", "protest"/"protesters" share a stem
ISOLATED = 0.05  # cosine similarity at or below which a sentence shares nothing with its surroundings
OWN_WORDS = 0.7  # share of a sentence's content words found nowhere else
MIN_SENTENCES_FOR_WARNING = 12  # in a short piece every sentence brings something new
LEAD_SHARE = 0.15  # the first sentences of a story introduce its people and places
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
NUMBER = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True, slots=True)
class Suspect:
    sentence: Sentence
    similarity: float  # to the rest of the article
    novel_share: float  # of its content words, occurring nowhere else
    novel_names: tuple[str, ...]
    novel_numbers: tuple[str, ...]
    neighbour_similarity: float | None  # best similarity to the sentences around it; None when not needed


def _stems(terms: tuple[str, ...], stop_words: frozenset[str]) -> list[str]:
    return [t.replace("’s", "").replace("'s", "")[:STEM] for t in terms if len(t) > 2 and t not in stop_words and not t[0].isdigit()]


def analyse(document: Document, skip: set[int], corpus: CorpusStats | None) -> list[Suspect]:
    """Per-sentence evidence for every sentence that can be judged (long enough, not skipped)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    stop_words = ENGLISH_STOP_WORDS | CALENDAR
    sentences = document.sentences
    stems = [_stems(terms, stop_words) for terms in document.sentence_terms]
    judged = [s for s in sentences if len(stems[s.index]) >= MIN_CONTENT_WORDS and s.index not in skip]
    if len(judged) < MIN_SENTENCES:
        return []
    sentence_frequency = Counter(stem for words in stems for stem in set(words))
    total = len(sentences)

    def idf(stem: str) -> float:
        return math.log((1 + total) / (1 + sentence_frequency[stem])) + 1

    vectors = [{stem: count * idf(stem) for stem, count in Counter(words).items()} for words in stems]
    whole: Counter[str] = Counter()
    for vector in vectors:
        whole.update(vector)
    whole_norm2 = sum(w * w for w in whole.values())
    name_stems = _name_stems(document, stop_words)
    number_counts = Counter(n for s in sentences for n in set(NUMBER.findall(s.text)))

    suspects = []
    for sentence in judged:
        vector = vectors[sentence.index]
        similarity = _leave_one_out_cosine(vector, whole, whole_norm2)
        own = stems[sentence.index]
        novel_share = sum(1 for stem in own if sentence_frequency[stem] == 1) / len(own)
        novel_names = tuple(
            name for name, name_stem_set in name_stems.get(sentence.index, ())
            if all(sentence_frequency[stem] == 1 for stem in name_stem_set)
        )
        novel_numbers = tuple(sorted(n for n in set(NUMBER.findall(sentence.text)) if number_counts[n] == 1))
        neighbour_similarity = None
        if similarity <= ISOLATED and novel_share >= OWN_WORDS:  # only a candidate for a warning needs it
            before, after = _neighbour(vectors, stems, sentence.index, -1), _neighbour(vectors, stems, sentence.index, 1)
            neighbour_similarity = max(_cosine(vector, before), _cosine(vector, after))
        suspects.append(Suspect(sentence, similarity, novel_share, novel_names, novel_numbers, neighbour_similarity))
    return suspects


def _name_stems(document: Document, stop_words: frozenset[str]) -> dict[int, list[tuple[str, set[str]]]]:
    """Names per sentence index, each with the stems of its words (common words left out)."""
    found: dict[int, list[tuple[str, set[str]]]] = {}
    for name in document.names:
        sentence = document.sentence_at(name.start)
        if sentence is None or (name.start == sentence.start and " " not in name.text.strip()):
            continue  # one capitalised word opening a sentence ("Temporary", "Though") is not a name
        words = [w.lower().replace("’s", "").replace("'s", "") for w in re.findall(r"[^\W\d_][\w'’.-]*", name.text)]
        stems = {w[:STEM] for w in words if len(w) > 2 and w not in stop_words}
        if stems:
            found.setdefault(sentence.index, []).append((name.text, stems))
    return found


def _neighbour(vectors: list[dict[str, float]], stems: list[list[str]], index: int, step: int) -> dict[str, float]:
    """The nearest sentence before or after with content words, merged with the next one out: a short
    sentence alone says little about the topic of its surroundings."""
    merged: Counter[str] = Counter()
    found = 0
    j = index + step
    while 0 <= j < len(vectors) and found < 2:
        if len(stems[j]) >= 3:
            merged.update(vectors[j])
            found += 1
        j += step
    return dict(merged)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(weight * b.get(stem, 0.0) for stem, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def _leave_one_out_cosine(vector: dict[str, float], whole: Counter, whole_norm2: float) -> float:
    """cos(v, W - v) from v and W alone: O(len(v)), so the pass stays linear in the article's length."""
    own2 = sum(w * w for w in vector.values())
    dot_whole = sum(w * whole[stem] for stem, w in vector.items())
    dot_rest = dot_whole - own2
    rest2 = whole_norm2 - 2 * dot_whole + own2
    if own2 <= 0 or rest2 <= 1e-12:
        return 0.0
    return max(0.0, dot_rest / math.sqrt(own2 * rest2))


def find_unrelated(document: Document, skip: set[int], corpus: CorpusStats | None) -> list[tuple[Suspect, str, str]]:
    """Sentences judged unrelated, each with a severity and a message saying why."""
    found = []
    lead_end = len(document.sentences) * LEAD_SHARE
    suspects = analyse(document, skip, corpus)
    enough_context = len(suspects) >= MIN_SENTENCES_FOR_WARNING
    for suspect in suspects:
        severity = judge(suspect, in_lead=suspect.sentence.index < lead_end)
        if severity == "warning" and not enough_context:
            severity = "info"
        if severity:
            found.append((suspect, severity, _message(suspect)))
    return found


def judge(suspect: Suspect, in_lead: bool) -> str | None:
    """warning on strong evidence only; info when the sentence merely looks loose.

    Word overlap cannot tell a spliced sentence from one that brings in a new fact (measured: on the
    project's set, the spliced sentence is the article's most isolated one only a third of the time),
    so a warning needs two or more names found nowhere else in a sentence that shares almost nothing
    with the article or its neighbours, outside the lead, where a story introduces its cast.
    """
    novel_evidence = len(suspect.novel_names) + min(1, len(suspect.novel_numbers))
    isolated = suspect.neighbour_similarity is not None and suspect.neighbour_similarity <= ISOLATED
    if isolated and len(suspect.novel_names) >= 2 and not in_lead:
        return "warning"
    if suspect.similarity <= 0.03 and suspect.novel_share >= 0.75 and novel_evidence >= 1:
        return "info"
    return None


def _message(suspect: Suspect) -> str:
    novel = [*suspect.novel_names, *suspect.novel_numbers]
    mentions = ", ".join(novel[:4])
    return (
        f"Seems to be about another story: it mentions {mentions}, found nowhere else in the article, and "
        f"{suspect.novel_share:.0%} of its words are its own; similarity to the rest of the article {suspect.similarity:.2f}."
    )
