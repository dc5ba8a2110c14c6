"""Public web pages with a human gold extraction, turned into what an extractor leaves: visible text lines,
each labelled content or boilerplate, cropped to the story.

A page's HTML becomes its visible text lines (block elements break lines; scripts, styles and the head are
not text). Each line is labelled by the set's gold: L3S-GN1's annotators marked every text block as
headline, full text, supplemental (captions, credits, bylines), user comments, related content or not
content; the headline and the full text are the story, everything else is the page's own text. The
lines are cropped to the span from the first to the last story line plus up to CROP_MARGIN lines either
side (0 to 3, fixed per page), since articles reach this package as extracted text: the chrome inside
and around the story, not the whole page's navigation, and some with none around it. Pages are read through evaluation.public (a mirror of the repositories, or its
cache) at the commits in SOURCES; the cache of lines lives outside the repository.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from evaluation.public import PublicFile, files_under, read_bytes

CROP_MARGIN = 3
SOURCES = {
    "l3s-gn1": PublicFile(
        "geodrome/page-signal",
        "186d8153b3d1",
        "L3S-GN1-20100130203947-00001/annotated",
        "L3S-GN1 (Kohlschuetter et al. 2010), research use only; not redistributed, only the fitted weights ship",
    ),
    "dragnet": PublicFile(
        "j-szulc/html-cleaning-dataset-merged",
        "46e01a04b470",
        "dragnet_data",
        "Dragnet data (Peters and Lecocq 2013), research use; not redistributed, only the fitted weights ship",
    ),
    "big5": PublicFile(
        "MSVCode/ir-research-data",
        "cbb428cea48e",
        "Extraction",
        "news extraction pairs (big5-05/09/13/17), research use; not redistributed, only the fitted weights ship",
    ),
}
L3S_DIR = "L3S-GN1-20100130203947-00001"
STORY_CLASSES = {1, 2}  # headline, full text
COMMENTS = 4
KINDS = {0: "not content", 1: "headline", 2: "full text", 3: "supplemental", 4: "user comments", 5: "related content"}

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br center dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul caption option".split()
)
_SKIP_TAGS = frozenset("script style noscript head title template svg iframe object embed select textarea map".split())
_SEL_RE = re.compile(r"x-nc-sel(\d)")
_SPACE_RE = re.compile(r"\s+")
_TWO_LEVEL_SUFFIXES = frozenset(
    "co.uk org.uk ac.uk gov.uk com.au net.au org.au co.za co.in com.sg co.nz co.jp com.cn com.br".split()
)


@dataclass
class Page:
    set: str
    page: str
    site: str
    lines: list[str]
    kinds: list[int]  # per line: the gold class (KINDS)

    @property
    def labels(self) -> list[int]:
        """1 for the page's own text (boilerplate), 0 for the story."""
        return [int(kind not in STORY_CLASSES) for kind in self.kinds]


def site_of(url: str) -> str:
    """The registrable domain of a URL: news.bbc.co.uk -> bbc.co.uk, www.cnn.com -> cnn.com."""
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0].split(":")[0]
    parts = host.split(".")
    keep = 3 if ".".join(parts[-2:]) in _TWO_LEVEL_SUFFIXES else 2
    return ".".join(parts[-keep:])


def _read(key: str, path: str) -> bytes:
    source = SOURCES[key]
    return read_bytes(replace(source, path=path))


def _names(key: str, folder: str) -> list[str]:
    return files_under(replace(SOURCES[key], path=folder))


def visible_lines(html: bytes) -> list[tuple[str, int]]:
    """The page's visible text, one entry per line: (text, gold class by the majority of its characters)."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    chunks: list[tuple[str, int] | None] = []  # None is a line break

    def walk(element, label: int) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in _SKIP_TAGS or not tag:
            return
        found = _SEL_RE.search(element.get("class") or "")
        label = int(found.group(1)) if found else label
        block = tag.lower() in _BLOCK_TAGS
        if block:
            chunks.append(None)
        if element.text:
            chunks.append((element.text, label))
        for child in element:
            walk(child, label)
            if child.tail:
                chunks.append((child.tail, label))
        if block:
            chunks.append(None)

    walk(root, 0)
    lines: list[tuple[str, int]] = []
    current: list[tuple[str, int]] = []
    for chunk in [*chunks, None]:
        if chunk is not None:
            current.append(chunk)
            continue
        text = _SPACE_RE.sub(" ", "".join(t for t, _ in current)).strip()
        if any(c.isalnum() for c in text):
            weight: dict[int, int] = {}
            for piece, label in current:
                weight[label] = weight.get(label, 0) + len(piece.strip())
            lines.append((text, max(weight, key=weight.get)))
        current = []
    return lines


def margins(page: str) -> tuple[int, int]:
    """How many lines of page text to keep above and below the story: 0 to CROP_MARGIN each, fixed by a
    hash of the page id, so that some articles end with their last story line and some carry chrome."""
    h = int(hashlib.sha1(page.encode()).hexdigest()[:8], 16)
    return h % (CROP_MARGIN + 1), (h // (CROP_MARGIN + 1)) % (CROP_MARGIN + 1)


def crop(
    lines: list[tuple[str, int]], above: int, below: int, comments_end_story: bool = False
) -> list[tuple[str, int]]:
    """The lines from the first to the last story line, with `above` and `below` lines either side. With
    `comments_end_story` (a gold given as text, matched line by line), the story ends where the readers'
    comments begin: a short line in the comments that the article's gold also has ("One thought on ...", a
    date) would otherwise carry the crop through hundreds of comment lines. (L3S's annotators marked each
    block, and some mark a comment count or widget above the end of the story.)"""
    story = [i for i, (_, kind) in enumerate(lines) if kind in STORY_CLASSES]
    if not story:
        return []
    comments = len(lines)
    if comments_end_story:
        comments = next((i for i, (_, kind) in enumerate(lines) if kind == COMMENTS and i > story[0]), comments)
    last = max(i for i in story if i < comments)
    return lines[max(0, story[0] - above) : last + below + 1]


def read_l3s() -> list[Page]:
    mapping = {}
    for row in _read("l3s-gn1", f"{L3S_DIR}/url-mapping.txt").decode().splitlines():
        if "\t" in row:
            urn, url = row.split("\t", 1)
            mapping[urn.strip("<>").removeprefix("urn:uuid:")] = url
    names = _names("l3s-gn1", f"{L3S_DIR}/annotated")
    pages = []
    for name in names:
        uuid = Path(name).stem
        lines = crop(visible_lines(_read("l3s-gn1", name)), *margins(uuid))
        if lines and uuid in mapping:
            pages.append(Page("l3s-gn1", uuid, site_of(mapping[uuid]), [t for t, _ in lines], [k for _, k in lines]))
    return pages


_WORD_RE = re.compile(r"[^\W_]+")
_URL_META_RE = re.compile(
    rb"""(?:rel=["']?canonical["']?[^>]*?href|property=["']og:url["'][^>]*?content)=["']?(https?://[^"' >]+)""", re.I
)
_HREF_RE = re.compile(rb"""href=["']?(https?://[^"' >/]+)""", re.I)
_ARCHIVE_RE = re.compile(rb"https?://web\.archive\.org/web/\d+[a-z_]*/", re.I)
SHORT_LINE_WORDS = 4
DRAGNET_SHARE = 1.0  # the share of Dragnet pages read (by a hash of the name)
COMMENTS_MARK = "!@#$%^&*()  COMMENTS"  # Dragnet's gold: the article, this line, then the readers' comments


def site_from_html(html: bytes, fallback: str) -> str:
    """The page's site: its canonical URL, else the domain its absolute links point to most (through
    the Internet Archive's link wrapping, for saved copies)."""
    html = _ARCHIVE_RE.sub(b"", html)
    found = _URL_META_RE.search(html)
    if found:
        return site_of(found.group(1).decode("ascii", "replace"))
    domains: dict[str, int] = {}
    for link in _HREF_RE.findall(html):
        domain = site_of(link.decode("ascii", "replace"))
        domains[domain] = domains.get(domain, 0) + 1
    return max(domains, key=domains.get) if domains else fallback


def label_by_gold(lines: list[str], gold: str) -> list[int]:
    """2 (story) for each line the gold's article holds, 4 (user comments) for one its comments part holds
    (Dragnet's gold gives the comments after COMMENTS_MARK: a reader's comment is not the story, as L3S's
    annotators have it), 0 for the others."""
    article, _, comments = gold.partition(COMMENTS_MARK)
    in_article, in_comments = _gold_test(article), _gold_test(comments)
    return [2 if in_article(line) else COMMENTS if in_comments(line) else 0 for line in lines]


def _gold_test(gold: str) -> Callable[[str], bool]:
    """Whether a line is in `gold`: a line of SHORT_LINE_WORDS words or more when most of its word trigrams
    are; a shorter one when the gold has it as a line."""
    gold_words = [w.lower() for w in _WORD_RE.findall(gold)]
    trigrams = {tuple(gold_words[i : i + 3]) for i in range(len(gold_words) - 2)}
    gold_lines = {" ".join(w.lower() for w in _WORD_RE.findall(line)) for line in gold.splitlines()}

    def held(line: str) -> bool:
        words = [w.lower() for w in _WORD_RE.findall(line)]
        if len(words) >= SHORT_LINE_WORDS:
            grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
            return sum(g in trigrams for g in grams) / len(grams) >= 0.5
        return " ".join(words) in gold_lines

    return held


def _read_pairs(key: str, pairs: list[tuple[str, str]], set_name: str) -> list[Page]:
    """Pages of a set whose gold is plain text: (html path, gold path) in the source's repository."""
    pages = []
    for html_path, gold_path in pairs:
        html = _read(key, html_path)
        gold = _read(key, gold_path).decode("utf-8", "replace")
        texts = [t for t, _ in visible_lines(html)]
        name = f"{set_name}/{Path(html_path).stem}"
        lines = crop(list(zip(texts, label_by_gold(texts, gold))), *margins(name), comments_end_story=True)
        if sum(kind == 2 for _, kind in lines) >= 3:
            pages.append(Page(key, name, site_from_html(html, name), [t for t, _ in lines], [k for _, k in lines]))
    return pages


def sampled(name: str, share: float) -> bool:
    """A fixed pseudo-random `share` of pages, by a hash of the page name."""
    return int(hashlib.sha1(name.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share


def read_dragnet() -> list[Page]:
    """The Dragnet pages (DRAGNET_SHARE of them, by a hash of the name)."""
    gold = {Path(n).stem: n for n in _names("dragnet", "dragnet_data/GoldStandard") if n.endswith(".txt")}
    pairs = [
        (n, gold[Path(n).stem])
        for n in _names("dragnet", "dragnet_data/input")
        if n.endswith(".html") and Path(n).stem in gold and sampled(f"dragnet/{Path(n).stem}", DRAGNET_SHARE)
    ]
    return _read_pairs("dragnet", pairs, "dragnet")


def read_big5() -> list[Page]:
    pages = []
    for part in ("big5-05", "big5-09", "big5-13", "big5-17"):
        gold = {Path(n).stem: n for n in _names("big5", f"Extraction/{part}/gold") if n.endswith(".txt")}
        pairs = [(n, gold[Path(n).stem]) for n in _names("big5", f"Extraction/{part}/html") if Path(n).stem in gold]
        pages += _read_pairs("big5", pairs, part)
    return pages


def build_cache(path: Path) -> list[Page]:
    """Read every source and write the cropped, labelled lines to `path` (JSON lines)."""
    pages = read_l3s() + read_dragnet() + read_big5()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for page in pages:
            out.write(json.dumps(asdict(page), ensure_ascii=False) + "\n")
    return pages


def load_cache(path: Path) -> list[Page]:
    return [Page(**json.loads(row)) for row in path.read_text(encoding="utf-8").splitlines()]
