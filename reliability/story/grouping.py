"""Group a batch into stories: the reports of one event, found from their sketches alone.

Each sketch's salient terms become a TF-IDF vector (the batch's own document frequencies); two
reports are linked when their cosine similarity reaches `LINK_AT`, and a story is a connected set
of links. The search is a sparse product of the vectors, row block by row block, over the terms
rare enough to tell events apart (a term in more than `COMMON_SHARE` of a large batch is left out of
the search; it links everything and separates nothing), so time grows with the pairs that share a
rare term and memory with the batch size times the sketch size. Deterministic: the same batch gives
the same stories, numbered in the order their first report arrives.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from reliability.story.sketch import Sketch

LINK_AT = 0.2
JOIN_AT = 0.4  # both fitted on the ECB+ training topics: adjusted Rand 0.73 there (evaluation/story_mode.py)
COMMON_SHARE = 0.02  # terms in more than this share of the batch do not search for links...
COMMON_MIN = 50  # ...once they are in more than this many articles (a small batch keeps every term)
ROWS_PER_BLOCK = 2048
#: IDF as if the batch sat in a stream of this many more articles none of which uses the term: in a
#: small batch of one story, the words all its reports share would otherwise weigh least.
PRIOR_DOCUMENTS = 100


def story_labels(sketches: Sequence[Sketch], link_at: float = LINK_AT, join_at: float = JOIN_AT) -> list[int]:
    """One story number per sketch, in input order; numbers follow the first report of each story.

    Links are taken strongest first; two stories join when the link reaches `link_at` and their
    centroids (the sums of their reports' vectors) are still `join_at` alike. A chain of pairwise links
    (earthquake to earthquake to earthquake) does not join two events whose reports, taken together,
    differ."""
    n = len(sketches)
    if n == 0:
        return []
    vectors = _tfidf(sketches)
    links: list[tuple[float, int, int]] = []
    for first in range(0, n, ROWS_PER_BLOCK):
        similar = (vectors[first : first + ROWS_PER_BLOCK] @ vectors.T).tocoo()
        keep = (similar.data >= link_at) & (similar.row + first < similar.col)
        links.extend(
            zip((-similar.data[keep]).tolist(), (similar.row[keep] + first).tolist(), similar.col[keep].tolist())
        )
    links.sort()
    parent = list(range(n))
    centroid: dict[int, dict[int, float]] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def members_sum(root: int) -> dict[int, float]:
        if root not in centroid:
            row = vectors.getrow(root)
            centroid[root] = dict(zip(row.indices.tolist(), row.data.tolist()))
        return centroid[root]

    for _, i, j in links:
        a, b = find(i), find(j)
        if a == b:
            continue
        ca, cb = members_sum(a), members_sum(b)
        if _cosine(ca, cb) < join_at:
            continue
        keep, gone = min(a, b), max(a, b)
        parent[gone] = keep
        merged = centroid.pop(gone) if gone in centroid else {}
        target = centroid[keep]
        for column, value in merged.items():
            target[column] = target.get(column, 0.0) + value
    numbers: dict[int, int] = {}
    return [numbers.setdefault(find(i), len(numbers)) for i in range(n)]


def _cosine(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norms = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return dot / norms if norms else 0.0


def _tfidf(sketches: Sequence[Sketch]) -> csr_matrix:
    from scipy.sparse import csr_matrix

    n = len(sketches)
    lengths = np.fromiter((len(s.terms) for s in sketches), dtype=np.int64, count=n)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    terms = np.concatenate([s.terms for s in sketches]) if indptr[-1] else np.zeros(0, dtype=np.uint32)
    weights = (
        np.concatenate([s.weights for s in sketches]).astype(np.float32) if indptr[-1] else np.zeros(0, np.float32)
    )
    vocabulary, columns = np.unique(terms, return_inverse=True)
    frequency = np.bincount(columns, minlength=len(vocabulary))
    idf = np.log((1 + n + PRIOR_DOCUMENTS) / (1 + frequency)) + 1
    common = (frequency > COMMON_MIN) & (frequency > COMMON_SHARE * n)
    values = (1 + np.log(np.maximum(weights, 1))) * idf[columns]
    values[common[columns]] = 0.0
    matrix = csr_matrix((values, columns, indptr), shape=(n, len(vocabulary)))
    matrix.eliminate_zeros()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    from scipy.sparse import diags

    return diags(1.0 / norms) @ matrix
