"""attribution: how much of the reporting is tied to identifiable sources, and how well.

Finds direct quotes and indirect speech with their speakers (named, role-identified, pronoun
resolved to the nearest named source), flags vague attributions ("officials said", "analysts
warn", "it is reported"), quotes with no speaker in reach, anonymous sources and agency credits.
Everything found is also returned in `details` (`quotes`, `speakers`) for pipelines to use.
Rules over the shared Document propose the candidates; a small logistic model (JSON weights, fitted
on public annotated news) keeps the likely ones.
"""

from __future__ import annotations

import re
from typing import Any

from reliability.check import BaseCheck, CheckContext
from reliability.checks.attribution import lexicon as lx
from reliability.checks.attribution.confidence import confidences, load_model
from reliability.checks.attribution.resolve import Resolved, Source, resolve
from reliability.checks.attribution.scoring import Tally, attribution_score, score_reason
from reliability.checks.attribution.statements import Attribution, Statement, find_statements, is_partial
from reliability.checks.attribution.vague import find_vague_phrases
from reliability.document import Document
from reliability.hookspecs import hookimpl
from reliability.language.patterns import first_letters
from reliability.models import CheckResult, Finding

_AGENCY_RE = re.compile(
    rf"\b(?={first_letters(lx.AGENCIES)})("
    + "|".join(sorted(map(re.escape, lx.AGENCIES), key=len, reverse=True))
    + r")\b"
)
_ANONYMITY_RE = re.compile(
    rf"\b(?={first_letters(lx.ANONYMOUS_PHRASES)})(?:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in lx.ANONYMOUS_PHRASES)
    + r")\b",
    re.IGNORECASE,
)
#: Each anonymity phrase's words: the phrase is searched for only in an article that holds all of them.
_ANONYMITY_WORDS = tuple(tuple(p.split()) for p in lx.ANONYMOUS_PHRASES)
#: Agency names that are also ordinary words or initials need a credit context to count.
_AMBIGUOUS_AGENCIES = frozenset({"AP", "APP", "UPI", "ANI", "AAP", "Bloomberg"})
_CREDIT_CONTEXT_RE = re.compile(
    r"(?:told|to|by|via|from|on|with|\(|—|–|-|,)\s*$|^\s*(?:\)|reported|said|news agency|contributed)", re.IGNORECASE
)


class AttributionCheck(BaseCheck):
    name = "attribution"
    version = "1.0"
    weight = 1.0

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        candidates, attributions = find_statements(document)
        threshold = load_model().threshold
        scored = [(s, p) for s, p in zip(candidates, confidences(document, candidates)) if p >= threshold]
        statements = [s for s, _ in scored]
        likely = {id(s) for s in statements}
        resolved = resolve(document, statements)
        findings: list[Finding] = []
        anonymity = _anonymity_spans(document)
        vague_spans = self._vague(document, attributions, anonymity, findings)
        self._anonymous(document, attributions, anonymity, findings)
        unattributed = self._unattributed(document, candidates, likely, findings)
        agencies = self._agencies(document, findings)
        tally = _tally(document, statements, resolved, len(vague_spans), unattributed)
        score = attribution_score(tally)
        sources = _distinct_sources(resolved)
        metrics = {
            "named_sources": tally.named_sources,
            "named_sources_with_role": tally.named_with_role,
            "role_sources": tally.role_sources,
            "quotes": tally.quotes,
            "quotes_attributed": tally.quotes_attributed,
            "quote_attribution_rate": tally.quote_rate if tally.quote_rate is not None else 0.0,
            "statements": len(statements),
            "reporting_sentences": tally.reporting_sentences,
            "attributed_sentences": tally.attributed_sentences,
            "attributed_sentence_rate": tally.sentence_rate if tally.sentence_rate is not None else 0.0,
            "vague_attributions": tally.vague,
            "vague_per_1000_words": tally.vague_per_1000_words,
            "unattributed_quotes": unattributed,
            "agency_credits": len(agencies),
        }
        details: dict[str, Any] = {
            "quotes": [
                _quote_detail(document, s, r) | {"confidence": round(p, 3)} for (s, p), r in zip(scored, resolved)
            ],
            "speakers": [
                {
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "kind": s.kind,
                    "role": s.role,
                    "person": s.person,
                    "mentions": s.mentions,
                }
                for s in sources
            ],
            "agencies": agencies,
            "reason": score_reason(tally),
        }
        return self.result(score, findings, metrics, details)

    # -- findings -----------------------------------------------------------------------------

    def _vague(
        self,
        document: Document,
        attributions: list[Attribution],
        anonymity: list[tuple[int, int]],
        findings: list[Finding],
    ) -> list[tuple[int, int]]:
        """Vague speakers ("analysts warn") and impersonal constructions ("it is reported"); returns warning spans."""
        text = document.text
        spans: list[tuple[int, int]] = []
        credited = _credited_document(document, attributions)
        for a in attributions:
            if a.mention is None or a.mention.kind != "vague":
                continue
            if any(s <= a.mention.end and a.mention.start <= e for s, e in anonymity):
                continue  # "people familiar with the matter": an anonymous source, reported as such
            start, end = min(a.cue_start, a.mention.start), max(a.cue_end, a.mention.end)
            if credited and a.mention.head in lx.VAGUE_DOCUMENT_NOUNS:
                findings.append(self._named_elsewhere(text, start, end, credited))
                spans.append((start, end))
                continue
            who = text[a.mention.start : a.mention.end]
            findings.append(
                self.finding(
                    "vague",
                    "warning",
                    f"“{text[start:end]}”: the claim rests on “{who}”, a source nobody can identify, so a reader "
                    "cannot check who said it. Name the source, or say why it cannot be named.",
                    start,
                    end,
                    confidence=0.8,
                )
            )
            spans.append((start, end))
        for start, end, severity, why in find_vague_phrases(document):
            if any(s < end and start < e for s, e in spans):
                continue
            about_research = not lx.VAGUE_DOCUMENT_NOUNS.isdisjoint(text[start:end].lower().split())
            if credited and severity == "warning" and about_research:
                findings.append(self._named_elsewhere(text, start, end, credited))
                continue
            findings.append(
                self.finding(
                    "vague",
                    severity,
                    f"“{text[start:end]}”: {why}; the reader cannot tell where the claim comes from.",
                    start,
                    end,
                    confidence=0.7 if severity == "warning" else 0.5,
                )
            )
            if severity == "warning":
                spans.append((start, end))
        return spans

    def _named_elsewhere(self, text: str, start: int, end: int, credited: str) -> Finding:
        """ "…, research suggests." in the lead, "according to a report by think tank Demos" below it: the
        news convention of naming the study after the summary. Worth a note, not a warning."""
        return self.finding(
            "vague",
            "info",
            f"“{text[start:end]}”: not named here, though the article credits “{credited}”; say so where the "
            "claim is made.",
            start,
            end,
            confidence=0.5,
        )

    def _anonymous(
        self,
        document: Document,
        attributions: list[Attribution],
        anonymity: list[tuple[int, int]],
        findings: list[Finding],
    ) -> None:
        """Unnamed individuals or units ("a source close to the talks", "White House officials"): info."""
        text = document.text
        seen: list[tuple[int, int]] = []
        for a in attributions:
            if a.mention is not None and a.mention.kind == "anonymous":
                start, end = a.mention.start, a.mention.end
                seen.append((start, end))
                findings.append(
                    self.finding(
                        "anonymous",
                        "info",
                        f"“{text[start:end]}” is an unnamed source: identifiable in kind but not by name.",
                        start,
                        end,
                        confidence=0.7,
                    )
                )
        for start, end in anonymity:
            if not any(s < end and start < e for s, e in seen):
                findings.append(
                    self.finding(
                        "anonymous",
                        "info",
                        f"“{document.analysis_text[start:end]}”: the source is anonymous.",
                        start,
                        end,
                        confidence=0.8,
                    )
                )

    def _unattributed(
        self, document: Document, candidates: list[Statement], likely: set[int], findings: list[Finding]
    ) -> int:
        """Quotes with no speaker: a warning, or an info for a phrase quoted inside the writer's own
        sentence, whose source is usually that sentence's subject ("IATA attacked the package as a "bad
        piece of legislation""), or for a quote the scorer finds unlikely to be anyone's statement (a
        slogan, a title). Returns the warnings."""
        count = 0
        for s in candidates:
            if s.kind != "direct" or s.attribution is not None:
                continue
            snippet = document.snippet(s.start, s.end, 70)
            if is_partial(document, s.start) or id(s) not in likely:
                findings.append(
                    self.finding(
                        "unattributed_quote",
                        "info",
                        f"Quoted phrase with no speaker found: “{snippet}”. "
                        "Check that the sentence says whose words they are.",
                        s.start,
                        s.end,
                        confidence=0.5,
                    )
                )
                continue
            count += 1
            message = f"Quoted statement with no speaker in reach: “{snippet}”. Say who said it."
            findings.append(self.finding("unattributed_quote", "warning", message, s.start, s.end, confidence=0.75))
        return count

    def _agencies(self, document: Document, findings: list[Finding]) -> list[dict[str, Any]]:
        """News-agency credits (AFP, Reuters, AP, DW, ...): information about where the copy comes from."""
        text = document.analysis_text
        credits: dict[str, list[tuple[int, int]]] = {}
        for m in _AGENCY_RE.finditer(text) if any(name in text for name in lx.AGENCIES) else ():
            name = m.group(1)
            if name in _AMBIGUOUS_AGENCIES and not (
                _CREDIT_CONTEXT_RE.search(text[max(0, m.start() - 12) : m.start()])
                or _CREDIT_CONTEXT_RE.search(text[m.end() : m.end() + 20])
            ):
                continue
            credits.setdefault(lx.AGENCIES[name], []).append((m.start(), m.end()))
        out = []
        for agency, spans in credits.items():
            (start, end), rest = spans[0], spans[1:]
            findings.append(
                self.finding(
                    "agency",
                    "info",
                    f"Copy credited to the news agency {agency} ({len(spans)} mention(s)).",
                    start,
                    end,
                    related=rest[:20],
                )
            )
            out.append({"agency": agency, "start": start, "end": end, "mentions": len(spans)})
        return out


def _credited_document(document: Document, attributions: list[Attribution]) -> str | None:
    """The first study, report or survey the article credits to someone by name ("a report by think tank
    Demos"; not "Previous election research")."""
    for a in attributions:
        mention = a.mention
        if mention is not None and mention.kind in ("named", "role"):
            words = document.text[mention.start : mention.end].split()
            named = any(w[:1].isupper() for w in words[1:])
            if named and not lx.DOCUMENT_NOUNS.isdisjoint(w.lower() for w in words):
                return document.text[mention.start : mention.end]
    return None


def _span(document: Document, start: int, end: int) -> dict[str, Any]:
    return {"text": document.text[start:end], "start": start, "end": end}


def _quote_detail(document: Document, statement: Statement, resolved: Resolved) -> dict[str, Any]:
    """One `details.quotes` entry, as DESIGN.md specifies, plus the source kind and the local mention."""
    a, source, mention = statement.attribution, resolved.source, resolved.mention
    return {
        "kind": statement.kind,
        "start": statement.start,
        "end": statement.end,
        "speaker": _span(document, source.start, source.end) | {"text": source.text} if source else None,
        "role": source.role if source else None,
        "cue": _span(document, a.cue_start, a.cue_end) if a and not statement.inherited else None,
        "source": source.kind if source else None,
        "mention": _span(document, mention.start, mention.end) if mention and not statement.inherited else None,
    }


def _distinct_sources(resolved: list[Resolved]) -> list[Source]:
    seen: dict[int, Source] = {}
    for r in resolved:
        if r.source is not None and r.source.kind in ("named", "role", "anonymous", "vague"):
            seen.setdefault(id(r.source), r.source)
    return sorted(seen.values(), key=lambda s: s.start)


def _tally(
    document: Document, statements: list[Statement], resolved: list[Resolved], vague: int, unattributed: int
) -> Tally:
    sources = _distinct_sources(resolved)
    reporting: dict[int, bool] = {}
    for s, r in zip(statements, resolved):
        sentence = document.sentence_at(s.start)
        if sentence is None:
            continue
        identified = r.source is not None and r.source.kind in ("named", "role", "pronoun")
        reporting[sentence.index] = reporting.get(sentence.index, False) or identified
    direct = [(s, r) for s, r in zip(statements, resolved) if s.kind == "direct"]
    return Tally(
        named_sources=sum(1 for s in sources if s.kind == "named"),
        named_with_role=sum(1 for s in sources if s.kind == "named" and s.role),
        role_sources=sum(1 for s in sources if s.kind == "role"),
        quotes=len(direct),
        quotes_attributed=sum(
            1 for _, r in direct if r.source is not None and r.source.kind in ("named", "role", "pronoun")
        ),
        reporting_sentences=len(reporting),
        attributed_sentences=sum(reporting.values()),
        vague=vague,
        unattributed_quotes=unattributed,
        words=document.word_count,
    )


@hookimpl
def reliability_checks(settings: object) -> list[BaseCheck]:
    return [AttributionCheck()]


def _anonymity_spans(document: Document) -> list[tuple[int, int]]:
    """Where the article says a source is unnamed ("people familiar with", "on condition of anonymity");
    the phrases are looked for only when all the words of one of them are in the text (most articles
    have none, and a substring test is far cheaper than the search)."""
    lowered = document.analysis_text.lower()
    if not any(all(word in lowered for word in words) for words in _ANONYMITY_WORDS):
        return []
    return [(m.start(), m.end()) for m in _ANONYMITY_RE.finditer(document.analysis_text)]
