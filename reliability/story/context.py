"""What a check may know about an article's story: its id, its size, and its siblings' sketches.

The engine hands a `StoryContext` to every check in story mode (`CheckContext.story`). Checks ask it
questions; they never see the other articles' texts. `off_topic` asks `weigh_splices`: how well does
each sentence fit the story the other reports tell? A report's own sentences mostly say what another
outlet says too, so each has a close sentence in some sibling; a sentence spliced in from another
story fits neither its own article nor any sibling, and often names people and places no other report
names. Each sentence is measured against the article's own sentences (a feature that drifts from the
news fits the siblings less everywhere), and a logistic model (`splice_model.json`, fitted by
`python -m evaluation.story_mode --fit` on real multi-outlet reports) weighs that evidence with the
single-article likelihood.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import numpy as np

from reliability.logistic import logistic, standardised_logit
from reliability.story.sketch import Sketch, signature_cosines, signatures, stable_hash

if TYPE_CHECKING:
    from reliability.document import Document, Sentence

MAX_NAMES_SHOWN = 4
BEST_MATCHES = 3  # a sentence's fit to the story: the mean of its three closest sentences in the siblings
SPREAD_FLOOR = 0.05  # the article's spread of fits, at least this: a uniform article does not magnify noise
WORD_AGREEMENT = 3  # a content word some three siblings use is the story's own

SPLICE_FEATURES = (
    "single",
    "sibling_fit",
    "sibling_fit_relative",
    "sibling_fit_gap",
    "word_support",
    "word_support_gap",
    "unconfirmed_names",
    "confirmed_names",
)


@dataclass(frozen=True)
class SpliceEvidence:
    """What the siblings say about one sentence, and the likelihood of a splice that follows."""

    likelihood: float
    unconfirmed: tuple[str, ...]  # names in the sentence that no other report of the story mentions
    closest: tuple[str, int, int, float] | None  # the closest sibling sentence: (article, start, end, similarity)
    typical: float  # the article's median fit to the siblings, to compare with
    fit: float  # this sentence's


@dataclass(frozen=True)
class StoryContext:
    """One article's story in story mode: `id`, `reports` (this one included) and the siblings' sketches."""

    id: str
    reports: int
    own: Sketch
    siblings: tuple[Sketch, ...]
    _names: dict[int, list[tuple[str, set[str]]]] = field(default_factory=dict, compare=False, repr=False)

    def knows_name(self, stems: set[str]) -> bool:
        """Whether any sibling mentions a name, or a word, with one of these stems."""
        hashes = [stable_hash(s) for s in stems]
        return any(s.knows_name(h) or s.knows_word(h) for s in self.siblings for h in hashes)

    def word_support(self, stems: list[str]) -> float:
        """How much the siblings use these content stems: 1.0 when each is used by `WORD_AGREEMENT` siblings."""
        if not stems:
            return 0.0
        hashes = [stable_hash(s) for s in stems]
        agree = min(WORD_AGREEMENT, len(self.siblings))
        return sum(min(agree, sum(1 for s in self.siblings if s.knows_word(h))) for h in hashes) / (agree * len(hashes))

    @property
    def signed_siblings(self) -> bool:
        """Whether the siblings carry meaning signatures (their sketches were built with an encoder)."""
        return any(len(s.signatures) for s in self.siblings)

    def weigh_splices(
        self, document: Document, sentences: list[Sentence], likelihoods: list[float], vectors: np.ndarray
    ) -> list[SpliceEvidence]:
        """The likelihood that each of `sentences` (the article's judged sentences, with their single-article
        `likelihoods` and unit meaning `vectors`) was spliced in from another story, given the siblings."""
        rows = self.splice_features(document, sentences, likelihoods, vectors)
        model = splice_model()
        found = []
        for values, unconfirmed, closest, fit, typical in rows:
            z = standardised_logit(values, model["means"], model["scales"], model["coefficients"], model["intercept"])
            probability = logistic(z)
            found.append(SpliceEvidence(probability, tuple(unconfirmed[:MAX_NAMES_SHOWN]), closest, typical, fit))
        return found

    def splice_features(
        self, document: Document, sentences: list[Sentence], likelihoods: list[float], vectors: np.ndarray
    ) -> list[tuple[list[float], list[str], tuple[str, int, int, float] | None, float, float]]:
        """Per sentence: the story model's inputs (in `SPLICE_FEATURES` order), the names no sibling mentions,
        the closest sibling sentence, the sentence's fit to the siblings and the article's typical fit."""
        from reliability.checks.off_topic.unrelated import content_stems, name_stems

        if not self._names:
            self._names.update(name_stems(document))
        fits, closest = self._sibling_fits(vectors)
        typical = float(np.median(fits)) if len(fits) else 0.0
        spread = float(fits.std()) + SPREAD_FLOOR if len(fits) else SPREAD_FLOOR
        support = np.array([self.word_support(content_stems(document.sentence_terms[s.index])) for s in sentences])
        rows = []
        for i, (sentence, likelihood) in enumerate(zip(sentences, likelihoods, strict=True)):
            unconfirmed: list[str] = []
            confirmed = 0
            for name, stems in self._names.get(sentence.index, ()):
                if self.knows_name(stems):
                    confirmed += 1
                elif name not in unconfirmed:
                    unconfirmed.append(name)
            values = [
                math.log(max(1e-4, likelihood) / max(1e-4, 1 - likelihood)),
                float(fits[i]),
                (float(fits[i]) - typical) / spread,
                _gap(fits, i),
                float(support[i]),
                _gap(support, i),
                min(3, len(unconfirmed)),
                min(3, confirmed),
            ]
            rows.append((values, unconfirmed, closest[i], float(fits[i]), typical))
        return rows

    def _sibling_fits(self, vectors: np.ndarray) -> tuple[np.ndarray, list[tuple[str, int, int, float] | None]]:
        """Each sentence's fit to the story told by the siblings (the mean similarity of its closest sibling
        sentences, from the meaning signatures) and its closest sibling sentence."""
        owners = [(s, j) for s in self.siblings for j in range(len(s.signatures))]
        if not owners or not len(vectors):
            return np.zeros(len(vectors)), [None] * len(vectors)
        cosines = signature_cosines(
            signatures(vectors), np.concatenate([s.signatures for s in self.siblings if len(s.signatures)])
        )
        best = np.sort(cosines, axis=1)[:, ::-1][:, :BEST_MATCHES]
        closest: list[tuple[str, int, int, float] | None] = []
        for row in cosines:
            sketch, j = owners[int(np.argmax(row))]
            start, end = (int(x) for x in sketch.signed_spans[j])
            closest.append((sketch.article, start, end, float(row.max())))
        return best.mean(axis=1), closest

    @property
    def splice_bars(self) -> tuple[float, float, float]:
        """(warning for the article's most suspicious sentence, warning for another, info), in likelihood."""
        model = splice_model()
        return model["warning_top"], model["warning_other"], model["info"]


def _gap(values: np.ndarray, i: int) -> float:
    """How far value i falls below the lowest of the others (positive: it stands out as the loosest)."""
    others = np.delete(values, i)
    return float(others.min() - values[i]) if len(others) else 0.0


@cache
def splice_model() -> dict[str, Any]:
    """The learned weights (`splice_model.json`, written by `python -m evaluation.story_mode --fit`)."""
    data: dict[str, Any] = json.loads(files(__package__).joinpath("splice_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != SPLICE_FEATURES:
        raise ValueError("splice_model.json was fitted on other features: rerun python -m evaluation.story_mode --fit")
    return data
