"""Story mode: the batch grouped into stories, reports compared with their siblings (Engine.score_corpus)."""

from __future__ import annotations

import json

import pytest

from reliability.document import Document
from reliability.engine import Engine
from reliability.models import Article
from reliability.story.grouping import story_labels
from reliability.story.sketch import BLOOM_BITS, build_sketch, stable_hash

QUAKE = (
    "A magnitude 6.1 earthquake struck near the town of Valdora on Sunday, the national seismic institute said.\n"
    "Rescue teams in Valdora pulled 14 survivors from collapsed buildings, regional governor Marta Ruiz said.\n"
    "“We are working through the night to reach every family,” Ruiz told reporters in Valdora.\n"
    "The seismic institute recorded 40 aftershocks in the hours after the earthquake.\n"
)
QUAKE_OTHER = (
    "Rescuers searched the rubble in Valdora on Monday after Sunday's magnitude 6.1 earthquake.\n"
    "Governor Marta Ruiz said teams had pulled 14 survivors from the collapsed buildings of Valdora.\n"
    "“We are working through the night to reach every family,” said Health Minister Tomas Bell.\n"
    "The seismic institute counted 40 aftershocks and warned of more in the coming days.\n"
)
BUDGET = (
    "The city council of Northport approved its annual budget on Tuesday after a long debate over bus fares.\n"
    "Council leader Amir Patel said the budget would freeze fares for pensioners until next spring.\n"
    "Opposition members of the Northport council voted against the plan, citing cuts to library hours.\n"
    "The budget takes effect in April, the council's finance office said.\n"
)


def _articles() -> list[Article]:
    return [
        Article(id="quake-1", text=QUAKE),
        Article(id="budget", text=BUDGET),
        Article(id="quake-2", text=QUAKE_OTHER),
    ]


def test_reports_of_one_event_form_a_story_and_others_stand_alone():
    sketches = [build_sketch(Document(a)) for a in _articles()]
    labels = story_labels(sketches)
    assert labels[0] == labels[2] != labels[1]
    assert story_labels(sketches) == labels  # deterministic
    assert story_labels(list(reversed(sketches))) == [0, 1, 0]


def test_a_sketch_stays_small_whatever_the_article_length():
    long_text = "\n".join(
        f"Speaker{i} Name{i} said the plan for district {i} would cost {i * 7} million." for i in range(2000)
    )
    sketch = build_sketch(Document(Article(id="long", text=long_text)))
    assert sketch.nbytes <= 2600
    assert sketch.words.nbytes == BLOOM_BITS // 8


def test_sketches_know_the_names_and_words_of_their_article():
    sketch = build_sketch(Document(Article(id="q", text=QUAKE)))
    assert sketch.knows_name(stable_hash("valdo"))
    assert sketch.knows_word(stable_hash("rescu"))
    assert not sketch.knows_name(stable_hash("north"))


@pytest.fixture(scope="module")
def story_reports():
    engine = Engine(semantic=False, checks=["attribution", "off_topic", "story"])
    return list(engine.score_corpus(iter(_articles())))


def test_score_corpus_keeps_ids_and_order_and_says_which_story(story_reports):
    assert [r.id for r in story_reports] == ["quake-1", "budget", "quake-2"]
    quake, budget, other = story_reports
    assert quake.story is not None and quake.story == other.story and quake.story.reports == 2
    assert budget.story is not None and budget.story.reports == 1 and budget.story.id != quake.story.id
    assert budget.check("story") is None  # nothing to compare with: the story check does not run
    assert quake.check("story") is not None


def test_the_same_quote_given_to_two_speakers_is_a_conflict_in_both_reports(story_reports):
    quake, _, other = story_reports
    for report, sibling, speaker in ((quake, "quake-2", "Ruiz"), (other, "quake-1", "Bell")):
        conflicts = [f for f in report.check("story").findings if f.code == "story.conflict"]
        assert len(conflicts) == 1 and conflicts[0].severity == "warning"
        assert conflicts[0].related[0].article == sibling
        assert speaker in conflicts[0].message
    assert quake.check("story").metrics["claims_confirmed"] >= 1  # the governor's 14 survivors


def test_syndicated_copy_is_an_info_naming_the_other_report():
    engine = Engine(semantic=False, checks=["story"])
    copy = Article(id="copy", text=QUAKE.replace("Sunday", "Sunday morning"))
    reports = list(engine.score_corpus([Article(id="quake-1", text=QUAKE), copy]))
    found = [f for f in reports[1].check("story").findings if f.code == "story.syndication"]
    assert found and found[0].severity == "info" and found[0].related[0].article == "quake-1"


def test_without_story_mode_no_story_check_runs_and_reports_carry_no_story():
    report = Engine(semantic=False).score(Article(id="q", text=QUAKE))
    assert report.story is None and report.check("story") is None


def test_score_corpus_with_workers_gives_the_same_reports(story_reports):
    engine = Engine(semantic=False, checks=["attribution", "off_topic", "story"])
    pooled = list(engine.score_corpus(_articles(), workers=2))

    def strip(r):
        return json.loads(r.model_dump_json(exclude={"engine"}))

    for a, b in zip(pooled, story_reports, strict=True):
        left, right = strip(a), strip(b)
        for checks in (left["checks"], right["checks"]):
            for c in checks:
                c.pop("elapsed_ms")
        assert left == right


def test_the_seeds_scored_as_a_batch_hold_the_cross_report_conflict(seeds_dir):
    articles = [Article(id=p.name, text=p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))]
    reports = {r.id: r for r in Engine(semantic=False).score_corpus(articles)}
    first, second = reports["000_6b7646a18cb0c839.txt"], reports["001_8e8533f7b8c10054.txt"]
    assert first.story == second.story
    related = [r.article for f in first.check("story").findings if f.code == "story.conflict" for r in f.related]
    assert "001_8e8533f7b8c10054.txt" in related


def test_meaning_signatures_estimate_the_cosine_of_two_sentence_vectors():
    import numpy as np

    from reliability.story.sketch import SIGNATURE_BITS, signature_cosines, signatures

    rng = np.random.default_rng(3)
    base = rng.standard_normal((200, 384))
    noise = rng.standard_normal((200, 384))
    a = base / np.linalg.norm(base, axis=1, keepdims=True)
    mixed = base + noise * rng.uniform(0.2, 2.0, (200, 1))
    b = mixed / np.linalg.norm(mixed, axis=1, keepdims=True)
    true = (a * b).sum(axis=1)
    estimated = np.diag(signature_cosines(signatures(a), signatures(b)))
    assert signatures(a).shape == (200, SIGNATURE_BITS // 8)
    assert np.allclose(np.diag(signature_cosines(signatures(a), signatures(a))), 1.0)
    assert np.corrcoef(true, estimated)[0, 1] > 0.9
    assert np.median(np.abs(true - estimated)) < 0.1


class _WordEncoder:
    """A stand-in sentence encoder: each word a fixed random direction, a sentence their normalised sum."""

    name = "words"

    def encode(self, texts):
        import numpy as np

        from reliability.story.sketch import stable_hash

        rows = []
        for text in texts:
            vector = np.zeros(64)
            for word in text.lower().split():
                vector += np.random.default_rng(stable_hash(word)).standard_normal(64)
            rows.append(vector / (np.linalg.norm(vector) or 1.0))
        return np.array(rows, dtype=np.float32)


def test_with_an_encoder_a_sketch_signs_its_sentences_and_points_at_them():
    text = QUAKE * 3
    document = Document(Article(id="q", text=text))
    sketch = build_sketch(document, _WordEncoder())
    assert 0 < len(sketch.signatures) == len(sketch.signed_spans) <= 40
    for start, end in sketch.signed_spans:
        assert text[start:end] in {s.text for s in document.sentences}
    assert len(build_sketch(document).signatures) == 0  # no encoder: no signatures, nothing else changes
    assert sketch.nbytes <= 3200


def test_a_sentence_no_sibling_says_anything_close_to_is_weighed_as_a_splice():
    from reliability.checks.off_topic.unrelated import analyse
    from reliability.story import story_contexts

    encoder = _WordEncoder()
    spliced = (
        "Shares of the Lumen shipping group fell sharply in Frankfurt after its chairman resigned over a bribery probe."
    )
    lines = QUAKE.splitlines()
    own = "\n".join([*lines[:2], spliced, *lines[2:], *QUAKE_OTHER.splitlines()[1:]])
    documents = [Document(Article(id="own", text=own)), Document(Article(id="other", text=QUAKE_OTHER + QUAKE))]
    sketches = [build_sketch(d, encoder) for d in documents]
    story = story_contexts(sketches, [0, 0])[0]
    suspects = analyse(documents[0], set(), None, encoder)
    sentences = [s.sentence for s in suspects]
    vectors = documents[0].sentence_vectors(encoder, [s.index for s in sentences])
    evidence = story.weigh_splices(documents[0], sentences, [0.01] * len(sentences), vectors)
    by_text = {s.text: e for s, e in zip(sentences, evidence, strict=True)}
    splice = by_text[spliced]
    assert splice.likelihood == max(e.likelihood for e in evidence)
    assert splice.fit < splice.typical and "Lumen" in splice.unconfirmed
    shared = by_text[lines[1]]  # the governor's sentence: the sibling has it word for word
    article, start, end, similarity = shared.closest
    assert article == "other" and (QUAKE_OTHER + QUAKE)[start:end] == lines[1] and similarity > 0.95
