"""Evaluate the off_topic check on planted unrelated sentences and boilerplate, with clean controls.

Built deterministically from the project's own articles: the long stories in
evaluation/off_topic/ (plus the short ones of the attribution set for boilerplate) get (a) one
sentence from a different story spliced in after the first sentence (inside a paragraph, in the lead
paragraph or as a paragraph of its own) or before it, and once more laid out as wire copy, a
paragraph per sentence, where the splice shares a paragraph with one sentence of the story; (b) the
same after the first sentence of two briefs cut from each story; or (c) two to four boilerplate
lines from evaluation/off_topic/boilerplate.txt at the top, the bottom or between paragraphs. A
planted span counts as found when a warning overlaps it; any other warning is a false positive.
Splits follow the article and the boilerplate line. When ../shared/seeds is present, the same
splicing into those real articles is measured too (`real_hosts`).
The donor of a splice is any other story; a second, harder set takes it from a related story (one of
the few nearest the host in words: a strike into a strike, a court case into a court case), where only
the names and the facts differ. It is reported apart and never trained on.
`--real-copy DIR` measures the check on real articles of your own as well (`real_copy`).
Run: python evaluation/eval_off_topic.py [--real-copy DIR]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.articles import read_articles  # noqa: E402
from evaluation.harness import seeds_dir  # noqa: E402
from reliability.check import CheckContext  # noqa: E402
from reliability.checks.off_topic import OffTopicCheck  # noqa: E402
from reliability.document import Document  # noqa: E402
from reliability.models import Article  # noqa: E402
from reliability.semantic import SentenceEncoder, load_encoder  # noqa: E402

HERE = Path(__file__).resolve().parent
SEEDS = seeds_dir()  # real articles, beside the project when present ($RELIABILITY_SEEDS)
LONG = [HERE / "off_topic" / "articles.txt", *sorted((HERE / "off_topic").glob("stories_*.txt"))]
SHORT = [HERE / "attribution" / "articles.txt"]  # the readability set carries page chrome on purpose
BOILERPLATE = HERE / "off_topic" / "boilerplate.txt"
SPLITS = ("dev", "test", "holdout")
KINDS = ("unrelated", "boilerplate")
PLACEMENTS = (
    "inside a paragraph", "in the lead paragraph", "as its own paragraph", "in a brief", "at the very start",
    "in wire copy (a paragraph per sentence)",
)
SHORT_VERSIONS = ((6, 8), (9, 12))  # sentence counts of the briefs cut from each story
SPLICES_PER_ARTICLE = 6
RELATED_STORIES = 5  # the donors of a related-story splice: the stories nearest the host in words
DONORS = ("any other story", "a related story")
RECALL_OPERATING_POINTS = (0.3, 0.4)  # lower warning bars a pipeline may choose (the option unrelated_warn_at)


@dataclass
class Example:
    id: str
    split: str
    text: str
    planted: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: {k: [] for k in KINDS})
    placement: str = ""  # where a splice was put: PLACEMENTS


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", paragraph) if s]


def _boilerplate() -> list[tuple[str, str, str]]:
    lines = [line for line in BOILERPLATE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [tuple(part.strip() for part in line.split("|", 2)) for line in lines]


def _splice(text: str, sentence: str, rng: random.Random, own_paragraph: bool) -> tuple[str, int, str]:
    """`text` with `sentence` put in after its first sentence: (new text, where it starts, placement)."""
    paragraphs = text.split("\n")
    if own_paragraph and len(paragraphs) > 1:
        p = rng.randrange(1, len(paragraphs))
        before = "\n".join(paragraphs[:p]) + "\n"
        return before + sentence + "\n" + "\n".join(paragraphs[p:]), len(before), PLACEMENTS[2]
    p = rng.randrange(0, len(paragraphs))
    parts = _sentences(paragraphs[p])
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
        parts = _sentences(paragraph)[: sentences - count]
        if parts:
            kept.append(" ".join(parts))
            count += len(parts)
        if count >= sentences:
            break
    return "\n".join(kept)


def _donor_sentences(long: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(story id, sentence) for every sentence of ten or more words: what gets spliced into other stories."""
    return [(i, s) for i, _, t in long for p in t.split("\n") for s in _sentences(p) if len(s.split()) >= 10]


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
    every_donor = _donor_sentences(long)
    nearest = related_stories(long) if donor == DONORS[1] else [set() for _ in long]
    examples: list[Example] = []
    for (ident, split, text), related in zip(long, nearest):
        examples.append(Example(f"{ident}/clean", split, text))
        rng = random.Random(ident)
        donors = [(i, s) for i, s in every_donor if (i in related if related else i != ident)]
        for n in range(splices_per_article):
            _, sentence = rng.choice(donors)
            full, at, placement = _splice(text, sentence, rng, own_paragraph=n % 6 == 5)  # one in six on its own
            ex = Example(f"{ident}/splice{n}", split, full, placement=placement)
            ex.planted["unrelated"].append((at, at + len(sentence)))
            examples.append(ex)
        for kept in SHORT_VERSIONS:  # a brief: the story's opening sentences only
            brief = _opening(text, rng.randint(*kept))
            examples.append(Example(f"{ident}/brief{kept[0]}/clean", split, brief))
            _, sentence = rng.choice(donors)
            full, at, _ = _splice(brief, sentence, rng, own_paragraph=False)
            ex = Example(f"{ident}/brief{kept[0]}", split, full, placement=PLACEMENTS[3])
            ex.planted["unrelated"].append((at, at + len(sentence)))
            examples.append(ex)
        rng = random.Random("opening:" + ident)  # its own draw, so the splices above stay as they were
        _, sentence = rng.choice(donors)
        opened = _splice_at_start(text, sentence, own_paragraph=rng.random() < 0.5)
        ex = Example(f"{ident}/opening", split, opened, placement=PLACEMENTS[4])
        ex.planted["unrelated"].append((0, len(sentence)))
        examples.append(ex)
        wire = "\n".join(s for paragraph in text.split("\n") for s in _sentences(paragraph))  # as agencies lay it out
        examples.append(Example(f"{ident}/wire/clean", split, wire))
        rng = random.Random("wire:" + ident)
        _, sentence = rng.choice(donors)
        full, at, _ = _splice(wire, sentence, rng, own_paragraph=False)  # it shares the paragraph of one sentence
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


class MemoEncoder:
    """The process's sentence encoder, remembering each sentence: the splices of one article share all but one."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.name, self._encoder, self._known = encoder.name, encoder, {}

    def encode(self, texts):
        import numpy as np

        new = [t for t in dict.fromkeys(texts) if t not in self._known]
        self._known.update(zip(new, self._encoder.encode(new)))
        return np.array([self._known[t] for t in texts]).reshape(len(texts), -1)


def semantic_encoder() -> MemoEncoder | None:
    """The semantic model when the extra is installed (the figures differ with and without it)."""
    encoder = load_encoder()
    return MemoEncoder(encoder) if encoder is not None else None


def evaluate(examples: list[Example], encoder: SentenceEncoder | None = None, options: dict | None = None) -> dict:
    check, context = OffTopicCheck(), CheckContext(options=options or {}, encoder=encoder)
    stats = {k: {"planted": 0, "found": 0, "tp": 0, "fp": 0, "found_as_info": 0, "info_fp": 0} for k in KINDS}
    by_placement = {placement: [0, 0] for placement in PLACEMENTS}  # [found, planted]
    misses, false_alarms = [], []
    for ex in examples:
        result = check.run(Document(Article(id=ex.id, text=ex.text)), context)
        for kind in KINDS:
            flagged = [(f.start, f.end) for f in result.findings if f.code == f"off_topic.{kind}" and f.severity != "info"]
            noted = [(f.start, f.end) for f in result.findings if f.code == f"off_topic.{kind}"]
            stats[kind]["info_fp"] += sum(1 for s, e in noted if not any(s < b and a < e for a, b in ex.planted[kind]))
            for start, end in ex.planted[kind]:
                stats[kind]["found_as_info"] += any(s < end and start < e for s, e in noted)
                stats[kind]["planted"] += 1
                found = any(s < end and start < e for s, e in flagged)
                if kind == "unrelated":
                    by_placement[ex.placement][0] += found
                    by_placement[ex.placement][1] += 1
                if found:
                    stats[kind]["found"] += 1
                else:
                    misses.append((ex.id, kind, ex.text[start:end][:90]))
            planted_any = [span for spans in ex.planted.values() for span in spans]
            for s, e in flagged:
                if any(s < end and start < e for start, end in planted_any):
                    stats[kind]["tp"] += 1
                else:
                    stats[kind]["fp"] += 1
                    false_alarms.append((ex.id, kind, ex.text[s:e][:90]))
    report = {"articles": len(examples), "misses": misses, "false_alarms": false_alarms}
    report["unrelated_recall_by_placement"] = {p: (found / planted, planted) for p, (found, planted) in by_placement.items() if planted}
    for kind, st in stats.items():
        report[f"{kind}_planted"] = st["planted"]
        report[f"{kind}_recall"] = st["found"] / st["planted"] if st["planted"] else 1.0
        report[f"{kind}_precision"] = st["tp"] / (st["tp"] + st["fp"]) if st["tp"] + st["fp"] else 1.0
        report[f"{kind}_recall_with_info"] = st["found_as_info"] / st["planted"] if st["planted"] else 1.0
        noted = st["found_as_info"] + st["info_fp"]
        report[f"{kind}_precision_with_info"] = st["found_as_info"] / noted if noted else 1.0
    report["clean_articles_with_warnings"] = len({i.rsplit("/", 1)[0] for i, _, _ in false_alarms if i.endswith("/clean")})
    return report


def real_hosts(encoder: SentenceEncoder, splices_per_host: int = 60, donor: str = DONORS[0]) -> dict | None:
    """Sentences of the project's stories spliced into real published articles (the seeds, when
    present): how the check does on real prose around the splice. Warnings elsewhere are counted apart,
    as a real article may have a loose sentence of its own."""
    if not SEEDS.is_dir():
        return None
    long = [a for path in LONG for a in read_articles(path)]
    every_donor = _donor_sentences(long)
    hosts = sorted(SEEDS.glob("*.txt"))
    texts = [host.read_text(encoding="utf-8") for host in hosts]
    check, context = OffTopicCheck(), CheckContext(encoder=encoder)
    counts = {"hosts": len(hosts), "planted": 0, "found": 0, "other_warnings": 0}
    nearest = related_stories(long, texts) if donor == DONORS[1] else [set() for _ in hosts]
    for host, text, related in zip(hosts, texts, nearest):
        rng = random.Random(host.name)
        donors = [s for i, s in every_donor if not related or i in related]
        for n in range(splices_per_host):
            sentence = rng.choice(donors)
            full, at, _ = _splice(text, sentence, rng, own_paragraph=n % 6 == 5)
            _count_splice(counts, _unrelated_warnings(check, context, full), at, at + len(sentence))
    return counts


def _unrelated_warnings(check: OffTopicCheck, context: CheckContext, text: str) -> list[tuple[int, int]]:
    result = check.run(Document(Article(id="real", text=text)), context)
    return [(f.start, f.end) for f in result.findings if f.code == "off_topic.unrelated" and f.severity != "info"]


def _count_splice(counts: dict, warnings: list[tuple[int, int]], start: int, end: int) -> None:
    """One planted splice: found when a warning overlaps it; every other warning is counted apart."""
    on_splice = [s < end and start < e for s, e in warnings]
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
    body = {name: _body_lines(article) for name, article in lines.items()}
    donors = [(name, s) for name in texts for i in body[name] for s in _sentences(lines[name][i].strip())
              if len(s.split()) >= 10]
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
            full, at = _splice_into_lines(lines[name], body[name], sentence, rng, own_paragraph=n % 6 == 5)
            _count_splice(counts, _unrelated_warnings(check, context, full), at, at + len(sentence))
    return counts


def _body_lines(lines: list[str]) -> list[int]:
    """Indexes of the non-blank lines after the headline."""
    return [i for i, line in enumerate(lines) if line.strip()][1:]


def _splice_into_lines(
    lines: list[str], body: list[int], sentence: str, rng: random.Random, own_paragraph: bool
) -> tuple[str, int]:
    """`sentence` put into a random body line of a real article (`body`: the indexes of its body lines),
    between its sentences or as a line of its own."""
    i = rng.choice(body)
    if own_paragraph:
        before = "\n".join(lines[:i]) + "\n"
        return before + sentence + "\n" + "\n".join(lines[i:]), len(before)
    parts = _sentences(lines[i].strip())
    at = rng.randint(0, len(parts))
    head, tail = " ".join(parts[:at]), " ".join(parts[at:])
    before = "\n".join(lines[:i]) + "\n" + (head + " " if head else "")
    spliced = (head + " " if head else "") + sentence + (" " + tail if tail else "")
    return "\n".join([*lines[:i], spliced, *lines[i + 1 :]]), len(before)


def throughput(encoder: SentenceEncoder | None = None, copies: int = 40) -> float:
    """docs/s of the check alone on ~3 KB articles (Documents built beforehand, as the engine does;
    with an encoder, encoding every article's sentences is part of the time)."""
    texts = [t for path in LONG for _, _, t in read_articles(path)] * copies
    documents = [Document(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    check, context = OffTopicCheck(), CheckContext(encoder=encoder)
    check.run(documents[0], context)
    start = time.perf_counter()
    for document in documents:
        check.run(document, context)
    return len(documents) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real-copy", type=Path, metavar="DIR",
                        help="also measure on real articles of your own: a folder of .txt files, headline first")
    args = parser.parse_args()
    examples = build()
    encoder = semantic_encoder()
    if args.real_copy is not None and encoder is not None:
        r = real_copy(args.real_copy, encoder)
        print(f"real copy ({args.real_copy}, {r['articles']} articles): {r['clean_warnings']} warnings on the "
              f"articles as they are; sentences from one spliced into another: found {r['found']} of "
              f"{r['planted']}, {r['other_warnings']} warnings elsewhere")
    print(f"sentence encoder: {encoder.name if encoder else 'none (the semantic extra is not installed): lexical evidence only'}")
    print("split     articles  unrelated: planted precision recall   boilerplate: planted precision recall")
    for split in (*SPLITS, "all"):
        r = evaluate([e for e in examples if split in ("all", e.split)], encoder)
        print(f"{split:<9} {r['articles']:>8}  {r['unrelated_planted']:>17} {r['unrelated_precision']:>9.2f} {r['unrelated_recall']:>6.2f}"
              f"   {r['boilerplate_planted']:>19} {r['boilerplate_precision']:>9.2f} {r['boilerplate_recall']:>6.2f}")
    if encoder is not None:
        for warn_at in RECALL_OPERATING_POINTS:
            for split in (*SPLITS, "all"):
                r = evaluate([e for e in examples if split in ("all", e.split)], encoder, {"unrelated_warn_at": warn_at})
                print(f"unrelated with unrelated_warn_at = {warn_at}: {split:<8} precision {r['unrelated_precision']:.2f} "
                      f"recall {r['unrelated_recall']:.2f}, clean controls with a warning {r['clean_articles_with_warnings']}")
    r = evaluate(examples, encoder)
    for placement, (recall, planted) in r["unrelated_recall_by_placement"].items():
        print(f"unrelated recall for splices placed {placement}: {recall:.2f} of {planted}")
    print(f"unrelated, counting info findings too: precision {r['unrelated_precision_with_info']:.2f}, "
          f"recall {r['unrelated_recall_with_info']:.2f}")
    for miss in r["misses"]:
        print("  missed:", *miss)
    for alarm in r["false_alarms"]:
        print("  false alarm:", *alarm)
    print(f"clean controls with a warning: {r['clean_articles_with_warnings']}")
    if encoder is not None:
        hard = build(donor=DONORS[1])
        for split in (*SPLITS, "all"):
            r = evaluate([e for e in hard if split in ("all", e.split)], encoder)
            print(f"unrelated, sentences from a related story: {split:<8} precision {r['unrelated_precision']:.2f} "
                  f"recall {r['unrelated_recall']:.2f}, clean controls with a warning {r['clean_articles_with_warnings']}")
        for donor in DONORS:
            hosts = real_hosts(encoder, donor=donor)
            if hosts:
                print(f"sentences from {donor} spliced into {hosts['hosts']} real articles (../shared/seeds): found "
                      f"{hosts['found']} of {hosts['planted']}, {hosts['other_warnings']} warnings elsewhere")
    print(f"throughput: {throughput():,.0f} docs/s (check alone, lexical evidence, ~3 KB articles)")
    if encoder is not None:
        print(f"throughput: {throughput(load_encoder(), copies=1):,.1f} docs/s (with the semantic model, encoding included)")


if __name__ == "__main__":
    main()
