"""Scoring on worker processes: batches of articles out, reports back, in input order.

Each worker has the Engine (inherited when forked; rebuilt from its settings and plugins when spawned)
and scores batches of articles sent over its own pipe, one batch at a time, sending the batch's reports
back in one message: pickling and round trips are paid per batch, not per article. The parent reads
the input only as far as the workers need, so memory stays bounded however long the stream.

A worker writes into shared memory which article of its batch it is on and since when. So when a
worker dies (a plugin calling os._exit, a segfault) or stays on one article past `article_timeout`
(an endless loop), the parent knows the article: it gets a report whose checks carry the error, the
rest of the batch is scored again on a fresh worker, and nothing is lost or reordered.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import signal
import sys
import time
import types
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Any

from reliability.document import Document
from reliability.models import Article, CheckResult, Report

if TYPE_CHECKING:
    from reliability.check import CorpusStats
    from reliability.engine import Engine
    from reliability.story.context import StoryContext

    # The start methods' contexts (multiprocessing.get_context("spawn"), ...): each has its own Process class.
    Context = (
        multiprocessing.context.DefaultContext
        | multiprocessing.context.SpawnContext
        | multiprocessing.context.ForkContext
        | multiprocessing.context.ForkServerContext
    )

Job = tuple[Article, "StoryContext | None"]  # an article and, in story mode, its story's context

log = logging.getLogger(__name__)

BATCH_SECONDS = 0.25  # a batch is sized to take about this much CPU time: round trips stay a small share
MAX_BATCH = 64
AHEAD = 4  # articles read ahead of the oldest unfinished one, in batches per worker: bounds memory
POLL_SECONDS = 0.5  # how often a busy worker's clock is looked at
_STARTING, _IDLE = -1.0, 0.0  # the clock before the engine is ready, and between batches


def cpu_count() -> int:
    """The CPUs this process may run on (a container's or taskset's limit, not the machine's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def usable_workers(workers: int, force: bool = False) -> int:
    """`workers`, at most one per CPU unless forced: more processes than cores only add overhead."""
    if force or workers <= cpu_count():
        return max(1, workers)
    log.warning("workers=%d capped at the %d CPUs available (force_workers=True to override)", workers, cpu_count())
    return cpu_count()


def failed_report(engine: Engine, article: Article, reason: str) -> Report:
    """The report of an article that could not be scored: each check carries the reason as its error."""
    results = [
        CheckResult(
            name=c.name, version=str(c.version), weight=engine.settings.weight_for(c.name, c.weight), error=reason
        )
        for c in engine.checks
    ]
    return engine._assemble(article, results, None, time.perf_counter())


# -- the worker side --------------------------------------------------------------------------


def _work(connection: Any, clock: Any, recipe: Any, corpus: CorpusStats | None) -> None:
    """A worker's life: build the engine, then score batches until told to stop (None)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    engine = _engine_from(recipe)
    clock[0] = _IDLE
    while (batch := connection.recv()) is not None:
        reports = []
        cpu = time.process_time()
        for position, (article, story) in enumerate(batch):
            clock[1], clock[0] = position, time.monotonic()
            reports.append(engine._score_document(Document(article), corpus, story, time.perf_counter()))
        clock[0] = _IDLE
        cpu = time.process_time() - cpu  # CPU, not wall time: on a loaded machine the wall clock overstates it
        try:
            connection.send((reports, cpu))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:  # a plugin put something odd in a report
            connection.send(([_sendable(engine, job[0], report, exc) for job, report in zip(batch, reports)], cpu))


def _sendable(engine: Engine, article: Article, report: Report, error: Exception) -> Report:
    try:
        pickle.dumps(report)
        return report
    except Exception:  # noqa: BLE001 - any failure to pickle makes the report unsendable
        return failed_report(
            engine, article, f"report could not be sent from the worker: {type(error).__name__}: {error}"
        )


def _engine_from(recipe: Any) -> Engine:
    from reliability.engine import Engine

    if isinstance(recipe, Engine):
        return recipe  # forked: the parent's engine, plugins and loaded models included
    settings, plugins = recipe
    return Engine(settings, plugins=[_plugin_from(p) for p in plugins])


def _plugin_from(spec: Any) -> object:
    if isinstance(spec, tuple) and spec[:1] == ("module",):
        import importlib

        return importlib.import_module(spec[1])
    return spec


# -- the parent side --------------------------------------------------------------------------


@dataclass
class _Worker:
    process: Any
    connection: Any
    clock: Any  # shared doubles: [time the current article started (or _STARTING/_IDLE), its position]
    batch: list[tuple[int, Job]] = field(default_factory=list)  # (position in the input, job)

    @property
    def busy(self) -> bool:
        return bool(self.batch)


class WorkerPool:
    """Scores a stream of articles on `workers` processes; use `imap`, once."""

    def __init__(
        self,
        engine: Engine,
        workers: int,
        corpus: CorpusStats | None = None,
        article_timeout: float = 60.0,
        context: Context | None = None,
    ) -> None:
        self.engine, self.size, self.corpus, self.article_timeout = engine, workers, corpus, article_timeout
        self.context = context or _default_context()
        self.recipe = engine if self.context.get_start_method() == "fork" else _recipe(engine)
        self.workers: list[_Worker] = []
        self.batch_size = 1  # grows once the time per article is known
        self.retry: deque[tuple[int, Job]] = deque()  # articles of a lost batch, sent again first
        self.done: dict[int, Report] = {}  # reports waiting for the ones before them
        self.attempts: Counter[int] = Counter()  # lost batches an article was in, its culprit unknown

    def imap(self, jobs: Iterable[Job]) -> Iterator[Report]:
        """The report of each (article, story context or None), in order."""
        stream = iter(jobs)
        try:
            if self.recipe is not None:
                yield from self._run(stream)
        finally:
            self._stop()
        # workers cannot be used (unpicklable plugins, or they die while starting): score here, lose nothing
        yield from (self._score_here(job) for job in stream)

    def _score_here(self, job: Job) -> Report:
        article, story = job
        return self.engine._score_document(Document(article), self.corpus, story, time.perf_counter())

    def _run(self, jobs: Iterator[Job]) -> Iterator[Report]:
        self.workers = [self._start() for _ in range(self.size)]
        read = emitted = 0
        exhausted = False
        while self.recipe is not None:
            for worker in self.workers:
                if worker.busy:
                    continue
                batch = [self.retry.popleft() for _ in range(min(len(self.retry), self.batch_size))]
                if not batch and not exhausted and read - emitted < self.size * AHEAD * self.batch_size:
                    batch = list(enumerate(islice(jobs, self.batch_size), read))
                    exhausted = len(batch) < self.batch_size
                    read += len(batch)
                if batch:
                    worker.batch = batch
                    try:
                        worker.connection.send([job for _, job in batch])
                    except OSError:  # it died after its last batch: noticed and replaced in _collect
                        pass
            if not any(w.busy for w in self.workers):
                break  # everything read has been scored
            for worker, (reports, cpu) in self._collect():
                self.done.update(zip((ordinal for ordinal, _ in worker.batch), reports, strict=True))
                worker.batch = []
                self._resize(cpu, len(reports))
            while emitted in self.done:
                yield self.done.pop(emitted)
                emitted += 1
        leftovers = dict([*self.retry, *(p for w in self.workers for p in w.batch)])
        for ordinal in range(emitted, read):  # only when workers could not start
            yield self.done.pop(ordinal) if ordinal in self.done else self._score_here(leftovers[ordinal])

    def _collect(self) -> list[tuple[_Worker, tuple[list[Report], float]]]:
        """Reports of busy workers that have finished a batch; a dead or stuck one is replaced on the way."""
        busy = [w for w in self.workers if w.busy]
        ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout=POLL_SECONDS)
        collected = []
        for worker in busy:
            if worker.connection in ready:
                try:
                    collected.append((worker, worker.connection.recv()))
                    continue
                except (EOFError, OSError):  # it died: its pipe closed
                    pass
            started = worker.clock[0]
            stuck = started > 0 and time.monotonic() - started > self.article_timeout
            if stuck or worker.process.sentinel in ready or not worker.process.is_alive():
                self._replace(worker, stuck)
        return collected

    def _replace(self, worker: _Worker, stuck: bool) -> None:
        """A worker died or hung: the article it was on gets an error report, the rest of its batch is sent
        again, and a fresh worker takes its place."""
        started, position = worker.clock[0], int(worker.clock[1])
        if stuck:
            worker.process.kill()
        worker.process.join()
        worker.connection.close()
        self.workers.remove(worker)
        if started == _STARTING:
            log.warning(
                "worker processes cannot start (exit code %s): scoring in this process", worker.process.exitcode
            )
            self.recipe = None
            self.retry.extend(worker.batch)
            return
        reason = (
            f"worker process stopped: still scoring this article after {self.article_timeout:g} s"
            if stuck
            else f"worker process died while scoring this article (exit code {worker.process.exitcode})"
        )
        culprits = [position] if started > 0 else range(len(worker.batch))  # idle: died sending or receiving
        again = []
        for i, (ordinal, job) in enumerate(worker.batch):
            if i in culprits:
                self.attempts[ordinal] += 1
            if i in culprits and (started > 0 or self.attempts[ordinal] > 1):
                log.warning("article %r: %s", job[0].id, reason)
                self.done[ordinal] = failed_report(self.engine, job[0], reason)
            else:
                again.append((ordinal, job))
        self.retry.extendleft(reversed(again))
        self.workers.append(self._start())

    def _resize(self, cpu_seconds: float, articles: int) -> None:
        """Batches of about BATCH_SECONDS of CPU, from the CPU time the last batch took."""
        per_article = cpu_seconds / max(1, articles)
        self.batch_size = max(1, min(MAX_BATCH, int(BATCH_SECONDS / max(per_article, 1e-4))))

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        clock = self.context.RawArray("d", [_STARTING, 0.0])
        process = self.context.Process(target=_work, args=(child_end, clock, self.recipe, self.corpus), daemon=True)
        process.start()
        child_end.close()
        return _Worker(process, parent_end, clock)

    def _stop(self) -> None:
        """Idle workers are told to stop; busy ones (the caller stopped early, or Ctrl-C) are killed."""
        for worker in self.workers:
            if not worker.busy:
                try:
                    worker.connection.send(None)
                except OSError:
                    pass
        for worker in self.workers:
            worker.process.join(timeout=0 if worker.busy else 5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.workers = []


def _default_context() -> Context:
    """The platform's default start method, except once torch is loaded (a plugin may use it): a fork of a
    process whose torch has started its thread pool deadlocks in the child, so workers are spawned, and
    a script that asks for workers then needs `if __name__ == "__main__":`."""
    return multiprocessing.get_context("spawn") if "torch" in sys.modules else multiprocessing.get_context()


def _recipe(engine: Engine) -> tuple[Any, list[Any]] | None:
    """What a spawned worker rebuilds the engine from: its settings and plugins (modules by name); None
    when a plugin cannot be pickled."""
    plugins = [("module", p.__name__) if isinstance(p, types.ModuleType) else p for p in engine.extra_plugins]
    recipe = (engine.settings, plugins)
    try:
        pickle.dumps(recipe)
    except Exception as exc:  # noqa: BLE001 - PicklingError, TypeError, AttributeError: all mean the same
        log.warning(
            "plugins cannot be sent to spawned workers (%s: %s): scoring in this process", type(exc).__name__, exc
        )
        return None
    return recipe
