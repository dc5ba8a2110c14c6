"""integrity: is this analysable article text at all?

Bad input gets a defined, explained result instead of a traceback or a misleading score:
empty text, binary data, bytes that were not valid UTF-8, HTML markup instead of prose,
non-English text (the other checks are tuned on English news) and text too long to analyse whole.
"""

from __future__ import annotations

from reliability.check import BaseCheck, CheckContext
from reliability.document import MAX_ANALYSED_CHARS, Document
from reliability.hookspecs import hookimpl
from reliability.models import CheckResult, Finding

#: Fewer words than this is not an article (a headline, a caption, an error page).
MIN_WORDS = 40


class IntegrityCheck(BaseCheck):
    name = "integrity"
    version = "1.0"
    weight = 1.0

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        text = document.text
        n = len(text)
        findings: list[Finding] = []
        score = 1.0
        words = document.word_count
        control_share = document.control_chars / n if n else 0.0
        markup_share = document.markup_chars / n if n else 0.0
        bad_bytes_share = document.replacement_chars / n if n else 0.0

        if not text.strip():
            findings.append(self.finding("empty", "error", "The article has no text.", 0, n))
            score = 0.0
        elif control_share > 0.01 or bad_bytes_share > 0.3:
            findings.append(
                self.finding(
                    "binary",
                    "error",
                    f"This looks like binary data, not text: {document.control_chars} control characters and "
                    f"{document.replacement_chars} undecodable bytes in {n} characters.",
                    0,
                    n,
                )
            )
            score = 0.0
        elif words < MIN_WORDS:
            findings.append(
                self.finding(
                    "too_short", "warning", f"Only {words} words: too little text to judge as an article.", 0, n
                )
            )
            score = 0.4
        if document.replacement_chars and score > 0:
            first = text.index("\ufffd")
            findings.append(
                self.finding(
                    "encoding",
                    "warning",
                    f"{document.replacement_chars} characters could not be decoded (invalid UTF-8) and were replaced.",
                    first,
                    first + 1,
                )
            )
            score -= min(0.3, bad_bytes_share * 10)
        if markup_share > 0.02 and score > 0:
            findings.append(
                self.finding(
                    "markup",
                    "warning",
                    f"{markup_share:.0%} of the text is HTML markup; it was ignored, but the page may need proper extraction.",
                    0,
                    min(n, MAX_ANALYSED_CHARS),
                )
            )
            score -= min(0.4, markup_share)
        if words >= MIN_WORDS and not document.looks_english:
            findings.append(
                self.finding(
                    "language",
                    "info",
                    "The text does not read as English; the checks are tuned on English news, so treat the scores with care.",
                    0,
                    min(n, MAX_ANALYSED_CHARS),
                    confidence=0.7,
                )
            )
        if document.truncated:
            findings.append(
                self.finding(
                    "truncated",
                    "warning",
                    f"Only the first {MAX_ANALYSED_CHARS:,} of {n:,} characters were analysed.",
                    MAX_ANALYSED_CHARS,
                    n,
                )
            )
            score -= 0.1
        return self.result(
            score,
            findings,
            metrics={
                "characters": n,
                "words": words,
                "markup_share": markup_share,
                "control_chars": document.control_chars,
                "undecodable_chars": document.replacement_chars,
                "english_share": document.english_share,
            },
        )


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [IntegrityCheck()]
