"""Public articles labelled reliable / unreliable by people outside this project, read from git.

Every corpus is read straight from its repository at a fixed commit (`git show`), nothing is copied
into this repository. Each article gets `label` 1 (reliable) or 0 (unreliable), the `corpus` it came
from and a `group`: its outlet (web domain or publisher) when known, else the corpus itself. Splits
are drawn by group, so the test split holds outlets never seen in training.

| corpus | repository @ commit, paths | reliable (1) | unreliable (0) |
|---|---|---|---|
| buzzfeed_webis | ruedigerhass/FakeNews_detector @ 390432309a7a, articles/*.xml | "mostly true" | "mostly false", "mixture of true and false" |
| fakenewsnet_* | pmacinec/fake-news-datasets @ 0ea4a5ccaf76, datasets/fake_news_net/.../{PolitiFact,BuzzFeed}/{Real,Fake}NewsContent | Real | Fake |
| satire, fake | same repo, datasets/fake_news_vs_satire/data/story_text/{Satire/finalSatire,Fake/finalFake} | - | both |
| amt, celebrity | same repo, datasets/deception_detection_fake_news/data/{fakeNewsDataset,celebrityDataset} | legit | fake |
| fakes | fmohsen/Fake-news-res @ 396124a80e3c, FA-KES-Dataset.csv | labels=1 (credible) | labels=0 (fake) |

Left out: "no factual content" articles of buzzfeed_webis (no claim to check), the
`datasets/this_just_in` folder of pmacinec/fake-news-datasets (kept for independent measurement),
and several27/FakeNewsCorpus's 250-row sample (labels come from a domain list, 155 rows from one site).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

WEBIS = ("ruedigerhass+FakeNews_detector", "390432309a7a")
PMACINEC = ("pmacinec+fake-news-datasets", "0ea4a5ccaf76")
FAKES = ("fmohsen+Fake-news-res", "396124a80e3c")
FORBIDDEN_PATH = "this_just_in"
MIN_WORDS = 50  # shorter texts are teasers or scraping failures, not articles
TASKS = ("veracity", "outlet")
SPLIT_SHARES = (("test", 0.25), ("dev", 0.15))  # of the articles; train takes the rest


@dataclass(frozen=True)
class LabelledArticle:
    id: str
    text: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    label: int  # 1 reliable, 0 unreliable
    corpus: str
    group: str  # outlet, else corpus: the unit of the train/dev/test split
    split: str = ""


class Repo:
    """A bare mirror brought in with `fetch`, read at one commit."""

    def __init__(self, mirror: Path, name: str, commit: str) -> None:
        candidates = [mirror / name / "repo" / ".git", mirror / name / "repo"]
        self.git_dir = next((p for p in candidates if (p / "HEAD").exists()), None)
        if self.git_dir is None:
            raise FileNotFoundError(f"no mirror of {name.replace('+', '/')} under {mirror} (bring it in with fetch)")
        self.commit = commit

    def paths(self, folder: str) -> list[str]:
        out = self._git("ls-tree", "-r", "--name-only", "-z", self.commit, folder)
        return sorted(p for p in out.decode("utf-8").split("\0") if p and FORBIDDEN_PATH not in p)

    def read(self, path: str) -> str:
        if FORBIDDEN_PATH in path:
            raise ValueError(f"{path} is kept for independent measurement")
        return self._git("show", f"{self.commit}:{path}").decode("utf-8", errors="replace")

    def _git(self, *args: str) -> bytes:
        return subprocess.run(["git", "-C", str(self.git_dir), *args], check=True, capture_output=True).stdout


# BuzzFeed-Webis names its nine publishers; their links go through shorteners (cnn.it, politi.co)
WEBIS_OUTLETS = {
    "abc": "go.com",
    "cnn": "cnn.com",
    "politico": "politico.com",
    "addicting-info": "addictinginfo.org",
    "occupy-democrats": "occupydemocrats.com",
    "the-other-98": "theother98.com",
    "eagle-rising": "eaglerising.com",
    "freedom-daily": "freedomdaily.com",
    "right-wing-news": "rightwingnews.com",
}
SHORTENERS = {"cnn.it": "cnn.com", "politi.co": "politico.com", "abcn.ws": "go.com", "politico.eu": "politico.com"}
NO_OUTLET = {"fb.me", "archive.org", "bit.ly"}  # links that do not name the publisher


def domain(url: str | None) -> str | None:
    """The registrable domain of a URL (last two labels, three under a country's 'co.'/'com.'), or None."""
    if not url:
        return None
    labels = (urlparse(url if "//" in url else f"//{url}").hostname or "").split(".")
    keep = (
        3 if len(labels) > 2 and labels[-2] in {"co", "com", "org", "net", "gov", "ac"} and len(labels[-1]) == 2 else 2
    )
    host = ".".join(labels[-keep:]) if len(labels) >= 2 else ""
    host = SHORTENERS.get(host, host)
    return None if not host or host in NO_OUTLET else host


def buzzfeed_webis(repo: Repo, outlet_labels: bool = False) -> Iterator[LabelledArticle]:
    """Labelled by the article's veracity, or (outlet_labels) by its publisher: mainstream or hyperpartisan."""
    labels = {"mostly true": 1, "mostly false": 0, "mixture of true and false": 0}
    for path in repo.paths("articles"):
        root = ET.fromstring(repo.read(path))
        label = labels.get((root.findtext("veracity") or "").strip())
        if label is None:
            continue
        if outlet_labels:
            label = int((root.findtext("orientation") or "").strip() == "mainstream")
        url = (root.findtext("uri") or "").strip() or None
        portal = (root.findtext("portal") or "").strip()
        yield LabelledArticle(
            id=f"webis:{Path(path).stem}",
            text=(root.findtext("mainText") or "").strip(),
            title=root.findtext("title"),
            source=portal,
            url=url,
            published=None,
            label=label,
            corpus="buzzfeed_webis",
            group=WEBIS_OUTLETS.get(portal, portal),
        )


def fakenewsnet(repo: Repo) -> Iterator[LabelledArticle]:
    base = "datasets/fake_news_net/data/FakeNewsNet-old-version/Data"
    for site in ("PolitiFact", "BuzzFeed"):
        for kind, label in (("Real", 1), ("Fake", 0)):
            for path in repo.paths(f"{base}/{site}/{kind}NewsContent"):
                record = json.loads(repo.read(path))
                url = record.get("url") or record.get("canonical_link") or None
                outlet = domain(url) or domain(record.get("source"))
                millis = re.search(r"\d{10,}", str(record.get("publish_date") or ""))
                published = _iso_date(int(millis.group()) / 1000) if millis else None
                yield LabelledArticle(
                    id=f"fnn:{site}:{Path(path).stem}",
                    text=(record.get("text") or "").strip(),
                    title=record.get("title"),
                    source=outlet,
                    url=url,
                    published=published,
                    label=label,
                    corpus=f"fakenewsnet_{site.lower()}",
                    group=outlet or f"fakenewsnet_{site.lower()}",
                )


def pmacinec_folders(repo: Repo) -> Iterator[LabelledArticle]:
    """Fake vs satire (both unreliable), and the two deception-detection sets (legit vs fake)."""
    folders = [
        ("datasets/fake_news_vs_satire/data/story_text/Satire/finalSatire", "satire", 0),
        ("datasets/fake_news_vs_satire/data/story_text/Fake/finalFake", "fake_vs_satire", 0),
    ]
    for corpus, folder in (("amt", "fakeNewsDataset"), ("celebrity", "celebrityDataset")):
        for kind, label in (("legit", 1), ("fake", 0)):
            folders.append((f"datasets/deception_detection_fake_news/data/{folder}/{kind}", corpus, label))
    for folder, corpus, label in folders:
        for path in repo.paths(folder):
            title, _, body = repo.read(path).strip().partition("\n")
            yield LabelledArticle(
                id=f"{corpus}:{Path(path).stem}",
                text=body.strip(),
                title=title.strip() or None,
                source=None,
                url=None,
                published=None,
                label=label,
                corpus=corpus,
                group=corpus,
            )


def fakes(repo: Repo) -> Iterator[LabelledArticle]:
    # unit ids repeat; the CSV line number does not
    for number, row in enumerate(csv.DictReader(io.StringIO(repo.read("FA-KES-Dataset.csv"))), start=2):
        month, day, year = (
            (row.get("date") or "//").split("/")[:3] if row.get("date", "").count("/") == 2 else ("", "", "")
        )
        published = f"{int(year):04d}-{int(month):02d}-{int(day):02d}" if year.isdigit() else None
        yield LabelledArticle(
            id=f"fakes:{row['unit_id']}:{number}",
            text=row["article_content"].strip(),
            title=row["article_title"],
            source=row["source"],
            url=None,
            published=published,
            label=int(row["labels"]),
            corpus="fakes",
            group=row["source"],
        )


def _iso_date(seconds: float) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()


def _fingerprint(text: str) -> str:
    return hashlib.sha1(" ".join(re.findall(r"\w+", text.lower())[:80]).encode()).hexdigest()


def _group_rank(group: str) -> str:
    return hashlib.sha1(group.encode()).hexdigest()


def assign_splits(articles: list[LabelledArticle]) -> list[LabelledArticle]:
    """Whole groups, in a fixed pseudo-random order (sha1 of the name), fill test, then dev, then train,
    each split taking its share of each label: a group counts toward the label most of its articles carry."""
    members: dict[str, list[int]] = {}
    for a in articles:
        members.setdefault(a.group, [0, 0])[a.label] += 1
    totals = [sum(m[label] for m in members.values()) for label in (0, 1)]
    filled = {name: [0, 0] for name, _ in SPLIT_SHARES}
    split_of: dict[str, str] = {}
    for group in sorted(members, key=_group_rank):
        counts = members[group]
        label = int(counts[1] > counts[0])
        target = next((name for name, share in SPLIT_SHARES if filled[name][label] < share * totals[label]), "train")
        split_of[group] = target
        if target in filled:
            filled[target][0] += counts[0]
            filled[target][1] += counts[1]
    return [LabelledArticle(**{**asdict(a), "split": split_of[a.group]}) for a in articles]


def build(mirror: Path, task: str = "veracity") -> list[LabelledArticle]:
    """Every usable article once (the first copy of a text wins), with its split.

    task "veracity": every corpus, each with its own article labels. Task "outlet": reliable outlets
    against fake, satire and hyperpartisan ones; leaves out the two corpora whose two sides come from
    the same kind of writer (FA-KES: the same outlets, labelled against casualty records; FakeNewsAMT:
    fakes written by crowd workers as rewrites of the real ones, published by nobody), and labels
    BuzzFeed-Webis by publisher.
    """
    if task not in TASKS:
        raise ValueError(f"task must be one of {TASKS}")
    outlet = task == "outlet"
    readers = [
        (lambda repo: buzzfeed_webis(repo, outlet), Repo(mirror, *WEBIS)),
        (fakenewsnet, Repo(mirror, *PMACINEC)),
        (pmacinec_folders, Repo(mirror, *PMACINEC)),
        *([] if outlet else [(fakes, Repo(mirror, *FAKES))]),
    ]
    seen: set[str] = set()
    kept = []
    for reader, repo in readers:
        for article in reader(repo):
            key = _fingerprint(article.text)
            if outlet and article.corpus == "amt":
                continue
            if len(article.text.split()) < MIN_WORDS or key in seen:
                continue
            seen.add(key)
            kept.append(article)
    return assign_splits(kept)
