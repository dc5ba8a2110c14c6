"""The attribution check on real, externally annotated news: the Gender Gap Tracker's 96 articles.

Every annotated quote (direct, in marks, and indirect, "X said that …") is matched one to one with
what the check reports in `details.quotes`, greedily by overlap, as the GGT's own evaluation does: a
pair matches when the reported span covers at least 30% of the annotated one (`--cover 0.8` for the
strict figure). Figures:

- content recall: annotated quotes matched, of all (and separately direct / indirect);
- precision: reported statements matched, of all reported;
- named-speaker accuracy: of the matched quotes the check gives a named speaker (a name, or a pronoun
  or role it resolved to a name), the share whose name is the annotated speaker's (same words after
  dropping titles and possessives, one name's words within the other's: "Trudeau" = "Justin Trudeau");
- named-speaker coverage: those named speakers, of all annotated quotes.

The split is by outlet (evaluation/ggt.py): tune on `dev`, report `test`.
Run: python -m evaluation.attribution_real [--split dev|test|all] [--show 20]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from evaluation import ggt
from reliability.check import CheckContext
from reliability.checks.attribution import AttributionCheck
from reliability.document import Document
from reliability.models import Article

#: Published figures of peers, printed beside ours (they are not measured on this set except GGT's own).
PEERS = (
    "GGT quote extractor v5.1 (spaCy + rules), same 98 articles: quote F1 83.7, speaker accuracy 86.0 "
    "(their evaluation, speaker spans overlapping)",
    "BBC Citron on PARC 3.0 test (other corpus): source P 92.9 R 73.3 F1 82.0; cue F1 82.3; content F1 59.3",
)
#: A manual audit of the statements this version reports on the test outlets that match no annotated
#: quote: `real` = an attribution the annotators left out ("a TransLink study in 2017 concluded …", "PBO
#: estimates that …"), `second_report` = a second statement over an annotated quote matched by another,
#: `wrong` = no attribution or wrong content. Audited once (2026-12-06), by reading each in its sentence;
#: a statement a later version reports differently is not in it and counts as wrong.
AUDIT = Path(__file__).with_name("attribution_audit.tsv")
AUDITED_REAL = {
    (row[0], int(row[1]), int(row[2]))
    for row in (line.split("\t") for line in AUDIT.read_text(encoding="utf-8").splitlines()[1:])
    if row[4] == "real"
}
_TITLES = re.compile(r"^(?:the|a|an|dr|prof|professor|mr|mrs|ms|sir|dame|premier|mayor|minister|president)\s+")


@dataclass
class Tally:
    gold: int = 0
    gold_direct: int = 0
    found: int = 0
    found_direct: int = 0
    predicted: int = 0
    matched_predictions: int = 0
    named_given: int = 0
    named_right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    audited_real: int = 0  # unmatched statements the audit found to be real attributions

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        recall, precision = ratio(self.found, self.gold), ratio(self.matched_predictions, self.predicted)
        return {
            "quotes": self.gold,
            "content_recall": recall,
            "direct_recall": ratio(self.found_direct, self.gold_direct),
            "indirect_recall": ratio(self.found - self.found_direct, self.gold - self.gold_direct),
            "precision": precision,
            "precision_audited": ratio(self.matched_predictions + self.audited_real, self.predicted),
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "named_speaker_accuracy": ratio(self.named_right, self.named_given),
            "named_speaker_coverage": ratio(self.named_given, self.gold),
        }


def name_words(name: str) -> list[str]:
    name = re.sub(r"[’']s\b", "", name.casefold())
    name = " ".join(re.sub(r"[^\w\s-]", " ", name).split())
    while _TITLES.match(name):
        name = _TITLES.sub("", name)
    return name.split()


def same_speaker(predicted: str, annotated: str) -> bool:
    p, a = name_words(predicted), name_words(annotated)
    if not p or not a:
        return False
    return set(p) <= set(a) or set(a) <= set(p)


def _coverage(gold: ggt.GoldQuote, start: int, end: int) -> float:
    return max(0, min(gold.end, end) - max(gold.start, start)) / max(1, gold.end - gold.start)


def match(gold: tuple[ggt.GoldQuote, ...], spans: list[tuple[int, int]], cover: float = 0.3) -> dict[int, int]:
    """Annotated quote -> reported span, one to one, greedily in text order: the span covering most of it,
    if it covers at least `cover` of it."""
    pairs: dict[int, int] = {}
    free = set(range(len(spans)))
    for g, quote in enumerate(gold):
        best = max(free, key=lambda k: _coverage(quote, *spans[k]), default=None)
        if best is not None and _coverage(quote, *spans[best]) >= cover:
            pairs[g] = best
            free.discard(best)
    return pairs


def evaluate(articles: list[ggt.GoldArticle], cover: float = 0.3) -> Tally:
    check, context = AttributionCheck(), CheckContext()
    tally = Tally()
    for article in articles:
        result = check.run(Document(Article(id=article.id, text=article.text)), context)
        predicted = list(result.details["quotes"])
        tally.predicted += len(predicted)
        pairs = match(article.quotes, [(q["start"], q["end"]) for q in predicted], cover)
        for g, gold in enumerate(article.quotes):
            tally.gold += 1
            tally.gold_direct += gold.direct
            if g not in pairs:
                tally.misses.append(
                    f"{article.id} [{'direct' if gold.direct else 'indirect'}] "
                    f"{article.text[gold.start : gold.end][:90]!r} ({gold.reference})"
                )
                continue
            tally.found += 1
            tally.found_direct += gold.direct
            tally.matched_predictions += 1
            quote = predicted[pairs[g]]
            if quote["speaker"] and quote.get("source") == "named":
                tally.named_given += 1
                annotated = gold.reference or gold.speaker
                if same_speaker(quote["speaker"]["text"], annotated) or same_speaker(
                    quote["speaker"]["text"], gold.speaker
                ):
                    tally.named_right += 1
                else:
                    tally.wrong_speakers.append(
                        f"{article.id} {quote['speaker']['text']!r} != {annotated!r}: "
                        f"{article.text[gold.start : gold.end][:70]!r}"
                    )
        for k in sorted(set(range(len(predicted))) - set(pairs.values())):
            q = predicted[k]
            tally.spurious.append(f"{article.id} [{q['kind']}] {article.text[q['start'] : q['end']][:90]!r}")
            tally.audited_real += (article.id, q["start"], q["end"]) in AUDITED_REAL
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("dev", "test", "all"))
    parser.add_argument("--cover", type=float, default=0.3, help="share of an annotated quote a match must cover")
    parser.add_argument(
        "--show", type=int, default=0, help="print this many misses, wrong speakers and spurious statements"
    )
    args = parser.parse_args()
    articles = ggt.load()
    print(f"data: {ggt.RAWTEXT.describe()}\n      {ggt.ANNOTATIONS.describe()}")
    outlets = Counter(a.outlet for a in articles if a.split == "test")
    print(f"split by outlet; test = {', '.join(sorted(outlets))}")
    print(
        f"{'split':<5} {'art':>4} {'quotes':>6} {'recall':>6} {'direct':>6} {'indir':>6} {'prec':>6} {'F1':>6} "
        f"{'named acc':>9} {'named cov':>9}"
    )
    shown = None
    for split in ("dev", "test", "all"):
        subset = [a for a in articles if split == "all" or a.split == split]
        tally = evaluate(subset, args.cover)
        f = tally.figures()
        print(
            f"{split:<5} {len(subset):>4} {f['quotes']:>6} {f['content_recall']:>6.3f} {f['direct_recall']:>6.3f} "
            f"{f['indirect_recall']:>6.3f} {f['precision']:>6.3f} {f['f1']:>6.3f} "
            f"{f['named_speaker_accuracy']:>9.3f} {f['named_speaker_coverage']:>9.3f}"
        )
        if split == args.split:
            shown = tally
    if shown is not None:
        print(
            f"{args.split} precision counting as right the {shown.audited_real} unmatched statements a manual audit "
            f"found real ({AUDIT.name}; secondary figure): {shown.figures()['precision_audited']:.3f}"
        )
    print("peers (published):\n  " + "\n  ".join(PEERS))
    if args.show and shown is not None:
        for title, lines in (
            ("missed", shown.misses),
            ("wrong named speaker", shown.wrong_speakers),
            ("spurious", shown.spurious),
        ):
            print(f"\n{title} ({len(lines)}):")
            for line in lines[: args.show]:
                print("  " + line)


if __name__ == "__main__":
    main()
