"""The learned score: a JSON model applied in pure Python, its explanation, `reliability fit`, the settings."""

import json
import math
from pathlib import Path

import pytest

from reliability import Engine, hookimpl
from reliability.cli import main
from reliability.fitting import Example, brier_score, calibration_error, source_folds
from reliability.learned import DEFAULT_MODEL, ModelError, ScoringModel, load_model
from reliability.models import CheckResult

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

MODEL = {
    "format": "reliability-scoring-model",
    "name": "tiny",
    "features": ["duplication.score", "readability.words"],
    "mean": [0.0, math.log1p(100)],
    "scale": [1.0, 1.0],
    "clip": 5.0,
    "coefficients": [2.0, 0.5],
    "intercept": -1.0,
    "calibration": {"method": "platt", "a": 1.0, "b": 0.0},
}


def results(duplication: float | None, words: float) -> list[CheckResult]:
    return [
        CheckResult(name="duplication", version="1", score=duplication),
        CheckResult(name="readability", version="1", score=1.0, metrics={"words": words}),
    ]


def sigmoid(t: float) -> float:
    return 1 / (1 + math.exp(-t))


def test_the_model_score_is_the_calibrated_probability_of_its_logit():
    model = ScoringModel(MODEL, "tiny")
    logit = -1.0 + 2.0 * math.log1p(1.0) + 0.5 * (math.log1p(1000) - math.log1p(100))
    assert model.score(results(1.0, 1000)) == round(100 * sigmoid(logit), 2)


def test_the_explanation_gives_each_input_and_check_its_effect_in_points():
    model = ScoringModel(MODEL, "tiny")
    explanation = model.explain(results(1.0, 100))  # words at the training mean: no effect
    score = model.score(results(1.0, 100))
    assert explanation.scoring == "model" and explanation.baseline == round(100 * sigmoid(-1.0), 2)
    assert [c.feature for c in explanation.contributions] == ["duplication.score"]
    assert explanation.contributions[0].effect == pytest.approx(score - explanation.baseline, abs=0.02) and score > 50
    assert explanation.checks["readability"] == 0.0


def test_a_crashed_check_counts_as_a_typical_article_not_a_zero():
    model = ScoringModel(MODEL, "tiny")
    assert model.score(results(None, 100)) == model.explain(results(None, 100)).baseline


@pytest.mark.parametrize(
    "broken, message",
    [
        ({**MODEL, "format": "pickle"}, "not a reliability-scoring-model"),
        ({**MODEL, "coefficients": [1.0]}, "differ in length"),
        ({k: v for k, v in MODEL.items() if k != "intercept"}, "intercept"),
        ({**MODEL, "calibration": {"method": "magic"}}, "calibration"),
    ],
)
def test_a_malformed_model_is_refused_naming_the_problem(broken, message):
    with pytest.raises(ModelError, match=message):
        ScoringModel(broken, "broken")


def test_a_model_file_is_loaded_by_the_settings_and_explains_each_report(tmp_path):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(MODEL))
    report = Engine(scoring=str(path), semantic=False).score((EXAMPLES / "budget-printed-twice.txt").read_text())
    assert report.explanation.scoring == "model" and report.explanation.model == "tiny"
    assert report.score == load_model(path).score(report.checks)
    with pytest.raises(ModelError, match="cannot read"):
        Engine(scoring=str(tmp_path / "missing.json"))


def test_a_model_named_in_a_settings_file_is_found_beside_it(tmp_path, monkeypatch):
    from reliability import Settings

    (tmp_path / "tiny.json").write_text(json.dumps(MODEL))
    (tmp_path / "reliability.toml").write_text('scoring = "tiny.json"\nsemantic = false\n')
    monkeypatch.chdir(EXAMPLES)  # elsewhere: the path is read relative to the settings file, not here
    report = Engine(Settings.load(tmp_path / "reliability.toml")).score("A short text. It has two sentences.")
    assert report.explanation.model == "tiny"


def test_the_formula_explains_which_checks_cost_points():
    report = Engine(semantic=False).score((EXAMPLES / "budget-printed-twice.txt").read_text())
    assert report.explanation.scoring == "formula" and report.explanation.baseline == 100.0
    worst = min(report.explanation.checks, key=report.explanation.checks.get)
    assert worst == "duplication" and report.explanation.checks["duplication"] < -20


def test_a_plugin_scorer_answering_a_number_still_wins_and_leaves_no_explanation(tmp_path):
    class Fixed:
        @hookimpl
        def reliability_overall_score(self, results, settings):
            return 42.0

    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(MODEL))
    report = Engine(plugins=[Fixed()], scoring=str(path), semantic=False).score("A short text. It has two sentences.")
    assert report.score == 42.0 and report.explanation is None


def test_the_shipped_default_model_loads_and_scores():
    if not DEFAULT_MODEL.exists():
        pytest.skip("no default model shipped")
    report = Engine(scoring="default", semantic=False).score((EXAMPLES / "harbour-bridge-clean.txt").read_text())
    assert report.explanation.model == "default" and 0 <= report.score <= 100


def test_calibration_error_is_the_size_weighted_gap_per_bin():
    assert calibration_error([1, 0, 1, 1], [0.95, 0.05, 0.95, 0.95]) == pytest.approx(0.05)
    assert calibration_error([1, 0], [0.5, 0.5]) == pytest.approx(0.0)


def test_brier_score_is_the_mean_squared_gap():
    assert brier_score([1, 0], [1.0, 0.0]) == 0.0 and brier_score([1, 0], [0.5, 0.5]) == pytest.approx(0.25)


def test_cross_validation_folds_never_split_a_source_and_stay_balanced():
    examples = [Example([], i % 2, f"s{i % 9}") for i in range(90)]
    folds = source_folds(examples)
    fold_of_source = {}
    for e, fold in zip(examples, folds):
        assert fold_of_source.setdefault(e.source, fold) == fold
    assert sorted(set(folds)) == [0, 1, 2, 3, 4] and max(folds.count(f) for f in range(5)) <= 20
    with pytest.raises(ValueError, match="at least 5 sources"):
        source_folds(examples[:3])


def test_cli_fit_learns_a_model_that_separates_and_scores(tmp_path, capsys):
    clean = (EXAMPLES / "harbour-bridge-clean.txt").read_text()
    paragraphs = [p for p in clean.split("\n") if p.strip()]
    lines = []
    for i in range(48):
        text = "\n".join(paragraphs[i % len(paragraphs) :] + paragraphs[: i % len(paragraphs)])
        label = i % 2
        if not label:  # the unreliable half: printed twice, as a broken pipeline would
            text = text + "\n" + text
        lines.append(json.dumps({"id": str(i), "text": text, "source": f"site{i % 8}.org", "label": label}))
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text("\n".join(lines) + "\n")
    out = tmp_path / "m.json"
    assert main(["fit", str(labelled), "--out", str(out), "--semantic", "off"]) == 0
    assert "cross-validation by source): ROC AUC 1.000" in capsys.readouterr().out
    model = json.loads(out.read_text())
    assert model["format"] == "reliability-scoring-model" and "duplication.score" in model["features"]
    assert (
        main(
            [
                "score",
                str(EXAMPLES / "budget-printed-twice.txt"),
                "--scoring",
                str(out),
                "--semantic",
                "off",
                "--format",
                "json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)[0]["explanation"]["scoring"] == "model"
    assert main(["fit", str(labelled), "--out", str(out), "--semantic", "off", "--scores-only"]) == 0
    model = json.loads(out.read_text())
    assert all(f.endswith(".score") for f in model["features"]) and min(model["coefficients"]) >= 0
    assert model["coefficients"][model["features"].index("duplication.score")] > 0


def test_cli_fit_names_a_bad_line(tmp_path, capsys):
    labelled = tmp_path / "bad.jsonl"
    labelled.write_text(json.dumps({"id": "1", "text": "x", "label": "maybe"}) + "\n")
    assert main(["fit", str(labelled), "--out", str(tmp_path / "m.json")]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
