"""Typed check options and setting keys, validated when the engine is built."""

from __future__ import annotations

import pytest

from reliability.check import BaseCheck, CheckContext, CheckOptions
from reliability.checks.readability import ReadabilityCheck, ReadabilityOptions
from reliability.document import Document
from reliability.engine import ConfigError
from reliability.models import Article
from reliability.testing import Provides


class Plain:
    """A third-party check that is no BaseCheck and declares no options: its table passes unvalidated."""

    name, version, weight = "plain", "1", 1.0

    def run(self, document, context):
        from reliability.models import CheckResult

        return CheckResult(
            name=self.name,
            version=self.version,
            weight=self.weight,
            score=1.0,
            metrics={"level": float(context.option("level", 0))},
        )


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"options": {"readability": {"long_sentence_word": 50}}}, "options.readability.long_sentence_word"),
        ({"options": {"readabilty": {"long_sentence_words": 50}}}, "options.readabilty"),
        ({"weights": {"readabilty": 2.0}}, "weights.readabilty"),
        ({"options": {"readability": {"long_sentence_words": 0}}}, "options.readability.long_sentence_words"),
        ({"options": {"duplication": {"anything": 1}}}, "options.duplication.anything"),
    ],
)
def test_a_misspelt_or_bad_setting_fails_at_build_naming_the_key(make_engine, settings, named):
    with pytest.raises(ConfigError, match=named.replace(".", r"\.")):
        make_engine(**settings)


def test_an_unknown_option_lists_the_known_ones(make_engine):
    with pytest.raises(ConfigError, match="known: hard_sentence_words, long_sentence_words, very_long_sentence_words"):
        make_engine(options={"readability": {"long_sentences": 50}})


def test_validated_options_reach_the_check(make_engine):
    text = " ".join(["word"] * 20 + ["and", "the"] * 10) + "."  # 40 words: under the default 45
    engine = make_engine(checks=["readability"], options={"readability": {"hard_sentence_words": 20}})
    assert engine.options["readability"] == ReadabilityOptions(hard_sentence_words=20)
    codes = [f.code for f in engine.score(text).findings]
    assert "readability.long_sentence" in codes
    assert "readability.long_sentence" not in [f.code for f in make_engine(checks=["readability"]).score(text).findings]


def test_a_check_without_an_options_model_gets_its_table_as_given(make_engine):
    engine = make_engine(Provides(Plain()), checks=["plain"], options={"plain": {"level": 3}})
    assert engine.score("Some text here.").checks[0].metrics["level"] == 3.0
    assert engine.encoder_users == []


def test_a_direct_call_validates_a_raw_table():
    document = Document(Article(id="t", text="Short text."))
    with pytest.raises(ValueError, match="long_sentence_word"):
        ReadabilityCheck().run(document, CheckContext(options={"long_sentence_word": 3}))
    assert isinstance(BaseCheck.Options(), CheckOptions)


def test_cuttable_codes_are_declared_by_the_checks(make_engine):
    assert make_engine().cuttable_codes == {"off_topic.boilerplate"}
