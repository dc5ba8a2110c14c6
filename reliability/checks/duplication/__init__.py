"""duplication: text the article prints twice, exactly or with small edits.

Within one article: repeated paragraphs (consecutive ones grouped into one run, so an article
printed twice is one finding), repeated sentences, repeated passages that cross sentence
boundaries, and Gopher-style repeated n-gram coverage. Each finding sits on the repeat; `related`
points at the first occurrence. A repeated quote (a pull quote) is an info, and repeats shorter than
eight words (datelines, bylines, a chant) are not counted at all.
"""

from __future__ import annotations

from reliability.check import BaseCheck, CheckContext
from reliability.checks.duplication.findings import FindingBuilder
from reliability.checks.duplication.matching import Repeat, find_repeats
from reliability.checks.duplication.ngrams import duplicate_ngram_fractions, repeated_passages, top_ngrams
from reliability.checks.duplication.runs import group_runs
from reliability.checks.duplication.units import paragraphs, sentences
from reliability.document import Document
from reliability.hookspecs import hookimpl
from reliability.models import CheckResult

PENALTY_PER_SHARE = 2.0  # score = 1 - 2 x (share of characters repeated): half the article repeated scores 0
NGRAM_PENALTY = 0.1


class DuplicationCheck(BaseCheck):
    name = "duplication"
    version = "1.0"
    weight = 1.0

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        build = FindingBuilder(self, document)
        paragraph_repeats = find_repeats(paragraphs(document))
        for paragraph_run in group_runs(paragraph_repeats):
            build.paragraph_run(paragraph_run)
        sentence_repeats = [r for r in find_repeats(sentences(document)) if not build.covered(r.unit.start, r.unit.end)]
        for sentence_run in _consecutive(sentence_repeats):
            build.sentences(sentence_run)
        words = document.lower_words
        for passage in repeated_passages(words):
            build.passage(passage)
        tops = top_ngrams(words)
        for top in tops:
            build.top_ngram(top)
        duplicate_fractions = duplicate_ngram_fractions(words)

        findings = build.findings
        share = build.repeated_share()
        monotony = sum(f.code == "duplication.ngram_repetition" for f in findings)
        score = 1.0 - PENALTY_PER_SHARE * share - NGRAM_PENALTY * monotony
        metrics = {
            "duplicated_char_fraction": share,
            "duplicated_paragraphs": sum(len(r.repeats) for r in build.runs),
            "duplicated_sentences": sum(len(run) for run in _consecutive(sentence_repeats)),
            "duplicated_passages": sum(f.code == "duplication.passage" for f in findings),
            "near_duplicates": sum(".near_" in f.code for f in findings),
            **{f"top_{t.n}gram_char_fraction": t.fraction for t in tops},
            **{f"duplicate_{n}gram_char_fraction": v for n, v in duplicate_fractions.items()},
        }
        return self.result(score, findings, metrics)


def _consecutive(repeats: list[Repeat]) -> list[list[Repeat]]:
    """Repeated sentences that follow one another, grouped: a sentence pasted fifty times is one finding."""
    runs: list[list[Repeat]] = []
    for repeat in repeats:
        if runs and repeat.unit.index == runs[-1][-1].unit.index + 1:
            runs[-1].append(repeat)
        else:
            runs.append([repeat])
    return runs


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [DuplicationCheck()]
