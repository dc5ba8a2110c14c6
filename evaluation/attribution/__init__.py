"""Evaluate the attribution check on the hand-written, annotated set in evaluation/attribution/.

Prints, per split: speaker-attribution accuracy (annotated quotes whose predicted speaker matches
the annotated one after resolution), quote detection recall, and precision/recall per finding kind
(a warning overlapping an annotated span is a true positive; any other warning a false positive).
Finally the check's throughput in docs/s on ~3 KB articles. Run: python evaluation/eval_attribution.py
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.articles import read_annotated  # noqa: E402
from evaluation.harness import overlaps  # noqa: E402
from reliability.check import CheckContext  # noqa: E402
from reliability.checks.attribution import AttributionCheck  # noqa: E402
from reliability.document import Document  # noqa: E402
from reliability.models import Article  # noqa: E402

DATA = Path(__file__).resolve().parent / "attribution" / "articles.txt"
_HONORIFICS = re.compile(r"^(?:the|a|an|dr\.?|professor|prof\.?|mr\.?|mrs\.?|ms\.?)\s+")


@dataclass
class Example:
    id: str
    split: str
    text: str
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    vague: list[tuple[int, int]] = field(default_factory=list)


def load(path: Path = DATA) -> list[Example]:
    """Parse the annotated articles; every annotated substring must occur in its article."""
    examples: list[Example] = []
    for article in read_annotated(path):
        ex = Example(article.id, article.split, article.text)
        for line in article.notes:
            parts = [p.strip() for p in line.split("|")]
            if parts[0] == "Q":
                s = _find(ex, parts[1])
                ex.quotes.append((s, s + len(parts[1]), None if parts[2] == "NONE" else parts[2]))
            elif parts[0] == "V":
                s = _find(ex, parts[1])
                ex.vague.append((s, s + len(parts[1])))
        examples.append(ex)
    return examples


def _find(ex: Example, needle: str) -> int:
    at = ex.text.find(needle)
    if at < 0:
        raise ValueError(f"{ex.id}: annotation not in text: {needle!r}")
    return at


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





def evaluate(examples: list[Example]) -> dict[str, float]:
    check, ctx = AttributionCheck(), CheckContext()
    counts = dict(spk_ok=0, spk_n=0, found=0, q_n=0, v_tp=0, v_fp=0, v_n=0, u_tp=0, u_fp=0, u_n=0, other_fp=0)
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
        counts["v_n"] += len(ex.vague)
        counts["u_n"] += len(unattributed)
        warnings = [f for f in result.findings if f.severity != "info"]
        for kind, spans, tp, fp in (("vague", ex.vague, "v_tp", "v_fp"), ("unattributed_quote", unattributed, "u_tp", "u_fp")):
            mine = [f for f in warnings if f.code == f"attribution.{kind}"]
            counts[tp] += sum(1 for a, b in spans if any(f.start < b and a < f.end for f in mine))
            for f in mine:
                if not overlaps(f.start, f.end, spans):
                    counts[fp] += 1
                    misses.append(f"{ex.id}: false {kind}: {ex.text[f.start:f.end][:60]!r}")
        counts["other_fp"] += sum(1 for f in warnings if f.code not in ("attribution.vague", "attribution.unattributed_quote"))
        for a, b in ex.vague:
            if not any(f.start < b and a < f.end and f.code == "attribution.vague" for f in warnings):
                misses.append(f"{ex.id}: missed vague {ex.text[a:b]!r}")
    c = counts
    vague_flagged = c["v_tp"] + c["v_fp"]
    unattr_flagged = c["u_tp"] + c["u_fp"]
    return {
        "articles": len(examples),
        "speaker_accuracy": c["spk_ok"] / c["spk_n"] if c["spk_n"] else 0.0,
        "quote_recall": c["found"] / c["q_n"] if c["q_n"] else 0.0,
        "vague_precision": c["v_tp"] / vague_flagged if vague_flagged else 1.0,
        "vague_recall": c["v_tp"] / c["v_n"] if c["v_n"] else 1.0,
        "unattributed_precision": c["u_tp"] / unattr_flagged if unattr_flagged else 1.0,
        "unattributed_recall": c["u_tp"] / c["u_n"] if c["u_n"] else 1.0,
        "other_warnings": c["other_fp"],
        "misses": misses,  # type: ignore[dict-item]
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


def main() -> None:
    examples = load()
    print(f"{'split':<6} {'n':>3} {'speaker acc':>11} {'quote rec':>9} {'vague P':>8} {'vague R':>8} {'unattr P':>9} {'unattr R':>9}")
    for split in ("dev", "test", "holdout", "all"):
        subset = [e for e in examples if split == "all" or e.split == split]
        r = evaluate(subset)
        print(f"{split:<6} {r['articles']:>3} {r['speaker_accuracy']:>11.2f} {r['quote_recall']:>9.2f} "
              f"{r['vague_precision']:>8.2f} {r['vague_recall']:>8.2f} {r['unattributed_precision']:>9.2f} {r['unattributed_recall']:>9.2f}")
    for line in evaluate(examples)["misses"]:
        print("  ", line)
    print(f"throughput: {throughput(examples):.0f} docs/s (check only, ~3 KB articles)")


if __name__ == "__main__":
    main()
