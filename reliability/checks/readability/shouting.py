"""Shouting: runs of words in capitals ("POLICE SAY THE SUSPECT WAS ARMED"), not acronyms.

Acronyms (NATO, UN, TTP, AFP, U.S.) are capitals too, and a wire story can have several in a row
("the UN, NATO and EU"), so a run counts only when it holds at least three *ordinary* words in
capitals: function words (THE, AND, WAS) or dictionary words of five letters or more that are not
known acronyms. A short line entirely in capitals is a headline or kicker set in caps (an info);
capitals inside running text, or a whole paragraph of them, are a warning.
"""

from __future__ import annotations

from reliability.checks.readability.issues import Issue
from reliability.document import Document, Word
from reliability.language.dictionaries import is_word
from reliability.language.stop_words import FUNCTION_WORDS
from reliability.models import Severity

MIN_SHOUTED_WORDS = 3
#: A line of at most this many words, all in capitals, reads as a headline set in caps.
HEADLINE_WORDS = 12

#: Acronyms long enough, or common enough in news, to pass for words in the CMU dictionary.
_ACRONYMS = frozenset(
    "NATO OPEC UNICEF UNESCO UNHCR UNRWA NASA NOAA FEMA OSHA ASEAN NAFTA COVID AIDS SARS MERS FIFA UEFA "
    "INTERPOL EUROPOL SWAT NASDAQ CERN ISIS ISIL LGBT LGBTQ FRONTEX MERCOSUR ECOWAS OFCOM OFGEM NICE DEFRA "
    "ACLU AARP NAACP PETA OXFAM AMBER FOMO RADAR LASER SCUBA".split()
)


def find_shouting(document: Document) -> list[Issue]:
    issues: list[Issue] = []
    for run in _caps_runs(document):
        shouted = [w for w in run if _is_shouted(w.text)]
        if len(shouted) < MIN_SHOUTED_WORDS:
            continue
        start, end = run[0].start, run[-1].end
        block = document.blocks[document.block_index_at(start)]
        block_words = document.words_between(block.start, block.end)
        whole_line = len(block_words) == len(run)
        severity: Severity = "info" if whole_line and len(run) <= HEADLINE_WORDS else "warning"
        where = "a line set entirely in capitals" if whole_line else "capitals in the middle of running text"
        issues.append(
            Issue(
                "shouting",
                severity,
                start,
                end,
                f"{len(run)} words in capitals ({where}): “{document.snippet(start, end, 60)}”. Capitals read as "
                "shouting and are harder to read than normal case; news style keeps them for acronyms.",
                confidence=0.6 if severity == "info" else 0.8,
            )
        )
    return issues


def _is_caps(text: str) -> bool:
    """Every letter a capital (NATO, U.S, THE, A); digits alone are not caps."""
    return text.isupper() and (len(text) > 1 or text in ("A", "I"))


def _is_shouted(text: str) -> bool:
    if not text.isalpha():  # U.S, COVID-19, F-16: acronyms, codes
        return False
    return text.lower() in FUNCTION_WORDS or (len(text) >= 5 and text not in _ACRONYMS and is_word(text))


def _caps_runs(document: Document) -> list[list[Word]]:
    """Maximal runs of all-capital tokens separated only by spaces or light punctuation on one line."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    text = document.text
    for word in document.words:
        if not _is_caps(word.text):
            if current:
                runs.append(current)
            current = []
            continue
        if current:
            gap = text[current[-1].end : word.start]
            if "\n" in gap or len(gap) > 3:
                runs.append(current)
                current = []
        current.append(word)
    if current:
        runs.append(current)
    return runs
