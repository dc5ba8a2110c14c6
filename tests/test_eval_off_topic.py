"""The off_topic evaluation runs; boilerplate meets its targets on every split and clean controls stay clean."""


def test_boilerplate_targets_hold_and_no_clean_control_gets_a_warning(evaluation):
    ev = evaluation("off_topic")
    examples = ev.build()
    assert len(examples) >= 150
    for split in ev.SPLITS:
        result = ev.evaluate([e for e in examples if e.split == split])
        assert result["boilerplate_precision"] >= 0.9 and result["boilerplate_recall"] >= 0.8, (split, result["misses"])
        assert result["unrelated_precision"] >= 0.8, (split, result["false_alarms"])
    assert ev.evaluate(examples)["clean_articles_with_warnings"] == 0
