"""Check results -> overall score, and why. Pure functions of the results and the settings.

Two scorings, chosen by `scoring` in the settings:

- "formula", the hand-set formula: a weighted mean of the check scores, pulled down by the worst one,

      overall = 100 * mean_w(s) * (0.5 + 0.5 * min(s))   over checks that produced a score

  A plain mean lets one badly broken aspect (an article printed twice) hide behind four fine ones;
  the `min` term makes a single severe defect cost up to half the score. Crashed checks are left out.
- "default" or the path of a model file: a learned, calibrated model (`reliability.learned`).

Either way the report's `explanation` says which checks (and, for a model, which metrics) moved the
score and by how much.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reliability.hookspecs import hookimpl
from reliability.models import CheckResult, Explanation

if TYPE_CHECKING:
    from reliability.learned import ScoringModel

FORMULA = "formula"
DEFAULT = "default"


@dataclass(frozen=True)
class Scored:
    """What a scorer may answer instead of a bare number: the score and its explanation."""

    score: float
    explanation: Explanation | None = None


def overall_score(results: Sequence[CheckResult]) -> float:
    """0..100 from the scored checks; 0 when no check could score."""
    scored = [(r.score, r.weight) for r in results if r.score is not None and r.weight > 0]
    if not scored:
        return 0.0
    total_weight = sum(w for _, w in scored)
    mean = sum(s * w for s, w in scored) / total_weight
    worst = min(s for s, _ in scored)
    return round(100.0 * mean * (0.5 + 0.5 * worst), 2)


def explain_formula(results: Sequence[CheckResult]) -> Explanation:
    """Per check, the points it cost against the same article with that check perfect (score 1)."""
    score = overall_score(results)
    checks = {
        r.name: round(score - overall_score([o.model_copy(update={"score": 1.0}) if o is r else o for o in results]), 2)
        for r in results
        if r.score is not None and r.weight > 0
    }
    return Explanation(scoring=FORMULA, baseline=100.0, checks=checks)


@hookimpl(trylast=True)
def reliability_overall_score(results: list[CheckResult], settings: object) -> Scored:
    """The built-in scorer, consulted after any plugin scorer declined: the formula, or the configured model."""
    model = scoring_model(getattr(settings, "scoring", FORMULA))
    if model is None:
        return Scored(overall_score(results), explain_formula(results))
    return Scored(model.score(results), model.explain(results))


def scoring_model(scoring: str) -> ScoringModel | None:
    """The model a `scoring` setting names (None for the formula); loaded once per file.

    Raises `reliability.learned.ModelError` when the model file is missing or malformed.
    """
    if scoring == FORMULA:
        return None
    from reliability.learned import DEFAULT_MODEL, load_model

    return load_model(DEFAULT_MODEL if scoring == DEFAULT else scoring)
