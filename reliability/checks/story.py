"""story: what the other reports of the same story say about this one (story mode only).

Runs only when the engine scores a batch as stories (`Engine.score_corpus`, `--corpus`) and the
article has at least one sibling. Findings point into the sibling with `related[].article`:
`story.conflict` (the same quote given to different speakers, one person given two titles: a
warning; the same count given different values: an info, as a later report may carry an update),
`story.syndication` (info: the same text as another report, so a pipeline can keep one). The
score is the share of the report's attributed statements and counts that another report confirms,
less the conflicts; see docs/story_mode.md.
"""

from __future__ import annotations

from reliability.check import BaseCheck, CheckContext
from reliability.document import Document
from reliability.hookspecs import hookimpl
from reliability.models import CheckResult, Finding, RelatedSpan

MIN_CLAIMS = 3  # fewer claims than this say too little about corroboration to score it
UNCORROBORATED_PENALTY = 0.4  # a report none of whose claims another report confirms loses this much
CONFLICT_PENALTY = 0.1  # per conflict warning: one of the two reports is wrong, and we cannot say which


class StoryCheck(BaseCheck):
    name = "story"
    version = "1.0"
    weight = 1.0
    needs_story = True  # the engine runs it only in story mode, on an article with siblings

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        from reliability.story.evidence import conflicts, corroboration, syndicated

        story = context.story
        if story is None or not story.siblings:
            return self.result(1.0, [], {"reports": 1})
        findings: list[Finding] = []
        seen: set[tuple[str, int, int]] = set()
        for sibling in story.siblings:
            for conflict in conflicts(story.own, sibling):
                key = (conflict.kind, conflict.start, conflict.end)
                if key in seen:
                    continue
                seen.add(key)
                severity = "info" if conflict.kind == "count" else "warning"
                findings.append(
                    self._cross(
                        "conflict",
                        severity,
                        conflict.message,
                        conflict.start,
                        conflict.end,
                        conflict.other,
                        conflict.other_start,
                        conflict.other_end,
                    )
                )
        for sibling, share in syndicated(story):
            findings.append(
                self._cross(
                    "syndication",
                    "info",
                    f"The same text as {sibling.article} (about {share:.0%} of their five-word "
                    "runs are shared): syndicated copy, not a defect; a pipeline may keep one.",
                    0,
                    len(document.text),
                    sibling.article,
                    0,
                    sibling.length,
                )
            )
        confirmed, claims = corroboration(story)
        share = confirmed / claims if claims else 0.0
        warnings = sum(f.severity == "warning" for f in findings)
        score = 1.0 - CONFLICT_PENALTY * warnings
        if claims >= MIN_CLAIMS:
            score -= UNCORROBORATED_PENALTY * (1.0 - share)
        metrics = {
            "reports": story.reports,
            "claims": claims,
            "claims_confirmed": confirmed,
            "corroboration": share,
            "conflicts": sum(f.code == "story.conflict" for f in findings),
            "syndicated_with": sum(f.code == "story.syndication" for f in findings),
        }
        return self.result(score, findings, metrics, {"story": story.id})

    def _cross(
        self, kind: str, severity: str, message: str, start: int, end: int, other: str, other_start: int, other_end: int
    ) -> Finding:
        finding = self.finding(kind, severity, message, start, end)  # type: ignore[arg-type]
        return finding.model_copy(update={"related": [RelatedSpan(start=other_start, end=other_end, article=other)]})


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [StoryCheck()]
