"""Worker processes: plugins reach them, and a worker that dies or hangs loses and reorders nothing."""

from __future__ import annotations

import multiprocessing
import os
import pickle

import pytest

from reliability.check import BaseCheck
from reliability.models import Article
from reliability.pool import WorkerPool, cpu_count, usable_workers
from reliability.testing import Provides


class Tripwire(BaseCheck):
    """Scores the share of words that are 'calm'; on an article containing a trigger word it misbehaves."""

    name = "tripwire"
    version = "0.1"

    def run(self, document, context):
        if "EXIT" in document.text:
            os._exit(3)
        if "SEGFAULT" in document.text:
            import ctypes
            import faulthandler

            faulthandler.disable()  # pytest's handler would print the worker's stack: the crash is the point
            ctypes.string_at(0)
        if "LOOP" in document.text:
            while True:
                pass
        calm = sum(w.text == "calm" for w in document.words)
        return self.result(calm / max(1, len(document.words)), [], metrics={"calm": calm})


class Unpicklable(Provides):
    def __reduce__(self):
        raise pickle.PicklingError("not this one")


def articles(count: int, trouble: dict[int, str] | None = None) -> list[Article]:
    trouble = trouble or {}
    return [
        Article(id=f"a{i}", text=f"All calm here, number {i}. " * (1 + i % 3) + trouble.get(i, ""))
        for i in range(count)
    ]


def _fingerprint(reports):
    return [(r.id, r.score, [(c.name, c.score, c.error) for c in r.checks]) for r in reports]


def test_plugins_passed_to_the_engine_reach_the_workers(make_engine):
    engine = make_engine(Provides(Tripwire()), checks=["tripwire", "integrity"])
    batch = articles(40)
    single = _fingerprint(engine.score_many(batch))
    assert _fingerprint(engine.score_many(iter(batch), workers=2, force_workers=True)) == single
    assert all(r.check("tripwire").score is not None for r in engine.score_many(batch, workers=2, force_workers=True))


@pytest.mark.parametrize("trigger", ["EXIT", "SEGFAULT"])
def test_a_worker_that_dies_costs_only_its_article_a_defined_report(make_engine, trigger):
    engine = make_engine(Provides(Tripwire()), checks=["tripwire", "integrity"])
    batch = articles(30, {4: trigger, 17: trigger})
    expected = _fingerprint(engine.score_many(articles(30)))
    reports = list(engine.score_many(batch, workers=2, force_workers=True))
    assert [r.id for r in reports] == [a.id for a in batch]
    for i, (report, fingerprint) in enumerate(zip(reports, expected)):
        if i in (4, 17):
            assert all(c.score is None and "worker process died" in c.error for c in report.checks)
        else:
            assert _fingerprint([report]) == [fingerprint]


def test_a_worker_stuck_on_an_article_is_replaced(make_engine):
    engine = make_engine(Provides(Tripwire()), checks=["tripwire"])
    batch = articles(12, {5: "LOOP"})
    reports = list(engine.score_many(batch, workers=2, force_workers=True, article_timeout=1.0))
    assert [r.id for r in reports] == [a.id for a in batch]
    assert "still scoring this article after 1 s" in reports[5].checks[0].error
    assert all(r.checks[0].error is None for i, r in enumerate(reports) if i != 5)


@pytest.mark.slow  # spawned workers import the package afresh
def test_spawned_workers_rebuild_the_engine_with_its_plugins(make_engine):
    engine = make_engine(Provides(Tripwire()), checks=["tripwire"])
    pool = WorkerPool(engine, 2, context=multiprocessing.get_context("spawn"))
    batch = articles(10)
    assert _fingerprint(pool.imap((a, None) for a in batch)) == _fingerprint(engine.score_many(batch))


def test_a_plugin_that_cannot_reach_spawned_workers_is_scored_in_process(make_engine, caplog):
    engine = make_engine(Unpicklable(Tripwire()), checks=["tripwire"])
    pool = WorkerPool(engine, 2, context=multiprocessing.get_context("spawn"))
    batch = articles(6)
    assert _fingerprint(pool.imap((a, None) for a in batch)) == _fingerprint(engine.score_many(batch))
    assert "scoring in this process" in caplog.text


def test_a_consumer_that_stops_early_leaves_no_worker_behind(make_engine):
    engine = make_engine(Provides(Tripwire()), checks=["tripwire"])
    before = set(multiprocessing.active_children())
    reports = engine.score_many(articles(200), workers=2, force_workers=True)
    assert next(reports).id == "a0"
    assert len(set(multiprocessing.active_children()) - before) == 2
    reports.close()
    assert set(multiprocessing.active_children()) - before == set()


def test_workers_are_capped_at_the_cpu_count_unless_forced(caplog):
    assert usable_workers(cpu_count() + 5) == cpu_count()
    assert "capped" in caplog.text
    assert usable_workers(cpu_count() + 5, force=True) == cpu_count() + 5
    assert usable_workers(0) == 1
