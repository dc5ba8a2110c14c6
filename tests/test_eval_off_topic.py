"""The off_topic evaluation runs: boilerplate meets its targets on every split; spliced sentences are warned
about only with the semantic model, at the precision the weights were fitted for; clean controls stay clean."""

import pytest

from evaluation import off_topic as off_topic_eval
from evaluation.off_topic.real import body_lines, splice_into_lines


@pytest.fixture
def off_topic():
    ev = off_topic_eval
    return ev, ev.build()


@pytest.mark.slow
def test_boilerplate_targets_hold_and_lexical_evidence_alone_never_warns_of_a_splice(off_topic):
    ev, examples = off_topic
    assert len(examples) >= 500
    for split in ev.SPLITS:
        result = ev.evaluate([e for e in examples if e.split == split])
        assert result["boilerplate_precision"] >= 0.9 and result["boilerplate_recall"] >= 0.8, (split, result["misses"])
        assert result["unrelated_recall"] == 0.0 and result["unrelated_recall_with_info"] > 0.15
    # Issue 13's bound for clean copy: a boilerplate warning on at most 2% of articles. The line model fitted on
    # public pages warns on 1 of the 460 controls (a closing line, "Meridian will publish its next reading on
    # Friday.", at 0.687 against a bar of 0.68 chosen on dev sites).
    clean = {e.id for e in examples if e.id.endswith("/clean")}
    assert ev.evaluate(examples)["clean_articles_with_warnings"] <= 0.02 * len(clean)


@pytest.mark.slow
def test_with_the_semantic_model_splices_are_found_at_high_precision(off_topic, sentence_encoder):
    ev, examples = off_topic
    encoder = ev.MemoEncoder(sentence_encoder)
    for split in ev.SPLITS:  # the default bar holds 0.9 on the training splits; each split measured 0.91-0.95
        result = ev.evaluate([e for e in examples if e.split == split], encoder)
        assert result["unrelated_precision"] >= 0.88, (split, result["false_alarms"])
        assert result["unrelated_recall"] >= 0.5, (split, result["unrelated_recall"])
        assert result["boilerplate_precision"] >= 0.9 and result["boilerplate_recall"] >= 0.8
    everything = ev.evaluate(examples, encoder)
    clean = sum(1 for e in examples if e.id.endswith("/clean"))
    assert everything["clean_articles_with_warnings"] <= 0.07 * clean


@pytest.mark.slow
def test_at_the_recall_bar_splices_are_found_at_the_issue_target(off_topic, sentence_encoder):
    """`unrelated_warn_at = 0.3`, the bar a pipeline that wants recall sets: measured 0.82 precision at 0.71
    recall over every split."""
    ev, examples = off_topic
    result = ev.evaluate(examples, ev.MemoEncoder(sentence_encoder), {"unrelated_warn_at": 0.3})
    assert result["unrelated_precision"] >= 0.8 and result["unrelated_recall"] >= 0.7


@pytest.mark.slow
def test_sentences_spliced_into_real_articles_are_found(off_topic, sentence_encoder):
    """The seeds are real published articles: splices into them were found 0.74 of the time (221 of 300), with
    no warning elsewhere."""
    ev, _ = off_topic
    hosts = ev.real_hosts(ev.MemoEncoder(sentence_encoder))
    if hosts is None:
        pytest.skip("../shared/seeds is not present in this checkout")
    assert hosts["found"] >= 0.7 * hosts["planted"]
    assert hosts["other_warnings"] <= 0.01 * hosts["planted"]


def test_a_splice_into_real_copy_lands_in_its_body_at_the_offset_returned():
    """`real_copy` measures on a folder of real articles (headline first, blank lines between paragraphs, as
    many sites export them): a splice never touches the headline or a blank line, and its offset is exact."""
    import random

    text = (
        "Harbour plan approved\n\nThe council approved the harbour plan on Monday. Work starts in May.\n\n"
        "Fishermen welcomed the decision. \"It has taken ten years,\" said Tom Hale.\n"
    )
    sentence = "Wildfires forced thousands of people to leave their homes in the hills above the coast."
    for seed in range(20):
        for own_paragraph in (False, True):
            lines = text.split("\n")
            full, at = splice_into_lines(lines, body_lines(lines), sentence, random.Random(seed), own_paragraph)
            assert full[at : at + len(sentence)] == sentence
            assert full.startswith("Harbour plan approved\n\n")
            assert full.replace(sentence, "").replace("  ", " ").split() == text.split()
