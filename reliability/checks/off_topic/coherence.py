"""How well each sentence fits the story in meaning, from sentence vectors (the `semantic` extra).

A sentence from another story is far in meaning from the article as a whole, from its own
paragraph and from the sentences around it, and it stands out against the article's other
sentences (a feature story drifts, so distance is judged relative to the article's own spread).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reliability.document import Document, Sentence

if TYPE_CHECKING:
    import numpy as np

    from reliability.semantic import SentenceEncoder

LEAD_SENTENCES = 3  # the lead states what the story is about
WINDOW = 2  # sentences each side for the local context


@dataclass(frozen=True, slots=True)
class Fit:
    """Cosine similarities of one sentence's meaning vector (1.0 = same meaning)."""

    to_article: float  # the mean of the other judged sentences
    typical: float  # the article's median to_article, for comparison
    relative: float  # to_article in standard deviations from the article's median (negative: looser)
    gap: float  # how far below the next-loosest sentence it falls (positive: it stands out)
    to_paragraph: float  # the other sentences of its paragraph (to_article when it is alone)
    to_window: float  # the sentences within two places of it
    to_neighbours: float  # the closer of the sentences just before and after
    bridge: float  # how much better its two neighbours fit each other than either fits it
    to_lead: float  # the article's first sentences


def fit_sentences(document: Document, judged: list[Sentence], encoder: SentenceEncoder) -> list[Fit]:
    """A Fit per judged sentence, in order; judged sentences are compared with each other only."""
    import numpy as np

    vectors = document.sentence_vectors(encoder, [s.index for s in judged])
    n = len(judged)
    total = vectors.sum(axis=0)
    to_article = np.array([_cosine(vectors[i], total - vectors[i]) for i in range(n)])
    similarity = vectors @ vectors.T
    median, spread = float(np.median(to_article)), float(to_article.std()) + 1e-6
    ordered = np.sort(to_article)
    lead = vectors[:LEAD_SENTENCES].sum(axis=0)
    fits = []
    for i, sentence in enumerate(judged):
        loosest_other = ordered[1] if to_article[i] == ordered[0] else ordered[0]
        paragraph = [j for j in range(n) if judged[j].block == sentence.block and j != i]
        window = [j for j in range(max(0, i - WINDOW), min(n, i + WINDOW + 1)) if j != i]
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < n]
        bridge = 0.0
        if len(neighbours) == 2:
            before, after = neighbours
            bridge = float(similarity[before, after] - max(similarity[i, before], similarity[i, after]))
        own_lead = lead - vectors[i] if i < LEAD_SENTENCES else lead
        fits.append(
            Fit(
                to_article=float(to_article[i]),
                typical=median,
                relative=(float(to_article[i]) - median) / spread,
                gap=float(loosest_other - to_article[i]),
                to_paragraph=_cosine(vectors[i], vectors[paragraph].sum(axis=0)) if paragraph else float(to_article[i]),
                to_window=_cosine(vectors[i], vectors[window].sum(axis=0)) if window else float(to_article[i]),
                to_neighbours=float(max(similarity[i, j] for j in neighbours)) if neighbours else float(to_article[i]),
                bridge=bridge,
                to_lead=_cosine(vectors[i], own_lead),
            )
        )
    return fits


def _cosine(vector: np.ndarray, other: np.ndarray) -> float:
    import numpy as np

    norm = float(np.linalg.norm(other))
    return float(vector @ other) / norm if norm > 1e-9 else 0.0
