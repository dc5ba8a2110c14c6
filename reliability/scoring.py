"""Check results -> overall score. A pure function of the results and the settings.

The overall score is a weighted mean of the check scores, pulled down by the worst one:

    overall = 100 * mean_w(s) * (0.5 + 0.5 * min(s))   over checks that produced a score

A plain mean lets one badly broken aspect (an article printed twice) hide behind four fine ones;
the `min` term makes a single severe defect cost up to half the score, while an article where
every check is content keeps its mean. Checks that crashed (score None) are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from reliability.hookspecs import hookimpl
from reliability.models import CheckResult


def overall_score(results: Sequence[CheckResult]) -> float:
    """0..100 from the scored checks; 0 when no check could score."""
    scored = [(r.score, r.weight) for r in results if r.score is not None and r.weight > 0]
    if not scored:
        return 0.0
    total_weight = sum(w for _, w in scored)
    mean = sum(s * w for s, w in scored) / total_weight
    worst = min(s for s, _ in scored)
    return round(100.0 * mean * (0.5 + 0.5 * worst), 2)


@hookimpl(trylast=True)
def reliability_overall_score(results: list[CheckResult], settings: object) -> float:
    """The built-in formula, consulted after any plugin scorer declined."""
    return overall_score(results)
