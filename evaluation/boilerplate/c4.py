"""The C4 line rules (Raffel et al. 2020, as datatrove's C4QualityFilter applies them line by line with its
defaults), written out here so they run on exactly the lines our classifier judges: a line is dropped when
it does not end in terminal punctuation (or ends in an ellipsis), has fewer than 3 words, has a word over
1,000 characters, mentions javascript, or names a cookie or usage policy. Citation marks ([1], [edit])
are removed first. The page-level rules (fewer than 5 sentences, lorem ipsum, curly brackets) drop whole
pages, not lines, and are left out."""

from __future__ import annotations

import re

CITATION_RE = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
END_PUNCTUATION = (".", "?", "!", '"', "'")
ELLIPSIS = "..."
POLICY_SUBSTRINGS = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
MIN_WORDS_PER_LINE = 3
MAX_WORD_LENGTH = 1000


def c4_drops(line: str) -> bool:
    """True when the C4 rules drop this line (call it boilerplate)."""
    line = CITATION_RE.sub("", line).strip()
    words = line.split()
    lower = line.lower()
    return (
        any(len(w) > MAX_WORD_LENGTH for w in words)
        or not line.endswith(END_PUNCTUATION)
        or line.endswith(ELLIPSIS)
        or len(words) < MIN_WORDS_PER_LINE
        or "javascript" in lower
        or any(p in lower for p in POLICY_SUBSTRINGS)
    )
