"""Turn repeats into findings an editor can act on, never flagging the same text twice."""

from __future__ import annotations

import re

from reliability.check import BaseCheck
from reliability.checks.duplication.matching import Repeat
from reliability.checks.duplication.ngrams import TOP_NGRAM_LIMITS, Passage, TopNgram
from reliability.checks.duplication.runs import Run
from reliability.document import Document
from reliability.language.punctuation import DOUBLE_QUOTE_MARKS
from reliability.models import Finding, Severity

ERROR_SHARE = 0.25  # a repeat covering a quarter of the article is a broken copy, not a slip
MIN_PASSAGE_WORDS = 12
MAX_WORDS_OUTSIDE_QUOTE = 1  # a repeat that is nothing but a quotation is a pull quote


class FindingBuilder:
    """Collects the findings of one article and the spans already explained by them."""

    def __init__(self, check: BaseCheck, document: Document) -> None:
        self.check = check
        self.document = document
        self.size = max(1, len(document.text.strip()))
        self.findings: list[Finding] = []
        self.runs: list[Run] = []
        self._spans: list[tuple[int, int]] = []

    def covered(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self._spans)

    def _overlaps(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self._spans)

    def repeated_share(self) -> float:
        counted = [f for f in self.findings if f.severity != "info" and f.code != "duplication.ngram_repetition"]
        return min(1.0, sum(f.end - f.start for f in counted) / self.size)

    def _add(
        self,
        kind: str,
        severity: Severity,
        message: str,
        span: tuple[int, int],
        first: tuple[int, int],
        confidence: float = 1.0,
    ) -> None:
        self.findings.append(self.check.finding(kind, severity, message, *span, related=[first], confidence=confidence))
        self._spans.append(span)

    def paragraph_run(self, run: Run) -> None:
        self.runs.append(run)
        count = len(run.repeats)
        share = (run.end - run.start) / self.size
        where = self._line(run.first_start)
        if count == 1 and self._quoted(run.start, run.end):
            self._add(
                "paragraph",
                "info",
                f"This quote repeats the one on line {where}, a pull quote for emphasis.",
                (run.start, run.end),
                (run.first_start, run.first_end),
            )
            return
        what = f"These {count} paragraphs repeat" if count > 1 else "This paragraph repeats"
        how = "word for word" if run.exact else _edits(run.similarity)
        message = f"{what} the text from line {where}, {how}: {share:.0%} of the article is printed twice."
        severity: Severity = "error" if share >= ERROR_SHARE else "warning"
        kind = "paragraph" if run.exact else "near_paragraph"
        self._add(kind, severity, message, (run.start, run.end), (run.first_start, run.first_end), run.similarity)

    def sentences(self, run: list[Repeat]) -> None:
        """One finding for consecutive repeated sentences, pointing at the first sentence repeated."""
        if len(run) == 1:
            self.sentence(run[0])
            return
        span = (run[0].unit.start, run[-1].unit.end)
        first = run[0].first
        exact = all(r.exact for r in run)
        message = (
            f"These {len(run)} sentences in a row repeat earlier ones (the first from line {self._line(first.start)}), "
            f"{'word for word' if exact else 'with small edits'}."
        )
        severity: Severity = "error" if (span[1] - span[0]) / self.size >= ERROR_SHARE else "warning"
        self._add("sentence" if exact else "near_sentence", severity, message, span, (first.start, first.end))

    def sentence(self, repeat: Repeat) -> None:
        unit, first = repeat.unit, repeat.first
        where = self._line(first.start)
        if self._quoted(unit.start, unit.end):
            self._add(
                "sentence",
                "info",
                f"This quote repeats the one on line {where}, a pull quote for emphasis.",
                (unit.start, unit.end),
                (first.start, first.end),
            )
            return
        how = "word for word" if repeat.exact else _edits(repeat.similarity)
        message = f"This sentence repeats one on line {where} {how}."
        kind = "sentence" if repeat.exact else "near_sentence"
        self._add(kind, "warning", message, (unit.start, unit.end), (first.start, first.end), repeat.similarity)

    def passage(self, passage: Passage) -> None:
        words = self.document.words
        span = (words[passage.start].start, words[passage.start + passage.length - 1].end)
        first = (words[passage.first].start, words[passage.first + passage.length - 1].end)
        if passage.length < MIN_PASSAGE_WORDS or self._overlaps(*span):
            return
        opening, closing = self.document.sentence_at(span[0]), self.document.sentence_at(span[1] - 1)
        if opening is not None and closing is not None and self._quoted(opening.start, closing.end):
            self._add(
                "passage",
                "info",
                f"This quote repeats one from line {self._line(first[0])}, a pull quote.",
                span,
                first,
            )
            return
        message = f"These {passage.length} words repeat a passage from line {self._line(first[0])}."
        self._add("passage", "warning", message, span, first)

    def top_ngram(self, top: TopNgram) -> None:
        limit = TOP_NGRAM_LIMITS[top.n]
        if top.fraction <= limit:
            return
        words = self.document.words
        first = (words[top.positions[0]].start, words[top.positions[0] + top.n - 1].end)
        span = (words[top.positions[1]].start, words[top.positions[-1] + top.n - 1].end)
        if self._overlaps(*span) or any(f.code == "duplication.ngram_repetition" for f in self.findings):
            return  # already explained by a repeated passage, or by a shorter phrase of the same run
        phrase = " ".join(top.words)
        message = (
            f"“{phrase}” is repeated {len(top.positions)} times and makes up {top.fraction:.0%} of the text "
            f"(Gopher's quality rules allow {limit:.0%} for a {top.n}-word phrase): repetitive or generated text."
        )
        self.findings.append(self.check.finding("ngram_repetition", "warning", message, *span, related=[first]))

    def _quoted(self, start: int, end: int) -> bool:
        """Whether the text is a bare quotation, as a pull quote is: no attribution, no narration."""
        text = self.document.text[start:end]
        if not any(mark in text for mark in DOUBLE_QUOTE_MARKS):
            return False
        outside = re.sub(r"[\"“«„][^\"”»“]*[\"”»]?", " ", text)
        return len(re.findall(r"\w+", outside)) <= MAX_WORDS_OUTSIDE_QUOTE

    def _line(self, offset: int) -> int:
        return self.document.text.count("\n", 0, offset) + 1


def _edits(similarity: float) -> str:
    if similarity == 1.0:
        return "with only punctuation, capitals or quote marks changed"
    return f"with small edits (similarity {similarity:.2f})"
