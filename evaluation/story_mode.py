"""Story mode on real multi-outlet reports: splice recall and precision, story mode against single-article
mode, and how well the batch is grouped into stories (adjusted Rand index).

    python -m evaluation.story_mode            # measure (ECB+ test topics, ECB+ training topics, NewsWCL50)
    python -m evaluation.story_mode --fit      # refit reliability/story/splice_model.json on ECB+ topics 1-35
    (add --vectors /some/cache.pkl to keep the sentence vectors between runs)

One sentence of another story is planted in half of the reports (fixed seed); in ECB+ it comes from the
other event of the same topic (another earthquake, another rehab admission: the hard case of a related
story), in NewsWCL50 from another event. A planted sentence counts as found when an `off_topic.unrelated`
warning overlaps it; any other such warning is a false positive. Needs the `semantic` extra and the two
public sets (see `evaluation.story_data` for their provenance); prints what it measured.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib.resources import files
from pathlib import Path

from evaluation.story_data import load_ecb, load_newswcl, one_event_per_topic, splice
from reliability.models import Article

SEED = 14
CACHE = "/tmp/story_mode_fit_rows.npz"  # the fitted rows, to look at; never committed


def articles(reports):
    return [Article(id=r.id, text=r.text) for r in reports]


def measure(reports, produced) -> dict:
    """Splices found, warnings elsewhere, precision and recall, over aligned reports and Reports."""
    found = planted = false = 0
    for gold, report in zip(reports, produced, strict=True):
        check = report.check("off_topic")
        warnings = (
            [f for f in check.findings if f.code == "off_topic.unrelated" and f.severity != "info"] if check else []
        )
        planted += len(gold.splices)
        found += sum(1 for s, e in gold.splices if any(f.start < e and s < f.end for f in warnings))
        false += sum(1 for f in warnings if not any(f.start < e and s < f.end for s, e in gold.splices))
    hits = found + false
    return {
        "planted": planted,
        "found": found,
        "false_warnings": false,
        "recall": found / planted if planted else 0.0,
        "precision": found / hits if hits else 1.0,
    }


def run(name: str, reports, engine, modes: str = "single,story") -> dict:
    """Score the set in each mode (single-article, story) and print what was measured, as one JSON line."""
    from sklearn.metrics import adjusted_rand_score

    started = time.perf_counter()
    result: dict = {"set": name, "reports": len(reports), "stories": len({r.story for r in reports})}
    if "single" in modes:
        result["single"] = measure(reports, list(engine.score_many(articles(reports))))
    if "story" in modes:
        story_reports = list(engine.score_corpus(articles(reports)))
        result["story"] = measure(reports, story_reports)
        ari = adjusted_rand_score([r.story for r in reports], [r.story.id for r in story_reports])
        result["adjusted_rand"] = round(ari, 3)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result), flush=True)
    return result


def sets() -> dict:
    """ECB+ with one event of each topic in the batch and related splices from the other (held out);
    NewsWCL50 with splices from its other events (in the batch). For fitting, the ECB+ training topics
    twice: with related splices, and with splices from another topic (as NewsWCL50 has them)."""
    batch, held_out = one_event_per_topic(load_ecb(), seed=SEED)
    ecb = splice(batch, seed=SEED, related=True, donors=held_out)
    return {
        "ecb_test": [r for r in ecb if r.split == "test"],
        "ecb_train": [r for r in ecb if r.split == "train"],
        "ecb_train_unrelated": splice([r for r in batch if r.split == "train"], seed=SEED + 1, related=False),
        "newswcl50": splice(load_newswcl(), seed=SEED, related=False),
    }


def _key(text: str) -> bytes:
    from hashlib import blake2b

    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).digest()


class StoredEncoder:
    """The sentence encoder, each sentence's vector kept on disk between runs (`--vectors FILE`): the
    evaluation encodes the same sentences in every run and mode, and encoding is its slow part."""

    def __init__(self, path: str | None) -> None:
        import pickle

        from reliability.semantic import load_encoder

        self.path, self.name, self._encoder = path, "all-MiniLM-L6-v2", load_encoder(required=True)
        self._known = {}
        if path and Path(path).exists():
            with open(path, "rb") as fh:
                self._known = pickle.load(fh)  # our own cache file, written below
        self._new = 0

    def encode(self, texts):
        import numpy as np

        keys = [_key(t) for t in texts]
        new = {k: t for k, t in zip(keys, texts) if k not in self._known}
        if new:
            self._known.update(zip(new, self._encoder.encode(list(new.values()))))
            self._new += len(new)
        return np.array([self._known[k] for k in keys], dtype=np.float32).reshape(len(texts), -1)

    def save(self) -> None:
        import pickle

        if self.path and self._new:
            with open(self.path, "wb") as fh:
                pickle.dump(self._known, fh)
            self._new = 0


def fit(reports, encoder) -> dict:
    """Fit the story model on the sentences of the given (training) reports and choose its warning bar."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from reliability.checks.off_topic.unrelated import analyse, features, load_model
    from reliability.document import Document
    from reliability.story import story_contexts
    from reliability.story.context import SPLICE_FEATURES
    from reliability.story.grouping import story_labels
    from reliability.story.sketch import build_sketch

    model = load_model()
    rows, labels, groups = [], [], []
    for batch_number, batch in enumerate(reports):
        documents = [Document(a) for a in articles(batch)]
        contexts = story_contexts(sketches := [build_sketch(d, encoder) for d in documents], story_labels(sketches))
        for i, (gold, document, story) in enumerate(zip(batch, documents, contexts, strict=True)):
            if not story.signed_siblings:
                continue
            suspects = analyse(document, set(), None, encoder)
            if not suspects:
                continue
            sentences = [s.sentence for s in suspects]
            single = [model.probability(features(s)) for s in suspects]
            vectors = document.sentence_vectors(encoder, [s.index for s in sentences])
            for s, (values, *_) in zip(sentences, story.splice_features(document, sentences, single, vectors)):
                rows.append(values)
                labels.append(any(a < s.end and s.start < b for a, b in gold.splices))
                groups.append(
                    (batch_number * 100_000 + i, s.index == sentences[0].index, s.text.lstrip()[:1] in "\"“‘'")
                )
    x, y = np.array(rows), np.array(labels)
    np.savez(CACHE, x=x, y=y, groups=np.array(groups, dtype=np.int64))
    means, scales = x.mean(axis=0), x.std(axis=0) + 1e-9
    clf = LogisticRegression(C=1.0, max_iter=1000).fit((x - means) / scales, y)
    p = clf.predict_proba((x - means) / scales)[:, 1]
    bar = _precise_bar(p, y, groups)
    print(f"fitted on {len(y)} sentences ({int(y.sum())} planted); warning bar {bar:.3f}", file=sys.stderr)
    return {
        "features": list(SPLICE_FEATURES),
        "means": means.round(6).tolist(),
        "scales": scales.round(6).tolist(),
        "coefficients": clf.coef_[0].round(6).tolist(),
        "intercept": round(float(clf.intercept_[0]), 6),
        "warning_top": round(bar, 4),
        "warning_other": 0.99,
        "info": round(bar / 2, 4),
        "provenance": "evaluation/story_mode.py --fit: ECB+ topics 1-35 (tommasoc80/EventStoryLine @ 46edefee5e82), "
        "one event of each topic in the batch; a sentence planted in half its reports, once from the "
        f"topic's other event (held out), once from another topic; seeds {SEED}, {SEED + 1}",
    }


def _precise_bar(p, y, groups, target: float = 0.92) -> float:
    """The lowest bar at which the article's most suspicious sentence (the rule `_verdicts` applies)
    warns with precision >= target on the training sentences."""
    best_by_article: dict[int, tuple[float, bool]] = {}
    for prob, label, (article, opening, quote) in zip(p, y, groups, strict=True):
        if opening or quote:
            continue
        if article not in best_by_article or prob > best_by_article[article][0]:
            best_by_article[article] = (float(prob), bool(label))
    ranked = sorted(best_by_article.values(), reverse=True)
    bar, hits = 0.99, 0
    for n, (prob, label) in enumerate(ranked, start=1):
        hits += label
        if hits / n >= target and n >= 10:
            bar = prob
    return max(bar, 0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit the story model on ECB+ topics 1-35")
    parser.add_argument(
        "--sets", default="ecb_test,newswcl50", help="any of ecb_test, newswcl50, ecb_train, ecb_train_unrelated"
    )
    parser.add_argument("--modes", default="single,story", help="single, story or both (the default)")
    parser.add_argument("--vectors", help="a file to keep sentence vectors in between runs (never in the repository)")
    args = parser.parse_args()
    data = sets()
    encoder = StoredEncoder(args.vectors)
    if args.fit:
        model = fit([data["ecb_train"], data["ecb_train_unrelated"]], encoder)
        encoder.save()
        target = files("reliability.story").joinpath("splice_model.json")
        with open(str(target), "w", encoding="utf-8") as fh:
            json.dump(model, fh, indent=1)
            fh.write("\n")
        return
    from reliability.engine import Engine

    engine = Engine(checks=["off_topic"], semantic=True)
    engine.__dict__["encoder"] = encoder  # the engine's own model, its vectors kept between runs
    for name in args.sets.split(","):
        run(name, data[name], engine, args.modes)
        encoder.save()


if __name__ == "__main__":
    main()
