"""off_topic: text that does not belong to the article's story.

Two kinds. `off_topic.boilerplate`: the web page's own text caught in the extraction — navigation,
empty bylines, teaser lists, newsletter and social calls, donation appeals, cookie and copyright
notices, ad labels, comment sections (see `lexicon` and `boilerplate`). `off_topic.unrelated`: a
sentence about a different story spliced into the body (see `unrelated`). Syndication credits are an
info.
The score falls with the share of the article's characters flagged.
"""

from __future__ import annotations

from pydantic import Field

from reliability.check import BaseCheck, CheckContext, CheckOptions
from reliability.checks.off_topic.boilerplate import find_boilerplate
from reliability.checks.off_topic.unrelated import find_unrelated
from reliability.document import Document
from reliability.hookspecs import hookimpl
from reliability.models import CheckResult, Severity

BOILERPLATE_PENALTY = 1.5  # a fifth of the article being page chrome costs 0.3
UNRELATED_PENALTY = 3.0  # spliced-in text is worse: it misinforms


class OffTopicOptions(CheckOptions):
    """How sure the sentence model must be before a sentence from another story warns."""

    unrelated_warn_at: float | None = Field(
        None, gt=0, le=1, description="Likelihood from which a splice warns; unset: the model's shipped threshold."
    )


class OffTopicCheck(BaseCheck):
    name = "off_topic"
    version = "1.0"
    weight = 1.0
    wants_encoder = True
    Options = OffTopicOptions
    cuttable = ("boilerplate",)  # page chrome, not the story: `clean` may remove it

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        size = max(1, len(document.text.strip()))
        findings = []
        for hit in find_boilerplate(document, context.corpus):
            if hit.syndication:
                findings.append(
                    self.finding(
                        "syndication", "info", f"Syndication credit: {hit.reason}, not a defect.", hit.start, hit.end
                    )
                )
            else:
                message = f"Looks like {hit.reason}."
                findings.append(
                    self.finding(
                        "boilerplate",
                        "warning",
                        message[0].upper() + message[1:],
                        hit.start,
                        hit.end,
                        confidence=hit.confidence,
                    )
                )
        flagged = {s.index for s in document.sentences if any(f.start < s.end and s.start < f.end for f in findings)}
        unrelated_found, semantic = find_unrelated(
            document, flagged, context.corpus, context.encoder, self.options(context).unrelated_warn_at, context.story
        )
        for suspect, severity, message, related in unrelated_found:
            level: Severity = "warning" if severity == "warning" else "info"  # find_unrelated gives one of these two
            finding = self.finding("unrelated", level, message, suspect.sentence.start, suspect.sentence.end)
            findings.append(finding.model_copy(update={"related": list(related)}) if related else finding)
        boilerplate = sum(f.end - f.start for f in findings if f.code == "off_topic.boilerplate") / size
        unrelated = (
            sum(f.end - f.start for f in findings if f.code == "off_topic.unrelated" and f.severity != "info") / size
        )
        score = 1.0 - BOILERPLATE_PENALTY * boilerplate - UNRELATED_PENALTY * unrelated
        metrics = {
            "boilerplate_char_fraction": boilerplate,
            "unrelated_char_fraction": unrelated,
            "boilerplate_spans": sum(f.code == "off_topic.boilerplate" for f in findings),
            "unrelated_sentences": sum(f.code == "off_topic.unrelated" and f.severity != "info" for f in findings),
            "sentences_judged": len(document.sentences),
            "semantic_model": float(semantic),  # 1 when the sentence-embedding model judged the article
        }
        return self.result(score, findings, metrics)


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [OffTopicCheck()]
