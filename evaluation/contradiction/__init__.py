"""Evaluate the contradiction check on planted statement pairs, hard negatives and clean articles.

Each pair in evaluation/contradiction/pairs.txt is planted in a host article written for the
project (evaluation/off_topic/articles.txt and evaluation/attribution/articles.txt): the earlier
statement at the end of the first paragraph, the later one at the end of the next-to-last. A planted
contradiction is found when a warning of its kind sits on the later statement with `related` on the
earlier; every other warning (on hard negatives or the hosts' own text) is a false positive. The
untouched hosts are clean controls. Run: python -m evaluation.contradiction
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from evaluation.articles import read_articles
from evaluation.harness import DATA, SPLITS, Tally, overlaps
from reliability.check import CheckContext
from reliability.checks.contradiction import KINDS, ContradictionCheck
from reliability.document import Document
from reliability.models import Article

PAIRS = DATA / "contradiction" / "pairs.txt"
HOSTS = [DATA / "off_topic" / "articles.txt", DATA / "attribution" / "articles.txt"]


@dataclass
class Example:
    id: str
    split: str
    kind: str  # a contradiction kind, "none" for a hard negative, "clean" for an untouched host
    text: str
    earlier: tuple[int, int] | None = None
    later: tuple[int, int] | None = None


def _hosts() -> list[tuple[str, str]]:
    return [(ident, text) for path in HOSTS for ident, _, text in read_articles(path)]


def _pairs() -> list[tuple[str, str, str, str]]:
    pairs = []
    for chunk in PAIRS.read_text(encoding="utf-8").split("\n### ")[1:]:
        header, _, rest = chunk.partition("\n")
        meta = dict(kv.split("=", 1) for kv in header.split() if "=" in kv)
        lines = dict(line.split(": ", 1) for line in rest.strip().splitlines())
        pairs.append((meta["kind"], meta["split"], lines["E"], lines["L"]))
    return pairs


def build() -> list[Example]:
    hosts = _hosts()
    examples = [Example(f"{ident}/clean", SPLITS[n % 3], "clean", text) for n, (ident, text) in enumerate(hosts)]
    for n, (kind, split, earlier, later) in enumerate(_pairs()):
        ident, text = hosts[n % len(hosts)]
        paragraphs = text.split("\n")
        if len(paragraphs) < 3:
            paragraphs = paragraphs + [""] * (3 - len(paragraphs))
        paragraphs[0] += " " + earlier
        paragraphs[-2] = (paragraphs[-2] + " " + later).strip()
        body = "\n".join(p for p in paragraphs if p)
        e, l_ = body.index(earlier), body.rindex(later)
        examples.append(Example(f"{kind}-{n}@{ident}", split, kind, body, (e, e + len(earlier)), (l_, l_ + len(later))))
    return examples


def evaluate(examples: list[Example]) -> dict:
    check, context = ContradictionCheck(), CheckContext()
    by_kind = {k: Tally() for k in KINDS}  # planted contradictions found (tp) and missed (fn), per kind
    flags = Tally()  # warnings on a planted contradiction (tp) and elsewhere (fp)
    misses, false_alarms = [], []
    for ex in examples:
        result = check.run(Document(Article(id=ex.id, text=ex.text)), context)
        warnings = [f for f in result.findings if f.severity != "info"]
        later, earlier = [ex.later] if ex.later else [], [ex.earlier] if ex.earlier else []
        hit = [
            f
            for f in warnings
            if overlaps(f.start, f.end, later) and any(overlaps(r.start, r.end, earlier) for r in f.related)
        ]
        if ex.kind in KINDS:
            if any(f.code == f"contradiction.{ex.kind}" for f in hit):
                by_kind[ex.kind].tp += 1
            else:
                by_kind[ex.kind].fn += 1
                misses.append((ex.id, ex.text[later[0][0] : later[0][1]][:90]))
        for f in warnings:
            if ex.kind in KINDS and f in hit:
                flags.tp += 1
            else:
                flags.fp += 1
                false_alarms.append((ex.id, f.code, ex.text[f.start : f.end][:90]))
    planted = {k: t.tp + t.fn for k, t in by_kind.items()}
    return {
        "examples": len(examples),
        "planted": sum(planted.values()),
        "precision": flags.precision,
        "recall": sum(by_kind.values(), Tally()).recall,
        "recall_by_kind": {k: t.recall for k, t in by_kind.items()},
        "planted_by_kind": planted,
        "misses": misses,
        "false_alarms": false_alarms,
    }


def throughput() -> dict[str, float]:
    """docs/s of the check alone on ~3 KB articles, and its time per article at 3, 30 and 300 KB."""
    hosts = [text for _, text in _hosts()]
    base = "\n".join(hosts[:2])  # ~3 KB
    documents = [Document(Article(id=str(i), text=base + f"\nArticle {i}.")) for i in range(300)]
    check, context = ContradictionCheck(), CheckContext()
    start = time.perf_counter()
    for document in documents:
        check.run(document, context)
    figures = {"docs_per_second_3kb": len(documents) / (time.perf_counter() - start)}
    everything = "\n".join(hosts)
    for size in (3_000, 30_000, 300_000):
        text = (everything * (size // len(everything) + 1))[:size]
        document = Document(Article(id=str(size), text=text))
        start = time.perf_counter()
        check.run(document, context)
        figures[f"ms_at_{size // 1000}kb"] = 1000 * (time.perf_counter() - start)
    return figures
