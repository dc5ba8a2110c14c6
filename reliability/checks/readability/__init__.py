"""readability: how hard the article is to read, and what a reader trips on.

Metrics: the standard indices (Flesch reading ease, Flesch–Kincaid grade, Gunning fog, SMOG,
Coleman–Liau, ARI, Dale–Chall) computed from counts taken once over the shared Document, with
syllables from the CMU Pronouncing Dictionary (offline, see `reliability.language.dictionaries`).
Findings: sentences too long to follow, words run together by bad extraction, runs of capitals. The
score rewards text in the normal difficulty range of news and subtracts a little per finding (see
`scoring`).
"""

from __future__ import annotations

from pydantic import Field

from reliability.check import BaseCheck, CheckContext, CheckOptions
from reliability.checks.readability.formulas import count, counted_words, formulas
from reliability.checks.readability.glued_words import find_glued_words
from reliability.checks.readability.issues import Issue
from reliability.checks.readability.long_sentences import HARD_WORDS, LONG_WORDS, VERY_LONG_WORDS, find_long_sentences
from reliability.checks.readability.scoring import band_credit, band_reason, finding_penalty
from reliability.checks.readability.shouting import find_shouting
from reliability.document import Document
from reliability.hookspecs import hookimpl
from reliability.models import CheckResult


class ReadabilityOptions(CheckOptions):
    """Where a sentence becomes too long, in words (lists and tables are never counted)."""

    hard_sentence_words: int = Field(HARD_WORDS, ge=1, description="Longer than this: hard going (an info).")
    long_sentence_words: int = Field(
        LONG_WORDS, ge=1, description="Longer than this: most readers lose the thread (a warning)."
    )
    very_long_sentence_words: int = Field(
        VERY_LONG_WORDS, ge=1, description="Longer than this: usually several sentences run together (an error)."
    )


class ReadabilityCheck(BaseCheck):
    name = "readability"
    version = "1.0"
    weight = 0.5
    Options = ReadabilityOptions

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        counted = counted_words(document)
        counts = count(document, counted)
        indices = formulas(counts)
        english = document.looks_english
        options: ReadabilityOptions = self.options(context)
        issues: list[Issue] = []
        if english:
            issues += find_long_sentences(
                document,
                counted,
                options.hard_sentence_words,
                options.long_sentence_words,
                options.very_long_sentence_words,
            )
            issues += find_glued_words(document)
            issues += find_shouting(document)
        band = (
            band_credit(indices["flesch_reading_ease"], indices["flesch_kincaid_grade"], counts.words)
            if english
            else 1.0
        )
        score = band - finding_penalty(issues)
        longest = max((sum(counted[i] for i in s.words) for s in document.sentences), default=0)
        metrics = {
            **indices,
            "words": counts.words,
            "sentences": counts.sentences,
            "syllables": counts.syllables,
            "words_per_sentence": counts.words_per_sentence,
            "syllables_per_word": counts.syllables_per_word,
            "difficult_words": counts.difficult_words,
            "polysyllable_words": counts.polysyllables,
            "longest_sentence_words": longest,
            "band_credit": band,
            "long_sentences": sum(1 for i in issues if i.kind == "long_sentence"),
            "glued_words": sum(1 for i in issues if i.kind == "glued_words"),
            "shouting_runs": sum(1 for i in issues if i.kind == "shouting"),
        }
        findings = [
            self.finding(i.kind, i.severity, i.message, i.start, i.end, confidence=i.confidence) for i in issues
        ]
        details = (
            {}
            if english
            else {"note": "Not English: metrics reported, score not penalised (the formulas are tuned on English)."}
        )
        if band < 1:
            details["reason"] = band_reason(indices["flesch_reading_ease"], indices["flesch_kincaid_grade"])
        return self.result(score, findings, metrics, details)


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [ReadabilityCheck()]
