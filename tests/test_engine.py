"""The engine: fault isolation, plugin loading, settings, scoring hook, streaming order."""

from __future__ import annotations

import sys
import types
from importlib.metadata import EntryPoint

import pytest

from reliability import hookimpl
from reliability.check import BaseCheck
from reliability.engine import Engine, UnknownCheckError
from reliability.models import Article
from reliability.testing import Provides


class Constant(BaseCheck):
    """A check that always scores the same, with one finding on the first word."""

    version = "0.1"

    def __init__(self, name: str, score: float) -> None:
        self.name, self.fixed = name, score  # type: ignore[misc]

    def run(self, document, context):
        first = document.words[0] if document.words else None
        findings = [self.finding("first", "info", "first word", first.start, first.end)] if first else []
        return self.result(self.fixed, findings, metrics={"fixed": self.fixed})


class Raises(BaseCheck):
    name = "raises"

    def run(self, document, context):
        raise RuntimeError("boom")


class OutOfRange(BaseCheck):
    name = "out_of_range"

    def run(self, document, context):
        return self.result(1.0, [self.finding("x", "warning", "beyond", 0, len(document.text) + 5)])


ARTICLE = Article(id="a1", text="Officials met on Tuesday. They agreed to meet again next week.", source="example.org")


def test_a_raising_check_is_isolated_and_reported(make_engine, caplog):
    engine = make_engine(Provides(Raises(), Constant("steady", 0.9)), checks=["raises", "steady"])
    report = engine.score(ARTICLE)
    by_name = {c.name: c for c in report.checks}
    assert by_name["raises"].score is None and by_name["raises"].error == "RuntimeError: boom"
    assert by_name["steady"].score == 0.9
    assert report.score == pytest.approx(100 * 0.9 * (0.5 + 0.5 * 0.9), abs=0.01)
    assert "raises" in caplog.text and "RuntimeError" in caplog.text


def test_findings_outside_the_text_turn_into_a_check_error(make_engine):
    report = make_engine(Provides(OutOfRange()), checks=["out_of_range"]).score(ARTICLE)
    assert report.checks[0].score is None and "beyond the text" in report.checks[0].error


def test_a_plugin_whose_hook_raises_is_skipped_with_a_problem(make_engine):
    class Broken:
        @hookimpl
        def reliability_checks(self, settings):
            raise ImportError("missing dependency")

    engine = make_engine(Broken(), Provides(Constant("steady", 1.0)))
    assert "steady" in [c.name for c in engine.checks]
    assert any("missing dependency" in str(p) for p in engine.problems)


def test_a_plugin_that_fails_to_import_is_a_warning_not_a_crash(monkeypatch, make_engine):
    good = types.ModuleType("fake_good_plugin")
    good.reliability_checks = hookimpl(lambda settings: [Constant("from_entry_point", 1.0)])
    monkeypatch.setitem(sys.modules, "fake_good_plugin", good)
    eps = [
        EntryPoint("broken", "no_such_module_anywhere", "reliability"),
        EntryPoint("good", "fake_good_plugin", "reliability"),
    ]
    monkeypatch.setattr("reliability.plugins.entry_points", lambda group: eps)
    engine = make_engine(load_entrypoints=True)
    assert "from_entry_point" in [c.name for c in engine.checks]
    assert [p.plugin for p in engine.problems] == ["broken"]
    assert "ModuleNotFoundError" in engine.problems[0].error


def test_blocked_plugins_are_not_loaded(monkeypatch, make_engine):
    eps = [EntryPoint("broken", "no_such_module_anywhere", "reliability")]
    monkeypatch.setattr("reliability.plugins.entry_points", lambda group: eps)
    monkeypatch.setenv("RELIABILITY_DISABLED_PLUGINS", "broken")
    assert make_engine(load_entrypoints=True).problems == []


def test_duplicate_check_names_keep_the_first_and_report_the_second(make_engine):
    engine = make_engine(Provides(Constant("dup", 1.0)), Provides(Constant("dup", 0.0)), checks=["dup"])
    assert len(engine.checks) == 1
    assert any("duplicate check name" in str(p) for p in engine.problems)


def test_checks_are_sorted_and_filtered_and_unknown_names_refused(make_engine):
    engine = make_engine(Provides(Constant("zeta", 1.0), Constant("alpha", 1.0)), checks=["zeta", "alpha"])
    assert [c.name for c in engine.checks] == ["alpha", "zeta"]
    with pytest.raises(UnknownCheckError):
        make_engine(checks=["no_such_check"])


def test_configured_weights_and_bands_apply(make_engine, tmp_path):
    config = tmp_path / "r.toml"
    config.write_text('checks = ["good", "bad"]\n[weights]\nbad = 3.0\n[bands]\nhigh = 90\nmedium = 20\n')
    from reliability.config import Settings

    engine = Engine(
        Settings.load(config, load_entrypoints=False), plugins=[Provides(Constant("good", 1.0), Constant("bad", 0.5))]
    )
    report = engine.score(ARTICLE)
    assert {c.name: c.weight for c in report.checks} == {"bad": 3.0, "good": 1.0}
    mean = (1.0 + 3 * 0.5) / 4
    assert report.score == pytest.approx(100 * mean * 0.75, abs=0.01)
    assert report.label == "medium"


def test_a_scorer_plugin_replaces_the_builtin_formula_and_a_broken_one_falls_back(make_engine):
    class Strict:
        @hookimpl
        def reliability_overall_score(self, results, settings):
            return 100 * min(r.score for r in results if r.score is not None)

    class Broken:
        @hookimpl
        def reliability_overall_score(self, results, settings):
            raise ZeroDivisionError

    checks = Provides(Constant("good", 1.0), Constant("bad", 0.4))
    assert make_engine(checks, Strict(), checks=["good", "bad"]).score(ARTICLE).score == pytest.approx(40.0, abs=0.01)
    fallback = make_engine(checks, Broken(), checks=["good", "bad"]).score(ARTICLE).score
    assert fallback == pytest.approx(100 * 0.7 * 0.7, abs=0.01)


def test_score_many_streams_in_input_order_from_a_generator(make_engine):
    engine = make_engine(Provides(Constant("steady", 1.0)), checks=["steady"])
    articles = (Article(id=str(i), text=f"Article number {i} says something.") for i in range(50))
    ids = [r.id for r in engine.score_many(articles)]
    assert ids == [str(i) for i in range(50)]


def test_score_many_with_workers_keeps_order_and_matches_single_process(make_engine):
    engine = make_engine(checks=["integrity"])
    articles = [Article(id=str(i), text="Short text. " * (i + 1)) for i in range(12)]
    single = [(r.id, r.score) for r in engine.score_many(articles)]
    parallel = [(r.id, r.score) for r in engine.score_many(iter(articles), workers=2)]
    assert parallel == single


def test_per_check_time_is_measured(make_engine):
    report = make_engine(Provides(Constant("steady", 1.0)), checks=["steady"]).score(ARTICLE)
    assert report.checks[0].elapsed_ms > 0 and report.engine.elapsed_ms >= report.checks[0].elapsed_ms


def test_score_accepts_a_bare_string():
    import reliability

    report = reliability.score("Officials met on Tuesday.", load_entrypoints=False, checks=["integrity"])
    assert report.id == "text" and report.check("integrity") is not None


def test_every_builtin_check_is_registered_through_the_hook(make_engine):
    names = {c.name for c in make_engine().checks}
    assert {"integrity", "duplication", "off_topic", "contradiction", "attribution", "readability"} <= names


def test_import_does_no_work():
    import subprocess

    code = (
        "import sys, reliability; heavy = [m for m in ('pydantic', 'sklearn', 'textstat', 'pluggy', 'rich') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
