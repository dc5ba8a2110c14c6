"""Hostile article text through the Python API: characters that made the sentence splitter panic or the
JSON writer fail, and pathological input that took quadratic time.

Each 50 KB text of PATHOLOGICAL once took from 3 s to over a minute (a regex or a scan restarted at
every position); each must now score in under 2 s of CPU time — of this process, not wall time, so
that a busy machine does not fail the test. The engine is warmed up first (the pronunciation and
spelling dictionaries load on the first article).
"""

from __future__ import annotations

import time

import pytest

from reliability import Article, Engine
from reliability.document import Document

SIZE = 50_000
LIMIT_SECONDS = 2.0
PATHOLOGICAL = {
    "digits": "1",  # contradiction: the count pattern restarted inside the run of digits
    "shouting": "SHOUT ",  # attribution: the speaker-name scan walked back over the whole sentence
    "pronouns": '"Yes," he said. ',  # attribution: each pronoun walked over every name before it
    "cues": "said ",
    "vague sources": "officials said ",
    "unclosed comments": "<!--",  # Document: the markup pattern searched for "-->" from every "<!--"
    "unclosed scripts": "<script>",
    "sentence ends without spaces": "!-",  # sentencex is quadratic here: the Document feeds it 10,000 at a time
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    engine = Engine(semantic=False)
    engine.score("Officials said the bridge would reopen on Monday. “It is safe,” the mayor said.")
    return engine


@pytest.mark.parametrize("unit", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_scores_in_linear_time(engine: Engine, unit: str) -> None:
    text = unit * (SIZE // len(unit))
    started = time.process_time()
    report = engine.score(text)
    elapsed = time.process_time() - started
    assert elapsed < LIMIT_SECONDS, f"{elapsed:.2f} s of CPU time for {len(text):,} characters"
    assert all(c.error is None for c in report.checks), [c.error for c in report.checks if c.error]


#: Every space sentencex (1.0.x) panicked on before a full stop, found by trying each code point.
ODD_SPACES = (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


@pytest.mark.parametrize("space", ODD_SPACES, ids=[f"U+{ord(c):04X}" for c in ODD_SPACES])
@pytest.mark.parametrize("template", ["U{}.", "George W{}. Bush said.", "Plan B{}. It failed."])
def test_an_odd_space_before_a_full_stop_is_split_not_a_panic(template: str, space: str) -> None:
    text = template.format(space)
    document = Document(Article(id="x", text=text))
    assert document.sentences and all(text[s.start : s.end] == s.text for s in document.sentences)


def test_the_splitter_panicking_anyway_cuts_at_sentence_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    import sentencex

    class PanicException(BaseException):  # what pyo3 raises: not an Exception
        pass

    def panic(language: str, text: str) -> list:
        raise PanicException("byte index is not a char boundary")

    monkeypatch.setattr(sentencex, "get_sentence_boundaries", panic)
    document = Document(Article(id="x", text="The plan failed. Nobody knew why."))
    assert [s.text for s in document.sentences] == ["The plan failed.", "Nobody knew why."]


def test_lone_surrogates_become_replacement_characters_at_the_door(engine: Engine) -> None:
    article = Article(id="id\udc80", text="\udc80abc said the mayor. \ud800", source="\udfff")
    assert (article.id, article.text[:4], article.source) == ("id\ufffd", "\ufffdabc", "\ufffd")
    report = engine.score(article)
    report.model_dump_json().encode("utf-8")  # writable
    assert report.id == "id\ufffd"


def test_the_markup_scanner_finds_what_the_markup_pattern_found() -> None:
    """The linear scanner replaced a regex that went quadratic on unclosed comments; on any mix of markup
    pieces it must find the same spans."""
    import random
    import re

    from reliability.document import _markup_spans

    pattern = re.compile(
        r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|</?[a-zA-Z][^<>]{0,2000}?>|<![a-zA-Z][^<>]*>", re.I | re.S
    )
    pieces = [
        "<script>",
        "</script>",
        "<SCRIPT src=x>",
        "</Script >",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "<p>",
        "</p>",
        "<a href='x'>",
        "<!DOCTYPE html>",
        "<",
        ">",
        "x",
        " ",
        "\n",
        "<b",
        "<!x",
        "-",
        "</style",
        "a<b>c",
    ]
    rng = random.Random(18)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        assert list(_markup_spans(text)) == [m.span() for m in pattern.finditer(text)], text
