"""The Gender Gap Tracker's quote evaluation set: 98 Canadian news articles with every quote annotated.

Source: sfu-discourse-lab/GenderGapTracker (GPL-3.0, removed from the repository after this commit):
the articles' text in `rawtext.zip`, and per article the annotated quotations (direct and indirect),
each with the speaker as written ("he", "Lonechild"), the reporting verb, the quote's offsets, and the
speaker it refers to ("reference": "Darian Lonechild"). Offsets count characters of the article after
the project's own preprocessing (`preprocess_text` of `quote_extractor_v5.1.py`: every newline becomes
".\n ", curly double marks straight); this module replays it with an offset map, so every span points
into the raw article text that the check reads. Read for measurement and fitting; never committed.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass

from evaluation.public import PublicFile, read_bytes

COMMIT = "fe82ba213b6a"
_REPO = "sfu-discourse-lab/GenderGapTracker"
RAWTEXT = PublicFile(_REPO, COMMIT, "NLP/evaluation/src/rawtext.zip", "GPL-3.0")
ANNOTATIONS = PublicFile(
    _REPO, COMMIT, "NLP/evaluation/src/eval/AnnotationTable_byArticle_withReplacementArticles.xlsx", "GPL-3.0"
)
#: Outlets whose articles form the blind test split (chosen by the hash of the outlet's name, not by
#: looking at the figures): the other four outlets are the development split.
TEST_OUTLETS = 3


@dataclass(frozen=True)
class GoldQuote:
    start: int  # the quote or reported content, in the raw text
    end: int
    direct: bool
    speaker: str  # as written next to the cue ("" when the quote floats)
    reference: str  # who it is ("Darian Lonechild"; may be a description)


@dataclass(frozen=True)
class GoldArticle:
    id: str
    outlet: str
    split: str
    text: str
    quotes: tuple[GoldQuote, ...]
    dropped: int  # annotations whose offsets did not land on their quote


def _preprocess_map(raw: str) -> tuple[str, list[int]]:
    """GGT's `preprocess_text`, with the raw offset of every output character."""
    chars = list(raw)
    origin = list(range(len(raw)))

    def replace(old: str, new: str) -> None:
        nonlocal chars, origin
        text = "".join(chars)
        out_c: list[str] = []
        out_o: list[int] = []
        i = 0
        while True:
            j = text.find(old, i)
            if j < 0:
                out_c.extend(chars[i:])
                out_o.extend(origin[i:])
                break
            out_c.extend(chars[i:j])
            out_o.extend(origin[i:j])
            # each new character keeps the origin of the old one at its place (or the last one)
            for k, c in enumerate(new):
                out_c.append(c)
                out_o.append(origin[j + min(k, len(old) - 1)])
            i = j + len(old)
        chars, origin = out_c, out_o

    for old, new in (
        ("\xa0", " "),
        ("\xe9", " "),
        ("\n", ".\n "),
        ("..\n ", ".\n "),
        (". .\n ", ".\n "),
        ("  ", " "),
        ("”", '"'),
        ("“", '"'),
        ("〝", '"'),
        ("〞", '"'),
    ):
        replace(old, new)
    return "".join(chars), origin


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _offsets(value: str) -> tuple[int, int] | None:
    numbers = re.findall(r"\d+", value or "")
    return (int(numbers[0]), int(numbers[1])) if len(numbers) == 2 else None


def _locate(raw: str, pre: str, origin: list[int], quote: str, at: tuple[int, int] | None) -> tuple[int, int] | None:
    """The raw span of an annotated quote: its offsets when they hold its words, else its words found nearby."""
    wanted = _norm(quote)
    if not wanted:
        return None
    if at is not None and 0 <= at[0] < at[1] <= len(pre):
        start, end = origin[at[0]], origin[at[1] - 1] + 1
        if _norm(raw[start:end]) == wanted:
            return start, end
    probe = quote.strip().strip('"“”').strip()
    head = probe[:40]
    centre = origin[min(at[0], len(origin) - 1)] if at else 0
    candidates = [m.start() for m in re.finditer(re.escape(head), raw)] if head else []
    for start in sorted(candidates, key=lambda s: abs(s - centre)):
        end = start + len(probe)
        if _norm(raw[start:end]) == _norm(probe):
            return start, end
    return None


def _split_of(outlet: str, outlets: list[str]) -> str:
    ranked = sorted(outlets, key=lambda o: hashlib.sha1(o.encode()).hexdigest())
    return "test" if outlet in ranked[:TEST_OUTLETS] else "dev"


def load() -> list[GoldArticle]:
    """Every article with a text and readable annotations (97 of 98), with its split by outlet."""
    import pandas as pd  # only the evaluation needs it (with openpyxl)

    table = pd.read_excel(io.BytesIO(read_bytes(ANNOTATIONS)))
    texts: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(read_bytes(RAWTEXT))) as archive:
        for name in archive.namelist():
            if name.endswith(".txt"):
                texts[name.rsplit("/", 1)[-1][:-4]] = archive.read(name).decode("utf-8")
    outlets = sorted(set(table["outlet"]))
    articles: list[GoldArticle] = []
    for _, row in table.iterrows():
        found = re.search(r"[0-9a-f]{24}", str(row["_id"]))
        if not found or found.group(0) not in texts:
            continue
        try:
            annotated = json.loads(row["quotations"])
        except (TypeError, ValueError):
            continue  # one article's annotation is not valid JSON
        raw = texts[found.group(0)]
        pre, origin = _preprocess_map(raw)
        quotes, dropped = [], 0
        for q in annotated:
            span = _locate(raw, pre, origin, q.get("quote", ""), _offsets(q.get("quote_index", "")))
            if span is None:
                dropped += 1
                continue
            text = q["quote"].strip()
            quotes.append(
                GoldQuote(
                    span[0], span[1], text[:1] in "\"“", q.get("speaker", "").strip(), q.get("reference", "").strip()
                )
            )
        outlet = str(row["outlet"]).strip()
        articles.append(
            GoldArticle(
                found.group(0),
                outlet,
                _split_of(outlet, outlets),
                raw,
                tuple(sorted(quotes, key=lambda g: g.start)),
                dropped,
            )
        )
    return articles
