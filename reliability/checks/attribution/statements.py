"""Who said what: pairing reporting cues with speakers, direct quotes and indirect speech.

Cues are reporting verbs (PARC-style: "said", "told", "warned", "according to"). Each cue gets a
speaker from the words around it, in this order: the phrase before it ("Mujahid said"), the phrase
after it when the cue follows a quote or a comma ("…,” said Mujahid"), or, for a participle after a
comma ("…, stating that …"), the subject of the clause. A direct quote takes the cue right after it
(`"…," he said`, `"…" – Asim Munir`), else the nearest cue before it in its sentence (`X said: "…"`),
else a colon-introduced line before it, else the speaker of an earlier quote in the same paragraph.
Cues not used by a direct quote yield indirect statements ("X said that …", "…, according to X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reliability.checks.attribution import lexicon as lx
from reliability.checks.attribution.mentions import Mention
from reliability.checks.attribution.quotes import QuoteSpan, find_quotes
from reliability.checks.attribution.reported import reported_content
from reliability.checks.attribution.speakers import clause_subject, phrase_after, phrase_before
from reliability.document import Document, Sentence

_DASH_RE = re.compile(r"\s*[,.]?\s*[–—―-]{1,2}\s*")
_PASSIVE_REPORT_RE = re.compile(
    r"(?:alleged|said|believed|thought|understood|rumou?red|reputed)\s+to\s+(?:be|have)\b", re.I
)
#: The words that may open an attribution: reporting verbs, finding verbs, "according (to)".
_CUE_WORDS = lx.CUE_VERBS | lx.FINDING_VERBS | {"according"}
#: A quote this short with no cue next to it is a scare quote or a title, not a statement.
MIN_STATEMENT_WORDS = 4


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting cue and the speaker phrase it was paired with."""

    cue_start: int
    cue_end: int
    sentence: int
    mention: Mention | None
    form: str  # before | after | participle | according | dash


@dataclass(slots=True)
class Statement:
    """A direct quote or an indirect report, with the attribution it got (None: unattributed)."""

    kind: str
    start: int
    end: int
    attribution: Attribution | None
    words: int
    inherited: bool = False


def find_attributions(document: Document, quotes: list[QuoteSpan]) -> list[Attribution]:
    """Every reporting cue outside quotation marks, with its speaker phrase (cues with no speaker dropped)."""
    inside = [(q.start, q.end) for q in quotes]
    found: list[Attribution] = []
    lower, words = document.lower_words, document.words
    q = 0
    for sentence in document.sentences:
        for i in sentence.words:
            token = lower[i]
            if token not in _CUE_WORDS:
                continue
            w = words[i]
            while q < len(inside) and inside[q][1] <= w.start:
                q += 1
            if q < len(inside) and inside[q][0] <= w.start < inside[q][1]:
                continue
            if token == "according" and i + 1 < sentence.words.stop and lower[i + 1] == "to":
                mention = phrase_after(document, i + 2, sentence.end)
                if mention is not None:
                    found.append(Attribution(w.start, words[i + 1].end, sentence.index, mention, "according"))
                continue
            if token in lx.CUE_VERBS:
                if token == "think" and i + 1 < sentence.words.stop and lower[i + 1] == "tank":
                    continue  # "a think tank": a noun
                attribution = _attribute_cue(document, sentence, i)
            elif token in lx.FINDING_VERBS:
                attribution = _attribute_finding(document, sentence, i)
            else:
                continue
            if attribution is not None:
                found.append(attribution)
    return found


def _attribute_cue(document: Document, sentence: Sentence, i: int) -> Attribution | None:
    words, text = document.words, document.analysis_text
    w = words[i]
    weak = document.lower_words[i] in lx.WEAK_CUES
    if _PASSIVE_REPORT_RE.match(document.analysis_text, w.start):
        return None  # "people alleged to have traded songs": the people are accused, not speaking
    if _not_reported(document, sentence, i):
        return None
    mention = phrase_before(document, sentence, i)
    if mention is not None and _hypothetical(document, sentence, mention, i):
        return None
    if mention is not None and document.analysis_text[sentence.start : mention.start].rstrip().lower().endswith("what"):
        return None  # "what they call harassment", "what the department told the media": naming, not reporting
    if mention is not None and _noun_after_plural(document, mention, i):
        return None
    if mention is not None and document.lower_words[i] in lx.NOUN_LIKE_CUES:
        first_word = document.text[mention.start : mention.end].split()[0].lower()
        if first_word in lx.DETERMINER_LIKE:
            return None  # "the Pakistani state", "a claim": a noun, not a verb
    if mention is not None and not (weak and mention.kind in ("anaphor", "role", "anonymous", "pronoun")):
        return Attribution(w.start, w.end, sentence.index, mention, "before")
    right_after_quote = mention is not None and text[sentence.start : mention.start].rstrip().endswith(("”", '"'))
    if mention is not None and right_after_quote and (mention.kind == "pronoun" or w.text.islower()):
        # `"…?" he asked`, `"…," the lawsuit states`: right after a quote, even a weak cue reports it
        return Attribution(w.start, w.end, sentence.index, mention, "before")
    before = text[sentence.start : w.start].rstrip()
    if before.endswith((",", "”", '"', "’")) and not weak:
        if w.text.endswith("ing"):
            mention = clause_subject(document, sentence, i)
            if mention is not None and mention.kind != "vague":
                return Attribution(w.start, w.end, sentence.index, mention, "participle")
            return None
        if document.lower_words[i] in lx.ADDRESSING_CUES:
            return None  # `…," told HuffPost Canada`: who is told is the listener, never the speaker
        mention = phrase_after(document, i + 1, sentence.end)
        if mention is not None:
            return Attribution(w.start, w.end, sentence.index, mention, "after")
    return None


def _not_reported(document: Document, sentence: Sentence, i: int) -> bool:
    """A cue whose subject did not say anything: a passive ("he was asked", "LaPlante was reported by a
    plumber"), a modal ("the Greens will argue"), an infinitive ("asking Australia to call for"), or a
    capitalised word inside a name ("the United States")."""
    lower, words = document.lower_words, document.words
    if words[i].text[:1].isupper() and i > sentence.words.start and words[i - 1].text[:1].isupper():
        return True
    k = i - 1
    while k >= sentence.words.start and lower[k] in lx.CUE_PREFIXES and lower[k] not in lx.BE_FORMS | lx.MODALS:
        k -= 1
    if k < sentence.words.start:
        return False
    before = lower[k]
    participle = lower[i].endswith("ed") or lower[i] in ("told", "said", "written", "shown", "found", "thought")
    return before in lx.MODALS or before == "to" or (before in lx.BE_FORMS and participle)


def _hypothetical(document: Document, sentence: Sentence, mention: Mention, cue_index: int) -> bool:
    """ "If she won, people would say …": words imagined under a condition, which nobody has said."""
    after_speaker = document.words_between(mention.end, document.words[cue_index].start).start
    between = document.lower_words[after_speaker:cue_index]
    before = document.lower_words[sentence.words.start : document.words_between(sentence.start, mention.start).stop]
    return bool(lx.HYPOTHETICAL_MODALS.intersection(between)) and "if" in before


def _noun_after_plural(document: Document, mention: Mention, cue_index: int) -> bool:
    """ "recover some of the tax claims", "some projects": a plural subject takes "say", not "says", so
    after one an -s form is a plural noun, not a verb."""
    cue = document.lower_words[cue_index]
    plural = mention.head in lx.PLURAL_SUBJECTS or (mention.head or "").endswith("s")
    return plural and mention.kind == "vague" and cue.endswith("s") and not cue.endswith("ss")


def _attribute_finding(document: Document, sentence: Sentence, i: int) -> Attribution | None:
    """ "A UN report found that …": a finding verb counts only when a document is its subject."""
    mention = phrase_before(document, sentence, i)
    if mention is not None and mention.head in lx.DOCUMENT_NOUNS:
        w = document.words[i]
        return Attribution(w.start, w.end, sentence.index, mention, "before")
    return None


def find_statements(document: Document) -> tuple[list[Statement], list[Attribution]]:
    """Direct quotes and indirect statements, in text order, each with its attribution or None."""
    quotes = find_quotes(document)
    attributions = find_attributions(document, quotes)
    by_sentence: dict[int, list[Attribution]] = {}
    for a in attributions:
        by_sentence.setdefault(a.sentence, []).append(a)
    statements: list[Statement] = []
    used: set[int] = set()
    last_in_block: dict[int, Attribution] = {}
    own = [_quote_attribution(document, quote, by_sentence) for quote in quotes]
    for k, quote in enumerate(quotes):
        n_words = len(document.words_between(quote.start, quote.end))
        attribution = own[k]
        inherited = False
        full_sentence = document.analysis_text[quote.end - 1 : quote.end] in ".!?"
        if attribution is None and (n_words >= MIN_STATEMENT_WORDS or full_sentence):
            attribution = (
                _colon_intro(document, quote, by_sentence)
                or last_in_block.get(quote.block)
                or _speaker_just_before(document, quote, by_sentence)
                or _continued_quote(document, quote, last_in_block)
                or _next_quote_attribution(document, quotes, own, k)
            )
            inherited = attribution is not None
        if attribution is None and (n_words < MIN_STATEMENT_WORDS or _names_a_text(document, quote)):
            continue  # scare quotes, titles, nicknames, slogans
        if n_words < MIN_STATEMENT_WORDS and is_partial(document, quote.start) and not full_sentence:
            continue  # a word or two quoted inside the writer's sentence ("the “sextortion” scam"): its report
            # is the sentence's, found as indirect speech, not a statement of its own
        if attribution is not None:
            used.add(id(attribution))
            last_in_block[quote.block] = attribution
        statements.append(Statement("direct", quote.start, quote.end, attribution, n_words, inherited))
    quoted_in_sentence: dict[int, list[tuple[int, int]]] = {}
    for s in statements:  # a quote belongs to every sentence it spans
        first, last = document.sentence_at(s.start), document.sentence_at(max(s.start, s.end - 1))
        for index in range(first.index if first else -1, (last.index if last else -1) + 1):
            quoted_in_sentence.setdefault(index, []).append((s.start, s.end))
    for a in attributions:
        if a.form == "dash":
            continue
        span = reported_content(document, a)
        if span is None:
            continue
        start, end = span
        quoted = quoted_in_sentence.get(a.sentence, [])
        covered = sum(max(0, min(end, qe) - max(start, qs)) for qs, qe in quoted)
        whole_quote = any(not is_partial(document, qs) for qs, _ in quoted)
        if id(a) in used and (covered >= (end - start) / 2 or whole_quote):
            continue  # what the cue reports is the quote (`X said: "…"`, `"…," X told the BBC`), said once
        statements.append(Statement("indirect", start, end, a, len(document.words_between(start, end))))
    statements = _without_nested_quotes(statements)
    statements.sort(key=lambda s: (s.start, s.end))
    return statements, attributions


def _without_nested_quotes(statements: list[Statement]) -> list[Statement]:
    """`She called the plan “a fantasy” that would cost jobs`: the quoted phrase is part of the report its
    cue makes, so it is reported once, as that statement (as annotators of reported speech mark it)."""
    reports = {id(s.attribution): s for s in statements if s.kind == "indirect"}
    kept = []
    for s in statements:
        report = reports.get(id(s.attribution)) if s.kind == "direct" and s.attribution is not None else None
        if report is not None and report.start <= s.start and s.end <= report.end:
            continue
        kept.append(s)
    return kept


def _quote_attribution(
    document: Document, quote: QuoteSpan, by_sentence: dict[int, list[Attribution]]
) -> Attribution | None:
    """The cue right after the closing mark, a dash credit line, or the nearest cue before the quote."""
    text = document.analysis_text
    close = quote.close_at if quote.close_at >= 0 else quote.end
    closing_sentence = document.sentence_at(max(quote.start, close - 1))
    if quote.close_at >= 0:
        after = close + 1
        for a in by_sentence.get(closing_sentence.index, []) if closing_sentence else []:
            if a.cue_start < after or a.mention is None:
                continue
            # `,” he said` / `,” said Mujahid`: nothing but a comma between the quote and its attribution
            near = a.cue_start if a.form == "after" else a.mention.start
            if near >= after and text[after:near].strip() in ("", ",", ".", "!", "?"):
                return a
        dash = _DASH_RE.match(text, after)
        if dash and dash.end() > after + (0 if text[after : after + 1] in "–—―-" else 1):
            block = document.blocks[quote.block]
            index = document.words_between(dash.end(), block.end)
            if index:
                mention = phrase_after(document, index.start, block.end)
                if mention is not None and mention.kind == "named":
                    mark = dash.group(0).strip(" ,.")
                    at = dash.start() + dash.group(0).index(mark)
                    sentence_index = closing_sentence.index if closing_sentence else 0
                    return Attribution(at, at + len(mark), sentence_index, mention, "dash")
    opening_sentence = document.sentence_at(quote.open_at) or document.sentence_at(quote.start)
    if opening_sentence is not None:
        before = [a for a in by_sentence.get(opening_sentence.index, []) if a.cue_end <= quote.open_at]
        if before:
            return before[-1]
    if is_partial(document, quote.start) and closing_sentence is not None:
        # `X should "stick to his guns", Tory MP Boris Johnson has insisted.`: the sentence's speaker
        sentence_cues = by_sentence.get(closing_sentence.index, [])
        later = [a for a in sentence_cues if a.cue_start >= close and a.mention is not None]
        if later:
            return later[0]
    return None


def is_partial(document: Document, start: int) -> bool:
    """A phrase quoted inside the writer's own sentence ("the law was "impossibly difficult to determine"")."""
    return document.analysis_text[start : start + 1].islower()


def _speaker_just_before(
    document: Document, quote: QuoteSpan, by_sentence: dict[int, list[Attribution]]
) -> Attribution | None:
    """`But he said an agreement could be difficult. "Some of these people are accused …"`: a quote right
    after a sentence reporting someone's words, in the same paragraph, continues them."""
    opening = document.sentence_at(quote.open_at) or document.sentence_at(quote.start)
    if opening is None or opening.index == 0 or document.analysis_text[opening.start : quote.open_at].strip():
        return None
    previous = document.sentences[opening.index - 1]
    if previous.block != opening.block:
        return None
    said = [a for a in by_sentence.get(previous.index, []) if a.mention is not None and a.mention.kind != "vague"]
    return said[-1] if said else None


def _continued_quote(document: Document, quote: QuoteSpan, last_in_block: dict[int, Attribution]) -> Attribution | None:
    """A quote opening its paragraph right after a paragraph of attributed quotes continues that speaker:
    the convention of quotes running over several paragraphs."""
    if not _opens_paragraph(document, quote):
        return None
    previous = next((b for b in reversed(document.blocks[: quote.block]) if b.text.strip()), None)
    return last_in_block.get(previous.index) if previous is not None else None


def _next_quote_attribution(
    document: Document, quotes: list[QuoteSpan], own: list[Attribution | None], k: int
) -> Attribution | None:
    """`"First sentence. "Second sentence," he said.`: two quotes back to back, one speaker."""
    quote = quotes[k]
    if k + 1 >= len(quotes) or quotes[k + 1].block != quote.block:
        return None
    after = quote.close_at + 1 if quote.close_at >= 0 else quote.end  # unclosed: it ran on to the next one
    if document.analysis_text[after : quotes[k + 1].open_at].strip():
        return None
    return own[k + 1]


def _names_a_text(document: Document, quote: QuoteSpan) -> bool:
    """ "a poster under the words "How can they fight crime …?"": words written somewhere, not spoken."""
    before = document.analysis_text[document.blocks[quote.block].start : quote.open_at].split()
    return bool(before) and before[-1].lower().strip(",:") in lx.TEXT_NOUNS


def _opens_paragraph(document: Document, quote: QuoteSpan) -> bool:
    return not document.analysis_text[document.blocks[quote.block].start : quote.open_at].strip()


def _colon_intro(document: Document, quote: QuoteSpan, by_sentence: dict[int, list[Attribution]]) -> Attribution | None:
    """A quote opening its paragraph after a line like "Mujahid said:" takes that speaker."""
    if not _opens_paragraph(document, quote) or quote.block == 0:
        return None
    previous = document.blocks[quote.block - 1]
    if not previous.text.rstrip().endswith(":"):
        return None
    last = document.sentence_at(previous.end - 1)
    candidates = by_sentence.get(last.index, []) if last else []
    return candidates[-1] if candidates else None
