"""Sentences about another story: nothing in them connects to the rest of the article.

For each sentence, leave-one-out against the rest of the article: its TF-IDF cosine similarity to
the other sentences, the share of its content words that occur nowhere else, and the names and
numbers that occur nowhere else. With the `semantic` extra, its fit in meaning too (`coherence`),
and a logistic model learned on the project's evaluation set (`unrelated_model.json`, refitted by
`evaluation/train_unrelated.py`) weighs the evidence. Without it, a sentence is unrelated only when
it is both dissimilar and brings in names of its own, and only strong cases warn: a general remark
("Security issues are at the center of recurring bilateral tensions.") has no foreign names and
stays; so does a short quote.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import combinations_with_replacement
from typing import TYPE_CHECKING

from reliability.check import CorpusStats
from reliability.checks.off_topic.coherence import Fit, fit_sentences
from reliability.document import Document, Sentence
from reliability.language.dates import CALENDAR_WORDS
from reliability.language.morphology import stem, without_possessive
from reliability.language.punctuation import OPENING_QUOTE_MARKS, opens_with_quote
from reliability.language.stop_words import ENGLISH_STOP_WORDS
from reliability.logistic import logistic
from reliability.models import RelatedSpan
from reliability.semantic import SentenceEncoder

if TYPE_CHECKING:
    from reliability.story.context import SpliceEvidence, StoryContext

MIN_SENTENCES = 6  # below this there is no "rest of the article" to compare with
MIN_CONTENT_WORDS = 5
MAX_SENTENCES_FOR_MODEL = 400  # about 40 KB of prose, 3 s of encoding on two cores
NUMBER = re.compile(r"\d[\d,.]*")
OPENING_QUOTES = OPENING_QUOTE_MARKS + "( "  # what may precede a name that opens a sentence
QUOTE_FACTOR = 1.75  # a quote is loose by nature (a view, in the speaker's words): it needs this many times the bar
OPENING_MARGIN = 0.2  # the first sentence judged states the story, or sets a feature's scene far from the rest
FIRST_PERSON = re.compile(r"I(?:['’](?:m|ve|d|ll))?")
#: Without the semantic model, a sentence looks loose at most this similar to the rest of the article, and
#: with at least this share of words of its own (`looks_loose`).
LOOSE_SIMILARITY = 0.03
LOOSE_NOVEL_SHARE = 0.75


@dataclass(frozen=True, slots=True)
class Suspect:
    sentence: Sentence
    similarity: float  # to the rest of the article
    novel_share: float  # of its content words, occurring nowhere else
    novel_names: tuple[str, ...]
    novel_numbers: tuple[str, ...]
    shared_names: int  # names in it that the rest of the article mentions too
    judged: int  # sentences of the article judged: in a brief, one loose sentence stands out less surely
    fit: Fit | None  # its fit in meaning; None without a sentence encoder


@cache
def stop_words() -> frozenset[str]:
    return frozenset(ENGLISH_STOP_WORDS) | CALENDAR_WORDS


def content_stems(terms: tuple[str, ...]) -> list[str]:
    """Stems of the content words among lower-cased terms (no stop words, numbers or words of two letters)."""
    stop = stop_words()
    return [stem(t) for t in terms if len(t) > 2 and t not in stop and not t[0].isdigit()]


def analyse(
    document: Document,
    skip: set[int],
    corpus: CorpusStats | None,
    encoder: SentenceEncoder | None = None,
    loose_only: bool = False,
) -> list[Suspect]:
    """Per-sentence evidence for every sentence that can be judged (long enough, not skipped). A sentence
    repeated word for word counts once, where it first occurs: a repeat is the duplication check's finding,
    and a doubled article would otherwise be compared with its own copy. `loose_only`: the evidence of
    the sentences whose own words make them candidates for `looks_loose` only, the rest of the work skipped
    when there are none (most articles): what the check needs without the semantic model."""
    sentences = _first_occurrences(document)
    stems = {s.index: content_stems(document.sentence_terms[s.index]) for s in sentences}
    judged = [s for s in sentences if len(stems[s.index]) >= MIN_CONTENT_WORDS and s.index not in skip]
    if len(judged) < MIN_SENTENCES:
        return []
    sentence_frequency = Counter(stem for words in stems.values() for stem in set(words))
    novel_shares = {s.index: _novel_share(stems[s.index], sentence_frequency) for s in judged}
    candidates = [s for s in judged if novel_shares[s.index] >= LOOSE_NOVEL_SHARE] if loose_only else judged
    if not candidates:
        return []
    total = len(sentences)

    def idf(stem: str) -> float:
        return math.log((1 + total) / (1 + sentence_frequency[stem])) + 1

    vectors = {i: {stem: count * idf(stem) for stem, count in Counter(words).items()} for i, words in stems.items()}
    whole: Counter[str] = Counter()
    for vector in vectors.values():
        whole.update(vector)
    whole_norm2 = sum(w * w for w in whole.values())
    name_stems_by_sentence = name_stems(document)
    number_counts = Counter(n for s in sentences for n in set(NUMBER.findall(s.text)))

    if len(judged) > MAX_SENTENCES_FOR_MODEL:
        encoder = None  # a book-length text: encoding it would take minutes; lexical evidence only
    fits = fit_sentences(document, judged, encoder) if encoder is not None else [None] * len(judged)
    fit_of = dict(zip((s.index for s in judged), fits, strict=True))
    suspects = []
    for sentence in candidates:
        fit = fit_of[sentence.index]
        vector = vectors[sentence.index]
        similarity = _leave_one_out_cosine(vector, whole, whole_norm2)
        novel_share = novel_shares[sentence.index]
        names = name_stems_by_sentence.get(sentence.index, ())
        novel_names = tuple(name for name, stem_set in names if all(sentence_frequency[stem] == 1 for stem in stem_set))
        shared_names = sum(1 for _, stem_set in names if any(sentence_frequency[stem] > 1 for stem in stem_set))
        novel_numbers = tuple(sorted(n for n in set(NUMBER.findall(sentence.text)) if number_counts[n] == 1))
        suspects.append(
            Suspect(sentence, similarity, novel_share, novel_names, novel_numbers, shared_names, len(judged), fit)
        )
    return suspects


def _novel_share(own: list[str], sentence_frequency: Counter[str]) -> float:
    """Share of a sentence's content words that occur in no other sentence."""
    return sum(1 for stem in own if sentence_frequency[stem] == 1) / len(own)


def _first_occurrences(document: Document) -> list[Sentence]:
    """The article's sentences, each repeat left out: the same identity as the duplication check's exact
    repeats (the words, lower-cased)."""
    seen: set[tuple[str, ...]] = set()
    first = []
    for sentence, terms in zip(document.sentences, document.sentence_terms, strict=True):
        if terms not in seen:
            seen.add(terms)
            first.append(sentence)
    return first


def name_stems(document: Document) -> dict[int, list[tuple[str, set[str]]]]:
    """Names per sentence index, each with the stems of its words (common words left out)."""
    stop = stop_words()
    found: dict[int, list[tuple[str, set[str]]]] = {}
    for name in document.names:
        sentence = document.sentence_at(name.start)
        opening = not document.text[sentence.start : name.start].strip(OPENING_QUOTES) if sentence else False
        if sentence is None or (opening and " " not in name.text.strip()) or FIRST_PERSON.fullmatch(name.text):
            continue  # one capitalised word opening a sentence or a quote ("Temporary", "Though"), or "I'm", is no name
        words = [without_possessive(w.lower()) for w in re.findall(r"[^\W\d_][\w'’.-]*", name.text)]
        stems = {stem(w) for w in words if len(w) > 2 and w not in stop}
        if stems:
            found.setdefault(sentence.index, []).append((name.text, stems))
    return found


def _leave_one_out_cosine(vector: dict[str, float], whole: Counter[str], whole_norm2: float) -> float:
    """cos(v, W - v) from v and W alone: O(len(v)), so the pass stays linear in the article's length."""
    own2 = sum(w * w for w in vector.values())
    dot_whole = sum(w * whole[stem] for stem, w in vector.items())
    dot_rest = dot_whole - own2
    rest2 = whole_norm2 - 2 * dot_whole + own2
    if own2 <= 0 or rest2 <= 1e-12:
        return 0.0
    return max(0.0, dot_rest / math.sqrt(own2 * rest2))


Verdict = tuple[Suspect, str, str, tuple[RelatedSpan, ...]]  # the sentence, severity, message, where else to look


def find_unrelated(
    document: Document,
    skip: set[int],
    corpus: CorpusStats | None,
    encoder: SentenceEncoder | None = None,
    warn_at: float | None = None,
    story: StoryContext | None = None,
) -> tuple[list[Verdict], bool]:
    """Sentences judged unrelated, each with a severity, a message saying why and related spans, and whether
    the semantic model judged them. `warn_at` moves the likelihood at which the model warns (default: the
    precision-first bar it was fitted with). In story mode, the other reports of the story weigh in
    (`StoryContext.weigh_splices`): a sentence no sibling says anything close to, and whose names no
    sibling mentions, is more suspect; its finding points at the closest sentence the siblings have."""
    suspects = analyse(document, skip, corpus, encoder, loose_only=encoder is None)
    if suspects and suspects[0].fit is not None and encoder is not None:
        if story is not None and story.signed_siblings:
            return _judge_in_story(document, suspects, story, encoder), True
        return [(*verdict, ()) for verdict in _judge_by_model(suspects, warn_at)], True
    return [(suspect, "info", _message(suspect), ()) for suspect in suspects if looks_loose(suspect)], False


@dataclass(frozen=True)
class UnrelatedModel:
    """Learned weights over the standardised `features()` and their pairwise products (a logistic model of
    degree 2: the evidence interacts, e.g. a loose fit counts for more in a long sentence than in a short
    one), and the probabilities at which a sentence is reported."""

    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]  # x_i for each feature, then x_i * x_j for i <= j, in that order
    intercept: float
    warning_top: float  # the article's most suspicious sentence warns from here
    warning_other: float  # any other sentence needs this much
    info: float
    clip: float  # standardised values are held within ±clip: beyond the range fitted, a product term can flip sign

    def probability(self, values: list[float]) -> float:
        standardised = ((v - m) / s for v, m, s in zip(values, self.means, self.scales, strict=True))
        x = [max(-self.clip, min(self.clip, z)) for z in standardised]
        terms = x + [a * b for a, b in combinations_with_replacement(x, 2)]
        z = self.intercept + sum(c * t for c, t in zip(self.coefficients, terms, strict=True))
        return logistic(z)


FEATURES = (
    "to_article",
    "relative",
    "gap",
    "to_paragraph",
    "to_window",
    "to_neighbours",
    "bridge",
    "to_lead",
    "word_similarity",
    "own_words",
    "novel_names",
    "shared_names",
    "log_words",
    "quote",
    "log_judged",
)


def features(suspect: Suspect) -> list[float]:
    """The model's inputs, in `FEATURES` order; needs the semantic fit."""
    fit = suspect.fit
    assert fit is not None
    return [
        fit.to_article,
        fit.relative,
        fit.gap,
        fit.to_paragraph,
        fit.to_window,
        fit.to_neighbours,
        fit.bridge,
        fit.to_lead,
        suspect.similarity,
        suspect.novel_share,
        min(3, len(suspect.novel_names)),
        min(3, suspect.shared_names),
        math.log(max(1, len(suspect.sentence.words))),
        float(_is_quote(suspect)),
        math.log(suspect.judged),
    ]


def _is_quote(suspect: Suspect) -> bool:
    return opens_with_quote(suspect.sentence.text)


@cache
def load_model() -> UnrelatedModel:
    data = json.loads(files(__package__).joinpath("unrelated_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("unrelated_model.json was fitted on other features: rerun evaluation/train_unrelated.py")
    return UnrelatedModel(
        tuple(data["features"]),
        tuple(data["means"]),
        tuple(data["scales"]),
        tuple(data["coefficients"]),
        data["intercept"],
        data["warning_top"],
        data["warning_other"],
        data["info"],
        data["clip"],
    )


def _judge_by_model(suspects: list[Suspect], warn_at: float | None) -> list[tuple[Suspect, str, str]]:
    """The model's probability per sentence, judged against the bars it was fitted with."""
    model = load_model()
    scored = [(suspect, model.probability(features(suspect)), "") for suspect in suspects]
    return _verdicts(scored, model.warning_top if warn_at is None else warn_at, model.warning_other, model.info)


def _judge_in_story(
    document: Document, suspects: list[Suspect], story: StoryContext, encoder: SentenceEncoder
) -> list[Verdict]:
    """The story model's verdicts: the single-article likelihood weighed with the siblings' evidence, at the
    bars fitted for it; each message says how the sentence fits the other reports."""
    model = load_model()
    single = [model.probability(features(suspect)) for suspect in suspects]
    sentences = [suspect.sentence for suspect in suspects]
    vectors = document.sentence_vectors(encoder, [s.index for s in sentences])
    evidence = story.weigh_splices(document, sentences, single, vectors)
    by_index = {suspect.sentence.index: found for suspect, found in zip(suspects, evidence, strict=True)}
    verdicts = _verdicts([(s, e.likelihood, "") for s, e in zip(suspects, evidence, strict=True)], *story.splice_bars)
    judged = []
    for suspect, severity, message in verdicts:
        found = by_index[suspect.sentence.index]
        judged.append((suspect, severity, message + _story_note(found, story.reports - 1), _closest_span(found)))
    return judged


def _story_note(evidence: SpliceEvidence, siblings: int) -> str:
    note = ""
    if evidence.closest is not None:
        article, _, _, similarity = evidence.closest
        note = (
            f" None of the other {siblings} report(s) of the story says anything close: the closest sentence "
            f"is in {article} (similarity {similarity:.2f}; this article's sentences typically have a match "
            f"of {evidence.typical:.2f})."
        )
    if evidence.unconfirmed:
        note += f" No other report mentions {', '.join(evidence.unconfirmed)}."
    return note


def _closest_span(evidence: SpliceEvidence) -> tuple[RelatedSpan, ...]:
    if evidence.closest is None:
        return ()
    article, start, end, _ = evidence.closest
    return (RelatedSpan(start=start, end=end, article=article),)


def _verdicts(
    scored: list[tuple[Suspect, float, str]], warning_top: float, warning_other: float, info: float
) -> list[tuple[Suspect, str, str]]:
    """The article's most suspicious sentence warns at a lower bar, as a splice is usually alone, so a
    second warning in the same article needs stronger evidence. The opening sentence is judged apart,
    at a higher bar (the model is fitted on the others)."""
    opening = scored[0][0]  # never empty: the model only judges articles with enough sentences
    top = max((p for suspect, p, _ in scored if suspect is not opening), default=0.0)
    found = []
    for suspect, p, note in scored:
        bar = warning_top if p == top else max(warning_top, warning_other)
        if suspect is opening:
            bar = min(0.99, warning_top + OPENING_MARGIN)
        if _is_quote(suspect):
            bar = min(0.99, bar * QUOTE_FACTOR)
        if p >= bar:
            found.append((suspect, "warning", _fit_message(suspect, p) + note))
        elif p >= info:
            found.append((suspect, "info", _fit_message(suspect, p) + note))
    return found


def _fit_message(suspect: Suspect, probability: float) -> str:
    fit = suspect.fit
    assert fit is not None
    novel = [*suspect.novel_names, *suspect.novel_numbers]
    mentions = f"; it mentions {', '.join(novel[:4])}, found nowhere else" if novel else ""
    return (
        f"Seems to be about another story: in meaning it is far from the rest of the article (similarity "
        f"{fit.to_article:.2f}, where a typical sentence here has {fit.typical:.2f}) and from its paragraph "
        f"({fit.to_paragraph:.2f}){mentions}. Likelihood of a splice {probability:.0%}."
    )


def looks_loose(suspect: Suspect) -> bool:
    """Without the semantic model, an info at most: word overlap cannot tell a spliced sentence from one
    that brings in a new fact (measured on the project's set: warnings from the best lexical rule were
    right 0.59 of the time and found 0.09 of the splices), so it only points an editor at a sentence
    that shares almost no words with the article and brings a name or number of its own."""
    novel_evidence = len(suspect.novel_names) + min(1, len(suspect.novel_numbers))
    return suspect.similarity <= LOOSE_SIMILARITY and suspect.novel_share >= LOOSE_NOVEL_SHARE and novel_evidence >= 1


def _message(suspect: Suspect) -> str:
    novel = [*suspect.novel_names, *suspect.novel_numbers]
    mentions = ", ".join(novel[:4])
    return (
        f"Seems to be about another story: it mentions {mentions}, found nowhere else in the article, and "
        f"{suspect.novel_share:.0%} of its words are its own; similarity to the rest of the article {suspect.similarity:.2f}."
    )
