"""The engine: owns a plugin manager, analyses each article once, runs every check in isolation,
scores, and yields Reports — one at a time or streamed, in input order, with bounded memory."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from reliability import __version__
from reliability.check import (
    Check,
    CheckContext,
    CheckOptions,
    CorpusStats,
    cuttable_codes,
    options_model,
    wants_encoder,
)
from reliability.config import Settings
from reliability.document import Document
from reliability.guard import Guard, validated
from reliability.models import Article, CheckResult, EngineInfo, Explanation, Finding, Report, StoryRef
from reliability.plugins import PluginProblem, build_manager, collect_checks
from reliability.pool import WorkerPool, usable_workers
from reliability.scoring import Scored, explain_formula, overall_score, scoring_model
from reliability.semantic import SentenceEncoder, load_encoder, semantic_available

if TYPE_CHECKING:
    from reliability.story.context import StoryContext
    from reliability.story.sketch import Sketch

log = logging.getLogger(__name__)

#: Story mode keeps the first pass's Documents for the second while their texts total less than this;
#: beyond it (a batch of many thousands) the second pass analyses the rest again, and memory stays bounded.
KEEP_DOCUMENT_CHARS = 20_000_000


class ConfigError(ValueError):
    """Settings name a check or an option that does not exist, or give an option a bad value."""


class UnknownCheckError(ConfigError):
    """Settings asked for a check nobody registered."""


class Engine:
    """Scores articles. Each engine has its own plugin manager; build one and reuse it."""

    def __init__(self, settings: Settings | None = None, *, plugins: Iterable[object] = (), **overrides: Any) -> None:
        self.settings = settings if settings is not None else Settings.load(**overrides)
        scoring_model(self.settings.scoring)  # a bad model file fails here, not on the first article
        self.extra_plugins: list[object] = list(plugins)  # sent to spawned workers, which rebuild the engine
        self.plugin_manager, manager_problems = build_manager(self.settings, self.extra_plugins)
        registered, hook_problems = collect_checks(self.plugin_manager, self.settings)
        self.problems: list[PluginProblem] = manager_problems + hook_problems
        self.registered: list[tuple[str, Check]] = registered
        wanted = self.settings.checks
        if wanted is not None:
            unknown = sorted(set(wanted) - {c.name for _, c in registered})
            if unknown:
                raise UnknownCheckError(f"unknown check(s): {', '.join(unknown)}")
        self.checks: list[Check] = []
        for plugin, check in registered:
            if wanted is not None and check.name not in wanted:
                continue
            if _valid_weight(self.settings.weights.get(check.name, check.weight)):
                self.checks.append(check)
            else:  # a plugin's own weight: settings weights were validated already
                self.problems.append(
                    PluginProblem(
                        plugin, None, f"check {check.name!r} has weight {check.weight!r}, not a number >= 0: skipped"
                    )
                )
                log.warning("%s", self.problems[-1])
        scoring = [c for c in self.checks if not getattr(c, "needs_story", False)] or self.checks
        if scoring and not any(self.settings.weight_for(c.name, c.weight) for c in scoring):
            raise ValueError("every check that scores a lone article has weight 0: no score could be made")
        self.options = validated_options(self.settings, [c for _, c in registered], bool(self.problems))
        self.encoder_users: list[str] = [c.name for c in self.checks if wants_encoder(c)]
        #: Finding codes the checks allow `reliability.cleaning.clean` to cut.
        self.cuttable_codes: frozenset[str] = cuttable_codes(self.checks)
        self.guard = Guard(self.settings.time_limit)
        if self.settings.semantic and not semantic_available():
            load_encoder(required=True)  # raises SemanticModelMissing now, not on the first article

    @cached_property
    def encoder(self) -> SentenceEncoder | None:
        """The sentence encoder the checks get, loaded on the first article (None without the extra)."""
        return load_encoder(self.settings.semantic)

    # -- one article ---------------------------------------------------------------------------

    def score(self, article: Article | dict[str, Any] | str, corpus: CorpusStats | None = None) -> Report:
        """Score one article: an Article, a record (`Article.from_record`), or a bare string (id 'text').
        Whatever the article or a check does, a Report comes back; only a real Ctrl-C goes through."""
        article = as_article(article, "text")
        started = time.perf_counter()
        with self.guard.article():
            try:
                document = Document(article)
            except BaseException as exc:  # noqa: BLE001 - the article still gets a report, explained
                self.guard.raise_interrupt()
                return self._assemble(article, self._unanalysable(article, exc), None, started)
            return self._score_document(document, corpus, None, started)

    def _score_document(
        self, document: Document, corpus: CorpusStats | None, story: StoryContext | None, started: float
    ) -> Report:
        article = document.article
        with_siblings = story is not None and bool(story.siblings)
        with self.guard.article():
            results = [
                self._run(check, document, corpus, story)
                for check in self.checks
                if with_siblings or not getattr(check, "needs_story", False)
            ]
            return self._assemble(article, results, story, started)

    def _assemble(
        self, article: Article, results: list[CheckResult], story: StoryContext | None, started: float
    ) -> Report:
        """The report of an article from its checks' results."""
        score, explanation = self._overall(results)
        return Report(
            id=article.id,
            source=article.source,
            title=article.title,
            url=article.url,
            published=article.published,
            story=StoryRef(id=story.id, reports=story.reports) if story is not None else None,
            meta=article.meta,
            score=score,
            label=self.settings.bands.label(score),  # type: ignore[arg-type]
            checks=results,
            explanation=explanation,
            engine=EngineInfo(version=__version__, elapsed_ms=round((time.perf_counter() - started) * 1000, 3)),
        )

    def _run(
        self, check: Check, document: Document, corpus: CorpusStats | None, story: StoryContext | None
    ) -> CheckResult:
        weight = self.settings.weight_for(check.name, check.weight)
        started = time.perf_counter()
        try:
            encoder = self.encoder if check.name in self.encoder_users else None
            context = CheckContext(
                options=self.options.get(check.name, {}), corpus=corpus, encoder=encoder, story=story
            )
            started = time.perf_counter()
            result = validated(self.guard.run(lambda: check.run(document, context)), check.name, len(document.text))
        except BaseException as exc:  # noqa: BLE001 - errors are data, SystemExit too: the other checks still report
            self.guard.raise_interrupt()
            log.warning(
                "check %r failed on article %r: %s: %s", check.name, document.article.id, type(exc).__name__, exc
            )
            result = CheckResult(name=check.name, version=str(check.version), error=f"{type(exc).__name__}: {exc}")
        elapsed = round((time.perf_counter() - started) * 1000, 3)
        return result.model_copy(update={"weight": weight, "elapsed_ms": elapsed})

    def _unanalysable(self, article: Article, exc: BaseException) -> list[CheckResult]:
        """The analysis itself failed (no check can run): integrity says so with an error over the whole text."""
        log.warning("article %r could not be analysed: %s: %s", article.id, type(exc).__name__, exc)
        error = f"{type(exc).__name__}: {exc}"
        finding = Finding(
            check="integrity",
            code="integrity.unanalysable",
            severity="error",
            start=0,
            end=len(article.text),
            message=f"The text could not be analysed ({error}).",
        )
        return [
            CheckResult(
                name=c.name,
                version=str(c.version),
                weight=self.settings.weight_for(c.name, c.weight),
                **({"score": 0.0, "findings": [finding]} if c.name == "integrity" else {"error": error}),
            )
            for c in self.checks
        ]

    def _overall(self, results: list[CheckResult]) -> tuple[float, Explanation | None]:
        """The first scorer's answer; a plugin that answers with a bare number leaves no explanation."""
        hook = self.plugin_manager.hook.reliability_overall_score
        try:
            answer = self.guard.run(lambda: hook(results=results, settings=self.settings))
            scored = answer if isinstance(answer, Scored) else Scored(float(answer))
            score = float(scored.score)
            if not math.isfinite(score):
                raise ValueError(f"overall score {score} is not a number")
            return min(100.0, max(0.0, score)), scored.explanation
        except BaseException as exc:  # noqa: BLE001 - a broken scorer plugin falls back to the built-in one
            self.guard.raise_interrupt()
            log.warning("scoring plugin failed, using the built-in formula: %s: %s", type(exc).__name__, exc)
            return overall_score(results), explain_formula(results)

    # -- many articles -------------------------------------------------------------------------

    def score_many(
        self,
        articles: Iterable[Article | dict[str, Any] | str],
        *,
        workers: int = 1,
        corpus: CorpusStats | None = None,
        force_workers: bool = False,
        article_timeout: float = 60.0,
    ) -> Iterator[Report]:
        """Reports in input order, with bounded memory: the input is read only as far as the scoring has got.

        Articles may be `Article`s, records (dicts, extra fields kept as `meta`) or strings; one without an id
        takes its position in the input ("0", "1", ...). `workers=N` scores on N processes (at most one per
        CPU unless `force_workers`); a worker that dies or spends over `article_timeout` seconds on one
        article is replaced, and that article's report carries the error (see `reliability.pool`)."""
        prepared = (as_article(a, str(i)) for i, a in enumerate(articles))
        workers = usable_workers(workers, force_workers)
        if workers <= 1:
            for article in prepared:
                yield self.score(article, corpus)
            return
        yield from WorkerPool(self, workers, corpus, article_timeout).imap((a, None) for a in prepared)

    def score_corpus(self, articles: Iterable[Article], *, workers: int = 1) -> Iterator[Report]:
        """Score a batch as a whole, in two passes; Reports come in input order, ids unchanged.

        The first pass analyses each article once, gathers the batch's word and block statistics
        (`CorpusStats`) and keeps a compact sketch of it (`reliability.story`; with a sentence encoder,
        its sentences are encoded here and the vectors kept in the Document); the sketches group the
        batch into stories. The second pass scores each article with both, so that checks compare it
        with the batch and with the other reports of its story, and each Report carries its `story`.
        A re-iterable input (a list, a re-readable source) is read twice; an iterator is held in memory.
        The first pass's Documents are reused up to `KEEP_DOCUMENT_CHARS` of text, then analysed again.
        """
        from reliability.corpus import CorpusCollector
        from reliability.story import story_contexts
        from reliability.story.grouping import story_labels
        from reliability.story.sketch import build_sketch

        if iter(articles) is articles:
            articles = list(articles)
        collector = CorpusCollector()
        sketches = []
        kept: dict[int, Document] = {}
        kept_chars = 0
        encoder = self.encoder if self.encoder_users else None  # sentences signed once, their vectors kept
        for i, article in enumerate(articles):
            document = Document(article)
            collector.add(document)
            sketches.append(_sketch_or_empty(build_sketch, document, encoder))
            if kept_chars + len(article.text) <= KEEP_DOCUMENT_CHARS:
                kept[i] = document
                kept_chars += len(article.text)
        corpus = collector.stats()
        contexts = story_contexts(sketches, story_labels(sketches))
        del sketches
        workers = usable_workers(workers)
        if workers > 1:
            kept.clear()  # Documents do not cross into worker processes
            yield from WorkerPool(self, workers, corpus).imap(zip(articles, contexts, strict=True))
            return
        for i, article in enumerate(articles):
            started = time.perf_counter()
            document = kept.pop(i) if i in kept else Document(article)
            yield self._score_document(document, corpus, contexts[i], started)


def as_article(item: Article | dict[str, Any] | str, default_id: str) -> Article:
    """An Article from what a caller passed: an Article as is, a record or a string with `default_id` if none."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id=default_id, text=item)
    if isinstance(item, dict):
        return Article.from_record(item, id=default_id)
    raise TypeError(f"cannot score a {type(item).__name__}: pass an Article, a dict or a str")


def validated_options(
    settings: Settings, registered: list[Check], plugins_failed: bool = False
) -> dict[str, Mapping[str, Any] | CheckOptions]:
    """Each check's options, validated against its `Options` model; a table or weight naming no registered
    check, or an option its check does not declare, raises ConfigError naming the key. When a plugin failed
    to load, a name nobody registered may be that plugin's check: it is logged, not fatal."""
    names = {c.name for c in registered}
    for table in ("weights", "options"):
        for key in sorted(set(getattr(settings, table)) - names):
            message = f"{table}.{key}: no check is named {key!r} (registered: {', '.join(sorted(names))})"
            if not plugins_failed:
                raise ConfigError(message)
            log.warning("%s; a plugin that failed to load may provide it", message)
    validated: dict[str, Mapping[str, Any] | CheckOptions] = {}
    for check in registered:
        raw = settings.options_for(check.name)
        model = options_model(check)
        if model is None:
            validated[check.name] = raw
            continue
        try:
            validated[check.name] = model.model_validate(raw)
        except ValidationError as exc:
            raise ConfigError(_option_problem(check.name, model, exc)) from None
    return validated


def _option_problem(check: str, model: type[CheckOptions], exc: ValidationError) -> str:
    error = exc.errors()[0]
    key = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        known = ", ".join(model.model_fields) or "none"
        return f"options.{check}.{key}: {check} has no such option (known: {known})"
    return f"options.{check}.{key}: {error['msg']}"


def _valid_weight(weight: object) -> bool:
    return isinstance(weight, int | float) and not isinstance(weight, bool) and math.isfinite(weight) and weight >= 0


def _sketch_or_empty(
    build: Callable[[Document, SentenceEncoder | None], Sketch], document: Document, encoder: SentenceEncoder | None
) -> Sketch:
    """An article's sketch; an article the sketch cannot read (it raised) joins no story, and says nothing."""
    try:
        return build(document, encoder)
    except Exception as exc:  # noqa: BLE001 - errors are data: one odd article must not stop the batch
        log.warning("story sketch failed on article %r: %s: %s", document.article.id, type(exc).__name__, exc)
        from reliability.story.sketch import empty_sketch

        return empty_sketch(document)
