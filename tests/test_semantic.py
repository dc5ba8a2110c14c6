"""The semantic extra: loaded only when installed and wanted, offline, deterministic; and what it adds to
off_topic.unrelated — a warning on a sentence spliced in from another story, none on the clean story."""

import json
from pathlib import Path

import numpy as np
import pytest

from evaluation import off_topic as off_topic_eval
from reliability.checks.off_topic import OffTopicCheck, unrelated
from reliability.semantic import SemanticModelMissing, load_encoder
from reliability.testing import flagged_texts, run_check


def test_semantic_false_never_loads_a_model():
    assert load_encoder(False) is None


def test_requiring_the_model_without_the_extra_fails_when_the_engine_is_built(make_engine, monkeypatch):
    monkeypatch.setattr("reliability.engine.semantic_available", lambda: False)
    monkeypatch.setattr("reliability.semantic.semantic_available", lambda: False)
    with pytest.raises(SemanticModelMissing, match="pip install"):
        make_engine(semantic=True)
    assert make_engine(semantic=None).encoder is None  # auto: lexical evidence only, no error


def test_the_fitted_model_matches_the_features_the_check_computes():
    fitted = json.loads(Path(unrelated.__file__).with_name("unrelated_model.json").read_text(encoding="utf-8"))
    assert tuple(fitted["features"]) == unrelated.FEATURES == unrelated.load_model().features
    n = len(unrelated.FEATURES)
    assert len(fitted["means"]) == len(fitted["scales"]) == n
    assert len(fitted["coefficients"]) == n + n * (n + 1) // 2  # linear terms, then pairwise products
    assert 0 < fitted["info"] <= fitted["warning_top"] <= fitted["warning_other"] < 1


def test_the_shipped_graph_gives_the_float_models_vectors(sentence_encoder):
    """The shipped graph and its tokenizer hold to all-MiniLM-L6-v2's own vectors, recorded in float32 when the
    graph was built (evaluation/export_semantic_model.py): the fitted weights of off_topic.unrelated read them."""
    reference = json.loads(Path(__file__).with_name("semantic_reference.json").read_text(encoding="utf-8"))
    texts = list(reference["vectors"])
    expected = np.array([reference["vectors"][t] for t in texts])
    cosines = (sentence_encoder.encode(texts) * expected).sum(axis=1) / np.linalg.norm(expected, axis=1)
    assert len(texts) >= 5 and cosines.min() >= 0.99


def test_a_batch_gives_each_text_the_vector_it_gets_alone(sentence_encoder):
    """Sentences are batched by length with padding: the padding must not reach the vectors."""
    texts = ["Short.", "A much longer sentence about the council's budget, read with padding in a batch of three.", ""]
    together = sentence_encoder.encode(texts)
    alone = np.vstack([sentence_encoder.encode([t]) for t in texts])
    assert together.shape == (3, 384) and np.allclose(together, alone, atol=1e-5)
    assert sentence_encoder.encode([]).shape == (0, 384)


def test_vectors_are_unit_length_deterministic_and_closer_for_the_same_topic(sentence_encoder):
    texts = [
        "The central bank raised its main interest rate to 5 percent to curb inflation.",
        "Mortgage payments will rise again after the bank's decision on borrowing costs.",
        "The striker scored twice as the home side won the cup final.",
    ]
    first, again = sentence_encoder.encode(texts), sentence_encoder.encode(texts)
    assert first.shape == (3, 384) and np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-4)
    assert np.allclose(first, again)
    assert first[0] @ first[1] > first[0] @ first[2] + 0.2


def _election_debate(suffix):
    ev = off_topic_eval
    return next(e for e in ev.build() if e.id == f"off_topic:election-debate/{suffix}")


def test_a_sentence_from_another_story_gets_a_warning_that_explains_itself(sentence_encoder):
    example = _election_debate("splice5")  # a holdout story: never seen when the weights were fitted
    ((start, end),) = example.planted["unrelated"]
    result = run_check(OffTopicCheck(), example.text, encoder=sentence_encoder)
    warnings = [f for f in result.findings if f.code == "off_topic.unrelated" and f.severity == "warning"]
    assert [(f.start, f.end) for f in warnings] == [(start, end)]
    assert "another story" in warnings[0].message and "similarity" in warnings[0].message
    assert result.metrics["semantic_model"] == 1.0 and result.metrics["unrelated_sentences"] == 1
    assert result.score < 1.0


def test_the_clean_story_gets_no_warning(sentence_encoder):
    clean = _election_debate("clean")
    assert flagged_texts(run_check(OffTopicCheck(), clean.text, encoder=sentence_encoder), clean.text) == []


def test_a_sentence_spliced_in_before_the_lead_gets_a_warning(sentence_encoder):
    example = _election_debate("opening")
    ((start, end),) = example.planted["unrelated"]
    assert start == 0
    result = run_check(OffTopicCheck(), example.text, encoder=sentence_encoder)
    warnings = [
        (f.start, f.end) for f in result.findings if f.code == "off_topic.unrelated" and f.severity == "warning"
    ]
    assert warnings == [(start, end)]


def test_a_feature_opening_far_from_the_news_is_not_taken_for_a_splice(sentence_encoder):
    """A brief opening on a scene ("Faith Achieng spent most of November awake before dawn, revising organic
    chemistry ...") scores 0.59, over the default bar: the opening sentence needs OPENING_MARGIN more."""
    ev = off_topic_eval
    brief = next(e for e in ev.build() if e.id == "off_topic:soc-kenya-exam-leak-arrests/brief9/clean")
    result = run_check(OffTopicCheck(), brief.text, encoder=sentence_encoder)
    opening = [f for f in result.findings if f.code == "off_topic.unrelated" and f.start == 0]
    assert [f.severity for f in opening] == ["info"]


def test_the_warning_bar_is_an_option(sentence_encoder):
    example = _election_debate("splice5")
    strict = run_check(OffTopicCheck(), example.text, {"unrelated_warn_at": 0.999}, encoder=sentence_encoder)
    assert not any(f.code == "off_topic.unrelated" and f.severity == "warning" for f in strict.findings)


def test_seed_expectations_hold_with_the_model(seed_expectations, sentence_encoder):
    """001 stays clean, 003 keeps its boilerplate and its analyst's quote unflagged, 004 its boilerplate; the
    002 splices are still missed (see docs)."""
    seed_expectations(
        OffTopicCheck(),
        articles={"001_8e8533f7b8c10054.txt", "003_d3988af59341f4c9.txt", "004_e2456eba9224f9f8.txt"},
        encoder=sentence_encoder,
    )


def test_a_book_length_text_is_judged_by_lexical_evidence_only(make_engine, sentence_encoder):
    paragraph = (
        "The council approved the budget for the new library on Tuesday. Work on the building will begin in "
        "March and should take two years. The mayor said the project would serve the whole district. "
    )
    text = "\n".join(f"{paragraph} Item {n} of the minutes records the vote." for n in range(300))
    report = make_engine(semantic=None).score(text)
    off_topic = report.check("off_topic")
    assert off_topic.error is None and off_topic.metrics["semantic_model"] == 0.0
    assert off_topic.metrics["sentences_judged"] > unrelated.MAX_SENTENCES_FOR_MODEL


@pytest.mark.slow
def test_worker_processes_start_cleanly_after_the_model_ran_in_the_parent(sentence_encoder, tmp_path):
    """The model has run in the parent (ONNX Runtime on one thread): workers still start and score."""
    import subprocess
    import sys

    script = tmp_path / "workers.py"
    script.write_text(
        "from reliability import Engine\n"
        "if __name__ == '__main__':\n"
        "    text = ' '.join(f'The council met on day {n} to discuss the library budget and the repairs.' for n in range(12))\n"
        "    engine = Engine(semantic=True, load_entrypoints=False)\n"
        "    engine.score(text)\n"
        "    print(len(list(engine.score_many([text, text, text], workers=2))))\n"
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "3", done.stderr[-2000:]
