"""Real multi-outlet reports of the same events, for story mode: ECB+ and NewsWCL50, with splices.

Provenance (public; read from a `fetch`ed mirror, never committed):
- ECB+ (Cybulska and Vossen, LREC 2014; CC BY 3.0): tommasoc80/EventStoryLine @ 46edefee5e82,
  `ECB+_LREC2014/ECB+/<topic>/<topic>_<n>{ecb,ecbplus}.xml`: 982 news reports, 43 topics, each topic two
  events of the same kind (two earthquakes, two rehab admissions) reported by several outlets. A story
  is a topic's `ecb` or `ecbplus` half. The XML is tokenised; `detokenise` rebuilds plain prose.
- NewsWCL50 (Hamborg et al.; CC BY-SA 4.0): Luisgarchi/NewsWCL50 @ 23dad019b72c,
  `1-raw-articles/event_<k>/<k>_<outlet>.txt`: 10 US political events, up to five outlets each.

Splits are by story: ECB+ topics 1-35 are for fitting (its usual training and development topics),
36-45 for testing; NewsWCL50 is a second test set, never fitted on.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ECB_REPO, ECB_COMMIT = "tommasoc80/EventStoryLine", "46edefee5e82"
WCL_REPO, WCL_COMMIT = "Luisgarchi/NewsWCL50", "23dad019b72c"
TEST_TOPICS = range(36, 46)
MIN_SPLICE_WORDS = 8


@dataclass
class Report:
    id: str
    story: str  # gold story label
    topic: str  # the family of stories (ECB+ topic; the event for NewsWCL50)
    sentences: list[str]
    split: str
    splices: list[tuple[int, int]] = field(default_factory=list)  # character spans of planted sentences
    text: str = ""


def mirror(repo: str) -> Path:
    """The bare git directory `fetch` brought in (override with RELIABILITY_MIRRORS=<dir>)."""
    root = Path(os.environ.get("RELIABILITY_MIRRORS", "/work/.mirror"))
    return root / repo.replace("/", "+") / "repo"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


_NO_SPACE_BEFORE = re.compile(r" (?=[.,;:!?%)\]}]|'s\b|’s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")


def detokenise(tokens: list[str]) -> str:
    """Tokens back to prose: "He said , `` yes '' ." -> "He said, “yes”."."""
    text = " ".join(tokens).replace("``", "“").replace("''", "”")
    text = _NO_SPACE_BEFORE.sub("", text)
    text = _NO_SPACE_AFTER.sub("", text)
    text = re.sub(r"“ ", "“", text)
    return re.sub(r" ”", "”", text)


def load_ecb() -> list[Report]:
    repo = mirror(ECB_REPO)
    names = [
        n
        for n in _git(repo, "ls-tree", "-r", "--name-only", ECB_COMMIT).splitlines()
        if n.startswith("ECB+_LREC2014/ECB+/") and n.endswith(".xml")
    ]
    reports = []
    for name in sorted(names):
        topic = name.split("/")[2]
        half = "ecbplus" if name.endswith("ecbplus.xml") else "ecb"
        root = ET.fromstring(_git(repo, "show", f"{ECB_COMMIT}:{name}"))
        by_sentence: dict[int, list[str]] = {}
        for token in root.iter("token"):
            by_sentence.setdefault(int(token.get("sentence", 0)), []).append(token.text or "")
        sentences = [detokenise(t) for _, t in sorted(by_sentence.items())]
        split = "test" if int(topic) in TEST_TOPICS else "train"
        reports.append(Report(Path(name).name, f"{topic}{half}", topic, sentences, split))
    return reports


def load_newswcl() -> list[Report]:
    repo = mirror(WCL_REPO)
    names = [
        n
        for n in _git(repo, "ls-tree", "-r", "--name-only", WCL_COMMIT).splitlines()
        if n.startswith("1-raw-articles/event_") and ".txt" in n
    ]
    reports = []
    for name in sorted(names):
        event = name.split("/")[1]
        text = _git(repo, "show", f"{WCL_COMMIT}:{name}")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        reports.append(Report(Path(name).name.replace(".txt", ""), event, event, lines, "wcl"))
    return reports


def one_event_per_topic(reports: list[Report], seed: int = 14) -> tuple[list[Report], list[Report]]:
    """ECB+ as a pipeline sees it: one of each topic's two events in the batch, the other held out as the
    source of related splices (a sentence about last year's earthquake in today's earthquake report:
    its reports are not in today's batch). Returns (batch, held out)."""
    rng = random.Random(seed)
    kept = {topic: rng.choice(["ecb", "ecbplus"]) for topic in sorted({r.topic for r in reports})}
    batch = [r for r in reports if r.story == f"{r.topic}{kept[r.topic]}"]
    return batch, [r for r in reports if r.story != f"{r.topic}{kept[r.topic]}"]


def splice(
    reports: list[Report], seed: int = 14, share: float = 0.5, related: bool = True, donors: list[Report] | None = None
) -> list[Report]:
    """Plant one sentence of another story into `share` of the reports (chosen at random, fixed seed),
    at a random place after the first line. With `related`, the sentence comes from a story of the same
    topic when there is one (the hard case: the same kind of event, other names and facts); otherwise
    from another topic. Donors come from `donors` when given (stories held out of the batch), else from
    the batch itself. Every report gets its text; planted spans are recorded."""
    rng = random.Random(seed)
    by_topic: dict[str, list[Report]] = {}
    for r in donors if donors is not None else reports:
        by_topic.setdefault(r.topic, []).append(r)
    out = []
    for r in reports:
        sentences = list(r.sentences)
        planted = None
        if rng.random() < share and len(sentences) >= 4:
            pool = [d for d in by_topic.get(r.topic, []) if d.story != r.story] if related else []
            if not pool:
                pool = [d for d in (donors if donors is not None else reports) if d.topic != r.topic]
            donor = rng.choice(pool)
            candidates = [s for s in donor.sentences[1:] if len(s.split()) >= MIN_SPLICE_WORDS]
            if candidates:
                planted = rng.choice(candidates)
                sentences.insert(rng.randint(2, len(sentences)), planted)
        text, spans, offset = [], [], 0
        for s in sentences:
            if planted is not None and s is planted:
                spans.append((offset, offset + len(s)))
            text.append(s)
            offset += len(s) + 1
        out.append(Report(r.id, r.story, r.topic, sentences, r.split, spans, "\n".join(text)))
    return out
