"""Story mode on real multi-outlet reports (evaluation/story_mode.py): the splice figures and the grouping."""

from __future__ import annotations

import pytest

from evaluation.story_data import Report, detokenise, mirror, splice


def test_tokens_become_prose():
    tokens = ["He", "said", ",", "``", "we", "'re", "fine", "''", "(", "again", ")", "."]
    assert detokenise(tokens) == "He said, “we're fine” (again)."


def test_a_splice_is_planted_from_another_story_at_the_offset_recorded():
    reports = [
        Report(
            f"{t}{i}",
            f"{t}",
            "topic",
            [f"Sentence {j} of story {t} report {i} has enough words in it." for j in range(6)],
            "train",
        )
        for t in "ab"
        for i in range(4)
    ]
    planted = splice(reports, seed=1, share=1.0)
    for r in planted:
        assert len(r.splices) == 1
        start, end = r.splices[0]
        assert f"story {r.story} " not in r.text[start:end] and "story " in r.text[start:end]


@pytest.mark.slow
def test_story_mode_groups_the_real_reports_and_warns_more_precisely_than_single_mode():
    """Measured 2026-12-06 on ECB+ test topics 36-45: adjusted Rand 0.918; single-article mode found 4 of
    49 splices with 3 wrong warnings, story mode 3 of 49 with 1 (the issue's target, twice the recall at
    precision 0.9, is not met: docs/story_mode.md). Holds what was measured, with a margin."""
    if not (mirror("tommasoc80/EventStoryLine").exists() and mirror("Luisgarchi/NewsWCL50").exists()):
        pytest.skip("the ECB+ and NewsWCL50 mirrors are not present")
    from reliability.semantic import semantic_available

    if not semantic_available():
        pytest.skip("the semantic extra is not installed")
    from evaluation.story_mode import run, sets
    from reliability.engine import Engine

    engine = Engine(checks=["off_topic"], semantic=True)
    result = run("ecb_test", sets()["ecb_test"], engine)
    assert result["adjusted_rand"] >= 0.85
    assert result["story"]["found"] >= 2
    assert result["story"]["false_warnings"] <= 2
    assert result["story"]["false_warnings"] < result["single"]["false_warnings"]
