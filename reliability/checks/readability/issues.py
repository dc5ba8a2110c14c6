"""What a detector reports: one problem a reader trips on, with its span and reason."""

from __future__ import annotations

from dataclasses import dataclass

from reliability.models import Severity


@dataclass(frozen=True)
class Issue:
    kind: str
    severity: Severity
    start: int
    end: int
    message: str
    confidence: float = 1.0
