"""What a check is: the protocol every check meets, and a small base class that fills in the boilerplate.

A check is a plain object with a stable `name`, a `version`, a default `weight` and
`run(document, context) -> CheckResult`. It holds no state across articles: anything it learns
about the batch arrives through `context.corpus`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from reliability.document import Document
from reliability.models import CheckResult, Finding, RelatedSpan, Severity
from reliability.semantic import SentenceEncoder

if TYPE_CHECKING:
    from reliability.story.context import StoryContext


@dataclass(frozen=True)
class CorpusStats:
    """Statistics over the whole input, available to checks when scoring with `--corpus`.

    `document_frequency[w]` counts the articles containing lower-cased word `w`;
    `shared_blocks[k]` counts the articles containing a block (paragraph) whose `block_key` is `k`,
    for blocks found in two or more articles (syndicated copy, or a site's recurring boilerplate).
    """

    documents: int
    document_frequency: Mapping[str, int]
    shared_blocks: Mapping[str, int] = field(default_factory=dict)

    @staticmethod
    def block_key(words: Iterable[str]) -> str:
        """A block's identity across articles: its lower-cased words, space-joined."""
        return " ".join(words)

    def articles_sharing(self, document: Document, block_index: int) -> int:
        """How many articles of the batch contain this block (1 or 0 when it is not shared)."""
        block = document.blocks[block_index]
        key = self.block_key(document.lower_words[i] for i in document.words_between(block.start, block.end))
        return self.shared_blocks.get(key, 1 if key else 0)

    def idf(self, word: str) -> float:
        """Smoothed inverse document frequency, as scikit-learn's TfidfVectorizer computes it."""
        from math import log

        return log((1 + self.documents) / (1 + self.document_frequency.get(word, 0))) + 1


@dataclass(frozen=True)
class CheckContext:
    """What a check may know besides the article: its own options and, optionally, corpus statistics,
    a sentence encoder (the `semantic` extra; read vectors through `Document.sentence_vectors`) and, in
    story mode, the article's story (`reliability.story.context.StoryContext`: its siblings' evidence)."""

    options: Mapping[str, Any] = field(default_factory=dict)
    corpus: CorpusStats | None = None
    encoder: SentenceEncoder | None = None
    story: StoryContext | None = None

    def option(self, key: str, default: Any) -> Any:
        """A configured option of this check, or `default`."""
        return self.options.get(key, default)


@runtime_checkable
class Check(Protocol):
    """The contract of a check; built-in and third-party checks meet it alike."""

    name: str
    version: str
    weight: float

    def run(self, document: Document, context: CheckContext) -> CheckResult: ...


class BaseCheck:
    """Convenience base: subclasses set `name`, `version`, `weight` and implement `run`."""

    name: ClassVar[str]
    version: ClassVar[str] = "1.0"
    weight: ClassVar[float] = 1.0
    wants_encoder: ClassVar[bool] = False  # True: the engine loads the sentence encoder and passes it in the context
    needs_story: ClassVar[bool] = False  # True: the engine runs it only in story mode, on an article with siblings

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        raise NotImplementedError

    def finding(
        self,
        kind: str,
        severity: Severity,
        message: str,
        start: int,
        end: int,
        related: Iterable[tuple[int, int]] = (),
        confidence: float = 1.0,
    ) -> Finding:
        """A finding of this check; `kind` becomes the code `name.kind`."""
        return Finding(
            check=self.name,
            code=f"{self.name}.{kind}",
            severity=severity,
            message=message,
            start=start,
            end=end,
            related=[RelatedSpan(start=s, end=e) for s, e in related],
            confidence=round(min(1.0, max(0.0, confidence)), 3),
        )

    def result(
        self,
        score: float,
        findings: Iterable[Finding] = (),
        metrics: Mapping[str, float] | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> CheckResult:
        """This check's result; the score is clamped to 0..1 and findings sorted by position."""
        return CheckResult(
            name=self.name,
            version=self.version,
            weight=self.weight,
            score=round(min(1.0, max(0.0, score)), 4),
            metrics={k: round(float(v), 4) for k, v in (metrics or {}).items()},
            details=dict(details or {}),
            findings=sorted(findings, key=lambda f: (f.start, f.end, f.code)),
        )
