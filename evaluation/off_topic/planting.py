"""The off_topic evaluation set, built deterministically from the project's own articles (see the package
docstring): stories with a sentence of another story spliced in, briefs, wire copy, boilerplate, controls."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from evaluation.articles import read_articles
from evaluation.harness import DATA, SPLITS

LONG = [DATA / "off_topic" / "articles.txt", *sorted((DATA / "off_topic").glob("stories_*.txt"))]
SHORT = [DATA / "attribution" / "articles.txt"]  # the readability set carries page chrome on purpose
BOILERPLATE = DATA / "off_topic" / "boilerplate.txt"
KINDS = ("unrelated", "boilerplate")
PLACEMENTS = (
    "inside a paragraph",
    "in the lead paragraph",
    "as its own paragraph",
    "in a brief",
    "at the very start",
    "in wire copy (a paragraph per sentence)",
)
SHORT_VERSIONS = ((6, 8), (9, 12))  # sentence counts of the briefs cut from each story
SPLICES_PER_ARTICLE = 6
RELATED_STORIES = 5  # the donors of a related-story splice: the stories nearest the host in words
DONORS = ("any other story", "a related story")


@dataclass
class Example:
    id: str
    split: str
    text: str
    planted: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: {k: [] for k in KINDS})
    placement: str = ""  # where a splice was put: PLACEMENTS


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", paragraph) if s]


def _boilerplate() -> list[tuple[str, str, str]]:
    lines = [line for line in BOILERPLATE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [tuple(part.strip() for part in line.split("|", 2)) for line in lines]


def splice(text: str, sentence: str, rng: random.Random, own_paragraph: bool) -> tuple[str, int, str]:
    """`text` with `sentence` put in after its first sentence: (new text, where it starts, placement)."""
    paragraphs = text.split("\n")
    if own_paragraph and len(paragraphs) > 1:
        p = rng.randrange(1, len(paragraphs))
        before = "\n".join(paragraphs[:p]) + "\n"
        return before + sentence + "\n" + "\n".join(paragraphs[p:]), len(before), PLACEMENTS[2]
    p = rng.randrange(0, len(paragraphs))
    parts = split_sentences(paragraphs[p])
    at = rng.randint(1 if p == 0 or len(parts) == 1 else 0, len(parts))
    before = "\n".join(paragraphs[:p]) + ("\n" if p else "") + " ".join(parts[:at])
    before = before if not parts[:at] else before + " "
    body = before + sentence + ("" if at == len(parts) else " ") + " ".join(parts[at:])
    full = body + ("\n" + "\n".join(paragraphs[p + 1 :]) if p + 1 < len(paragraphs) else "")
    return full, len(before), PLACEMENTS[1] if p == 0 else PLACEMENTS[0]


def _splice_at_start(text: str, sentence: str, own_paragraph: bool) -> str:
    """`text` opening with `sentence`, in the first paragraph or as a paragraph of its own."""
    return sentence + ("\n" if own_paragraph else " ") + text


def _opening(text: str, sentences: int) -> str:
    """The first `sentences` sentences of `text`, in their paragraphs."""
    kept, count = [], 0
    for paragraph in text.split("\n"):
        parts = split_sentences(paragraph)[: sentences - count]
        if parts:
            kept.append(" ".join(parts))
            count += len(parts)
        if count >= sentences:
            break
    return "\n".join(kept)


def donor_sentences(long: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(story id, sentence) for every sentence of ten or more words: what gets spliced into other stories."""
    return [(i, s) for i, _, t in long for p in t.split("\n") for s in split_sentences(p) if len(s.split()) >= 10]


def related_stories(long: list[tuple[str, str, str]], texts: list[str] | None = None) -> list[set[str]]:
    """For each of `texts` (the stories themselves by default), the ids of the RELATED_STORIES stories of
    `long` nearest to it by TF-IDF cosine, itself excluded."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit([t for _, _, t in long])
    stories = vectorizer.transform([t for _, _, t in long])
    similarity = (vectorizer.transform(texts or [t for _, _, t in long]) @ stories.T).toarray()
    ids = [i for i, _, _ in long]
    related = []
    for row in similarity:
        nearest = [ids[j] for j in np.argsort(-row, kind="stable") if row[j] < 0.999]  # not the story itself
        related.append(set(nearest[:RELATED_STORIES]))
    return related


def build(splices_per_article: int = SPLICES_PER_ARTICLE, donor: str = DONORS[0]) -> list[Example]:
    long = [article for path in LONG for article in read_articles(path)]
    every_donor = donor_sentences(long)
    nearest = related_stories(long) if donor == DONORS[1] else [set() for _ in long]
    examples: list[Example] = []
    for (ident, split, text), related in zip(long, nearest):
        examples.append(Example(f"{ident}/clean", split, text))
        rng = random.Random(ident)
        donors = [(i, s) for i, s in every_donor if (i in related if related else i != ident)]
        for n in range(splices_per_article):
            _, sentence = rng.choice(donors)
            full, at, placement = splice(text, sentence, rng, own_paragraph=n % 6 == 5)  # one in six on its own
            ex = Example(f"{ident}/splice{n}", split, full, placement=placement)
            ex.planted["unrelated"].append((at, at + len(sentence)))
            examples.append(ex)
        for kept in SHORT_VERSIONS:  # a brief: the story's opening sentences only
            brief = _opening(text, rng.randint(*kept))
            examples.append(Example(f"{ident}/brief{kept[0]}/clean", split, brief))
            _, sentence = rng.choice(donors)
            full, at, _ = splice(brief, sentence, rng, own_paragraph=False)
            ex = Example(f"{ident}/brief{kept[0]}", split, full, placement=PLACEMENTS[3])
            ex.planted["unrelated"].append((at, at + len(sentence)))
            examples.append(ex)
        rng = random.Random("opening:" + ident)  # its own draw, so the splices above stay as they were
        _, sentence = rng.choice(donors)
        opened = _splice_at_start(text, sentence, own_paragraph=rng.random() < 0.5)
        ex = Example(f"{ident}/opening", split, opened, placement=PLACEMENTS[4])
        ex.planted["unrelated"].append((0, len(sentence)))
        examples.append(ex)
        wire = "\n".join(
            s for paragraph in text.split("\n") for s in split_sentences(paragraph)
        )  # as agencies lay it out
        examples.append(Example(f"{ident}/wire/clean", split, wire))
        rng = random.Random("wire:" + ident)
        _, sentence = rng.choice(donors)
        full, at, _ = splice(wire, sentence, rng, own_paragraph=False)  # it shares the paragraph of one sentence
        ex = Example(f"{ident}/wire", split, full, placement=PLACEMENTS[5])
        ex.planted["unrelated"].append((at, at + len(sentence)))
        examples.append(ex)
    lines = _boilerplate()
    bases = long + [a for path in SHORT for a in read_articles(path)]
    for n, (ident, _, text) in enumerate(bases):
        split = SPLITS[n % 3]
        rng = random.Random("boilerplate:" + ident)
        pool = [(family, line) for s, family, line in lines if s == split]
        paragraphs = text.split("\n")
        chosen = rng.sample(pool, rng.randint(2, 4))
        top, bottom = chosen[: len(chosen) // 2], chosen[len(chosen) // 2 :]
        middle = rng.random() < 0.3
        plan = [line for _, line in top] + paragraphs[:1]
        if middle and len(paragraphs) > 2:
            plan += paragraphs[1:2] + [bottom.pop()[1]] + paragraphs[2:]
        else:
            plan += paragraphs[1:]
        plan += [line for _, line in bottom]
        body = "\n".join(plan)
        ex = Example(f"{ident}/boilerplate", split, body)
        offset = 0
        planted_lines = {line for _, line in chosen}
        for line in plan:
            if line in planted_lines:
                ex.planted["boilerplate"].append((offset, offset + len(line)))
            offset += len(line) + 1
        examples.append(ex)
        if not ident.startswith("off_topic:"):
            examples.append(Example(f"{ident}/clean", split, text))
    return examples
