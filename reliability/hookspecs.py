"""The plugin contract. Each hook's docstring is its specification.

Plugins implement hooks with the `reliability.hookimpl` marker and are found through the
`reliability` entry-point group; the built-in checks register through the very same hook.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from reliability.check import Check
    from reliability.config import Settings
    from reliability.models import CheckResult
    from reliability.scoring import Scored

PROJECT = "reliability"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def reliability_checks(settings: Settings) -> Iterable[Check]:
    """Return the checks this plugin provides.

    Called once when an `Engine` is built, never per article. Each returned object has a
    unique, stable `name`, a `version` string, a default `weight` and a
    `run(document, context) -> CheckResult` method (see `reliability.check.Check`). The engine,
    not pluggy, runs the checks, one at a time and each inside its own error guard, so one check
    that raises cannot stop the others.

    :param settings: the engine's settings. A check declares its options as a `CheckOptions` model
        (its `Options` attribute); the engine validates `[options.<name>]` against it once built and
        passes the validated model at run time in `context.options`.
    :return: an iterable of check objects (may be empty).

    Since 0.1. Example::

        @reliability.hookimpl
        def reliability_checks(settings):
            return [ShoutingHeadline()]
    """
    raise NotImplementedError  # a specification: pluggy calls the implementations, never this


@hookspec(firstresult=True)
def reliability_overall_score(results: list[CheckResult], settings: Settings) -> float | Scored | None:
    """Combine check results into the overall 0..100 score; the first non-None answer wins.

    Called once per article after every check ran. Implement it only to replace the built-in
    formula (`reliability.scoring.overall_score`), e.g. with a calibrated model of your own.

    :param results: the article's `CheckResult` list, sorted by check name; crashed checks have
        `score is None`.
    :param settings: the engine's settings (weights are already applied to `results`).
    :return: a score in 0..100; or a `reliability.scoring.Scored` (the score and an `Explanation`, which
        the report carries: a bare number leaves the report without one); or None to let the next
        implementation (finally the built-in: the formula, or the model `scoring` names) decide.

    Since 0.1. Example::

        @reliability.hookimpl
        def reliability_overall_score(results, settings):
            return 100.0 * min(r.score for r in results if r.score is not None)
    """
