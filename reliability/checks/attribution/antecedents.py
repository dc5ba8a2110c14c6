"""Who "he said" or "the minister said" points back to: a learned ranking of the candidates.

`resolve.py` gathers the candidates for a pronoun or a definite role (the sources quoted so far, and the
names in its paragraph and the three before) with what the text says of each; here each candidate gets
a feature vector (how far back and how recently it was named or quoted, whether it opens its sentence
or sits inside a quote, whether it is a person, whether its first name or an honorific agrees with
"he"/"she", whether the rule of `resolve._nearest_named` picks it) and a logistic model
(`speaker_model.json`, fitted on public annotated news by `evaluation/train_speakers.py`) scores it.
The best candidate wins if its probability reaches the model's threshold; else the pronoun stays
unresolved, which a reader is better served by than a wrong name.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from reliability.checks.attribution import lexicon as lx
from reliability.checks.attribution.linear import LinearModel, read_linear_model
from reliability.checks.attribution.locate import names_by_last_word
from reliability.document import Document
from reliability.language.people import sex_of_first_name, sex_of_words

FEATURES = (
    "rule",
    "speaker",
    "last_speaker",
    "log_mentions",
    "log_distance",
    "recency",
    "sentences_back",
    "blocks_back",
    "person",
    "person_for_personal",
    "person_for_impersonal",
    "sex_agrees",
    "sex_conflicts",
    "introduced",
    "subject",
    "after_preposition",
    "in_quote",
    "single_word",
    "role_match",
)


@dataclass(slots=True)
class Candidate:
    """One source a pronoun or role may mean, and what the text says of it before the pronoun."""

    text: str  # the fullest form of the name ("Zabihullah Mujahid")
    start: int  # where that form is first named
    end: int
    last_seen: int  # the last offset before the pronoun where it is named or quoted
    sentence: int  # sentence and block of `last_seen`
    block: int
    person: bool
    sex: str | None  # "male" / "female" when its first name or an honorific says so
    introduced: bool  # a role or title before it, an appositive after, or it opens a sentence
    subject: bool  # its last mention opens a sentence
    after_preposition: bool  # "at White Bear First Nation", "told HuffPost Canada"
    in_quote: bool  # its last mention is inside someone's quote
    role: str | None
    speaker: bool  # words were attributed to it before
    mentions: int  # how many statements it got so far
    last_spoke: int  # where it was last attributed words (-1: never)
    rule: bool  # the hand-written rule's choice


@dataclass(frozen=True, slots=True)
class Reference:
    """The pronoun or role: its kind (personal: he/she/I; thing: it; impersonal: they/we; role), sex, where."""

    kind: str
    sex: str | None
    head: str
    at: int
    sentence: int
    block: int


def features(reference: Reference, candidates: Sequence[Candidate]) -> list[list[float]]:
    """The feature vectors of the candidates, in the order of `FEATURES`."""
    by_recency = sorted(range(len(candidates)), key=lambda k: -candidates[k].last_seen)
    rank = {k: r for r, k in enumerate(by_recency)}
    last_speaker = max(range(len(candidates)), key=lambda k: candidates[k].last_spoke, default=-1)
    rows = []
    for k, c in enumerate(candidates):
        sex_known = reference.sex is not None and c.sex is not None
        rows.append(
            [
                float(c.rule),
                float(c.speaker),
                float(c.speaker and k == last_speaker),
                math.log1p(c.mentions),
                math.log1p(max(0, reference.at - c.last_seen)),
                float(min(rank[k], 5)),
                float(min(reference.sentence - c.sentence, 8)),
                float(min(reference.block - c.block, 4)),
                float(c.person),
                float(c.person and reference.kind == "personal"),
                float(c.person and reference.kind != "personal"),
                float(sex_known and c.sex == reference.sex),
                float(sex_known and c.sex != reference.sex),
                float(c.introduced),
                float(c.subject),
                float(c.after_preposition),
                float(c.in_quote),
                float(" " not in c.text),
                float(reference.kind == "role" and bool(c.role) and reference.head in (c.role or "").lower()),
            ]
        )
    return rows


def may_mean(kind: str, candidate: Candidate) -> bool:
    """Whether the pronoun or role may mean the candidate at all: "it" is no one whose sex the text gives
    ("…, which it estimated" is the firm, not Maria Ellison); a name after a preposition that never spoke
    is where or when ("in April", "at White Bear First Nation"), as for the rule."""
    if kind == "thing" and candidate.sex is not None:
        return False
    return candidate.speaker or not (candidate.after_preposition or candidate.text.lower() in lx.NOT_NAMES)


def sex_of(document: Document, name: str, role: str | None) -> str | None:
    """A person's sex when the text settles it: an honorific or gendered role in the name, its role or
    before any mention of the surname ("Ms. Wojtaszek", "spokeswoman Jane Doe"), else the first name."""
    words = [w.lower() for w in name.split()]
    before: list[str] = []
    for mention in names_by_last_word(document).get(name.split()[-1], ()) if words else ():
        previous = document.analysis_text[max(0, mention.start - 16) : mention.start].split()
        before += previous[-1:]
    found = sex_of_words(words[:-1] + (role or "").lower().split() + [w.lower() for w in before])
    if found is not None:
        return found
    first = next((w for w in name.split() if w.lower().rstrip(".") not in lx.TITLES), None)
    return sex_of_first_name(first) if first is not None and first != name.split()[-1] else None


@cache
def load_model() -> LinearModel:
    """The shipped speaker ranker."""
    return read_linear_model("speaker_model.json", FEATURES, "evaluation/train_speakers.py")


#: How a resolution picks among candidates: by default the model; the fitting script records instead.
Chooser = Callable[[Reference, Sequence[Candidate], list[list[float]]], int | None]


def best(reference: Reference, candidates: Sequence[Candidate], rows: list[list[float]]) -> int | None:
    """The candidate the model ranks first, if it is likely enough."""
    model = load_model()
    probabilities = [model.probability(row) for row in rows]
    k = max(range(len(rows)), key=probabilities.__getitem__, default=None)
    return k if k is not None and probabilities[k] >= model.threshold else None
