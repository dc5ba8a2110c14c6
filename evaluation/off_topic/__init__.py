"""Evaluate the off_topic check on planted unrelated sentences and boilerplate, with clean controls.

Built deterministically from the project's own articles: the long stories in
evaluation/off_topic/ (plus the short ones of the attribution set for boilerplate) get (a) one
sentence from a different story spliced in after the first sentence (inside a paragraph, in the lead
paragraph or as a paragraph of its own) or before it, and once more laid out as wire copy, a
paragraph per sentence, where the splice shares a paragraph with one sentence of the story; (b) the
same after the first sentence of two briefs cut from each story; or (c) two to four boilerplate
lines from evaluation/off_topic/boilerplate.txt at the top, the bottom or between paragraphs. A
planted span counts as found when a warning overlaps it; any other warning is a false positive.
Splits follow the article and the boilerplate line. When ../shared/seeds is present, the same
splicing into those real articles is measured too (`real_hosts`).
The donor of a splice is any other story; a second, harder set takes it from a related story (one of
the few nearest the host in words: a strike into a strike, a court case into a court case), where only
the names and the facts differ. It is reported apart and never trained on.
`--real-copy DIR` measures the check on real articles of your own as well (`real_copy`).
Run: python -m evaluation.off_topic [--real-copy DIR]
"""

from __future__ import annotations

import time

from evaluation.articles import read_articles
from evaluation.harness import SPLITS, Tally, overlaps
from evaluation.off_topic.planting import DONORS, KINDS, LONG, PLACEMENTS, Example, build, related_stories
from evaluation.off_topic.real import real_copy, real_hosts
from reliability.check import CheckContext
from reliability.checks.off_topic import OffTopicCheck
from reliability.document import Document
from reliability.models import Article
from reliability.semantic import SentenceEncoder, load_encoder

__all__ = ["DONORS", "KINDS", "SPLITS", "Example", "build", "evaluate", "real_copy", "real_hosts", "related_stories"]
RECALL_OPERATING_POINTS = (0.3, 0.4)  # lower warning bars a pipeline may choose (the option unrelated_warn_at)


class MemoEncoder:
    """The process's sentence encoder, remembering each sentence: the splices of one article share all but one."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.name, self._encoder, self._known = encoder.name, encoder, {}

    def encode(self, texts):
        import numpy as np

        new = [t for t in dict.fromkeys(texts) if t not in self._known]
        self._known.update(zip(new, self._encoder.encode(new)))
        return np.array([self._known[t] for t in texts]).reshape(len(texts), -1)


def semantic_encoder() -> MemoEncoder | None:
    """The semantic model when the extra is installed (the figures differ with and without it)."""
    encoder = load_encoder()
    return MemoEncoder(encoder) if encoder is not None else None


def evaluate(examples: list[Example], encoder: SentenceEncoder | None = None, options: dict | None = None) -> dict:
    check, context = OffTopicCheck(), CheckContext(options=options or {}, encoder=encoder)
    planted = {k: Tally() for k in KINDS}  # planted spans a warning found (tp) or missed (fn)
    flags = {k: Tally() for k in KINDS}  # warnings on a planted span (tp) or elsewhere (fp)
    noted = {k: Tally() for k in KINDS}  # the same over findings of any severity, info included
    by_placement = {placement: Tally() for placement in PLACEMENTS}  # planted splices found, by placement
    misses, false_alarms = [], []
    for ex in examples:
        result = check.run(Document(Article(id=ex.id, text=ex.text)), context)
        for kind in KINDS:
            flagged = [
                (f.start, f.end) for f in result.findings if f.code == f"off_topic.{kind}" and f.severity != "info"
            ]
            any_severity = [(f.start, f.end) for f in result.findings if f.code == f"off_topic.{kind}"]
            noted[kind].fp += sum(1 for s, e in any_severity if not overlaps(s, e, ex.planted[kind]))
            for start, end in ex.planted[kind]:
                seen = overlaps(start, end, any_severity)
                noted[kind].tp += seen
                noted[kind].fn += not seen
                found = overlaps(start, end, flagged)
                if kind == "unrelated":
                    by_placement[ex.placement].tp += found
                    by_placement[ex.placement].fn += not found
                if found:
                    planted[kind].tp += 1
                else:
                    planted[kind].fn += 1
                    misses.append((ex.id, kind, ex.text[start:end][:90]))
            planted_any = [span for spans in ex.planted.values() for span in spans]
            for s, e in flagged:
                if overlaps(s, e, planted_any):
                    flags[kind].tp += 1
                else:
                    flags[kind].fp += 1
                    false_alarms.append((ex.id, kind, ex.text[s:e][:90]))
    report = {"articles": len(examples), "misses": misses, "false_alarms": false_alarms}
    report["unrelated_recall_by_placement"] = {
        p: (t.recall, t.tp + t.fn) for p, t in by_placement.items() if t.tp + t.fn
    }
    for kind in KINDS:
        report[f"{kind}_planted"] = planted[kind].tp + planted[kind].fn
        report[f"{kind}_recall"] = planted[kind].recall
        report[f"{kind}_precision"] = flags[kind].precision
        report[f"{kind}_recall_with_info"] = noted[kind].recall
        report[f"{kind}_precision_with_info"] = noted[kind].precision
    report["clean_articles_with_warnings"] = len(
        {i.rsplit("/", 1)[0] for i, _, _ in false_alarms if i.endswith("/clean")}
    )
    return report


def throughput(encoder: SentenceEncoder | None = None, copies: int = 40) -> float:
    """docs/s of the check alone on ~3 KB articles (Documents built beforehand, as the engine does;
    with an encoder, encoding every article's sentences is part of the time)."""
    texts = [t for path in LONG for _, _, t in read_articles(path)] * copies
    documents = [Document(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    check, context = OffTopicCheck(), CheckContext(encoder=encoder)
    check.run(documents[0], context)
    start = time.perf_counter()
    for document in documents:
        check.run(document, context)
    return len(documents) / (time.perf_counter() - start)
