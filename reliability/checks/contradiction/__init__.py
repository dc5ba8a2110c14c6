"""contradiction: statements in one article that cannot both be true.

Four detectors over the shared Document, each narrowing its candidate pairs cheaply — counts grouped
by what they count, titles by person, dates by event word, and sentences by an inverted index of
content words — so the cost grows with the number of matching pairs, not with the square of the
article's length. Disagreement between named sources ("X denied what Y alleged") and updates that say
so ("rose to 40 from 23") are not the article contradicting itself and are left alone.
"""

from __future__ import annotations

from reliability.check import BaseCheck, CheckContext
from reliability.checks.contradiction.numbers import number_conflicts
from reliability.checks.contradiction.polarity import polarity_conflicts
from reliability.checks.contradiction.roles import role_conflicts
from reliability.checks.contradiction.statements import statements
from reliability.checks.contradiction.times import time_conflicts
from reliability.document import Document
from reliability.hookspecs import hookimpl
from reliability.models import CheckResult

KINDS = ("number", "role", "time", "polarity")
PENALTY_PER_WARNING = 0.35  # two certain contradictions leave little trust; infos cost nothing


class ContradictionCheck(BaseCheck):
    name = "contradiction"
    version = "1.0"
    weight = 1.0

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        said = statements(document)
        conflicts = [
            *number_conflicts(document, said),
            *role_conflicts(document, said),
            *time_conflicts(document, said),
            *polarity_conflicts(said),
        ]
        seen: set[tuple[int, int]] = set()
        findings = []
        for conflict in conflicts:
            key = (conflict.earlier.sentence.index, conflict.later.sentence.index)
            if key in seen:
                continue
            seen.add(key)
            later, earlier = conflict.later.sentence, conflict.earlier.sentence
            findings.append(self.finding(conflict.kind, "warning", conflict.message, later.start, later.end,
                                         related=[(earlier.start, earlier.end)]))
        warnings = len(findings)
        metrics = {f"{kind}_conflicts": sum(f.code == f"contradiction.{kind}" for f in findings) for kind in KINDS}
        metrics["statements"] = len(said)
        return self.result(1.0 - PENALTY_PER_WARNING * warnings, findings, metrics)


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [ContradictionCheck()]
