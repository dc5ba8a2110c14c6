"""Evaluate the readability check on the hand-written, annotated set in evaluation/readability/.

Prints, per split and overall, precision and recall per finding kind (a warning or error overlapping
an annotated span of that kind is a true positive; any other warning or error is a false positive),
the false positives on a list of real camel-case names, and the check's throughput in docs/s on
distinct ~3 KB articles. Run: python -m evaluation.readability
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.articles import read_annotated
from evaluation.harness import DATA, Tally, occurrences, overlaps
from reliability.check import CheckContext
from reliability.checks.readability import ReadabilityCheck
from reliability.document import Document
from reliability.models import Article

HERE = DATA / "readability"
KINDS = {"G": "glued_words", "L": "long_sentence", "S": "shouting"}
SERIOUS = ("warning", "error")


@dataclass
class Example:
    id: str
    split: str
    text: str
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: {k: [] for k in KINDS.values()})


def load(path: Path = HERE / "articles.txt") -> list[Example]:
    """Parse the annotated articles; every annotated substring must occur in its article."""
    examples: list[Example] = []
    for article in read_annotated(path):
        ex = Example(article.id, article.split, article.text)
        for line in article.notes:
            tag, _, needle = (p.strip() for p in line.partition("|"))
            if tag not in KINDS:
                continue
            ex.spans[KINDS[tag]] += [(at, at + len(needle)) for at in occurrences(ex.id, ex.text, needle)]
        examples.append(ex)
    return examples


def camel_case_names(path: Path = HERE / "camel_case_names.txt") -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def evaluate(examples: list[Example], check: ReadabilityCheck | None = None) -> dict:
    """Precision/recall per kind over warning-or-error findings; misses and false positives listed."""
    check = check or ReadabilityCheck()
    tally = {k: Tally() for k in KINDS.values()}
    found_as_info = dict.fromkeys(KINDS.values(), 0)
    misses: list[str] = []
    for ex in examples:
        result = check.run(Document(Article(id=ex.id, text=ex.text)), CheckContext())
        for kind, spans in ex.spans.items():
            found = [(f.start, f.end) for f in result.findings if f.code == f"readability.{kind}"]
            serious = [f for f in result.findings if f.code == f"readability.{kind}" and f.severity in SERIOUS]
            for s, e in spans:
                if overlaps(s, e, [(f.start, f.end) for f in serious]):
                    tally[kind].tp += 1
                else:
                    tally[kind].fn += 1
                    found_as_info[kind] += overlaps(s, e, found)
                    misses.append(f"{ex.id} missed {kind}: {ex.text[s:e][:60]!r}")
            for f in serious:
                if not overlaps(f.start, f.end, spans):
                    tally[kind].fp += 1
                    misses.append(f"{ex.id} false {kind} ({f.severity}): {ex.text[f.start : f.end][:60]!r}")
    report: dict = {"misses": misses}
    for kind, t in tally.items():
        report[kind] = {
            "precision": t.precision,
            "recall": t.recall,
            "tp": t.tp,
            "fp": t.fp,
            "fn": t.fn,
            "found_as_info": found_as_info[kind],
        }
    return report


def name_false_positives(check: ReadabilityCheck | None = None) -> dict:
    """Glued-word findings on real camel-case names, used mid-sentence and opening a sentence."""
    check = check or ReadabilityCheck()
    contexts = (
        "Shares of {} rose sharply on Tuesday after the results were published.",
        "{} said on Tuesday that it would appeal against the ruling.",
        "Analysts at the firm said the deal with {} was the largest of the year.\n{}\nThe statement followed.",
    )
    flagged: dict[str, list[str]] = {"warning": [], "info": []}
    names = camel_case_names()
    for name in names:
        for template in contexts:
            text = template.format(name, name)
            result = check.run(Document(Article(id=name, text=text)), CheckContext())
            for f in result.findings:
                if f.code == "readability.glued_words":
                    flagged["warning" if f.severity in SERIOUS else "info"].append(
                        f"{text[f.start : f.end]} in {template[:25]!r}"
                    )
    return {"names": len(names), "contexts": len(names) * len(contexts), **flagged}


def throughput(n: int = 1000, seed: int = 7) -> dict:
    """docs/s on n distinct ~3 KB articles built by shuffling sentences of the evaluation set.

    The syllable cache is cleared first, so the figure includes warming it up.
    """
    from reliability.language.dictionaries import pronunciations, syllables

    pronunciations()
    syllables.cache_clear()
    rng = random.Random(seed)
    pool = [ln for ex in load() for ln in ex.text.splitlines() if len(ln) > 40]
    texts = []
    for _ in range(n):
        lines: list[str] = []
        while sum(map(len, lines)) < 3000:
            lines.append(rng.choice(pool))
        texts.append("\n\n".join(lines))
    documents = [Document(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    check = ReadabilityCheck()
    started = time.perf_counter()
    for d in documents:
        check.run(d, CheckContext())
    check_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for i, t in enumerate(texts):
        check.run(Document(Article(id=str(i), text=t)), CheckContext())
    with_document = time.perf_counter() - started
    return {"articles": n, "check_docs_per_s": n / check_seconds, "with_document_docs_per_s": n / with_document}
