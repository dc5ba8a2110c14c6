"""The readability evaluation runs and meets its targets on both splits."""

from __future__ import annotations

from evaluation import readability


def test_annotations_all_occur_in_their_articles():
    examples = readability.load()
    assert len(examples) >= 20 and {e.split for e in examples} == {"dev", "test"}
    assert sum(len(e.spans["glued_words"]) for e in examples) >= 10
    assert sum(not any(e.spans.values()) for e in examples) >= 8  # clean controls


def test_targets_hold_on_every_split():
    ev = readability
    examples = ev.load()
    for split in ("dev", "test"):
        r = ev.evaluate([e for e in examples if e.split == split])
        for kind in ("glued_words", "long_sentence", "shouting"):
            assert r[kind]["precision"] >= 0.9, (split, kind, r["misses"])
        assert r["glued_words"]["recall"] >= 0.75, (split, r["misses"])
        assert r["long_sentence"]["recall"] >= 0.9, (split, r["misses"])
    overall = ev.evaluate(examples)
    assert overall["shouting"]["recall"] >= 0.6, overall["misses"]


def test_camel_case_names_rarely_draw_a_warning():
    names = readability.name_false_positives()
    assert len(names["warning"]) <= 0.02 * names["contexts"], names["warning"]
