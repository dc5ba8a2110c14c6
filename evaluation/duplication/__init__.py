"""Evaluate the duplication check on planted repeats and clean controls; print precision, recall and docs/s.

The set is built deterministically from the project's own clean articles (see
evaluation/duplication/README.md). A planted repeat is found when a warning or error finding
overlaps it; every other warning or error is a false positive. Run: python evaluation/eval_duplication.py
"""

from __future__ import annotations

import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.articles import read_articles  # noqa: E402
from reliability.check import CheckContext  # noqa: E402
from reliability.checks.duplication import DuplicationCheck  # noqa: E402
from reliability.document import Document  # noqa: E402
from reliability.models import Article  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCES = [HERE / "attribution" / "articles.txt", HERE / "readability" / "articles.txt"]
CONTROLS = HERE / "duplication" / "controls.txt"
SPLITS = ("dev", "test", "holdout")
DEFECTS = ("double", "paragraph", "near_paragraph", "near_sentence")
SWAPS = {"said": "says", "the": "a", "on": "by", "was": "is", "would": "will", "and": "while", "in": "at"}


@dataclass
class Example:
    id: str
    split: str
    kind: str  # a defect kind, or "control"
    text: str
    planted: list[tuple[int, int]] = field(default_factory=list)


def _edit(line: str, rng: random.Random) -> str:
    """The same line with one small edit: a word swapped, or its punctuation changed."""
    words = line.split(" ")
    swappable = [i for i, w in enumerate(words) if w.lower() in SWAPS]
    if swappable and rng.random() < 0.7:
        i = rng.choice(swappable)
        words[i] = SWAPS[words[i].lower()]
        return " ".join(words)
    return line.rstrip(".") + "!" if line.endswith(".") else line + "."


def build() -> list[Example]:
    """The planted set and its controls."""
    bases = [(ident, text) for path in SOURCES for ident, _, text in read_articles(path)]
    examples: list[Example] = []
    for n, (ident, text) in enumerate(bases):
        split = SPLITS[n % 3]
        rng = random.Random(ident)
        lines = text.split("\n")
        long = [i for i, line in enumerate(lines) if len(line.split()) >= 12]
        examples.append(Example(f"{ident}/clean", split, "control", text))
        doubled = text + "\n" + text
        examples.append(Example(f"{ident}/double", split, "double", doubled, [(len(text) + 1, len(doubled))]))
        if long:
            source = lines[rng.choice(long[: max(1, len(long) - 1)])]
            for kind, copy in (("paragraph", source), ("near_paragraph", _edit(source, rng))):
                at = rng.randint(min(len(lines), lines.index(source) + 2), len(lines))
                new = lines[:at] + [copy] + lines[at:]
                body = "\n".join(new)
                start = sum(len(line) + 1 for line in new[:at])
                examples.append(Example(f"{ident}/{kind}", split, kind, body, [(start, start + len(copy))]))
            sentence = max(re.split(r"(?<=[.!?])\s+", source), key=len)
            later = [i for i in range(len(lines)) if i > lines.index(source)] or [len(lines) - 1]
            target = rng.choice(later)
            if len(sentence.split()) >= 10 and target != lines.index(source):
                copy = _edit(sentence, rng)
                new = lines[:]
                new[target] = new[target] + " " + copy
                body = "\n".join(new)
                start = sum(len(line) + 1 for line in new[:target]) + len(lines[target]) + 1
                examples.append(Example(f"{ident}/near_sentence", split, "near_sentence", body, [(start, start + len(copy))]))
        quotes = [m.group(0) for m in re.finditer(r"“[^”\n]{20,}”|\"[^\"\n]{20,}\"", text)]
        if quotes:
            examples.append(Example(f"{ident}/pull_quote", split, "control", text + "\n" + rng.choice(quotes)))
        if len(lines) >= 3:
            dated = "\n".join(("LONDON (Reuters) — " + line if i in (0, 2) else line) for i, line in enumerate(lines))
            examples.append(Example(f"{ident}/dateline", split, "control", dated))
        examples.append(Example(f"{ident}/chant", split, "control",
                                text + "\nOutside, a small crowd chanted: “Not in our name! Not in our name!”"))
    for ident, _, text in read_articles(CONTROLS):
        examples.append(Example(ident, SPLITS[len(examples) % 3], "control", text))
    return examples


def evaluate(examples: list[Example]) -> dict:
    check, context = DuplicationCheck(), CheckContext()
    found = {k: 0 for k in DEFECTS}
    planted = {k: 0 for k in DEFECTS}
    true_positives = false_positives = 0
    misses, false_alarms = [], []
    for ex in examples:
        result = check.run(Document(Article(id=ex.id, text=ex.text)), context)
        flagged = [(f.start, f.end) for f in result.findings if f.severity in ("warning", "error")]
        for start, end in ex.planted:
            planted[ex.kind] += 1
            if any(s < end and start < e for s, e in flagged):
                found[ex.kind] += 1
            else:
                misses.append(ex.id)
        for s, e in flagged:
            if any(s < end and start < e for start, end in ex.planted):
                true_positives += 1
            else:
                false_positives += 1
                false_alarms.append((ex.id, ex.text[s:e][:80]))
    recall = {k: found[k] / planted[k] if planted[k] else 1.0 for k in DEFECTS}
    total_found, total_planted = sum(found.values()), sum(planted.values())
    return {
        "articles": len(examples),
        "precision": true_positives / (true_positives + false_positives) if true_positives + false_positives else 1.0,
        "recall": total_found / total_planted if total_planted else 1.0,
        "recall_by_kind": recall,
        "planted": total_planted,
        "false_positives": false_positives,
        "misses": misses,
        "false_alarms": false_alarms,
    }


def throughput() -> float:
    """docs/s of the check alone on ~3 KB articles (the Document built beforehand, as the engine does)."""
    bases = [text for path in SOURCES for _, _, text in read_articles(path)]
    articles = ["\n".join(bases[i : i + 5]) for i in range(0, len(bases) - 5)]
    documents = [Document(Article(id=str(i), text=t)) for i, t in enumerate(articles * 10)]
    check, context = DuplicationCheck(), CheckContext()
    start = time.perf_counter()
    for document in documents:
        check.run(document, context)
    return len(documents) / (time.perf_counter() - start)


def main() -> None:
    examples = build()
    print("split     articles  planted  precision  recall   " + "  ".join(f"{k:>14}" for k in DEFECTS))
    for split in (*SPLITS, "all"):
        chosen = [e for e in examples if split in ("all", e.split)]
        r = evaluate(chosen)
        by_kind = "  ".join(f"{r['recall_by_kind'][k]:>14.2f}" for k in DEFECTS)
        print(f"{split:<9} {r['articles']:>8} {r['planted']:>8} {r['precision']:>10.2f} {r['recall']:>7.2f}   {by_kind}")
    r = evaluate(examples)
    for miss in r["misses"]:
        print("  missed:", miss)
    for ident, text in r["false_alarms"]:
        print("  false alarm:", ident, repr(text))
    print(f"throughput: {throughput():,.0f} docs/s (check alone, ~3 KB articles)")


if __name__ == "__main__":
    main()
