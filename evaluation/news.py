"""Clean real news in bulk, for false-alarm rates: articles from news desks that no one planted errors in.

- Article-Bias-Prediction (Baly et al. 2020, AllSides crawl): 37,554 articles 2012-2020 with their
  outlet; only the news desks listed in NEWS_OUTLETS are kept (no opinion sections, columnists or
  partisan blogs), and each outlet falls in the dev or the test split by the hash of its name.
- Reuters-21578: 1987 Reuters wire stories (hard-wrapped lines joined, indented paragraphs kept), all
  in the test split: another outlet and another decade.

A deterministic sample per outlet keeps runs short (`per_outlet`). Read for measurement, never shipped.
The Article-Bias-Prediction sample is cached as JSONL on first read (reading 37,554 files is slow).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from evaluation.public import MissingData, PublicFile, cache_dir, read_bytes

ABP = PublicFile("ramybaly/Article-Bias-Prediction", "ced8111a7209", "data/jsons", "research use (AllSides crawl)")
REUTERS = PublicFile(
    "colibri17/TextCategorization",
    "b6c2ca3d46a2",
    "reuters21578/reut2-{000..021}.sgm",
    "Reuters-21578, free for research",
)
#: News desks of the Article-Bias-Prediction crawl (its "source" field); opinion and partisan outlets left out.
NEWS_OUTLETS = (
    "ABC News",
    "Al Jazeera",
    "Associated Press",
    "Axios",
    "BBC News",
    "Bloomberg",
    "CBS News",
    "CNBC",
    "CNN (Web News)",
    "Chicago Sun-Times",
    "Christian Science Monitor",
    "Fox News",
    "Fox Online News",
    "NBC News (Online)",
    "NPR Online News",
    "New York Times - News",
    "Politico",
    "Reuters",
    "The Hill",
    "USA TODAY",
    "Wall Street Journal - News",
    "Washington Post",
    "Yahoo! News",
)


@dataclass(frozen=True)
class NewsArticle:
    id: str
    outlet: str
    split: str
    title: str
    text: str


def outlet_split(outlet: str) -> str:
    """Half the outlets are for development, half held out, by the hash of the name (not by their figures)."""
    return "test" if int(hashlib.sha1(outlet.encode()).hexdigest(), 16) % 2 else "dev"


def _abp_records() -> list[dict[str, str]]:
    cached = cache_dir() / "ramybaly+Article-Bias-Prediction" / ABP.commit / "news.jsonl"
    if cached.is_file():
        return [json.loads(line) for line in cached.read_text(encoding="utf-8").splitlines()]
    mirror = os.environ.get("RELIABILITY_MIRROR")
    if not mirror:
        raise MissingData(f"needs {ABP.describe()} (set RELIABILITY_MIRROR to a folder of clones)")
    git_dir = str(Path(mirror) / "ramybaly+Article-Bias-Prediction" / "repo")
    listing = subprocess.run(
        ["git", "-C", git_dir, "ls-tree", "-r", ABP.commit, ABP.path], capture_output=True, text=True, check=True
    ).stdout
    shas = "".join(line.split()[2] + "\n" for line in listing.splitlines())
    blob = subprocess.run(
        ["git", "-C", git_dir, "cat-file", "--batch"], input=shas.encode(), capture_output=True, check=True
    ).stdout
    records, i = [], 0
    while i < len(blob):
        header_end = blob.index(b"\n", i)
        size = int(blob[i:header_end].split()[2])
        record = json.loads(blob[header_end + 1 : header_end + 1 + size])
        i = header_end + 1 + size + 1
        if record.get("source") in NEWS_OUTLETS and len(record.get("content_original") or "") >= 400:
            records.append({k: record[k] for k in ("ID", "source", "title", "content_original")})
    records.sort(key=lambda r: r["ID"])
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return records


def _sample(items: list[NewsArticle], per_outlet: int) -> list[NewsArticle]:
    by_outlet: dict[str, list[NewsArticle]] = {}
    for item in sorted(items, key=lambda a: hashlib.sha1(a.id.encode()).hexdigest()):
        by_outlet.setdefault(item.outlet, []).append(item)
    return [a for outlet in sorted(by_outlet) for a in by_outlet[outlet][:per_outlet]]


def article_bias_prediction(per_outlet: int = 150) -> list[NewsArticle]:
    articles = [
        NewsArticle(f"abp:{r['ID']}", r["source"], outlet_split(r["source"]), r["title"] or "", r["content_original"])
        for r in _abp_records()
    ]
    return _sample(articles, per_outlet)


_STORY_RE = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def reuters(limit: int = 1000) -> list[NewsArticle]:
    """Wire stories with a body of at least 800 characters, the first `limit` by a hash of their id."""
    stories = []
    for n in range(22):
        source = PublicFile(REUTERS.repo, REUTERS.commit, f"reuters21578/reut2-{n:03d}.sgm", REUTERS.licence)
        sgml = read_bytes(source).decode("latin-1")
        for ident, story in _STORY_RE.findall(sgml):
            body = re.search(r"<BODY>(.*?)</BODY>", story, re.S)
            if body is None:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", story, re.S)
            text = html.unescape(body.group(1)).replace("\x03", "").strip()
            text = re.sub(r"\s*Reuter\s*$", "", text)
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{2,}", text)]
            text = "\n\n".join(p for p in paragraphs if p)
            if len(text) >= 800:
                stories.append(
                    NewsArticle(
                        f"reuters:{ident}", "Reuters 1987", "test", html.unescape(title.group(1)) if title else "", text
                    )
                )
    stories.sort(key=lambda a: hashlib.sha1(a.id.encode()).hexdigest())
    return stories[:limit]
