"""What a check is: the protocol every check meets, and a small base class that fills in the boilerplate.

A check is a plain object with a stable `name`, a `version`, a default `weight` and
`run(document, context) -> CheckResult`. It holds no state across articles: anything it learns
about the batch arrives through `context.corpus`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

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

    options: Mapping[str, Any] | CheckOptions = field(default_factory=dict)
    corpus: CorpusStats | None = None
    encoder: SentenceEncoder | None = None
    story: StoryContext | None = None

    def option(self, key: str, default: Any) -> Any:
        """A configured option of this check, or `default`."""
        if isinstance(self.options, BaseModel):
            return getattr(self.options, key, default)
        return self.options.get(key, default)


class CheckOptions(BaseModel):
    """The options of a check, read from its `[options.<check>]` table: subclass it with typed fields and
    defaults (`long_sentence_words: int = Field(60, ge=1)`). Unknown keys are rejected, so a misspelt
    option stops the engine when it is built, naming the key, instead of being silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@runtime_checkable
class Check(Protocol):
    """The contract of a check; built-in and third-party checks meet it alike.

    Required: a stable `name`, a `version`, a default `weight` and `run(document, context)`. Optional
    (read with these defaults when missing, so a plain object with the four required members is a check):

    - `wants_encoder: bool = False`: True makes the engine load the sentence encoder of the `semantic`
      extra (when installed and not turned off) and pass it in `context.encoder`.
    - `Options: type[CheckOptions]`: the check's options; the engine validates `[options.<name>]`
      against it when it is built and passes the validated model as `context.options`. Without it the
      raw table is passed as a mapping, unvalidated.
    - `cuttable: tuple[str, ...] = ()`: kinds of this check's findings whose text `reliability clean`
      may cut out (page boilerplate, not a defect of the story's own words).
    """

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
    Options: ClassVar[type[CheckOptions]] = CheckOptions  # no options unless a check declares some
    cuttable: ClassVar[tuple[str, ...]] = ()  # finding kinds `clean` may cut
    needs_story: ClassVar[bool] = False  # True: the engine runs it only in story mode, on an article with siblings

    def run(self, document: Document, context: CheckContext) -> CheckResult:
        raise NotImplementedError

    def options(self, context: CheckContext) -> Any:
        """This check's validated options: the engine's, or a raw table (a test's, a direct call's) validated now."""
        if isinstance(context.options, self.Options):
            return context.options
        return self.Options.model_validate(dict(context.options) if not isinstance(context.options, BaseModel) else {})

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


def wants_encoder(check: Check) -> bool:
    """Whether a check asks for the sentence encoder (False when it does not say)."""
    return bool(getattr(check, "wants_encoder", False))


def options_model(check: Check) -> type[CheckOptions] | None:
    """A check's options model, or None for a check that declares none (its table goes through unvalidated)."""
    model = getattr(check, "Options", None)
    return model if isinstance(model, type) and issubclass(model, CheckOptions) else None


def cuttable_codes(checks: Iterable[Check]) -> frozenset[str]:
    """The finding codes (`check.kind`) whose text the checks allow `clean` to cut."""
    return frozenset(f"{c.name}.{kind}" for c in checks for kind in getattr(c, "cuttable", ()))
