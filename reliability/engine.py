"""The engine: owns a plugin manager, analyses each article once, runs every check in isolation,
scores, and yields Reports — one at a time or streamed, in input order, with bounded memory."""

from __future__ import annotations

import logging
import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cached_property
from typing import Any

from reliability import __version__
from reliability.check import Check, CheckContext, CorpusStats
from reliability.config import Settings
from reliability.document import Document
from reliability.models import Article, CheckResult, EngineInfo, Report
from reliability.plugins import PluginProblem, build_manager, collect_checks
from reliability.scoring import overall_score
from reliability.semantic import SentenceEncoder, load_encoder, semantic_available

log = logging.getLogger(__name__)


class UnknownCheckError(ValueError):
    """Settings asked for a check nobody registered."""


class Engine:
    """Scores articles. Each engine has its own plugin manager; build one and reuse it."""

    def __init__(self, settings: Settings | None = None, *, plugins: Iterable[object] = (), **overrides: Any) -> None:
        self.settings = settings if settings is not None else Settings.load(**overrides)
        self.plugin_manager, self.problems = build_manager(self.settings, plugins)
        registered, hook_problems = collect_checks(self.plugin_manager, self.settings)
        self.problems: list[PluginProblem] = self.problems + hook_problems
        self.registered: list[tuple[str, Check]] = registered
        wanted = self.settings.checks
        if wanted is not None:
            unknown = sorted(set(wanted) - {c.name for _, c in registered})
            if unknown:
                raise UnknownCheckError(f"unknown check(s): {', '.join(unknown)}")
        self.checks: list[Check] = [c for _, c in registered if wanted is None or c.name in wanted]
        # plugin checks need not subclass BaseCheck, so the flag may be missing
        self.encoder_users: list[str] = [c.name for c in self.checks if getattr(c, "wants_encoder", False)]
        if self.settings.semantic and not semantic_available():
            load_encoder(required=True)  # raises SemanticModelMissing now, not on the first article

    @cached_property
    def encoder(self) -> SentenceEncoder | None:
        """The sentence encoder the checks get, loaded on the first article (None without the extra)."""
        return load_encoder(self.settings.semantic)

    # -- one article ---------------------------------------------------------------------------

    def score(self, article: Article | str, corpus: CorpusStats | None = None) -> Report:
        """Score one article (a bare string becomes an Article with id 'text')."""
        if isinstance(article, str):
            article = Article(id="text", text=article)
        started = time.perf_counter()
        document = Document(article)
        results = [self._run(check, document, corpus) for check in self.checks]
        score = self._overall(results)
        return Report(
            id=article.id,
            source=article.source,
            title=article.title,
            url=article.url,
            published=article.published,
            score=score,
            label=self.settings.bands.label(score),  # type: ignore[arg-type]
            checks=results,
            engine=EngineInfo(version=__version__, elapsed_ms=round((time.perf_counter() - started) * 1000, 3)),
        )

    def _run(self, check: Check, document: Document, corpus: CorpusStats | None) -> CheckResult:
        weight = self.settings.weight_for(check.name, check.weight)
        encoder = self.encoder if check.name in self.encoder_users else None
        context = CheckContext(options=self.settings.options_for(check.name), corpus=corpus, encoder=encoder)
        started = time.perf_counter()
        try:
            result = check.run(document, context)
            _validate(result, check, len(document.text))
        except Exception as exc:  # noqa: BLE001 - errors are data: the other checks still report
            log.warning("check %r failed on article %r: %s: %s", check.name, document.article.id, type(exc).__name__, exc)
            result = CheckResult(
                name=check.name, version=str(check.version), weight=weight, error=f"{type(exc).__name__}: {exc}"
            )
        elapsed = round((time.perf_counter() - started) * 1000, 3)
        return result.model_copy(update={"weight": weight, "elapsed_ms": elapsed})

    def _overall(self, results: list[CheckResult]) -> float:
        try:
            score = self.plugin_manager.hook.reliability_overall_score(results=results, settings=self.settings)
            return min(100.0, max(0.0, float(score)))
        except Exception as exc:  # noqa: BLE001 - a broken scorer plugin falls back to the built-in one
            log.warning("scoring plugin failed, using the built-in formula: %s: %s", type(exc).__name__, exc)
            return overall_score(results)

    # -- many articles -------------------------------------------------------------------------

    def score_many(
        self, articles: Iterable[Article], *, workers: int = 1, corpus: CorpusStats | None = None
    ) -> Iterator[Report]:
        """Reports in input order. Memory stays bounded: at most a few articles per worker are in flight."""
        if workers <= 1:
            for article in articles:
                yield self.score(article, corpus)
            return
        window: deque[Future[Report]] = deque()
        with ProcessPoolExecutor(
            workers, mp_context=_pool_context(), initializer=_init_worker, initargs=(self.settings,)
        ) as pool:
            for article in articles:
                window.append(pool.submit(_score_in_worker, article, corpus))
                if len(window) >= workers * 4:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()


def _validate(result: object, check: Check, text_length: int) -> None:
    if not isinstance(result, CheckResult):
        raise TypeError(f"run() returned {type(result).__name__}, not CheckResult")
    if result.name != check.name:
        raise ValueError(f"result names check {result.name!r}, expected {check.name!r}")
    for f in result.findings:
        spans = [f, *f.related]
        if any(s.end > text_length for s in spans):
            raise ValueError(f"finding {f.code} span beyond the text ({text_length} characters)")


def _pool_context() -> multiprocessing.context.BaseContext | None:
    """The platform's default start method, except once torch (the semantic extra) is loaded: a fork of a
    process whose torch has started its thread pool deadlocks in the child (measured), so workers are
    spawned — and a script that asks for workers then needs `if __name__ == "__main__":`."""
    return multiprocessing.get_context("spawn") if "torch" in sys.modules else None


_worker_engine: Engine | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_engine
    _worker_engine = Engine(settings)


def _score_in_worker(article: Article, corpus: CorpusStats | None) -> Report:
    assert _worker_engine is not None
    return _worker_engine.score(article, corpus)
