"""Evaluate the attribution check on the hand-written, annotated set in evaluation/attribution/.

Prints, per split: speaker-attribution accuracy (annotated quotes whose predicted speaker matches
the annotated one after resolution), quote detection recall, and precision/recall per finding kind
(a warning overlapping an annotated span is a true positive; any other warning a false positive).
Finally the check's throughput in docs/s on ~3 KB articles. Run: python -m evaluation.attribution
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.articles import read_annotated
from evaluation.harness import DATA, Tally, occurrences, overlaps, ratio
from reliability.check import CheckContext
from reliability.checks.attribution import AttributionCheck
from reliability.document import Document
from reliability.models import Article

ARTICLES = DATA / "attribution" / "articles.txt"
_HONORIFICS = re.compile(r"^(?:the|a|an|dr\.?|professor|prof\.?|mr\.?|mrs\.?|ms\.?)\s+")


@dataclass
class Example:
    id: str
    split: str
    text: str
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    vague: list[tuple[int, int]] = field(default_factory=list)


def load(path: Path = ARTICLES) -> list[Example]:
    """Parse the annotated articles; every annotated substring must occur in its article."""
    examples: list[Example] = []
    for article in read_annotated(path):
        ex = Example(article.id, article.split, article.text)
        for line in article.notes:
            parts = [p.strip() for p in line.split("|")]
            if parts[0] == "Q":
                s = occurrences(ex.id, ex.text, parts[1])[0]
                ex.quotes.append((s, s + len(parts[1]), None if parts[2] == "NONE" else parts[2]))
            elif parts[0] == "V":
                s = occurrences(ex.id, ex.text, parts[1])[0]
                ex.vague.append((s, s + len(parts[1])))
        examples.append(ex)
    return examples


def _norm(name: str) -> str:
    name = re.sub(r"[’']s\b", "", name.casefold())
    name = re.sub(r"[^\w\s-]", " ", name)
    name = " ".join(name.split())
    while _HONORIFICS.match(name):
        name = _HONORIFICS.sub("", name)
    return name


def speaker_matches(predicted: str | None, annotated: str | None) -> bool:
    if predicted is None or annotated is None:
        return predicted is None and annotated is None
    p, a = _norm(predicted), _norm(annotated)
    return bool(p) and (p in a or a in p)


def evaluate(examples: list[Example]) -> dict:
    check, ctx = AttributionCheck(), CheckContext()
    counts = dict(spk_ok=0, spk_n=0, found=0, q_n=0, other_fp=0)
    tally = {"vague": Tally(), "unattributed_quote": Tally()}
    misses: list[str] = []
    for ex in examples:
        result = check.run(Document(Article(id=ex.id, text=ex.text)), ctx)
        predicted = result.details["quotes"]
        for s, e, speaker in ex.quotes:
            counts["q_n"] += 1
            hits = [q for q in predicted if q["start"] < e and s < q["end"]]
            hits.sort(key=lambda q: (-(min(e, q["end"]) - max(s, q["start"])), q["kind"] != "direct"))
            if hits:
                counts["found"] += 1
            got = hits[0]["speaker"]["text"] if hits and hits[0]["speaker"] else None
            if speaker is not None:
                counts["spk_n"] += 1
                if speaker_matches(got, speaker):
                    counts["spk_ok"] += 1
                else:
                    misses.append(f"{ex.id}: speaker {got!r} != {speaker!r} for {ex.text[s:e][:40]!r}")
        unattributed = [(s, e) for s, e, who in ex.quotes if who is None]
        warnings = [f for f in result.findings if f.severity != "info"]
        for kind, spans in (("vague", ex.vague), ("unattributed_quote", unattributed)):
            mine = [(f.start, f.end) for f in warnings if f.code == f"attribution.{kind}"]
            found = sum(1 for a, b in spans if overlaps(a, b, mine))
            tally[kind].tp += found
            tally[kind].fn += len(spans) - found
            for start, end in mine:
                if not overlaps(start, end, spans):
                    tally[kind].fp += 1
                    misses.append(f"{ex.id}: false {kind}: {ex.text[start:end][:60]!r}")
        counts["other_fp"] += sum(
            1 for f in warnings if f.code not in ("attribution.vague", "attribution.unattributed_quote")
        )
        for a, b in ex.vague:
            if not any(f.start < b and a < f.end and f.code == "attribution.vague" for f in warnings):
                misses.append(f"{ex.id}: missed vague {ex.text[a:b]!r}")
    c = counts
    vague, unattributed_quote = tally["vague"], tally["unattributed_quote"]
    return {
        "articles": len(examples),
        "speaker_accuracy": ratio(c["spk_ok"], c["spk_n"]),
        "quote_recall": ratio(c["found"], c["q_n"]),
        "vague_precision": vague.precision,
        "vague_recall": vague.recall,
        "unattributed_precision": unattributed_quote.precision,
        "unattributed_recall": unattributed_quote.recall,
        "other_warnings": c["other_fp"],
        "misses": misses,
    }


def throughput(examples: list[Example], target_chars: int = 3000, rounds: int = 300) -> float:
    """Docs/s of the check alone on ~3 KB articles (each built from eval articles, fresh Document each run)."""
    texts = []
    for i in range(len(examples)):
        parts, size, j = [], 0, i
        while size < target_chars:
            parts.append(examples[j % len(examples)].text)
            size += len(parts[-1])
            j += 1
        texts.append("\n".join(parts))
    documents = [Document(Article(id=str(i), text=texts[i % len(texts)] + f"\nRef {i}.")) for i in range(rounds)]
    check, ctx = AttributionCheck(), CheckContext()
    started = time.perf_counter()
    for d in documents:
        check.run(d, ctx)
    return rounds / (time.perf_counter() - started)
