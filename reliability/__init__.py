"""reliability: score how reliable a news article is, from its own text.

    from reliability import score, Engine, Article
    report = score("Officials said ...")

Importing this package does no work: no plugins load, no environment is read, and neither
scikit-learn nor textstat is imported until an engine is built or a check runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BaseCheck",
    "CheckOptions",
    "CheckContext",
    "CheckResult",
    "Document",
    "Engine",
    "Finding",
    "RelatedSpan",
    "Report",
    "Settings",
    "Span",
    "StoryRef",
    "hookimpl",
    "score",
    "to_frame",
]

_LAZY = {
    "Article": "reliability.models",
    "CheckResult": "reliability.models",
    "Finding": "reliability.models",
    "Report": "reliability.models",
    "Span": "reliability.models",
    "RelatedSpan": "reliability.models",
    "StoryRef": "reliability.models",
    "BaseCheck": "reliability.check",
    "CheckOptions": "reliability.check",
    "CheckContext": "reliability.check",
    "Document": "reliability.document",
    "Engine": "reliability.engine",
    "Settings": "reliability.config",
    "hookimpl": "reliability.hookspecs",
}

if TYPE_CHECKING:
    from reliability.check import BaseCheck, CheckContext, CheckOptions
    from reliability.config import Settings
    from reliability.document import Document
    from reliability.engine import Engine
    from reliability.hookspecs import hookimpl
    from reliability.models import Article, CheckResult, Finding, RelatedSpan, Report, Span, StoryRef


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'reliability' has no attribute {name!r}")


def score(article: Any, **settings: Any) -> Report:
    """Score one article (a string or an `Article`) with a default engine built for the call.

    To score many articles, build one `Engine` and use `score_many`: building an engine loads plugins.
    """
    from reliability.engine import Engine

    return Engine(**settings).score(article)


def to_frame(reports: Iterable[Report]) -> Any:
    """A pandas DataFrame with one row per report (`Report.to_row`). Needs pandas (`pip install pandas`)."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("reliability.to_frame needs pandas: pip install pandas") from None
    return pd.DataFrame([report.to_row() for report in reports])
