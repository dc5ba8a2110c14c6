"""The contradiction check on real text: false alarms on clean news, precision on real contradictions.

1. False alarms: the share of clean news articles (evaluation/news.py: Article-Bias-Prediction news
   desks, split by outlet, and 1987 Reuters wire stories, all test) on which the check warns at all.
   Nobody planted a contradiction there; a few real ones exist, so this is an upper bound on false alarms.
2. Real contradictions with both spans known: natural-language-inference pairs written and labelled by
   people (SICK; ANLI, whose premises are Wikipedia and news paragraphs; ConTRoL, passages of exam
   reading). Each pair becomes a two-paragraph text, premise then hypothesis. A warning is right when
   the pair is labelled a contradiction and the warning joins the hypothesis to the premise (one span on
   each); any other warning, on any pair (entailment, neutral or contradiction), is wrong. Precision over
   all warnings; recall over the contradiction pairs.

Run: python -m evaluation.contradiction_real [--split dev|test] [--show 20]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field

from evaluation import news
from evaluation.public import PublicFile, read_bytes
from reliability.check import CheckContext
from reliability.checks.contradiction import ContradictionCheck
from reliability.document import Document
from reliability.models import Article

SICK = PublicFile("kkalouli/SICK-processing", "0848f4aec608", "SICK.txt", "CC BY-NC-SA 3.0")
ANLI = PublicFile(
    "eric11eca/curriculum-ling", "1c79904f9be3", "data/anli_v1.0/R{1,2,3}/{dev,test}.jsonl", "CC BY-NC 4.0"
)
CONTROL = PublicFile("csitfun/ConTRoL-dataset", "d7acc335bef6", "data/{dev,test}.jsonl", "research use")


@dataclass(frozen=True)
class Pair:
    id: str
    corpus: str
    split: str
    premise: str
    hypothesis: str
    contradiction: bool


def _sick() -> list[Pair]:
    lines = read_bytes(SICK).decode("utf-8").splitlines()
    header = lines[0].split("\t")
    pairs = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        split = "test" if row.get("SemEval_set") == "TEST" else "dev"
        pairs.append(
            Pair(
                f"sick:{row['pair_ID']}",
                "SICK",
                split,
                row["sentence_A"].strip() + ".",
                row["sentence_B"].strip() + ".",
                row["entailment_label"] == "CONTRADICTION",
            )
        )
    return pairs


def _jsonl(source: PublicFile, corpus: str, split: str, premise_key: str) -> list[Pair]:
    pairs = []
    for line in read_bytes(source).decode("utf-8").splitlines():
        row = json.loads(line)
        pairs.append(
            Pair(
                f"{corpus.lower()}:{row['uid']}",
                corpus,
                split,
                row[premise_key].strip(),
                row["hypothesis"].strip(),
                row["label"] == "c",
            )
        )
    return pairs


def inference_pairs() -> list[Pair]:
    pairs = _sick()
    for split in ("dev", "test"):
        for rnd in ("R1", "R2", "R3"):
            source = PublicFile(ANLI.repo, ANLI.commit, f"data/anli_v1.0/{rnd}/{split}.jsonl", ANLI.licence)
            pairs += _jsonl(source, "ANLI", split, "context")
        source = PublicFile(CONTROL.repo, CONTROL.commit, f"data/{split}.jsonl", CONTROL.licence)
        pairs += _jsonl(source, "ConTRoL", split, "premise")
    return pairs


@dataclass
class PairTally:
    pairs: int = 0
    contradictions: int = 0
    warnings: int = 0
    right: int = 0
    found: int = 0
    wrong: list[str] = field(default_factory=list)


def _warnings(check: ContradictionCheck, ident: str, text: str) -> list:
    result = check.run(Document(Article(id=ident, text=text)), CheckContext())
    return [f for f in result.findings if f.severity != "info"]


def evaluate_pairs(pairs: list[Pair]) -> dict[str, PairTally]:
    check = ContradictionCheck()
    tallies: dict[str, PairTally] = {}
    for pair in pairs:
        tally = tallies.setdefault(pair.corpus, PairTally())
        text = f"{pair.premise}\n\n{pair.hypothesis}"
        cut = len(pair.premise) + 2
        tally.pairs += 1
        tally.contradictions += pair.contradiction
        hit = False
        for finding in _warnings(check, pair.id, text):
            tally.warnings += 1
            spans = [(finding.start, finding.end), *((r.start, r.end) for r in finding.related)]
            on_hypothesis = any(s >= cut for s, _ in spans)
            on_premise = any(e <= cut for _, e in spans)
            if pair.contradiction and on_hypothesis and on_premise:
                tally.right += 1
                hit = True
            else:
                tally.wrong.append(
                    f"{pair.id} ({'c' if pair.contradiction else 'not c'}) {finding.code}: "
                    f"{pair.premise[:80]!r} / {pair.hypothesis[:80]!r}"
                )
        tally.found += hit
    return tallies


def evaluate_clean(articles: list[news.NewsArticle]) -> tuple[int, int, list[str]]:
    """(articles, articles warned on, the warnings as text)."""
    check = ContradictionCheck()
    warned, shown = 0, []
    for article in articles:
        text = f"{article.title}\n\n{article.text}" if article.title else article.text
        found = _warnings(check, article.id, text)
        warned += bool(found)
        for f in found:
            earlier = text[f.related[0].start : f.related[0].end] if f.related else ""
            shown.append(
                f"{article.id} [{article.outlet}] {f.code}: {earlier[:110]!r} // {text[f.start : f.end][:110]!r}"
            )
    return len(articles), warned, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument(
        "--per-outlet", type=int, default=150, help="clean articles per outlet (Article-Bias-Prediction)"
    )
    parser.add_argument("--reuters", type=int, default=1000, help="Reuters-21578 stories (test split)")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    print(
        f"data: {news.ABP.describe()}\n      {news.REUTERS.describe()}\n      {SICK.describe()}\n"
        f"      {ANLI.describe()}\n      {CONTROL.describe()}"
    )
    clean = [a for a in news.article_bias_prediction(args.per_outlet) if a.split == args.split]
    if args.split == "test":
        clean += news.reuters(args.reuters)
    n, warned, shown = evaluate_clean(clean)
    print(
        f"\nclean news ({args.split}): {n} articles from {len(Counter(a.outlet for a in clean))} outlets; "
        f"warned on {warned} ({warned / n:.1%}); {len(shown)} warnings"
    )
    for line in shown[: args.show]:
        print("  " + line)
    pairs = [p for p in inference_pairs() if p.split == args.split]
    print(
        f"\ninference pairs ({args.split}): {'corpus':<8} {'pairs':>6} {'contra':>6} {'warn':>5} {'right':>5} "
        f"{'prec':>5} {'recall':>6}"
    )
    for corpus, t in evaluate_pairs(pairs).items():
        precision = t.right / t.warnings if t.warnings else float("nan")
        print(
            f"{'':<24}{corpus:<8} {t.pairs:>6} {t.contradictions:>6} {t.warnings:>5} {t.right:>5} "
            f"{precision:>5.2f} {t.found / t.contradictions:>6.3f}"
        )
        for line in t.wrong[: args.show]:
            print("    " + line)


if __name__ == "__main__":
    main()
