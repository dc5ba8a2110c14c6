"""English tuning of segmentation: where the sentence splitter needs help, and what a name looks like."""

from __future__ import annotations

import re

from reliability.language.people import HONORIFICS

# Each of the two patterns below matches the mark that ends the first sentence: the cut is at the match's
# end. Led by that mark, the engine scans for it alone, not trying the whole pattern at every position.
#: Sentences glued by bad extraction: "at noon.The Wire is now on WhatsApp".
GLUED_SENTENCE_RE = re.compile(r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
#: sentencex reads "May." as an abbreviation before a title ("on 5 May. Mr Blair said"), not before "He".
MISSED_BOUNDARY_RE = re.compile(
    r"(?<=\bMay)\.(?=\s+(?:" + "|".join(sorted(t.title() for t in HONORIFICS | {"prof"})) + r")\b)"
)
#: A proper name: capitalised words, optionally joined by a few lower-case particles ("Bank of England").
#: (Each word is a capital and what may follow it, so that the pattern opens with a capital: the engine
#: then looks for capitals alone.)
NAME_RE = re.compile(
    r"[A-Z](?:[\w’'.\-]*[\w])?(?:\s+(?:(?:of|the|de|al|bin|von|van|der|for)\s+)?[A-Z](?:[\w’'.\-]*[\w])?)*"
)
