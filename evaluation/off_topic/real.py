"""The off_topic check on real prose: splices into the seeds (real published articles, when present) and
into a folder of your own articles (`--real-copy DIR`). Nothing of them is shipped."""

from __future__ import annotations

import random
from pathlib import Path

from evaluation.articles import read_articles
from evaluation.harness import overlaps, seeds_dir
from evaluation.off_topic.planting import DONORS, LONG, donor_sentences, related_stories, splice, split_sentences
from reliability.check import CheckContext
from reliability.checks.off_topic import OffTopicCheck
from reliability.document import Document
from reliability.models import Article
from reliability.semantic import SentenceEncoder


def real_hosts(encoder: SentenceEncoder, splices_per_host: int = 60, donor: str = DONORS[0]) -> dict | None:
    """Sentences of the project's stories spliced into real published articles (the seeds, when
    present): how the check does on real prose around the splice. Warnings elsewhere are counted apart,
    as a real article may have a loose sentence of its own."""
    seeds = seeds_dir()
    if not seeds.is_dir():
        return None
    long = [a for path in LONG for a in read_articles(path)]
    every_donor = donor_sentences(long)
    hosts = sorted(seeds.glob("*.txt"))
    texts = [host.read_text(encoding="utf-8") for host in hosts]
    check, context = OffTopicCheck(), CheckContext(encoder=encoder)
    counts = {"hosts": len(hosts), "planted": 0, "found": 0, "other_warnings": 0}
    nearest = related_stories(long, texts) if donor == DONORS[1] else [set() for _ in hosts]
    for host, text, related in zip(hosts, texts, nearest):
        rng = random.Random(host.name)
        donors = [s for i, s in every_donor if not related or i in related]
        for n in range(splices_per_host):
            sentence = rng.choice(donors)
            full, at, _ = splice(text, sentence, rng, own_paragraph=n % 6 == 5)
            _count_splice(counts, _unrelated_warnings(check, context, full), at, at + len(sentence))
    return counts


def _unrelated_warnings(check: OffTopicCheck, context: CheckContext, text: str) -> list[tuple[int, int]]:
    result = check.run(Document(Article(id="real", text=text)), context)
    return [(f.start, f.end) for f in result.findings if f.code == "off_topic.unrelated" and f.severity != "info"]


def _count_splice(counts: dict, warnings: list[tuple[int, int]], start: int, end: int) -> None:
    """One planted splice: found when a warning overlaps it; every other warning is counted apart."""
    on_splice = [overlaps(s, e, [(start, end)]) for s, e in warnings]
    counts["planted"] += 1
    counts["found"] += any(on_splice)
    counts["other_warnings"] += on_splice.count(False)


def real_copy(folder: Path, encoder: SentenceEncoder, splices_per_article: int = 6) -> dict:
    """Your own real articles (a folder of .txt files, one article each, its first line the headline): the
    warnings on them as they are, all of them false, and how often a sentence of ten or more words from
    another of them, spliced in, is found. Nothing of them is shipped: this is how the check was measured
    on real copy it was never fitted on."""
    texts = {path.name: path.read_text(encoding="utf-8", errors="replace") for path in sorted(folder.glob("*.txt"))}
    lines = {name: text.split("\n") for name, text in texts.items()}
    body = {name: body_lines(article) for name, article in lines.items()}
    donors = [
        (name, s)
        for name in texts
        for i in body[name]
        for s in split_sentences(lines[name][i].strip())
        if len(s.split()) >= 10
    ]
    check, context = OffTopicCheck(), CheckContext(encoder=encoder)
    counts = {"articles": len(texts), "clean_warnings": 0, "planted": 0, "found": 0, "other_warnings": 0}
    for name, text in texts.items():
        counts["clean_warnings"] += len(_unrelated_warnings(check, context, text))
        rng = random.Random(name)
        others = [s for donor, s in donors if donor != name]
        if not others or not body[name]:
            continue
        for n in range(splices_per_article):
            sentence = rng.choice(others)
            full, at = splice_into_lines(lines[name], body[name], sentence, rng, own_paragraph=n % 6 == 5)
            _count_splice(counts, _unrelated_warnings(check, context, full), at, at + len(sentence))
    return counts


def body_lines(lines: list[str]) -> list[int]:
    """Indexes of the non-blank lines after the headline."""
    return [i for i, line in enumerate(lines) if line.strip()][1:]


def splice_into_lines(
    lines: list[str], body: list[int], sentence: str, rng: random.Random, own_paragraph: bool
) -> tuple[str, int]:
    """`sentence` put into a random body line of a real article (`body`: the indexes of its body lines),
    between its sentences or as a line of its own."""
    i = rng.choice(body)
    if own_paragraph:
        before = "\n".join(lines[:i]) + "\n"
        return before + sentence + "\n" + "\n".join(lines[i:]), len(before)
    parts = split_sentences(lines[i].strip())
    at = rng.randint(0, len(parts))
    head, tail = " ".join(parts[:at]), " ".join(parts[at:])
    before = "\n".join(lines[:i]) + "\n" + (head + " " if head else "")
    spliced = (head + " " if head else "") + sentence + (" " + tail if tail else "")
    return "\n".join([*lines[:i], spliced, *lines[i + 1 :]]), len(before)
