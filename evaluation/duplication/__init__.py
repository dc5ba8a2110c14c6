"""Evaluate the duplication check on planted repeats and clean controls; print precision, recall and docs/s.

The set is built deterministically from the project's own clean articles (see
evaluation/duplication/README.md). A planted repeat is found when a warning or error finding
overlaps it; every other warning or error is a false positive. Run: python -m evaluation.duplication
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass, field

from evaluation.articles import read_articles
from evaluation.harness import DATA, SPLITS, Tally, overlaps
from reliability.check import CheckContext
from reliability.checks.duplication import DuplicationCheck
from reliability.document import Document
from reliability.models import Article

SOURCES = [DATA / "attribution" / "articles.txt", DATA / "readability" / "articles.txt"]
CONTROLS = DATA / "duplication" / "controls.txt"
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
                examples.append(
                    Example(f"{ident}/near_sentence", split, "near_sentence", body, [(start, start + len(copy))])
                )
        quotes = [m.group(0) for m in re.finditer(r"“[^”\n]{20,}”|\"[^\"\n]{20,}\"", text)]
        if quotes:
            examples.append(Example(f"{ident}/pull_quote", split, "control", text + "\n" + rng.choice(quotes)))
        if len(lines) >= 3:
            dated = "\n".join(("LONDON (Reuters) — " + line if i in (0, 2) else line) for i, line in enumerate(lines))
            examples.append(Example(f"{ident}/dateline", split, "control", dated))
        examples.append(
            Example(
                f"{ident}/chant",
                split,
                "control",
                text + "\nOutside, a small crowd chanted: “Not in our name! Not in our name!”",
            )
        )
    for ident, _, text in read_articles(CONTROLS):
        examples.append(Example(ident, SPLITS[len(examples) % 3], "control", text))
    return examples


def evaluate(examples: list[Example]) -> dict:
    check, context = DuplicationCheck(), CheckContext()
    by_kind = {k: Tally() for k in DEFECTS}  # planted repeats found (tp) and missed (fn), per defect
    flags = Tally()  # warnings on a planted repeat (tp) and elsewhere (fp)
    misses, false_alarms = [], []
    for ex in examples:
        result = check.run(Document(Article(id=ex.id, text=ex.text)), context)
        flagged = [(f.start, f.end) for f in result.findings if f.severity in ("warning", "error")]
        for start, end in ex.planted:
            if overlaps(start, end, flagged):
                by_kind[ex.kind].tp += 1
            else:
                by_kind[ex.kind].fn += 1
                misses.append(ex.id)
        for s, e in flagged:
            if overlaps(s, e, ex.planted):
                flags.tp += 1
            else:
                flags.fp += 1
                false_alarms.append((ex.id, ex.text[s:e][:80]))
    planted = sum(by_kind.values(), Tally())
    return {
        "articles": len(examples),
        "precision": flags.precision,
        "recall": planted.recall,
        "recall_by_kind": {k: t.recall for k, t in by_kind.items()},
        "planted": planted.tp + planted.fn,
        "false_positives": flags.fp,
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
