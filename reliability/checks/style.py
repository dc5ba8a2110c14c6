"""style: does the article read like reported news or like a pitch? Article-level marks an editor looks at.

Reported news is written in the third person, tells when and where (weekdays, a dateline), who said
it (reporting verbs, titles such as "Sen." or "Mr."), and gives figures; a pitch addresses the reader
("you"), speaks for itself ("I", "we"), shouts (exclamation marks, words in capitals) and leans on
sensational words. Each mark is a rate per 1,000 words (or a 0/1 flag), so articles of any length
compare. These metrics feed the learned overall score (`reliability.learned`); the check weighs 0 in
the hand formula, and its own score only counts the pitch marks (see `tone_score`). No findings: a
rate describes the whole article, not a span of it.
"""

from __future__ import annotations

import re

from reliability.check import BaseCheck, CheckContext
from reliability.checks.attribution.lexicon import CUE_VERBS
from reliability.document import Document
from reliability.hookspecs import hookimpl
from reliability.language.dates import WEEKDAYS
from reliability.language.hedges import HEARSAY_ADVERBS, INFERENCE_ADVERBS
from reliability.language.people import ABBREVIATED_TITLES
from reliability.language.pronouns import CONTRACTED, FIRST_PLURAL, FIRST_SINGULAR, SECOND_PLURAL, SECOND_SINGULAR
from reliability.language.punctuation import DOUBLE_QUOTE_MARKS
from reliability.models import CheckResult

#: The writer and the reader in person; contractions ("I'm", "you're") were not counted when the learned
#: overall score was fitted, so they stay out.
FIRST_PERSON = (FIRST_SINGULAR | FIRST_PLURAL) - CONTRACTED
SECOND_PERSON = (SECOND_SINGULAR | SECOND_PLURAL) - CONTRACTED
#: Words that sell a story rather than report it (intensifiers and outrage words), lower-case.
SENSATIONAL = frozenset(
    "shocking shocked stunning stunned outrageous outrage unbelievable incredible insane insanely horrifying "
    "bombshell explosive devastating disgusting disgraceful pathetic hilarious epic massive totally "
    "absolutely literally destroys destroyed slams slammed blasts blasted rips ripped mocks mocked "
    "humiliates humiliated exposed exposes busted breaking urgent truth lies liar lying evil sick".split()
)
#: Hedges: the writer marks a claim as unconfirmed ("reputedly" left out, as when the learned score was fitted).
HEDGES = (HEARSAY_ADVERBS - {"reputedly"}) | INFERENCE_ADVERBS | frozenset("rumored rumoured possibly".split())
#: A dateline opens the first paragraph: "WASHINGTON (Reuters) -", "LONDON —", "Paris, March 3 -".
DATELINE_RE = re.compile(r"^\s*[A-Z][A-Za-z .'’]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,25})?\s*(?:\([^)]{1,40}\))?\s*[-–—]\s")
#: A byline line: "By Jane Doe", "By JANE DOE and JOHN ROE".
BYLINE_RE = re.compile(r"^\s*By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*(?:$|,|and\b)", re.MULTILINE)
NUMBER_RE = re.compile(r"\d")
CAPS_MIN_LETTERS = 4  # "NATO" is an acronym; a run of such words is shouting, counted per word here
PER = 1000.0
#: Where the pitch marks start costing: rates per 1,000 words seen in reported copy rarely exceed these.
TONE_LIMITS = {"exclamations": 2.0, "caps_words": 5.0, "second_person": 6.0, "sensational_words": 4.0}


class StyleCheck(BaseCheck):
    name = "style"
    version = "1.0"
    weight = 0.0  # measured, not yet trusted by the hand formula: the learned model weighs these metrics

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        metrics = style_metrics(document)
        return self.result(tone_score(metrics), [], metrics)


def style_metrics(document: Document) -> dict[str, float]:
    """The rates and flags, per 1,000 words (flags 0/1); none for an article with no words."""
    words = document.lower_words
    n = len(words)
    if not n:
        return {}
    text = document.analysis_text
    title = document.article.title or ""
    first_block = document.blocks[0] if document.blocks else None
    dateline = DATELINE_RE.match(first_block.text) if first_block else None
    dateline_end = first_block.start + dateline.end() if first_block and dateline else 0
    counts = {
        "first_person": sum(map(FIRST_PERSON.__contains__, words)),
        "second_person": sum(map(SECOND_PERSON.__contains__, words)),
        "sensational_words": sum(map(SENSATIONAL.__contains__, words)),
        "hedges": sum(map(HEDGES.__contains__, words)),
        "reporting_verbs": sum(map(CUE_VERBS.__contains__, words)),
        "weekdays": sum(map(WEEKDAYS.__contains__, words)),
        "titles": sum(
            t.text[:1].isupper() for w, t in zip(words, document.words, strict=True) if w in ABBREVIATED_TITLES
        ),
        "numbers": sum(1 for found in map(NUMBER_RE.search, words) if found),
        "caps_words": sum(
            len(t.text) >= CAPS_MIN_LETTERS and t.text.isupper() and t.text.isalpha()
            for t in document.words
            if t.start >= dateline_end
        ),  # "WASHINGTON -" is no shouting
        "exclamations": text.count("!"),
        "questions": text.count("?"),
        "quote_marks": sum(text.count(mark) for mark in DOUBLE_QUOTE_MARKS),
        "links": text.count("http") + text.count("www."),
        "handles": len(re.findall(r"(?<!\w)[@#]\w", text)),
    }
    metrics = {f"{key}_per_1000_words": PER * value / n for key, value in counts.items()}
    metrics["dateline"] = float(dateline is not None)
    metrics["byline"] = float(bool(BYLINE_RE.search(text[:2000])))
    metrics["words_per_paragraph"] = n / max(1, len(document.blocks))
    title_words = title.split()
    metrics["title_words"] = float(len(title_words))
    if title_words:
        capitalised = sum(w[:1].isupper() for w in title_words)
        metrics["title_capitalised_share"] = capitalised / len(title_words)
        shouting = any(w.isupper() and len(w) >= CAPS_MIN_LETTERS for w in title_words)
        metrics["title_shouts"] = float(shouting or "!" in title or "?" in title)
    return metrics


def tone_score(metrics: dict[str, float]) -> float:
    """1 minus a quarter for each pitch mark past its limit (TONE_LIMITS), graded over a second limit's width."""
    cost = 0.0
    for key, limit in TONE_LIMITS.items():
        rate = metrics.get(f"{key}_per_1000_words", 0.0)
        cost += 0.25 * min(1.0, max(0.0, rate - limit) / limit)
    return 1.0 - cost


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [StyleCheck()]
