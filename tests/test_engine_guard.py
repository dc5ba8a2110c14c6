"""The per-article guard: whatever a check or its result does, every article gets a report and the run goes on;
only a real Ctrl-C ends it. Settings that would break the score's contract are refused when they are read."""

from __future__ import annotations

import math
import os
import signal
import threading
import time

import pytest
from pydantic import ValidationError

from reliability import hookimpl
from reliability.check import BaseCheck
from reliability.config import Settings
from reliability.models import Article, CheckResult, Finding
from reliability.testing import Provides

ARTICLE = Article(id="a1", text="Officials met on Tuesday. They agreed to meet again next week.")


class Steady(BaseCheck):
    name = "steady"

    def run(self, document, context):
        return self.result(0.8, [self.finding("first", "info", "first word", 0, 9)], {"words": len(document.words)})


class Misbehaves(BaseCheck):
    """A check whose run() is whatever the test says."""

    name = "misbehaves"

    def __init__(self, behaviour):
        self.behaviour = behaviour

    def run(self, document, context):
        return self.behaviour(self, document)


def _score(make_engine, behaviour, **settings):
    engine = make_engine(Provides(Misbehaves(behaviour), Steady()), checks=["misbehaves", "steady"], **settings)
    report = engine.score(ARTICLE)
    by_name = {c.name: c for c in report.checks}
    assert by_name["steady"].score == 0.8, "the other check still reports"
    return by_name["misbehaves"], report


def _raise(exc):
    def behaviour(check, document):
        raise exc

    return behaviour


@pytest.mark.parametrize(
    "exc, error",
    [
        (SystemExit(3), "SystemExit: 3"),
        (KeyboardInterrupt(), "KeyboardInterrupt: "),
        (GeneratorExit(), "GeneratorExit: "),
        (RecursionError("deep"), "RecursionError: deep"),
    ],
)
def test_a_check_raising_any_exception_fails_alone(make_engine, exc, error):
    result, report = _score(make_engine, _raise(exc))
    assert result.score is None and result.error == error
    assert report.score > 0


def test_a_check_that_loops_forever_is_stopped_at_its_time_limit(make_engine):
    def loop(check, document):
        while True:
            try:
                sum(range(1000))
            except Exception:  # noqa: BLE001 - a check that swallows what it can
                pass

    started = time.perf_counter()
    result, _ = _score(make_engine, loop, time_limit=0.3)
    assert result.error.startswith("CheckTimeout: stopped after its time limit of 0.3 s")
    assert time.perf_counter() - started < 5


def test_a_check_that_swallows_the_timeout_is_told_again(make_engine):
    def stubborn(check, document):
        for _ in range(3):
            try:
                while True:
                    pass
            except BaseException:  # noqa: BLE001
                continue
        return check.result(1.0)

    result, _ = _score(make_engine, stubborn, time_limit=0.05)
    assert result.error is not None and "time limit" in result.error


def test_the_time_limit_is_the_checks_cpu_time_not_the_wall_clock(make_engine):
    def waits(check, document):
        time.sleep(0.4)  # waiting for a core or a lock is no work of the check's
        return check.result(1.0)

    result, _ = _score(make_engine, waits, time_limit=0.2)
    assert result.error is None and result.score == 1.0


def test_without_sigalrm_a_check_over_its_limit_fails_when_it_returns(make_engine):
    def busy(check, document):
        deadline = time.thread_time() + 0.3
        while time.thread_time() < deadline:
            pass
        return check.result(1.0)

    outcome = {}
    thread = threading.Thread(target=lambda: outcome.update(result=_score(make_engine, busy, time_limit=0.1)[0]))
    thread.start()
    thread.join()
    assert "time limit" in outcome["result"].error


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="POSIX signals")
def test_a_real_ctrl_c_ends_the_run(make_engine):
    def interrupted(check, document):
        os.kill(os.getpid(), signal.SIGINT)
        try:
            time.sleep(5)
        except KeyboardInterrupt:
            pass  # a check that swallows it does not keep the run going
        return check.result(1.0)

    engine = make_engine(Provides(Misbehaves(interrupted), Steady()), checks=["misbehaves", "steady"])
    with pytest.raises(KeyboardInterrupt):
        engine.score(ARTICLE)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def _constructed(**fields):
    base = dict(
        name="misbehaves",
        version="1",
        score=0.5,
        weight=1.0,
        metrics={},
        details={},
        findings=[],
        error=None,
        elapsed_ms=0.0,
    )
    return lambda check, document: CheckResult.model_construct(**{**base, **fields})


def _finding(**fields):
    base = dict(
        check="misbehaves",
        code="misbehaves.x",
        severity="warning",
        message="m",
        start=0,
        end=4,
        related=[],
        confidence=1.0,
    )
    return Finding.model_construct(**{**base, **fields})


@pytest.mark.parametrize(
    "behaviour, error",
    [
        (_constructed(score=5.0), "less than or equal to 1"),
        (_constructed(score=math.nan), "neither a score nor an error"),
        (_constructed(metrics={"m": math.inf}), "metrics.m"),
        (_constructed(details={"when": object()}), "cannot be written as JSON"),
        (_constructed(findings=[_finding(severity="critical")]), "severity"),
        (_constructed(findings=[_finding(confidence=math.nan)]), "confidence"),
        (_constructed(findings=[_finding(check="steady", code="steady.fake")]), "not under check 'misbehaves'"),
        (_constructed(findings=[_finding(code="other.kind")]), "not under check 'misbehaves'"),
        (_constructed(name="steady"), "expected 'misbehaves'"),
        (lambda check, document: {"score": 1.0}, "not CheckResult"),
    ],
)
def test_results_are_validated_however_they_were_built(make_engine, behaviour, error):
    result, report = _score(make_engine, behaviour)
    assert result.score is None and error in result.error
    report.model_dump_json()


def test_a_check_cannot_change_the_document_the_next_check_reads(make_engine):
    def vandal(check, document):
        for name, value in (("text", document.text * 3), ("words", ()), ("sentences", ())):
            try:
                setattr(document, name, value)
            except AttributeError:
                pass
        del document.words
        return check.result(1.0)

    result, _ = _score(make_engine, vandal)
    assert "read-only" in result.error


def test_a_plugin_weight_that_is_no_number_skips_its_check_with_a_problem(make_engine):
    class Negative(Steady):
        name, weight = "negative", -1.0

    class Wordy(Steady):
        name, weight = "wordy", "heavy"

    engine = make_engine(Provides(Negative(), Wordy(), Steady()))
    assert [c.name for c in engine.checks if c.name in ("negative", "wordy", "steady")] == ["steady"]
    assert sum("not a number >= 0" in str(p) for p in engine.problems) == 2
    assert engine.score(ARTICLE).score > 0


@pytest.mark.parametrize("weight", [-1.0, math.nan, math.inf, "x"])
def test_a_weight_must_be_a_finite_number_of_zero_or_more(weight):
    with pytest.raises(ValidationError):
        Settings(weights={"duplication": weight})


def test_all_weights_zero_is_refused(make_engine):
    with pytest.raises(ValueError, match="weight 0"):
        make_engine(Provides(Steady()), checks=["steady"], weights={"steady": 0})


def test_an_empty_check_list_is_refused():
    with pytest.raises(ValidationError):
        Settings(checks=[])


def test_an_analysis_that_fails_still_gives_a_report(make_engine, monkeypatch):
    import reliability.engine

    def broken(article):
        raise MemoryError("too big")

    monkeypatch.setattr(reliability.engine, "Document", broken)
    report = make_engine(Provides(Steady())).score(ARTICLE)
    integrity = report.check("integrity")
    assert integrity.findings[0].code == "integrity.unanalysable" and integrity.findings[0].severity == "error"
    assert report.check("steady").error == "MemoryError: too big" and report.label == "low"


def test_a_scorer_plugin_returning_nan_falls_back_to_the_formula(make_engine):
    class NanScorer:
        @hookimpl
        def reliability_overall_score(self, results, settings):
            return math.nan

    report = make_engine(NanScorer(), Provides(Steady()), checks=["steady"]).score(ARTICLE)
    assert report.score == pytest.approx(100 * 0.8 * 0.9)


def test_the_guard_leaves_the_signal_handlers_as_it_found_them(make_engine):
    before = signal.getsignal(signal.SIGINT), getattr(signal, "SIGALRM", None) and signal.getsignal(signal.SIGALRM)
    make_engine(Provides(Steady())).score(ARTICLE)
    assert (
        signal.getsignal(signal.SIGINT),
        getattr(signal, "SIGALRM", None) and signal.getsignal(signal.SIGALRM),
    ) == before
    if hasattr(signal, "setitimer"):
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
