"""Evaluate the contradiction check on planted statement pairs, hard negatives and clean articles.

Each pair in evaluation/contradiction/pairs.txt is planted in a host article written for the
project (evaluation/off_topic/articles.txt and evaluation/attribution/articles.txt): the earlier
statement at the end of the first paragraph, the later one at the end of the next-to-last. A planted
contradiction is found when a warning of its kind sits on the later statement with `related` on the
earlier; every other warning (on hard negatives or the hosts' own text) is a false positive. The
untouched hosts are clean controls. Run: python evaluation/eval_contradiction.py
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.articles import read_articles  # noqa: E402
from reliability.check import CheckContext  # noqa: E402
from reliability.checks.contradiction import KINDS, ContradictionCheck  # noqa: E402
from reliability.document import Document  # noqa: E402
from reliability.models import Article  # noqa: E402

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "contradiction" / "pairs.txt"
HOSTS = [HERE / "off_topic" / "articles.txt", HERE / "attribution" / "articles.txt"]
SPLITS = ("dev", "test", "holdout")


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


def _overlaps(span, start: int, end: int) -> bool:
    return span is not None and start < span[1] and span[0] < end


def evaluate(examples: list[Example]) -> dict:
    check, context = ContradictionCheck(), CheckContext()
    planted = {k: 0 for k in KINDS}
    found = {k: 0 for k in KINDS}
    true_positives = false_positives = 0
    misses, false_alarms = [], []
    for ex in examples:
        result = check.run(Document(Article(id=ex.id, text=ex.text)), context)
        warnings = [f for f in result.findings if f.severity != "info"]
        hit = [f for f in warnings if _overlaps(ex.later, f.start, f.end) and any(_overlaps(ex.earlier, r.start, r.end) for r in f.related)]
        if ex.kind in KINDS:
            planted[ex.kind] += 1
            if any(f.code == f"contradiction.{ex.kind}" for f in hit):
                found[ex.kind] += 1
            else:
                misses.append((ex.id, ex.text[ex.later[0] : ex.later[1]][:90]))
        for f in warnings:
            if ex.kind in KINDS and f in hit:
                true_positives += 1
            else:
                false_positives += 1
                false_alarms.append((ex.id, f.code, ex.text[f.start : f.end][:90]))
    flagged = true_positives + false_positives
    return {
        "examples": len(examples),
        "planted": sum(planted.values()),
        "precision": true_positives / flagged if flagged else 1.0,
        "recall": sum(found.values()) / sum(planted.values()) if sum(planted.values()) else 1.0,
        "recall_by_kind": {k: found[k] / planted[k] if planted[k] else 1.0 for k in KINDS},
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


def main() -> None:
    examples = build()
    print("split     examples planted precision recall   " + "  ".join(f"{k:>9}" for k in KINDS))
    for split in (*SPLITS, "all"):
        r = evaluate([e for e in examples if split in ("all", e.split)])
        by_kind = "  ".join(f"{r['recall_by_kind'][k]:>9.2f}" for k in KINDS)
        print(f"{split:<9} {r['examples']:>8} {r['planted']:>7} {r['precision']:>9.2f} {r['recall']:>6.2f}   {by_kind}")
    r = evaluate(examples)
    for miss in r["misses"]:
        print("  missed:", *miss)
    for alarm in r["false_alarms"]:
        print("  false alarm:", *alarm)
    print("throughput:", ", ".join(f"{k} {v:,.1f}" for k, v in throughput().items()))


if __name__ == "__main__":
    main()
