"""reliability-spelling: how many words in the article are misspelled, and what they should be.

Built on pyspellchecker (its word-frequency dictionaries ship inside the wheel, so nothing is
downloaded). A word counts as a misspelling only when the dictionary does not know it *and* a
known word lies one edit away (a letter added, dropped, changed or two swapped): "goverrnment" ->
"government". Unknown words with no close correction are usually names, jargon or new coinages
and are left alone; so are British spellings of known American ones (the dictionary is American),
compounds of two known words ("onboard"), a word cut from its prefix where the extraction lost the
hyphen ("co ordinated"), capitalised words (names), words with digits, short words,
and text in another language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from pydantic import Field

from reliability import BaseCheck, CheckContext, CheckOptions, CheckResult, Document, hookimpl

if TYPE_CHECKING:
    from reliability.document import Word

SUPPORTED_LANGUAGES = frozenset({"en", "es", "fr", "pt", "de", "it", "ru", "ar", "lv", "eu", "nl", "fa"})
MIN_WORD_LENGTH = 4
# Latin and French fragments of phrases common in news ("de facto", "status quo", "bona fide").
LOAN_WORDS = frozenset(
    {
        "facto",
        "jure",
        "fide",
        "bona",
        "versa",
        "alia",
        "situ",
        "culpa",
        "ipso",
        "prima",
        "facie",
        "vitae",
        "verbatim",
        "sine",
        "pro",
        "rata",
        "mortem",
        "tempore",
        "detente",
        "entente",
    }
)
# Newer words that news uses daily and the dictionary predates.
NEWS_VOCABULARY = (
    "app apps hashtag hashtags livestream livestreamed selfie selfies cryptocurrency cryptocurrencies smartphone "
    "smartphones lockdown lockdowns ransomware deepfake deepfakes chatbot chatbots influencer influencers "
    "microplastics podcaster podcasters geolocated superspreader telehealth rideshare cyberattack cyberattacks "
    "tech multi"
).split()
# British spelling -> the American form the dictionary knows: "favour" -> "favor", "manoeuvre" -> "maneuver".
BRITISH_TO_AMERICAN = tuple(
    (re.compile(pattern), american)
    for pattern, american in (
        (r"our", "or"),
        (r"(?<=[^aeiou])re(?=s?$|d$)", "er"),
        (r"is(?=(?:e|es|ed|ing|ation|ations|er|ers|able|ably)$)", "iz"),
        (r"ys(?=(?:e|es|ed|ing)$)", "yz"),
        (r"ence$", "ense"),
        (r"ll(?=(?:ed|ing|er|ers|ist|ists)$)", "l"),
        (r"(?<=og)ue(?=s?$)", ""),
        (r"amme(?=s?$)", "am"),
        (r"^scep", "skep"),
        (r"ae", "e"),
        (r"oe", "e"),
    )
)
# "on" + "board", "ad" + "ware"; the dictionary knows many two-letter fragments ("ch"), which as the
# second part would excuse typos ("me" + "ch"), and a single letter would too ("a" + "lot").
MIN_COMPOUND_HEAD, MIN_COMPOUND_TAIL = 2, 3
# Inflections of a known word are known too: the dictionary misses some newer ones ("apps").
INFLECTION = re.compile(r"(?:s|es|ed|d|ing|er|ers|ly)$")
FULL_PENALTY_PER_1000_WORDS = 20.0  # 20 typos per 1,000 words (one every 50 words) scores 0


@cache
def _speller(language: str):
    from spellchecker import SpellChecker

    speller = SpellChecker(language=language)
    if language == "en":
        speller.word_frequency.load_words(NEWS_VOCABULARY)
    return speller


class SpellingOptions(CheckOptions):
    """Which dictionary to use, and words it should accept."""

    language: str | None = Field(None, description="Dictionary language; unset: the article's language.")
    ignore: list[str] = Field(default_factory=list, description="Words never reported (house spellings, names).")


class SpellingCheck(BaseCheck):
    name = "spelling"
    version = "0.1.0"
    weight = 0.5
    Options = SpellingOptions

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        options: SpellingOptions = self.options(context)
        language = options.language or document.language
        if language not in SUPPORTED_LANGUAGES or not document.looks_english and language == "en":
            metrics = {"misspellings": 0, "words_checked": 0, "misspellings_per_1000_words": 0.0}
            return self.result(1.0, metrics=metrics, details={"note": f"No dictionary used for language {language!r}."})
        speller = _speller(language)
        ignored = {w.lower() for w in options.ignore}
        candidates = [
            w for w in document.words if len(w.text) >= MIN_WORD_LENGTH and w.text.isalpha() and w.text.islower()
        ]
        known = {text: _is_known(speller, text, ignored) for text in {w.text for w in candidates}}  # once a word
        unknown = [w for w in candidates if not known[w.text] and not _split(speller, document, w)]
        # The same unknown word twice is a choice (a term, a name the writer lower-cases), not a slip.
        repeats = Counter(w.text for w in unknown)
        findings = []
        for word in unknown:
            correction = _correction(speller, word.text) if repeats[word.text] == 1 else None
            if correction:
                message = f"“{word.text}” looks like a typo for “{correction}”."
                findings.append(self.finding("misspelling", "warning", message, word.start, word.end))
        per_1000 = 1000.0 * len(findings) / document.word_count if document.word_count else 0.0
        score = 1.0 - per_1000 / FULL_PENALTY_PER_1000_WORDS
        metrics = {
            "misspellings": len(findings),
            "words_checked": len(candidates),
            "misspellings_per_1000_words": per_1000,
        }
        return self.result(score, findings, metrics)


def _is_known(speller, word: str, ignored: set[str]) -> bool:
    return word in ignored or word in LOAN_WORDS or word in speller or _known_variant(speller, word)


def _split(speller, document: Document, word: Word) -> bool:
    """ "A campaign co ordinated by": a word whose hyphen the extraction lost, known joined to the one before."""
    if word.index == 0:
        return False
    before = document.words[word.index - 1]
    joined = before.text.lower() + word.text
    return document.text[before.end : word.start] == " " and _plain_known(speller, joined)


def _known_variant(speller, word: str) -> bool:
    """Whether the word is a British spelling, an inflection or a compound of words the dictionary knows, or
    one of them written with its accents ("communiqué") or without them ("risque")."""
    bare = _without_accents(word)
    if bare != word and (bare in speller or _known_variant(speller, bare)):
        return True
    if word in _unaccented(speller):  # "risque", "cliche": English copy often drops a loan word's accents
        return True
    if _british(speller, word):
        return True
    stem = INFLECTION.sub("", word)
    if stem != word and len(stem) >= 3 and (stem in speller or stem + "e" in speller):  # "engagers", "apps"
        return True
    if word.endswith("bly") and word[:-1] + "e" in speller:  # "unfeasibly" from "unfeasible"
        return True
    return _compound(speller, word)


def _british(speller, word: str) -> bool:
    """A British spelling of a word the (American) dictionary knows: "favour", "centre", "medallist"."""
    american = word
    for pattern, replacement in BRITISH_TO_AMERICAN:
        american = pattern.sub(replacement, american)
    return american != word and american in speller


@cache
def _unaccented(speller) -> frozenset[str]:
    """The dictionary's accented words ("risqué", "cliché") as they are written without their accents."""
    accented = (w for w in speller.word_frequency.keys() if not w.isascii())
    return frozenset(bare for bare in map(_without_accents, accented) if bare.isascii())


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _compound(speller, word: str) -> bool:
    """Two known words written as one, as English coins them: "onboard", "adware", "centrepiece"."""
    cuts = range(MIN_COMPOUND_HEAD, len(word) - MIN_COMPOUND_TAIL + 1)
    return any(_plain_known(speller, word[:cut]) and _plain_known(speller, word[cut:]) for cut in cuts)


def _plain_known(speller, word: str) -> bool:
    return word in speller or _british(speller, word)


def _correction(speller, word: str) -> str | None:
    """The most frequent known word one edit away, or None: two edits away guesses too often."""
    candidates = speller.known(speller.edit_distance_1(word))
    return max(sorted(candidates), key=speller.word_usage_frequency) if candidates else None


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [SpellingCheck()]
