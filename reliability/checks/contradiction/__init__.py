"""contradiction: statements in one article that cannot both be true.

Four detectors over the shared Document, each narrowing its candidate pairs cheaply — counts grouped
by what they count, titles by person, dates by event word, and sentences by an inverted index of
content words — so the cost grows with the number of matching pairs, not with the square of the
article's length. Disagreement between named sources ("X denied what Y alleged") and updates that say
so ("rose to 40 from 23") are not the article contradicting itself and are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from pydantic import Field

from reliability.check import BaseCheck, CheckContext, CheckOptions
from reliability.checks.contradiction.conflicts import Conflict
from reliability.checks.contradiction.gate import load_gate
from reliability.checks.contradiction.numbers import number_conflicts
from reliability.checks.contradiction.polarity import polarity_conflicts
from reliability.checks.contradiction.roles import role_conflicts
from reliability.checks.contradiction.statements import Statement, statements
from reliability.checks.contradiction.times import time_conflicts
from reliability.document import Document
from reliability.hookspecs import hookimpl
from reliability.models import CheckResult, Severity

KINDS = ("number", "role", "time", "polarity")
TEMPLATE_WORDS = 2  # lines opening with the same capitalised words, three or more times, are a gallery or list
_DIGIT_RE = re.compile(r"\d")
PENALTY_PER_WARNING = 0.35  # two certain contradictions leave little trust; infos cost nothing


class ContradictionOptions(CheckOptions):
    """What a contradiction costs the check's score."""

    penalty_per_warning: float = Field(
        PENALTY_PER_WARNING, ge=0, le=1, description="Score lost per contradiction found (the score floors at 0)."
    )


class ContradictionCheck(BaseCheck):
    name = "contradiction"
    version = "1.0"
    weight = 1.0
    Options = ContradictionOptions

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        gate = load_gate()
        findings = []
        for conflict in candidate_conflicts(document):
            later, earlier = conflict.later.sentence, conflict.earlier.sentence
            likelihood = gate.likelihood(conflict)
            severity: Severity = "warning" if gate.warns(conflict, likelihood) else "info"
            message = conflict.message if severity == "warning" else f"Possibly: {conflict.message}"
            findings.append(
                self.finding(
                    conflict.kind,
                    severity,
                    message,
                    later.start,
                    later.end,
                    related=[(earlier.start, earlier.end)],
                    confidence=likelihood,
                )
            )
        warnings = [f for f in findings if f.severity == "warning"]
        metrics = {f"{kind}_conflicts": sum(f.code == f"contradiction.{kind}" for f in warnings) for kind in KINDS}
        metrics["candidate_pairs"] = len(findings)
        metrics["statements"] = len(document.sentences)
        return self.result(1.0 - self.options(context).penalty_per_warning * len(warnings), findings, metrics)


def candidate_conflicts(document: Document) -> list[Conflict]:
    """Every pair the four detectors propose, one per pair of sentences, before the gate weighs them."""
    said = statements(document)
    conflicts = [
        *number_conflicts(document, said),
        *role_conflicts(document, said),
        *time_conflicts(document, said),
        *polarity_conflicts(said),
    ]
    if not conflicts:
        return []
    template = _template_lines(said)
    seen: set[tuple[int, int]] = set()
    unique = []
    for conflict in conflicts:
        key = (conflict.earlier.sentence.index, conflict.later.sentence.index)
        if key not in seen and not template.intersection(key):
            seen.add(key)
            unique.append(conflict)
    return unique


def _template_lines(said: list[Statement]) -> set[int]:
    """Sentences opening like two or more others ("Hide Caption 3 of 24 Photos: …", "JUST WATCHED …
    Replay More Videos"): the items of a photo gallery or a video list the extraction kept, which describe
    different pictures, not one fact twice."""
    openings = [_opening(s) for s in said]
    repeats = Counter(openings)
    return {s.sentence.index for s, opening in zip(said, openings, strict=True) if opening and repeats[opening] >= 3}


def _opening(statement: Statement) -> str:
    """The first words of a line set in capitals ("Hide Caption", "JUST WATCHED"), numbers skipped."""
    words = list(islice((w for w in statement.sentence.text.split() if not _DIGIT_RE.search(w)), TEMPLATE_WORDS))
    if len(words) < TEMPLATE_WORDS or not all(w[:1].isupper() for w in words):
        return ""
    return " ".join(w.lower().strip(":,.") for w in words)


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [ContradictionCheck()]
